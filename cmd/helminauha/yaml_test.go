package main

import (
	"os"
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

// TestYAMLMistakesInFrontMatter: a character the editor cannot see
// (which YAML reads as a line end, refuses, or reads into a value), what
// YAML has beyond keys and values (tags, anchors, aliases, merge keys,
// directives, document markers, block texts) and the rarer slips of
// typing are each told in the editor's words at the place to change, in
// each language, never in YAML's English.
func TestYAMLMistakesInFrontMatter(t *testing.T) {
	t.Parallel()
	checkYAMLMistakes(t, []yamlMistake{
		{"NEL inside a value", "helmet/nel.md", pearlWith("Seuraava\u0085rivi", ""), "2:16", diag.YAMLLineEnd.With('\u0085')},
		{"NEL inside a list, after letters of two bytes", "helmet/nel-lista.md", pearlWith("NEL listassa", "tags: [työ,\u0085äly]\n"), "6:12", diag.YAMLLineEnd.With('\u0085')},
		{"line separator", "helmet/ls.md", pearlWith("LS", "tags: [a\u2028b]\n"), "6:9", diag.YAMLLineEnd.With('\u2028')},
		{"paragraph separator", "helmet/ps.md", pearlWith("PS\u2029", ""), "2:10", diag.YAMLLineEnd.With('\u2029')},
		{"DEL", "helmet/del.md", pearlWith("DEL", "tags: [a\u007fb]\n"), "6:9", diag.YAMLControl.With('\u007f')},
		{"a C1 control character", "helmet/c1.md", pearlWith("C1", "tags: [a\u0080b]\n"), "6:9", diag.YAMLControl.With('\u0080')},
		{"a byte-order mark inside the text", "helmet/bom.md", pearlWith("BOM", "tags: [a, \ufeffb]\n"), "6:11", diag.YAMLInvisible.With('\ufeff')},
		{"a zero-width space in a tag", "helmet/zwsp.md", pearlWith("ZWSP", "tags: [johta\u200bminen]\n"), "6:13", diag.YAMLInvisible.With('\u200b')},
		{"a right-to-left override in a title", "helmet/rlo.md", pearlWith("Uusi\u202eilesu", ""), "2:12", diag.YAMLInvisible.With('\u202e')},
		{"yes where text belongs", "helmet/kylla.md", pearlWith("yes", ""), "2:8", diag.ContentTextYesNo.With("title", true, "title", "yes")},
		{"Off where text belongs, said as written", "helmet/pois.md", pearlWith("Off", ""), "2:8", diag.ContentTextYesNo.With("title", false, "title", "Off")},
		{"On in a list, said as written", "helmet/paalla.md", pearlWith("Päällä", "tags: [a, On]\n"), "6:11", diag.ContentListYesNo.With("tags", true, "On")},
		{"a word with a comment after it", "helmet/kommentti.md", pearlWith("Yes # kyllä", ""), "2:8", diag.ContentTextYesNo.With("title", true, "title", "Yes")},
		{"a line separator written as an escape", "helmet/ls-escape.md", pearlWith(`"a\Lb"`, ""), "2:8", diag.ContentControl.With("title", '\u2028')},
		{"a type tag YAML would read", "helmet/tagi.md", pearlWith("Tagi", "tags: !!binary aGVsbG8=\n"), "6:7", diag.YAMLTag.With("!!binary")},
		{"a tag handle never defined", "helmet/kahva.md", pearlWith("Kahva", "tags: !e!x a\n"), "6:7", diag.YAMLTag.With("!e!x")},
		{"an anchor and its alias", "helmet/ankkuri.md", pearlWith("Ankkuri", "tags: &t [a]\nprojects: *t\n"), "6:7", diag.YAMLAnchor.With("&t")},
		{"an alias with no anchor", "helmet/alias.md", pearlWith("Alias", "projects: *t\n"), "6:11", diag.YAMLAnchor.With("*t")},
		{"an & with no name", "helmet/et.md", pearlWith("Et", "tags: & a\n"), "6:7", fm(diag.YAMLBadStart.With('&'))},
		{"a merge key", "helmet/yhdista.md", pearlWith("Yhdistä", "<<: {draft: true}\n"), "6:1", diag.YAMLAnchor.With("<<")},
		{"a directive", "helmet/ohje.md", "---\n%YAML 1.2\n" + strings.TrimPrefix(pearlWith("Ohje", ""), "---\n"), "2:1", diag.YAMLDirective.With()},
		{"a document end in the middle", "helmet/loppu.md", pearlWith("Loppu", "...\n"), "6:1", diag.YAMLDocumentEnd.With("...")},
		{"text on the line of |", "helmet/lohko.md", pearlWith("Lohko", "projects: |Hanke\n"), "6:11", diag.YAMLBlockScalar.With('|')},
		{"a list item on its key's line", "helmet/viiva.md", pearlWith("Viiva", "tags: - a\n"), "6:7", diag.YAMLDashInValue.With("tags")},
		{"no space after a colon", "helmet/kaksoispiste.md", pearlWith("Kaksoispiste", "tags:johtaminen\n"), "6:6", diag.YAMLColonSpace.With("tags", "johtaminen")},
		{"no space after the colon of the only key", "sivut/yksi.md", "---\ntitle:Yksi\n---\nTeksti.\n", "2:7", diag.YAMLColonSpace.With("title", "Yksi")},
		{"a list as a key", "helmet/avain.md", pearlWith("Avain", "[a]: b\n"), "6:1", diag.YAMLKeyNotText.With()},
		{"a colon with no key before it", "helmet/eiavainta.md", pearlWith("Ei avainta", ": jatkoa\n"), "6:1", diag.YAMLNoKey.With()},
		{"a key of 2,000 characters", "helmet/pitka.md", pearlWith("Pitkä", strings.Repeat("k", 2000)+": x\n"), "6:1", diag.YAMLLongKey.With(2000, 1024)},
		{"two commas in brackets", "helmet/pilkut.md", pearlWith("Pilkut", "tags: [a,, b]\n"), "6:10", fm(diag.YAMLFlow.With())},
		{"a bracket closed twice", "helmet/sulje.md", pearlWith("Sulje", "tags: [a]]\n"), "6:10", fm(diag.YAMLFlow.With())},
		{"a question mark starting a value", "helmet/kysymys.md", pearlWith("Kysymys", "projects: ? a\n"), "6:11", fm(diag.YAMLBadStart.With('?'))},
		{"a quoted value with # right after it", "helmet/risuaita.md", pearlWith(`"Risuaita"#1`, ""), "2:8", diag.YAMLQuoteThenText.With('"', "title", '\'', `"Risuaita"#1`, '\'')},
		{"an alias in a worksheet", "sivut/pohja-alias.md", "---\ntitle: Pohja\n---\n```tyopohja\ntitle: &p Pohja\nfields:\n  - label: *p\n```\n", "5:8", diag.YAMLAnchor.With("&p")},
		{"a control character written as an escape in a worksheet's label", "sivut/pohja-escape.md", "---\ntitle: Pohja 2\n---\n```tyopohja\ntitle: Pohja\nfields:\n  - label: \"Kysymys\\a\"\n```\n", "7:12", diag.ContentControl.With("label", '\a')},
		{"NEL in a worksheet, said alone", "sivut/pohja-nel.md", "---\ntitle: Pohja 3\n---\n```tyopohja\ntitle: Pohja\u0085\nfields:\n  - label: a\n```\n", "5:13", diag.YAMLLineEnd.With('\u0085')},
		{"a lone surrogate escape", "helmet/pari.md", pearlWith(`"a\uD800"`, ""), "2:10", diag.YAMLEscape.With(`\uD800`)},
	})
}

// TestControlCharactersInTheText: a control character in a page's text,
// which would reach the page unseen or break its HTML, is told at its
// place; one in front matter is yamldoc's and told once.
func TestControlCharactersInTheText(t *testing.T) {
	t.Parallel()
	checkYAMLMistakes(t, []yamlMistake{
		{"a bell after letters of two bytes", "helmet/kello.md", pearlWith("Kello", "") + "Hyvä\a teksti.\n", "9:5", diag.MarkdownControl.With('\a')},
		{"an escape in a heading", "sivut/otsikko.md", "---\ntitle: Otsikko\n---\n## Väri\x1b[31m\n", "4:8", diag.MarkdownControl.With('\x1b')},
		{"NEL in the text", "sivut/nel.md", "---\ntitle: NEL\n---\nRivi\u0085toinen\n", "4:5", diag.MarkdownControl.With('\u0085')},
		{"in front matter, once", "sivut/kerran.md", "---\ntitle: Ker\x07ran\n---\nTeksti.\n", "2:11", diag.YAMLControl.With('\a')},
	})
}

// TestSiteYAMLMistakes: site.yaml gets the same words for the same
// mistakes, and a value it reads may not hold an invisible character
// written as an escape: the title would reach every page.
func TestSiteYAMLMistakes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, title string // the line that replaces site.yaml's title
		pos         string
		want        diag.Text
	}{
		{"a bell written as \\x07 in the title", `title: "Testi\x07portaali"`, "1:8", diag.ContentControl.With("title", '\a')},
		{"a bell written as \\u0007 in the title", `title: "Testi\u0007portaali"`, "1:8", diag.ContentControl.With("title", '\a')},
		{"a line separator written as \\L", `title: "Testi\Lportaali"`, "1:8", diag.ContentControl.With("title", '\u2028')},
		{"NEL typed in the title", "title: Testi\u0085portaali", "1:13", diag.YAMLLineEnd.With('\u0085')},
		{"an anchor", "title: &n Testiportaali\nname: *n", "1:8", diag.YAMLAnchor.With("&n")},
		{"a type tag", "title: !!binary VGVzdGk=", "1:8", diag.YAMLTag.With("!!binary")},
		{"a merge key", "title: Testiportaali\n<<: {theme: x}", "2:1", diag.YAMLAnchor.With("<<")},
		{"a second document", "title: Testiportaali\n---\nkeep: [x]", "2:1", diag.YAMLDocumentEnd.With("---")},
		{"an empty title in quotes", `title: ""`, "1:8", diag.ContentEmptyValue.With("title", "title")},
		{"a key with a capital", "Title: Testiportaali", "1:1", diag.ConfigKeyCase.With("title", "Title")},
		{"a number where text belongs, at the value", "title: 2024", "1:8", diag.ConfigNotText.With("title", diag.DescNumber.With("2024"))},
		{"no space after a colon", "title:Testiportaali", "1:7", diag.YAMLColonSpace.With("title", "Testiportaali")},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			site := filepath.Join(dir, "content", "site.yaml")
			orig, err := os.ReadFile(site)
			if err != nil {
				t.Fatal(err)
			}
			write(t, site, strings.Replace(string(orig), "title: Testiportaali", c.title, 1))
			for _, lang := range diag.Langs {
				code, stdout, stderr := helminauha(t, dir, "check", "--lang", lang.String())
				want := "content/site.yaml:" + c.pos + ": " + c.want.In(lang)
				if code != 1 || !strings.Contains(stdout+stderr, want+"\n") {
					t.Errorf("check --lang %s: exit status %d, want 1 and\n%s\nin:\n%s%s", lang, code, want, stdout, stderr)
				}
			}
			if code, _, _ := helminauha(t, dir, "build"); code != 1 {
				t.Errorf("build: exit status %d, want 1", code)
			}
		})
	}
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

