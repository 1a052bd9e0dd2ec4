package output

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
)

// sortPaths sorts paths as slices.Sort does, in time that grows with
// their number, not faster. A comparison sort of a 100,000-pearl build's
// 140,000 paths read two paths strewn over the heap for each of its 2.4
// million comparisons, most of them a miss of the processor's cache. Here
// the paths are copied side by side, and sorted on their bytes eight at
// a time (chunk) by a radix sort of small values without pointers; only
// a run of paths with the same eight bytes is sorted again on the next
// eight, and a short run by comparing paths. The paths put back are the
// same strings, cut from the copy.
func sortPaths(paths []string) {
	size := 0
	for _, p := range paths {
		size += len(p)
	}
	if len(paths) < shortRun || size > math.MaxUint32 {
		slices.Sort(paths)
		return
	}
	var b strings.Builder
	b.Grow(size)
	items := make([]chunked, len(paths))
	for i, p := range paths {
		from := b.Len()
		b.WriteString(p)
		items[i] = chunked{chunk(p, 0), uint32(from), uint32(b.Len())}
	}
	all := b.String()
	sortChunked(all, items, make([]chunked, len(items)), 0)
	for i, it := range items {
		paths[i] = all[it.from:it.to]
	}
}

// shortRun is the length under which a run of paths is sorted by
// comparing them: a radix sort's passes cost more than that.
const shortRun = 64

// chunked is a path, all[from:to] in sortChunked, and the eight of its
// bytes the sort is on.
type chunked struct {
	key      uint64
	from, to uint32
}

// chunk is the bytes of s from at, eight of them, as a big-endian number;
// past the end of s, zeros. Two paths whose chunks differ are ordered as
// their chunks; the same chunk is the same bytes unless one path ends in
// it (a 0 byte can then be the end or a byte), which sortChunked tells.
func chunk(s string, at int) uint64 {
	if at+8 <= len(s) {
		return binary.BigEndian.Uint64([]byte(s[at : at+8]))
	}
	var k uint64
	for i := at; i < at+8; i++ {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}

// sortChunked sorts items, whose paths in all share their first at bytes
// and whose keys are their chunks at at; spare is as long as items.
func sortChunked(all string, items, spare []chunked, at int) {
	path := func(it chunked) string { return all[it.from:it.to] }
	byPath := func(x, y chunked) int { return strings.Compare(path(x), path(y)) }
	if len(items) < shortRun {
		slices.SortFunc(items, byPath)
		return
	}
	radixSort(items, spare)
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && items[hi].key == items[lo].key {
			hi++
		}
		run := items[lo:hi]
		// Paths are unique; equal chunks go on to the next eight bytes,
		// unless every path of the run ends in them (paths with a 0
		// byte), which are compared.
		if len(run) > 1 {
			if slices.ContainsFunc(run, func(it chunked) bool { return int(it.to-it.from) > at+8 }) {
				for i := range run {
					run[i].key = chunk(path(run[i]), at+8)
				}
				sortChunked(all, run, spare[lo:hi], at+8)
			} else {
				slices.SortFunc(run, byPath)
			}
		}
		lo = hi
	}
}

// radixSort sorts items on their keys, a byte at a time from the lowest
// (stable), passing over each byte that all the keys share.
func radixSort(items, spare []chunked) {
	var counts [8][256]int
	for _, it := range items {
		for b := range 8 {
			counts[b][byte(it.key>>(8*b))]++
		}
	}
	src, dst := items, spare
	for b := range 8 {
		c := &counts[b]
		if c[byte(src[0].key>>(8*b))] == len(src) {
			continue
		}
		at := 0
		for i, n := range c {
			c[i] = at
			at += n
		}
		for _, it := range src {
			d := byte(it.key >> (8 * b))
			dst[c[d]] = it
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &items[0] {
		copy(items, src)
	}
}
