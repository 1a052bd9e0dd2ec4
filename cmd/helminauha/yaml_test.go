package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// yamlMistake is a file an editor got wrong in a way YAML takes
// differently from what they see, and the one message check must give for
// it, at its place.
type yamlMistake struct {
	name, file, src string
	pos             string // line:col
	want            diag.Text
}

// fm is a mistake in front matter as the check prints it: YAML's advice
// after the words that say where, a whole sentence about the cause alone.
func fm(t diag.Text) diag.Text { return diag.MarkdownYAML.With(t) }

// pearlWith is a pearl's front matter with extra lines from its sixth
// line on.
func pearlWith(title, extra string) string {
	return "---\ntitle: " + title + "\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\n" + extra + "date: 2022-06-01\n---\nTeksti.\n"
}

// TestInvisibleCharactersInFrontMatter: a character the editor cannot
// see, which YAML reads as a line end, refuses, or reads into a value, is
// told at its own line and column, in each language.
func TestInvisibleCharactersInFrontMatter(t *testing.T) {
	t.Parallel()
	checkYAMLMistakes(t, []yamlMistake{
		{"NEL inside a value", "helmet/nel.md", pearlWith("Seuraava\u0085rivi", ""), "2:16", diag.YAMLLineEnd.With('\u0085')},
		{"NEL inside a list, after letters of two bytes", "helmet/nel-lista.md", pearlWith("NEL listassa", "tags: [työ,\u0085äly]\n"), "6:12", diag.YAMLLineEnd.With('\u0085')},
		{"line separator", "helmet/ls.md", pearlWith("LS", "tags: [a\u2028b]\n"), "6:9", diag.YAMLLineEnd.With('\u2028')},
		{"paragraph separator", "helmet/ps.md", pearlWith("PS\u2029", ""), "2:10", diag.YAMLLineEnd.With('\u2029')},
		{"DEL", "helmet/del.md", pearlWith("DEL", "tags: [a\u007fb]\n"), "6:9", diag.YAMLControl.With('\u007f')},
		{"a C1 control character", "helmet/c1.md", pearlWith("C1", "tags: [a\u0080b]\n"), "6:9", diag.YAMLControl.With('\u0080')},
		{"a byte-order mark inside the text", "helmet/bom.md", pearlWith("BOM", "tags: [a, \ufeffb]\n"), "6:11", diag.YAMLInvisible.With('\ufeff')},
		{"a line separator written as an escape", "helmet/ls-escape.md", pearlWith(`"a\Lb"`, ""), "2:8", diag.ContentControl.With("title", '\u2028')},
	})
}

// checkYAMLMistakes writes each case's file into one portal and runs
// check from the portal's folder in Finnish, Swedish and English: each
// file must get exactly its one message, at its place, from the
// catalogue.
func checkYAMLMistakes(t *testing.T, cases []yamlMistake) {
	t.Helper()
	dir := portal(t)
	for _, c := range cases {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(c.file)), c.src)
	}
	for _, lang := range diag.Langs {
		code, stdout, stderr := helminauha(t, dir, "check", "--lang", lang.String())
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1\n%s%s", lang, code, stdout, stderr)
		}
		for _, c := range cases {
			prefix := "content/" + c.file + ":"
			var got []string
			for _, l := range strings.Split(stdout, "\n") {
				if strings.HasPrefix(l, prefix) && !strings.Contains(l, " "+diag.WarningPrefix.In(lang)+" ") {
					got = append(got, l)
				}
			}
			want := prefix + c.pos + ": " + c.want.In(lang)
			if len(got) != 1 || got[0] != want {
				t.Errorf("check --lang %s, %s:\ngot  %q\nwant %q", lang, c.name, got, want)
			}
		}
	}
}
