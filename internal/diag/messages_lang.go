package diag

// The portal's languages: site.yaml's languages:, the language folders
// and translations.
var (
	ConfigLanguagesShape = msg("config.languages-shape",
		"languages luettelee portaalin muut kielet koodeittain, kukin omalla nimellään ja kuvauksellaan: kirjoita sen alle sisennettynä kielen koodi (sv:) ja sen alle sisennettyinä title: ja description:",
		"languages lists the portal's other languages by code, each with its own title and description: write the language's code (sv:) indented below it, and title: and description: indented below the code")
	ConfigLanguageCode = msg("config.language-code",
		"languages: %q ei käy kielen koodiksi: kirjoita kaksikirjaiminen koodi kuten sv tai en, joka ei ole oletuskieli %s eikä sisältökansion kansion nimi",
		"languages: %q cannot be a language code: write a two-letter code such as sv or en that is not the default language %s nor a content folder's name")
	ConfigLanguageCodeCase = msg("config.language-code-case",
		"languages: kirjoita kielen koodi %q pienin kirjaimin, %s: se on käännösten kansion ja osoitteiden nimi (content/%s/, /%s/)",
		"languages: write the language code %q in lower case, %s: it names the translations' folder and their addresses (content/%s/, /%s/)")
	ConfigLanguageFields = msg("config.language-fields",
		"languages: kielelle %s tarvitaan title ja description (portaalin nimi ja kuvaus sillä kielellä, etusivua varten)",
		"languages: the language %s needs a title and a description (the portal's name and description in it, for its home page)")
	TranslationOutdated = msg("content.translation-outdated",
		"käännöksen alkuperäistä %s on päivitetty (%s) käännöksen jälkeen (%s): tarkista, mitä muuttui, ja päivitä käännös ja sen updated-päivä",
		"the original %s was updated (%s) after this translation (%s): see what changed, then update the translation and its updated date")
	TranslationOutdatedCommit = msg("content.translation-by-commit",
		"käännöksen alkuperäistä %s on päivitetty (%s) sen jälkeen, kun tätä käännöstä viimeksi muutettiin (%s, tiedoston viimeisin versio, sillä käännöksessä ei ole uudempaa päivämäärää): tarkista, mitä muuttui, ja päivitä käännös",
		"the original %s was updated (%s) after this translation was last changed (%s, the file's last commit, as the translation has no later date of its own): see what changed, then update the translation")
	TranslationNotYet = msg("content.translation-not-yet",
		"%s mainitsee helmen %q, jota ei ole vielä käännetty, joten se jätetään tältä sivulta pois: käännä se (helminauha new translation %s helmet/%s) tai poista se luettelosta",
		"%s names the pearl %q, which is not translated yet, so this page leaves it out: translate it (helminauha new translation %s helmet/%s) or remove it from the list")
	TranslationAreaNotYet = msg("content.translation-area-not-yet",
		"%s mainitsee teema-alueen %q, jota ei ole vielä käännetty: käännä ensin se (helminauha new translation %s teemat/%s)",
		"%s names the theme area %q, which is not translated yet: translate it first (helminauha new translation %s teemat/%s)")
)

// The theme's tables of words (themes/<name>/i18n/<lang>.yaml).
var (
	RenderWordsYAML = msg("render.words-yaml",
		"sanataulukko ei ole kelvollista YAMLia: %s (kirjoita jokainen sana omalle rivilleen muodossa avain: teksti)",
		"the table of words is not valid YAML: %s (write each word on its own line as key: text)")
	RenderNoWords = msg("render.no-words",
		"teemalla ei ole sanataulukkoa kielelle %s: tee se taulukon %s mallin mukaan, samoin avaimin",
		"the theme has no table of words for the language %s: make one like %s, with the same keys")
	RenderNoWordsCode = msg("render.no-words-code",
		"teemalla ei ole sanoja kielelle %s (sillä on kielet %s): korjaa kielen koodi, tai tee teemaan sanataulukko %s taulukon %s mallin mukaan, samoin avaimin",
		"the theme has no words for the language %s (it has %s): correct the language's code, or give the theme a table of words %s made like %s, with the same keys")
	RenderMissingWord = msg("render.missing-word",
		"sanataulukosta puuttuu %q (%s): lisää se tämän kielen sanoin",
		"the table of words lacks %q (%s): add it in this language's words")
)
