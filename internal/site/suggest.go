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
	// cells counts the steps of the edit distances worked out, for the
	// test that the work per question stays bounded.
	cells  int
	ra, rb []rune // buffers of distance
	row    [2][]int
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
		if d := s.distance(word, n, bestD-1); d < bestD {
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

// distance is the Levenshtein distance between a and b in runes when it
// is at most k, and otherwise k+1. Only the cells within k of the
// diagonal are worked out, and it stops as soon as a row is all over k.
func (s *suggester) distance(a, b string, k int) int {
	s.ra, s.rb = append(s.ra[:0], []rune(a)...), append(s.rb[:0], []rune(b)...)
	ra, rb := s.ra, s.rb
	if k < 0 || abs(len(ra)-len(rb)) > k {
		return k + 1
	}
	for i := range s.row {
		if cap(s.row[i]) < len(rb)+1 {
			s.row[i] = make([]int, len(rb)+1)
		}
	}
	prev, cur := s.row[0][:len(rb)+1], s.row[1][:len(rb)+1]
	for j := range prev {
		prev[j] = min(j, k+1)
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-k), min(len(rb), i+k)
		cur[lo-1] = k + 1
		if lo == 1 {
			cur[0] = min(i, k+1)
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, k+1)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		s.cells += hi - lo + 1
		if hi < len(rb) {
			cur[hi+1] = k + 1
		}
		if rowMin > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// listNames joins names for a message, the first max of them: a message
// naming every one of ten thousand files helps no one.
func listNames(names []string, max int) any {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return diag.SiteMoreNames.With(strings.Join(names[:max], ", "), diag.SiteMoreCount.With(len(names)-max))
}
