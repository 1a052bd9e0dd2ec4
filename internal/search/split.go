package search

import (
	"slices"
	"strings"
)

// minPart is the fewest letters a part of a compound word may have
// ("työ", "etä").
const minPart = 3

// maxParts is the most parts a compound is split into.
const maxParts = 4

// SplitQuery splits the folded word w (a Token's Word) into the keys of
// the parts it is compounded from, each part minPart letters or longer
// and each known to has. It prefers the fewest parts, and among those the
// longest first part, and returns nil when w cannot be split into two or
// more known parts. haku.js splits a query word the reader typed with the
// same rule against the index's vocabulary, so "verkostojohtaminen" finds
// a page about "verkostojen johtaminen".
func SplitQuery(w string, has func(key string) bool) []string {
	return finnish.SplitQuery(w, has)
}

// SplitQuery is the package's SplitQuery with the keys of l.
func (l *Language) SplitQuery(w string, has func(key string) bool) []string {
	if !isASCIILetters(w) || len(w) < 2*minPart {
		return nil
	}
	n := len(w)
	// best[i] holds the fewest parts covering w[i:], or nil.
	best := make([][]string, n+1)
	best[n] = []string{}
	for i := n - minPart; i >= 0; i-- {
		for j := n; j >= i+minPart; j-- {
			if i == 0 && j == n {
				continue
			}
			rest := best[j]
			if rest == nil || len(rest)+1 > maxParts {
				continue
			}
			if best[i] != nil && len(rest)+1 >= len(best[i]) {
				continue
			}
			k := l.key(w[i:j])
			if !has(k) {
				continue
			}
			best[i] = append([]string{k}, rest...)
		}
	}
	if len(best[0]) < 2 {
		return nil
	}
	return best[0]
}

// splitter splits the words of the corpus at index time into the words
// they are compounded from, using the corpus's own vocabulary. A part of
// three or four letters must occur in the corpus as a word of its own
// ("työ", "etä"); a longer part must have a key of four letters or more
// and be a word of the corpus or, from six letters on and not starting
// with two consonants, any form of one. The rules, first match
// wins:
//
//   - the word is a run of such parts, the fewest: "etätyönohjaus" is
//     "etä" + "työn" + "ohjaus";
//   - a part as above (four letters or more) and an unknown head of
//     six letters or more: "työnohjaus" is "työn" + "ohjaus" when
//     "ohjaus" never stands alone;
//   - the longest tail of six letters or more that is a word of the
//     corpus: "esihenkilö" has the head "henkilö".
//
// Tails shorter than that are too often case endings or verb forms
// ("haastavat" is no "haas" + "tavat").
//
// Parts of eight letters or more are split in turn (see partKeys).
type splitter struct {
	v          *vocab // the corpus's words and keys, and the memo of Key
	corpusKeys int    // v.keys[:corpusKeys] are the keys of the corpus's words
	// part is ok, through which parts and head ask whether a string may
	// be a part; a test counts the questions by wrapping it.
	part func(p string) bool
}

// word reports whether s is a folded word of the corpus.
func (sp *splitter) word(s string) bool { return sp.v.ids.findString(s) >= 0 }

// key is Key, memoised.
func (sp *splitter) key(s string) string { return sp.v.key(s) }

// ok reports whether p may be a part of a compound (see splitter).
func (sp *splitter) ok(p string) bool {
	l := sp.v.lang
	if len(p) < minPart || l.stop.isStop(p) {
		return false
	}
	if id := sp.v.ids.findString(p); id >= 0 {
		return len(p) <= 4 || len(sp.v.keys[sp.v.wordKey[id]]) >= 4
	}
	// A Swedish part may end in the linking -s- ("arbetsmiljö").
	if l.linkS && len(p) > minPart && p[len(p)-1] == 's' && sp.word(p[:len(p)-1]) && !l.stop.isStop(p[:len(p)-1]) {
		return true
	}
	if len(p) < l.minOther || l.badCut(p) {
		return false
	}
	k := sp.v.otherKey(p)
	if len(k) < 4 {
		return false
	}
	id, ok := sp.v.keyIDs[k] // a key of the corpus
	return ok && int(id) < sp.corpusKeys
}

