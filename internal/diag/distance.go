package diag

import "unicode/utf8"

// An EditDistance works out Levenshtein distances in runes, reusing its
// buffers from one to the next. It is the "did you mean" of every
// message (DidYouMean): a front matter key or value and a worksheet's
// field type (markdown.Meant), a name that does not exist (site), a
// command (cmd/helminauha).
type EditDistance struct {
	// Cells counts the steps worked out, for the tests that the work of
	// suggestions stays bounded.
	Cells  int
	ra, rb []rune
	row    [2][]int
}

// Distance is the Levenshtein edit distance between a and b, in runes.
func Distance(a, b string) int {
	var e EditDistance
	return e.Within(a, b, max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)))
}

// Within is the Levenshtein distance between a and b in runes when it is
// at most k, and otherwise k+1. Only the cells within k of the diagonal
// are worked out, and it stops as soon as a row is all over k.
func (e *EditDistance) Within(a, b string, k int) int {
	e.ra, e.rb = append(e.ra[:0], []rune(a)...), append(e.rb[:0], []rune(b)...)
	ra, rb := e.ra, e.rb
	if k < 0 || abs(len(ra)-len(rb)) > k {
		return k + 1
	}
	for i := range e.row {
		if cap(e.row[i]) < len(rb)+1 {
			e.row[i] = make([]int, len(rb)+1)
		}
	}
	prev, cur := e.row[0][:len(rb)+1], e.row[1][:len(rb)+1]
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
		e.Cells += hi - lo + 1
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
