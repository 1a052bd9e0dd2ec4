package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestEditorialRules: each rule check applies, run as an editor runs it
// (helminauha check in the portal's folder), names the place and says
// what to write instead.
func TestEditorialRules(t *testing.T) {
	t.Parallel()
	front := "title: Uusi\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01"
	pearl := func(fm, body string) string { return "---\n" + fm + "\n---\n" + body }
	words := func(n int) string { return strings.Repeat("sana ", n) + "\n" }
	cases := []struct {
		name  string
		files map[string]string
		code  int
		fi    string
		en    string
	}{
		{"short pearl", map[string]string{"helmet/x.md": pearl(front, words(51))}, 0,
			"content/helmet/x.md: varoitus: helmen sanamäärä on 51, pienempi kuin portaalin helmissä (150–500)",
			"content/helmet/x.md: warning: the pearl's word count is 51, below the portal's range (150–500)"},
		{"long pearl", map[string]string{"helmet/x.md": pearl(front, words(501))}, 0,
			"content/helmet/x.md: varoitus: helmen sanamäärä on 501, suurempi kuin portaalin helmissä (150–500)",
			"content/helmet/x.md: warning: the pearl's word count is 501, above the portal's range (150–500)"},
		{"range from site.yaml", map[string]string{"helmet/x.md": pearl(front, words(51)),
			"site.yaml": "title: T\ndescription: D\npearlWords: [20, 40]\n"}, 0,
			"content/helmet/x.md: varoitus: helmen sanamäärä on 51, suurempi kuin portaalin helmissä (20–40)",
			"content/helmet/x.md: warning: the pearl's word count is 51, above the portal's range (20–40)"},
		{"bad range in site.yaml", map[string]string{"site.yaml": "title: T\ndescription: D\npearlWords: 150\n"}, 1,
			"content/site.yaml:3:13: pearlWords on helmen pienin ja suurin sanamäärä",
			"content/site.yaml:3:13: pearlWords is a pearl's least and most words"},
		// A value's problem is at the value, where the editor corrects it,
		// not at its key.
		{"an address without https:// as baseURL", map[string]string{"site.yaml": "title: T\ndescription: D\nbaseURL: helmet.example.fi\n"}, 1,
			`content/site.yaml:3:10: baseURL "helmet.example.fi" ei ole kokonainen verkko-osoite: kirjoita se muodossa https://helmet.example.fi/`,
			`content/site.yaml:3:10: baseURL "helmet.example.fi" must be an absolute http(s) address such as https://helmet.example.fi/`},
		{"baseURL in quotes on the line below its key", map[string]string{"site.yaml": "title: T\ndescription: D\nbaseURL:\n  \"https://helmet.example.fi/../\"\n"}, 1,
			`content/site.yaml:4:3: baseURL "https://helmet.example.fi/../" sisältää polussaan . tai ..`,
			`content/site.yaml:4:3: baseURL "https://helmet.example.fi/../" has . or .. in its path`},
		{"placeholder published", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "Uusi", "Helmen otsikko", 1), "Teksti.\n")}, 1,
			`content/helmet/x.md:2:8: title on yhä mallin teksti "Helmen otsikko", jonka helminauha new kirjoitti`,
			`content/helmet/x.md:2:8: title is still the template's text "Helmen otsikko" that helminauha new wrote`},
		{"same title twice", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "Uusi", "Dialogi", 1), "Teksti.\n")}, 0,
			`varoitus: otsikko "Dialogi" on jo sivulla content/helmet/`,
			`warning: the title "Dialogi" is already the title of content/helmet/`},
		{"title as a link's address", map[string]string{"helmet/x.md": pearl(front, "Lue [Luottamus](Luottamus verkostossa).\n")}, 1,
			"content/helmet/x.md:8:5: linkin osoitteeksi on kirjoitettu sivun otsikko, ja lukija näkisi hakasulkeet: kirjoita osoitteeksi sivun tiedosto, [Luottamus](../helmet/luottamus.md)",
			"content/helmet/x.md:8:5: the link's address is a page's title, and readers would see the brackets: write the page's file as the address, [Luottamus](../helmet/luottamus.md)"},
		{"spaces in a link's address", map[string]string{"helmet/x.md": pearl(front, "Lue [tämä](oma sivu).\n")}, 1,
			`content/helmet/x.md:8:5: linkin osoitteessa "oma sivu" on välilyönti`,
			`content/helmet/x.md:8:5: the link's address "oma sivu" has a space`},
		{"a link with a title is a link", map[string]string{"helmet/x.md": pearl(front, "Lue [tämä](/helmet/dialogi/ \"Dialogi\") ja `[a](b c)`.\n")}, 0,
			"content: ei virheitä",
			"content: no errors"},
		{"Windows path of an image", map[string]string{"helmet/x.md": pearl(front, "![Palaveri](C:\\Users\\maija\\Kuvat\\palaveri.png)\n")}, 1,
			"content/helmet/x.md:8:1: kuvan osoite C:\\Users\\maija\\Kuvat\\palaveri.png on tiedosto omalla koneellasi, eikä lukija näe sitä: kopioi kuva kansioon content/static/kuvat/ ja kirjoita ![kuvaus](/kuvat/palaveri.png)",
			"content/helmet/x.md:8:1: the image's address C:\\Users\\maija\\Kuvat\\palaveri.png is a file on your own computer, which readers cannot see: copy the image to content/static/kuvat/ and write ![description](/kuvat/palaveri.png)"},
		// Pasted from another web page with its address: the pages'
		// Content-Security-Policy blocks it, and readers see a broken image.
		{"image on another server", map[string]string{"helmet/x.md": pearl(front, "Teksti.\n\n![Kaavio](https://www.thl.fi/documents/kaavio.png?v=2)\n")}, 1,
			"content/helmet/x.md:10:1: kuva osoitteesta https://www.thl.fi/documents/kaavio.png?… on toisella palvelimella, eikä lukija näe sitä: portaalin sivut näyttävät vain portaalin omia kuvia (selain estää muut, ettei lukijan käynti näy muille palvelimille); tallenna kuva kansioon content/static/kuvat/ ja kirjoita ![kuvaus](/kuvat/kaavio.png)",
			"content/helmet/x.md:10:1: the image at https://www.thl.fi/documents/kaavio.png?… is on another server, and readers do not see it: the portal's pages show only the portal's own images (the browser blocks others, so that no other server learns of a reader's visit); save the image in content/static/kuvat/ and write ![description](/kuvat/kaavio.png)"},
		{"image on another server without a scheme", map[string]string{"helmet/x.md": pearl(front, "Kuva: ![Logo](//cdn.example.com/logo) ja [linkki](https://thl.fi/).\n")}, 1,
			"content/helmet/x.md:8:7: kuva osoitteesta //cdn.example.com/logo on toisella palvelimella, eikä lukija näe sitä: portaalin sivut näyttävät vain portaalin omia kuvia (selain estää muut, ettei lukijan käynti näy muille palvelimille); tallenna kuva kansioon content/static/kuvat/ ja kirjoita ![kuvaus](/kuvat/logo)",
			"content/helmet/x.md:8:7: the image at //cdn.example.com/logo is on another server"},
		// A text repeated on every page that shows it: a title of 1.5 MB in
		// one theme area made the default portal's 2.3 MB of output 596 MB.
		{"a title past 200 characters", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "Uusi", strings.Repeat("ä", 201), 1), "Teksti.\n")}, 1,
			"content/helmet/x.md:2:8: asetuksen \"title\" arvo on 201 merkkiä pitkä, kun enintään 200 sopii: se toistuu jokaisella sivulla, joka sen näyttää (valikot, luettelot, haku), joten pitkä teksti paisuttaisi koko sivuston; lyhennä se",
			"content/helmet/x.md:2:8: the value of \"title\" is 201 characters long, where at most 200 fit: it is repeated on every page that shows it (menus, lists, search), so a long text would swell the whole site; shorten it"},
		{"a summary past 1,000 characters is an error, not only a warning", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "S.", strings.Repeat("sana ", 300), 1), "Teksti.\n")}, 1,
			"content/helmet/x.md:4:10: asetuksen \"summary\" arvo on 1\u00a0499 merkkiä pitkä, kun enintään 1\u00a0000 sopii",
			"content/helmet/x.md:4:10: the value of \"summary\" is 1,499 characters long, where at most 1,000 fit"},
		{"site.yaml's description past 1,000 characters", map[string]string{"site.yaml": "title: T\ndescription: " + strings.Repeat("sana ", 201) + "\n"}, 1,
			"content/site.yaml:2:14: asetuksen \"description\" arvo on 1\u00a0004 merkkiä pitkä, kun enintään 1\u00a0000 sopii",
			"content/site.yaml:2:14: the value of \"description\" is 1,004 characters long, where at most 1,000 fit"},
		{"a language's title past 200 characters", map[string]string{"site.yaml": "title: T\ndescription: D\nlanguages:\n  sv:\n    title: " + strings.Repeat("x", 250) + "\n    description: D\n"}, 1,
			"content/site.yaml:5:12: asetuksen \"sv.title\" arvo on 250 merkkiä pitkä, kun enintään 200 sopii",
			"content/site.yaml:5:12: the value of \"sv.title\" is 250 characters long, where at most 200 fit"},
		{"typographic quotes in a tag", map[string]string{"helmet/x.md": pearl(front+"\ntags: [“johtaminen”, verkostot]", "Teksti.\n")}, 0,
			"content/helmet/x.md:7:8: varoitus: arvo alkaa kaarevalla lainausmerkillä “",
			"content/helmet/x.md:7:8: warning: the value starts with the curly quote “"},
		{"typographic quotes in a summary", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "S.", "”Hyvä kokous”", 1), "Teksti.\n")}, 0,
			"content/helmet/x.md:4:10: varoitus: arvo alkaa kaarevalla lainausmerkillä ”",
			"content/helmet/x.md:4:10: warning: the value starts with the curly quote ”"},
		{"missing anchor lists those that exist", map[string]string{"helmet/x.md": pearl(front, "## Alku\n\n## Loppu\n\n[x](../helmet/x.md#lopu)\n")}, 1,
			"linkki osoitteeseen ../helmet/x.md#lopu ei toimi: sivulla ei ole väliotsikkoa #lopu (tarkoititko \"#loppu\"?); sen väliotsikot ovat #alku, #loppu",
			"broken link to ../helmet/x.md#lopu: the page has no heading #lopu (did you mean \"#loppu\"?); its headings are #alku, #loppu"},
		{"empty summary on its line", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "summary: S.", "summary:", 1), "Teksti.\n")}, 1,
			"content/helmet/x.md:4:1: asetus \"summary\" on tyhjä",
			"content/helmet/x.md:4:1: \"summary\" is empty"},
		{"image path hint", map[string]string{"helmet/x.md": pearl(front, "![Palaveri](kuvat/palaveri.png)\n"), "static/kuvat/x.txt": "x"}, 1,
			"tiedostoa helmet/kuvat/palaveri.png ei ole: linkitä toisen sivun Markdown-tiedostoon (../helmet/nimi.md) tai osoitteeseen (/helmet/nimi/), tai laita tiedosto kansioon static/kuvat/palaveri.png ja linkitä osoitteeseen /kuvat/palaveri.png",
			"there is no helmet/kuvat/palaveri.png: link to another page's Markdown file (../helmet/nimi.md) or address (/helmet/nimi/), or put the file at static/kuvat/palaveri.png and link to it as /kuvat/palaveri.png"},
		{"image path hint names the file", map[string]string{"helmet/x.md": pearl(front, "![Palaveri](/palaveri.png)\n"), "static/kuvat/palaveri.png": "x"}, 1,
			"content/helmet/x.md:8:1: linkki osoitteeseen /palaveri.png ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /palaveri.png: tiedosto on static/kuvat/palaveri.png, joten kirjoita osoitteeksi /kuvat/palaveri.png",
			"content/helmet/x.md:8:1: broken link to /palaveri.png: no page or file has the address /palaveri.png: the file is static/kuvat/palaveri.png, so write its address as /kuvat/palaveri.png"},
		{"quoted value goes on", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "title: Uusi", `title: "Hyvä" verkostopalaveri`, 1), "Teksti.\n")}, 1,
			`content/helmet/x.md:2:8: arvo alkaa lainausmerkillä " ja jatkuu vielä lainausmerkin jälkeen, jolloin YAML ei ymmärrä riviä: kirjoita koko arvo toisiin lainausmerkkeihin, title: '"Hyvä" verkostopalaveri'`,
			`content/helmet/x.md:2:8: the value starts with the quote " and goes on after the closing quote, which YAML cannot read: put the whole value in the other quotes, title: '"Hyvä" verkostopalaveri'`},
		{"colon in a value", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "title: Uusi", "title: Osa 1: aloitus", 1), "Teksti.\n")}, 1,
			`content/helmet/x.md:2:13: arvossa on kaksoispiste (": "), jonka YAML lukee uuden avaimen aluksi: kirjoita arvo lainausmerkkeihin, title: "Osa 1: aloitus"`,
			`content/helmet/x.md:2:13: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, title: "Osa 1: aloitus"`},
		{"a colon in site.yaml's value on its own line", map[string]string{"site.yaml": "title: T\ndescription: Helmet: vinkkejä\n"}, 1,
			`content/site.yaml:2:20: arvossa on kaksoispiste (": "), jonka YAML lukee uuden avaimen aluksi: kirjoita arvo lainausmerkkeihin, description: "Helmet: vinkkejä"`,
			`content/site.yaml:2:20: the value has a colon (": "), which YAML reads as the start of a new key: put the value in quotes, description: "Helmet: vinkkejä"`},
		{"an unclosed quote in a worksheet, where it opens", map[string]string{"helmet/x.md": pearl(front, "```tyopohja\ntitle: \"Tavoite\nfields:\n  - label: Mikä?\n```\n")}, 1,
			`content/helmet/x.md:9:8: työpohjassa on virhe (arvo alkaa merkillä ", mutta sitä ei suljeta: lisää arvon loppuun ")`,
			`content/helmet/x.md:9:8: the worksheet is not valid YAML (the value opens with " but never closes it: add " at the end of the value)`},
		{"a near miss of a worksheet's field type", map[string]string{"helmet/x.md": pearl(front, "```tyopohja\ntitle: Tavoite\nfields:\n  - label: Mikä?\n    type: lines\n```\n")}, 1,
			`content/helmet/x.md:12:5: työpohjan 1. kentän tyyppiä "lines" ei tunneta (tarkoititko "line"?); työpohjassa on title: ja fields:`,
			`content/helmet/x.md:12:5: field 1 of the worksheet has the unknown type "lines" (did you mean "line"?): a worksheet has title: and fields:`},
		{"a tab in front matter", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "\nkind", "\n\tkind", 1), "Teksti.\n")}, 1,
			"content/helmet/x.md:5:1: asetuksissa on virhe: rivi on sisennetty sarkaimella (Tab): sisennä välilyönneillä",
			"content/helmet/x.md:5:1: the settings between the --- lines: the line is indented with a tab: indent with spaces"},
		{"Latin-1 file says UTF-8 first", map[string]string{"helmet/x.md": pearl(strings.Replace(front, "Uusi", "Hyv\xe4 p\xe4iv\xe4", 1), "Teksti.\n")}, 1,
			"content/helmet/x.md:2:11: tiedosto ei ole UTF-8-tekstiä (tavu 0xE4): tallenna se tekstieditorissa UTF-8-muodossa",
			"content/helmet/x.md:2:11: the file is not valid UTF-8 (byte 0xE4): save it as UTF-8 in your editor"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writePortal(t, "small.txtar", dir)
			for name, data := range tc.files {
				p := filepath.Join(dir, "content", filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, lang := range []string{"fi", "en"} {
				want := map[string]string{"fi": tc.fi, "en": tc.en}[lang]
				code, out, _ := helminauha(t, dir, "check", "--lang", lang)
				if code != tc.code {
					t.Errorf("exit status %d, want %d", code, tc.code)
				}
				if strings.Contains(out, "content/helmet/x.md:1:") || strings.Contains(out, "front matter:") {
					t.Errorf("check speaks of the front matter in YAML's words or at its first line:\n%s", out)
				}
				if !strings.Contains(out, want) {
					t.Errorf("check --lang %s does not say\n%s\nit says\n%s", lang, want, out)
				}
			}
		})
	}
}

