package yamldoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// problem writes p as line:col: text in l, or "" for no problem.
func problem(p *Problem, l diag.Lang) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Text.In(l))
}

// TestMistakes: the mistakes editors make, each at the place to change
// and in words that say what to write.
func TestMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		cause     bool
		en, fi    string // fi only where the Finnish is pinned
	}{
		{"a colon in a value on its own line", "title: Hei\nsummary: Osa 1: alku\n", true,
			`2:15: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, summary: "Osa 1: alku"`,
			`2:15: arvossa on kaksoispiste (": "), jonka YAML lukee uuden avaimen aluksi: kirjoita arvo lainausmerkkeihin, summary: "Osa 1: alku"`},
		{"a colon at a value's end", "title: Osa:\n", true,
			`1:11: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, title: "Osa:"`, ""},
		{"a colon in a list item's value, columns in characters", "fields:\n  - label: Mikä on työ: kuka?\n", true,
			`2:23: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, label: "Mikä on työ: kuka?"`, ""},
		{"quotes in a value with a colon are escaped", "title: Osa \"1\": alku\n", true,
			`1:15: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, title: "Osa \"1\": alku"`, ""},
		{"a quoted word, then more", "title: \"Hyvä\" verkostopalaveri\nsummary: S.\n", true,
			`1:8: the value starts with the quote " and goes on after the closing quote, which YAML cannot read: put the whole value in the other quotes, title: '"Hyvä" verkostopalaveri', or leave the quotes out`,
			`1:8: arvo alkaa lainausmerkillä " ja jatkuu vielä lainausmerkin jälkeen, jolloin YAML ei ymmärrä riviä: kirjoita koko arvo toisiin lainausmerkkeihin, title: '"Hyvä" verkostopalaveri', tai jätä lainausmerkit pois`},
		{"a single-quoted word, then more", "summary: S.\ntitle: 'Hyvä' kokous\n", true,
			`2:8: the value starts with the quote ' and goes on after the closing quote, which YAML cannot read: put the whole value in the other quotes, title: "'Hyvä' kokous", or leave the quotes out`, ""},
		{"Latin-1", "title: Testi\ndescription: Hyv\xe4 portaali\n", true,
			"2:17: the file is not valid UTF-8 (byte 0xE4): save it as UTF-8 in your editor",
			"2:17: tiedosto ei ole UTF-8-tekstiä (tavu 0xE4): tallenna se tekstieditorissa UTF-8-muodossa"},
		{"an unclosed quote, where it opens", "title: \"Hei\nsummary: x\ndate: 2022-06-01\n", false,
			`1:8: the value opens with " but never closes it: add " at the end of the value`, `1:8: arvo alkaa merkillä ", mutta sitä ei suljeta: lisää arvon loppuun "`},
		{"an unclosed quote that a later value's quote closes, where it opens", "title: \"Osaaminen\nweight: 5\nsummary: S.\ncolor: \"#8e5a12\"\n", true,
			`1:8: the value opens with " but does not close it on its line, so YAML reads the lines after it (weight: among them) into the value: add " at the end of the value`,
			`1:8: arvo alkaa merkillä ", mutta sitä ei suljeta tällä rivillä, joten YAML lukee seuraavat rivit (myös weight:) osaksi arvoa: lisää arvon loppuun "`},
		{"an unclosed single quote that hides draft: true", "title: Hei\nsummary: 'Lyhyt\ndraft: true\ntags: ['a']\n", true,
			`2:10: the value opens with ' but does not close it on its line, so YAML reads the lines after it (draft: among them) into the value: add ' at the end of the value`, ""},
		{"an unclosed quote in a list of keys, at its key's indent", "fields:\n  - label: \"Mikä\n    type: line\n  - label: \"Kuka\"\n", true,
			`2:12: the value opens with " but does not close it on its line, so YAML reads the lines after it (type: among them) into the value: add " at the end of the value`, ""},
		{"a quoted value over two lines is text", "title: \"Osa yksi,\n  osa kaksi: loppu\"\nsummary: \"S \\\" \n x\"\ncolor: \"#1f6f8b\"\n", false, "", ""},
		{"an unclosed bracket, where it opens", "title: Hei\ntags: [a, b\ndate: 2022-06-01\n", false,
			"2:7: the value opens with [ but never closes it: add ] at the end of the value", ""},
		{"a tab", "title: Hei\n\tsummary: x\n", false,
			"2:1: the line is indented with a tab: indent with spaces",
			"2:1: rivi on sisennetty sarkaimella (Tab): sisennä välilyönneillä"},
		{"a key indented by one", "title: Hei\nsummary:\n  a: 1\n b: 2\n", false,
			"4:2: check the indentation: a key starts at the left margin, and the keys of an indented group and the items of a list start in the same column",
			"4:2: tarkista sisennys: avain alkaa rivin alusta, ja sisennetyn ryhmän avaimet ja luettelon kohdat alkavat samasta sarakkeesta"},
		{"a key indented under a value", "title: x\n  summary: y\n", false,
			`2:10: a line is indented where it should not be, or a value contains ": " and needs quotes: title: "Osa 1: aloitus"`, ""},
		{"a value that starts with @", "title: @x\n", false,
			"1:8: a value cannot start with @: put the whole value in quotes",
			"1:8: arvo ei voi alkaa merkillä @: kirjoita koko arvo lainausmerkkeihin"},
		{"colons inside a block of text are text", "summary: |\n  Osa 1: alku: loppu\n  \"Sitaatti\" ja muuta\ntitle: x\n", false, "", ""},
		{"a tab before a key after a list", "tags: [a,\n  b]\n\tsummary: x\n", false,
			"3:1: the line is indented with a tab: indent with spaces", ""},
		{"a line without a colon, where it is", "title: x\nsummary\ndate: 2022-06-01\n", false,
			"2:1: the line has no colon: write a key and its value as key: value, such as summary: Lyhyt kuvaus",
			"2:1: rivillä ei ole kaksoispistettä: kirjoita avain ja arvo muodossa avain: arvo, esimerkiksi summary: Lyhyt kuvaus"},
		{"a Windows path in double quotes", "title: \"C:\\kansio\\x\"\n", true,
			`1:11: inside double quotes a backslash starts a special character such as \n, and \k is not one: write the backslash twice (\\) or put the value in single quotes '…'`,
			`1:11: lainausmerkkien sisällä kenoviiva aloittaa erikoismerkin, kuten \n, eikä \k ole sellainen: kirjoita kenoviiva kahdesti (\\) tai kirjoita arvo heittomerkkeihin '…'`},
		{"a backslash and a letter that starts a code", "title: Hei\nsummary: \"C:\\Users\\x\"\n", true,
			`2:13: inside double quotes a backslash starts a special character such as \n, and \U is not one: write the backslash twice (\\) or put the value in single quotes '…'`, ""},
		{"a control character, at its column", "title: Hei\nsummary: ä\x00b\n", true,
			"2:11: the line holds an invisible control character U+0000, which YAML does not accept: delete it (copied text often brings one along)",
			"2:11: rivillä on näkymätön ohjausmerkki U+0000, jota YAML ei hyväksy: poista se (sellainen tulee usein kopioidun tekstin mukana)"},
		{"a control character in a comment", "title: Hei # \x1b[0m\n", true,
			"1:14: the line holds an invisible control character U+001B, which YAML does not accept: delete it (copied text often brings one along)", ""},
		{"NEL, which YAML reads as a line end, where the editor sees it", "title: Hei\nsummary: ä\u0085b\n", true,
			"2:11: the line holds an invisible character U+0085, which YAML reads as a line end though your editor shows none: delete it (copied text often brings one along)",
			"2:11: rivillä on näkymätön merkki U+0085, jonka YAML lukee rivinvaihdoksi, vaikka editori ei näytä sitä: poista se (sellainen tulee usein kopioidun tekstin mukana)"},
		{"a line separator in a list", "tags: [a,\u2028b]\n", true,
			"1:10: the line holds an invisible character U+2028, which YAML reads as a line end though your editor shows none: delete it (copied text often brings one along)", ""},
		{"DEL", "title: a\u007f\n", true,
			"1:9: the line holds an invisible control character U+007F, which YAML does not accept: delete it (copied text often brings one along)", ""},
		{"a byte-order mark inside", "title: Hei\nsummary: \ufeffx\n", true,
			"2:10: the line holds an invisible character U+FEFF, which would become part of the value though your editor shows none: delete it (copied text often brings one along)", ""},
		{"a control character before a byte that is not UTF-8: the first is told", "title: \x01\xe4\n", true,
			"1:8: the line holds an invisible control character U+0001, which YAML does not accept: delete it (copied text often brings one along)", ""},
		{"a directive, wherever it stands", "title: Hei\n%YAML 1.2\n", true,
			"2:1: the line starts with %, which starts a YAML directive (such as %YAML 1.2), and settings have none: delete the line, or if it goes on the value of the line above, put the whole value in quotes on one line", ""},
		{"a document end with settings after it", "title: Hei\n...\nsummary: x\n", true,
			"2:1: the line ... ends the YAML settings, and the lines after it would not be read: delete the line, or if it is part of a value, put the value in quotes", ""},
		{"a document start, then settings, then an end", "---\ntitle: Hei\n...\n# loppu\n", false, "", ""},
		{"text after |", "summary: |Hei\n", true,
			"1:10: | starts a text of several lines, written indented on the lines below it, and nothing can follow it on its line: move the text to the next line, indented, or put the whole value in quotes", ""},
		{"a list item on its key's line", "tags: - a\n", true,
			`1:7: a list item ("- ") cannot start on the key's line: write the list in brackets, tags: [a, b], or each item on a line of its own below the key; if the dash is part of the text, put the value in quotes`, ""},
		{"no space after a colon, then a key", "title:Hei\nsummary: x\n", true,
			"1:7: a colon needs a space after it for YAML to tell the key from the value: write title: Hei", ""},
		{"a tag written wrong", "title: !<x Hei\n", true,
			"1:8: a YAML type tag (!<x) cannot be used in settings: leave it out, or put the value in quotes", ""},
		{"two commas", "tags: [a,, b]\n", false,
			"1:10: in brackets the items are separated by one comma, and each bracket is closed once: check the commas and brackets here, such as tags: [a, b]", ""},
		{"brackets nested 10,000 deep", "tags: " + strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001) + "\n", false,
			"1:10007: the values are nested too deep (brackets or indented groups inside each other): write them more simply",
			"1:10007: arvot ovat liian monella tasolla sisäkkäin (sulkeita tai sisennettyjä ryhmiä toistensa sisällä): kirjoita ne yksinkertaisemmin"},
		{"nothing", "# vain kommentti\n", false, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, p := Parse([]byte(tc.src))
			if got := problem(p, diag.English); got != tc.en {
				t.Errorf("got\n%s\nwant\n%s", got, tc.en)
			}
			if tc.fi != "" {
				if got := problem(p, diag.Finnish); got != tc.fi {
					t.Errorf("in Finnish: got\n%s\nwant\n%s", got, tc.fi)
				}
			}
			if p != nil && p.Cause != tc.cause {
				t.Errorf("Cause is %v, want %v", p.Cause, tc.cause)
			}
		})
	}
}

