package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func byHead(x, y headOrder) int {
	return cmp.Or(cmp.Compare(x.area, y.area), cmp.Compare(x.head[0], y.head[0]), cmp.Compare(x.head[1], y.head[1]), cmp.Compare(x.i, y.i))
}

// heads makes n pearls' headOrders in the order of i, from seed: few
// areas, and heads that share their first bytes, or all of them, as
// titles of common words do.
func heads(n int, seed uint64) []headOrder {
	r := rand.New(rand.NewPCG(seed, 1))
	list := make([]headOrder, n)
	for i := range list {
		// Each 16-bit digit one of three values: heads that share
		// their first digits, then differ in any one.
		var h [2]uint64
		for d := range 8 {
			h[d/4] |= []uint64{0, 1, 0xf001}[r.IntN(3)] << (16 * (d % 4))
		}
		if r.IntN(4) == 0 {
			h = [2]uint64{r.Uint64(), r.Uint64()}
		}
		list[i] = headOrder{head: h, area: int32(r.IntN(MaxAreas + 1)), i: int32(i)}
	}
	return list
}

func TestSortHeads(t *testing.T) {
	for _, tt := range []struct {
		name string
		n    int
	}{
		{"none", 0}, {"one", 1}, {"small", 100}, {"below radix", 4095}, {"radix", 4096}, {"large", 30000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list := heads(tt.n, uint64(tt.n))
			want := slices.SortedFunc(slices.Values(list), byHead)
			got := sortHeads(slices.Clone(list))
			if !slices.Equal(got, want) {
				t.Errorf("%d pearls: not in the order of area, head and place", tt.n)
			}
		})
	}
	// One area and one head: the order as loaded.
	same := make([]headOrder, 5000)
	for i := range same {
		same[i] = headOrder{head: [2]uint64{7, 7}, area: 3, i: int32(i)}
	}
	if got := sortHeads(slices.Clone(same)); !slices.Equal(got, same) {
		t.Error("pearls of one area and head are not in the order loaded")
	}
}

func FuzzSortHeads(f *testing.F) {
	f.Add(uint64(1), uint16(5000))
	f.Add(uint64(2), uint16(9000))
	f.Fuzz(func(t *testing.T, seed uint64, n uint16) {
		list := heads(int(n), seed)
		want := slices.SortedFunc(slices.Values(list), byHead)
		if got := sortHeads(slices.Clone(list)); !slices.Equal(got, want) {
			t.Errorf("seed %d, %d pearls: not in the order of area, head and place", seed, n)
		}
	})
}
