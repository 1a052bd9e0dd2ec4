package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"maps"
	"regexp"
	"strings"
	"unicode/utf8"
)

// An SVG file is a document, not only a picture: opened by its own
// address (a reader's click on a link to it, "open image in new tab") a
// browser runs the scripts in it, as the portal's own origin, where they
// can read what readers keep in the browser (their own necklace, their
// answers to worksheets) and act as the site. The Content-Security-Policy
// of the pages does not reach the file on GitHub Pages, which sends no
// headers of ours. So an SVG under static/ that holds anything a browser
// would run is an error at its place: a script element, an element that
// embeds another document (iframe, object, embed), an event handler
// attribute (onload=…), or an address or animated value that is a script
// (javascript:, vbscript:, data:text/html). A foreignObject is no error
// by itself (Illustrator writes one into every drawing it may edit
// again): what a browser would run inside it is told as anywhere else.

// svgActive is what of an SVG's data a browser would run, as written
// there ("<script>", "onload", "javascript:"), and the byte offset where
// it starts; what is "" when nothing is.
func svgActive(data []byte) (what string, at int) {
	return markupActive(data, false)
}

// markupActive is svgActive, or xmlActive when inVocabularies: then the
// names' namespaces are resolved and only XHTML's and SVG's elements count.
func markupActive(data []byte, inVocabularies bool) (what string, at int) {
	if !svgSuspect(data) {
		return "", 0
	}
	d := browsersXML(data)
	for {
		start := int(d.InputOffset())
		var tok xml.Token
		var err error
		if inVocabularies {
			tok, err = d.Token()
		} else {
			tok, err = d.RawToken()
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", 0
			}
			// What Go's reader cannot take a browser may still draw
			// (an entity the doctype defines, which a browser puts in
			// its place): the whole file is searched for the plain
			// marks of a script rather than passed unread.
			return svgMarks(data)
		}
		if dir, ok := tok.(xml.Directive); ok {
			// A doctype's entities are text a browser puts where they
			// are named, markup and all. Illustrator names its
			// namespaces so (&ns_ai;), which the reading then takes.
			if what, at := svgMarks(dir); what != "" {
				return what, start + bytes.Index(data[start:], dir) + at
			}
			for _, m := range entityDecl.FindAllSubmatch(dir, -1) {
				d.Entity[string(m[1])] = string(m[2]) + string(m[3])
			}
			continue
		}
		el, ok := tok.(xml.StartElement)
		if !ok || inVocabularies && el.Name.Space != xhtmlNS && el.Name.Space != svgNS {
			continue
		}
		if runsElement(strings.ToLower(el.Name.Local)) {
			return "<" + el.Name.Local + ">", start
		}
		for _, a := range el.Attr {
			// A namespace's name is no address a browser opens.
			if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
				continue
			}
			if name := strings.ToLower(a.Name.Local); strings.HasPrefix(name, "on") && len(name) > 2 {
				return a.Name.Local, svgAttrAt(data, start, a.Name.Local)
			}
			if scheme := scriptScheme(a.Value); scheme != "" {
				return scheme, svgAttrAt(data, start, a.Name.Local)
			}
		}
	}
}

// runsElement tells an element, by its local name in lower case, that
// runs a script or embeds a document.
func runsElement(name string) bool {
	switch name {
	case "script", "iframe", "object", "embed", "handler", "listener":
		return true
	}
	return false
}

// svgSuspect tells whether data has any of the marks without which
// nothing in it runs: the name of a script or embedding element or of a
// script's scheme, a data: address, a character reference or a doctype's
// entity (which may spell either), an event handler. Reading an SVG as
// XML takes a second for 10 MB (a map's 200,000 paths), and most hold
// none of the marks.
func svgSuspect(data []byte) bool {
	lower := lowerASCII(data)
	for _, m := range []string{"script", "iframe", "object", "embed", "handler", "listener", "data:", "&#", "entity"} {
		if bytes.Contains(lower, []byte(m)) {
			return true
		}
	}
	_, at := handlerAt(lower)
	return at >= 0
}