// TestSameTitleToldInTheNewerPearl: an editor adds a pearl (or a case
// example) whose title another already has. The warning is in the newer one (by date),
// naming the older, whatever their file names; it was in whichever file
// name sorted last, here the old pearl's, which sent the editor to retitle
// the page readers already knew.
func TestSameTitleToldInTheNewerPearl(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "a-dialogi.md"),
		"---\ntitle: Dialogi\ntheme: johtaminen\nsummary: S.\nkind: vinkki\ndate: 2026-12-07\n---\nTeksti.\n")
	write(t, filepath.Join(dir, "content", "caset", "a-tampere.md"),
		"---\ntitle: Tampereen verkostot\norganization: O\nthemes: [verkostotyo]\nsummary: S.\ndate: 2026-12-07\n---\n## Tarve ja tavoitteet\n## Ratkaisu\n## Tulokset\n## Opit\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		for _, c := range []struct{ newer, older, title string }{
			{"helmet/a-dialogi.md", "helmet/dialogi.md", "Dialogi"},
			{"caset/a-tampere.md", "caset/tampere.md", "Tampereen verkostot"},
		} {
			want := "content/" + c.newer + ":2:8: " + diag.WarningPrefix.In(lang) + " " + diag.SiteSameTitle.With(c.title, "content/"+c.older).In(lang)
			if code != 0 || !strings.Contains(out, want+"\n") || strings.Contains(out, "content/"+c.older+":2:8:") {
				t.Errorf("check --lang %s: exit status %d, want 0 and\n%s\nand no such warning in %s; it says\n%s", lang, code, want, c.older, out)
			}
		}
	}
}

