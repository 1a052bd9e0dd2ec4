package content

import (
	"regexp"
	"slices"
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
)

// valueNames are the kinds and audiences as an editor may write them
// instead of the value, by their file-name form (markdown.Slugify): the
// names the site shows for them in its three languages (a Swedish editor
// writes the Verktyg the Swedish page shows for tyokalu), Finnish
// inflections too far from the value for markdown.Meant (vinkkejä,
// johdolle), and the words used for them before (esimies). Each was
// told it is unknown with no value to write instead.
var valueNames = map[string]string{
	"tietoa": "tieto", "tiedot": "tieto", "knowledge": "tieto", "kunskap": "tieto", "info": "tieto", "information": "tieto", "fakta": "tieto",
	"vinkit": "vinkki", "vinkkeja": "vinkki", "vinkkia": "vinkki", "tip": "vinkki", "tips": "vinkki", "neuvo": "vinkki", "neuvoja": "vinkki",
	"menetelmat": "menetelma", "menetelmia": "menetelma", "metodi": "menetelma", "metodit": "menetelma", "method": "menetelma", "methods": "menetelma", "metod": "menetelma", "metoder": "menetelma",
	"tyokalut": "tyokalu", "tyokaluja": "tyokalu", "tyovaline": "tyokalu", "tyovalineet": "tyokalu", "tool": "tyokalu", "tools": "tyokalu", "verktyg": "tyokalu",
	"johdolle": "johto", "johdon": "johto", "johtaja": "johto", "johtajat": "johto", "johtajille": "johto", "ylin-johto": "johto", "johtoryhma": "johto", "management": "johto", "ledning": "johto", "ledningen": "johto",
	"esihenkiloille": "esihenkilot", "esihenkiloiden": "esihenkilot", "esimies": "esihenkilot", "esimiehet": "esihenkilot", "esimiehille": "esihenkilot", "lahiesihenkilot": "esihenkilot", "supervisors": "esihenkilot", "chef": "esihenkilot", "chefer": "esihenkilot",
	"paattajille": "paattajat", "luottamushenkilot": "paattajat", "decision-makers": "paattajat", "beslutsfattare": "paattajat",
	"henkilostolle": "henkilosto", "henkiloston": "henkilosto", "henkilokunta": "henkilosto", "tyontekija": "henkilosto", "tyontekijat": "henkilosto", "tyontekijoille": "henkilosto", "staff": "henkilosto", "employees": "henkilosto", "personal": "henkilosto", "personalen": "henkilosto", "medarbetare": "henkilosto",
	"hanketoimijoille": "hanketoimijat", "hanke": "hanketoimijat", "hankkeet": "hanketoimijat", "hanketyontekijat": "hanketoimijat", "project-workers": "hanketoimijat", "projektaktorer": "hanketoimijat",
}

// valueSeparators are what an editor writes between values in one text:
// "johto ja esihenkilöt", "esihenkilot/johto"; spaces alone are tried
// after them.
var valueSeparators = regexp.MustCompile(`\s*(?:[,/;&+]|\s(?:ja|sekä|tai|och|eller|and|or)\s)\s*`)

// valueMeant is the suggestion for s, a kind or an audience not among
// allowed: the nearest value (markdown.Meant) or the one of its name
// (valueNames); for several values written in one text, the list to
// write (list) or, of a kind, that a pearl has one.
func valueMeant(s string, allowed []string, list bool) diag.Text {
	parts := valueSeparators.Split(strings.TrimSpace(s), -1)
	if len(parts) < 2 {
		// Spaces alone, as between tags in some other tools:
		// "johto esihenkilot".
		parts = strings.Fields(s)
	}
	if len(parts) > 1 {
		var values []string
		for _, p := range parts {
			v := valueOf(p, allowed)
			if v == "" {
				values = nil
				break
			}
			if !slices.Contains(values, v) {
				values = append(values, v)
			}
		}
		switch {
		case len(values) > 1 && list:
			return diag.MeantList.With("[" + strings.Join(values, ", ") + "]")
		case len(values) > 1:
			return diag.MeantOne.With(strings.Join(values, ", "))
		case len(values) == 1:
			return diag.DidYouMean.With(values[0])
		}
	}
	if m := markdown.Meant(s, allowed); m.Message() != nil {
		return m
	}
	if v := valueNames[markdown.Slugify(s)]; slices.Contains(allowed, v) {
		return diag.DidYouMean.With(v)
	}
	return diag.Text{}
}

// valueOf is the value of allowed that s is, is near or names, or "".
func valueOf(s string, allowed []string) string {
	slug := markdown.Slugify(s)
	if slices.Contains(allowed, slug) {
		return slug
	}
	if v := valueNames[slug]; slices.Contains(allowed, v) {
		return v
	}
	return markdown.Nearest(s, allowed)
}
