package diag

import "golang.org/x/text/feature/plural"

// Every message an editor can see, in Finnish and English. The Finnish is
// written for an editor, not a programmer: what is wrong, where, and what
// to type instead. Front matter is "asetukset" (the lines between the two
// --- lines), a key is "asetus", a slug is "tunniste", a tag "asiasana", as
// in the editors' guide (content/sivut/toimittajalle.md).

// Marks in a problem's line.
var (
	WarningPrefix = msg("diag.warning", "varoitus:", "warning:")
	DraftMark     = msg("diag.draft", "(luonnos)", "(draft)")
	// WarningsNoted is how build and serve tell that there are
	// warnings, which only check lists.
	WarningsNoted = msgVar("diag.warnings-noted", 1,
		plural.Selectf(1, "%d", "one", "%d varoitus (helminauha check näyttää sen)", "other", "%d varoitusta (helminauha check luettelee ne)"),
		plural.Selectf(1, "%d", "one", "%d warning (helminauha check shows it)", "other", "%d warnings (helminauha check lists them)"))
)

// The command line (cmd/helminauha).
var (
	CmdUsage = msg("cmd.usage",
		`helminauha tekee Helminauha-portaalin Markdown-tiedostoista.

Käyttö:
%s
build tekee valmiin sivuston, serve näyttää esikatselun selaimessa, check
tarkistaa sisällön ja new tekee uuden helmen, tapausesimerkin tai luvun pohjan
tai käännöksen pohjan olemassa olevasta sivusta (new translation sv helmet/TUNNISTE).
Komennon valitsimet näet komennolla "helminauha KOMENTO -h".
Viestit tulevat suomeksi; englanniksi ne saa valitsimella --lang en
ja ruotsiksi valitsimella --lang sv (tai ympäristömuuttujalla
HELMINAUHA_LANG=en tai HELMINAUHA_LANG=sv).
`,
		`helminauha builds a Helminauha portal from Markdown.

Usage:
%s
new translation starts a translation from an existing page
(new translation sv helmet/SLUG writes content/sv/helmet/SLUG.md).
Run "helminauha COMMAND -h" for the flags of a command.
Messages are in Finnish unless --lang en or HELMINAUHA_LANG=en chooses
English, or --lang sv or HELMINAUHA_LANG=sv Swedish (or site.yaml's
language is en or sv).
`)
	CmdUnknownCommand = msg("cmd.unknown-command",
		"helminauha: tuntematon komento %q: komennot ovat build, serve, check, new ja version",
		"helminauha: unknown command %q: the commands are build, serve, check, new and version")
	CmdUnknownCommandMeant = msg("cmd.unknown-command-meant",
		"helminauha: tuntematon komento %q: tarkoititko helminauha %s? Komennot ovat build, serve, check, new ja version",
		"helminauha: unknown command %q: did you mean helminauha %s? The commands are build, serve, check, new and version")
	CmdFlagsHead = msg("cmd.flags-head",
		"Käyttö: helminauha %s %s\n\nValitsimet:\n",
		"Usage: helminauha %s %s\n\nFlags:\n")
	CmdFlagDefault = msg("cmd.flag-default", "(oletus %s)", "(default %s)")
	CmdFlagUnknown = msg("cmd.flag-unknown",
		"helminauha %s: tuntematon valitsin %s: katso alta, mitkä valitsimet komennolla on",
		"helminauha %s: unknown flag %s: see below for the flags of the command")
	CmdFlagNeedsValue = msg("cmd.flag-needs-value",
		"helminauha %s: valitsimen %s perään tarvitaan arvo, esimerkiksi %s",
		"helminauha %s: flag %s needs a value, for example %s")
	CmdFlagBadValue = msg("cmd.flag-bad-value",
		"helminauha %s: valitsimen %s arvo %q ei kelpaa: kirjoita true tai false, esimerkiksi %s=false",
		"helminauha %s: flag %s: %q is not a value for it: write true or false, for example %s=false")
	CmdFlagBad = msg("cmd.flag-bad",
		"helminauha %s: valitsimet eivät kelpaa (%s)",
		"helminauha %s: the flags are not right (%s)")
	CmdBadLang = msg("cmd.bad-lang",
		"helminauha %s: --lang on fi (suomi), sv (ruotsi) tai en (englanti), ei %q",
		"helminauha %s: --lang is fi (Finnish), sv (Swedish) or en (English), not %q")
	CmdUnexpectedArg = msg("cmd.unexpected-arg",
		"helminauha %s: ylimääräinen sana %q: komento ei ota muita sanoja kuin valitsimet (ne alkavat --)",
		"helminauha %s: unexpected argument %q: the command takes only flags (they start with --)")
	CmdArgIsFolder = msg("cmd.arg-is-folder",
		"helminauha %s: ylimääräinen sana %q: komento ei ota muita sanoja kuin valitsimet; jos se on portaalin sisältökansio, kirjoita --content %s",
		"helminauha %s: unexpected argument %q: the command takes only flags; if it is the portal's content folder, write --content %s")
	CmdNoContentDir = msg("cmd.no-content-dir",
		"helminauha: sisältökansiota %s ei ole: aja komento portaalin kansiossa (siinä, jossa on kansio content) tai kerro kansio valitsimella --content KANSIO",
		"helminauha: there is no content folder %s: run the command in the portal's folder or name the folder with --content DIR")
	CmdInContentDir = msg("cmd.in-content-dir",
		"helminauha: sisältökansiota %s ei ole, mutta tässä kansiossa on site.yaml, joten olet sisältökansiossa: siirry portaalin kansioon (cd ..) tai kirjoita --content .",
		"helminauha: there is no content folder %s, but this folder has site.yaml, so you are in the content folder: go up to the portal's folder (cd ..) or write --content .")
	CmdContentSubfolder = msg("cmd.content-subfolder",
		"helminauha: kansiossa %s ei ole site.yaml-tiedostoa, mutta kansiossa %s on: se on sisältökansio, joten kirjoita --content %s",
		"helminauha: %s has no site.yaml, but %s has: that is the content folder, so write --content %s")
	CmdContentIsFile = msg("cmd.content-is-file",
		"helminauha: %s on tiedosto eikä kansio: kerro sisältökansio valitsimella --content KANSIO",
		"helminauha: %s is a file, not a folder: name the content folder with --content DIR")
	CmdProgress = msg("cmd.progress",
		"\rtehdään sivuja: %d/%d",
		"\rrendering: %d of %d pages")
	CmdErrorCount = msgVar("cmd.error-count", 1,
		plural.Selectf(1, "%d", "one", "%d virhe", "other", "%d virhettä"),
		plural.Selectf(1, "%d", "one", "%d error", "other", "%d errors"))
	CmdWarningCount = msgVar("cmd.warning-count", 1,
		plural.Selectf(1, "%d", "one", "%d varoitus", "other", "%d varoitusta"),
		plural.Selectf(1, "%d", "one", "%d warning", "other", "%d warnings"))
	CmdMoreSame = msgVar("cmd.more-same", 1,
		plural.Selectf(1, "%d", "one", "… ja vielä %d samanlainen tässä tiedostossa (check --all näyttää kaikki)",
			"other", "… ja vielä %d samanlaista tässä tiedostossa (check --all näyttää kaikki)"),
		plural.Selectf(1, "%d", "one", "… and %d more like it in this file (check --all shows them all)",
			"other", "… and %d more like it in this file (check --all shows them all)"))
	// CmdMoreErrorsShown and CmdMoreWarningsShown count what check left
	// out after the first hundred of each (cmd/helminauha's shownOf).
	CmdMoreErrorsShown = msgVar("cmd.more-errors-shown", 1,
		plural.Selectf(1, "%d", "one", "… ja vielä %d virhe, jota ei näytetty (check --all näyttää kaikki)",
			"other", "… ja vielä %d virhettä, joita ei näytetty (check --all näyttää kaikki)"),
		plural.Selectf(1, "%d", "one", "… and %d more error not shown (check --all shows them all)",
			"other", "… and %d more errors not shown (check --all shows them all)"))
	CmdMoreWarningsShown = msgVar("cmd.more-warnings-shown", 1,
		plural.Selectf(1, "%d", "one", "… ja vielä %d varoitus, jota ei näytetty (check --all näyttää kaikki)",
			"other", "… ja vielä %d varoitusta, joita ei näytetty (check --all näyttää kaikki)"),
		plural.Selectf(1, "%d", "one", "… and %d more warning not shown (check --all shows them all)",
			"other", "… and %d more warnings not shown (check --all shows them all)"))
	CmdMoreErrors = msgVar("cmd.more-errors", 1,
		plural.Selectf(1, "%d", "one", "… ja vielä %d virhe (korjaa ensin yllä olevat ja aja komento uudelleen)",
			"other", "… ja %d virhettä lisää (korjaa ensin yllä olevat ja aja komento uudelleen)"),
		plural.Selectf(1, "%d", "one", "… and %d more error", "other", "… and %d more errors"))
	CmdFileCount = msgVar("cmd.file-count", 1,
		plural.Selectf(1, "%d", "one", "%d tiedosto", "other", "%d tiedostoa"),
		plural.Selectf(1, "%d", "one", "%d file", "other", "%d files"))
	CmdPageCount = msgVar("cmd.page-count", 1,
		plural.Selectf(1, "%d", "one", "%d sivu", "other", "%d sivua"),
		plural.Selectf(1, "%d", "one", "%d page", "other", "%d pages"))
	CmdBuildFailed = msg("cmd.build-failed",
		"Sivustoa ei tehty: %s. Kansio %s jäi ennalleen.",
		"build failed: %s; %s was left as it was")
	CmdBuildFailedNoOut = msg("cmd.build-failed-no-out",
		"Sivustoa ei tehty: %s. Kansiota %s ei tehty.",
		"build failed: %s; %s was not made")
	CmdInterrupted = msg("cmd.interrupted",
		"helminauha: keskeytetty",
		"helminauha: interrupted")
	CmdBuildInterrupted = msg("cmd.build-interrupted",
		"helminauha: keskeytetty. Kansio %s jäi ennalleen.",
		"helminauha: interrupted; %s was left as it was")
	CmdWrote = msg("cmd.wrote",
		"Kirjoitettiin %s (%s) kansioon %s ajassa %s: %s",
		"Wrote %s (%s) to %s in %s: %s")
	CmdTiming = msg("cmd.timing",
		"  %s %8s  CPU %8s  josta järjestelmän %8s  muistia enimmillään tähän asti %s",
		"  %s %8s  CPU %8s  of it system %8s  peak memory so far %s")
	// The stages of a build, as build --timings names them.
	StageLoad   = msg("stage.load", "lukeminen", "load")
	StageTheme  = msg("stage.theme", "teema", "theme")
	StageModel  = msg("stage.model", "malli", "model")
	StagePatch  = msg("stage.patch", "mallin-päivitys", "patch")
	StagePlan   = msg("stage.plan", "suunnitelma", "plan")
	StageRender = msg("stage.render", "sivut", "render")
	StageStatic = msg("stage.static", "tiedostot", "static")
	StageWrite  = msg("stage.write", "tallennus", "write")

	CmdLeftOut = msgVar("cmd.left-out", 1,
		plural.Selectf(1, "%d", "one", "Luonnoksia jätettiin pois %d (julkaise se kirjoittamalla draft: false tai katso se komennolla build --drafts):",
			"other", "Luonnoksia jätettiin pois %d (julkaise luonnos kirjoittamalla draft: false tai katso ne komennolla build --drafts):"),
		plural.Selectf(1, "%d", "one", "Drafts left out: %d (publish it by writing draft: false, or see it with build --drafts):",
			"other", "Drafts left out: %d (publish one by writing draft: false, or see them with build --drafts):"))
	CmdNoBaseURL = msg("cmd.no-baseurl",
		"Sivustolla ei ole osoitetta (baseURL): sivukartta (sitemap.xml) ja syöte (feed.xml) tarvitsevat kokonaiset osoitteet, joita hakukoneet ja syötteenlukijat käyttävät. Kirjoita ennen julkaisua tiedostoon %s baseURL (esimerkiksi baseURL: https://helmet.example.fi/) tai anna build --baseurl OSOITE.",
		"The site has no address (baseURL): the sitemap (sitemap.xml) and the feed (feed.xml) need whole addresses, which search engines and feed readers use. Before publishing, write baseURL in %s (such as baseURL: https://helmet.example.fi/) or give build --baseurl URL.")
	CmdNoBaseURLSitemap = msg("cmd.no-baseurl-sitemap",
		"Sivustolla ei ole osoitetta (baseURL): sivukartta (sitemap.xml) tarvitsee kokonaiset osoitteet, joita hakukoneet käyttävät. Kirjoita ennen julkaisua tiedostoon %s baseURL (esimerkiksi baseURL: https://helmet.example.fi/) tai anna build --baseurl OSOITE.",
		"The site has no address (baseURL): the sitemap (sitemap.xml) needs whole addresses, which search engines use. Before publishing, write baseURL in %s (such as baseURL: https://helmet.example.fi/) or give build --baseurl URL.")
	CmdCNAMEMismatch = msg("cmd.cname-baseurl",
		"%s antaa sivuston verkkotunnukseksi %s, mutta sivut rakennettiin osoitteeseen %s: sivujen kanoniset osoitteet, sivukartta ja syöte veisivät hakukoneet ja lukijat sinne. Kirjoita tiedostoon %s baseURL: %s (tai korjaa CNAME).",
		"%s names the site's domain %s, but the pages were built for %s: the pages' canonical addresses, the sitemap and the feed would send search engines and readers there. In %s write baseURL: %s (or correct the CNAME).")
	CmdEditURLElsewhere = msg("cmd.editurl-elsewhere",
		"editURL %s ei osoita tämän säilön julkaistavan haaran tiedostoihin (säilö %s, haara %s): jokaisen sivun Muokkaa tätä sivua -linkki veisi muualle. Kirjoita tiedostoon %s editURL: %s",
		"editURL %s does not point to the files of this repository's published branch (repository %s, branch %s): every page's edit link would lead elsewhere. In %s write editURL: %s")
	CmdSubpathRootFiles = msg("cmd.subpath-root-files",
		"Sivusto on polulla %s: hakukoneet lukevat robots.txt-tiedoston ja Netlify ja Cloudflare Pages _headers-tiedoston vain verkkotunnuksen juuresta, joten nämä kaksi tiedostoa eivät tällä polulla vaikuta mihinkään. Hakukoneet löytävät sivut silti linkkejä seuraamalla; anna niille sivukartta %s itse (esimerkiksi Google Search Consolessa).",
		"The site is at the path %s: search engines read robots.txt, and Netlify and Cloudflare Pages read _headers, only at a domain's root, so these two files do nothing at this path. Search engines still find the pages by following links; give them the sitemap %s yourself (in Google Search Console, say).")
	CmdBuildBadFormat = msg("cmd.build-bad-format",
		"helminauha build: --format on text tai github, ei %q",
		"helminauha build: --format must be text or github, not %q")
	CmdCheckBadFormat = msg("cmd.check-bad-format",
		"helminauha check: --format on text, json tai github, ei %q",
		"helminauha check: --format must be text, json or github, not %q")
	CmdCheckSummary = msg("cmd.check-summary",
		"%s: %s ja %s",
		"%s: %s, %s")
	CmdCheckClean = msg("cmd.check-clean",
		"%s: ei virheitä, %s",
		"%s: no errors, %s")
	CmdNewUnknownKind = msg("cmd.new-unknown-kind",
		"helminauha new: tuntematon laji %q: kirjoita pearl (helmi), case (tapausesimerkki), chapter (oppaan luku) tai translation (käännös)",
		"helminauha new: unknown kind %q: use pearl, case, chapter or translation")
	CmdNewNoTheme = msg("cmd.new-no-theme",
		"helminauha new: teema-aluetta %q ei ole%s: kirjoita kansion %s tiedoston nimi ilman .md-päätettä (%s)",
		"helminauha new: there is no theme area %q%s: use the name of a file in %s without .md (%s)")
	CmdNewNoAreas = msg("cmd.new-no-areas",
		"helminauha new: teema-aluetta %q ei ole, eikä portaalissa ole vielä yhtään teema-aluetta: tee ensin kansioon %s tiedosto, esimerkiksi %s, jossa on title, weight ja summary (katso ohje toimittajalle)",
		"helminauha new: there is no theme area %q, nor any theme area yet: first make a file in %s, such as %s, with title, weight and summary (see toimittajalle)")
	CmdNewExists = msg("cmd.new-exists",
		"helminauha new: %s on jo olemassa, eikä sitä muutettu: valitse toinen nimi",
		"helminauha new: %s already exists; it was left as it was: choose another name")
	CmdNewNoFolder = msg("cmd.new-no-folder",
		"helminauha new: kansiota %s ei voitu tehdä (%s)",
		"helminauha new: cannot make the folder %s: %s")
	CmdNewCannotWrite = msg("cmd.new-cannot-write",
		"helminauha new: tiedostoa %s ei voitu kirjoittaa (%s)",
		"helminauha new: cannot write %s: %s")
	CmdNewArgs = msg("cmd.new-args",
		"helminauha new: kirjoita, mitä teet (pearl, case tai chapter), ja uuden tiedoston nimi ilman .md-päätettä, esimerkiksi helminauha new pearl verkostokartta",
		"helminauha new: write what to make (pearl, case or chapter) and the new file's name without .md, for example helminauha new pearl verkostokartta")
	CmdNewNoSlug = msg("cmd.new-no-slug",
		"helminauha new %s: uuden tiedoston nimi puuttuu: kirjoita se ilman .md-päätettä, esimerkiksi helminauha new %s verkostokartta",
		"helminauha new %s: the new file's name is missing: write it without .md, for example helminauha new %s verkostokartta")
	CmdNewTranslationArgs = msg("cmd.new-translation-args",
		"helminauha new translation: kirjoita kieli ja käännettävän sivun kansio ja nimi, esimerkiksi helminauha new translation sv helmet/verkoston-roolit",
		"helminauha new translation: write the language and the folder and name of the page to translate, for example helminauha new translation sv helmet/verkoston-roolit")
	CmdNewTranslationNoLanguages = msg("cmd.new-translation-no-languages",
		"helminauha new translation: portaalilla ei ole muita kieliä kuin %s: lisää ensin site.yaml-tiedostoon kohta languages ja sen alle kieli, esimerkiksi %s, nimineen ja kuvauksineen (katso ohje toimittajalle)",
		"helminauha new translation: the portal has no language besides %s: first add languages: to site.yaml with the language, such as %s, and its title and description (see toimittajalle)")
	CmdNewTranslationLang = msg("cmd.new-translation-lang",
		"helminauha new translation: portaalilla ei ole kieltä %q: kirjoita jokin site.yaml-tiedoston languages-kohdan kielistä (%s) tai lisää kieli sinne",
		"helminauha new translation: the portal has no language %q: write one of the languages in site.yaml's languages: (%s), or add it there")
	CmdNewTranslationDefault = msg("cmd.new-translation-default",
		"helminauha new translation: %s on portaalin oletuskieli, jolla alkuperäiset sivut kirjoitetaan: kerro kieli, jolle käännät, esimerkiksi helminauha new translation %s %s",
		"helminauha new translation: %s is the portal's default language, which the originals are written in: name the language you translate into, for example helminauha new translation %s %s")
	CmdNewTranslationPath = msg("cmd.new-translation-path",
		"helminauha new translation: %q ei ole sivun polku: kirjoita sisältökansion kansio ja tiedoston nimi ilman .md-päätettä, esimerkiksi helmet/yhteinen-tavoite-verkostossa (kansiot ovat teemat, helmet, caset, opas ja sivut)",
		"helminauha new translation: %q is not a page's path: write the content folder's folder and the file name without .md, for example helmet/yhteinen-tavoite-verkostossa (the folders are teemat, helmet, caset, opas and sivut)")
	CmdNewTranslationNoOriginal = msg("cmd.new-translation-no-original",
		"helminauha new translation: alkuperäistä sivua %s ei ole: tarkista kansio ja nimi; käännös tehdään sivusta, joka on jo olemassa",
		"helminauha new translation: there is no original %s: check the folder and the name; a translation starts from a page that exists")
	CmdNewTranslationCannotRead = msg("cmd.new-translation-cannot-read",
		"helminauha new translation: alkuperäistä sivua %s ei voitu lukea (%s)",
		"helminauha new translation: cannot read the original %s: %s")
	CmdNewTranslationExists = msg("cmd.new-translation-exists",
		"helminauha new translation: käännös %s on jo olemassa, eikä sitä muutettu: jatka sen kääntämistä tai poista se ensin",
		"helminauha new translation: the translation %s already exists; it was left as it was: go on translating it, or remove it first")
	CmdNewTranslationCreated = msg("cmd.new-translation-created",
		"Tehtiin käännöksen pohja %s sivusta %s: käännä otsikko, tiivistelmä ja teksti, poista käännösohjeen rivi ja rivi draft: true ja aja sitten helminauha check",
		"Created %s, a translation to be of %s: translate the title, summary and text, remove the line that says to translate and the line draft: true, then run helminauha check")
	CmdNewTranslationCreatedPage = msg("cmd.new-translation-created-page",
		"Tehtiin käännöksen pohja %s sivusta %s: käännä otsikko, tiivistelmä ja teksti, poista käännösohjeen rivi ja aja sitten helminauha check (tarkistus pitää KÄÄNNÄ-riviä virheenä, joten julkaise muutos vasta, kun sivu on käännetty)",
		"Created %s, a translation to be of %s: translate the title, summary and text, remove the line that says to translate, then run helminauha check (check reports the KÄÄNNÄ line as an error, so publish the change once the page is translated)")
	CmdNewCreated = msg("cmd.new-created",
		"Tehtiin %s: kirjoita paikkamerkkien tilalle oma tekstisi ja aja sitten helminauha check",
		"Created %s: replace the placeholders, then run helminauha check")
)

