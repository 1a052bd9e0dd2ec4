package content

import "github.com/helminauha/helminauha/internal/config"

// CaseSections are the sections a case example usually has (the README's
// content format, "A case example"), by the language of the portal they
// are in: check warns of a missing one, and `helminauha new case` writes
// them as the new example's headings.
var CaseSections = map[string][]string{
	"fi": {"Tarve ja tavoitteet", "Ratkaisu", "Tulokset", "Opit"},
	"sv": {"Behov och mål", "Lösning", "Resultat", "Lärdomar"},
	"en": {"Needs and goals", "Solution", "Results", "Lessons learned"},
}

// CaseSectionsIn are the case sections of a portal in the language tag
// lang: its language's (sv-FI has the Swedish ones), or the Finnish ones
// for a language that has none.
func CaseSectionsIn(lang string) []string {
	return config.InLanguage(CaseSections, lang)
}