// TestPastedLinkAddresses: a link's address copied with a word
// processor's curly quotes or a character that shows as nothing (a
// no-break space after it, an optional hyphen inside) was told that a
// file that is there is not, or with the URL parser's English; each is
// told what it holds and the address to write. An address the parser
// cannot read is told in the editor's language.
func TestPastedLinkAddresses(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "sivut", "linkit.md"), "---\ntitle: Linkit\n---\n[THL](“https://thl.fi/”)\n\n[Dialogi](../helmet/dialogi.md\u00a0)\n\n[Dialogi](/helmet/dia\u00adlogi/)\n\n[Prosentti](sivu%zz)\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		for _, want := range []string{
			"content/sivut/linkit.md:4:1: " + diag.SiteBrokenLink.With("“https://thl.fi/”", diag.SiteCurlyInAddress.With("https://thl.fi/")).In(lang),
			"content/sivut/linkit.md:6:1: " + diag.SiteBrokenLink.With("../helmet/dialogi.md\u00a0", diag.SiteInvisibleInAddress.With('\u00a0', "../helmet/dialogi.md")).In(lang),
			"content/sivut/linkit.md:8:1: " + diag.SiteBrokenLink.With("/helmet/dia\u00adlogi/", diag.SiteInvisibleInAddress.With('\u00ad', "/helmet/dialogi/")).In(lang),
			"content/sivut/linkit.md:10:1: " + diag.SiteBrokenLink.With("sivu%zz", diag.SiteUnreadableAddress.With()).In(lang),
		} {
			if code != 1 || !strings.Contains(out, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 1 and\n%s\nin:\n%s", lang, code, want, out)
			}
		}
		if strings.Contains(out, "invalid URL escape") {
			t.Errorf("check --lang %s quotes the URL parser's English:\n%s", lang, out)
		}
	}
}

