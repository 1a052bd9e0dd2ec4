package site

import "testing"

func TestTagSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Työhyvinvointi", "tyohyvinvointi"},
		{"saŋ", "san"},
		{"Ŧ", "t"},
		{"ʒ ja 働き方", "z-ja-働き方"},
		{"Johtaminen ja jaksaminen", "johtaminen-ja-jaksaminen"},
		{"Ψυχολογία", "ψυχολογία"},
		{"Работа", "работа"},
		{"働き方", "働き方"},
		{"🙂", "🙂"},
		{"❤️ työ", "❤️-tyo"},
		{"हिन्दी", "हिन्दी"},
		{"Wörk 働き方", "work-働き方"},
		{"!!", ""},
		// Pasted with an optional hyphen or a ligature, a tag is the tag
		// it looks like, not a page of its own.
		{"työ\u00adhyvinvointi", "tyohyvinvointi"},
		{"Проф\u00adиль ja proﬁili", "профиль-ja-profiili"},
		// Windows keeps these names for devices: a folder tagit/con/
		// cannot be checked out there.
		{"con", "con_"},
		{"PRN", "prn_"},
		{"Aux.", "aux_"},
		{"nul ", "nul_"},
		{"COM1", "com1_"},
		{"lpt9", "lpt9_"},
		{"com0", "com0"},
		{"con ja prn", "con-ja-prn"},
		{"console", "console"},
		{"Проф\u200dиль", "профиль"},
		{"👩\u200d💻 työ", "👩\u200d💻-tyo"},
	} {
		if got := TagSlug(tc.in); got != tc.want {
			t.Errorf("TagSlug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
