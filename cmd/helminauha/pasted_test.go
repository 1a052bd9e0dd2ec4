package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestPastedTextIsTheTextItLooksLike: text pasted from Word carries
// optional hyphens (U+00AD), from a web page zero-width spaces (an error in front matter), and from a
// PDF ligatures (ﬁ); none shows as more than the word. A tag written so
// is the tag it looks like, on one page with the same tag typed plainly,
// and a heading's id is the one its words give, so that the link the
// editor writes to it works.
func TestPastedTextIsTheTextItLooksLike(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	pearl := func(title, tag, body string) string {
		return "---\ntitle: " + title + "\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ntags: [" + tag + "]\ndate: 2022-06-01\n---\n" + body
	}
	write(t, filepath.Join(dir, "content", "helmet", "kirjoitettu.md"), pearl("Kirjoitettu", "työhyvinvointi", "Teksti.\n"))
	write(t, filepath.Join(dir, "content", "helmet", "liitetty.md"), pearl("Liitetty", "\"työ\u00adhyvin\u00advointi\"",
		"Lue [profiilista](#profiilin-tyohyvinvointi).\n\n## Proﬁilin työ\u00adhyvinvointi\n"))
	code, out, errOut := helminauha(t, dir, "build")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, out, errOut)
	}
	tag, err := os.ReadFile(filepath.Join(dir, "public", "tagit", "tyohyvinvointi", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{`href="/portaali/helmet/kirjoitettu/"`, `href="/portaali/helmet/liitetty/"`} {
		if !strings.Contains(string(tag), p) {
			t.Errorf("the tag's page /tagit/tyohyvinvointi/ does not list %s", p)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "public", "tagit"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "tyohyvinvointi" && strings.HasPrefix(e.Name(), "tyo") {
			t.Errorf("the pasted tag has a page of its own, /tagit/%s/, beside /tagit/tyohyvinvointi/", e.Name())
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "helmet", "liitetty", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<h2 id="profiilin-tyohyvinvointi">`) {
		t.Errorf("the heading has not the id its words give, profiilin-tyohyvinvointi:\n%s", page)
	}
}

// TestPastedBullets: a list pasted from a word processor keeps its bullets
// (•) or the dashes Word makes of "- " (–), which Markdown reads as no list:
// the page showed the items run together in one paragraph, and check said
// nothing. Each such paragraph is a warning at its first bullet; a
// paragraph of Finnish dialogue, which starts with a dash, is not.
func TestPastedBullets(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "sivut", "lista.md"), "---\ntitle: Lista\n---\nTeksti.\n\n• ensimmäinen\n• toinen\n\n  – yksi\n  – kaksi\n\n– Tervetuloa, hän sanoi.\n\n– Kiitos.\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		prefix := diag.WarningPrefix.In(lang) + " "
		for _, want := range []string{
			"content/sivut/lista.md:6:1: " + prefix + diag.MarkdownPastedBullet.With('•').In(lang),
			"content/sivut/lista.md:9:3: " + prefix + diag.MarkdownPastedBullet.With('–').In(lang),
		} {
			if code != 0 || !strings.Contains(out, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 0 and\n%s\nin:\n%s", lang, code, want, out)
			}
		}
		if n := strings.Count(out, "content/sivut/lista.md:"); n != 2 {
			t.Errorf("check --lang %s: %d problems in lista.md, want 2 (none of the dialogue):\n%s", lang, n, out)
		}
	}
}
