package workers

import (
	"runtime"
	"sync"
	"testing"
)

// TestCores: one range a core, none with fewer than least items but one
// at least.
func TestCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tc := range []struct{ n, least, procs, want int }{
		{0, 64, 2, 1},
		{63, 64, 2, 1},
		{64, 64, 2, 1},
		{127, 64, 2, 1},
		{128, 64, 2, 2},
		{10000, 64, 2, 2},
		{10000, 256, 8, 8},
		{1000, 256, 8, 3},
		{1000, 256, 1, 1},
	} {
		runtime.GOMAXPROCS(tc.procs)
		if got := Cores(tc.n, tc.least); got != tc.want {
			t.Errorf("Cores(%d, %d) on %d cores = %d, want %d", tc.n, tc.least, tc.procs, got, tc.want)
		}
	}
}

// TestSplit: the ranges cover [0, n) in order, once, in sizes that
// differ by one at most, and Split calls fn once for each with the
// bounds Bounds gives.
func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		n, k int
		want [][2]int
	}{
		{0, 1, [][2]int{{0, 0}}},
		{5, 1, [][2]int{{0, 5}}},
		{5, 2, [][2]int{{0, 2}, {2, 5}}},
		{10, 3, [][2]int{{0, 3}, {3, 6}, {6, 10}}},
		{2, 3, [][2]int{{0, 0}, {0, 1}, {1, 2}}},
		{10000, 2, [][2]int{{0, 5000}, {5000, 10000}}},
		{10001, 4, [][2]int{{0, 2500}, {2500, 5000}, {5000, 7500}, {7500, 10001}}},
	} {
		got := make([][2]int, tc.k)
		calls := make([]int, tc.k)
		var mu sync.Mutex
		Split(tc.n, tc.k, func(g, lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			got[g] = [2]int{lo, hi}
			calls[g]++
		})
		for g := range tc.k {
			if calls[g] != 1 || got[g] != tc.want[g] {
				t.Errorf("Split(%d, %d): range %d is %v in %d calls, want %v in one", tc.n, tc.k, g, got[g], calls[g], tc.want[g])
			}
			if lo, hi := Bounds(tc.n, tc.k, g); [2]int{lo, hi} != tc.want[g] {
				t.Errorf("Bounds(%d, %d, %d) = %d, %d, want %v", tc.n, tc.k, g, lo, hi, tc.want[g])
			}
		}
	}
}
