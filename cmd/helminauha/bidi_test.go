package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBidiOverridesInTheText: a bidirectional override or isolate
// (U+202A–U+202E, U+2066–U+2069) in a page's text makes what follows it
// show in another order than it is written ("Trojan Source"), so a
// reviewer of the change reads one text and readers another. In the
// front matter it was an error already; in the text, a code block's
// included, it was published unseen. It is an error at its line and
// column, which says to delete it, in the editor's language; a
// left-to-right or right-to-left mark (U+200E, U+200F), which only places
// a neutral character, is not.
func TestBidiOverridesInTheText(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	page := func(title, body string) string {
		return "---\ntitle: " + title + "\n---\n" + body
	}
	files := map[string]string{
		"sivut/kaannetty.md": page("Käännetty", "Hinta on \u202E€ 001\u202C tänään.\n"),
		"sivut/koodi.md":     page("Koodi", "Esimerkki:\n\n```\nif (rooli != \"admin\u2067\u2066\") { ok() }\n```\n"),
		"sivut/otsikko.md":   page("\"Otsikko \u2067x\u2069\"", "Teksti.\n"),
		"sivut/merkit.md":    page("Merkit", "Nimi \u200Fشركة\u200F ja \u200Eteksti.\n"),
	}
	for name, data := range files {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), data)
	}
	want := map[string][]string{
		"fi": {
			"content/sivut/kaannetty.md:4:10: rivillä on näkymätön tekstin suunnan vaihtava merkki U+202E, joka saa sen jälkeisen tekstin näkymään eri järjestyksessä kuin se on kirjoitettu, joten tarkistaja ja lukija näkisivät eri tekstin: poista se (sellainen tulee usein kopioidun tekstin mukana; oikealta vasemmalle kirjoitettu teksti, kuten arabia tai heprea, näkyy oikein ilman sitä)",
			"content/sivut/koodi.md:7:20: rivillä on näkymätön tekstin suunnan vaihtava merkki U+2067,",
			"content/sivut/otsikko.md:2:17: ",
		},
		"en": {
			"content/sivut/kaannetty.md:4:10: the line holds an invisible character U+202E that changes the direction of text, so the text after it shows in another order than it is written and a reviewer and a reader would see different text: delete it (copied text often brings one along; text written right to left, such as Arabic or Hebrew, shows correctly without it)",
			"content/sivut/koodi.md:7:20: the line holds an invisible character U+2067 that changes the direction of text,",
		},
		"sv": {
			"content/sivut/kaannetty.md:4:10: raden innehåller ett osynligt tecken U+202E som byter textens riktning,",
		},
	}
	for lang, out := range checkSaysOnce(t, dir, want) {
		if strings.Contains(out, "content/sivut/merkit.md:") {
			t.Errorf("check --lang %s tells of the marks U+200E and U+200F:\n%s", lang, out)
		}
		// One error a place: the front matter's is yamldoc's alone.
		if n := lines(out, "content/sivut/otsikko.md:"); n != 1 {
			t.Errorf("check --lang %s: %d errors in otsikko.md, want 1:\n%s", lang, n, out)
		}
	}
	if code, _, _ := helminauha(t, dir, "build"); code != 1 {
		t.Errorf("build: exit status %d, want 1", code)
	}
}
