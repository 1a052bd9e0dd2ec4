package search

import (
	"encoding/binary"

	"github.com/helminauha/helminauha/internal/workers"
)

// wordList is what one document has of the words of the vocabulary:
// each word's number and its weighted count, in the order analysis met
// them, packed as varints. A build keeps every document's words until it
// ranks them, the largest part of its search's live heap at 100,000
// pearls: 8 bytes a word as an id and a float32 (0.29 GB), about 3 packed.
// For each word: the difference of its number from the previous word's
// (the first from 0), zigzag-coded; then its count in halves (every
// weight is a multiple of a half, so the count is exact), times two, plus
// one when the word is in the title.
type wordList []byte

// appendWord appends the word id, whose previous word is prev (0 for the
// first), with c, its count in halves times two, plus one when the word
// is in the title (see wordCount).
func (l wordList) appendWord(id, prev int32, c wordCount) wordList {
	d := int64(id) - int64(prev)
	l = binary.AppendUvarint(l, uint64(d<<1^d>>63))
	return binary.AppendUvarint(l, uint64(c))
}

// next returns the first word of l, whose previous word is prev, with
// its count as appendWord took it, and the rest of l. Most of the
// numbers are one byte, read without the loop of binary.Uvarint.
func (l wordList) next(prev int32) (id int32, c wordCount, rest wordList) {
	var x [2]uint64 // the difference of the numbers, then the count
	for j := range x {
		if l[0] < 0x80 {
			x[j], l = uint64(l[0]), l[1:]
			continue
		}
		v, n := binary.Uvarint(l)
		x[j], l = v, l[n:]
	}
	return int32(int64(prev) + (int64(x[0]>>1) ^ -int64(x[0]&1))), wordCount(x[1]), l
}

// wordCount is the weighted count of a word in one document, in halves
// (every weight is a multiple of a half, so the count is exact), times
// two, plus one when the word is in the title: the form wordList keeps.
// It is 0 for a word the document has not met (every weight is above 0).
type wordCount uint64

// tf returns the weighted count of c, as the ranking takes it.
func (c wordCount) tf() float32 { return float32(c>>1) / 2 }

// title reports whether the word is in the title.
func (c wordCount) title() bool { return c&1 == 1 }

// each calls fn with every word of the list, in order.
func (l wordList) each(fn func(id int32, c wordCount)) {
	id := int32(0)
	for len(l) > 0 {
		var c wordCount
		id, c, l = l.next(id)
		fn(id, c)
	}
}

// renumbered is the list with each word's number id replaced by ids(id).
func (l wordList) renumbered(ids func(int32) int32) wordList {
	out := make(wordList, 0, len(l)+len(l)/4)
	prev := int32(0)
	l.each(func(id int32, c wordCount) {
		id = ids(id)
		out = out.appendWord(id, prev, c)
		prev = id
	})
	return out
}

// vocab numbers the distinct words of the corpus and their keys.
type vocab struct {
	ids     wordTable // folded word -> word number, and the words by number
	wordKey []int32   // word number -> key number
	keyIDs  map[string]int32
	keys    []string
	memo    map[string]string // keys of other strings (compound parts)
	lang    *Language
}

func newVocab(l *Language) *vocab {
	return &vocab{keyIDs: map[string]int32{}, memo: map[string]string{}, lang: l}
}

// analysed is what analysing the documents gives the ranking.
type analysed struct {
	v        *vocab
	words    []wordList   // by document
	ellipses [][]ellipsis // by document, in v's numbers
	lengths  []float64    // by document
	// ids, when not nil, holds for each document the numbers in v of
	// the word numbers of its list, or nil when they are v's own.
	ids [][]int32
}

// analyseDocs is analyse with every word list in the vocabulary's
// numbers.
func analyseDocs(docs []Doc, l *Language) (*vocab, []wordList, [][]ellipsis, []float64) {
	a := analyse(docs, l)
	for i, ids := range a.ids {
		if ids != nil {
			a.words[i] = a.words[i].renumbered(func(id int32) int32 { return ids[id] })
		}
	}
	return a.v, a.words, a.ellipses, a.lengths
}

// analyse analyses the documents on every core, each goroutine with a
// vocabulary of its own, and merges the vocabularies in document order,
// so that the numbers are those a single pass would give. The word lists
// keep the numbers of their goroutine's vocabulary (see analysed.ids):
// the ranking, which reads each list once, maps them as it reads rather
// than every list being written again.
func analyse(docs []Doc, l *Language) analysed {
	docWords := make([]wordList, len(docs))
	docEllipses := make([][]ellipsis, len(docs))
	lengths := make([]float64, len(docs))
	p := workers.Cores(len(docs), 256)
	locals := make([]*vocab, p)
	workers.Split(len(docs), p, func(g, lo, hi int) {
		locals[g] = newVocab(l)
		a := analyser{sc: scanner{stop: l.stop}}
		for i := lo; i < hi; i++ {
			docWords[i], docEllipses[i], lengths[i] = a.doc(docs[i], locals[g])
		}
	})
	// The first goroutine's vocabulary, its words numbered as one pass
	// would, takes in the others' words. Each word's key is found once,
	// here, not once by every goroutine that met the word.
	v := locals[0]
	v.keyWords()
	var docIDs [][]int32
	if p > 1 {
		docIDs = make([][]int32, len(docs))
	}
	for g := 1; g < p; g++ {
		lv := locals[g]
		ids := make([]int32, len(lv.ids.words))
		for id, w := range lv.ids.words {
			if ids[id] = v.ids.findString(w); ids[id] < 0 {
				ids[id] = v.add(w, l.key(w))
			}
		}
		lo, hi := workers.Bounds(len(docs), p, g)
		for i := lo; i < hi; i++ {
			docIDs[i] = ids
			for j := range docEllipses[i] {
				e := &docEllipses[i][j]
				e.first, e.head = ids[e.first], ids[e.head]
			}
		}
	}
	return analysed{v: v, words: docWords, ellipses: docEllipses, lengths: lengths, ids: docIDs}
}

