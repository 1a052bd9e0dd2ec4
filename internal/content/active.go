package content

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	stdhtml "html"
	"io"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strings"
	u16 "unicode/utf16"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/helminauha/helminauha/internal/diag"
)

// Besides an SVG image (see svgActive), other files under static/ are
// documents a browser runs script in when opened by their own address, as
// the portal's origin: an HTML page, an XHTML page, an XML file (whose
// XHTML or SVG elements a browser renders and runs), and an SVG image
// compressed with gzip (.svgz, which a host serves as an SVG), and an
// XSLT stylesheet (.xsl, .xslt), an XML file itself. Each of them is
// looked into as an SVG is, and one that holds a script is an error.
//
// An XML document (of these, or an SVG image) may also name an XSL
// stylesheet (<?xml-stylesheet type="text/xsl" href="…"?>), by which a
// browser turns it into the page it shows: a program whose output, script
// elements and all, cannot be told before it runs (an element named by
// the data, text written out unescaped). Such a document is an error
// whatever the stylesheet holds; one naming a CSS stylesheet is not.

// docKind is how a static document is read for scripts.
type docKind int

const (
	kindXHTML docKind = iota // every element counts, as in an SVG
	kindHTML                 // not XML: searched for the plain marks
	kindXML                  // only elements of XHTML's and SVG's namespaces count
	kindSVGZ                 // an SVG, unpacked first
	kindXSL                  // every element counts, and those it makes by name
)

// documentKinds are the static documents looked into for scripts, by
// their extensions in lower case (.svg is an image's: see images), those
// of xmlTypes read as .xml is. An .shtml is an HTML page to the hosts that
// know it (nginx, GitHub Pages), its server-side includes comments.
var documentKinds = func() map[string]docKind {
	kinds := map[string]docKind{
		".xhtml": kindXHTML, ".xht": kindXHTML, ".html": kindHTML, ".htm": kindHTML, ".shtml": kindHTML,
		".xml": kindXML, ".svgz": kindSVGZ, ".xsl": kindXSL, ".xslt": kindXSL,
	}
	for _, ext := range strings.Fields(xmlTypes) {
		kinds["."+ext] = kindXML
	}
	return kinds
}()

// xmlTypes are the other extensions a static host or web server serves
// with an XML media type (text/xml, application/xml, or one ending in
// +xml: application/atom+xml, application/vnd.google-earth.kml+xml), a
// file a browser reads as XML, running its XHTML and SVG elements as an
// .xml file's. They are the union of the tables hosts map extensions by
// (mime-db, which GitHub Pages serves by; nginx's and Apache's
// mime.types; Debian's /etc/mime.types, which its Apache reads) as of
// 2026-12-07, and .xbl and .xliff, XML by name, which none of them maps.
// The list is fixed here rather than read from the machine's tables (as
// Go's mime package does) so that check says the same on every machine.
// Browsers differ in which of the types they open as XML (Chromium shows
// a feed as text and downloads most +xml types), but the standards count
// every +xml type as XML, and another browser may open one so: all are
// checked. A name that is some host's XML type and another's binary format (.mpp,
// .pkg) costs nothing: a file that does not start as XML is no XML
// document to a browser either (startsAsXML). A file of a name no host
// knows is sniffed instead (sniffsAsXML, sniffsAsHTML).
const xmlTypes = `
	1km ac aml apxml atom atomcat atomdeleted atomsrv atomsvc bdo bmml
	ccmp ccxml cdfx cdxml cellml cl clue cml cpl csl dae davmount dbk dcmp
	dd2 ddf dist distz dtb dwd emma emotionml es3 et3 fdt fo gml gpx grxml
	gsheet hal held ink inkml irp its kbl kml lasxml lbe lgr link66
	lostsyncxml lostxml mads maei mathml meta4 metalink mets mml mods moml
	mpd mpf mpkg mpp mrcx mscml musd musicxml mxml ncx obgx odd omdoc opf
	osfpvg osm owl pkg pls provx pskcxml rapd rdf relo res rfcxml rif rl
	rld rng rs rsat rsd rsheet rss rusd sbml scl sdkd sdkm senmlx sensmlx
	shf sls smi smil sml sru srx ssdl ssml stpx swidtag systemverify td
	tei teicorpus tfi ttml uis uo uoml uvt uvvt vec vxml wadl wbs wif wsdl
	wspolicy x3d x3dz xaml xav xbl xca xcs xdcf xdf xdm xdp xdssc xel xenc
	xer xhtm xhvml xlf xliff xmls xns xop xpl xsd xsf xsm xspf xul xvm
	xvml yin zaz zmm
`

