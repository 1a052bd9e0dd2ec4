package search

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
			k := Key(w[i:j])
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

// splitter splits the words of the corpus at index time. A word is split
// when it is a run of other words of the corpus (in any form, minPart
// letters or longer) followed by a word whose key is in the corpus:
// "etätyönohjaus" is "etätyön" + "ohjaus". When no such run exists, the
// longest tail of minPart+1 letters or more whose key is known is taken
// as the word's head ("esihenkilö" -> "henkilö"). The parts' keys are
// indexed as well as the whole word's.
type splitter struct {
	words map[string]bool // folded surface forms
	keys  map[string]bool
	key   func(string) string // memoised Key
}

// split returns the keys of w's parts, or nil.
func (sp *splitter) split(w string) []string {
	n := len(w)
	if !isASCIILetters(w) || n < 2*minPart {
		return nil
	}
	// best[i]: fewest parts covering w[i:].
	best := make([][]string, n+1)
	for i := n - minPart; i >= minPart; i-- {
		if k := sp.key(w[i:]); sp.keys[k] {
			best[i] = []string{k}
		}
	}
	for i := n - 2*minPart; i >= 0; i-- {
		for j := n - minPart; j >= i+minPart; j-- {
			rest := best[j]
			if rest == nil || len(rest)+1 > maxParts || (best[i] != nil && len(rest)+1 >= len(best[i])) {
				continue
			}
			if p := w[i:j]; sp.words[p] && !stopWords[p] {
				best[i] = append([]string{sp.key(p)}, rest...)
			}
		}
	}
	if best[0] != nil {
		return best[0]
	}
	for i := minPart; i <= n-minPart-1; i++ {
		if k := sp.key(w[i:]); sp.keys[k] {
			return []string{k}
		}
	}
	return nil
}