// head returns the last part of the compound w: its last part when it
// splits, else its longest tail that may be a part, else "".
func (sp *splitter) head(w string) string {
	if len(w) > maxParts*maxWordRunes {
		return "" // as parts: no compound, and each tail's key takes time
	}
	if ps := sp.parts(w); len(ps) >= 2 {
		return ps[len(ps)-1]
	}
	for i := minPart; i <= len(w)-minPart; i++ {
		if sp.part(w[i:]) {
			return w[i:]
		}
	}
	return ""
}

// parts returns the parts of w, or nil. A word longer than maxParts
// words of the longest length (a hyphenated run of many parts) is no
// compound, and the tries would grow with the square of its length.
func (sp *splitter) parts(w string) []string {
	n := len(w)
	if !isASCIILetters(w) || n < 2*minPart || n > maxParts*maxWordRunes {
		return nil
	}
	surface := func(p string) bool { return sp.word(p) && !sp.v.lang.stop.isStop(p) }
	ok := sp.part
	// best[i]: fewest parts covering w[i:].
	best := make([][]string, n+1)
	for i := n - minPart; i >= minPart; i-- {
		if ok(w[i:]) {
			best[i] = []string{w[i:]}
		}
	}
	for i := n - 2*minPart; i >= 0; i-- {
		for j := n - minPart; j >= i+minPart; j-- {
			rest := best[j]
			if rest == nil || len(rest)+1 > maxParts || (best[i] != nil && len(rest)+1 >= len(best[i])) {
				continue
			}
			if p := w[i:j]; ok(p) {
				best[i] = append([]string{p}, rest...)
			}
		}
	}
	if best[0] != nil {
		return best[0]
	}
	for j := n - 6; j >= 4; j-- {
		if ok(w[:j]) && !sp.v.lang.badCut(w[j:]) && len(sp.key(w[j:])) >= 4 {
			return []string{w[:j], w[j:]}
		}
	}
	for i := minPart; i <= n-6; i++ {
		if t := w[i:]; surface(t) && len(sp.key(t)) >= 4 {
			return []string{t}
		}
	}
	return nil
}

// partKeys returns the keys of the parts of w and of their parts, in
// order, without w's own key; memo keeps what it found.
func (sp *splitter) partKeys(w string, memo map[string][]string) []string {
	if ks, ok := memo[w]; ok {
		return ks
	}
	memo[w] = nil // no cycles
	ps := sp.parts(w)
	if len(ps) == 0 {
		return nil // most words: no map of the keys seen made for each
	}
	// The keys are a few: looked for in the list rather than in a map.
	var ks []string
	own := sp.key(w)
	add := func(k string) {
		if k != own && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	for _, p := range ps {
		add(sp.key(p))
		if len(p) >= 8 && p != w {
			for _, k := range sp.partKeys(p, memo) {
				add(k)
			}
		}
	}
	memo[w] = ks
	return ks
}

// twoConsonants reports whether w starts with two consonants, as a native
// Finnish word never does: a part that would is a misplaced cut.
func twoConsonants(w string) bool {
	return len(w) >= 2 && !isVowel(w[0]) && !isVowel(w[1])
}

// suffixLike reports whether w starts like the derivational ending of the
// word before it rather than like a word: "tapaaminen" is no "tapa" +
// "aminen", "kuntalainen" no "kunta" + "lainen".
func suffixLike(w string) bool {
	if len(w) >= 4 && isVowel(w[0]) && w[1] == 'm' && w[2] == 'i' && (w[3] == 'n' || w[3] == 's') {
		return true
	}
	// Each ending below has four letters and starts with l, m or i:
	// the splitting asks of some 150,000 tails at 10,000 pearls, most of
	// which are let go here rather than compared with each.
	if len(w) < 4 || w[0] != 'l' && w[0] != 'm' && w[0] != 'i' {
		return false
	}
	for _, s := range []string{"lain", "lais", "llin", "llis", "main", "mais", "inen", "isen", "isuu", "ises", "iste"} {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}
