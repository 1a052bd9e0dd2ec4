package markdown

import "testing"

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
		{"quotes", "”Näin” ja ’noin’", "nain-ja-noin"},
		{"only symbols", "!!! ???", ""},
		{"empty", "", ""},
		{"already a slug", "yhteinen-tavoite-2", "yhteinen-tavoite-2"},
		{"underscore", "snake_case", "snake-case"},
		{"emoji", "Helmi 💎 nauha", "helmi-nauha"},
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
		"## *Korostettu* `koodi` ja [linkki](x.md)\n\n## !!!\n\n## Työpohja 1\n\nOtsikko\n-------\n"
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