// MaxUnpacked is the most bytes an .svgz image may unpack to: no more is
// ever unpacked, so a small file that unpacks to gigabytes (a gzip bomb)
// costs this much memory and time at most, and is an error. A drawing
// past 16 MB would not be opened by readers on a phone anyway.
const MaxUnpacked = 16 << 20

// activeDocuments reports the static documents (documentKinds) that hold
// something a browser would run, each at its line and column (of the
// unpacked drawing, for an .svgz, which no editor opens as it is: its
// message says what to search for).
func activeDocuments(fsys fs.FS, static []string, show func(string) string) diag.List {
	var diags diag.List
	for _, name := range static {
		ext := strings.ToLower(path.Ext(name))
		if _, image := imageKinds[ext]; image {
			continue
		}
		kind, ok := documentKinds[ext]
		var data []byte
		switch {
		case !ok:
			data, ok = readSniffed(fsys, DirStatic+"/"+name, func(head []byte, whole bool) bool {
				switch {
				case sniffsAsXML(head, whole):
					kind = kindXML
				case !servedAsText[ext] && sniffsAsHTML(head):
					kind = kindHTML
				default:
					return false
				}
				return true
			})
		case kind == kindXML:
			data, ok = readSniffed(fsys, DirStatic+"/"+name, startsAsXML)
		default:
			var err error
			data, err = fs.ReadFile(fsys, DirStatic+"/"+name)
			// rootfs has reported a file it refused.
			ok = err == nil
		}
		if !ok {
			continue
		}
		pos := diag.Pos{File: show(DirStatic + "/" + name)}
		if kind == kindSVGZ {
			unpacked, err := unpack(data)
			switch {
			case errors.Is(err, errTooLarge):
				diags.Report(pos, diag.ContentStaticSVGZTooLarge, MaxUnpacked>>20)
			case err == nil:
				unpacked = asUTF8(unpacked)
				if what, _ := svgActive(unpacked); what != "" {
					diags.Report(pos, diag.ContentStaticSVGZScript, what)
				}
				if href, _, ok := xslStylesheet(unpacked); ok {
					diags.Report(pos, diag.ContentStaticXSLStylesheet, href)
				}
			}
			// One that does not unpack shows nothing and runs nothing.
			continue
		}
		data = asUTF8(data)
		// An HTML page is no XML: a browser takes <?…?> there for a
		// comment, and follows no stylesheet it names.
		reportRunning(&diags, pos, data, activeOf[kind], diag.ContentStaticDocScript, kind != kindHTML)
	}
	return diags
}

// activeOf finds what runs in a static document of each kind but an
// .svgz, which is unpacked first.
var activeOf = map[docKind]func(data []byte) (what string, at int){
	kindXHTML: svgActive, kindHTML: htmlActive, kindXML: xmlDocActive, kindXSL: xslActive,
}

// reportRunning reports what active finds in data, a static file's text
// (pos names the file), as script says, and when xsl an XSL stylesheet
// data names, each at its line and column.
func reportRunning(diags *diag.List, pos diag.Pos, data []byte, active func([]byte) (string, int), script *diag.Message, xsl bool) {
	if what, at := active(data); what != "" {
		p := pos
		p.Line, p.Col = lineCol(data, at)
		diags.Report(p, script, what)
	}
	if !xsl {
		return
	}
	if href, at, ok := xslStylesheet(data); ok {
		pos.Line, pos.Col = lineCol(data, at)
		diags.Report(pos, diag.ContentStaticXSLStylesheet, href)
	}
}

