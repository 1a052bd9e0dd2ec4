package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
)

const swedish = "languages:\n  sv:\n    title: Testportalen\n    description: En liten portal för tester\n"

// bilingual is the small portal with Swedish among its languages.
func bilingual(t *testing.T) string {
	t.Helper()
	dir := portal(t)
	site := filepath.Join(dir, "content", "site.yaml")
	orig, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	write(t, site, string(orig)+swedish)
	return dir
}

// TestNewTranslation starts a Swedish translation of a pearl as an editor
// types it: the original's front matter and text, a draft, the note to
// translate on the text's first line; check reports the note until it is
// gone, and a second run changes nothing.
func TestNewTranslation(t *testing.T) {
	dir := bilingual(t)
	code, stdout, stderr := helminauha(t, dir, "new", "translation", "sv", "helmet/yhteinen-tavoite", "--lang", "fi")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "Tehtiin käännöksen pohja content/sv/helmet/yhteinen-tavoite.md sivusta content/helmet/yhteinen-tavoite.md: käännä otsikko, tiivistelmä ja teksti, poista käännösohjeen rivi ja rivi draft: true ja aja sitten helminauha check\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	name := filepath.Join(dir, "content", "sv", "helmet", "yhteinen-tavoite.md")
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	want := `---
title: Yhteinen tavoite
theme: verkostotyo
summary: Tavoitteen määrittely.
kind: tyokalu
audience: [johto, esihenkilot]
tags: [tavoitteet, Työhyvinvointi]
date: 2022-06-01
related: [luottamus]
draft: true # poista, kun käännös on valmis
---
KÄÄNNÄ: käännä otsikko, tiivistelmä ja teksti ja poista sitten tämä rivi. – ÖVERSÄTT: översätt rubriken, sammanfattningen och texten och ta sedan bort den här raden.

## Miksi tavoite

Katso [luottamus](../helmet/luottamus.md) ja [opas](/opas/) sekä [Miksi](#miksi-tavoite).
`
	if string(got) != want {
		t.Errorf("the translation:\n%s\nwant:\n%s", got, want)
	}

	// check: the theme area must be translated first; the note and the
	// pearl not translated yet are warnings in a draft; the link to a page
	// not translated leads to the original.
	code, stdout, _ = helminauha(t, dir, "check", "--lang", "fi")
	if w := `content/sv/helmet/yhteinen-tavoite.md:3:8: (luonnos) theme mainitsee teema-alueen "verkostotyo", jota ei ole vielä käännetty: käännä ensin se (helminauha new translation sv teemat/verkostotyo)`; code != 1 || !strings.Contains(stdout, w) {
		t.Errorf("check: exit %d, want 1 and %q:\n%s", code, w, stdout)
	}
	write(t, filepath.Join(dir, "content", "sv", "teemat", "verkostotyo.md"), "---\ntitle: Nätverksarbete\nweight: 1\nsummary: Att arbeta i nätverk.\n---\n")
	code, stdout, _ = helminauha(t, dir, "check", "--lang", "fi")
	for _, w := range []string{
		`content/sv/helmet/yhteinen-tavoite.md:12:1: varoitus: (luonnos) tekstissä on yhä mallin teksti "KÄÄNNÄ:`,
		`content/sv/helmet/yhteinen-tavoite.md:9:11: varoitus: (luonnos) related mainitsee helmen "luottamus", jota ei ole vielä käännetty, joten se jätetään tältä sivulta pois: käännä se (helminauha new translation sv helmet/luottamus) tai poista se luettelosta`,
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("check lacks %q:\n%s", w, stdout)
		}
	}
	if code != 0 || strings.Contains(stdout, "luottamus.md ei toimi") {
		t.Errorf("check: exit %d, want 0 and the link to the original working:\n%s", code, stdout)
	}

	// Published with the note left in, the page is an error.
	write(t, name, strings.Replace(want, "draft: true # poista, kun käännös on valmis\n", "", 1))
	code, stdout, _ = helminauha(t, dir, "check", "--lang", "en")
	if w := `content/sv/helmet/yhteinen-tavoite.md:11:1: the text still has the template's text "KÄÄNNÄ:`; code != 1 || !strings.Contains(stdout, w) {
		t.Errorf("check of a published translation with the note: exit %d, want 1 and %q:\n%s", code, w, stdout)
	}

	// A page: no draft, and the message does not ask to remove one.
	code, stdout, _ = helminauha(t, dir, "new", "translation", "sv", "sivut/tietoa", "--lang", "sv")
	if w := "Skapade content/sv/sivut/tietoa.md, ett underlag för en översättning av content/sivut/tietoa.md: översätt rubriken, sammanfattningen och texten, ta bort raden om översättning och kör sedan helminauha check (check rapporterar KÄÄNNÄ-raden som ett fel, så publicera ändringen först när sidan är översatt)\n"; code != 0 || stdout != w {
		t.Errorf("a page: exit %d, %q, want 0 and %q", code, stdout, w)
	}
	if page, _ := os.ReadFile(filepath.Join(dir, "content", "sv", "sivut", "tietoa.md")); strings.Contains(string(page), "draft:") || !strings.Contains(string(page), content.TranslateNote) {
		t.Errorf("the page's translation:\n%s", page)
	}

	// Again: refused, the file as it was.
	before, _ := os.ReadFile(name)
	code, _, stderr = helminauha(t, dir, "new", "translation", "sv", "helmet/yhteinen-tavoite.md", "--lang", "en")
	if w := "helminauha new translation: the translation content/sv/helmet/yhteinen-tavoite.md already exists; it was left as it was: go on translating it, or remove it first"; code != 2 || !strings.Contains(stderr, w) {
		t.Errorf("a second run: exit %d, want 2 and %q:\n%s", code, w, stderr)
	}
	if after, _ := os.ReadFile(name); string(after) != string(before) {
		t.Errorf("a second run changed the translation")
	}
}

