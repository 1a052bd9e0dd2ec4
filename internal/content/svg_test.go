package content

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/diag"
)

// FuzzSVGActive feeds any bytes to the loader as an SVG image under
// static/: it must not panic, an error must point inside the file, and a
// script element at the start of the drawing is found whatever follows
// it (what follows is read only after it). The seeds in
// testdata/fuzz/FuzzSVGActive are the ways of hiding a script that the
// audit of 2026-12-07 tried: an entity of the doctype, a character
// reference and a tab inside javascript:, an animation that sets an href.
func FuzzSVGActive(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`))
	f.Add([]byte("<?xml version=\"1.0\"?>\n<!-- Inkscape -->\n<svg><text>&lt;script&gt;</text></svg>"))
	f.Add([]byte(`<svg><a href="https://thl.fi/"><text>x</text></a></svg>`))
	const script = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>`
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, svg := range [][]byte{data, append([]byte(script), data...)} {
			fsys := fstest.MapFS{"sivut/a.md": {Data: []byte("---\ntitle: A\n---\nTeksti.\n")}, "static/x.svg": {Data: svg}}
			_, diags := Load(context.Background(), fsys, "content")
			lines := bytes.Count(svg, []byte("\n")) + 1
			found := false
			for _, d := range diags.Errors() {
				if d.Pos.File != "content/static/x.svg" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
					t.Errorf("error outside the file of %d lines: %v", lines, d)
				}
				for _, l := range diag.Langs {
					if m := d.Message(l); strings.ContainsAny(m, "\n\r") {
						t.Errorf("message in %s at %v: %q", l, d.Pos, m)
					}
				}
				found = found || d.ID() == diag.ContentStaticSVGScript.ID()
			}
			if !found && bytes.HasPrefix(svg, []byte(script)) {
				t.Errorf("the script at the start of %q is not found", svg)
			}
		}
	})
}

// TestXMLByItsFirstBytes: whether a file of an XML type's name, or of
// none, is read as XML is told by its first 512 bytes; white space past
// them does not hide the markup that follows it, and a file that is white
// space alone, or empty, runs nothing.
func TestXMLByItsFirstBytes(t *testing.T) {
	t.Parallel()
	blank := strings.Repeat(" \n", 400)
	const script = `<feed xmlns="http://www.w3.org/2005/Atom"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></feed>`
	cases := []struct {
		file, data string
		want       *diag.Message // nil: no error
		line       int
	}{
		{"syote.atom", blank + script, diag.ContentStaticDocScript, 401},
		{"syote.ATOM", "\uFEFF" + script, diag.ContentStaticDocScript, 1},
		{"tiedot", blank + `<?xml-stylesheet type="text/xsl" href="m.xsl"?><tiedot/>`, diag.ContentStaticXSLStylesheet, 401},
		{"tiedot.dat", "\t<?xml version=\"1.0\"?>" + script, diag.ContentStaticDocScript, 1},
		{"tyhja.atom", "", nil, 0},
		{"tyhja", "", nil, 0},
		{"valit.kml", blank, nil, 0},
		{"valit", blank, nil, 0},
		{"lyhyt", "<?xm", nil, 0},
		{"teksti.atom", "Syöte: " + script, nil, 0},
	}
	for _, c := range cases {
		fsys := fstest.MapFS{"sivut/a.md": {Data: []byte("---\ntitle: A\n---\nTeksti.\n")}, "static/" + c.file: {Data: []byte(c.data)}}
		_, diags := Load(context.Background(), fsys, "content")
		var got []*diag.Error
		for _, d := range diags.Errors() {
			if d.Pos.File == "content/static/"+c.file {
				got = append(got, d)
			}
		}
		switch {
		case c.want == nil && len(got) > 0:
			t.Errorf("%s (%q…): %v, want no error", c.file, c.data[:min(len(c.data), 20)], got)
		case c.want != nil && (len(got) != 1 || got[0].ID() != c.want.ID() || got[0].Pos.Line != c.line):
			t.Errorf("%s: %v, want one %s at line %d", c.file, got, c.want.ID(), c.line)
		}
	}
}