// The kinds of pages a build's summary counts (cmd/helminauha), by the
// render package's kind names.
var PageKinds = map[string]*Message{
	"home": msgVar("kind.home", 1,
		plural.Selectf(1, "%d", "one", "%d etusivu", "other", "%d etusivua"),
		plural.Selectf(1, "%d", "one", "%d home page", "other", "%d home pages")),
	"area": msgVar("kind.area", 1,
		plural.Selectf(1, "%d", "one", "%d teema-aluesivu", "other", "%d teema-aluesivua"),
		plural.Selectf(1, "%d", "one", "%d area page", "other", "%d area pages")),
	"pearl": msgVar("kind.pearl", 1,
		plural.Selectf(1, "%d", "one", "%d helmi", "other", "%d helmeä"),
		plural.Selectf(1, "%d", "one", "%d pearl", "other", "%d pearls")),
	"case": msgVar("kind.case", 1,
		plural.Selectf(1, "%d", "one", "%d tapausesimerkki", "other", "%d tapausesimerkkiä"),
		plural.Selectf(1, "%d", "one", "%d case", "other", "%d cases")),
	"guide": msgVar("kind.guide", 1,
		plural.Selectf(1, "%d", "one", "%d oppaan kansi", "other", "%d oppaan kantta"),
		plural.Selectf(1, "%d", "one", "%d guide cover", "other", "%d guide covers")),
	"chapter": msgVar("kind.chapter", 1,
		plural.Selectf(1, "%d", "one", "%d oppaan luku", "other", "%d oppaan lukua"),
		plural.Selectf(1, "%d", "one", "%d chapter", "other", "%d chapters")),
	"guideprint": msgVar("kind.guideprint", 1,
		plural.Selectf(1, "%d", "one", "%d koko opas yhdellä sivulla", "other", "%d koko opasta yhdellä sivulla"),
		plural.Selectf(1, "%d", "one", "%d whole guide on one page", "other", "%d whole guides on one page")),
	"page": msgVar("kind.page", 1,
		plural.Selectf(1, "%d", "one", "%d erillinen sivu", "other", "%d erillistä sivua"),
		plural.Selectf(1, "%d", "one", "%d page", "other", "%d pages")),
	"term": msgVar("kind.term", 1,
		plural.Selectf(1, "%d", "one", "%d asiasanasivu", "other", "%d asiasanasivua"),
		plural.Selectf(1, "%d", "one", "%d term page", "other", "%d term pages")),
	"terms": msgVar("kind.terms", 1,
		plural.Selectf(1, "%d", "one", "%d asiasanaluettelo", "other", "%d asiasanaluetteloa"),
		plural.Selectf(1, "%d", "one", "%d term index", "other", "%d term indexes")),
	"search": msgVar("kind.search", 1,
		plural.Selectf(1, "%d", "one", "%d hakusivu", "other", "%d hakusivua"),
		plural.Selectf(1, "%d", "one", "%d search page", "other", "%d search pages")),
	"necklace": msgVar("kind.necklace", 1,
		plural.Selectf(1, "%d", "one", "%d oma helminauha -sivu", "other", "%d oma helminauha -sivua"),
		plural.Selectf(1, "%d", "one", "%d own-necklace page", "other", "%d own-necklace pages")),
	"necklacedata": msgVar("kind.necklacedata", 1,
		plural.Selectf(1, "%d", "one", "%d helminauhan tietotiedosto", "other", "%d helminauhan tietotiedostoa"),
		plural.Selectf(1, "%d", "one", "%d necklace data file", "other", "%d necklace data files")),
	"notfound": msgVar("kind.notfound", 1,
		plural.Selectf(1, "%d", "one", "%d 404-sivu", "other", "%d 404-sivua"),
		plural.Selectf(1, "%d", "one", "%d 404 page", "other", "%d 404 pages")),
	"sitemap": msgVar("kind.sitemap", 1,
		plural.Selectf(1, "%d", "one", "%d sivukartta", "other", "%d sivukarttaa"),
		plural.Selectf(1, "%d", "one", "%d sitemap", "other", "%d sitemaps")),
	"feed": msgVar("kind.feed", 1,
		plural.Selectf(1, "%d", "one", "%d syöte", "other", "%d syötettä"),
		plural.Selectf(1, "%d", "one", "%d feed", "other", "%d feeds")),
	"robots": msgVar("kind.robots", 1,
		plural.Selectf(1, "%d", "one", "%d robots.txt-tiedosto", "other", "%d robots.txt-tiedostoa"),
		plural.Selectf(1, "%d", "one", "%d robots.txt", "other", "%d robots.txt files")),
	"headers": msgVar("kind.headers", 1,
		plural.Selectf(1, "%d", "one", "%d _headers-tiedosto", "other", "%d _headers-tiedostoa"),
		plural.Selectf(1, "%d", "one", "%d _headers file", "other", "%d _headers files")),
}

// The titles of GitHub's annotations (check --format github).
var (
	GitHubError        = msg("github.error", "Virhe", "Error")
	GitHubWarning      = msg("github.warning", "Varoitus", "Warning")
	GitHubDraftError   = msg("github.draft-error", "Virhe luonnoksessa", "Error in a draft")
	GitHubDraftWarning = msg("github.draft-warning", "Varoitus luonnoksessa", "Warning in a draft")
	GitHubNotice       = msg("github.notice", "Huomautus", "Note")
	// GitHubFirstTen is printed once, after the commands, when more than
	// %d (10) errors or warnings were printed: GitHub makes annotations
	// of a step's first ten of each and shows the rest only in its log.
	GitHubFirstTen = msg("github.first-ten",
		"GitHub näyttää merkintöinä (pull requestin riveillä ja ajon yhteenvedossa) vain vaiheen %[1]d ensimmäistä virhettä ja %[1]d ensimmäistä varoitusta: loput ovat vain tämän vaiheen lokissa, yllä",
		"GitHub shows only a step's first %[1]d errors and first %[1]d warnings as annotations (on the pull request's lines and in the run's summary): the rest are only in this step's log, above")
)

// What each flag does, in -h.
var (
	FlagContent = msg("flag.content", "portaalin sisältökansio", "the portal's content folder")
	FlagOut     = msg("flag.out", "kansio, johon sivusto kirjoitetaan (sitä muutetaan vain, kun kaikki onnistuu)",
		"the output folder (changed only when the build succeeds)")
	FlagCleanOut = msg("flag.clean-out",
		"poista kohdekansiosta tiedostot, joita helminauha ei ole kirjoittanut (paitsi .git, CNAME, .nojekyll ja site.yaml:n keep-luettelo), sen sijaan että kieltäydyt kirjoittamasta sinne",
		"remove the files in the output folder that helminauha did not write (but .git, CNAME, .nojekyll and site.yaml's keep), instead of refusing to build there")
	FlagBaseURL = msg("flag.baseurl", "sivuston osoite, jos se on eri kuin site.yaml:n baseURL (esim. https://org.github.io/portaali/)",
		"the site's address, overriding site.yaml's baseURL (e.g. https://org.github.io/portaali/)")
	FlagDrafts      = msg("flag.drafts", "ota mukaan myös luonnokset (draft: true)", "include pearls marked draft: true")
	FlagMinify      = msg("flag.minify", "tiivistä HTML, CSS, JS, JSON, SVG ja XML", "minify HTML, CSS, JS, JSON, SVG and XML")
	FlagGzip        = msg("flag.gzip", "kirjoita jokaisen tekstitiedoston viereen myös .gz-versio", "also write a .gz beside every text file")
	FlagQuiet       = msg("flag.quiet", "kerro vain ongelmat", "print only problems")
	FlagCPUProfile  = msg("flag.cpuprofile", "kirjoita suoritinprofiili tiedostoon `TIEDOSTO` (go tool pprof)", "write a CPU profile to `FILE` (for go tool pprof)")
	FlagMemProfile  = msg("flag.memprofile", "kirjoita muistiprofiili tiedostoon `TIEDOSTO` lopuksi (go tool pprof)", "write an allocation profile to `FILE` at the end (for go tool pprof)")
	FlagTimings     = msg("flag.timings", "kerro, kauanko kukin vaihe kesti", "print how long each stage took")
	FlagBuildFormat = msg("flag.build-format", "text tai github (virheet työnkulun komentoina, jotka GitHub näyttää pull requestin riveillä)", "text, or github (errors as workflow commands, which GitHub shows on a pull request's lines)")
	FlagFormat      = msg("flag.format", "text, json muita ohjelmia varten tai github (virheet pull requestin riveille)", "text, json for editors' tools, or github (problems on a pull request's lines)")
	FlagAll         = msg("flag.all", "näytä kaikki ongelmat: muuten text ja github näyttävät 100 ensimmäistä virhettä ja 100 varoitusta ja tiedostosta 10 samanlaista ja kertovat, montako jäi näyttämättä (json luettelee aina kaikki)", "print every problem: otherwise text and github print the first 100 errors and 100 warnings, and 10 of one kind in a file, and count the rest (json always lists them all)")
	FlagAddr        = msg("flag.addr", "osoite, jossa esikatselu näkyy (vain tällä koneella, ellei toisin kerrota)", "the address to serve at (loopback unless told otherwise)")
	FlagTheme       = msg("flag.theme", "teema-alueen tunniste (kansion teemat tiedoston nimi ilman .md-päätettä)", "the theme area's slug (a file name in teemat/ without .md)")
	FlagAllowHost   = msg("flag.allow-host", "vastaa myös pyyntöihin, joissa sivuston nimi on tämä (toista valitsin tai erota nimet pilkuilla; * sallii kaikki): muuten vain localhost ja osoite, jossa esikatselu näkyy", "also answer requests for this host name (repeat the flag or separate names with commas; * allows any): otherwise only localhost and the address served at")
	FlagLang        = msg("flag.lang", "viestien kieli: fi, sv tai en (oletus HELMINAUHA_LANG, sitten site.yaml:n language)", "the messages' language: fi, sv or en (default HELMINAUHA_LANG, then site.yaml's language)")
)

// What the operating system said went wrong with a file (Cause).
var (
	CauseNotExist    = msg("cause.not-exist", "tiedostoa tai kansiota ei ole", "no such file or folder")
	CausePermission  = msg("cause.permission", "lupa puuttuu: tarkista tiedoston tai kansion oikeudet", "permission denied")
	CauseExist       = msg("cause.exist", "nimi on jo käytössä", "the name is taken")
	CauseNameTooLong = msg("cause.name-too-long", "nimi on liian pitkä", "the name is too long")
	CauseIsDir       = msg("cause.is-dir", "se on kansio eikä tiedosto", "it is a folder, not a file")
	CauseNotDir      = msg("cause.not-dir", "polun osa on tiedosto eikä kansio", "a part of the path is a file, not a folder")
	CauseNoSpace     = msg("cause.no-space", "levy on täynnä", "the disk is full")
	CauseLoop        = msg("cause.loop", "symbolinen linkki kiertää kehää", "a symbolic link loops")
	CauseOther       = msg("cause.other", "järjestelmän virhe: %s", "%s")
)