// handlerAt is the first event handler attribute written in a tag in
// lower (text in lower case), on…= after a space, a slash, a quote or a
// namespace's colon, and where its name starts; -1 when there is none.
// (A regular expression took 2 s for 10 MB.)
func handlerAt(lower []byte) (string, int) {
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("on"))
		if i < 0 {
			return "", -1
		}
		i += from
		from = i + 2
		if i == 0 {
			continue
		}
		switch lower[i-1] {
		case ' ', '\t', '\n', '\r', '/', '"', '\'', ':':
		default:
			continue
		}
		j := i + 2
		for j < len(lower) && lower[j] >= 'a' && lower[j] <= 'z' {
			j++
		}
		if j == i+2 {
			continue
		}
		k := j
		for k < len(lower) && xmlSpace(lower[k]) {
			k++
		}
		if k == len(lower) || lower[k] != '=' {
			continue
		}
		start := i
		if lower[i-1] == ':' {
			// The prefix (svg:onload) is part of the name as written.
			for start > 0 && lower[start-1] >= 'a' && lower[start-1] <= 'z' || start > 0 && lower[start-1] == ':' {
				start--
			}
		}
		return string(lower[start:j]), start
	}
}

// scriptScheme is the scheme of an address that runs as a script
// ("javascript:"), in value as a browser reads it: spaces and control
// characters inside the scheme are dropped and case does not count.
// Values of animations (values="a;javascript:…") are lists, so any
// occurrence counts, not only one at the start. "" when there is none.
func scriptScheme(value string) string {
	if !strings.Contains(value, ":") {
		return ""
	}
	squeezed := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(value))
	for _, s := range []string{"javascript:", "vbscript:", "data:text/html", "data:application/xhtml"} {
		if strings.Contains(squeezed, s) {
			return s
		}
	}
	return ""
}

// svgMarks searches data for the plain marks of a script, case aside: a
// script or embedding element, an event handler attribute, an address of
// a script.
func svgMarks(data []byte) (string, int) {
	lower := lowerASCII(data)
	for _, m := range []string{"<script", "<iframe", "<object", "<embed", "javascript:", "vbscript:"} {
		if i := bytes.Index(lower, []byte(m)); i >= 0 {
			what := m
			if m[0] == '<' {
				what = string(data[i:i+len(m)]) + ">"
			}
			return what, i
		}
	}
	if name, at := handlerAt(lower); at >= 0 {
		return string(data[at : at+len(name)]), at
	}
	return "", 0
}

// entityDecl is a general entity's declaration in a doctype, its value
// in double or in single quotes.
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([^\s%"']+)\s+(?:"([^"]*)"|'([^']*)')`)

// svgAttrAt is where the attribute name starts in the start tag at the
// byte start of data, or start when it cannot be told.
func svgAttrAt(data []byte, start int, name string) int {
	tag := data[start:]
	if end := bytes.IndexByte(tag, '>'); end >= 0 {
		tag = tag[:end]
	}
	for i := 0; i < len(tag); {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			break
		}
		at := i + j
		if at > 0 && (xmlSpace(tag[at-1]) || tag[at-1] == ':') {
			for at > 0 && !xmlSpace(tag[at-1]) {
				at-- // a prefix (xlink:href) is part of the name as written
			}
			return start + at
		}
		i = at + len(name)
	}
	return start
}

// xmlSpace tells a byte of XML's white space between a tag's names.
func xmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// lineCol is the line and column (in characters, both from 1) of the byte
// at in data.
func lineCol(data []byte, at int) (line, col int) {
	before := data[:at]
	line = 1 + bytes.Count(before, []byte("\n"))
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		before = before[nl+1:]
	}
	return line, 1 + utf8.RuneCount(bytes.TrimPrefix(before, []byte("\uFEFF")))
}

// lowerASCII is data with the ASCII letters in lower case, byte for byte,
// so that an offset in it is one in data (bytes.ToLower may change the
// length of other letters).
func lowerASCII(data []byte) []byte {
	out := make([]byte, len(data))
	for i, c := range data {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// browsersXML reads data as a browser reads an XML document: strictly (an
// undefined entity or a stray & stops a drawing or a document there, and
// so it stops this reading), knowing HTML's named entities, and in the
// encodings asRead takes.
func browsersXML(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = maps.Clone(xml.HTMLEntity)
	d.CharsetReader = asRead
	return d
}