// asUTF8 is data in UTF-8, as the checks read it, decoded as a browser
// decodes it: UTF-16 by its byte order mark (kept, as U+FEFF), and bytes
// that are no UTF-8 (ISO-8859-1 or windows-1252, which an XML
// declaration names and Go's reader does not take) one for one as
// Latin-1, which keeps every tag, name and namespace, all ASCII, as
// written. Before 2026-12-07 such a file was searched for the plain
// marks alone, which no script in UTF-16 and no <h:script> showed. A
// place told of it is in the characters an editor shows.
func asUTF8(data []byte) []byte {
	be, le := utf16BOM(data)
	switch {
	case be || le:
		units := make([]uint16, 0, len(data)/2)
		for i := 0; i+1 < len(data); i += 2 {
			if be {
				units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		return []byte(string(u16.Decode(units)))
	case utf8.Valid(data):
		return data
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		out = utf8.AppendRune(out, rune(b))
	}
	return out
}

// utf16BOM tells whether data starts with UTF-16's byte order mark, big
// or little endian.
func utf16BOM(data []byte) (be, le bool) {
	return bytes.HasPrefix(data, []byte("\xFE\xFF")), bytes.HasPrefix(data, []byte("\xFF\xFE"))
}

// asRead is the reader of a document that names an encoding other than
// UTF-8, which asUTF8 has already decoded.
func asRead(_ string, r io.Reader) (io.Reader, error) { return r, nil }

// readSniffed is the static file name's bytes when the first of them (the
// most http.DetectContentType reads) are what a browser takes for a
// document by takes (XML, or HTML); ok is false when they are not, and
// for a file rootfs refused. Only such a file is read whole, not a large
// binary one of an XML type's name (.pkg, an installer) or of none.
func readSniffed(fsys fs.FS, name string, takes func(head []byte, whole bool) bool) (data []byte, ok bool) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var head [sniffLen]byte
	n, err := io.ReadFull(f, head[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, false
	}
	if !takes(head[:n], n < len(head)) {
		return nil, false
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return nil, false
	}
	return append(head[:n:n], rest...), true
}

// startsAsXML tells whether head, the first bytes of a file, or all of it
// when whole, may start an XML document: after a byte order mark and
// white space comes markup. A browser reads anything else as XML no
// further than its first byte (a binary file, a text file): the error it
// shows instead runs nothing. Head that is white space alone may start
// one.
func startsAsXML(head []byte, whole bool) bool {
	if be, le := utf16BOM(head); be || le {
		// UTF-16, which a browser reads too.
		return true
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	if len(text) == 0 {
		return !whole
	}
	return text[0] == '<'
}

// sniffsAsXML tells whether head, the first bytes of a file whose name no
// host maps to a media type, or all of it when whole, makes a browser read
// it as XML: some hosts (Apache) serve such a file with no type, and a
// browser then takes one that begins with <?xml, after white space, for
// XML (an XML declaration, an <?xml-stylesheet?>), as the standard of
// sniffing says, and as Go's http.DetectContentType does. A binary file
// never begins so. A text file of a name hosts serve as text (.txt) that
// does is read as XML too, rather than a table of every name every host
// knows kept here: XML that runs a script or names an XSL stylesheet has
// no place in static/ under any name. A byte order mark before it is
// taken too, though the standard makes such a file text.
func sniffsAsXML(head []byte, whole bool) bool {
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\n\f\r")
	const decl = "<?xml"
	if len(text) < len(decl) && !whole {
		// The bytes read end in white space or the start of one.
		return bytes.HasPrefix([]byte(decl), text)
	}
	return bytes.HasPrefix(text, []byte(decl))
}

// sniffsAsHTML tells whether head, the first bytes of a file whose name
// no host maps to a media type, makes a browser read it as an HTML page
// when a host (Apache) serves it with none: it begins, after white space,
// with one of the tags the standard of sniffing names (<!DOCTYPE HTML,
// <html, <script, <p, <!--, …), as Go's http.DetectContentType tells.
func sniffsAsHTML(head []byte) bool {
	return strings.HasPrefix(http.DetectContentType(head), "text/html")
}

// servedAsText are extensions every host serves as text of a type no
// browser sniffs into a page (text/plain, text/csv, text/css, …): a
// sample of HTML kept in one, with its scripts, runs nothing. Any other
// name that no host maps (documentKinds, imageKinds) is sniffed.
var servedAsText = map[string]bool{
	".txt": true, ".text": true, ".csv": true, ".tsv": true, ".css": true, ".js": true, ".mjs": true,
	".json": true, ".md": true, ".markdown": true, ".ics": true, ".vcf": true, ".vtt": true,
}

// xslStylesheet is the address an <?xml-stylesheet?> in data names an
// XSL stylesheet by, as written, and where the instruction starts; ok is
// false when there is none. Any one counts, not only one before the root
// element: a browser takes one after it too. A stylesheet is XSL unless
// its type says CSS, or it has no type and its address ends in .css (a
// browser takes text/xml, application/xml and more for XSL). What Go's
// reader cannot take is searched for the plain instruction.
func xslStylesheet(data []byte) (href string, at int, ok bool) {
	if !bytes.Contains(data, []byte(stylesheetPI)) {
		return "", 0, false
	}
	d := browsersXML(data)
	for {
		start := int(d.InputOffset())
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return "", 0, false
		}
		if err != nil {
			return plainStylesheet(data)
		}
		if pi, isPI := tok.(xml.ProcInst); isPI && pi.Target == "xml-stylesheet" {
			if href, ok := xslHref(pi.Inst); ok {
				return href, start, true
			}
		}
	}
}

// stylesheetPI starts the instruction that names a document's stylesheet.
const stylesheetPI = "<?xml-stylesheet"

// plainStylesheet is xslStylesheet for data Go's reader cannot take:
// each "<?xml-stylesheet" written in it, up to the next "?>", is read.
func plainStylesheet(data []byte) (href string, at int, ok bool) {
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte(stylesheetPI))
		if i < 0 {
			return "", 0, false
		}
		i += from
		from = i + len(stylesheetPI)
		inst := data[from:]
		if end := bytes.Index(inst, []byte("?>")); end >= 0 {
			inst = inst[:end]
		}
		if href, ok := xslHref(inst); ok {
			return href, i, true
		}
	}
}