// The settings file site.yaml (internal/config).
var (
	ConfigMissing = msg("config.missing",
		"portaalilla ei ole tiedostoa %s: tee se sisältökansioon ja kirjoita siihen ainakin title, description ja baseURL (katso ohje toimittajalle)",
		"the portal has no %s: create it with at least title, description and baseURL (see toimittajalle)")
	ConfigYAML = msg("config.yaml",
		"tiedostossa %s on virhe: %s",
		"%s is not valid YAML: %s")
	ConfigKeyMissing = msg("config.key-missing",
		"tiedostosta %s puuttuu %q: lisää rivi `%s: ...`",
		"%s has no %q: add a line `%s: ...`")
	ConfigKeyMisspelt = msg("config.key-misspelt",
		"tiedostosta %s puuttuu %q, mutta tällä rivillä on %q: kirjoita avain muodossa %s",
		"%s has no %q, but this line has %q: write the key as %s")
	ConfigNotText = msg("config.not-text",
		"asetuksen %q arvon pitää olla tekstiä, ei %s",
		"%q must be text, not %s")
	ConfigEditURL = msg("config.edit-url",
		"editURL %q ei ole verkko-osoite: kirjoita esimerkiksi editURL: https://github.com/organisaatio/portaali/edit/main/content/",
		"editURL %q is not a web address: write for example editURL: https://github.com/organisaatio/portaali/edit/main/content/")
	ConfigPearlWords = msg("config.pearl-words",
		"pearlWords on helmen pienin ja suurin sanamäärä kahtena lukuna hakasulkeissa, esimerkiksi pearlWords: [150, 500] (tai [0, 0], kun sanamäärää ei tarkisteta)",
		"pearlWords is a pearl's least and most words, two numbers in brackets, for example pearlWords: [150, 500] (or [0, 0] to not check them)")
	ConfigLanguage = msg("config.language",
		"kielen tunnus %q ei kelpaa: kirjoita esimerkiksi `language: fi`",
		"language %q is not a BCP 47 tag: write for example `language: fi`")
	ConfigTheme = msg("config.theme",
		"teeman %q pitää olla kansion themes/ alikansion nimi, esimerkiksi helminauha",
		"theme %q must be the name of a folder under themes/, such as helminauha")
	ConfigBaseURL = msg("config.base-url",
		"baseURL %q ei ole kokonainen verkko-osoite: kirjoita se muodossa https://helmet.example.fi/",
		"baseURL %q must be an absolute http(s) address such as https://helmet.example.fi/")
	ConfigBaseURLUser = msg("config.base-url-user",
		"baseURL %q sisältää käyttäjätunnuksen tai salasanan, jonka jokainen sivu julkaisisi: jätä pois %q",
		"baseURL %q holds a user name or password, which every page would publish: leave out %q")
	ConfigBaseURLDots = msg("config.base-url-dots",
		"baseURL %q sisältää polussaan . tai ..: kirjoita kansio, josta sivusto näytetään, esimerkiksi https://helmet.example.fi/portaali/",
		"baseURL %q has . or .. in its path: write the folder the site is served from, such as https://helmet.example.fi/portaali/")
	ConfigBaseURLSlashes = msg("config.base-url-slashes",
		"baseURL %q sisältää polussaan kaksi kauttaviivaa peräkkäin: kirjoita kansio yhdellä kauttaviivalla, %s",
		"baseURL %q has two slashes in a row in its path: write the folder with one, %s")
	ConfigBaseURLFile = msg("config.base-url-file",
		"baseURL %q päättyy sivun nimeen %s: kirjoita kansio, josta sivusto näytetään, %s",
		"baseURL %q ends in the name of a page, %s: write the folder the site is served from, %s")
	ConfigKeyCase = msg("config.key-case",
		"kirjoita avain muodossa `%s`, ei %q: YAML erottaa isot ja pienet kirjaimet, eikä portaali muuten lue avainta",
		"write the key as `%s`, not %q: YAML tells capitals from small letters, and the generator does not read the key otherwise")
	ConfigBaseURLCase = msg("config.base-url-case",
		"kirjoita avain muodossa `baseURL` (URL isoin kirjaimin), ei %q",
		"write the key as `baseURL` (with capital URL), not %q")
	ConfigKeepNotList = msg("config.keep-not-list",
		"\"keep\" on luettelo kohdekansion tiedostoista tai kansioista, jotka säilytetään: kirjoita se hakasulkeisiin, [CNAME, lataukset/]",
		"\"keep\" must be a list of files or folders in the output folder: write it in brackets, [CNAME, lataukset/]")
	ConfigKeepItem = msg("config.keep-item",
		"\"keep\"-luettelossa on %s: kirjoita kohdekansion sisällä olevan tiedoston tai kansion nimi, esimerkiksi CNAME tai lataukset/ (ei .. eikä / alussa)",
		"\"keep\" lists %s: name a file or folder inside the output folder, such as CNAME or lataukset/ (no .., no leading /)")
	DescMapping = msg("word.mapping", "sisennetty ryhmä", "a mapping")
	DescBool    = msg("word.bool", "totuusarvo %v", "%v")
	DescType    = msg("word.type", "arvo tyyppiä %s", "%s")
)

// Building and writing the site (internal/build, internal/output).
var (
	BuildTwoFiles = msg("build.two-files",
		"kaksi tiedostoa kirjoitettaisiin samaan paikkaan %s: nimeä tai siirrä toinen niistä",
		"two files would be written to %s: rename or move one of them")
	BuildCannotWrite = msg("build.cannot-write",
		"tiedostoa %s ei voitu kirjoittaa: %s",
		"writing %s: %s")
	BuildInternal = msg("build.internal",
		"sivuston tekeminen keskeytyi virheeseen: %s",
		"%s")
	BuildNoTheme = msg("build.no-theme",
		"teemaa %q ei löydy: kansiota themes/%s/templates ei ole, ja ohjelman oma teema on helminauha",
		"theme %q not found: there is no folder themes/%s/templates, and the built-in theme is helminauha")
	OutputFileOverFolder = msg("output.file-over-folder",
		"tiedosto %q on siinä, mihin portaalin kansio %s/ tulee (sivua %s varten): nimeä se toisin tai siirrä se omaan kansioonsa, esimerkiksi static/liitteet/",
		"the file %q is where the folder %s/ of the portal's %s goes: rename it or move it into a folder of its own, for example static/liitteet/")
	OutputFolderOverFile = msg("output.folder-over-file",
		"tiedosto %q tarvitsee kansion %s/, mutta portaali kirjoittaa siihen tiedoston %s: siirrä se toiseen kansioon, esimerkiksi static/liitteet/",
		"the file %q needs a folder %s/, but the portal writes a file %s: move it into another folder, for example static/liitteet/")
	OutputThemeClash = msg("output.theme-clash",
		"teema kirjoittaa sekä tiedoston %s että tiedoston %s samannimiseen kansioon",
		"the theme writes both a file %s and %s inside a folder of that name")
	OutputCaseClash = msg("output.case-clash",
		"tiedostot %q ja %q eroavat vain isoilta ja pieniltä kirjaimiltaan (tai siltä, miten ä tai ö on tallennettu): Windowsissa ja macOS:ssä ne ovat sama tiedosto, ja toinen katoaisi: nimeä toinen niistä toisin",
		"the files %q and %q differ only in upper and lower case (or in how a letter such as ä is stored): on Windows and macOS they are one file, and one would be lost: rename one of them")
	OutputGzClash = msg("output.gz-clash",
		"tiedosto %q on siinä, mihin tiedoston %s pakattu kopio tulee; build --gzip kirjoittaa sen itse (ja .gz-tiedostoja suosiva palvelin antaisi lukijalle tämän tiedoston %s sijaan): poista se",
		"the file %q is where the compressed copy of %s goes, which build --gzip writes itself (and a server that prefers .gz files would serve this one instead of %s): remove it")
	CmdContentEmpty = msg("cmd.content-empty",
		"--content on tyhjä: kerro portaalin sisältökansio, esimerkiksi --content content",
		"--content is empty: name the portal's content folder, for example --content content")
	OutputEmpty = msg("output.empty",
		"--out on tyhjä: kerro kansio, johon sivusto kirjoitetaan, esimerkiksi --out public",
		"--out is empty: name the output folder, for example --out public")
	OutputLinkNowhere = msg("output.link-nowhere",
		"--out %s on symbolinen linkki, joka ei johda mihinkään (%s): tee kansio, johon se osoittaa, tai poista linkki",
		"--out %s is a symbolic link that leads nowhere (%s): create the folder it points to, or remove the link")
	OutputLinkNotFolder = msg("output.link-not-folder",
		"--out %s on symbolinen linkki kohteeseen %s, joka ei ole kansio: kerro kansio, esimerkiksi --out public",
		"--out %s is a symbolic link to %s, which is not a folder: name a folder, for example --out public")
	OutputIsFile = msg("output.is-file",
		"--out %s on tiedosto eikä kansio: kerro kansio, johon sivusto kirjoitetaan, esimerkiksi --out public",
		"--out %s is a file, not a folder: name a folder for the built site, for example --out public")
	OutputCannotUse = msg("output.cannot-use",
		"kansiota --out %s ei voi käyttää: %s",
		"--out %s: %s")
	OutputRoot = msg("output.root",
		"--out %s on koko levyn juurikansio: anna sivustolle oma kansio, esimerkiksi --out %s",
		"--out %s is the root folder: name a folder of its own for the built site, for example --out %s")
	OutputHome = msg("output.home",
		"--out %s on kotikansiosi tai sisältää sen: anna sivustolle oma kansio, esimerkiksi --out %s",
		"--out %s is or holds your home folder: name a folder of its own for the built site, for example --out %s")
	OutputWorkDir = msg("output.work-dir",
		"--out %s on kansio, jossa komento ajetaan, tai sisältää sen: anna sivustolle oma kansio, esimerkiksi --out %s",
		"--out %s is or holds the folder you run helminauha in: name a folder of its own for the built site, for example --out %s")
	OutputIsRead = msg("output.is-read",
		"--out %s on sama kansio kuin %s, josta sivusto tehdään: anna sivustolle toinen kansio, esimerkiksi --out %s",
		"--out %s is %s, which the build reads: name another folder, for example --out %s")
	OutputHoldsRead = msg("output.holds-read",
		"--out %s sisältää kansion %s, josta sivusto tehdään: anna sivustolle oma kansio, esimerkiksi --out %s",
		"--out %s holds %s, which the build reads: name a folder of its own, for example --out %s")
	OutputInsideRead = msg("output.inside-read",
		"--out %s on kansion %s sisällä, ja siitä sivusto tehdään: anna kansio sen ulkopuolelta, esimerkiksi --out %s",
		"--out %s lies inside %s, which the build reads: name a folder outside it, for example --out %s")
	OutputLookalike = msg("output.lookalike",
		"kansio %s on nimetty kuin koonnin väliaikainen kansio, mutta koonti ei tehnyt sitä (siinä ei ole tiedostoa .helminauha-staging), joten se jätettiin ennalleen: nimeä se toisin, jos se on sinun",
		"the folder %s is named as a build's temporary folder, but no build made it (it has no file .helminauha-staging), so it was left as it is: rename it if it is yours")
	OutputSpareLookalike = msg("output.spare-lookalike",
		"kansio %s on nimetty kuin koonnin varakansio, johon se säilyttää korvatut tiedostot seuraavaa koontia varten, mutta koonti ei tehnyt sitä (siinä ei ole tiedostoa .helminauha-staging), joten se jätettiin ennalleen eikä varakansiota pidetty: nimeä se toisin, jos se on sinun, tai poista se, jos sen jätti Helminauhan aiempi versio",
		"the folder %s is named as the build's spare folder, where it keeps the files it replaced for the next build, but no build made it (it has no file .helminauha-staging), so it was left as it is and no spare folder was kept: rename it if it is yours, or remove it if an earlier version of Helminauha left it")
	OutputInsideOutput = msg("output.inside-output",
		"--out %s on kansion %s sisällä, ja se on toisen koonnin tulostekansio (siinä on tiedosto .helminauha-files): koonti sinne poistaisi tämän kansion tiedostot tai kieltäytyisi niiden takia, ja kaksi yhtäaikaista koontia sotkisivat toisensa. Anna kansio sen ulkopuolelta, esimerkiksi --out %s",
		"--out %s lies inside %s, the output folder of another build (it holds .helminauha-files): a build there would remove this folder's files or refuse because of them, and two builds at once would get in each other's way. Name a folder outside it, for example --out %s")
	OutputInsideContent = msg("output.inside-content",
		"--out %s on kansion %s sisällä, ja se on portaalin sisältökansio (siinä on site.yaml): tehdyt tiedostot sekoittuisivat sen sisältöön. Anna kansio sen ulkopuolelta, esimerkiksi --out %s",
		"--out %s lies inside %s, a portal's content folder (it holds site.yaml): the built files would mix with its content. Name a folder outside it, for example --out %s")
	OutputCannotMake = msg("output.cannot-make",
		"kansiota %s ei voitu tehdä: %s",
		"cannot make the folder %s: %s")
	OutputCannotStage = msg("output.cannot-stage",
		"kansion %s viereen ei voitu tehdä väliaikaista kansiota: %s",
		"cannot make a folder beside %s: %s")
	// OutputCannotWrite is the output folder itself refusing a new name
	// (a folder of another owner, or read-only), where the first file a
	// commit changes there is the build's own record.
	OutputCannotWrite = msg("output.cannot-write",
		"kansioon %s ei voitu kirjoittaa: %s",
		"cannot write in the folder %s: %s")
	OutputCannotRead = msg("output.cannot-read",
		"kansiota --out %s ei voitu lukea: %s",
		"cannot read the output folder %s: %s")
	OutputStrays = msg("output.strays",
		"kansiossa --out %s on tiedostoja, joita helminauha ei ole kirjoittanut (%s). Build poistaa aiemmin kirjoittamansa tiedostot, ja nämä sekoittuisivat sivustoon: anna tyhjä tai uusi kansio, siirrä tiedostot pois, säilytä ne kirjoittamalla ne site.yaml:n keep-luetteloon tai poista ne valitsimella --clean-out.",
		"--out %s holds files helminauha did not write (%s); a build removes what it wrote before, and these would be mixed with the site: name an empty or new folder, move them away, keep them with keep: in site.yaml, or remove them with --clean-out.")
	OutputStraysOld = msg("output.strays-old",
		"%s Jos kansio on helminauhan vanhemman version tekemä, poista kansio tai aja build kerran valitsimella --clean-out.",
		"%s If it is the output of an earlier version of helminauha, remove the folder or build once with --clean-out.")
	OutputCleanNotSite = msg("output.clean-not-site",
		"kansio --out %s ei näytä verkkosivustolta: siinä ei ole index.html-tiedostoa eikä luetteloa aiemman buildin tiedostoista, joten --clean-out ei poista siitä mitään (%s). Tarkista kansion nimi tai anna tyhjä tai uusi kansio.",
		"--out %s does not look like a website: it has no index.html and no list of an earlier build's files, so --clean-out removes nothing from it (%s). Check the folder's name, or name an empty or new folder.")
	OutputAndMore = msg("output.and-more", "%s ja muita", "%s and more")
	OutputLeaves  = msg("output.leaves",
		"tiedosto %q menisi kohdekansion ulkopuolelle",
		"output path %q leaves the output folder")
	OutputRecordName = msg("output.record-name",
		"%s on nimi, jolla kohdekansio pitää kirjaa tiedostoistaan: nimeä tiedosto toisin",
		"%s is the name of the output folder's record of its files: rename the file")
	OutputKeptOver = msg("output.kept-over",
		"%s korvaisi tiedoston %s, joka säilytetään kohdekansiossa (.git, CNAME, .nojekyll ja site.yaml:n keep-luettelo): nimeä toinen niistä toisin",
		"%s would replace %s, which is kept in the output folder (.git, CNAME, .nojekyll and site.yaml's keep): rename one of them")
	OutputCannotPlace = msg("output.cannot-place",
		"valmista sivustoa ei voitu siirtää kansioon %s: %s",
		"putting %s in place: %s")
	OutputCannotPlaceFile = msg("output.cannot-place-file",
		"tiedostoa %s ei voitu siirtää kansioon %s: %s",
		"putting %s in place in %s: %s")
	OutputCannotRemove = msg("output.cannot-remove",
		"tiedostoa %s ei voitu poistaa kansiosta %s: %s",
		"removing %s from %s: %s")
	// OutputPutBack follows a failure (its first argument) that the
	// rollback of the commit undid whole.
	OutputPutBack = msg("output.put-back",
		"%s. Kansio %s jäi ennalleen.",
		"%s; %s was left as it was")
	OutputStopped = msg("output.stopped",
		"sivuston tekeminen keskeytettiin",
		"the build was stopped")
	// OutputMixed follows a failure (its first argument) that the
	// rollback of the commit could not undo whole.
	OutputMixed = msg("output.mixed",
		"%s. Kansiota %s ei saatu palautettua ennalleen, joten siinä voi nyt olla sekaisin vanhan ja uuden sivuston tiedostoja: näitä ei saatu takaisin (%s): %s. Älä julkaise kansiota tällaisenaan: korjaa syy ja aja build uudelleen, niin se kirjoittaa koko sivuston kansioon.",
		"%s; %s could not be put back as it was, and may now hold a mix of the old site's files and the new one's: these could not be put back (%s): %s. Do not publish the folder as it is: fix the cause and run the build again, which writes the whole site into it.")
	OutputNotFolder = msg("output.not-folder",
		"%s ei ole kansio",
		"%s is not a folder")
	OutputMinifyStatic = msg("output.minify-static",
		"%s-tiedostossa on tässä kohdassa virhe (%s), joten sitä ei voitu tiivistää: korjaa kohta, sillä selainkaan ei luultavasti pysty lukemaan sitä. Jos tiedosto on kunnossa, build --minify=false julkaisee sen sellaisenaan.",
		"the %s file has an error here (%s), so it could not be minified: correct it, as a browser most likely cannot read it either. If the file is fine, build --minify=false publishes it as it is.")
	OutputMinify = msg("output.minify",
		"tiedostoa %s ei voitu tiivistää (%s): tarkista, onko siinä rikkinäistä HTML:ää, CSS:ää tai JavaScriptiä, tai aja build valitsimella --minify=false",
		"minifying %s: %s (look for broken HTML, CSS or JavaScript in it, or build with --minify=false)")
)

