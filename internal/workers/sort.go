package workers

import "slices"

// SortFunc sorts s by cmp, which must be a total order (no two elements
// compare equal unless they are the same), on every core when s has at
// least least elements a core: each range is sorted on a goroutine of
// its own and the ranges are merged. The result is the one slices.SortFunc
// gives, since a total order has only one.
func SortFunc[E any](s []E, least int, cmp func(a, b E) int) {
	k := Cores(len(s), least)
	if k == 1 {
		slices.SortFunc(s, cmp)
		return
	}
	Split(len(s), k, func(_, lo, hi int) { slices.SortFunc(s[lo:hi], cmp) })
	// Merge the sorted ranges pairwise, back and forth between s and
	// buf, until one is left.
	buf := make([]E, len(s))
	src, dst := s, buf
	runs := make([]int, k+1)
	for g := range k {
		runs[g], _ = Bounds(len(s), k, g)
	}
	runs[k] = len(s)
	for len(runs) > 2 {
		var next []int
		for i := 0; i+1 < len(runs); i += 2 {
			lo := runs[i]
			next = append(next, lo)
			if i+2 >= len(runs) {
				copy(dst[lo:], src[lo:runs[i+1]])
				continue
			}
			merge(dst[lo:runs[i+2]], src[lo:runs[i+1]], src[runs[i+1]:runs[i+2]], cmp)
		}
		runs = append(next, len(s))
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// merge writes the sorted a and b, in order, to dst; of two equal
// elements, a's first.
func merge[E any](dst, a, b []E, cmp func(a, b E) int) {
	i, j := 0, 0
	for k := range dst {
		if j == len(b) || (i < len(a) && cmp(a[i], b[j]) <= 0) {
			dst[k] = a[i]
			i++
		} else {
			dst[k] = b[j]
			j++
		}
	}
}
