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

// nearest returns ` (did you mean "x"?)` for the closest name, or no
// text. A name one typo away comes first; then a name that is the word
// with whole words added or cut at a hyphen, as a file renamed from
// etajohtaminen to etajohtaminen-uusi leaves the links to it; then the
// closest name within a third of the word's length. Of names equally
// close, the first in order is named.
func (s *suggester) nearest(word string) diag.Text {
	if utf8.RuneCountInString(word) > suggestMaxRunes {
		return diag.Text{}
	}
	name, d := s.closest(word, len(word)/3+1)
	if name == "" || d > 1 {
		if r := s.renamed(word); r != "" {
			name = r
		}
	}
	if name == "" {
		return diag.Text{}
	}
	return diag.DidYouMean.With(name)
}

// closest returns the first of the nearest names less than limit edits
// from word and its distance, or "".
func (s *suggester) closest(word string, limit int) (string, int) {
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
	best, bestD := "", limit
	for _, n := range cands {
		if d := s.dist.Within(word, n, bestD-1); d < bestD {
			best, bestD = n, d
		}
	}
	return best, bestD
}

// renamed returns the shortest name (the first in order of those as
// short) that is word with hyphen-joined words added before or after it,
// or word with some of its own cut off at a hyphen; or "".
func (s *suggester) renamed(word string) string {
	best := ""
	take := func(n string) {
		if best == "" || len(n) < len(best) || len(n) == len(best) && n < best {
			best = n
		}
	}
	if s.reversed != nil {
		for _, n := range withPrefix(s.sorted, word+"-") {
			take(n)
		}
		for _, r := range withPrefix(s.reversed, reverse(word)+"-") {
			take(reverse(r))
		}
	} else {
		for _, n := range s.sorted {
			if strings.HasPrefix(n, word+"-") || strings.HasSuffix(n, "-"+word) {
				take(n)
			}
		}
	}
	if best != "" {
		return best
	}
	for i := range len(word) {
		if word[i] != '-' {
			continue
		}
		for _, part := range []string{word[:i], word[i+1:]} {
			if j, ok := slices.BinarySearch(s.sorted, part); ok {
				take(s.sorted[j])
			}
		}
	}
	return best
}

// withPrefix returns the first suggestNear names of sorted that begin
// with prefix.
func withPrefix(sorted []string, prefix string) []string {
	i := sort.SearchStrings(sorted, prefix)
	end := i
	for end < min(i+suggestNear, len(sorted)) && strings.HasPrefix(sorted[end], prefix) {
		end++
	}
	return sorted[i:end]
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