// TestNewTranslationRefuses: arguments that name no language of the
// portal or no page are refused in both languages, and nothing is written.
func TestNewTranslationRefuses(t *testing.T) {
	dir := bilingual(t)
	one := portal(t)
	for _, tc := range []struct {
		dir    string
		args   []string
		fi, en string
	}{
		{dir, []string{"fi", "helmet/luottamus"},
			"helminauha new translation: fi on portaalin oletuskieli, jolla alkuperäiset sivut kirjoitetaan: kerro kieli, jolle käännät, esimerkiksi helminauha new translation sv helmet/luottamus",
			"helminauha new translation: fi is the portal's default language, which the originals are written in: name the language you translate into"},
		{dir, []string{"fi", "sivut/tietoa"},
			"esimerkiksi helminauha new translation sv sivut/tietoa",
			"for example helminauha new translation sv sivut/tietoa"},
		{dir, []string{"de", "helmet/luottamus"},
			`helminauha new translation: portaalilla ei ole kieltä "de": kirjoita jokin site.yaml-tiedoston languages-kohdan kielistä (sv) tai lisää kieli sinne`,
			`helminauha new translation: the portal has no language "de": write one of the languages in site.yaml's languages: (sv), or add it there`},
		{dir, []string{"sv"}, "helminauha new translation: kirjoita kieli ja käännettävän sivun kansio ja nimi, esimerkiksi helminauha new translation sv helmet/verkoston-roolit",
			"helminauha new translation: write the language and the folder and name of the page to translate"},
		{dir, []string{"sv", "helmet/luottamus", "helmet/dialogi"}, "helminauha new translation: kirjoita kieli ja käännettävän sivun kansio ja nimi", "helminauha new translation: write the language"},
		{dir, []string{"../..", "helmet/luottamus"}, `portaalilla ei ole kieltä "../.."`, `the portal has no language "../.."`},
		{one, []string{"sv", "helmet/luottamus"},
			"helminauha new translation: portaalilla ei ole muita kieliä kuin fi: lisää ensin site.yaml-tiedostoon kohta languages",
			"helminauha new translation: the portal has no language besides fi: first add languages: to site.yaml"},
		{dir, []string{"sv", "helmet/olematon"},
			"helminauha new translation: alkuperäistä sivua content/helmet/olematon.md ei ole: tarkista kansio ja nimi; käännös tehdään sivusta, joka on jo olemassa",
			"helminauha new translation: there is no original content/helmet/olematon.md: check the folder and the name"},
		{dir, []string{"sv", "../site"}, `helminauha new translation: "../site" ei ole sivun polku: kirjoita sisältökansion kansio ja tiedoston nimi ilman .md-päätettä, esimerkiksi helmet/yhteinen-tavoite-verkostossa`,
			`helminauha new translation: "../site" is not a page's path: write the content folder's folder and the file name without .md`},
		{dir, []string{"sv", "helmet/../site"}, `"helmet/../site" ei ole sivun polku`, `"helmet/../site" is not a page's path`},
		{dir, []string{"sv", "luottamus"}, `"luottamus" ei ole sivun polku`, `"luottamus" is not a page's path`},
		{dir, []string{"sv", "static/liitteet/lomake.pdf"}, `"static/liitteet/lomake.pdf" ei ole sivun polku`, `"static/liitteet/lomake.pdf" is not a page's path`},
		{dir, []string{"sv", "helmet/Luottamus"}, `"helmet/Luottamus" ei ole sivun polku`, `"helmet/Luottamus" is not a page's path`},
	} {
		for _, lang := range []string{"fi", "en"} {
			want := map[string]string{"fi": tc.fi, "en": tc.en}[lang]
			args := append([]string{"new", "translation"}, tc.args...)
			code, _, stderr := helminauha(t, tc.dir, append(args, "--lang", lang)...)
			if code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("%s %v: exit %d, want 2 and %q:\n%s", lang, tc.args, code, want, stderr)
			}
		}
	}
	for _, d := range []string{dir, one} {
		if _, err := os.Stat(filepath.Join(d, "content", "sv")); err == nil {
			t.Errorf("%s: a refused translation made content/sv", d)
		}
	}
}