// TestEmptyPageIsAWarning: a standalone page or a guide's chapter with its
// settings and no text (saved before the text was pasted) was published as
// a title over nothing without a word; it is a warning, and the build
// still publishes. A page of an image alone, and the guide's cover, which
// lists the chapters, are not warned of.
func TestEmptyPageIsAWarning(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "sivut", "tyhja.md"), "---\ntitle: Tyhjä sivu\n---\n")
	write(t, filepath.Join(dir, "content", "opas", "tyhja.md"), "---\ntitle: Tyhjä luku\nweight: 50\nsummary: S.\n---\n\n")
	write(t, filepath.Join(dir, "content", "opas", "_index.md"), "---\ntitle: Opas\n---\n")
	write(t, filepath.Join(dir, "content", "static", "kuvat", "k.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`)
	write(t, filepath.Join(dir, "content", "sivut", "kuva.md"), "---\ntitle: Kuva\n---\n![Kaavio](/kuvat/k.svg)\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		for _, file := range []string{"sivut/tyhja.md", "opas/tyhja.md"} {
			want := "content/" + file + ": " + diag.WarningPrefix.In(lang) + " " + diag.SiteEmptyPage.In(lang)
			if code != 0 || !strings.Contains(out, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 0 and\n%s\nin:\n%s", lang, code, want, out)
			}
		}
		for _, file := range []string{"sivut/kuva.md", "opas/_index.md"} {
			if strings.Contains(out, "content/"+file+":") {
				t.Errorf("check --lang %s warns of %s:\n%s", lang, file, out)
			}
		}
	}
	built(t, dir)
}

