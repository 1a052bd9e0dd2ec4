package site

import (
	"hash/maphash"
	"iter"
	"math/bits"
	"strings"
)

// pearlTable finds a pearl's place by its slug, and gives its site path
// and address without reading the pearl. At 100,000 pearls the pearls'
// links and related lists name about 350,000 pearls, and in a
// map[string]*Pearl each name cost three or four misses of the
// processor's cache: the map's entry, the key's bytes to compare, and
// the pearl found. Here it costs one, the table's entry.
//
// A slug is known by 96 bits of two hashes (slot), not by its bytes:
// their seeds are made anew for each table, so no name can be written
// to meet another's, and the chance that any of a portal's names takes
// another's place is at most names × pearls / 2^96: about 10^-17 for a
// million names among a million pearls. Comparing the bytes was most
// of the cost of a name at 100,000 pearls.
type pearlTable struct {
	seeds [2]maphash.Seed
	slots []slot
	mask  uint64
	// urls are the pearls' addresses (base + "/helmet/<slug>/"), one
	// after another; ends[i] is where the one at place i ends.
	urls string
	ends []uint32
	base int // the length of the base path in each address
	// pearls are the pearls by place, as loaded; set by the builder
	// once they are made.
	pearls []*Pearl
}

// slot is one entry of a pearlTable: two hashes of a slug, with seeds
// of their own, and the slug's place plus one (0: empty). The table has
// at least twice as many slots as slugs.
type slot struct {
	hash  uint64
	hash2 uint32
	place uint32
}

// hashes are the two hashes of s.
func (x *pearlTable) hashes(s string) (uint64, uint32) {
	return maphash.String(x.seeds[0], s), uint32(maphash.String(x.seeds[1], s))
}

// pearlsDir is how a pearl's site path begins.
const pearlsDir = "/helmet/"

// newPearlTable indexes slugs (unique) by their place in the list, for a
// site whose base path is base ("" or "/portaali").
func newPearlTable(slugs []string, base string) *pearlTable {
	x := &pearlTable{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, ends: make([]uint32, len(slugs)), base: len(base)}
	size := 0
	for _, s := range slugs {
		size += len(base) + len(pearlsDir) + len(s) + 1
	}
	var urls strings.Builder
	urls.Grow(size)
	for i, s := range slugs {
		urls.WriteString(base)
		urls.WriteString(pearlsDir)
		urls.WriteString(s)
		urls.WriteByte('/')
		x.ends[i] = uint32(urls.Len())
	}
	x.urls = urls.String()
	n := uint64(1) << bits.Len(uint(2*len(slugs)|7))
	x.slots, x.mask = make([]slot, n), n-1
	for i, s := range slugs {
		h, h2 := x.hashes(s)
		j := h & x.mask
		for x.slots[j].place != 0 {
			j = (j + 1) & x.mask
		}
		x.slots[j] = slot{h, h2, uint32(i + 1)}
	}
	return x
}

// url is the address of the pearl at place i.
func (x *pearlTable) url(i int) string {
	start := uint32(0)
	if i > 0 {
		start = x.ends[i-1]
	}
	return x.urls[start:x.ends[i]]
}

// path is the site path of the pearl at place i.
func (x *pearlTable) path(i int) string { return x.url(i)[x.base:] }

// slug is the slug of the pearl at place i.
func (x *pearlTable) slug(i int) string {
	p := x.path(i)
	return p[len(pearlsDir) : len(p)-1]
}

// find is the place of the pearl whose slug is s, or -1.
func (x *pearlTable) find(s string) int {
	if x == nil {
		return -1
	}
	h, h2 := x.hashes(s)
	return x.findHashed(h, h2)
}

// findHashed is find of the slug whose hashes are h and h2.
func (x *pearlTable) findHashed(h uint64, h2 uint32) int {
	for j := h & x.mask; ; j = (j + 1) & x.mask {
		e := &x.slots[j]
		if e.place == 0 {
			return -1
		}
		if e.hash == h && e.hash2 == h2 {
			return int(e.place) - 1
		}
	}
}

// has tells whether path is the site path of a pearl of the table
// ("/helmet/x/"); false for a nil table.
func (x *pearlTable) has(path string) bool {
	slug, ok := strings.CutPrefix(path, pearlsDir)
	if !ok {
		return false
	}
	slug, ok = strings.CutSuffix(slug, "/")
	return ok && x.find(slug) >= 0 // a slug has no "/": "x/y" is found by none
}

// get is the pearl whose slug is s, or nil.
func (x *pearlTable) get(s string) *Pearl {
	if i := x.find(s); i >= 0 {
		return x.pearls[i]
	}
	return nil
}

// all are the pearls with their slugs, as loaded.
func (x *pearlTable) all() iter.Seq2[string, *Pearl] {
	return func(yield func(string, *Pearl) bool) {
		if x == nil {
			return
		}
		for i, p := range x.pearls {
			if !yield(x.slug(i), p) {
				return
			}
		}
	}
}

// findAll sets places[i] to find(slugs[i]). The slots of all are read
// before any is compared: each read is a miss of the processor's cache
// at 100,000 pearls, and read one after another, not each after the
// last's comparison, the processor waits for them together. The sum
// it returns must be kept (see touch).
func (x *pearlTable) findAll(slugs []string, places []int) uint32 {
	var sum uint32
	const batch = 64
	var hs [batch]uint64
	var h2s [batch]uint32
	for lo := 0; lo < len(slugs); lo += batch {
		part := slugs[lo:min(lo+batch, len(slugs))]
		if x == nil {
			for i := range part {
				places[lo+i] = -1
			}
			continue
		}
		for i, s := range part {
			hs[i], h2s[i] = x.hashes(s)
		}
		sum += x.touch(hs[:len(part)])
		for i := range part {
			places[lo+i] = x.findHashed(hs[i], h2s[i])
		}
	}
	return sum
}

// touch reads the first slot of each hash, for findHashed to find in the
// cache. Its sum is for the caller to keep (builder.sink): a read whose
// value is never used may be left out by the compiler.
func (x *pearlTable) touch(hs []uint64) uint32 {
	var sum uint32
	for _, h := range hs {
		sum += x.slots[h&x.mask].place
	}
	return sum
}
