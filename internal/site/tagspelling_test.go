package site

import "testing"

// TestTagKey: spellings of one slug that differ in case, diacritics,
// invisible characters or spacing only are one tag; those that differ in
// a character the slug drops are other words.
func TestTagKey(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Työhyvinvointi", "työhyvinvointi", true},
		{"TYÖHYVINVOINTI", "tyohyvinvointi", true},
		{"työ\u00adhyvinvointi", "työhyvinvointi", true},
		{"sote-uudistus", "Sote uudistus", true},
		{" sote – uudistus ", "sote_uudistus", true},
		{"Straße", "strasse", true},
		{"Ääni", "aani", true},
		{"C", "C++", false},
		{"C", "c--", false},
		{"C++", "c--", false},
		{"johtaminen", "johtaminen!", false},
		{"Hyvä arki", "“Hyvä arki”", false},
		{"sote/uudistus", "sote uudistus", false},
	} {
		if TagSlug(tc.a) != TagSlug(tc.b) {
			t.Errorf("%q and %q have other slugs: the test is of one page's spellings", tc.a, tc.b)
		}
		if got := tagKey(tc.a) == tagKey(tc.b); got != tc.same {
			t.Errorf("%q and %q one tag: %t, want %t (keys %q, %q)", tc.a, tc.b, got, tc.same, tagKey(tc.a), tagKey(tc.b))
		}
	}
}
