package site

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
)

// A suggester finds, for a name that does not exist, the nearest one that
// does: the "did you mean" of a message.
//
// A portal can hold thousands of names and a careless edit thousands of
// wrong ones, and comparing each wrong name with every name took
// `check` 42 s for 2,500 of them. So each question does a bounded amount
// of work: a small set is compared whole, a large one only its names that
// sort next to the word or next to it read backwards (a typo in the
// middle keeps the start, one at the start keeps the end), and a word
// longer than suggestMaxRunes gets no suggestion.
type suggester struct {
	sorted   []string // the names, in order
	reversed []string // each name read backwards, in order; nil for a small set
	// dist works out the edit distances; its Cells are for the test that
	// the work per question stays bounded.
	dist diag.EditDistance
}

const (
	suggestWhole    = 64 // a set this small is compared whole
	suggestNear     = 16 // else the names this close in either order are
	suggestMaxRunes = 64
)

func newSuggester(names []string) *suggester {
	s := &suggester{sorted: slices.Clone(names)}
	slices.Sort(s.sorted)
	if len(names) > suggestWhole {
		s.reversed = make([]string, len(names))
		for i, n := range names {
			s.reversed[i] = reverse(n)
		}
		slices.Sort(s.reversed)
	}
	return s
}

// nearest returns ` (did you mean "x"?)` for the closest name within a
// third of the word's length, or no text. Of names equally close, the
// first in order is named.
func (s *suggester) nearest(word string) diag.Text {
	if utf8.RuneCountInString(word) > suggestMaxRunes {
		return diag.Text{}
	}
	cands := s.sorted
	if s.reversed != nil {
		cands = make([]string, 0, 4*suggestNear)
		cands = append(cands, around(s.sorted, word)...)
		for _, r := range around(s.reversed, reverse(word)) {
			cands = append(cands, reverse(r))
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
	}
	best, bestD := "", len(word)/3+1
	for _, n := range cands {
		if d := s.dist.Within(word, n, bestD-1); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return diag.Text{}
	}
	return diag.DidYouMean.With(best)
}

// around returns the names of sorted that sort next to word.
func around(sorted []string, word string) []string {
	i := sort.SearchStrings(sorted, word)
	return sorted[max(i-suggestNear, 0):min(i+suggestNear, len(sorted))]
}

func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// listNames joins names for a message, the first max of them: a message
// naming every one of ten thousand files helps no one.
func listNames(names []string, max int) any {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return diag.SiteMoreNames.With(strings.Join(names[:max], ", "), diag.SiteMoreCount.With(len(names)-max))
}
