package markdown

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns Finnish text into a slug for URLs and ids: lower-case
// ASCII letters, digits and '-'. Letters lose their diacritics (ä -> a,
// ö -> o, å -> a, é -> e), a few letters without a decomposition are
// spelled out (ß -> ss, æ -> ae, ø -> o, ŋ -> n, the ligature ﬁ -> fi),
// invisible format characters (a soft hyphen) are dropped, and every
// other run of characters becomes one '-'. The result never starts or ends with '-'
// and is empty when s holds no letter or digit.
//
//	Slugify("Työhyvinvointi ja jaksaminen") == "tyohyvinvointi-ja-jaksaminen"
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	emit := func(part string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(part)
	}
	put := func(r rune) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(byte(r))
		case 'A' <= r && r <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(byte(r) + 'a' - 'A')
		case r < utf8.RuneSelf:
			dash = true
		case unicode.Is(unicode.Mn, r):
			// A combining mark left by NFD: drop it, the base letter stays.
		case Invisible(r):
			// An invisible format character inside a word, as Word's
			// optional hyphen (U+00AD) or a web page's zero-width space
			// comes pasted: the reader sees one word, and so does the
			// slug ("Työ\u00adhyvinvointi" was tyo-hyvinvointi, a tag
			// page of its own beside tyohyvinvointi, and a heading whose
			// id was not the one its words give).
		default:
			if sp, ok := spelled[unicode.ToLower(r)]; ok {
				emit(sp)
				return
			}
			lr := unicode.ToLower(r)
			if 'a' <= lr && lr <= 'z' {
				emit(string(lr))
				return
			}
			dash = true
		}
	}
	// Each rune is decomposed on its own (NFD of a string is that of its
	// runes, reordered only among combining marks, which are dropped), and
	// the Latin ones from a table: headings are full of ä and ö.
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			put(r)
		case r < latinEnd:
			for _, d := range latinNFD[r-utf8.RuneSelf] {
				put(d)
			}
		default:
			for _, d := range norm.NFD.String(string(r)) {
				put(d)
			}
		}
	}
	return b.String()
}

// Invisible reports whether r is a Unicode format character (category
// Cf: the soft hyphen, zero-width space and joiners, left-to-right and
// bidi marks, the word joiner, a byte-order mark …), which shows as
// nothing and which pasted text carries inside words. It is the one rule
// for such characters: inside a word they belong to it and are dropped
// from it, never a break between words, in slugs (Slugify), tags'
// addresses (site.TagSlug) and the search's analysis (search.Analyze,
// and haku.js's \p{Cf}, which the browser's query analysis uses so that
// it splits words where the index did). A list of some of them made a
// left-to-right mark join a word in a slug and split it in search.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}

// latinNFD holds the canonical decomposition of every rune from U+0080 up
// to latinEnd (Latin-1 Supplement, Latin Extended-A and -B).
const latinEnd = 0x250

var latinNFD = func() (t [latinEnd - utf8.RuneSelf][]rune) {
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		t[r-utf8.RuneSelf] = []rune(norm.NFD.String(string(r)))
	}
	return t
}()

// spelled holds letters that NFD does not decompose into an ASCII base,
// the Sámi languages' among them (đ, ŋ, ŧ, and Skolt's ǥ and ʒ, which ǯ
// decomposes to): without them a tag "Ŧ" had no letters and "saŋ" had
// the address of "sa".
var spelled = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'đ': "d", 'ð': "d",
	'ł': "l", 'þ': "th", 'ı': "i", 'ŋ': "n", 'ŧ': "t", 'ǥ': "g", 'ʒ': "z",
	'ħ': "h",
	// The ligatures a PDF's text comes with when copied (proﬁili).
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
}

// headingIDs hands out the ids of one document's headings: the slug of the
// heading's text, made unique with -1, -2 … suffixes.
type headingIDs struct {
	// few holds the ids given, while there are at most fewIDs: a page
	// has a dozen headings, and looking through them is cheaper than
	// making and filling a map for each page. used holds them after.
	few  []string
	used map[string]bool
	// next holds, for each slug, the suffix to try first: every smaller
	// one is taken. Trying from -1 each time made a page of a hundred
	// thousand equal headings take hours.
	next map[string]int
}

const fewIDs = 16

// taken tells whether id has been given.
func (h *headingIDs) taken(id string) bool {
	if h.used != nil {
		return h.used[id]
	}
	return slices.Contains(h.few, id)
}

// take gives id.
func (h *headingIDs) take(id string) {
	if h.used == nil && len(h.few) < fewIDs {
		h.few = append(h.few, id)
		return
	}
	if h.used == nil {
		h.used = make(map[string]bool, 2*fewIDs)
		for _, id := range h.few {
			h.used[id] = true
		}
	}
	h.used[id] = true
}

// worksheetIDPrefix starts every id a worksheet form carries. A heading
// whose slug would start with it gets idPrefixForReserved in front, so a
// heading "Työpohja 1" can never take the id of the first form.
const (
	worksheetIDPrefix   = "tyopohja-"
	idPrefixForReserved = "otsikko-"
	emptyHeadingID      = "otsikko"
)

// The ids the built-in theme gives the elements of its pages around a
// body, which a heading's slug could otherwise be: "## Sisältö" took the
// id of the page's main element (the skip link's target, id="sisalto"),
// so a page had two, and a link to the heading led to the top of the
// content instead. A theme's other ids hold a '_', which no slug does;
// internal/render's TestThemeIDsAreNoHeadingIDs keeps the two in step.
var (
	themeIDs        = []string{"sisalto", "sisallys"}
	themeIDPrefixes = []string{worksheetIDPrefix, "header-", "search-", "necklace-", "notfound-", "words-"}
)

// ThemeID tells an id that the built-in theme or a worksheet may give an
// element of a page (id, or, with prefix, every id that starts with it),
// and that no heading is given.
func ThemeID(id string, prefix bool) bool {
	if !prefix && slices.Contains(themeIDs, id) {
		return true
	}
	for _, p := range themeIDPrefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func (h *headingIDs) id(text string) string {
	base := Slugify(text)
	if base == "" {
		base = emptyHeadingID
	}
	if ThemeID(base, false) {
		base = idPrefixForReserved + base
	}
	id := base
	if h.taken(id) {
		if h.next == nil {
			h.next = make(map[string]int)
		}
		n := max(h.next[base], 1)
		for id = base + "-" + strconv.Itoa(n); h.taken(id); id = base + "-" + strconv.Itoa(n) {
			n++
		}
		h.next[base] = n + 1
	}
	h.take(id)
	return id
}
