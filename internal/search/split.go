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

// splitter splits the words of the corpus at index time into the words
// they are compounded from, using the corpus's own vocabulary:
//
//   - a run of words of the corpus (in any form, minPart letters or
//     longer; the first may also be any form of a known word) followed
//     by a word whose key is in the corpus: "etätyönohjaus" is "etätyön"
//   - "ohjaus";
//   - else a known first word and an unknown head of minPart+1 letters or
//     more: "työnohjaus" is "työn" + "ohjaus" when only "työ" is known;
//   - else the longest tail of minPart+1 letters or more whose key is
//     known: "esihenkilö" has the head "henkilö".
//
// Parts that are compounds themselves are split too (see Build).
type splitter struct {
	word  func(string) bool   // a folded word of the corpus
	known func(string) bool   // a key of the corpus
	key   func(string) string // memoised Key
}

// parts returns the parts of w, or nil.
func (sp *splitter) parts(w string) []string {
	n := len(w)
	if !isASCIILetters(w) || n < 2*minPart {
		return nil
	}
	word := func(p string) bool { return sp.word(p) && !stopWords[p] }
	first := func(p string) bool { return word(p) || !stopWords[p] && sp.known(sp.key(p)) }
	// best[i]: fewest parts covering w[i:].
	best := make([][]string, n+1)
	for i := n - minPart; i >= minPart; i-- {
		if sp.known(sp.key(w[i:])) {
			best[i] = []string{w[i:]}
		}
	}
	for i := n - 2*minPart; i >= 0; i-- {
		for j := n - minPart; j >= i+minPart; j-- {
			rest := best[j]
			if rest == nil || len(rest)+1 > maxParts || (best[i] != nil && len(rest)+1 >= len(best[i])) {
				continue
			}
			if p := w[i:j]; (i == 0 && first(p)) || (i > 0 && word(p)) {
				best[i] = append([]string{p}, rest...)
			}
		}
	}
	if best[0] != nil {
		return best[0]
	}
	for j := n - minPart - 1; j >= minPart; j-- {
		if first(w[:j]) {
			return []string{w[:j], w[j:]}
		}
	}
	for i := minPart; i <= n-minPart-1; i++ {
		if sp.known(sp.key(w[i:])) {
			return []string{w[i:]}
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
	var ks []string
	seen := map[string]bool{sp.key(w): true}
	for _, p := range sp.parts(w) {
		for _, k := range append([]string{sp.key(p)}, sp.partKeys(p, memo)...) {
			if !seen[k] {
				seen[k] = true
				ks = append(ks, k)
			}
		}
	}
	memo[w] = ks
	return ks
}
