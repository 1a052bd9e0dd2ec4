package search

import (
	"strings"

	snowball "github.com/blevesearch/snowballstem"
	finnishstem "github.com/blevesearch/snowballstem/finnish"
)

// Key returns the index key of one folded word (the Word of a Token). A
// word of ASCII letters a–z of three letters or more is stemmed with the
// Snowball Finnish stemmer and then normalised by the rules below, which
// mend what the stemmer alone gets wrong on Finnish (the README's
// "Search that understands Finnish"): short words keep their case endings, the
// consonant gradation of the last syllable (nt/nn, k/v, p/v, t/d,
// kk/k ...) is not folded, and -minen, -inen and -us nouns get several
// stems. Any other word (digits, other scripts) is its own key.
//
// Because the word is folded before stemming, "työhön" and "tyohon" get
// the same key.
func Key(w string) string { return finnishKey(w) }

// finnishKey is Key: the key of a Finnish word.
func finnishKey(w string) string {
	if len(w) < 3 || !isASCIILetters(w) {
		return w
	}
	env := snowball.NewEnv(w)
	finnishstem.Stem(env)
	return normalise(w, env.Current())
}

// normalise turns the Snowball stem s of the word w into the key.
// haku-fi.js (which haku.js loads) has the same function; keep them in step.
func normalise(w, s string) string {
	s = restoreDouble(w, s)
	if len(s)+1 >= len(w) && strings.HasPrefix(w, s) {
		s = stripShort(w, s)
	}
	s = extendCluster(w, s)
	s = nenNoun(w, s)
	s = usNoun(s)
	s = gradate(s)
	if len(s) >= 4 && isVowel(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// shortEndings are the case endings stripped from words the stemmer left
// (nearly) whole because their first syllable is their whole stem ("työn",
// "työtä", "työssä" -> "työ"), when three or four letters remain. Longest
// first.
var shortEndings = []string{"ssa", "sta", "lla", "lta", "lle", "ksi", "tta", "hin", "han", "hen", "hon", "hun", "hyn", "ta", "na", "n", "t"}

func stripShort(w, s string) string {
	for _, e := range shortEndings {
		if strings.HasSuffix(w, e) {
			r := w[:len(w)-len(e)]
			if len(r) >= 3 && len(r) <= 4 && isVowel(r[len(r)-1]) {
				return r
			}
		}
	}
	return s
}

// restoreDouble undoes the stemmer's last step, which shortens a doubled
// consonant in the last syllable ("kunnan" -> "kun", "lämmön" -> "lämo"),
// so that gradate can fold the pair instead ("kunn" -> "kunt").
func restoreDouble(w, s string) string {
	i := 0
	for i < len(s) && i < len(w) && s[i] == w[i] {
		i++
	}
	if i == 0 || i >= len(w) || w[i] != w[i-1] || isVowel(w[i]) {
		return s
	}
	if !strings.HasPrefix(w[i+1:], s[i:]) {
		return s
	}
	return w[:i+1] + s[i:]
}

// extendCluster puts back the second consonant of a gradating cluster
// that the stemmer took for the start of an ending ("kunta" -> "kun" +
// "ta"), so that "kunta" meets "kunnan".
func extendCluster(w, s string) string {
	if len(s) == 0 || len(s) >= len(w) || !strings.HasPrefix(w, s) {
		return s
	}
	switch s[len(s)-1:] + w[len(s):len(s)+1] {
	case "nt", "mp", "lt", "rt", "nk", "ht":
		return w[:len(s)+1]
	}
	return s
}

// nenNoun gives the -nen nouns and adjectives one key:
// johtaminen, johtamisen, johtamista, johtamisten -> "johtam".
func nenNoun(w, s string) string {
	n := len(s)
	cut := 0
	switch {
	case strings.HasSuffix(s, "in") && strings.HasPrefix(w[min(n-2, len(w)):], "inen"):
		cut = 2
	case strings.HasSuffix(s, "is"):
		cut = 2
	case strings.HasSuffix(s, "ist") && strings.HasPrefix(w[min(n-3, len(w)):], "isten"):
		cut = 3
	}
	if cut == 0 || n-cut < 3 || s[n-cut-1] == 'i' {
		return s
	}
	return s[:n-cut]
}

// usNoun gives the -us, -os, -as nouns one key: luottamus,
// luottamuksen, luottamusta -> "luottamu"; vaikuttavuus, vaikuttavuuden,
// vaikuttavuutta -> "vaikuttavuut".
func usNoun(s string) string {
	n := len(s)
	switch {
	case strings.HasSuffix(s, "uus") || strings.HasSuffix(s, "yys"):
		return s[:n-1] + "t"
	case n >= 5 && strings.HasSuffix(s, "ks") && isVowel(s[n-3]) && s[n-3] != 'i':
		return s[:n-2]
	case n >= 4 && s[n-1] == 's' && isVowel(s[n-2]) && s[n-2] != 'i':
		return s[:n-1]
	}
	return s
}

// gradations maps the consonant cluster of the last syllable to its
// strong grade.
var gradations = map[string]string{
	"kk": "k", "pp": "p", "tt": "t", "nn": "nt", "mm": "mp", "ll": "lt", "rr": "rt",
	"ng": "nk", "d": "t", "hd": "ht",
}

// gradate folds the consonant gradation of the last syllable:
// hyvinvoinn -> hyvinvoint, tyokyvy -> tyokyky, tava -> tapa,
// tiedo -> tieto.
func gradate(s string) string {
	j, i := lastConsonants(s)
	if j == 0 || j == i {
		return s
	}
	c := s[j:i]
	if c == "v" {
		prev := s[j-1]
		if i < len(s) && s[i] == prev && (prev == 'u' || prev == 'y') {
			return s[:j] + "k" + s[i:]
		}
		return s[:j] + "p" + s[i:]
	}
	if g, ok := gradations[c]; ok {
		return s[:j] + g + s[i:]
	}
	if n := len(c); n >= 2 && c[n-1] == c[n-2] && (c[n-1] == 'k' || c[n-1] == 'p' || c[n-1] == 't') {
		return s[:j] + c[:n-1] + s[i:]
	}
	return s
}

// lastConsonants finds the last syllable's consonants in s: s[j:i] are
// the consonants before the vowels s[i:] that end it.
func lastConsonants(s string) (j, i int) {
	i = len(s)
	for i > 0 && isVowel(s[i-1]) {
		i--
	}
	j = i
	for j > 0 && !isVowel(s[j-1]) {
		j--
	}
	return j, i
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
