package content

import (
	"bytes"
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
)

// Placeholders are the texts `helminauha new` writes for the editor to
// replace, by front matter key ("" for the body). They are kept here, in
// one place, so that check knows every one of them: a page published with
// a placeholder would show it to readers.
var Placeholders = map[string][]string{
	"title":        {"Helmen otsikko", "Esimerkin otsikko", "Luvun otsikko"},
	"summary":      {"Yksi tai kaksi lausetta siitä, mitä helmi antaa lukijalle (enintään 300 merkkiä).", "Yksi tai kaksi lausetta siitä, mitä organisaatio teki.", "Mitä luvussa käsitellään."},
	"organization": {"Organisaation nimi"},
	"":             {"Kirjoita tähän helmen sisältö lyhyinä kappaleina ja listoina.", "Kysymys lukijalle?", TranslateNote},
}

// TranslateNote is the line `helminauha new translation` puts above the
// copied text, in Finnish and Swedish: a translation published with it
// would be the original's text under another language's address.
const TranslateNote = "KÄÄNNÄ: käännä otsikko, tiivistelmä ja teksti ja poista sitten tämä rivi. – ÖVERSÄTT: översätt rubriken, sammanfattningen och texten och ta sedan bort den här raden."

// placeholders reports each placeholder of `new` left in doc: an error
// in a published page, a warning in a draft, which may be unfinished.
func placeholders(c *Common, src []byte, draft bool, diags *diag.List) {
	report := diags.Report
	if draft {
		report = diags.Warn
	}
	for _, key := range []string{"title", "summary", "organization"} {
		v, _ := c.Doc.Meta[key].(string)
		for _, ph := range Placeholders[key] {
			if strings.TrimSpace(v) == ph {
				report(c.ValuePos(key), diag.ContentPlaceholderKey, key, ph)
			}
		}
	}
	for _, ph := range Placeholders[""] {
		if i := bytes.Index(src, []byte(ph)); i >= 0 {
			line := bytes.Count(src[:i], []byte{'\n'}) + 1
			report(diag.Pos{File: c.File, Line: line, Col: 1}, diag.ContentPlaceholderBody, ph)
		}
	}
}