// The theme's templates and assets (internal/render).
var (
	RenderCannotReadTemplates = msg("render.cannot-read-templates",
		"teeman mallipohjia ei voi lukea: %s",
		"cannot read the theme's templates: %s")
	RenderNoBase = msg("render.no-base",
		"teemassa ei ole tiedostoa templates/base.html: jokainen sivu tehdään sen kautta",
		"the theme has no templates/base.html: every page is rendered through it")
	RenderNoKind = msg("render.no-kind",
		"teemassa ei ole mallipohjaa sivuille, joiden laji on %s: lisää templates/%s (yksi mallipohja kutakin sivulajia kohti)",
		"the theme has no template for %s pages: add templates/%s (one template per kind, see the render package doc)")
	RenderNoMain = msg("render.no-main",
		"%s ei määrittele sivun sisältöä: kirjoita se lohkoon {{define \"main\"}} … {{end}}",
		"%s does not define the page's content: wrap it in {{define \"main\"}} … {{end}}")
	RenderUnusedTemplate = msg("render.unused-template",
		"mallipohjaa %s ei käytetä: sivujen mallipohjat nimetään sivulajin mukaan (%s), ja yhteiset alkavat merkillä _",
		"the template %s is not used: page templates are named after their kind (%s), shared ones start with _")
	RenderCannotRead = msg("render.cannot-read",
		"tätä ei voi lukea: %s",
		"cannot read: %s")
	RenderAssetSubfolder = msg("render.asset-subfolder",
		"teeman tiedostot luetaan vain kansiosta assets/, ei sen alikansioista: siirrä tämä kansioon static/, niin se kopioidaan sellaisenaan",
		"assets are read from assets/ only, not its subfolders: move it to static/ to copy it as is")
	RenderWholeNecklace = msg("render.whole-necklace",
		"teema lukee tiedostoa oma-helminauha/helmet.json, jossa ovat kaikki helmet: se kirjoitetaan yhä, mutta lukijan puhelin lataa sen kokonaan; ota teemaan sisäänrakennetun teeman necklace.html ja oma-helminauha.js, jotka lataavat vain tarvittavat osat (oma-helminauha/helmet/)",
		"the theme reads oma-helminauha/helmet.json, every pearl in one file: it is still written, but a reader's phone downloads all of it; take the built-in theme's necklace.html and oma-helminauha.js, which fetch only the parts needed (oma-helminauha/helmet/)")
	RenderNoAsset = msg("render.no-asset",
		"teemassa ei ole tiedostoa %q kansiossa assets/: lisää se sinne tai korjaa nimi mallipohjassa",
		"the theme has no asset %q in assets/: add it there, or correct the name in the template")
	RenderCannotReadTheme = msg("render.cannot-read-theme",
		"teemaa ei voi lukea: %s",
		"cannot read the theme: %s")
	RenderNoStyle = msg("render.no-style",
		"teemassa ei ole tiedostoa assets/style.css: jokainen sivu linkittää siihen",
		"the theme has no assets/style.css: the layout links it on every page")
	RenderLayoutBroken = msg("render.layout-broken",
		"useimmat sivujen mallipohjat rikkovat html/templaten merkintöjen suojauksen, joten vika on tiedostossa base.html tai yhteisessä osassa (etsi sulkematonta lainausmerkkiä tai tagia tai toimintoa <script>-lohkon sisällä): %s",
		"most page templates fail html/template's escaping, so the fault is in base.html or a partial (look for an unclosed quote or tag, or an action inside <script>): %s")
	RenderPageBroken = msg("render.page-broken",
		"sivun HTML jää rikki (etsi sulkematonta lainausmerkkiä tai tagia): html/template huomasi sen tiedostossa %s: %s",
		"the page's HTML is left broken (look for an unclosed quote or tag): html/template noticed it in %s: %s")
	RenderTemplate = msg("render.template",
		"mallipohjassa on virhe: %s",
		"%s")
)

// The preview server: its terminal log and the error overlay in the
// browser (internal/server).
var (
	ServeServing = msg("serve.serving",
		"Esikatselu osoitteessa %s (luonnokset näkyvät; Ctrl-C lopettaa)",
		"Serving the portal at %s (drafts shown; Ctrl-C stops)")
	ServeReachable = msg("serve.reachable",
		"Huom.: %s näkyy myös muille koneille, luonnokset mukaan lukien",
		"Note: %s is reachable from other machines, drafts included")
	ServeFailedNoGood = msg("serve.failed-no-good",
		"%ssivustoa ei voitu rakentaa (%s): onnistunutta versiota ei vielä ole, joten selain näyttää virheet, kunnes ne on korjattu",
		"%sbuild failed (%s): there is no good version to serve yet; the browser shows the errors until they are fixed")
	ServeFailedGood = msg("serve.failed-good",
		"%ssivustoa ei voitu rakentaa (%s): selain näyttää yhä viimeisimmän onnistuneen version",
		"%sbuild failed (%s): still serving the last good version")
	ServeMoreWarnings = msgVar("serve.more-warnings", 1,
		plural.Selectf(1, "%d", "one", "ja %d varoitus lisää (helminauha check näyttää sen)", "other", "ja %d varoitusta lisää (helminauha check luettelee ne)"),
		plural.Selectf(1, "%d", "one", "and %d more warning (helminauha check shows it)", "other", "and %d more warnings (helminauha check lists them)"))
	ServeWarningsGone = msgVar("serve.warnings-gone", 1,
		plural.Selectf(1, "%d", "one", "%d varoitus poistui", "other", "%d varoitusta poistui"),
		plural.Selectf(1, "%d", "one", "%d warning gone", "other", "%d warnings gone"))
	ServeBuilt = msg("serve.built",
		"Tehtiin %s ajassa %s",
		"Built %s in %s")
	ServeRebuilt = msg("serve.rebuilt",
		"%späivitetty ajassa %s, uudelleen tehtiin %s",
		"%srebuilt in %s, %s rendered")
	ServeChanges  = msg("serve.changes", "muutoksia: ", "changes: ")
	ServeChanged  = msg("serve.changed", "%s muuttui: ", "%s changed: ")
	ServeNChanges = msg("serve.n-changes", "%d muutosta: ", "%d changes: ")
	ServeReplaced = msg("serve.replaced",
		"kansio %s vaihtui: luetaan uusi kansio",
		"%s was replaced: reading the new folder")
	ServeFolderRemoved = msg("serve.folder-removed",
		"kansio poistettiin",
		"the folder was removed")
	ServeNotFolderNow = msg("serve.not-folder-now",
		"tämä ei ole enää kansio",
		"it is not a folder any more")
	ReadCannotOpenFolder = msg("read.cannot-open-folder",
		"kansiota %s ei voi avata: %s",
		"cannot open the folder %s: %s")
	ServeCannotWatch = msg("serve.cannot-watch",
		"kansion %s muutoksia ei voi seurata: %s",
		"cannot watch %s for changes: %s")
	ServeWatchLimit = msg("serve.watch-limit",
		"kansion %s muutoksia ei voi seurata, koska järjestelmän raja %s on täynnä: esikatselu näyttää sivuston sellaisena kuin se on tehty, mutta ei siellä tallennettuja muutoksia. Sulje muita tiedostoja seuraavia ohjelmia (toinen esikatselu, editori, synkronointi) tai nosta rajaa (sudo sysctl %s) ja käynnistä esikatselu uudelleen",
		"cannot watch %s for changes: the system's limit %s is used up, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl %s), then start serve again")
	ServeWatchFiles = msg("serve.watch-files",
		"kansion %s muutoksia ei voi seurata, koska järjestelmän raja ohjelman avoimille tiedostoille (%s) on täynnä: jokainen seurattu kansio ja tiedosto vie yhden. Esikatselu näyttää sivuston sellaisena kuin se on tehty, mutta ei siellä tallennettuja muutoksia. Sulje muita tiedostoja seuraavia ohjelmia (toinen esikatselu, editori, synkronointi) tai nosta rajaa (sudo sysctl %s) ja käynnistä esikatselu uudelleen",
		"cannot watch %s for changes: the system's limit on a program's open files (%s) is used up, and each watched folder and file takes one, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl %s), then start serve again")
	ServeWatchParent = msg("serve.watch-parent",
		"kansion %s muutoksia ei voi seurata (%s): esikatselu ei huomaa, jos kansion %s tilalle tehdään uusi",
		"cannot watch %s (%s): a new %s folder made in its place will not be seen")
	ServeWatchError = msg("serve.watch-error",
		"muutosten seuraamisessa tapahtui virhe (%s): koko sivusto tehdään uudelleen",
		"watching for changes failed (%s): rebuilding everything")
	ServeSearchFailed = msg("serve.search-failed",
		"hakua ei voitu päivittää (%s): haku löytää sivut sellaisina kuin ne olivat ennen viimeistä tallennusta",
		"the search index could not be updated (%s): search finds the pages as they were before the last save")
	ServeAddrInUse = msg("serve.addr-in-use",
		"osoite %s on jo käytössä: esikatselu on ehkä jo käynnissä toisessa ikkunassa. Lopeta se siellä painamalla Ctrl-C tai valitse toinen portti, esimerkiksi %s",
		"the address %s is in use: perhaps serve runs in another window already. Stop it there with Ctrl-C, or choose another port, for example %s")
	ServeAddrDenied = msg("serve.addr-denied",
		"osoitetta %s ei saa käyttää: alle 1024:n portit vaativat ylläpitäjän oikeudet, joten valitse isompi, esimerkiksi %s",
		"the address %s is not allowed: ports below 1024 need administrator rights, so choose a higher one, for example %s")
	ServeAddrNoPort = msg("serve.addr-no-port",
		"osoitteesta %s puuttuu portti: kirjoita kone ja portti kaksoispisteen molemmin puolin, esimerkiksi %s",
		"the address %s has no port: write the host and the port with a colon between, for example %s")
	ServeAddrURL = msg("serve.addr-url",
		"%s on verkko-osoite: kirjoita osoitteeksi vain kone ja portti ilman alkua http:// ja kauttaviivoja, esimerkiksi %s",
		"%s is a web address: give only the host and the port, without http:// and slashes, for example %s")
	ServeAddrBadPort = msg("serve.addr-bad-port",
		"osoitteen %s portti %q ei kelpaa: portti on luku 1–65535, esimerkiksi %s",
		"the address %s has the port %q, which is not one: a port is a number from 1 to 65535, for example %s")
	ServeAddrIPv6 = msg("serve.addr-ipv6",
		"%s on IPv6-osoite: kirjoita se hakasulkeisiin ja portti perään, esimerkiksi %s",
		"%s is an IPv6 address: write it in brackets with the port after them, for example %s")
	ServeAddrNoHost = msg("serve.addr-no-host",
		"konetta %q ei löydy: kirjoita tämän koneen nimi tai osoite, esimerkiksi %s",
		"no machine named %q can be found: write a name or an address of this machine, for example %s")
	ServeAddrNotHere = msg("serve.addr-not-here",
		"%s ei ole tämän koneen osoite: esikatselu voi kuunnella vain koneen omissa osoitteissa, esimerkiksi %s",
		"%s is not an address of this machine: serve can listen only at the machine's own addresses, for example %s")
	ServeAddrForm = msg("serve.addr-form",
		"osoite %s ei ole muotoa kone:portti: kirjoita esimerkiksi %s",
		"%s is not of the form host:port: write, for example, %s")
	ServeAddrBad = msg("serve.addr-bad",
		"osoitteessa %s ei voi aloittaa esikatselua (%s): kirjoita osoite muodossa kone:portti, esimerkiksi %s",
		"cannot serve at %s (%s): write the address as host:port, for example %s")
	ServeFolderGone = msg("serve.folder-gone",
		"%s: tee kansio uudelleen tai lopeta esikatselu painamalla Ctrl-C",
		"%s: make it again, or stop serve with Ctrl-C")
	ServeHostRefused = msg("serve.host-refused",
		"pyyntö nimelle %q torjuttiin: avaa portaali yllä olevasta osoitteesta tai salli nimi valitsimella --allow-host %q",
		"refused a request for host %q: open the portal at the address above, or allow the name with --allow-host %q")
	ServeHostRefusedPage = msg("serve.host-refused-page",
		"Nimi %q ei ole sallittu: avaa sivusto osoitteella, jonka helminauha serve näyttää, tai salli nimi: helminauha serve --allow-host %q",
		"The host name %q is not allowed: open the portal at the address helminauha serve prints, or allow the name with helminauha serve --allow-host %q")
	ServeNotFound = msg("serve.not-found", "Sivua ei löydy", "Page not found")
	ServeBadPath  = msg("serve.bad-path",
		"Osoitteessa on jotain, mitä sivuston osoitteissa ei ole (.., koodattu piste tai kauttaviiva, kenoviiva tai NUL)",
		"The address has what no address of the site has (.., an encoded dot or slash, a backslash or NUL)")
	ServeMethod = msg("serve.method",
		"Esikatselu vastaa vain pyyntöihin GET ja HEAD",
		"serve answers only GET and HEAD")
	ServeStopping = msg("serve.stopping",
		"Esikatselu on sulkeutumassa",
		"serve is stopping")
	OverlayClose   = msg("overlay.close", "Sulje", "Close")
	OverlayHeading = msgVar("overlay.heading", 1,
		plural.Selectf(1, "%d", "one", "Sivustoa ei voitu rakentaa: %d virhe", "other", "Sivustoa ei voitu rakentaa: %d virhettä"),
		plural.Selectf(1, "%d", "one", "The portal could not be built: %d error", "other", "The portal could not be built: %d errors"))
	OverlayGood = msg("overlay.good",
		"Näet viimeisimmän onnistuneen version. Korjaa virhe ja tallenna, niin sivu päivittyy.",
		"You see the last good version. Fix the error and save, and the page reloads.")
	OverlayNoGood = msg("overlay.no-good",
		"Sivustosta ei ole vielä yhtään onnistunutta versiota. Korjaa virhe ja tallenna, niin sivu päivittyy.",
		"The portal has not been built yet: fix the errors below and save, and this page reloads.")
	OverlayMore = msgVar("overlay.more", 1,
		plural.Selectf(1, "%d", "one", "… ja vielä %d virhe (kaikki: helminauha check)", "other", "… ja %d muuta virhettä (kaikki: helminauha check)"),
		plural.Selectf(1, "%d", "one", "… and %d more error (all of them: helminauha check)", "other", "… and %d more errors (all of them: helminauha check)"))
	NoSiteTitle = msg("nosite.title", "Sivustoa ei voitu rakentaa", "The portal could not be built")
	NoSiteText  = msg("nosite.text",
		"Virheet näkyvät alla ja päätteessä, jossa helminauha serve on käynnissä.",
		"The errors are below and in the terminal running helminauha serve.")
)

// Words that other messages put in their sentences.
var (
	DidYouMean = msg("word.did-you-mean", " (tarkoititko %q?)", " (did you mean %q?)")
	MeantList  = msg("word.meant-list", " (kirjoita arvot luetteloksi: %s)", " (write the values as a list: %s)")
	MeantOne   = msg("word.meant-one", " (helmellä on yksi laji: valitse yksi näistä: %s)", " (a pearl has one kind: choose one of %s)")
	// What the value of a required key is (ContentKeyMissingValue).
	ValueOneOf  = msg("word.value-one-of", "jokin näistä: %s", "one of %s")
	ValueDate   = msg("word.value-date", "päivämäärä muodossa VVVV-KK-PP, esimerkiksi 2026-03-15", "a date written YYYY-MM-DD, such as 2026-03-15")
	ValueWeight = msg("word.value-weight", "kokonaisluku, joka kertoo paikan järjestyksessä: pienin ensin, esimerkiksi 3", "a whole number that gives the place in the order, smallest first, such as 3")
	ValueArea   = msg("word.value-area", "teema-alueen tunniste: sen tiedoston nimi kansiossa teemat/ ilman päätettä .md", "a theme area's slug: the name of its file in teemat/ without .md")
	ValueAreas  = msg("word.value-areas", "luettelo teema-alueiden tunnisteista (tiedostojen nimet kansiossa teemat/ ilman päätettä .md) hakasulkeissa, esimerkiksi [tunniste1, tunniste2]", "a list of theme areas' slugs (the names of their files in teemat/ without .md) in brackets, such as [slug1, slug2]")
	DescList    = msg("word.list", "luettelo", "a list")
	DescGroup   = msg("word.group", "sisennetty ryhmä asetuksia", "a group of keys")
	DescText    = msg("word.text", "teksti %q", "the text %q")
	DescDate    = msg("word.date", "päivämäärä", "a date")
	DescNothing = msg("word.nothing", "ei mitään", "nothing")
	DescValue   = msg("word.value", "arvo %v", "%v")
	DescNumber  = msg("word.number", "luku %v", "the number %v")
)