// TestKeysAndValues: every key and value has its line and column, and
// the value's kind is told in the editor's words.
func TestKeysAndValues(t *testing.T) {
	src := "title: Yhteinen tavoite\nsummary:\ntags: [a, “b”]\nweight: 3\n'quoted key': on\nnested:\n  inner: x\ndate: 2022-06-01\n"
	root, p := Parse([]byte(src))
	if p != nil || Keys(root) != nil {
		t.Fatalf("problems: %v %v", p, Keys(root))
	}
	var got []string
	for k, v := range Pairs(root) {
		got = append(got, fmt.Sprintf("%s %d:%d %d:%d %s", k.Value, k.Line, k.Column, v.Line, v.Column, Describe(v)))
	}
	want := []string{
		"title 1:1 1:8 the text \"Yhteinen tavoite\"",
		"summary 2:1 2:9 nothing",
		"tags 3:1 3:7 a list",
		"weight 4:1 4:9 the number 3",
		"quoted key 5:1 5:15 the text \"on\"",
		"nested 6:1 7:3 a mapping",
		"date 8:1 8:7 the text \"2022-06-01\"",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if !Empty(Get(root, "summary")) || Empty(Get(root, "title")) || Get(root, "missing") != nil {
		t.Errorf("Empty and Get disagree with the document")
	}
	if s, ok := Str(Get(root, "date")); !ok || s != "2022-06-01" {
		t.Errorf("a date is text: got %q, %v", s, ok)
	}
	if _, ok := Str(Get(root, "weight")); ok {
		t.Errorf("a number is not text to Str")
	}
	if s, ok := Text(Get(root, "weight")); !ok || s != "3" {
		t.Errorf("Text of a number: got %q, %v", s, ok)
	}
	if v, ok := Value(Get(root, "nested")).(map[string]any); !ok || v["inner"] != "x" {
		t.Errorf("Value of a mapping: got %#v", Value(Get(root, "nested")))
	}
	var curly []string
	CurlyQuotes(root, func(line, col int, r rune) { curly = append(curly, fmt.Sprintf("%d:%d %c", line, col, r)) })
	if fmt.Sprint(curly) != "[3:11 “]" {
		t.Errorf("curly quotes: got %v", curly)
	}
}

// TestKeysMustBeAMapping: a list or a lone text at the top is said so,
// at its place.
func TestKeysMustBeAMapping(t *testing.T) {
	for src, want := range map[string]string{
		"- a\n- b\n":  "1:1: it must be keys with values (title: ...), not a list",
		"\njust text": "2:1: it must be keys with values (title: ...), one on each line",
		"title: x\n":  "",
	} {
		root, p := Parse([]byte(src))
		if p != nil {
			t.Fatalf("%q: %v", src, p.Text)
		}
		if got := problem(Keys(root), diag.English); got != want {
			t.Errorf("%q: got %q, want %q", src, got, want)
		}
	}
}

// TestTwice: a key written again is told once, with where it was first.
func TestTwice(t *testing.T) {
	root, _ := Parse([]byte("title: a\ndate: 1\ntitle: b\ntitle: c\ndate: 2\n"))
	var got []string
	Twice(root, func(again, first *Node) {
		got = append(got, fmt.Sprintf("%s %d:%d first %d", again.Value, again.Line, again.Column, first.Line))
	})
	if want := "[title 3:1 first 1 date 5:1 first 2]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestSuspect: a block goldmark-meta read without complaint goes to
// yamldoc when it may hold what only yamldoc tells, and a plain one does
// not.
func TestSuspect(t *testing.T) {
	for src, want := range map[string]bool{
		"title: Hei\ntags: [a, b]\n":            false,
		"color: \"#1f6f8b\"\n":                  false,
		"title: Hyvä & paha\n":                  true, // a false alarm costs a parse
		"title: Hei!\nsummary: 3*4\n":           false,
		"tags: !!binary aGVsbG8=\n":             true,
		"a: &x [1]\nb: *x\n":                    true,
		"<<: {draft: true}\n":                   true,
		"title: a\n...\nkind: b\n":              true,
		"title: \"Risuaita\"#1\n":               true,
		"title: “Hei”\n":                        true,
		"title: a\u200bb\n":                     true,
		"title: a\u2028b\n":                     true,
		"title: ääkköset ja ÅÄÖ, ei muuta\n":    false,
		"title: \"Hei\nweight: 5\n":             true,
		"title: 'Hei''\nweight: 5\n":            true,
		"title: \"Hei \\\"x\\\"\"\n":            false,
		"title: 'Hyvä ''x'''\nsummary: \"S\"\n": false,
		"title: Hyvä \"x\nsummary: y\n":         false,
	} {
		if got := Suspect([]byte(src)); got != want {
			t.Errorf("Suspect(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestUTF16: site.yaml saved as UTF-16 is told as such at 1:1, with a
// byte-order mark or without.
func TestUTF16(t *testing.T) {
	le := []byte{}
	for _, c := range []byte("title: Työ\ndescription: Kuvaus\n") {
		le = append(le, c, 0)
	}
	for name, src := range map[string][]byte{"with a BOM": append([]byte{0xff, 0xfe}, le...), "without": le} {
		_, p := Parse(src)
		if got, want := problem(p, diag.English), "1:1: the file is saved as UTF-16 (Notepad calls it Unicode): save it as UTF-8 in your editor"; got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}
