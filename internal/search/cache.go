package search

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/workers"
)

// Indexer builds the index of one portal again and again, as serve does
// after each save. It keeps the analysis of every document (its words and
// their weighted counts, which is most of the work) by a hash of the
// fields analysis reads, so a build after an edit analyses only the
// documents that changed. Its output is the same, byte for byte, as
// Build's for the same documents. An Indexer is safe for concurrent use;
// its builds run one at a time.
type Indexer struct {
	mu     sync.Mutex
	v      *vocab                   // every word of the kept analyses
	docs   map[[32]byte]*analysis   // by docSum
	bodies map[string][32]byte      // hash of each body of the last build
	texts  map[*markdown.Doc]string // the last FromSite's texts
	memo   map[string]string        // keys of the parts of compounds (see vocab.key)
	memoN  int                      // len(memo) after the first build
}

// analysis is what analysing one document gave, its word numbers those
// of Indexer.v.
type analysis struct {
	words    wordList
	ellipses []ellipsis
	length   float64
}

// NewIndexer returns an Indexer that has analysed nothing yet.
func NewIndexer() *Indexer {
	return &Indexer{v: newVocab(finnish), docs: map[[32]byte]*analysis{}, bodies: map[string][32]byte{},
		texts: map[*markdown.Doc]string{}, memo: map[string]string{}}
}

// FromSite is FromSite, reusing the text of each document that the last
// call saw (documents are never changed after loading: an edited file is
// a new one).
func (ix *Indexer) FromSite(s *site.Site) []Doc {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	texts := make(map[*markdown.Doc]string, len(ix.texts))
	docs := fromSite(s, func(d *markdown.Doc) string {
		t, ok := ix.texts[d]
		if !ok {
			t = d.Text()
		}
		texts[d] = t
		return t
	})
	ix.texts = texts
	return docs
}

// Build is Build, analysing only the documents the Indexer has not seen
// in this form before. It keeps the analyses of these docs only.
func (ix *Indexer) Build(docs []Doc, opts Options) ([]File, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if l := LanguageOf(opts.Language); l != ix.v.lang {
		// Another language's analyses are of no use.
		ix.v, ix.docs, ix.memo, ix.memoN = newVocab(l), map[[32]byte]*analysis{}, map[string]string{}, 0
	}
	files, err := build(docs, opts, func(docs []Doc) analysed {
		v, words, ellipses, lengths := ix.analyse(docs, opts.Pause)
		return analysed{v: v, words: words, ellipses: ellipses, lengths: lengths}
	})
	if ix.memoN == 0 {
		ix.memoN = len(ix.memo)
	} else if len(ix.memo) > 2*ix.memoN+100_000 {
		ix.memo = map[string]string{}
	}
	return files, err
}

// analyse is analyseDocs with the Indexer's kept analyses.
func (ix *Indexer) analyse(docs []Doc, pause func()) (*vocab, []wordList, [][]ellipsis, []float64) {
	if pause == nil {
		pause = func() {}
	}
	// A body the last build had is found by a map lookup, which for the
	// same string (a text FromSite kept) costs a fast hash of it, not a
	// SHA-256.
	sums := make([][32]byte, len(docs))
	bodySums := make([][32]byte, len(docs))
	workers.Split(len(docs), workers.Cores(len(docs), 256), func(_, lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			text := docs[i].body()
			b, ok := ix.bodies[text]
			if !ok {
				b = sha256.Sum256([]byte(text))
			}
			bodySums[i] = b
			sums[i] = docSum(&buf, &docs[i], b)
		}
	})
	bodies := make(map[string][32]byte, len(docs))
	for i := range docs {
		bodies[docs[i].body()] = bodySums[i]
	}
	ix.bodies = bodies

	pause()
	// Analyse the new ones, then number their words in ix.v.
	var missing []Doc
	var missingSums [][32]byte
	queued := map[[32]byte]bool{}
	for i, sum := range sums {
		if _, ok := ix.docs[sum]; !ok && !queued[sum] {
			queued[sum] = true
			missing = append(missing, docs[i])
			missingSums = append(missingSums, sum)
		}
	}
	if len(missing) > 0 {
		mv, mw, me, ml := analyseDocs(missing, ix.v.lang)
		ids := make([]int32, len(mv.ids.words))
		for id, w := range mv.ids.words {
			ids[id] = ix.v.add(w, mv.keys[mv.wordKey[id]])
		}
		for i, sum := range missingSums {
			ix.docs[sum] = &analysis{words: renumber(mw[i], me[i], ids), ellipses: me[i], length: ml[i]}
		}
	}

	pause()
	// Number the words as one pass over docs in order would: by first
	// appearance, and within a document in the order analysis found them
	// (the order of its words list).
	v := newVocab(ix.v.lang)
	v.memo = ix.memo
	local := make([]int32, len(ix.v.ids.words))
	for i := range local {
		local[i] = -1
	}
	num := func(id int32) int32 {
		if local[id] < 0 {
			local[id] = v.add(ix.v.ids.words[id], ix.v.keys[ix.v.wordKey[id]])
		}
		return local[id]
	}
	docWords := make([]wordList, len(docs))
	docEllipses := make([][]ellipsis, len(docs))
	lengths := make([]float64, len(docs))
	keep := make(map[[32]byte]*analysis, len(docs))
	for i, sum := range sums {
		a := ix.docs[sum]
		keep[sum] = a
		docWords[i] = a.words.renumbered(num)
		if len(a.ellipses) > 0 {
			es := make([]ellipsis, len(a.ellipses))
			for j, e := range a.ellipses {
				es[j] = ellipsis{first: num(e.first), head: num(e.head), tf: e.tf, title: e.title}
			}
			docEllipses[i] = es
		}
		lengths[i] = a.length
	}
	ix.docs = keep
	if len(ix.v.ids.words) > 2*len(v.ids.words)+1024 {
		ix.compact(v, local)
	}
	return v, docWords, docEllipses, lengths
}

// compact drops the words no kept analysis has (those of edited-away
// text), renumbering them as v, the vocabulary of the last build, whose
// number of each of ix.v's words is local (-1 for none).
func (ix *Indexer) compact(v *vocab, local []int32) {
	nv := newVocab(v.lang)
	for id, w := range v.ids.words {
		nv.add(w, v.keys[v.wordKey[id]])
	}
	for _, a := range ix.docs {
		a.words = renumber(a.words, a.ellipses, local) // the build has copies of its own
	}
	ix.v = nv
}

// docSum hashes the fields of d that analysis reads, the body given by
// its hash.
func docSum(buf *[]byte, d *Doc, body [32]byte) [32]byte {
	b := (*buf)[:0]
	put := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	put(d.Title)
	put(d.Summary)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(d.Tags)))
	for _, t := range d.Tags {
		put(t)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(len(d.Headings)))
	for _, h := range d.Headings {
		put(h)
	}
	b = append(b, body[:]...)
	put(d.AreaTitle)
	*buf = b
	return sha256.Sum256(b)
}
