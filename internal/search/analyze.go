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
	scan(text, func(w []byte, part, _ bool) {
		s := string(w)
		out = append(out, Token{Term: Key(s), Word: s, Part: part})
	})
	return out
}

// scan calls emit with each folded word of text that is kept, as Analyze
// describes; w is valid only during the call. dangling tells that the word
// ends in a hyphen that joins it to nothing, as in "oppilas- ja
// opiskeluhuolto", where it stands for "oppilashuolto".
func scan(text string, emit func(w []byte, part, dangling bool)) {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	var buf []byte
	var ends []int // end of each part in buf
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// A hyphenated run: parts separated by single hyphens.
		buf, ends = buf[:0], ends[:0]
		for {
			n := 0
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				if n < maxWordRunes {
					buf, n = foldRune(buf, r, n)
				}
				i += size
			}
			ends = append(ends, len(buf))
			if r, size := utf8.DecodeRuneInString(text[i:]); isHyphen(r) {
				if r2, _ := utf8.DecodeRuneInString(text[i+size:]); i+size < len(text) && isWordRune(r2) {
					i += size
					continue
				}
			}
			break
		}
		r, size = utf8.DecodeRuneInString(text[i:])
		dangling := i < len(text) && isHyphen(r) && len(ends) == 1
		if dangling && i+size < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+size:])
			dangling = unicode.IsSpace(r2) || r2 == ','
		}
		// "THL:ssä": skip the case ending after a colon.
		if i+1 < len(text) && text[i] == ':' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(r) {
				i++
				for i < len(text) {
					r, size := utf8.DecodeRuneInString(text[i:])
					if !isWordRune(r) {
						break
					}
					i += size
				}
			}
		}
		if keep(buf) {
			emit(buf, false, dangling)
		}
		if len(ends) > 1 {
			start := 0
			for _, end := range ends {
				if p := buf[start:end]; keep(p) {
					emit(p, true, false)
				}
				start = end
			}
		}
	}
}

// keep reports whether a folded word is indexed: two runes or more and not
// a stop word.
func keep(w []byte) bool {
	return utf8.RuneCount(w) >= 2 && !stopWords[string(w)]
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// foldRune appends the lower-cased, folded form of r to b and adds the
// number of runes appended to n. Combining marks are dropped.
func foldRune(b []byte, r rune, n int) ([]byte, int) {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r)), n + 1
	}
	if unicode.IsMark(r) {
		return b, n
	}
	r = unicode.ToLower(r)
	if f, ok := folds[r]; ok {
		return append(b, f...), n + len(f)
	}
	return utf8.AppendRune(b, r), n + 1
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
		vain jo viela kanssa mukaan nyt sitten siis kuten mm esim ym jne tms
		alla alle alta ali yli ohi pois vaan`) {
		m[w] = true
	}
	return m
}()
