package content

import "testing"

// TestChapterNumberOf: a guide chapter's title that starts with a chapter
// number is warned of, one that starts with a date or a year is not.
func TestChapterNumberOf(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Luku 3: Roolit", "Luku 3:"},
		{"luku 3 Roolit", "luku 3"},
		{"Kapitel 2. Roller", "Kapitel 2."},
		{"3. Verkoston johtaminen", "3."},
		{"3: Roolit", "3:"},
		{"3) Roolit", "3)"},
		{"3.2 Roolit", "3.2"},
		{"3.2.1 Roolit", "3.2.1"},
		{"12. Roolit", "12."},
		{"4.\u00a0Roolit", "4."},
		{"\u00a05.\u202fRoolit", "5."},
		// Not dates: no such day or month, or a year far off.
		{"3.14. Roolit", "3.14."},
		{"32.1. Roolit", "32.1."},
		{"1.5.0224 alkaen", "1.5.0224"},
		{"0224: Roolit", "0224:"},
		// Dates and years.
		{"1.5.2024 alkaen", ""},
		{"01.05.2024 alkaen", ""},
		{"1.5. alkaen", ""},
		{"15.3. mennessä", ""},
		{"31.12.2024\u00a0mennessä", ""},
		{"2024-05-01 alkaen", ""},
		{"2024 uudistus", ""},
		{"2024: mitä muuttui", ""},
		{"2024. vuoden muutokset", ""},
		// A number of the title's own.
		{"5 askelta verkostoon", ""},
		{"2020-luvun verkostot", ""},
		{"Roolit 3.0", ""},
		{"Roolit", ""},
	} {
		if got := chapterNumberOf(tc.title); got != tc.want {
			t.Errorf("chapterNumberOf(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
