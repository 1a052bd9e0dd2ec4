package markdown

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Text returns the body as plain text for search and excerpts: the text
// of headings, paragraphs, list items, table cells, definitions, footnotes
// and code blocks, one block a line, table cells separated by spaces. It
// holds no markup, no link destinations, no image alt text, no raw HTML
// and no code fence info strings; of a worksheet it holds the title and
// the labels.
func (d *Doc) Text() string {
	if d == nil {
		return ""
	}
	if d.impl.textGone {
		panic("markdown: a text read after ReleaseText")
	}
	b := unpack(nil, d.impl.text)
	if len(b) == 0 {
		return ""
	}
	// b is new and never written again.
	return unsafe.String(&b[0], len(b))
}

// TextInto is Text's bytes, in buf when it has room: for a caller that
// reads text after text and is done with each before the next, which
// then needs no new memory for each (at 100,000 pearls the search index
// read 0.6 GB of texts, each made for it and dropped at once).
func (d *Doc) TextInto(buf []byte) []byte {
	if d == nil {
		return buf[:0]
	}
	if d.impl.textGone {
		panic("markdown: a text read after ReleaseText")
	}
	return unpack(buf, d.impl.text)
}

// ReleaseText drops the body's text, for a build that reads each text
// once (for its search index) and would otherwise keep them all to the
// end. Text panics afterwards; Words stays.
func (d *Doc) ReleaseText() {
	if d != nil {
		d.impl.text, d.impl.textGone = packed{}, true
	}
}

// Words is the number of words of Text, as len(strings.Fields(d.Text())),
// counted once when the file is parsed: the length check of every pearl
// runs on every rebuild of serve, where splitting every text again took
// seconds at 10,000 pearls.
func (d *Doc) Words() int {
	if d == nil {
		return 0
	}
	return d.impl.words
}

// countWords is len(strings.Fields(s)) without making the slice.
func countWords(s []byte) int {
	n := 0
	prev := uint8(1) // the start counts as a space
	for i := 0; i < len(s); i++ {
		sp := spaceByte[s[i]]
		if sp == maybeSpace {
			// The first byte of a rune that may be a space (U+0085,
			// U+00A0, U+1680, U+2000–U+205F, U+3000); any other byte of
			// a non-ASCII rune, or of an invalid one, is a word's.
			r, size := utf8.DecodeRune(s[i:])
			sp = 0
			if unicode.IsSpace(r) {
				sp = 1
				i += size - 1
			}
		}
		n += int(prev &^ sp) // a word starts after a space
		prev = sp
	}
	return n
}

// spaceByte is 1 for the ASCII spaces of unicode.IsSpace, maybeSpace for
// the first bytes of the other runes it takes, 0 for every other byte:
// most of a Finnish text is ASCII, and a table without branches on the
// words counts it four times as fast.
var spaceByte = func() (t [256]uint8) {
	for _, c := range []byte("\t\n\v\f\r ") {
		t[c] = 1
	}
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = maybeSpace
	}
	return t
}()

const maybeSpace = 2

// plainText appends Text, computed from the syntax tree, to b, with the
// spaces around it and NUL characters as they are (see noNUL).
func (p *parse) plainText(b []byte) []byte {
	src := p.src
	b = slices.Grow(b, len(src))
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			switch n.Kind() {
			case east.KindTableRow, east.KindTableHeader:
				b = newline(b)
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.ThematicBreak:
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			if ws, ok := p.sheets[n]; ok {
				if ws.ok {
					b = append(newline(b), ws.title...)
					for _, f := range ws.fields {
						b = append(newline(b), f.label...)
					}
					b = newline(b)
				}
				return ast.WalkSkipChildren, nil
			}
			b = appendLines(newline(b), n, src)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			b = appendLines(newline(b), n, src)
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			b = appendInline(b, n, src, false)
			if len(b) > 0 && b[len(b)-1] != ' ' && b[len(b)-1] != '\n' {
				b = append(b, ' ')
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock {
			if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
				b = newline(appendInline(newline(b), n, src, false))
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return b
}

// noNUL is b with each NUL replaced by U+FFFD, as the HTML shows it.
func noNUL(b []byte) []byte {
	if bytes.IndexByte(b, 0) < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte{0}, []byte("\uFFFD"))
}

// newline ends the current line of b, if there is one.
func newline(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	return b
}

func appendLines(b []byte, n ast.Node, src []byte) []byte {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return newline(b)
}

// inlineText is the plain text of the inline children of n. Images count
// with their alt text only when images is true.
func inlineText(n ast.Node, src []byte, images bool) string {
	return string(noNUL(appendInline(nil, n, src, images)))
}

func appendInline(b []byte, n ast.Node, src []byte, images bool) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(src)
			if !c.IsRaw() {
				v = unescape(v)
			}
			if len(v) > 0 && v[0] == ' ' && len(b) > 0 && b[len(b)-1] == ' ' {
				v = v[1:] // a skipped image or raw HTML would leave two spaces
			}
			b = append(b, v...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b = append(b, bytes.TrimSuffix(t.Value(src), []byte{'\n'})...)
					if t.SoftLineBreak() {
						b = append(b, ' ')
					}
				}
			}
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *ast.RawHTML:
			// Raw HTML is not passed through, nor into the text.
		case *ast.Image:
			if images {
				b = appendInline(b, c, src, images)
			}
		default:
			b = appendInline(b, c, src, images)
		}
	}
	return b
}

// unescape resolves backslash escapes and character references the way
// goldmark does when it renders text.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}