// TestKeysWrittenInFinnishOrSwedish: an editor writes a key in the words
// the guide and the site use for it. A required one (otsikko) was told
// missing at the first line, and an optional one (asiasanat) was kept for
// the theme without a word, the pearl's tags lost; each is told at its line
// with the key to write.
func TestKeysWrittenInFinnishOrSwedish(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "uusi.md"), "---\notsikko: Uusi\ntheme: johtaminen\nsummary: S.\nkind: vinkki\nAsiasanat: [a]\nPäivämäärä: 2024-01-01\n---\nTeksti.\n")
	write(t, filepath.Join(dir, "content", "caset", "uusi.md"), "---\ntitle: Uusi case\norganisaatio: O\nthemes: [johtaminen]\nsummary: S.\ndate: 2024-01-01\ntidsperiod: 2020\n---\n## Tarve ja tavoitteet\n## Ratkaisu\n## Tulokset\n## Opit\n")
	for _, lang := range diag.Langs {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang.String())
		warn := diag.WarningPrefix.In(lang) + " "
		for _, want := range []string{
			"content/helmet/uusi.md:2:1: " + diag.ContentKeyMisspelt.With("title", "otsikko", "title").In(lang),
			"content/helmet/uusi.md:6:1: " + warn + diag.ContentUnknownKey.With("Asiasanat", diag.DidYouMean.With("tags")).In(lang),
			"content/helmet/uusi.md:7:1: " + diag.ContentKeyMisspelt.With("date", "Päivämäärä", "date").In(lang),
			"content/caset/uusi.md:3:1: " + diag.ContentKeyMisspelt.With("organization", "organisaatio", "organization").In(lang),
			"content/caset/uusi.md:7:1: " + warn + diag.ContentUnknownKey.With("tidsperiod", diag.DidYouMean.With("period")).In(lang),
		} {
			if code != 1 || !strings.Contains(out, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 1 and\n%s\nin:\n%s", lang, code, want, out)
			}
		}
	}
}
