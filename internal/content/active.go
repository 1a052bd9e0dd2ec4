package content

import (
	"bytes"
	"compress/gzip"
	"errors"
	stdhtml "html"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/helminauha/helminauha/internal/diag"
)

// Besides an SVG image (see svgActive), other files under static/ are
// documents a browser runs script in when opened by their own address, as
// the portal's origin: an HTML page, an XHTML page, an XML file (whose
// XHTML or SVG elements a browser renders and runs), and an SVG image
// compressed with gzip (.svgz, which a host serves as an SVG). Each of
// them is looked into as an SVG is, and one that holds a script is an
// error.

// docKind is how a static document is read for scripts.
type docKind int

const (
	kindXHTML docKind = iota // every element counts, as in an SVG
	kindHTML                 // not XML: searched for the plain marks
	kindXML                  // only elements of XHTML's and SVG's namespaces count
	kindSVGZ                 // an SVG, unpacked first
)

// documentKinds are the static documents looked into for scripts, by
// their extensions in lower case (.svg is an image's: see images).
var documentKinds = map[string]docKind{
	".xhtml": kindXHTML, ".xht": kindXHTML, ".html": kindHTML, ".htm": kindHTML,
	".xml": kindXML, ".svgz": kindSVGZ,
}

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
		kind, ok := documentKinds[strings.ToLower(path.Ext(name))]
		if !ok {
			continue
		}
		data, err := fs.ReadFile(fsys, DirStatic+"/"+name)
		if err != nil {
			// rootfs has reported a file it refused.
			continue
		}
		pos := diag.Pos{File: show(DirStatic + "/" + name)}
		if kind == kindSVGZ {
			unpacked, err := unpack(data)
			switch {
			case errors.Is(err, errTooLarge):
				diags.Report(pos, diag.ContentStaticSVGZTooLarge, MaxUnpacked>>20)
			case err == nil:
				if what, _ := svgActive(unpacked); what != "" {
					diags.Report(pos, diag.ContentStaticSVGZScript, what)
				}
			}
			// One that does not unpack shows nothing and runs nothing.
			continue
		}
		var what string
		var at int
		switch kind {
		case kindXHTML:
			what, at = svgActive(data)
		case kindHTML:
			what, at = htmlActive(data)
		case kindXML:
			what, at = xmlActive(data)
		}
		if what != "" {
			pos.Line, pos.Col = lineCol(data, at)
			diags.Report(pos, diag.ContentStaticDocScript, what)
		}
	}
	return diags
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
