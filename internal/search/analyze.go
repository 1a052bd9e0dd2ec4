package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/markdown"
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
func Analyze(text string) []Token { return finnish.Analyze(text) }

// scan calls emit with each folded word of text that is kept, as Analyze
// describes; w is valid only during the call. dangling tells that the word
// ends in a hyphen that joins it to nothing, as in "oppilas- ja
// opiskeluhuolto", where it stands for "oppilashuolto".
//
// ASCII letters and digits are classified and folded by table, without
// decoding; so are the runes below U+0300 (see latin).
func scan(text string, stop *stopSet, emit func(w []byte, part, dangling bool)) {
	sc := scanner{stop: stop}
	sc.scan(text, emit)
}

// scanner is the scratch space of scan, kept from text to text.
type scanner struct {
	stop *stopSet // the language's stop words
	buf  []byte   // the folded word
	ends []int    // end of each part in buf
}

// scan is scan with the scratch space of sc.
func (sc *scanner) scan(text string, emit func(w []byte, part, dangling bool)) {
	if !isNFC(text) && !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	buf, ends := sc.buf, sc.ends
	defer func() { sc.buf, sc.ends = buf, ends }()
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiFold[c] == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		// A hyphenated run: parts separated by single hyphens.
		buf, ends = buf[:0], ends[:0]
		for {
			n := 0 // runes of the part so far, counted past maxWordRunes
			for i < len(text) {
				if i+8 <= len(text) {
					// Eight bytes at a time: those before the first that
					// is no ASCII letter or digit are the word's, folded
					// all at once by setting bit 0x20 (which makes a
					// capital small and leaves a digit or small letter as
					// it is) and stored in one write, of which only those
					// bytes are kept.
					x := load64(text[i : i+8])
					k := 8
					if m := notWord8(x); m != 0 {
						k = bits.TrailingZeros64(m) >> 3
					}
					if k > 0 {
						if cap(buf)-len(buf) < 8 {
							buf = slices.Grow(buf, 8)
						}
						binary.LittleEndian.PutUint64(buf[len(buf):len(buf)+8], x|0x2020202020202020)
						buf = buf[:len(buf)+min(k, max(0, maxWordRunes-n))]
						n += k
						i += k
						if k == 8 {
							continue
						}
					}
				} else if c := text[i]; c < utf8.RuneSelf {
					// The last bytes of the text, one at a time.
					f := asciiFold[c]
					if f == 0 {
						break
					}
					if n < maxWordRunes {
						buf = append(buf, f)
					}
					n++
					i++
					continue
				}
				c := text[i]
				if c < utf8.RuneSelf {
					break
				}
				var r rune
				var size int
				if 0xC2 <= c && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					// Two bytes, as ä and ö are, decoded here.
					r, size = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
				} else {
					r, size = utf8.DecodeRuneInString(text[i:])
				}
				if r < latinEnd {
					// Most letters of Latin script fold to one ASCII
					// letter (ä to a): one small table says which.
					f := latinASCII[r]
					if f == 0 {
						break
					}
					if f < utf8.RuneSelf {
						if n < maxWordRunes {
							buf = append(buf, f)
						}
						n++
						i += size
						continue
					}
				} else if !isWordRune(r) {
					break
				}
				if n < maxWordRunes {
					buf, n = foldRune(buf, r, n)
				}
				i += size
			}
			ends = append(ends, len(buf))
			if i < len(text) && text[i] == ' ' {
				break // the common case: the word ends at a space
			}
			if r, size := utf8.DecodeRuneInString(text[i:]); isHyphen(r) {
				if r2, _ := utf8.DecodeRuneInString(text[i+size:]); i+size < len(text) && isWordRune(r2) {
					i += size
					continue
				}
			}
			break
		}
		dangling := false
		if i < len(text) && text[i] != ' ' {
			r, size := utf8.DecodeRuneInString(text[i:])
			dangling = isHyphen(r) && len(ends) == 1
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
		}
		// Most words are longer than any stop word: kept without a call.
		if len(buf) > sc.stop.max || sc.stop.keep(buf) {
			emit(buf, false, dangling)
		}
		if len(ends) > 1 {
			start := 0
			for _, end := range ends {
				if p := buf[start:end]; sc.stop.keep(p) {
					emit(p, true, false)
				}
				start = end
			}
		}
	}
}

