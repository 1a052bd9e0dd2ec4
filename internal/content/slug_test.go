package content

import (
	"strings"
	"testing"
)

func TestCheckSlug(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "yhteinen-tavoite", ""},
		{"digits", "vuosi-2024", ""},
		{"umlauts", "työhyvinvointi", `rename it tyohyvinvointi.md`},
		{"capitals and spaces", "Uusi Helmi", `rename it uusi-helmi.md`},
		{"underscore", "uusi_helmi", `rename it uusi-helmi.md`},
		{"double hyphen", "a--b", `rename it a-b.md`},
		{"leading hyphen", "-a", `rename it a.md`},
		{"no letters", "ää", `rename it aa.md`},
		{"nothing usable", "???", `cannot become a web address`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckSlug(tc.in).String()
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("CheckSlug(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzSlug checks that the slug a message suggests is itself valid, so an
// editor who follows the advice is done in one step.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"työhyvinvointi", "Uusi Helmi", "a--b", "Ääkkönen_ÅÖ", "日本", "", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		msg := CheckSlug(s).String()
		if msg == "" {
			return
		}
		_, rest, ok := strings.Cut(msg, "rename it ")
		if !ok {
			return
		}
		suggested := strings.TrimSuffix(rest, ".md")
		if CheckSlug(suggested).Message() != nil {
			t.Errorf("CheckSlug(%q) suggests %q, which is not valid either", s, suggested)
		}
	})
}

// TestPageNames: a file of a page folder named as a page saved by the
// wrong name gets the name to rename it to; other files get none.
func TestPageNames(t *testing.T) {
	for name, want := range map[string]string{
		"uusi.md.txt":          "uusi.md",
		"uusi.MD":              "uusi.md",
		"uusi.Md":              "uusi.md",
		"uusi.markdown":        "uusi.md",
		"Uusi Helmi.markdown":  "uusi-helmi.md",
		"työhyvinvointi.mdown": "tyohyvinvointi.md",
		"x.md.TXT":             "x.md",
		"muistiinpanot.txt":    "",
		"kuva.png":             "",
		"....md.txt":           "",
	} {
		got, ok := pageName(name)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("pageName(%q) = %q, want %q", name, got, want)
		}
	}
}