// pseudoAttr is a pseudo-attribute of a processing instruction, its value
// in double or in single quotes.
var pseudoAttr = regexp.MustCompile(`(?:^|\s)(type|href)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// xslHref is the address of the stylesheet that the instruction inst (what
// follows "xml-stylesheet") names, ok when it is an XSL one.
func xslHref(inst []byte) (href string, ok bool) {
	typ, hasType := "", false
	for _, m := range pseudoAttr.FindAllSubmatch(inst, -1) {
		v := string(m[2]) + string(m[3])
		if string(m[1]) == "type" {
			typ, hasType = strings.ToLower(strings.TrimSpace(v)), true
		} else {
			href = v
		}
	}
	if typ == "text/css" {
		return "", false
	}
	if !hasType {
		addr := strings.ToLower(href)
		if i := strings.IndexAny(addr, "?#"); i >= 0 {
			addr = addr[:i]
		}
		if strings.HasSuffix(addr, ".css") {
			return "", false
		}
	}
	return href, true
}

// htmlActive is what of an HTML file a browser would run and where: the
// plain marks (svgMarks), or else an attribute's value that is a script's
// address once the browser has read it, its character references put in
// place and its tabs and line ends dropped (href="javascript&colon;…",
// "java&#9;script:", "&#106;avascript:"), which no plain mark finds.
func htmlActive(data []byte) (what string, at int) {
	if what, at := svgMarks(data); what != "" {
		return what, at
	}
	in := parse.NewInputBytes(data)
	l := html.NewLexer(in)
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return "", 0
		case html.AttributeToken:
			val := l.AttrVal()
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			if scheme := scriptScheme(stdhtml.UnescapeString(string(val))); scheme != "" {
				// The attribute ends where the input stands.
				return scheme, max(0, in.Offset()-len(l.Text())-len(l.AttrVal())-1)
			}
		}
	}
}

var errTooLarge = errors.New("unpacks past MaxUnpacked")

// unpack is the gzip data unpacked, at most MaxUnpacked bytes of it
// (errTooLarge past them).
func unpack(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxUnpacked+1))
	if err != nil {
		return nil, err
	}
	if len(out) > MaxUnpacked {
		return nil, errTooLarge
	}
	return out, nil
}

const (
	xhtmlNS = "http://www.w3.org/1999/xhtml"
	svgNS   = "http://www.w3.org/2000/svg"
)

// xmlActive is svgActive for an XML file of any vocabulary: a browser
// runs only what is in XHTML's or SVG's namespace (a data file's own
// <object> element is no embedded document), so only their elements and
// attributes count. XML a browser cannot read shows an error instead of
// the document; it is searched for the plain marks all the same, rather
// than passed unread.
func xmlActive(data []byte) (what string, at int) {
	return markupActive(data, true)
}

// xmlDocActive is xmlActive for a file a browser reads as XML whatever it
// holds: an .svg file that is no drawing, a file a host serves with an
// XML media type (xmlTypes, .xml). Only elements of XHTML's and SVG's
// namespaces run there, and a file that can give none that namespace runs
// nothing: an HTML error page written without xmlns, most often not even
// XML (of an .svg, it stays the warning that it is no image), or an RSS
// feed, also one that a stray & leaves for the plain marks (xmlActive),
// which a script of an embed in its text would show. A namespace needs an
// xmlns attribute, written out or made by the doctype (an entity, a
// default value), each written in the case XML asks (a browser's reader
// takes no other), so the file is searched as it is, not a lower-cased
// copy of it.
func xmlDocActive(data []byte) (what string, at int) {
	for _, m := range []string{"xmlns", "<!ENTITY", "<!ATTLIST"} {
		if bytes.Contains(data, []byte(m)) {
			return xmlActive(data)
		}
	}
	return "", 0
}

const xsltNS = "http://www.w3.org/1999/XSL/Transform"

// xslActive is svgActive for an XSLT stylesheet: the elements it writes
// out as they stand (<script>, in no namespace, is an HTML page's script)
// and those it makes by a name written out (<xsl:element name="script">,
// <xsl:attribute name="onclick">). A name it computes ("{$x}") cannot be
// told before it runs; so no static document may name a stylesheet (see
// xslStylesheet), and this check is the stylesheet's own, should another
// way of running it come.
func xslActive(data []byte) (what string, at int) {
	if what, at := svgActive(data); what != "" {
		return what, at
	}
	d := browsersXML(data)
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if err != nil {
			// svgActive has searched what cannot be read for the plain
			// marks.
			return "", 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Space != xsltNS || el.Name.Local != "element" && el.Name.Local != "attribute" {
			continue
		}
		for _, a := range el.Attr {
			if a.Name.Space != "" || a.Name.Local != "name" {
				continue
			}
			name := a.Value
			if i := strings.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			lower := strings.ToLower(strings.TrimSpace(name))
			if el.Name.Local == "element" && runsElement(lower) {
				return "<" + strings.TrimSpace(name) + ">", start
			}
			if el.Name.Local == "attribute" && strings.HasPrefix(lower, "on") && len(lower) > 2 {
				return strings.TrimSpace(name), svgAttrAt(data, start, "name")
			}
		}
	}
}
