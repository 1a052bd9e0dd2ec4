package site

import (
	"hash/maphash"
	"math/bits"
)

// slugSeed seeds slugHash. Which seed does not change what findSlugs
// finds, only how fast.
var slugSeed = maphash.MakeSeed()

// slugHash is the hash findSlugs orders slugs by; a test forces
// collisions through it.
var slugHash = func(s string) uint64 { return maphash.String(slugSeed, s) }

// slugEntry is a slug's hash and its place in the list findSlugs was
// given.
type slugEntry struct {
	h uint64
	i int32
}

// findSlugs finds each of wanted in have: the place in have of the
// slug, or -1 where have has not it. When have holds a slug twice, the
// later place is found, as a map filled in have's order would keep.
//
// Both lists are put in the order of their hashes' top bits with a
// radix sort and joined in one walk: at 100,000 pearls a lookup of each
// wanted slug in a map of every pearl read the map's slots and the
// key's bytes at random, two misses of the processor's cache a slug,
// which were most of the time of making the lists of related pearls.
// Here the hashes are made from each list in its own order, and the only
// reads at random are those of the slugs found, to check them against
// the slug wanted byte for byte: a hash alone never decides.
func findSlugs(have, wanted []string) []int32 {
	found := make([]int32, len(wanted))
	if len(wanted) == 0 {
		return found
	}
	// Buckets about as many as the slugs had, so that most hold one.
	top := bits.Len(uint(len(have))) + 1
	hs := make([]slugEntry, len(have))
	for i, s := range have {
		hs[i] = slugEntry{slugHash(s), int32(i)}
	}
	ws := make([]slugEntry, len(wanted))
	for i, s := range wanted {
		ws[i] = slugEntry{slugHash(s), int32(i)}
	}
	hs = sortTop(hs, top)
	ws = sortTop(ws, top)
	bucket := func(h uint64) uint64 { return h >> (64 - top) }
	j := 0
	for k := 0; k < len(ws); {
		b := bucket(ws[k].h)
		for j < len(hs) && bucket(hs[j].h) < b {
			j++
		}
		hi := j
		for hi < len(hs) && bucket(hs[hi].h) == b {
			hi++
		}
		for ; k < len(ws) && bucket(ws[k].h) == b; k++ {
			w := ws[k]
			at, n := int32(-1), 0
			// In a bucket the places in have are in order: the last of
			// one hash is the one a map would keep.
			for _, e := range hs[j:hi] {
				if e.h == w.h {
					n++
					at = e.i
				}
			}
			if n > 1 {
				// Two slugs of one hash: the bytes decide here.
				at = -1
				for x := hi - 1; x >= j; x-- {
					if e := hs[x]; e.h == w.h && have[e.i] == wanted[w.i] {
						at = e.i
						break
					}
				}
			}
			found[w.i] = at
		}
	}
	// Checked in the order of wanted, whose bytes are read in the order
	// they were read for the hashes.
	for i, at := range found {
		if at >= 0 && have[at] != wanted[i] {
			found[i] = -1
		}
	}
	return found
}

// sortTop sorts a by the top bits of each hash, keeping the order of
// those with equal top bits: a radix sort of 11 bits a pass, least
// significant first.
func sortTop(a []slugEntry, top int) []slugEntry {
	const digit = 11
	tmp := make([]slugEntry, len(a))
	var count [1 << digit]int32
	for shift := 64 - top; shift < 64; shift += digit {
		clear(count[:])
		for _, e := range a {
			count[(e.h>>shift)&(1<<digit-1)]++
		}
		sum := int32(0)
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, e := range a {
			d := (e.h >> shift) & (1<<digit - 1)
			tmp[count[d]] = e
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}
