package markdown

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"finnish letters", "Työhyvinvointi ja jaksaminen", "tyohyvinvointi-ja-jaksaminen"},
		{"a with ring", "Åland ja Äänekoski", "aland-ja-aanekoski"},
		{"upper case", "JOHTAMINEN", "johtaminen"},
		{"punctuation runs", "Mitä, miksi & miten?", "mita-miksi-miten"},
		{"trimmed", "  --Tulokset--  ", "tulokset"},
		{"digits kept", "Vuodet 2015–2017", "vuodet-2015-2017"},
		{"other diacritics", "Café Škoda Ñandú", "cafe-skoda-nandu"},
		{"spelled letters", "Straße Ærø", "strasse-aero"},
		{"sámi letters", "Sámegiella: áčđŋšŧž ÁČĐŊŠŦŽ", "samegiella-acdnstz-acdnstz"},
		{"skolt sámi letters", "ǥ ǯ ʒ ǩ ǧ", "g-z-z-k-g"},
		{"quotes", "”Näin” ja ’noin’", "nain-ja-noin"},
		{"only symbols", "!!! ???", ""},
		{"empty", "", ""},
		{"already a slug", "yhteinen-tavoite-2", "yhteinen-tavoite-2"},
		{"underscore", "snake_case", "snake-case"},
		{"emoji", "Helmi 💎 nauha", "helmi-nauha"},
		// Pasted from Word (an optional hyphen), a web page (a zero-width
		// space, a word joiner) or a PDF (ligatures): the words as seen.
		{"soft hyphen", "Työ\u00adhyvin\u00advointi", "tyohyvinvointi"},
		{"zero-width characters", "työ\u200bhyvinvointi\u2060 ja\u200d\u200c jak\ufeffsaminen", "tyohyvinvointi-ja-jaksaminen"},
		{"ligatures", "Proﬁili ja ﬂow: ﬀ ﬃ ﬄ ﬆ", "profiili-ja-flow-ff-ffi-ffl-st"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Slugify(tc.in); got != tc.want {
				t.Errorf("Slugify(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestHeadingIDsAreUniqueSlugs(t *testing.T) {
	src := "## Työhyvinvointi\n\n## Työhyvinvointi\n\n## Työhyvinvointi 1\n\n## Työhyvinvointi\n\n" +
		"## *Korostettu* `koodi` ja [linkki](x.md)\n\n## !!!\n\n## Työpohja 1\n\nOtsikko\n-------\n\n" +
		"## Vaihe 2\n\n## Vaihe\n\n## Vaihe\n\n## Vaihe\n\n## Sisältö\n\n## Sisällys\n\n## Header Q\n\n## Sisältö ja tavoitteet\n"
	d, _ := Parse("content/helmet/x.md", []byte(src))
	want := []Heading{
		{2, "Työhyvinvointi", "tyohyvinvointi", 1},
		{2, "Työhyvinvointi", "tyohyvinvointi-1", 3},
		{2, "Työhyvinvointi 1", "tyohyvinvointi-1-1", 5},
		{2, "Työhyvinvointi", "tyohyvinvointi-2", 7},
		{2, "Korostettu koodi ja linkki", "korostettu-koodi-ja-linkki", 9},
		{2, "!!!", "otsikko", 11},
		{2, "Työpohja 1", "otsikko-tyopohja-1", 13},
		{2, "Otsikko", "otsikko-1", 15},
		// A suffix already taken is skipped, here and in later headings.
		{2, "Vaihe 2", "vaihe-2", 18},
		{2, "Vaihe", "vaihe", 20},
		{2, "Vaihe", "vaihe-1", 22},
		{2, "Vaihe", "vaihe-3", 24},
		// The ids of the theme's own elements (the main element, the
		// header's search field) are no heading's.
		{2, "Sisältö", "otsikko-sisalto", 26},
		{2, "Sisällys", "otsikko-sisallys", 28},
		{2, "Header Q", "otsikko-header-q", 30},
		{2, "Sisältö ja tavoitteet", "sisalto-ja-tavoitteet", 32},
	}
	if len(d.Headings) != len(want) {
		t.Fatalf("got %d headings %+v, want %d", len(d.Headings), d.Headings, len(want))
	}
	for i, h := range d.Headings {
		if h != want[i] {
			t.Errorf("heading %d: got %+v, want %+v", i, h, want[i])
		}
	}
	html := string(d.HTML(nil))
	for _, h := range want {
		if !contains(html, ` id="`+h.ID+`"`) {
			t.Errorf("HTML has no id %q:\n%s", h.ID, html)
		}
	}
}

func BenchmarkSlugify(b *testing.B) {
	for b.Loop() {
		Slugify("Työhyvinvointi ja jaksaminen sote-työpaikoilla")
	}
}

// Slugify decomposes rune by rune, the Latin ones from a table; the result
// must be that of decomposing the whole text first.
func TestSlugifyMatchesWholeTextDecomposition(t *testing.T) {
	inputs := []string{
		"Työhyvinvointi ja jaksaminen", "Ǆemal Ĳssel ǅ", "e\u0301 vs é", "a\u0308\u0323b", "Ωμέγα ja Ärrä",
		"\xff\xfe rikki", "한국어 otsikko", "ﬁ ligatuuri", "Ｆｕｌｌ ｗｉｄｔｈ", "ǲ Ǳ ǳ",
	}
	for r := rune(0x80); r < 0x3000; r++ {
		inputs = append(inputs, "a"+string(r)+"b", string(r)+"x"+string(r))
	}
	for _, in := range inputs {
		if got, want := Slugify(in), slugifyWhole(in); got != want {
			t.Errorf("Slugify(%q) = %q, decomposing the whole text gives %q", in, got, want)
		}
	}
}

// slugifyWhole is Slugify as it was first written: NFD of the whole text.
func slugifyWhole(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		var part string
		switch lr := unicode.ToLower(r); {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			part = string(lr)
		case r < utf8.RuneSelf:
			dash = true
			continue
		case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
			continue
		case spelled[lr] != "":
			part = spelled[lr]
		case 'a' <= lr && lr <= 'z':
			part = string(lr)
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(part)
	}
	return b.String()
}

// TestHeadingIDsPastFew gives ids to more headings than headingIDs looks
// through before it keeps a map, equal and suffixed ones on both sides
// of the switch, and checks them against the ids of a map from the
// start.
func TestHeadingIDsPastFew(t *testing.T) {
	var texts []string
	for i := range 3 * fewIDs {
		texts = append(texts, "Vaihe", fmt.Sprintf("Vaihe %d", i%7), fmt.Sprintf("Otsikko %d", i))
	}
	used := map[string]bool{}
	var h headingIDs
	for i, text := range texts {
		base := Slugify(text)
		want := base
		for n := 1; used[want]; n++ {
			want = base + "-" + strconv.Itoa(n)
		}
		used[want] = true
		if got := h.id(text); got != want {
			t.Fatalf("heading %d %q: id %q, want %q", i, text, got, want)
		}
	}
}
