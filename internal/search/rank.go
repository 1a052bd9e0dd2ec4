package search

import (
	"math"
	"slices"
)

// Field weights. The title gets a bonus of its own on top (see weigh).
const (
	weightTitle    = 2
	weightSummary  = 3
	weightTag      = 3
	weightHeading  = 3
	weightBody     = 1
	weightArea     = 0.5
	weightPart     = 0.5 // a part of a compound word, relative to the word
	excerptRunes   = 200
	bm25K1, bm25B  = 1.2, 0.75
	titleBonus     = 30
	titlePartBonus = 15
)

// rank returns the keys of the corpus with their postings: each
// document's words' keys and the keys of their parts (at weightPart), and
// of the compounds its ellipses stand for, weighted by field, saturated as
// BM25 does and given a title bonus. Each document's words and ellipses
// are dropped (set to nil) once ranked, so that their memory goes as the
// postings grow. pause is called now and then.
func rank(a analysed, pause func()) []term {
	v, docWords, docEllipses, lengths := a.v, a.words, a.ellipses, a.lengths
	avgLen := average(lengths)
	sp := v.splitter(len(v.keys))
	partStart, partKeys := compoundParts(v, sp, pause)
	pause()
	ktf := make([]float64, len(v.keys))
	kWhole := make([]bool, len(v.keys))
	kPart := make([]bool, len(v.keys))
	postings := make([]postingList, len(v.keys))
	// grow makes room for the keys of parts that are no words of the corpus.
	grow := func() {
		if n := len(v.keys); n > len(ktf) {
			ktf = append(ktf, make([]float64, n-len(ktf))...)
			kWhole = append(kWhole, make([]bool, n-len(kWhole))...)
			kPart = append(kPart, make([]bool, n-len(kPart))...)
			postings = append(postings, make([]postingList, n-len(postings))...)
		}
	}
	var touched []int32
	for i, ws := range docWords {
		if i%512 == 511 {
			pause()
		}
		touched = touched[:0]
		// The loop reads the list itself rather than through
		// wordList.each, with no call of a closure for every word of
		// every document.
		var ids []int32 // the vocabulary's numbers of the list's, or nil
		if a.ids != nil {
			ids = a.ids[i]
		}
		for n := int32(0); len(ws) > 0; {
			var c wordCount
			n, c, ws = ws.next(n)
			id := n
			if ids != nil {
				id = ids[n]
			}
			tf, title := float64(c.tf()), c.title()
			k := v.wordKey[id]
			if ktf[k] == 0 {
				touched = append(touched, k)
			}
			ktf[k] += tf
			kWhole[k] = kWhole[k] || title
			for _, p := range partKeys[partStart[id]:partStart[id+1]] {
				if ktf[p] == 0 {
					touched = append(touched, p)
				}
				ktf[p] += tf * weightPart
				kPart[p] = kPart[p] || title
			}
		}
		for _, e := range docEllipses[i] {
			h := sp.head(v.ids.words[e.head])
			if h == "" {
				continue
			}
			k := v.keyID(sp.key(v.ids.words[e.first] + h))
			grow()
			if ktf[k] == 0 {
				touched = append(touched, k)
			}
			ktf[k] += e.tf * weightPart
			kPart[k] = kPart[k] || e.title
		}
		docWords[i], docEllipses[i] = nil, nil
		norm := bm25K1 * (1 - bm25B + bm25B*lengths[i]/avgLen)
		for _, k := range touched {
			sat := ktf[k] * (bm25K1 + 1) / (ktf[k] + norm)
			w := 1 + int(math.Round(30*sat/(bm25K1+1)))
			switch {
			case kWhole[k]:
				w += titleBonus
			case kPart[k]:
				w += titlePartBonus
			}
			postings[k].add(i, min(w, 63))
			ktf[k], kWhole[k], kPart[k] = 0, false, false
		}
	}
	pause()
	var terms []term
	for k, ps := range postings {
		if len(ps.b) > 0 {
			terms = append(terms, term{key: v.keys[k], postings: ps.b})
		}
	}
	return terms
}

// average returns the mean of xs, or 1 when it is 0 (no documents, or
// none with words).
func average(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	if len(xs) == 0 || sum == 0 {
		return 1
	}
	return sum / float64(len(xs))
}

// compoundParts returns the keys of the parts of each word of the
// vocabulary that is a compound of other words of the corpus: those of
// word id are partKeys[partStart[id]:partStart[id+1]].
func compoundParts(v *vocab, sp *splitter, pause func()) (partStart, partKeys []int32) {
	splitMemo := map[string][]string{}
	partStart = make([]int32, len(v.ids.words)+1)
	for id, w := range v.ids.words {
		if id%1024 == 1023 {
			pause()
		}
		for _, pk := range sp.partKeys(w, splitMemo) {
			partKeys = append(partKeys, v.keyID(pk))
		}
		partStart[id+1] = int32(len(partKeys))
	}
	return partStart, partKeys
}

// postingList is the postings of one key, packed as b64 characters as
// documents are added, in increasing order: for each document, the gap
// from the previous one (the first from -1) as a base-32 varint, low
// digits first, with 32 marking "more digits follow"; then the weight.
type postingList struct {
	b    []byte
	next int // the document after the last one added
}

// add adds document doc, greater than any added before, with its weight
// (1..63).
//
// The list's slice is set anew only when it grows; otherwise it is only
// lengthened, which needs no write barrier: at 100,000 pearls, with the
// collector at work during most of the ranking, appending each posting
// spent 0.13 s of 0.44 in the barrier.
func (pl *postingList) add(doc, weight int) {
	gap := doc - (pl.next - 1)
	pl.next = doc + 1
	n := gapLen(gap) + 1 // and the weight
	if cap(pl.b)-len(pl.b) < n {
		pl.b = slices.Grow(pl.b, n)
	}
	at := len(pl.b)
	pl.b = pl.b[:at+n]
	pl.b[putGap(pl.b, at, gap)] = b64[weight]
}