// The content folder and its files (internal/content).
var (
	ContentNoPages = msg("content.no-pages",
		"sivuja ei löytynyt: kirjoita sivut sisältökansion kansioihin teemat, helmet, caset, opas ja sivut, tai jos kansio on väärä, anna oikea: --content KANSIO (katso ohje toimittajalle)",
		"no pages found: write the pages into the content folder's folders teemat, helmet, caset, opas and sivut, or, if this is the wrong folder, give the right one: --content DIR")
	ContentCannotRead = msg("content.cannot-read",
		"tätä ei voi lukea: %s",
		"cannot read: %s")
	ContentCannotReadFolder = msg("content.cannot-read-folder",
		"sisältökansiota ei voi lukea: %s",
		"cannot read the content folder: %s")
	ContentCannotReadFile = msg("content.cannot-read-file",
		"tiedostoa ei voi lukea: %s",
		"cannot read the file: %s")
	ContentBrokenLink = msg("content.broken-symlink",
		"tämä symbolinen linkki ei johda mihinkään (%s): poista se tai osoita sillä olemassa olevaan tiedostoon",
		"this symbolic link leads nowhere (%s): remove it or point it at an existing file")
	ContentLinkLoop = msg("content.symlink-loop",
		"tämä symbolinen linkki kiertää kehää: se osoittaa kohteeseen %q, ja sitä seuraamalla päädytään (suoraan tai toisten linkkien kautta) takaisin samaan linkkiin tai kansioon, jossa linkki on, eikä koskaan tiedostoon: poista linkki tai tallenna sen paikalle tiedosto itse",
		"this symbolic link goes round in a loop: it points at %q, and following it leads (at once or through other links) back to a link on the way or to a folder the link is in, never to a file: remove the link, or save the file itself in its place")
	ContentLinkedFolder = msg("content.linked-folder",
		"tämä on symbolinen linkki kansioon, eikä linkitettyjä kansioita lueta (ne voivat kiertää kehää): kopioi tiedostot sisältökansioon",
		"this is a symbolic link to a folder, and linked folders are not read (they can loop): copy the files into the content folder instead")
	ContentSubfolder = msg("content.subfolder",
		"kansio %q ei kuulu sisällön rakenteeseen: siirrä sen tiedostot suoraan kansioon %s/",
		"folder %q is not part of the content format: move its files into %s/")
	ContentUnknownFolder = msg("content.unknown-folder",
		"tuntematon kansio %q: sisällön kansiot ovat teemat, helmet, caset, opas, sivut ja static",
		"unknown folder %q: use teemat, helmet, caset, opas, sivut or static")
	ContentUnlistedLanguage = msg("content.unlisted-language",
		"kansio %[1]q on kuin käännöksen kansio, mutta site.yaml ei nimeä kieltä %[1]q: lisää se site.yaml-tiedoston kohtaan languages (languages: {%[1]s: {title: …, description: …}}) tai siirrä kansion tiedostot portaalin omiin kansioihin",
		"folder %[1]q is like a translation's folder, but site.yaml names no language %[1]q: add it to site.yaml's languages (languages: {%[1]s: {title: …, description: …}}) or move the folder's files into the portal's own folders")
	ContentDefaultLanguageFolder = msg("content.default-language-folder",
		"kansio %[1]q on kuin käännöksen kansio, mutta %[1]s on portaalin oletuskieli, jonka sivut ovat sisältökansion omissa kansioissa: siirrä kansion tiedostot niihin (%[1]s/helmet/x.md kansioon helmet/x.md)",
		"folder %[1]q is like a translation's folder, but %[1]s is the portal's default language, whose pages are in the content folder's own folders: move the folder's files into them (%[1]s/helmet/x.md to helmet/x.md)")
	ContentHiddenFile = msg("content.hidden-file",
		"tiedostoa %s ei julkaista: nimi alkaa pisteellä kuten piilotiedostojen (.env, .htaccess), eikä niitä julkaista vahingossa; kansiosta static julkaistaan pisteellä alkavista vain kansio .well-known. Poista tiedosto tai anna sille nimi, joka ei ala pisteellä",
		"the file %s is not published: its name starts with a dot, as hidden files' names do (.env, .htaccess), and these are never published by mistake; of such names under static/ only the folder .well-known is published. Remove the file or give it a name that does not start with a dot")
	ContentHiddenPage = msg("content.hidden-page",
		"sivua %s ei julkaista: nimi alkaa pisteellä kuten piilotiedostojen; jos se on luonnos, nimeä se %s ja kirjoita sen alun asetuksiin draft: true, muuten poista se",
		"the page %s is not published: its name starts with a dot, as hidden files' names do; if it is a draft, name it %s and write draft: true in its front matter, else remove it")
	ContentHiddenFolder = msg("content.hidden-folder",
		"kansiota %s ei julkaista: nimi alkaa pisteellä kuten piilokansioiden (.git), eikä niitä julkaista vahingossa; kansiosta static julkaistaan pisteellä alkavista vain kansio .well-known. Poista kansio tai anna sille nimi, joka ei ala pisteellä",
		"the folder %s is not published: its name starts with a dot, as hidden folders' names do (.git), and these are never published by mistake; of such names under static/ only the folder .well-known is published. Remove the folder or give it a name that does not start with a dot")
	ContentStrayFile = msg("content.stray-file",
		"tämä tiedosto ei kuulu portaaliin: vain site.yaml ja kansiot teemat, helmet, caset, opas, sivut ja static luetaan",
		"this file is not part of the portal: only site.yaml and the folders teemat, helmet, caset, opas, sivut and static are read")
	ContentPageAtRoot = msg("content.page-at-root",
		"tämä sivu on sisältökansiossa itsessään, josta sivuja ei lueta, joten sitä ei julkaistaisi: siirrä se kansioon, johon sen laji kuuluu, %s",
		"this page is in the content folder itself, where no page is read, so it would not be published: move it to the folder of its kind, %s")
	ContentPageFolders = msg("content.page-folders",
		"yksi kansioista teemat, helmet, caset, opas ja sivut",
		"one of teemat, helmet, caset, opas and sivut")
	ContentPageNotMD = msg("content.page-not-md",
		"tiedoston nimi %q ei pääty .md, joten sitä ei luettaisi sivuksi: nimeä se %s",
		"the file name %q does not end in .md, so it would not be read as a page: rename it %s")
	ContentNotMarkdown = msg("content.not-markdown",
		"tämä ei ole Markdown-tiedosto, joten se jätetään pois: sivujen nimet päättyvät .md, ja kuvat ja liitteet kuuluvat kansioon static/",
		"not a Markdown file, so it is left out: pages end in .md, and images and attachments go under static/")
	ContentStaticNotImage = msg("content.static-not-image",
		"tiedoston nimi päättyy %s kuin kuvan, mutta tiedosto on %s, joten selain ei näytä sitä kuvana: tallenna kuva uudelleen kuvaohjelmassa (tai lataa se uudelleen) ja korvaa tämä tiedosto sillä",
		"the file's name ends in %s like an image's, but the file is %s, so a browser will not show it as an image: save the image again from an image program (or download it again) and replace this file with it")
	ContentStaticOtherImage = msg("content.static-other-image",
		"tiedoston nimi päättyy %s, mutta se on %s-kuva: nimeä se %s ja korjaa linkit siihen, tai tallenna kuva uudelleen %s-muodossa",
		"the file's name ends in %s, but it is a %s image: rename it %s and correct the links to it, or save the image again as %s")
	ContentStaticSVGScript = msg("content.static-svg-script",
		"SVG-kuvassa on %s, jonka selain suorittaa, kun kuva avataan omaan välilehteensä: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten kuvaa ei julkaista: poista se kuvasta tekstieditorissa tai tallenna kuva PNG-muodossa",
		"the SVG image holds %s, which a browser runs when the image is opened in a tab of its own: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the image is not published: remove it from the image in a text editor, or save the image as PNG")
	ContentStaticDocScript = msg("content.static-doc-script",
		"tiedostossa on %s, jonka selain suorittaa, kun tiedosto avataan: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten tiedostoa ei julkaista: poista se tiedostosta tekstieditorissa, tai julkaise sisältö sivuna (Markdown) tai PDF-tiedostona",
		"the file holds %s, which a browser runs when the file is opened: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the file is not published: remove it from the file in a text editor, or publish the content as a page (Markdown) or a PDF file")
	ContentStaticXSLStylesheet = msg("content.static-xsl-stylesheet",
		"tiedosto nimeää XSL-tyylisivun %q (<?xml-stylesheet?>), jonka ohjeilla selain muuntaa tiedoston sivuksi: sivun skriptit pääsisivät portaalin osoitteessa käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), eikä niitä voi tarkistaa etukäteen, joten tiedostoa ei julkaista: poista <?xml-stylesheet?>-rivi tiedostosta tekstieditorissa, tai julkaise sisältö sivuna (Markdown) tai PDF-tiedostona",
		"the file names the XSL stylesheet %q (<?xml-stylesheet?>), by which a browser turns the file into a page: its scripts could reach, at the portal's address, what readers keep in their browsers (their own necklace, worksheet answers), and they cannot be checked beforehand, so the file is not published: remove the <?xml-stylesheet?> line from the file in a text editor, or publish the content as a page (Markdown) or a PDF file")
	ContentStaticSVGZScript = msg("content.static-svgz-script",
		"pakatussa SVG-kuvassa (.svgz) on %s, jonka selain suorittaa, kun kuva avataan omaan välilehteensä: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten kuvaa ei julkaista: pura kuva (gunzip), poista se kuvasta tekstieditorissa ja tallenna kuva .svg-tiedostona, tai tallenna kuva PNG-muodossa",
		"the compressed SVG image (.svgz) holds %s, which a browser runs when the image is opened in a tab of its own: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the image is not published: unpack the image (gunzip), remove it from the image in a text editor and save the image as .svg, or save the image as PNG")
	ContentStaticSVGZTooLarge = msg("content.static-svgz-too-large",
		"pakattu SVG-kuva (.svgz) purkautuu yli %d megatavuksi, joten sitä ei voi tarkistaa eikä se avautuisi lukijan puhelimessa: tallenna kuva pienempänä tai PNG-muodossa",
		"the compressed SVG image (.svgz) unpacks to more than %d MB, so it cannot be checked and would not open on a reader's phone: save the image smaller or as PNG")
	ContentValueTooLong = msg("content.value-too-long",
		"asetuksen %q arvo on %d merkkiä pitkä, kun enintään %d sopii: se toistuu jokaisella sivulla, joka sen näyttää (valikot, luettelot, haku), joten pitkä teksti paisuttaisi koko sivuston; lyhennä se",
		"the value of %q is %d characters long, where at most %d fit: it is repeated on every page that shows it (menus, lists, search), so a long text would swell the whole site; shorten it")
	ContentTooLarge = msg("content.too-large",
		"tiedosto on %.1f Mt, enemmän kuin sivu saa olla (%d Mt): jaa se useaksi sivuksi ja laita isot liitteet kansioon static/",
		"the file is %.1f MB, more than a page may be (%d MB): split it into several pages, and put large attachments under static/")
	ContentEmpty = msg("content.empty",
		"tiedosto on tyhjä: aloita se asetuksilla, jotka kirjoitetaan kahden rivin --- väliin (title: ...), tai poista tiedosto",
		"the file is empty: start it with front matter between --- lines (title: ...), or delete it")
	ContentNoFrontMatter = msg("content.no-front-matter",
		"tiedoston alussa ei ole asetuksia: kirjoita ensimmäiselle riville ---, sen alle asetukset (title: ...) ja niiden perään taas rivi ---",
		"the file has no front matter: start it with a line ---, then the keys (title: ...), then another --- line")
	ContentSlugTooLong = msg("content.slug-too-long",
		"tiedoston nimi %q on %d merkkiä pitkä: nimessä saa olla enintään %d merkkiä, joten lyhennä se muutamaan sanaan, esimerkiksi oma-helmi.md",
		"file name %q is %d characters long: a name may be at most %d characters, shorten it to a few words such as oma-helmi.md")
	ContentSlugNoLetters = msg("content.slug-no-letters",
		"tiedoston nimestä %q ei saa verkko-osoitetta: nimeä tiedosto pienillä kirjaimilla a–z, numeroilla ja väliviivoilla, esimerkiksi oma-helmi.md",
		"file name %q cannot become a web address: name the file with lowercase letters a–z, digits and hyphens, such as oma-helmi.md")
	ContentSlugWindows = msg("content.slug-windows",
		"tiedoston nimi %q on Windowsissa varattu laitteelle, eikä sellaista tiedostoa voi avata Windows-koneella: nimeä se toisin, esimerkiksi %s",
		"file name %q is a name Windows keeps for a device, and such a file cannot be opened on a Windows machine: rename it, for example %s")
	ContentWindowsName = msg("content.windows-name",
		"nimi %q ei voi olla tiedoston nimi Windowsissa (laitteen nimi kuten con tai aux, jokin merkeistä < > : \" | ? * \\, ohjausmerkki kuten rivinvaihto tai sarkain, tai piste tai välilyönti lopussa), eikä portaalin kansiota voi silloin hakea Windows-koneelle: nimeä se toisin",
		"the name %q cannot be a file on Windows (a device name such as con or aux, one of < > : \" | ? * \\, a control character such as a line break or a tab, or a dot or a space at the end), so the portal cannot be checked out on a Windows machine: rename it")
	ContentStaticPathTooLong = msg("content.static-path-too-long",
		"polku kansiossa static on %d merkkiä pitkä, kun enintään %d sopii: Windows ei avaa pidempiä polkuja, eikä niin pitkää osoitetta kukaan kirjoita; lyhennä kansioiden tai tiedoston nimiä tai siirrä se ylemmäs",
		"the path under static/ is %d characters long, more than the %d that fit: Windows opens no longer path, and nobody types such an address; shorten the names of the folders or the file, or move it up")
	ContentDecomposedName = msg("content.decomposed-name",
		"nimessä %q jokin kirjain, kuten ä, on tallennettu kahtena merkkinä (a ja erilliset pisteet, kuten osa Macin ohjelmista tallentaa): linkissä kirjoitettu nimi ei silloin löydä tiedostoa verkossa, vaikka näyttää samalta; nimeä se uudelleen kirjoittamalla nimi näppäimistöltä, %s",
		"in the name %q a letter such as ä is stored as two characters (a and separate dots, as some Mac tools store it): a name typed in a link then does not find the file on the web, though it looks the same; rename it by typing the name on the keyboard, %s")
	ContentSlugBad = msg("content.slug-bad",
		"tiedoston nimessä %q saa olla vain pieniä kirjaimia a–z, numeroita ja väliviivoja (ei ä:tä, ö:tä, isoja kirjaimia eikä välilyöntejä): nimeä se %s",
		"file name %q may hold only lowercase letters a–z, digits and hyphens (no ä, ö, capitals or spaces): rename it %s")
	ContentKeyMisspelt = msg("content.key-misspelt",
		"pakollinen asetus %q puuttuu, mutta tällä rivillä on %q: kirjoita avain muodossa %s",
		"required key %q is missing, but this line has %q: write the key as %s")
	ContentPearlInFolder = msg("content.pearl-in-folder",
		"tiedosto on kansiossa %s/, mutta siinä on helmen asetukset theme ja kind: siirrä se helmien kansioon, %s",
		"the file is in %s/, but it has a pearl's keys theme and kind: move it to the pearls' folder, %s")
	ContentCaseInFolder = msg("content.case-in-folder",
		"tiedosto on kansiossa %s/, mutta siinä on tapausesimerkin asetukset organization ja themes: siirrä se tapausesimerkkien kansioon, %s",
		"the file is in %s/, but it has a case example's keys organization and themes: move it to the case examples' folder, %s")
	ContentKeyMissing = msg("content.key-missing",
		"pakollinen asetus %q puuttuu: lisää tiedoston alun asetuksiin (rivien --- väliin) rivi `%s: ...`",
		"required key %q is missing: add a line `%s: ...` to the front matter")
	// ContentKeyMissingValue is ContentKeyMissing for a key whose value
	// an editor cannot guess from its name: what to write after it.
	ContentKeyMissingValue = msg("content.key-missing-value",
		"pakollinen asetus %q puuttuu: lisää tiedoston alun asetuksiin (rivien --- väliin) rivi `%s: ...`, jossa ... on %s",
		"required key %q is missing: add a line `%s: ...` to the front matter, where ... is %s")
	ContentControl = msg("content.control",
		"asetuksen %q arvossa on näkymätön ohjausmerkki %U (lainausmerkeissä kenoviivalla kirjoitettu, kuten \\0 tai \\e): poista se",
		"the value of %q holds an invisible control character %U (written with a backslash in double quotes, such as \\0 or \\e): delete it")
	ContentNotText = msg("content.not-text",
		"asetuksen %q arvon pitää olla tekstiä, ei %s: kirjoita se samalle riville `%s:`-sanan perään",
		"%q must be text, not %s: write it on one line after `%s:`")
	ContentEmptyValue = msg("content.empty-value",
		"asetus %q on tyhjä: kirjoita arvo `%s:`-sanan perään",
		"%q is empty: write a value after `%s:`")
	ContentNotNumber = msg("content.not-number",
		"asetuksen %q arvon pitää olla kokonaisluku, esimerkiksi `%s: 3`, ei %s",
		"%q must be a whole number such as `%s: 3`, not %s")
	ContentNotBool = msg("content.not-bool",
		"asetuksen %q arvo on true (kyllä) tai false (ei), ei %s",
		"%q must be true or false, not %s")
	ContentBadColor = msg("content.bad-color",
		"asetuksen %q arvon pitää olla väri muodossa \"#1f6f8b\" (lainausmerkeissä), ei %q",
		"%q must be a colour in the form \"#1f6f8b\" (in quotes), not %q")
	ContentNoSuchDate = msg("content.no-such-date",
		"asetus %q: päivää %s ei ole olemassa: tarkista kuukausi (01–12) ja päivä",
		"%q: %s is not a real date: check the month (01–12) and the day")
	ContentDateFar = msg("content.date-far",
		"asetuksen %q päivämäärän %s vuosi ei ole väliltä 1900–2100: tarkista se, sillä uusimpien luettelot ja syöte järjestävät sivut päivämäärän mukaan",
		"%q: the year of %s is not within 1900–2100: check it, since the lists of the newest and the feed order pages by date")
	ContentChapterNumbered = msg("content.chapter-numbered",
		"luvun otsikko alkaa numerolla %q: opas numeroi lukunsa itse (Luku 1, Luku 2 …), joten poista numero, ettei se näy kahdesti tai eri numerona kuin luvun paikka",
		"the chapter's title starts with the number %q: the guide numbers its chapters itself, so remove it, lest it show twice or differ from the chapter's place")
	ContentDateForm = msg("content.date-form",
		"asetuksen %q päivämäärä kirjoitetaan muodossa VVVV-KK-PP: kirjoita %s, ei %q",
		"%q must be a date in the form YYYY-MM-DD: write %s, not %q")
	ContentDateExample = msg("content.date-example",
		"asetuksen %q päivämäärä kirjoitetaan muodossa VVVV-KK-PP, esimerkiksi 2022-06-01, ei %q",
		"%q must be a date in the form YYYY-MM-DD, for example 2022-06-01, not %q")
	ContentDateNotText = msg("content.date-not-text",
		"asetuksen %q päivämäärä kirjoitetaan muodossa VVVV-KK-PP, esimerkiksi 2022-06-01, ei %s",
		"%q must be a date in the form YYYY-MM-DD, for example 2022-06-01, not %s")
	ContentListNoBrackets = msg("content.list-no-brackets",
		"asetus %q on luettelo: kirjoita arvot hakasulkeisiin, [%s]",
		"%q must be a list: write it in brackets, [%s]")
	ContentTextYesNo = msg("content.text-yes-no",
		"asetuksen %q arvo luettiin totuusarvoksi %v: YAML lukee sanat y, n, yes, no, on, off, true ja false totuusarvoiksi, joten kirjoita teksti lainausmerkkeihin, %s: \"%s\"",
		"the value of %q was read as %v: YAML takes y, n, yes, no, on, off, true and false for true and false, so put the text in quotes, %s: \"%s\"")
	ContentListYesNo = msg("content.list-yes-no",
		"asetuksen %q sana luettiin arvoksi %v: YAML lukee sanat y, n, yes, no, on ja off arvoiksi true ja false, joten kirjoita sana lainausmerkkeihin, [\"%s\"]",
		"an item of %q was read as %v: YAML takes y, n, yes, no, on and off for true and false, so put the word in quotes, [\"%s\"]")
	ContentListItem = msg("content.list-item",
		"asetus %q on luettelo sanoja, esimerkiksi [a, b], mutta yksi sen kohdista on %s",
		"%q must be a list of words such as [a, b], but an item is %s")
	ContentNotList = msg("content.not-list",
		"asetus %q on luettelo, esimerkiksi [a, b], ei %s",
		"%q must be a list such as [a, b], not %s")
	ContentEmptyList = msg("content.empty-list",
		"asetus %q on tyhjä: kirjoita hakasulkeisiin vähintään yksi arvo, [a]",
		"%q is empty: list at least one value in brackets, [a]")
	ContentUnknownValue = msg("content.unknown-value",
		"asetuksen %s arvoa %q ei tunneta%s: kirjoita jokin näistä: %s",
		"unknown %s %q%s: use one of %s")
	ContentUnknownKey = msg("content.unknown-key",
		"tuntematon asetus %q%s: se välitetään teemalle, mutta portaali ei käytä sitä",
		"unknown key %q%s: it is kept for the theme, but the generator does not read it")
	ContentTooManyKeys = msg("content.too-many-keys",
		"asetuksissa on %d avainta, joita portaali ei tunne, kun enintään %d sopii: poista ylimääräiset (ensimmäinen on tällä rivillä)",
		"the settings have %d keys the generator does not know, more than the %d that fit: remove the extra ones (the first is on this line)")
)

