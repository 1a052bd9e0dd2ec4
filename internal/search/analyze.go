package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one indexable word of a text.
type Token struct {
	// Term is the key the index holds: the folded word, stemmed and
	// normalised so that the inflected forms of one Finnish word meet.
	Term string
	// Word is the folded surface form (lower case, ä→a, ö→o, å→a).
	Word string
	// Part is true for a part of a hyphenated word; the whole word comes
	// first as its own token.
	Part bool
}

// maxWordRunes caps the length of a word; longer runs of letters are cut.
const maxWordRunes = 40

// Analyze splits text into tokens for the index and for queries. The same
// steps run in haku.js (analyse) and must give the same result for every
// input; testdata/analysis.golden.json pins them for both.
//
// The steps: Unicode NFC; words are runs of letters, digits and combining
// marks (marks are dropped); a hyphen between two words joins them into a
// hyphenated word, which yields the whole (written without hyphens) and
// then each part; a colon followed by letters ends the word and the letters
// after it are skipped ("THL:ssä" is "thl"); each rune is lower-cased and
// folded (ä→a, ö→o, å→a, é→e, ...); words of one rune and stop words are
// left out; each word's Term is its key (see Key).
func Analyze(text string) []Token {
	var out []Token
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		// A hyphenated run: parts separated by single hyphens.
		var parts []string
		for {
			var b strings.Builder
			n := 0
			for i < len(rs) && isWordRune(rs[i]) {
				if n < maxWordRunes {
					n += foldRune(&b, rs[i])
				}
				i++
			}
			parts = append(parts, b.String())
			if i+1 < len(rs) && isHyphen(rs[i]) && isWordRune(rs[i+1]) {
				i++
				continue
			}
			break
		}
		// "THL:ssä": skip the case ending after a colon.
		if i+1 < len(rs) && rs[i] == ':' && unicode.IsLetter(rs[i+1]) {
			i++
			for i < len(rs) && isWordRune(rs[i]) {
				i++
			}
		}
		if len(parts) > 1 {
			whole := strings.Join(parts, "")
			if keep(whole) {
				out = append(out, Token{Term: Key(whole), Word: whole})
			}
			for _, p := range parts {
				if keep(p) {
					out = append(out, Token{Term: Key(p), Word: p, Part: true})
				}
			}
			continue
		}
		if keep(parts[0]) {
			out = append(out, Token{Term: Key(parts[0]), Word: parts[0]})
		}
	}
	return out
}

// keep reports whether a folded word is indexed: two runes or more and not
// a stop word.
func keep(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && !stopWords[w]
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// foldRune writes the lower-cased, folded form of r to b and returns the
// number of runes written. Combining marks are dropped.
func foldRune(b *strings.Builder, r rune) int {
	if unicode.IsMark(r) {
		return 0
	}
	r = unicode.ToLower(r)
	if f, ok := folds[r]; ok {
		b.WriteString(f)
		return utf8.RuneCountInString(f)
	}
	b.WriteRune(r)
	return 1
}

// folds maps lower-case Latin letters with diacritics to plain ASCII, so
// that a reader without ä and ö on the keyboard finds the same words. The
// table is copied verbatim into haku.js.
var folds = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ß': "ss", 'ť': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// stopWords are folded Finnish function words that are not indexed.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		ja tai on ei se etta kun jos niin kuin myos mutta seka eli eika
		ole ovat oli olla olisi ollut olivat olen olet olemme olette
		en et emme ette eivat
		voi sen sita siita siihen sille siina silla ne niita niiden niista niihin niille
		joka jotka jonka joita joiden jota jossa joissa josta joista johon joihin jolla joilla
		mika mita miten mihin missa mista
		tama taman tata tassa tasta tahan talla nama naita naiden naissa
		han he me te mina sina heidan meidan teidan hanen minun sinun
		vain jo viela kanssa mukaan nyt sitten siis kuten mm esim ym jne tms`) {
		m[w] = true
	}
	return m
}()