// TestHashWrittenAsText: a # after a space starts a YAML comment, which
// cut a value short without a word (a summary's hashtag dropped the rest of
// it, an unquoted color was no color) or, at a value's start, left it
// empty and the editor told to write the value they had written; in a list
// YAML's words were of indentation. Each is told at the #, with the value
// in quotes to write; a comment written "# so" is still a comment.
func TestHashWrittenAsText(t *testing.T) {
	t.Parallel()
	checkYAMLMistakes(t, []yamlMistake{
		{"a hashtag in a summary", "helmet/tunniste.md", strings.Replace(pearlWith("Tunniste", ""), "summary: S.", "summary: Kulut laskivat #tulos ja työ jatkuu.", 1), "4:25",
			diag.YAMLHashComment.With("#tulos ja työ jatkuu.", `summary: "Kulut laskivat #tulos ja työ jatkuu."`)},
		{"a title that starts with #", "helmet/numero.md", pearlWith("#1 Verkostotyö", ""), "2:8", diag.YAMLHashComment.With("#1 Verkostotyö", `title: "#1 Verkostotyö"`)},
		{"a title that ends with #1", "helmet/numero-lopussa.md", pearlWith(`Hyvä "palaveri" #1`, ""), "2:24", diag.YAMLHashComment.With("#1", `title: 'Hyvä "palaveri" #1'`)},
		{"a list item that is a hashtag", "helmet/lista.md", pearlWith("Lista", "tags:\n  - #verkostot\n  - johtaminen\n"), "7:5", diag.YAMLHashComment.With("#verkostot", `- "#verkostot"`)},
		{"a hashtag in brackets", "helmet/sulut.md", pearlWith("Sulut", "tags: [johtaminen, #verkostot]\n"), "6:20", diag.YAMLHashComment.With("#verkostot]", `"#verkostot"`)},
		{"a hashtag first in brackets", "helmet/sulut-alussa.md", pearlWith("Sulut alussa", "tags: [#verkostot, johtaminen]\n"), "6:8", diag.YAMLHashComment.With("#verkostot, johtaminen]", `"#verkostot"`)},
		{"a theme area's color without quotes", "teemat/vari.md", "---\ntitle: Väri\nweight: 99\nsummary: S.\ncolor: #1f6f8b\n---\n", "5:8", diag.YAMLHashComment.With("#1f6f8b", `color: "#1f6f8b"`)},
		{"a comment written without its space", "helmet/kommentti-ilman.md", pearlWith("Kommentti", "draft: false #valmis\n"), "6:14", diag.YAMLHashComment.With("#valmis", `draft: "false #valmis"`)},
	})
}

// TestQuestionMarkInBrackets: the YAML reader that gives a page its
// settings cannot read a ? inside an item of a list in brackets, which
// yamldoc reads; the editor was told at the file's second line that the
// settings were no keys at all. The item is named at its ?, to be quoted.
func TestQuestionMarkInBrackets(t *testing.T) {
	t.Parallel()
	checkYAMLMistakes(t, []yamlMistake{
		{"a tag that asks", "helmet/kysyva.md", pearlWith("Kysyvä", "tags: [Mitä nyt?, a]\n"), "6:16", diag.YAMLQuestionInList.With(`"Mitä nyt?"`)},
		{"a project that asks, second", "helmet/hanke.md", pearlWith("Hanke", "projects: [Hanke, Mitä kuuluu?]\n"), "6:30", diag.YAMLQuestionInList.With(`"Mitä kuuluu?"`)},
	})
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "lainattu.md"), pearlWith("Lainattu", "tags: [\"Mitä nyt?\", a]\n"))
	built(t, dir)
}