// notWord8 returns, for the eight bytes of x (the first lowest), a
// number whose byte i has its top bit set when byte i is no ASCII letter
// or digit, at least for the first such byte (the bits of the bytes after
// it are not to be relied on). With y, x with bit 0x20 set in each byte,
// a byte c below 0x80 is a letter when its y is from 'a' (y+0x1F reaches
// 0x80) to 'z' (y+0x05 does not), and a digit when c+0x50 reaches 0x80
// and c+0x46 does not; the sums of bytes below 0x80 carry nothing into
// the next byte, so the bytes up to the first other one are told right.
func notWord8(x uint64) uint64 {
	const hi = 0x8080808080808080
	y := x | 0x2020202020202020
	notLetter := y | ^(y + 0x1F1F1F1F1F1F1F1F) | (y + 0x0505050505050505)
	notDigit := x | ^(x + 0x5050505050505050) | (x + 0x4646464646464646)
	return notLetter & notDigit & hi
}

// load64 returns the first eight bytes of s, the first lowest, read at
// once (the compiler makes one load of the shifts).
func load64(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isNFC reports, cheaply, whether text is sure to be in NFC: when each of
// its runes has combining class 0 and NFC_Quick_Check=Yes, which makes
// the quick check of UAX #15 answer yes for the whole text. It checks
// that only of the runes below U+0300 (all of them are such) and the
// common punctuation in nfcStable; for any other rune it reports false,
// and the full check decides. Bytes below 0xCC never start a rune from
// U+0300 on, so they pass without decoding; invalid UTF-8 among them
// passes too, as the full check lets it.
func isNFC(text string) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			x := load64(text[i : i+8])
			// A byte is 0xCC or more when its top bit is set and its
			// low seven bits plus 0x34 reach 0x80.
			const lo, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
			if x&((x&lo)+0x3434343434343434)&hi == 0 {
				i += 8
				continue
			}
		}
		if text[i] < 0xCC {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !nfcStable(r) {
			return false
		}
		i += size
	}
	return true
}

// nfcStable reports whether r is in one of the ranges of punctuation from
// U+0300 on whose every rune has combining class 0 and
// NFC_Quick_Check=Yes (TestNFCStable checks each against package norm):
// dashes, quotes, ellipsis, per mille, currency signs, arrows.
func nfcStable(r rune) bool {
	return 0x2010 <= r && r <= 0x205e || 0x20a0 <= r && r <= 0x20c0 || 0x2190 <= r && r <= 0x2199
}

// keep reports whether a folded word is indexed: two runes or more and not
// a stop word.
func (st *stopSet) keep(w []byte) bool {
	switch {
	case len(w) > st.max:
		return true // more than four bytes is more than one rune
	case len(w) < 2:
		return false
	case w[0] >= utf8.RuneSelf && utf8.RuneCount(w) < 2:
		return false // an ASCII first rune leaves a rune or more after it
	}
	return !st.has(w)
}

// stopSet is the stop words of a language: the folded function words that
// are not indexed.
type stopSet struct {
	words map[string]bool
	// list is the words as written, which are also the theme's
	// (haku-<code>.js's STOP_WORDS, written by go generate).
	list string
	// max is the length in bytes of the longest stop word, and at least
	// four: a word longer than that is kept.
	max int
	// table holds the packed stop words, open addressed by stopHash, 0 in
	// free slots.
	table [1 << stopBits]uint64
}

// newStopSet makes the stop set of the words in list, separated by
// white space.
func newStopSet(list string) *stopSet {
	st := &stopSet{words: map[string]bool{}, list: list, max: 4}
	for _, w := range strings.Fields(list) {
		st.words[w] = true
		st.max = max(st.max, len(w))
	}
	if len(st.words)*4 > len(st.table) {
		panic("search: the stop table is too small for the stop words")
	}
	for w := range st.words {
		if len(w) > 8 {
			panic("search: stop word " + w + " is longer than eight bytes")
		}
		x := packWord([]byte(w))
		i := stopHash(x)
		for st.table[i] != 0 {
			i = (i + 1) % len(st.table)
		}
		st.table[i] = x
	}
	return st
}

// isStop reports whether the string w is a stop word.
func (st *stopSet) isStop(w string) bool { return len(w) <= st.max && st.words[w] }

// has reports whether w is one of the stop words, looked up in the table.
func (st *stopSet) has(w []byte) bool {
	if len(w) > 8 {
		return false
	}
	var x uint64
	if cap(w) >= 8 {
		// The bytes after w in its array, masked off, save a loop.
		x = binary.LittleEndian.Uint64(w[:8]) & (1<<(8*len(w)) - 1)
	} else {
		x = packWord(w)
	}
	for i := stopHash(x); ; i = (i + 1) % len(st.table) {
		switch st.table[i] {
		case x:
			return true
		case 0:
			return false
		}
	}
}