// GeneratedFolders say what the portal writes in each folder of the site
// it fills with files of its own (SiteStaticInGenerated), by the folder.
var GeneratedFolders = map[string]*Message{
	"haku":           msg("word.search-folder", "hakusivu ja sen hakemisto", "the search page and its index"),
	"oma-helminauha": msg("word.necklace-folder", "oma helminauha -sivu ja sen tiedot", "the own-necklace page and its data"),
}

// NotImageKinds say what a file under static/ named as an image is
// instead (ContentStaticNotImage), by the media type its first bytes
// tell ("" for an empty file); NotImageOther any other.
var NotImageKinds = map[string]*Message{
	"text/html":       msg("word.html-page", "HTML-sivu (usein virhesivu, joka tallentui kuvan sijaan)", "an HTML page (often an error page saved instead of the image)"),
	"application/zip": msg("word.office-file", "Word-, Excel- tai PowerPoint-tiedosto tai ZIP-paketti", "a Word, Excel or PowerPoint file or a ZIP archive"),
	"application/pdf": msg("word.pdf-file", "PDF-tiedosto", "a PDF file"),
	"text/plain":      msg("word.text-file", "tekstitiedosto", "a text file"),
	"":                msg("word.empty-file", "tyhjä", "empty"),
}

// NotImageOther is what NotImageKinds does not name.
var NotImageOther = msg("word.unknown-kind", "jotain muuta kuin kuva", "something other than an image")

// Files the reader refuses without reading them (internal/rootfs): the
// content and themes folders are read through one os.Root.
var (
	ReadOutside = msg("read.outside",
		"tämä symbolinen linkki vie kansion ulkopuolelle, eikä sieltä lueta mitään: kopioi tiedosto kansioon linkin tilalle",
		"this symbolic link leads out of the folder, and nothing outside it is read: copy the file into the folder instead")
	ReadSpecial = msg("read.special",
		"tämä on %s eikä tavallinen tiedosto, joten sitä ei lueta: poista se kansiosta",
		"this is a %s, not a regular file, so it is not read: remove it from the folder")
	ReadTooLarge = msg("read.too-large",
		"tiedosto on %.1f Mt, enemmän kuin yksi tiedosto saa olla (%d Mt): pienennä sitä tai julkaise se muualla ja linkitä siihen",
		"the file is %.1f MB, more than one file may be (%d MB): make it smaller, or publish it elsewhere and link to it")
	ReadBadName = msg("read.bad-name",
		"nimi ei ole kelvollista UTF-8-tekstiä: nimeä se uudelleen kirjaimin a–z, numeroin ja väliviivoin",
		"the name is not valid UTF-8 text: rename it with letters a–z, digits and hyphens")
	ReadThemeNotFolder = msg("read.theme-not-folder",
		"teeman %s pitää olla kansio, jossa on kansiot templates, assets ja static: poista tiedosto, niin käytetään sisäänrakennettua teemaa",
		"the theme %s must be a folder holding templates, assets and static: remove the file to use the built-in theme")
	ReadThemeNoTemplates = msg("read.theme-no-templates",
		"teeman kansiossa %s ei ole kansiota templates, joten teemaa ei voi käyttää: kopioi koko sisäänrakennettu teema (templates, assets, static) muokattavaksi tai poista kansio, niin käytetään sisäänrakennettua teemaa",
		"the theme folder %s has no templates folder, so the theme cannot be used: copy the whole built-in theme (templates, assets, static) to change it, or remove the folder to use the built-in theme")
	WordFIFO    = msg("word.fifo", "nimetty putki (FIFO)", "named pipe (FIFO)")
	WordSocket  = msg("word.socket", "pistoke (socket)", "socket")
	WordDevice  = msg("word.device", "laite", "device")
	WordSpecial = msg("word.special", "erikoistiedosto", "special file")
)

// The site model: references between pages, links, tags (internal/site).
var (
	SiteAreaWeightTaken = msg("site.area-weight-taken",
		"järjestysnumero weight %d on myös teema-alueella %s: anna jokaiselle teema-alueelle oma numero, se määrää järjestyksen helminauhassa",
		"weight %d is also used by %s: give each theme area its own weight, it sets the order on the necklace")
	SiteChapterWeightTaken = msg("site.chapter-weight-taken",
		"järjestysnumero weight %d on myös luvulla %s: anna jokaiselle luvulle oma numero, se määrää lukujärjestyksen",
		"weight %d is also used by %s: give each chapter its own weight, it sets the reading order")
	SiteUnknownTheme = msg("site.unknown-theme",
		"teema-aluetta %q ei ole%s: kirjoita kansion teemat tiedoston nimi ilman .md-päätettä (%s)",
		"unknown theme %q%s: use the name of a file in teemat/ without .md (%s)")
	SiteUnknownThemes = msg("site.unknown-themes",
		"teema-aluetta %q ei ole%s: kirjoita kansion teemat tiedostojen nimet ilman .md-päätettä (%s)",
		"unknown theme %q%s: use the names of files in teemat/ without .md (%s)")
	SiteNoAreas = msg("site.no-areas",
		"teema-aluetta %q ei ole, eikä portaalissa ole vielä yhtään teema-aluetta: tee ensin kansioon teemat tiedosto, esimerkiksi teemat/%s.md, jossa on title, weight ja summary (katso ohje toimittajalle)",
		"there is no theme area %q, nor any theme area yet: first make a file in teemat/, such as teemat/%s.md, with title, weight and summary (see toimittajalle)")
	SiteRelatedSelf = msg("site.related-self",
		"helmi ei voi liittyä itseensä: poista %q related-luettelosta",
		"a pearl cannot be related to itself: remove %q from related")
	SiteRelatedTwice = msg("site.related-twice",
		"related-luettelossa on helmi %q kahdesti: poista toinen",
		"related names the pearl %q twice: remove one of them")
	SiteNamesDraft = msg("site.names-draft",
		"%s mainitsee luonnoksen %q, joka jätetään pois tästä julkaisusta",
		"%s names the draft pearl %q, which is left out of this build")
	SiteNoSuchPearl = msg("site.no-such-pearl",
		"%s mainitsee helmen %q, jota ei ole%s: kirjoita kansion helmet tiedoston nimi ilman .md-päätettä",
		"%s names the pearl %q, which does not exist%s: use the name of a file in helmet/ without .md")
	SiteNamesCase = msg("site.names-case",
		"%s mainitsee tapausesimerkin %q: luetteloon kirjoitetaan vain helmiä (kansion helmet tiedostojen nimiä ilman .md-päätettä); tapausesimerkkiin voi linkittää tekstissä: [otsikko](../caset/%s.md)",
		"%s names the case example %q: the list takes pearls only (names of files in helmet/ without .md); link to a case example in the text: [title](../caset/%s.md)")
	SiteLinksToDraft = msg("site.links-to-draft",
		"viittaa luonnokseen %s: se ei ole julkaisussa ennen kuin siinä on draft: false",
		"points to the draft %s: it is not published until it has draft: false")
	SitePrintSlug = msg("site.print-slug",
		"luvun nimi ei voi olla %q: oppaan tulostettava sivu, jolla kaikki luvut ovat peräkkäin, on osoitteessa /opas/%s/; nimeä tiedosto toisin, esimerkiksi %s-luku.md",
		"a chapter cannot be named %q: the guide's print page, which shows every chapter on one page, is /opas/%s/; rename the file, for example %s-luku.md")
	SiteReservedName = msg("site.reserved-name",
		"nimi %q on varattu portaalin omille sivuille (/%s/): nimeä tiedosto toisin, esimerkiksi %s-sivu.md",
		"the name %q is taken by the portal's own pages (/%s/): rename the file, for example %s-sivu.md")
	SiteTooManyTags = msg("site.too-many-tags",
		"helmellä on %d asiasanaa, kun enintään %d sopii: jokaisesta tulee oma sivunsa ja kaikki näkyvät helmen sivulla; valitse muutama, joilla lukija helmen etsisi",
		"the pearl has %d tags, more than the %d that fit: each becomes a page and all show on the pearl's page; choose a few that a reader would look for it by")
	SiteTooManyAreas = msg("site.too-many-areas",
		"portaalissa on %d teema-aluetta, kun enintään %d sopii: jokainen sivu luettelee ne ja helminauha piirtää jokaisen omaksi nauhakseen; yhdistä alueita ja käytä tarkempaan jakoon asiasanoja (tags)",
		"the portal has %d theme areas, more than the %d that fit: every page lists them and the necklace draws each as a strand; merge areas, and use tags for finer division")
	SiteTagTooLong = msg("site.tag-too-long",
		"asiasana %q on %d merkkiä pitkä: asiasana on sana tai lyhyt ilmaus, enintään %d merkkiä, joten jaa tai lyhennä se",
		"tag %q is %d characters long: a tag is a word or a short phrase of at most %d characters, split it or shorten it")
	SiteTagNoLetters = msg("site.tag-no-letters",
		"asiasanassa %q ei ole kirjaimia, numeroita eikä merkkejä: kirjoita sana",
		"tag %q has no letters, digits or symbols: write a word")
	SiteTagSpelling = msg("site.tag-spelling",
		"asiasanasta %q tulee sama sivu /tagit/%s/ kuin asiasanasta %q tiedostossa %s, ja sivun otsikkona on %[3]q: jos ne tarkoittavat samaa, kirjoita ne samoin; jos eri asiaa, kirjoita tämä toisin kirjaimin (esimerkiksi C++ → Cpp), niin se saa oman sivunsa",
		"tag %q gets the same page /tagit/%s/ as tag %q in %s, and the page is titled %[3]q: if they mean the same, write them alike; if not, write this one with other letters (for example C++ → Cpp), and it gets a page of its own")
	SiteStaticOverPage = msg("site.static-over-page",
		"tiedosto %q kansiossa static menisi portaalin oman sivun päälle: siirrä se toiseen kansioon, esimerkiksi static/liitteet/",
		"static file %q would overwrite a page the portal generates: move it to another folder, for example static/liitteet/")
	SiteStaticInGenerated = msg("site.static-in-generated",
		"tiedosto %q kansiossa static on kansiossa %s/, jonka portaali täyttää omilla tiedostoillaan (%s), joiden nimet riippuvat portaalin koosta: siirrä se toiseen kansioon, esimerkiksi static/liitteet/",
		"static file %q is in the folder %s/, which the portal fills with files of its own (%s), named as the portal's size makes them: move it to another folder, for example static/liitteet/")
	SiteStaticKept = msg("site.static-kept",
		"tiedostoa %q kansiossa static ei voi julkaista: kohdekansion %s säilytetään koontien yli sellaisenaan (.git, CNAME, .nojekyll ja site.yaml:n keep-luettelo), eikä koonti kirjoita sitä. Poista tiedosto kansiosta static. Oman verkkotunnuksen saa GitHub Pagesissa asetuksista (Settings → Pages → Custom domain) ja Netlifyssä ja Cloudflare Pagesissa niiden hallintanäkymästä; kohdekansioon itse kirjoitettu CNAME säilyy jokaisen koonnin yli.",
		"static file %q cannot be published: %s in the output folder is kept as it is across builds (.git, CNAME, .nojekyll and site.yaml's keep), and no build writes it. Remove the file from static. A custom domain is set in GitHub Pages' settings (Settings → Pages → Custom domain), and in Netlify's and Cloudflare Pages' dashboards; a CNAME written in the output folder itself is kept across every build.")
	SiteStaticOverTheme = msg("site.static-over-theme",
		"tiedosto %q kansiossa static menisi teeman oman samannimisen tiedoston päälle: nimeä se toisin tai siirrä se toiseen kansioon, esimerkiksi static/liitteet/ (teeman tiedostoja muutetaan omassa teemassa, jonka site.yaml:n theme nimeää)",
		"static file %q would overwrite the theme's own file of that name: rename it or move it to another folder, for example static/liitteet/ (a theme's files are changed in a theme of your own, which site.yaml's theme names)")
	SiteBrokenLink = msg("site.broken-link",
		"linkki osoitteeseen %s ei toimi: %s",
		"broken link to %s: %s")
	SiteTitleAsLink = msg("site.title-as-link",
		"linkin osoitteeksi on kirjoitettu sivun otsikko, ja lukija näkisi hakasulkeet: kirjoita osoitteeksi sivun tiedosto, [%s](../%s)",
		"the link's address is a page's title, and readers would see the brackets: write the page's file as the address, [%s](../%s)")
	SiteSpaceInLink = msg("site.space-in-link",
		"linkin osoitteessa %q on välilyönti, joten siitä ei tule linkkiä: kirjoita osoitteeksi sivun tiedosto (../helmet/nimi.md) tai verkko-osoite (https://…)",
		"the link's address %q has a space, so it is not a link: write a page's file (../helmet/nimi.md) or a web address (https://…)")
	SiteSpaceInFileLink = msg("site.space-in-file-link",
		"osoitteessa %q on välilyönti, joten siitä ei tule kuvaa eikä linkkiä: nimeä tiedosto ilman välilyöntejä, esimerkiksi %s, ja kirjoita uusi nimi osoitteeseen, tai kirjoita osoite kulmasulkeisiin, %s",
		"the address %q has a space, so it is no image or link: rename the file without spaces, such as %s, and write the new name in the address, or write the address in angle brackets, %s")
	SiteNoStaticFile = msg("site.no-static-file",
		"tiedostoa static/%s ei ole",
		"there is no file static/%s")
	SiteStaticElsewhere = msg("site.static-elsewhere",
		"tiedostoa %s ei ole: tiedosto on static/%s, joten kirjoita osoitteeksi /%s",
		"there is no %s: the file is static/%s, so write its address as /%s")
	SiteLinkFromFolder = msg("site.link-from-folder",
		"polku luetaan tämän tiedoston kansiosta %s/, joten sivu on kansiota ylempänä: kirjoita %s",
		"the path is read from this file's folder %s/, so the page is one folder up: write %s")
	SiteLinkNoScheme = msg("site.link-no-scheme",
		"se näyttää verkko-osoitteelta, mutta sen alusta puuttuu https://: kirjoita https://%s",
		"it looks like a web address without https:// at its start: write https://%s")
	SiteLinkNoMD = msg("site.link-no-md",
		"tiedostoa %s ei ole, mutta sivu %s on: kirjoita osoitteeksi %s",
		"there is no %s, but there is the page %s: write the address as %s")
	SiteNoSuchTarget = msg("site.no-such-target",
		"tiedostoa %s ei ole: linkitä toisen sivun Markdown-tiedostoon (../helmet/nimi.md) tai osoitteeseen (/helmet/nimi/), tai laita tiedosto kansioon static/%s ja linkitä osoitteeseen /%s",
		"there is no %s: link to another page's Markdown file (../helmet/nimi.md) or address (/helmet/nimi/), or put the file at static/%s and link to it as /%s")
	SiteUnreadableAddress = msg("site.unreadable-address",
		"sitä ei voi lukea verkko-osoitteeksi: tarkista se (välilyönnit, %%-merkit ja kaksoispisteet) tai kirjoita se uudelleen käsin",
		"it cannot be read as a web address: check it (spaces, %% signs and colons) or type it again")
	SiteCurlyInAddress = msg("site.curly-in-address",
		"osoitteessa on kaarevia lainausmerkkejä, jotka tekstinkäsittelyohjelma on tehnyt: kirjoita osoite ilman niitä, %s",
		"the address has curly quotes, which a word processor made: write it without them, %s")
	SiteInvisibleInAddress = msg("site.invisible-in-address",
		"osoitteessa on näkymätön merkki %U, joka tulee usein kopioidun tekstin mukana: kirjoita osoite ilman sitä, %s",
		"the address has an invisible character %U, which copied text often brings along: write it without it, %s")
	SiteOutsideContent = msg("site.outside-content",
		"se osoittaa sisältökansion ulkopuolelle",
		"it points outside the content folder")
	SiteNoAddressStatic = msg("site.no-address-static",
		"millään sivulla tai tiedostolla ei ole osoitetta %s: tiedosto on static/%s, joten kirjoita osoitteeksi /%s",
		"no page or file has the address %s: the file is static/%s, so write its address as /%s")
	SitePrintNoChapters = msg("site.print-no-chapters",
		"millään sivulla tai tiedostolla ei ole osoitetta %s: oppaan tulostettava sivu tehdään vain, kun oppaassa on lukuja (kansiossa opas/)",
		"no page or file has the address %s: the guide's print page is made only when the guide has chapters (in the folder opas/)")
	SiteLinkGenerated = msg("site.link-generated",
		"millään sivulla tai tiedostolla ei ole osoitetta %s: kansio %s on portaalin oma (%s), ja sen tiedostojen nimet riippuvat portaalin koosta, joten ne voivat muuttua missä julkaisussa tahansa: linkitä sivulle %s",
		"no page or file has the address %s: in the folder %s the portal writes %s, whose files are named as the portal's size makes them and may change with any build: link to the page %s")
	SiteLinkAsset = msg("site.link-asset",
		"osoite %s on teeman tyyli- tai skriptitiedoston, jonka julkaisu nimeää sisällön mukaan (assets/style.3f2a9c1e.css) ja nimeää uudelleen aina, kun se muuttuu, joten linkki siihen lakkaisi toimimasta: sivu ei tarvitse linkkiä teeman tiedostoon; linkitettävä tiedosto kuuluu kansioon static/",
		"%s is a stylesheet or script of the theme, which the build names by its content (assets/style.3f2a9c1e.css) and renames whenever it changes, so a link to it would stop working: a page needs no link to the theme's files; a file to link to belongs under static/")
	SiteTermsNoPearls = msg("site.terms-no-pearls",
		"millään sivulla tai tiedostolla ei ole osoitetta %s: aiheiden luettelo tehdään vain, kun portaalissa on helmiä (kansiossa helmet/)",
		"no page or file has the address %s: the list of topics is made only when the portal has pearls (in the folder helmet/)")
	SiteHashInName = msg("site.hash-in-name",
		"osoitteessa # aloittaa kohdan sivun sisällä, joten tiedoston static/%s nimessä se kirjoitetaan %%23: kirjoita %s",
		"in an address # starts a place within the page, so in the name of the file static/%s it is written %%23: write %s")
	SiteNoAddress = msg("site.no-address",
		"millään sivulla tai tiedostolla ei ole osoitetta %s",
		"no page or file has the address %s")
	SiteNoFolder = msg("site.no-folder",
		"sisällössä ei ole kansiota %s",
		"there is no folder %s in the content format")
	SiteTargetDraft = msg("site.target-draft",
		"helmi %q on luonnos, joka jätetään pois tästä julkaisusta",
		"the pearl %q is a draft, left out of this build")
	SiteNoSuchFile = msg("site.no-such-file",
		"%s %q ei ole%s (tarkista tiedoston nimi kansiossa %s/)",
		"no %s %q%s (check the file name in %s/)")
	SiteNoHeadings = msg("site.no-headings",
		"sivulla ei ole väliotsikkoa #%s (sillä ei ole väliotsikoita lainkaan)",
		"the page has no heading #%s (it has no headings)")
	SiteNoHeading = msg("site.no-heading",
		"sivulla ei ole väliotsikkoa #%s%s; sen väliotsikot ovat %s",
		"the page has no heading #%s%s; its headings are %s")
	SiteMoreNames = msg("site.more-names",
		"%s ja %s",
		"%s and %s")
	SiteMoreCount = msgVar("site.more-count", 1,
		plural.Selectf(1, "%d", "one", "%d muu", "other", "%d muuta"),
		plural.Selectf(1, "%d", "one", "%d more", "other", "%d more"))
	SiteEmptyPage = msg("site.empty-page",
		"sivulla on vain asetukset eikä tekstiä, joten se julkaistaisiin pelkkänä otsikkona: kirjoita teksti asetusten perään, toisen rivin --- alle, tai poista tiedosto",
		"the page has its settings and no text, so it would be published as a title alone: write the text after the settings, below the second line ---, or delete the file")
	SiteCaseSection = msg("site.case-section",
		"tapausesimerkistä puuttuu väliotsikko \"## %s\": lisää se, lukijat etsivät samoja neljää osaa jokaisesta esimerkistä",
		"the case example has no section \"## %s\": add it, readers look for the same four sections in every case")
	SiteOrphanPearl = msg("site.orphan-pearl",
		"mikään tapausesimerkki tai toinen helmi ei viittaa tähän helmeen: lisää se jonkin helmen related-luetteloon tai tapausesimerkin pearls-luetteloon",
		"no case example or related pearl points to this pearl: add it to another pearl's related list or to a case's pearls")
	SiteLongSummary = msg("site.long-summary",
		"kuvaus (summary) on %d merkkiä: lyhennä se enintään %d merkkiin, sillä se näkyy listoissa ja hakutuloksissa",
		"the summary is %d characters: shorten it to %d at most, it is shown in lists and search results")
	SiteFewWords = msg("site.few-words",
		"helmen sanamäärä on %d, pienempi kuin portaalin helmissä (%d–%d): kirjoita lisää tai yhdistä se toiseen helmeen (rajat asetetaan site.yaml-tiedoston avaimella pearlWords)",
		"the pearl's word count is %d, below the portal's range (%d–%d): write more or merge it with another pearl (site.yaml's pearlWords sets the range)")
	SiteManyWords = msg("site.many-words",
		"helmen sanamäärä on %d, suurempi kuin portaalin helmissä (%d–%d): lyhennä tai jaa se kahdeksi helmeksi (rajat asetetaan site.yaml-tiedoston avaimella pearlWords)",
		"the pearl's word count is %d, above the portal's range (%d–%d): shorten it or split it into two pearls (site.yaml's pearlWords sets the range)")
	SiteSameTitle = msg("site.same-title",
		"otsikko %q on jo sivulla %s: anna kummallekin oma otsikko, jotta lukija erottaa ne listoissa ja haussa",
		"the title %q is already the title of %s: give each its own title, so that readers tell them apart in lists and search")

	WordPearl   = msg("word.pearl", "helmeä", "pearl")
	WordArea    = msg("word.area", "teema-aluetta", "theme area")
	WordCase    = msg("word.case", "tapausesimerkkiä", "case example")
	WordChapter = msg("word.chapter", "oppaan lukua", "guide chapter")
	WordPage    = msg("word.page", "sivua", "page")
)

