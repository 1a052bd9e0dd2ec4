package diag

import (
	"math/rand/v2"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"vinki", "vinkki", 1}, {"työkalu", "tyokalu", 1}, {"abc", "", 3}, {"kissa", "kassi", 2}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q): got %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestDistanceWithinBound checks the banded edit distance against the
// textbook one, every cell worked out, on random words of a small
// alphabet.
func TestDistanceWithinBound(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		b := make([]rune, r.IntN(9))
		for i := range b {
			b[i] = []rune("abä-")[r.IntN(4)]
		}
		return b
	}
	var e EditDistance
	for range 20000 {
		a, b, k := word(), word(), r.IntN(6)
		want := min(whole(a, b), k+1)
		if got := e.Within(string(a), string(b), k); got != want {
			t.Fatalf("Within(%q, %q, %d) = %d, want %d", string(a), string(b), k, got, want)
		}
	}
}

// whole is the edit distance by the full table.
func whole(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(a)][len(b)]
}
