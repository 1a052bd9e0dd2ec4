package output

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
)

// sortPaths sorts paths in increasing order, as slices.Sort does, in
// time that grows with their number and the length of the prefixes that
// tell them apart, not with n log n. In a build the paths lie all over a
// large heap: sorting the 194,000 of a 100,000-pearl build by comparison
// read two of them from anywhere in it for each of 17.5 comparisons a
// path (14.3 at 10,000), and the write stage, most of it that sort, took
// 11 to 18 times as long as at 10,000 pearls (README, Scale).
//
// It is a radix sort from the first byte on (most significant digit
// first): the paths are put in buckets by their first byte, each bucket
// by the second, and so on, until a bucket holds a few, which are sorted
// by comparison. Each path's next 8 bytes are read once into a key beside
// it, and the buckets are made from the keys, which lie side by side; a
// byte or 8 every path of a bucket shares ("helmet/") moves nothing.
func sortPaths(paths []string) {
	if len(paths) <= pathFew {
		slices.Sort(paths)
		return
	}
	keys := make([]pathKey, len(paths))
	for i, p := range paths {
		keys[i] = pathKey{chunk: chunkAt(p, 0), p: p}
	}
	sortPathKeys(keys, make([]pathKey, len(keys)), 0)
	for i, k := range keys {
		paths[i] = k.p
	}
}

// pathFew is the most paths of a bucket that are sorted by comparison.
const pathFew = 32

// pathKey is a path and its 8 bytes from the multiple of 8 at or before
// the depth of its bucket (chunkAt).
type pathKey struct {
	chunk uint64
	p     string
}

// chunkAt is the 8 bytes of p from at on, big endian, so that chunks
// compare as the bytes do; zeros after the end of p.
func chunkAt(p string, at int) uint64 {
	if at+8 <= len(p) {
		return binary.BigEndian.Uint64([]byte(p[at : at+8]))
	}
	var c uint64
	for k := range 8 {
		c <<= 8
		if at+k < len(p) {
			c |= uint64(p[at+k])
		}
	}
	return c
}

// sortPathKeys sorts keys, whose paths share their first depth bytes, by
// the paths from depth on. other is scratch space of keys' length.
func sortPathKeys(keys, other []pathKey, depth int) {
	for {
		if len(keys) <= pathFew {
			// Within the bucket the paths' bytes before depth are the
			// same, so the chunks (zeros after an end, which sorts a
			// path before a longer one) order them but for ties.
			slices.SortFunc(keys, func(x, y pathKey) int {
				if x.chunk != y.chunk {
					return cmp.Compare(x.chunk, y.chunk)
				}
				return strings.Compare(x.p, y.p)
			})
			return
		}
		if depth%8 == 0 {
			if depth > 0 {
				for k := range keys {
					keys[k].chunk = chunkAt(keys[k].p, depth)
				}
			}
			// Whole chunks every path has, and no path ends in, are
			// passed over at once.
			same, short := uint64(0), len(keys[0].p)
			for _, k := range keys {
				same |= k.chunk ^ keys[0].chunk
				short = min(short, len(k.p))
			}
			if same == 0 && short >= depth+8 {
				depth += 8
				continue
			}
		}
		// Bucket 0 holds the paths that end before depth, bucket b+1
		// those whose byte at depth is b.
		shift := 56 - 8*uint(depth%8)
		digit := func(k pathKey) int {
			if len(k.p) <= depth {
				return 0
			}
			return int(byte(k.chunk>>shift)) + 1
		}
		var count [257]int
		for _, k := range keys {
			count[digit(k)]++
		}
		if b := digit(keys[0]); count[b] == len(keys) {
			if b == 0 {
				return // the same path, more than once
			}
			depth++
			continue
		}
		var end [258]int
		for b, n := range count {
			end[b+1] = end[b] + n
		}
		next := end
		for _, k := range keys {
			b := digit(k)
			other[next[b]] = k
			next[b]++
		}
		copy(keys, other)
		for b := 1; b < 257; b++ {
			if end[b+1]-end[b] > 1 {
				sortPathKeys(keys[end[b]:end[b+1]], other[end[b]:end[b+1]], depth+1)
			}
		}
		return
	}
}
