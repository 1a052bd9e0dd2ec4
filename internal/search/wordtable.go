package search

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// wordTable numbers the distinct words of a vocabulary: an open-addressed
// hash table from a word to its number in words, looked up with the
// word's bytes as scan gives them, without making a string. It stands in
// for a map[string]int32 on the analysis's hottest path, met once for
// every word of every text: it hashes the word in steps of eight bytes
// with a hash of its own (no call into the runtime), and each slot holds
// the word's first eight bytes and its length beside the hash, so that
// a word of up to eight bytes is told apart in the slot, one of up to 16
// with its next eight bytes (in second), and only a longer one compares
// the rest of its bytes.
type wordTable struct {
	slots  []wordSlot // len a power of two, at most half full
	words  []string   // by number
	second []uint64   // bytes 8 to 16 of each word, by number, as head
}

type wordSlot struct {
	tag  uint32 // the top 24 bits of the word's hash, then its length (at most 255)
	id   int32  // the word's number + 1; 0 for a free slot
	head uint64 // the word's first eight bytes (see wordHash)
}

// find returns the number of w, or -1.
func (t *wordTable) find(w []byte) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	h, head := wordHash(w)
	tag := wordTag(h, len(w))
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			return -1
		}
		if s.tag == tag && s.head == head && (len(w) <= 8 || t.same(s.id-1, w)) {
			return s.id - 1
		}
	}
}

// same reports whether w, of more than eight bytes, is word id, whose
// first eight bytes and length are those of w.
func (t *wordTable) same(id int32, w []byte) bool {
	return t.second[id] == load8(w[8:]) && (len(w) <= 16 || t.words[id][16:] == string(w[16:]))
}

// findString is find for a string.
func (t *wordTable) findString(w string) int32 {
	return t.find(unsafe.Slice(unsafe.StringData(w), len(w)))
}

// add adds w, which the table does not have, as the next number and
// returns that number.
func (t *wordTable) add(w string) int32 {
	if 2*(len(t.words)+1) > len(t.slots) {
		t.grow()
	}
	id := int32(len(t.words))
	t.words = append(t.words, w)
	var second uint64
	if len(w) > 8 {
		second = load8(unsafe.Slice(unsafe.StringData(w[8:]), len(w)-8))
	}
	t.second = append(t.second, second)
	t.put(w, id)
	return id
}

// put puts word number id, w, in its free slot.
func (t *wordTable) put(w string, id int32) {
	h, head := wordHash(unsafe.Slice(unsafe.StringData(w), len(w)))
	mask := len(t.slots) - 1
	i := int(h) & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = wordSlot{tag: wordTag(h, len(w)), id: id + 1, head: head}
}

// grow doubles the slots (1,024 at first) and puts every word back.
func (t *wordTable) grow() {
	t.slots = make([]wordSlot, max(1024, 2*len(t.slots)))
	for id, w := range t.words {
		t.put(w, int32(id))
	}
}

func wordTag(h uint64, n int) uint32 {
	return uint32(h>>40)<<8 | uint32(min(n, 255))
}

// wordHash returns the hash of w and its head: its first eight bytes,
// the first lowest, with zeros after a shorter word. A word of up to
// eight bytes is known by its head and length (no byte of a word is 0).
// The mixing is wyhash's: the high and low halves of a 128-bit product,
// xored.
func wordHash(w []byte) (h, head uint64) {
	head = load8(w)
	h = mix(head^0x2d358dccaa6c78a5, uint64(len(w))^0x8bb84b93962eacc9)
	for i := 8; i < len(w); i += 8 {
		h = mix(h^load8(w[i:]), 0x4b33a62ed433d4a3)
	}
	return h, head
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// load8 returns the first eight bytes of w, the first lowest, with zeros
// after a shorter w. When the array of w has eight bytes from its start,
// as scan's buffer mostly does, it loads them at once and masks off those
// past its end.
func load8(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	if cap(w) >= 8 {
		return binary.LittleEndian.Uint64(w[:8]) & (1<<(8*len(w)) - 1)
	}
	return packWord(w)
}