// renumber gives the words of ws and es the numbers ids has for them:
// es in place, ws in the list it returns.
func renumber(ws wordList, es []ellipsis, ids []int32) wordList {
	ws = ws.renumbered(func(id int32) int32 { return ids[id] })
	for j := range es {
		es[j].first, es[j].head = ids[es[j].first], ids[es[j].head]
	}
	return ws
}

// analyser holds the scratch space of analysing one document after
// another.
type analyser struct {
	sc       scanner
	count    []wordCount // by word number, of the document being analysed
	touched  []int32
	pending  []int32    // dangling words waiting for their compound
	ellipses []ellipsis // of the document being analysed
	words    wordList   // of the document being analysed
	text     []byte     // the body being analysed (see Doc.bodyIn)
}

// ellipsis is a word written with a dangling hyphen and the compound it
// shares its head with: "oppilas- ja opiskeluhuollon" stands for
// "oppilashuollon" too.
type ellipsis struct {
	first, head int32 // word numbers
	tf          float64
	title       bool
}

// doc returns the words of d with their weighted counts, its ellipses,
// and its length.
func (a *analyser) doc(d Doc, v *vocab) (wordList, []ellipsis, float64) {
	halves := 0
	add := func(text string, w float64, isTitle bool) {
		// The count of one more of a word: its weight in halves, times
		// two, plus the title bit.
		one := wordCount(w*2) << 1
		if isTitle {
			one |= 1
		}
		a.sc.scan(text, func(b []byte, part, dangling bool) {
			id := v.word(b)
			if int(id) >= len(a.count) {
				a.count = append(a.count, make([]wordCount, int(id)+1-len(a.count))...)
			}
			c := a.count[id]
			if c == 0 {
				a.touched = append(a.touched, id)
			}
			a.count[id] = c + one&^1 | one&1
			halves += int(one >> 1)
			switch {
			case part:
			case dangling:
				a.pending = append(a.pending, id)
			default:
				for _, first := range a.pending {
					a.ellipses = append(a.ellipses, ellipsis{first: first, head: id, tf: w, title: isTitle})
				}
				a.pending = a.pending[:0]
			}
		})
		a.pending = a.pending[:0]
	}
	add(d.Title, weightTitle, true)
	add(d.Summary, weightSummary, false)
	for _, t := range d.Tags {
		add(t, weightTag, false)
	}
	for _, h := range d.Headings {
		add(h, weightHeading, false)
	}
	add(d.bodyIn(&a.text), weightBody, false)
	add(d.AreaTitle, weightArea, false)
	a.words = a.words[:0]
	prev := int32(0)
	for _, id := range a.touched {
		a.words = a.words.appendWord(id, prev, a.count[id])
		prev = id
		a.count[id] = 0
	}
	ws := wordList(append([]byte(nil), a.words...))
	a.touched = a.touched[:0]
	ell := a.ellipses
	a.ellipses = nil
	return ws, ell, float64(halves) / 2
}

// add adds the folded word w with its key k, when new, and returns its
// number.
func (v *vocab) add(w, k string) int32 {
	if id := v.ids.findString(w); id >= 0 {
		return id
	}
	id := v.ids.add(w)
	v.wordKey = append(v.wordKey, v.keyID(k))
	return id
}

// word returns the number of the folded word b, adding it when new,
// without its key: keyWords gives the words so added their keys.
func (v *vocab) word(b []byte) int32 {
	if id := v.ids.find(b); id >= 0 {
		return id
	}
	return v.ids.add(string(b))
}

// keyWords gives the words added by word their keys, in the order they
// were added, which numbers the keys as if each had come with its word.
func (v *vocab) keyWords() {
	for id := len(v.wordKey); id < len(v.ids.words); id++ {
		v.wordKey = append(v.wordKey, v.keyID(v.lang.key(v.ids.words[id])))
	}
}

// keyID returns the number of key k, adding it when new.
func (v *vocab) keyID(k string) int32 {
	kid, ok := v.keyIDs[k]
	if !ok {
		kid = int32(len(v.keys))
		v.keyIDs[k] = kid
		v.keys = append(v.keys, k)
	}
	return kid
}

// key returns the key of any string, memoised.
func (v *vocab) key(s string) string {
	if id := v.ids.findString(s); id >= 0 {
		return v.keys[v.wordKey[id]]
	}
	return v.otherKey(s)
}

// otherKey is key for a string that is no word of the vocabulary.
func (v *vocab) otherKey(s string) string {
	k, ok := v.memo[s]
	if !ok {
		k = v.lang.key(s)
		v.memo[s] = k
	}
	return k
}

// splitter returns the compound splitter over the vocabulary, knowing the
// first corpusKeys keys (those of the corpus's words).
func (v *vocab) splitter(corpusKeys int) *splitter {
	sp := &splitter{v: v, corpusKeys: corpusKeys}
	sp.part = sp.ok
	return sp
}