// Placeholders that `new` wrote, and the search thesaurus (internal/content).
var (
	ContentPlaceholderKey = msg("content.placeholder-key",
		"%s on yhä mallin teksti %q, jonka helminauha new kirjoitti: kirjoita sen tilalle oma tekstisi",
		"%s is still the template's text %q that helminauha new wrote: write your own text in its place")
	ContentPlaceholderBody = msg("content.placeholder-body",
		"tekstissä on yhä mallin teksti %q, jonka helminauha new kirjoitti: kirjoita sen tilalle oma tekstisi",
		"the text still has the template's text %q that helminauha new wrote: write your own text in its place")
	ThesaurusNotUTF8 = msg("thesaurus.not-utf8",
		"sanasto ei ole UTF-8-tekstiä: tallenna se UTF-8-muodossa",
		"the thesaurus is not UTF-8 text: save it as UTF-8")
	ThesaurusDropOneWord = msg("thesaurus.drop-one-word",
		"poistorivillä on yksi sana: - palaveri",
		"a drop line names one word: - palaveri")
	ThesaurusBoth = msg("thesaurus.both",
		"rivillä on sekä = että >: kirjoita samaa tarkoittavat sanat = -merkein ja yhteen suuntaan pätevät > -merkillä omille riveilleen",
		"a line has both = and >: write words that mean the same with = and one-way ones with > on lines of their own")
	ThesaurusNeither = msg("thesaurus.neither",
		"rivi ei ole sanaston muotoa: kirjoita kokous = palaveri tai kehari > kehityskeskustelu",
		"the line has neither = nor >: write kokous = palaveri or kehari > kehityskeskustelu")
	ThesaurusTooManyWords = msg("thesaurus.too-many-words",
		"säännössä on %d sanaa, kun enintään %d sopii: jokainen sana saa haun etsimään kaikkia muita, joten pitkä sääntö hidastaa hakua ja sivuston tekemistä; pidä vain sanat, joita lukija todella kirjoittaa",
		"the rule has %d words, where at most %d fit: each word makes the search look for all the others, so a long rule slows the search and the build; keep only the words readers really type")
	ThesaurusArrow = msg("thesaurus.arrow",
		"sanaston säännössä suunta merkitään pelkällä >-merkillä, ei nuolella %s: kirjoita %s",
		"a rule's direction is written with > alone, not with the arrow %s: write %s")
	ThesaurusOneArrow = msg("thesaurus.one-arrow",
		"rivillä saa olla vain yksi >: kehari > kehityskeskustelu, kehityskeskustelut",
		"a line has one > only: kehari > kehityskeskustelu, kehityskeskustelut")
	ThesaurusEmptySide = msg("thesaurus.empty-side",
		"rivillä on tyhjä kohta: jokaisella = tai > -merkin puolella on oltava sana",
		"a side of the line is empty: each side of = or > needs a word")
	ThesaurusLeftOneWord = msg("thesaurus.left-one-word",
		"> -merkin vasemmalla puolella saa olla vain yksi sana, koska haku vertaa sanoja yksitellen: %q",
		"the left of > is one word, since search compares words one at a time: %q")
	ThesaurusEqualOneWord = msg("thesaurus.equal-one-word",
		"= -rivillä ainakin yhden puolen on oltava yksi sana: %q",
		"one side of = must be one word: %q")
)

// A Markdown file past the limits of internal/markdown, where the parser's
// work would grow faster than the file.
var (
	MdTooManyMarks = msg("markdown.too-many-marks",
		"tässä kappaleessa on yli %d Markdown-merkkiä (linkkejä, korostuksia, sulkeita, lainausmerkkejä): jaa se useammaksi kappaleeksi tyhjillä riveillä",
		"this paragraph holds more than %d Markdown marks (links, emphasis, brackets, quotes): split it into several paragraphs with blank lines")
	MdTooDeep = msg("markdown.too-deep",
		"rivillä on yli %d sisäkkäistä lainausta tai luetteloa: litistä rakenne tai jaa se useaan osaan",
		"more than %d block quotes or lists are nested on this line: flatten them or split them")
	MdTooIndented = msg("markdown.too-indented",
		"rivi on sisennetty yli %d merkkiä: vähennä sisennystä, tai jos rivi on koodia, laita se ```-rivien väliin",
		"this line is indented more than %d columns: indent it less, or put code between ``` lines")
	MdTooManyReferences = msg("markdown.too-many-references",
		"tiedostossa on yli %d linkin viitemääritystä ([nimi]: osoite): kirjoita osoitteet suoraan linkkeihin tai jaa sivu useammaksi",
		"the file has more than %d link reference definitions ([name]: address): write the addresses in the links, or split the page")
	MdTooManyFootnotes = msg("markdown.too-many-footnotes",
		"tiedostossa on yli %d alaviitettä ([^1]: teksti): jaa sivu useammaksi",
		"the file has more than %d footnotes ([^1]: text): split the page")
	MdTooManyFileMarks = msg("markdown.too-many-file-marks",
		"tiedostossa on yli %d Markdown-merkkiä (linkkejä, korostuksia, sulkeita, lainausmerkkejä), eikä niin pitkää sivua lue kukaan: jaa sivu useammaksi",
		"the file holds more than %d Markdown marks (links, emphasis, brackets, quotes), more than anyone reads on one page: split the page")
	MdTooManyLines = msg("markdown.too-many-lines",
		"tiedostossa on yli %d riviä, eikä niin pitkää sivua lue kukaan: jaa sivu useammaksi",
		"the file has more than %d lines, more than anyone reads on one page: split the page")
	MdTooManyCells = msg("markdown.too-many-cells",
		"tiedoston taulukoissa on yli %d solua (rivejä kertaa sarakkeita): jaa taulukot pienemmiksi tai sivu useammaksi",
		"the file's tables have more than %d cells (rows times columns): split the tables or the page")
)

// Markdown and front matter (internal/markdown).
var (
	MarkdownUnclosed = msg("markdown.unclosed",
		"tiedoston alun asetukset alkavat rivillä ---, mutta niitä ei päätetä: lisää viimeisen asetuksen perään rivi ---",
		"front matter opened with --- is never closed: add a line --- after its last key")
	MarkdownClosedAs = msg("markdown.closed-as",
		"tiedoston alun asetukset alkavat ja päättyvät rivillä, jolla on kolme väliviivaa ---, mutta tällä rivillä on %s: kirjoita sen tilalle ---",
		"front matter opens and closes with a line of three hyphens ---, but this line has %s: write --- instead")
	MarkdownControl = msg("markdown.control",
		"rivillä on näkymätön ohjausmerkki %U, joka päätyisi sivulle näkymättömänä tai rikkoisi sen: poista se (sellainen tulee usein kopioidun tekstin mukana)",
		"the line holds an invisible control character %U, which would reach the page unseen or break it: delete it (copied text often brings one along)")
	MarkdownBidi = msg("markdown.bidi",
		"rivillä on näkymätön tekstin suunnan vaihtava merkki %U, joka saa sen jälkeisen tekstin näkymään eri järjestyksessä kuin se on kirjoitettu, joten tarkistaja ja lukija näkisivät eri tekstin: poista se (sellainen tulee usein kopioidun tekstin mukana; oikealta vasemmalle kirjoitettu teksti, kuten arabia tai heprea, näkyy oikein ilman sitä)",
		"the line holds an invisible character %U that changes the direction of text, so the text after it shows in another order than it is written and a reviewer and a reader would see different text: delete it (copied text often brings one along; text written right to left, such as Arabic or Hebrew, shows correctly without it)")
	MarkdownYAML = msg("markdown.yaml",
		"asetuksissa on virhe: %s",
		"the settings between the --- lines: %s")
	MarkdownH1 = msg("markdown.h1",
		"otsikko %q on ykköstason otsikko (#), mutta sivun otsikko on jo ykköstasolla: kirjoita ## sen tilalle",
		"heading %q is a level-1 heading (#), but the page title is the level-1 heading: use ## instead")
	MarkdownPastedBullet = msg("markdown.pasted-bullet",
		"rivi alkaa merkillä %c, jota Markdown ei lue luettelon kohdaksi, joten kohdat näkyvät tavallisena tekstinä, peräkkäiset rivit yhtenä kappaleena: kirjoita kunkin kohdan alkuun - ja välilyönti",
		"the line starts with %c, which Markdown does not read as a list item, so the items show as plain text, lines in a row as one paragraph: start each item with - and a space")
	MarkdownHeadingSkip = msg("markdown.heading-skip",
		"otsikko %q hyppää tasolta %d tasolle %d: kirjoita %s sen tilalle",
		"heading %q skips from level %d to level %d: use %s instead")
	MarkdownDangerousLink = msg("markdown.dangerous-link",
		"%s osoitteeseen %q jätetään pois: javascript:-, vbscript:- ja data:-osoitteisiin ei koskaan linkitetä; linkitä sivuun tai https://-osoitteeseen",
		"%s to %q is left out: javascript:, vbscript: and data: addresses are never linked; link to a page or an https:// address")
	MarkdownRawHTML = msg("markdown.raw-html",
		"HTML-koodia %q ei julkaista sivulla: kirjoita sama Markdownina (**lihava**, *kursiivi*, [linkki](https://…)) tai poista se",
		"the HTML %q is not published on the page: write the same in Markdown (**bold**, *italics*, [link](https://…)) or remove it")
	MarkdownNoAlt = msg("markdown.no-alt",
		"kuvalla %q ei ole vaihtoehtoista tekstiä: kirjoita hakasulkeisiin lyhyt kuvaus kuvasta, ![kuvaus](%s)",
		"image %q has no alt text: write a short description between the brackets, ![description](%s)")
	MarkdownEmptyHeading = msg("markdown.empty-heading",
		"väliotsikossa ei ole tekstiä: kirjoita otsikko #-merkkien perään tai poista rivi (tyhjä otsikko olisi ruudunlukijalle nimetön kohta ja sisällysluettelossa tyhjä linkki)",
		"the heading has no text: write it after the # marks or remove the line (an empty heading is a nameless stop to a screen reader and an empty link in the table of contents)")
	MarkdownEmptyLink = msg("markdown.empty-link",
		"linkillä osoitteeseen %q ei ole tekstiä, jonka lukija näkisi ja ruudunlukija lukisi: kirjoita se hakasulkeisiin, [linkin teksti](%s)",
		"the link to %q has no text for readers to see or a screen reader to read: write it between the brackets, [link text](%s)")
	MarkdownWindowsImage = msg("markdown.windows-image",
		"kuvan osoite %s on tiedosto omalla koneellasi, eikä lukija näe sitä: kopioi kuva kansioon content/static/kuvat/ ja kirjoita ![kuvaus](/kuvat/%s)",
		"the image's address %s is a file on your own computer, which readers cannot see: copy the image to content/static/kuvat/ and write ![description](/kuvat/%s)")
	MarkdownRemoteImage = msg("markdown.remote-image",
		"kuva osoitteesta %s on toisella palvelimella, eikä lukija näe sitä: portaalin sivut näyttävät vain portaalin omia kuvia (selain estää muut, ettei lukijan käynti näy muille palvelimille); tallenna kuva kansioon content/static/kuvat/ ja kirjoita ![kuvaus](/kuvat/%s)",
		"the image at %s is on another server, and readers do not see it: the portal's pages show only the portal's own images (the browser blocks others, so that no other server learns of a reader's visit); save the image in content/static/kuvat/ and write ![description](/kuvat/%s)")
	MarkdownWindowsLink = msg("markdown.windows-link",
		"linkin osoite %s on tiedosto omalla koneellasi, eikä lukija pääse siihen: kopioi tiedosto kansioon content/static/liitteet/ ja kirjoita [teksti](/liitteet/%s)",
		"the link's address %s is a file on your own computer, which readers cannot open: copy the file to content/static/liitteet/ and write [teksti](/liitteet/%s)")
	WordLink  = msg("word.link", "linkki", "link")
	WordImage = msg("word.image", "kuva", "image")
)

