package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestPortalThesaurus runs the binary as an editor would: check names a
// malformed line of content/sanasto.txt by file, line and column, in
// Finnish first, and fails; once it is fixed, the build carries the
// portal's own rule in the search index.
func TestPortalThesaurus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	thesaurus := filepath.Join(dir, "content", "sanasto.txt")
	os.WriteFile(thesaurus, []byte("# portaalin omat sanat\nyhteistyökumppani > kumppani\nluottamuspula luottamus\n"), 0o644)
	code, stdout, _ := helminauha(t, dir, "check")
	if code != 1 || !strings.Contains(stdout, "content/sanasto.txt:3:1: ") {
		t.Fatalf("check: exit status %d, want 1 and the line named:\n%s", code, stdout)
	}
	if stdout, _ := helminauhaEnv(t, dir, []string{diag.LangEnv + "=fi"}, "check"); !strings.Contains(stdout, "content/sanasto.txt:3:1: rivi ei ole sanaston muotoa") {
		t.Errorf("check in Finnish lacks the line's message:\n%s", stdout)
	}

	os.WriteFile(thesaurus, []byte("# portaalin omat sanat\nluottamuspula > luottamus\n"), 0o644)
	if code, stdout, stderr := helminauha(t, dir, "build", "--quiet"); code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	index, err := os.ReadFile(filepath.Join(dir, "public", "haku", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), `"luottamuspul":["luottam"]`) {
		t.Errorf("the index lacks the portal's rule luottamuspula > luottamus:\n%s", index)
	}
}

// TestThesaurusRuleOfTooManyWords: a rule of more than 20 words (a word
// list pasted as one line) is an error at its line, which the build
// would otherwise have spent the square of its words on, and every
// reader's browser after it; a rule of 20 words is not.
func TestThesaurusRuleOfTooManyWords(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = "sana" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26))
		}
		return strings.Join(w, " = ")
	}
	write(t, filepath.Join(dir, "content", "sanasto.txt"), "# omat sanat\nkokous = palaveri\n  "+words(21)+"\n"+words(20)+"\n")
	for lang, want := range map[string]string{
		"fi": "content/sanasto.txt:3:3: säännössä on 21 sanaa, kun enintään 20 sopii: jokainen sana saa haun etsimään kaikkia muita, joten pitkä sääntö hidastaa hakua ja sivuston tekemistä; pidä vain sanat, joita lukija todella kirjoittaa\n",
		"en": "content/sanasto.txt:3:3: the rule has 21 words, where at most 20 fit: each word makes the search look for all the others, so a long rule slows the search and the build; keep only the words readers really type\n",
	} {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 || !strings.Contains(out, want) || strings.Contains(out, "content/sanasto.txt:4:") {
			t.Errorf("check --lang %s: exit status %d, want 1 and\n%sonce, line 4 not told; it says\n%s", lang, code, want, out)
		}
	}
}

// TestThesaurusArrow: a rule written with an arrow (->, =>, or the → a
// word processor makes of ->) was told that its left side may hold one
// word only ("kehari -"), that it has both = and >, or that it is no
// rule; it is told at the arrow, with the rule to write.
func TestThesaurusArrow(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "sanasto.txt"), "kehari -> kehityskeskustelu\nsote → sosiaali- ja terveydenhuolto\n  tyky => työkykytoiminta\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		for _, want := range []string{
			"content/sanasto.txt:1:8: " + diag.ThesaurusArrow.With("->", "kehari > kehityskeskustelu").In(lang),
			"content/sanasto.txt:2:6: " + diag.ThesaurusArrow.With("→", "sote > sosiaali- ja terveydenhuolto").In(lang),
			"content/sanasto.txt:3:8: " + diag.ThesaurusArrow.With("=>", "tyky > työkykytoiminta").In(lang),
		} {
			if code != 1 || !strings.Contains(out, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 1 and\n%s\nin:\n%s", lang, code, want, out)
			}
		}
	}
}
