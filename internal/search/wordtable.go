package search

import "hash/maphash"

// wordTable numbers the distinct words of a vocabulary: an open-addressed
// hash table from a word to its number in words, looked up with the
// word's bytes as scan gives them, without making a string. It stands in
// for a map[string]int32 on the analysis's hottest path: it hashes once
// per lookup, probes small slots of 8 bytes, and compares the words only
// when the hashes agree.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot // len a power of two, at most half full
	words []string   // by number
}

type wordSlot struct {
	hash uint32 // the top half of the word's hash
	id   int32  // the word's number + 1; 0 for a free slot
}

// find returns the number of w, or -1.
func (t *wordTable) find(w []byte) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	h := maphash.Bytes(t.seed, w)
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return -1
		}
		if s.hash == uint32(h>>32) && t.words[s.id-1] == string(w) {
			return s.id - 1
		}
	}
}

// findString is find for a string.
func (t *wordTable) findString(w string) int32 {
	id, _, _ := t.slot(w)
	return id
}

// slot returns the number of w, or -1, the slot where w is or would go
// (-1 when there are no slots), and the hash of w.
func (t *wordTable) slot(w string) (int32, int, uint64) {
	if len(t.slots) == 0 {
		return -1, -1, 0
	}
	h := maphash.String(t.seed, w)
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return -1, i, h
		}
		if s.hash == uint32(h>>32) && t.words[s.id-1] == w {
			return s.id - 1, i, h
		}
	}
}

// add adds w, which the table does not have, as the next number and
// returns that number.
func (t *wordTable) add(w string) int32 {
	if 2*(len(t.words)+1) > len(t.slots) {
		t.grow()
	}
	_, i, h := t.slot(w)
	id := int32(len(t.words))
	t.words = append(t.words, w)
	t.slots[i] = wordSlot{hash: uint32(h >> 32), id: id + 1}
	return id
}

// grow doubles the slots (1,024 at first) and puts every word back.
func (t *wordTable) grow() {
	if len(t.slots) == 0 {
		t.seed = maphash.MakeSeed()
	}
	t.slots = make([]wordSlot, max(1024, 2*len(t.slots)))
	mask := len(t.slots) - 1
	for id, w := range t.words {
		h := maphash.String(t.seed, w)
		i := int(h) & mask
		for t.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = wordSlot{hash: uint32(h >> 32), id: int32(id) + 1}
	}
}