// packWord packs a word of up to eight bytes, none of them 0, into a
// number, the first byte lowest.
func packWord(w []byte) uint64 {
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	return x
}

func stopHash(x uint64) int {
	return int((x * 0x9e3779b97f4a7c15) >> (64 - stopBits))
}

// stopBits is the log2 of the size of a stop table, which is at least
// four times the number of stop words, so that a lookup looks at one or
// two slots.
const stopBits = 9

// asciiFold maps each ASCII letter or digit to its folded form (the letter
// in lower case) and every other byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

// latinEnd is the end of the runes kept in latin.
const latinEnd = 0x300

// latin holds, for each rune below latinEnd (ASCII, Latin-1, Latin
// Extended-A and -B, IPA, spacing modifiers: none of them a combining
// mark), whether it is a word rune and its folded form.
var latin = func() (t [latinEnd]struct {
	word  bool
	runes uint8 // in fold
	fold  string
}) {
	for r := range rune(latinEnd) {
		b, n := slowFold(nil, r, 0)
		t[r].word = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || invisible(r)
		t[r].fold, t[r].runes = string(b), uint8(n)
	}
	return t
}()

// latinASCII holds, for each rune below latinEnd, 0 when it is no word
// rune, its folded form when that is one ASCII byte, and 0xFF for the
// other word runes: a table of 768 bytes that scan's hot loop reads
// rather than the larger latin.
var latinASCII = func() (t [latinEnd]byte) {
	for r := range rune(latinEnd) {
		switch f := &latin[r]; {
		case !f.word:
		case len(f.fold) == 1 && f.fold[0] < utf8.RuneSelf:
			t[r] = f.fold[0]
		default:
			t[r] = 0xFF
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < latinEnd {
		return latin[r].word
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || invisible(r)
}

// invisible is markdown.Invisible, the one rule for the characters
// that pasted text carries inside words and that show as nothing (Word's
// optional hyphen, a web page's zero-width space, a left-to-right mark):
// like a combining mark they belong to the word and are dropped from it,
// where they split it ("työ\u00adhyvinvointi" was found by "työ" and
// "hyvinvointi" and not by "työhyvinvointi"). haku.js has the same rule
// (\p{Cf} in RE_WORD and RE_DROP).
func invisible(r rune) bool { return markdown.Invisible(r) }

func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// foldRune appends the lower-cased, folded form of r to b and adds the
// number of runes appended to n. Combining marks are dropped.
func foldRune(b []byte, r rune, n int) ([]byte, int) {
	if r < latinEnd {
		f := &latin[r]
		if len(f.fold) == 1 {
			return append(b, f.fold[0]), n + 1
		}
		return append(b, f.fold...), n + int(f.runes)
	}
	return slowFold(b, r, n)
}

// slowFold is foldRune through package unicode and folds.
func slowFold(b []byte, r rune, n int) ([]byte, int) {
	if unicode.IsMark(r) || invisible(r) {
		return b, n
	}
	r = unicode.ToLower(r)
	if f, ok := folds[r]; ok {
		return append(b, f...), n + len(f)
	}
	return utf8.AppendRune(b, r), n + 1
}

// folds maps lower-case Latin letters with diacritics to plain ASCII, so
// that a reader without ä and ö on the keyboard finds the same words; so
// also the Sámi languages' letters (đ, ŋ, ŧ; Skolt's ǥ, ǧ, ǩ, ʒ, ǯ), as
// slugs spell them. The table is copied verbatim into haku.js.
var folds = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ǥ': "g", 'ǧ': "g",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ǩ': "k", 'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ŋ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ß': "ss", 'ť': "t", 'ŧ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ʒ': "z", 'ǯ': "z",
	// The ligatures a PDF's text comes with when copied (proﬁili).
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
}

// finnishStop are the folded Finnish function words that are not indexed;
// haku-fi.js's STOP_WORDS are written from them (go generate).
var finnishStop = newStopSet(`
	ja tai on ei se etta kun jos niin kuin myos mutta seka eli eika
	ole ovat oli olla olisi ollut olivat olen olet olemme olette
	en et emme ette eivat
	voi sen sita siita siihen sille siina silla ne niita niiden niista niihin niille
	joka jotka jonka joita joiden jota jossa joissa josta joista johon joihin jolla joilla
	mika mita miten mihin missa mista
	tama taman tata tassa tasta tahan talla nama naita naiden naissa
	han he me te mina sina heidan meidan teidan hanen minun sinun
	vain jo viela kanssa mukaan nyt sitten siis kuten mm esim ym jne tms
	alla alle alta ali yli ohi pois vaan`)