// In a portal whose language is Swedish, new speaks Swedish as check and
// build do (site.yaml's language, when neither --lang nor the variable
// chooses), and its advice fits that portal: the language to add is not
// the one it has already.
func TestNewSpeaksThePortalsLanguage(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Pärlbandet\ndescription: En portal på svenska\nlanguage: sv\n")
	stdout, stderr := helminauhaEnv(t, dir, nil, "new", "pearl", "ny")
	if !strings.HasPrefix(stdout, "Skapade content/helmet/ny.md") {
		t.Errorf("new pearl: %q %q, want Swedish", stdout, stderr)
	}
	_, stderr = helminauhaEnv(t, dir, nil, "new", "pearl", "ny")
	if !strings.Contains(stderr, "finns redan") {
		t.Errorf("new pearl again: %q, want Swedish", stderr)
	}
	_, stderr = helminauhaEnv(t, dir, nil, "new", "translation", "sv", "helmet/luottamus")
	if w := "portalen har inga andra språk än sv: lägg först till languages i site.yaml och under den språket, till exempel fi,"; !strings.Contains(stderr, w) {
		t.Errorf("new translation: %q, want %q", stderr, w)
	}
}

// TestNewTranslationStaysInside: a language folder that is a symbolic
// link out of the content folder is not written through.
func TestNewTranslationStaysInside(t *testing.T) {
	dir := bilingual(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "content", "sv")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := helminauha(t, dir, "new", "translation", "sv", "helmet/luottamus")
	if code == 0 || !strings.Contains(stderr, "helminauha new: ") {
		t.Errorf("exit %d, want a refusal:\n%s", code, stderr)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the content folder: %v", entries)
	}
}

func TestTranslationOf(t *testing.T) {
	note := content.TranslateNote + "\n\n"
	for _, tc := range []struct {
		name, src string
		draft     bool
		want      string
	}{
		{"pearl", "---\ntitle: A\n---\nText.\n", true, "---\ntitle: A\ndraft: true # poista, kun käännös on valmis\n---\n" + note + "Text.\n"},
		{"draft: false becomes true", "---\ntitle: A\ndraft: false\n---\nText.\n", true, "---\ntitle: A\ndraft: true # poista, kun käännös on valmis\n---\n" + note + "Text.\n"},
		{"a page has no draft", "---\ntitle: A\n---\nText.\n", false, "---\ntitle: A\n---\n" + note + "Text.\n"},
		{"byte order mark and CRLF", "\ufeff---\r\ntitle: A\r\n---\r\nText.\r\n", false, "---\r\ntitle: A\r\n---\r\n" + note + "Text.\r\n"},
		{"no text after the front matter", "---\ntitle: A\n---", false, "---\ntitle: A\n---\n" + note},
		{"no front matter", "Text.\n", true, note + "Text.\n"},
		{"front matter never closed", "---\ntitle: A\n", true, note + "---\ntitle: A\n"},
	} {
		if got := string(translationOf([]byte(tc.src), tc.draft)); got != tc.want {
			t.Errorf("%s:\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestNewTranslationOfAFilePath: the page may be named by its file's
// path, as the shell completes it (content/helmet/x.md, ./content/…).
func TestNewTranslationOfAFilePath(t *testing.T) {
	t.Parallel()
	for _, page := range []string{"content/helmet/luottamus.md", "./content/sivut/tietoa.md"} {
		dir := bilingual(t)
		code, stdout, stderr := helminauha(t, dir, "new", "translation", "sv", page)
		want := filepath.Join("content", "sv", strings.TrimPrefix(strings.TrimPrefix(page, "./"), "content/"))
		if _, err := os.Stat(filepath.Join(dir, want)); code != 0 || err != nil {
			t.Errorf("new translation sv %s: exit %d, %s%s; want %s made", page, code, stdout, stderr, want)
		}
	}
}
