package workers

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestSortFunc: on any number of cores and for any length, SortFunc
// sorts as slices.SortFunc does, including the ranges that are merged
// an odd number of times.
func TestSortFunc(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	r := rand.New(rand.NewPCG(1, 2))
	for _, procs := range []int{1, 2, 3, 4, 7} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 10, 64, 65, 1000, 1001} {
			s := r.Perm(n)
			want := slices.Clone(s)
			slices.Sort(want)
			SortFunc(s, 4, cmp.Compare[int])
			if !slices.Equal(s, want) {
				t.Errorf("%d cores, %d elements: %v, want %v", procs, n, s, want)
			}
		}
	}
}