// YAML as an editor writes it, in site.yaml, front matter and worksheets
// (internal/yamldoc): the cause of a syntax error and what to write instead.
var (
	YAMLUTF16 = msg("yaml.utf16",
		"tiedosto on tallennettu UTF-16-muodossa (Muistio kutsuu sitä nimellä Unicode): tallenna se tekstieditorissa UTF-8-muodossa",
		"the file is saved as UTF-16 (Notepad calls it Unicode): save it as UTF-8 in your editor")
	YAMLNotUTF8 = msg("yaml.not-utf8",
		"tiedosto ei ole UTF-8-tekstiä (tavu 0x%02X): tallenna se tekstieditorissa UTF-8-muodossa",
		"the file is not valid UTF-8 (byte 0x%02X): save it as UTF-8 in your editor")
	YAMLKeyTwice = msg("yaml.key-twice",
		"asetus %q on kirjoitettu kahdesti (ensin rivillä %d): jätä vain toinen",
		"key %q is written twice (first on line %d): keep one of them")
	YAMLQuoteThenText = msg("yaml.quote-then-text",
		"arvo alkaa lainausmerkillä %c ja jatkuu vielä lainausmerkin jälkeen, jolloin YAML ei ymmärrä riviä: kirjoita koko arvo toisiin lainausmerkkeihin, %s: %c%s%c, tai jätä lainausmerkit pois",
		"the value starts with the quote %c and goes on after the closing quote, which YAML cannot read: put the whole value in the other quotes, %s: %c%s%c, or leave the quotes out")
	YAMLColonInValue = msg("yaml.colon-in-value",
		"arvossa on kaksoispiste (\": \"), jonka YAML lukee uuden avaimen aluksi: kirjoita arvo lainausmerkkeihin, %s: \"%s\"",
		"the value has a colon (\": \"), which YAML reads as the start of a new key: put the value in quotes, %s: \"%s\"")
	YAMLCurlyQuote = msg("yaml.curly-quote",
		"arvo alkaa kaarevalla lainausmerkillä %c (kuten tekstinkäsittelyohjelmasta kopioitu), ja merkki tulee osaksi tekstiä: jätä lainausmerkit pois tai käytä suoria lainausmerkkejä \"…\"",
		"the value starts with the curly quote %c (as copied from a word processor), and it becomes part of the text: leave the quotes out or use straight quotes \"…\"")
	YAMLList = msg("yaml.list",
		"asetukset kirjoitetaan muodossa avain: arvo (title: ...), ei luettelona",
		"it must be keys with values (title: ...), not a list")
	YAMLAnchor = msg("yaml.anchor",
		"YAML-viittausta (%s) ei voi käyttää asetuksissa, koska sellainen voi paisua valtavaksi: kirjoita arvo auki",
		"a YAML anchor or alias (%s) cannot be used in settings, since one can grow enormous: write the value out in full")
	YAMLTag = msg("yaml.tag",
		"YAML-tyyppimerkintää (%s) ei voi käyttää asetuksissa: jätä se pois tai kirjoita arvo lainausmerkkeihin",
		"a YAML type tag (%s) cannot be used in settings: leave it out, or put the value in quotes")
	YAMLKeys = msg("yaml.keys",
		"asetukset kirjoitetaan muodossa avain: arvo (title: ...), kukin omalle rivilleen",
		"it must be keys with values (title: ...), one on each line")
	YAMLIndentOrColon = msg("yaml.indent-or-colon",
		"rivi on sisennetty, vaikka sen ei pitäisi, tai arvossa on \": \" ja se tarvitsee lainausmerkit: title: \"Osa 1: aloitus\"",
		"a line is indented where it should not be, or a value contains \": \" and needs quotes: title: \"Osa 1: aloitus\"")
	YAMLTabs = msg("yaml.tabs",
		"rivi on sisennetty sarkaimella (Tab): sisennä välilyönneillä",
		"the line is indented with a tab: indent with spaces")
	YAMLBadStart = msg("yaml.bad-start",
		"arvo ei voi alkaa merkillä %c: kirjoita koko arvo lainausmerkkeihin",
		"a value cannot start with %c: put the whole value in quotes")
	YAMLHashComment = msg("yaml.hash-comment",
		"YAML lukee välilyönnin jälkeisen #-merkin kommentin aluksi, ja %q jäisi pois arvosta: jos se kuuluu arvoon, kirjoita arvo lainausmerkkeihin, %s; jos se on kommentti, kirjoita #-merkin perään välilyönti",
		"YAML reads a # after a space as the start of a comment, and %q would be left out of the value: if it is part of the value, put the value in quotes, %s; if it is a comment, put a space after the #")
	YAMLQuestionInList = msg("yaml.question-in-list",
		"hakasulkeissa olevan luettelon kohdassa on kysymysmerkki, jota sivun asetusten lukija ei osaa lukea siellä: kirjoita kohta lainausmerkkeihin, %s",
		"an item of a list in brackets has a question mark, which the reader of a page's settings cannot read there: put the item in quotes, %s")
	YAMLIndent = msg("yaml.indent",
		"tarkista sisennys: avain alkaa rivin alusta, ja sisennetyn ryhmän avaimet ja luettelon kohdat alkavat samasta sarakkeesta",
		"check the indentation: a key starts at the left margin, and the keys of an indented group and the items of a list start in the same column")
	YAMLUnclosed = msg("yaml.unclosed",
		"arvo alkaa merkillä %c, mutta sitä ei suljeta: lisää arvon loppuun %c",
		"the value opens with %c but never closes it: add %c at the end of the value")
	YAMLQuoteRunsOn = msg("yaml.quote-runs-on",
		"arvo alkaa merkillä %c, mutta sitä ei suljeta tällä rivillä, joten YAML lukee seuraavat rivit (myös %s) osaksi arvoa: lisää arvon loppuun %c",
		"the value opens with %c but does not close it on its line, so YAML reads the lines after it (%s among them) into the value: add %c at the end of the value")
	YAMLNoColon = msg("yaml.no-colon",
		"rivillä ei ole kaksoispistettä: kirjoita avain ja arvo muodossa avain: arvo, esimerkiksi summary: Lyhyt kuvaus",
		"the line has no colon: write a key and its value as key: value, such as summary: Lyhyt kuvaus")
	YAMLEscape = msg("yaml.escape",
		"lainausmerkkien sisällä kenoviiva aloittaa erikoismerkin, kuten \\n, eikä %s ole sellainen: kirjoita kenoviiva kahdesti (\\\\) tai kirjoita arvo heittomerkkeihin '…'",
		"inside double quotes a backslash starts a special character such as \\n, and %s is not one: write the backslash twice (\\\\) or put the value in single quotes '…'")
	YAMLControl = msg("yaml.control",
		"rivillä on näkymätön ohjausmerkki %U, jota YAML ei hyväksy: poista se (sellainen tulee usein kopioidun tekstin mukana)",
		"the line holds an invisible control character %U, which YAML does not accept: delete it (copied text often brings one along)")
	YAMLLineEnd = msg("yaml.line-end",
		"rivillä on näkymätön merkki %U, jonka YAML lukee rivinvaihdoksi, vaikka editori ei näytä sitä: poista se (sellainen tulee usein kopioidun tekstin mukana)",
		"the line holds an invisible character %U, which YAML reads as a line end though your editor shows none: delete it (copied text often brings one along)")
	YAMLInvisible = msg("yaml.invisible",
		"rivillä on näkymätön merkki %U, joka tulisi osaksi arvoa, vaikka editori ei näytä sitä: poista se (sellainen tulee usein kopioidun tekstin mukana)",
		"the line holds an invisible character %U, which would become part of the value though your editor shows none: delete it (copied text often brings one along)")
	YAMLDirective = msg("yaml.directive",
		"rivi alkaa merkillä %%, jolla YAML aloittaa ohjeen (kuten %%YAML 1.2), eikä asetuksissa ole sellaisia: poista rivi, tai jos se jatkaa edellisen rivin arvoa, kirjoita koko arvo lainausmerkkeihin yhdelle riville",
		"the line starts with %%, which starts a YAML directive (such as %%YAML 1.2), and settings have none: delete the line, or if it goes on the value of the line above, put the whole value in quotes on one line")
	YAMLDocumentEnd = msg("yaml.document-end",
		"rivi %s päättää YAML-asetukset, ja sen jälkeiset rivit jäisivät lukematta: poista rivi, tai jos se on osa arvoa, kirjoita arvo lainausmerkkeihin",
		"the line %s ends the YAML settings, and the lines after it would not be read: delete the line, or if it is part of a value, put the value in quotes")
	YAMLBlockScalar = msg("yaml.block-scalar",
		"merkki %c aloittaa usean rivin tekstin, joka kirjoitetaan seuraaville riveille sisennettynä, eikä sen perään samalle riville voi kirjoittaa muuta: siirrä teksti seuraavalle riville sisennettynä, tai kirjoita koko arvo lainausmerkkeihin",
		"%c starts a text of several lines, written indented on the lines below it, and nothing can follow it on its line: move the text to the next line, indented, or put the whole value in quotes")
	YAMLDashInValue = msg("yaml.dash-in-value",
		"luettelon kohta (\"- \") ei voi alkaa samalla rivillä kuin avain: kirjoita luettelo hakasulkeisiin, %s: [a, b], tai kukin kohta omalle rivilleen avaimen alle; jos viiva on osa tekstiä, kirjoita arvo lainausmerkkeihin",
		"a list item (\"- \") cannot start on the key's line: write the list in brackets, %s: [a, b], or each item on a line of its own below the key; if the dash is part of the text, put the value in quotes")
	YAMLFlow = msg("yaml.flow",
		"hakasulkeissa kohdat erotetaan toisistaan yhdellä pilkulla, ja jokainen sulje suljetaan kerran: tarkista tämän kohdan pilkut ja sulkeet, esimerkiksi tags: [a, b]",
		"in brackets the items are separated by one comma, and each bracket is closed once: check the commas and brackets here, such as tags: [a, b]")
	YAMLColonSpace = msg("yaml.colon-space",
		"kaksoispisteen jälkeen tarvitaan välilyönti, jotta YAML erottaa avaimen arvosta: kirjoita %s: %s",
		"a colon needs a space after it for YAML to tell the key from the value: write %s: %s")
	YAMLKeyNotText = msg("yaml.key-not-text",
		"avaimen pitää olla sana, kuten title, eikä luettelo tai ryhmä: poista sulkeet avaimen ympäriltä",
		"a key must be a word such as title, not a list or a group: remove the brackets around the key")
	YAMLNoKey = msg("yaml.no-key",
		"kaksoispisteen edessä ei ole avainta: kirjoita avain rivin alkuun, esimerkiksi summary: Lyhyt kuvaus, tai jos rivi jatkaa edellisen rivin arvoa, kirjoita koko arvo lainausmerkkeihin",
		"there is no key before the colon: write the key at the start of the line, such as summary: Lyhyt kuvaus, or if the line goes on the value above, put the whole value in quotes")
	YAMLLongKey = msg("yaml.long-key",
		"avaimessa on %d merkkiä, kun enintään %d sopii: lyhennä se, tai jos se on arvo, kirjoita sen eteen avain ja kaksoispiste",
		"the key has %d characters, more than the %d that fit: shorten it, or if it is a value, write a key and a colon before it")
	YAMLTooDeep = msg("yaml.too-deep",
		"arvot ovat liian monella tasolla sisäkkäin (sulkeita tai sisennettyjä ryhmiä toistensa sisällä): kirjoita ne yksinkertaisemmin",
		"the values are nested too deep (brackets or indented groups inside each other): write them more simply")
	YAMLOther = msg("yaml.other",
		"YAML ei ymmärrä riviä tästä kohdasta: tarkista sen lainausmerkit, sulkeet, kaksoispisteet ja sisennys",
		"YAML cannot read the line from here on: check its quotes, brackets, colons and indentation")
)

// Worksheets, the fillable forms in a page (internal/markdown).
var (
	WorksheetHelp = msg("worksheet.help",
		"työpohjassa on title: ja fields:, ja jokainen kenttä on muotoa \"- label: ...\", halutessa help: ja type: (rivi, tekstialue, asteikko tai paivamaara)",
		"a worksheet has title: and fields:, each field \"- label: ...\" with an optional help: and type: (line, textarea, scale, date or rivi, tekstialue, asteikko, paivamaara)")
	WorksheetEmpty = msg("worksheet.empty",
		"työpohja on tyhjä: %s",
		"the worksheet is empty: %s")
	WorksheetYAML = msg("worksheet.yaml",
		"työpohjassa on virhe (%s): %s",
		"the worksheet is not valid YAML (%s): %s")
	WorksheetNotKeys = msg("worksheet.not-keys",
		"työpohja kirjoitetaan muodossa avain: arvo: %s",
		"the worksheet must be keys with values: %s")
	WorksheetUnknownKey = msg("worksheet.unknown-key",
		"työpohjassa on tuntematon avain %q: %s",
		"unknown key %q in the worksheet: %s")
	WorksheetNoTitle = msg("worksheet.no-title",
		"työpohjalla ei ole otsikkoa: lisää rivi title: ja pohjan nimi; %s",
		"the worksheet has no title: add a line title: and its name: %s")
	WorksheetNoFields = msg("worksheet.no-fields",
		"työpohjassa ei ole kenttiä: lisää fields: ja luettelo kentistä; %s",
		"the worksheet has no fields: add fields: and a list of fields: %s")
	WorksheetTooManyFields = msg("worksheet.too-many-fields",
		"tiedoston työpohjissa on yli %d kenttää: jaa ne useammalle sivulle; %s",
		"the file's worksheets have more than %d fields: split them over several pages: %s")
	WorksheetFieldNotKeys = msg("worksheet.field-not-keys",
		"työpohjan %d. kenttä kirjoitetaan muodossa avain: arvo, esimerkiksi - label: Kysymys; %s",
		"field %d of the worksheet must be keys with values, like - label: Kysymys: %s")
	WorksheetFieldUnknownKey = msg("worksheet.field-unknown-key",
		"työpohjan %[2]d. kentässä on tuntematon avain %[1]q; %[3]s",
		"unknown key %q in field %d of the worksheet: %s")
	WorksheetFieldNoLabel = msg("worksheet.field-no-label",
		"työpohjan %d. kentällä ei ole nimeä: lisää label: ja kysymys, jonka kenttä kysyy; %s",
		"field %d of the worksheet has no label: add label: and the question to ask: %s")
	WorksheetFieldHelp = msg("worksheet.field-help",
		"työpohjan %d. kentän ohjeen (help:) pitää olla tekstiä; %s",
		"the help of field %d of the worksheet must be text: %s")
	WorksheetFieldType = msg("worksheet.field-type",
		"työpohjan %d. kentän tyyppiä %q ei tunneta%s; %s",
		"field %d of the worksheet has the unknown type %q%s: %s")
)
