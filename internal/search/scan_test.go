package search

import (
	"math/bits"
	"math/rand"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/helminauha/helminauha/internal/rusage"
)

// refScan is scan as it was written before its fast paths: every rune
// decoded and classified through package unicode, every text checked
// with norm. The fast scan must give the same words for every input.
func refScan(text string, emit func(w []byte, part, dangling bool)) {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	var buf []byte
	var ends []int
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !refIsWordRune(r) {
			i += size
			continue
		}
		buf, ends = buf[:0], ends[:0]
		for {
			n := 0
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !refIsWordRune(r) {
					break
				}
				if n < maxWordRunes {
					buf, n = refFoldRune(buf, r, n)
				}
				i += size
			}
			ends = append(ends, len(buf))
			if r, size := utf8.DecodeRuneInString(text[i:]); isHyphen(r) {
				if r2, _ := utf8.DecodeRuneInString(text[i+size:]); i+size < len(text) && refIsWordRune(r2) {
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
		if i+1 < len(text) && text[i] == ':' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(r) {
				i++
				for i < len(text) {
					r, size := utf8.DecodeRuneInString(text[i:])
					if !refIsWordRune(r) {
						break
					}
					i += size
				}
			}
		}
		if refKeep(buf) {
			emit(buf, false, dangling)
		}
		if len(ends) > 1 {
			start := 0
			for _, end := range ends {
				if p := buf[start:end]; refKeep(p) {
					emit(p, true, false)
				}
				start = end
			}
		}
	}
}

func refKeep(w []byte) bool {
	return utf8.RuneCount(w) >= 2 && !finnishStop.words[string(w)]
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || refInvisible(r)
}

// refInvisible are the characters that show as nothing inside a word
// (markdown.Invisible: Unicode's format characters).
func refInvisible(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}

func refFoldRune(b []byte, r rune, n int) ([]byte, int) {
	if unicode.IsMark(r) || refInvisible(r) {
		return b, n
	}
	r = unicode.ToLower(r)
	if f, ok := folds[r]; ok {
		return append(b, f...), n + len(f)
	}
	return utf8.AppendRune(b, r), n + 1
}

// scanned is what a scan gave: each word with its part and dangling
// flags.
type scanned struct {
	Word           string
	Part, Dangling bool
}

func scanAll(scan func(string, func([]byte, bool, bool)), text string) []scanned {
	var out []scanned
	scan(text, func(w []byte, part, dangling bool) {
		out = append(out, scanned{string(w), part, dangling})
	})
	return out
}

func checkScanMatchesRef(t *testing.T, text string) {
	t.Helper()
	if isNFC(text) && !norm.NFC.IsNormalString(text) {
		t.Fatalf("isNFC(%q) is true, but the text is not in NFC", text)
	}
	got, want := scanAll(func(s string, e func([]byte, bool, bool)) { scan(s, finnishStop, e) }, text), scanAll(refScan, text)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("scan(%q):\n got %v\nwant %v", text, got, want)
	}
}

// TestScanMatchesReference runs scan and refScan on the parity inputs,
// on random strings over the runes where the fast paths end (ASCII,
// Latin, U+0300, the punctuation that skips the NFC check, invalid
// UTF-8) and on every rune below U+3000 between letters.
func TestScanMatchesReference(t *testing.T) {
	inputs, _ := parityInputs(t)
	for _, in := range inputs {
		checkScanMatchesRef(t, in)
	}
	alphabet := []string{"a", "Z", "ä", "Ö", "ß", "æ", "İ", "ǅ", "\u02ff", "\u0300", "\u0308", "\u0301",
		"\u2010", "\u2011", "\u2013", "\u201d", "\u2026", "\u2000", "\u212b", "-", ":", " ", ",", "5",
		"\xff", "\xc3", "\x80", "\xcc", "ja", "verkosto", "Москва", "東京", "🙂", "ﬁ",
		// Runs of eight letters and digits and the bytes just outside
		// 'a'..'z', 'A'..'Z' and '0'..'9', which notWord8 must tell apart.
		"abcdefgh", "zyxwvuts", "ABCDEFGH", "a1B2c3D4", "09876543", "`", "{", "@", "[", "/", "\x7f", "\xe1", "\xc7\x80"}
	r := rand.New(rand.NewSource(3))
	for range 20000 {
		var s string
		for range 1 + r.Intn(12) {
			s += alphabet[r.Intn(len(alphabet))]
		}
		checkScanMatchesRef(t, s)
	}
	for c := rune(0); c < 0x3000; c++ {
		checkScanMatchesRef(t, "ab"+string(c)+"cd-"+string(c)+" "+string(c)+string(c))
	}
}

// FuzzScanMatchesReference checks scan against refScan on any input.
func FuzzScanMatchesReference(f *testing.F) {
	for _, s := range []string{"sote-organisaatio", "THL:ssä", "Työhön Ääni", "a\u0308iti", "2017–2019", "oppilas- ja opiskeluhuolto", "İ", "\xff\xfe", "a\u2000b", "Å\u212b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScanMatchesRef(t, s)
	})
}

// BenchmarkScan10k is the tokenising of every field of 10,000 pearls on
// one core.
func BenchmarkScan10k(b *testing.B) {
	bigCorpus(b)
	docs := bigDocs()
	emit := func([]byte, bool, bool) {}
	sc := scanner{stop: finnishStop}
	scan := sc.scan
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, rusage.CPU())
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			scan(d.Title, emit)
			scan(d.Summary, emit)
			for _, t := range d.Tags {
				scan(t, emit)
			}
			for _, h := range d.Headings {
				scan(h, emit)
			}
			scan(d.body(), emit)
			scan(d.AreaTitle, emit)
		}
	}
}

// TestNFCStable checks each rune nfcStable lets skip the NFC check: NFC
// keeps it as it is (NFC_Quick_Check is not No), it has combining class
// 0 and it composes with nothing before it (Quick_Check is not Maybe).
// It checks the same of every rune below U+0300, which isNFC lets pass
// unlooked at.
func TestNFCStable(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x10ffff; r++ {
		if r >= 0x300 && !nfcStable(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() || unicode.IsMark(r) {
			t.Errorf("U+%04X: NFC changes it or what is around it, so isNFC must not pass it", r)
		}
	}
	if n < 0x300+100 {
		t.Errorf("nfcStable allows %d runes from U+0300 on, want 100 or more", n-0x300)
	}
}

// TestNotWord8 puts every byte value at every place of eight bytes,
// after ASCII letters and digits and before random bytes, and checks that
// notWord8 marks the first byte that is no ASCII letter or digit, and
// none before it.
func TestNotWord8(t *testing.T) {
	const word = "abcxyzABCXYZ0189"
	r := rand.New(rand.NewSource(8))
	for c := range 256 {
		for at := range 8 {
			for range 4 {
				b := make([]byte, 8)
				for i := range b {
					switch {
					case i < at:
						b[i] = word[r.Intn(len(word))]
					case i == at:
						b[i] = byte(c)
					default:
						b[i] = byte(r.Intn(256))
					}
				}
				m := notWord8(load64(string(b)))
				first := 8
				for i, x := range b {
					if asciiFold[x] == 0 {
						first = i
						break
					}
				}
				got := 8
				if m != 0 {
					got = bits.TrailingZeros64(m) >> 3
				}
				if got != first {
					t.Fatalf("notWord8(%q): first byte %d, want %d", b, got, first)
				}
			}
		}
	}
}
