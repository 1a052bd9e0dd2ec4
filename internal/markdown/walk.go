package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/helminauha/helminauha/internal/diag"
)

// walk collects headings, links and worksheets of the body and gives each
// heading its id.
func (p *parse) walk(d *Doc) {
	p.level = 1 // the page title is the h1
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			p.heading(d, n)
		case *ast.Link:
			dest := linkDest(n.Destination)
			pos := p.link(d, n, n.Pos(), dest, false, "")
			// A link of no text ([](/helmet/x/)) has no name for a screen
			// reader to read, nor anything to click; an image's alt text
			// names it.
			if nameless(inlineText(n, p.src, true)) {
				p.diags.Report(pos, diag.MarkdownEmptyLink, Shorten(dest), dest)
			}
		case *ast.Image:
			alt := strings.TrimSpace(inlineText(n, p.src, true))
			p.link(d, n, n.Pos(), linkDest(n.Destination), true, alt)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			p.autoLink(d, n)
		case *ast.RawHTML:
			p.rawHTML(n.Segments, false)
		case *ast.HTMLBlock:
			switch n.HTMLBlockType {
			case ast.HTMLBlockType1, ast.HTMLBlockType6, ast.HTMLBlockType7:
				// (Not a comment, <?…?>, <!…> or CDATA: what an editor
				// writes to hide a note is left out as it should be.)
				p.rawHTML(n.Lines(), true)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			p.titleLinks(d, n)
			p.pastedBullets(n)
		case *east.Table:
			// A table wider than a phone's screen scrolls inside itself
			// (the theme's overflow-x: auto), as a code block does, and
			// is reachable by keyboard for the same reason (see preOpen):
			// a table of long compounds failed axe at 320 px.
			n.SetAttributeString("tabindex", []byte("0"))
		case *ast.FencedCodeBlock:
			if isWorksheetInfo(n.Language(p.src)) {
				if p.sheets == nil {
					p.sheets = make(map[ast.Node]*worksheet)
				}
				p.sheets[n] = p.worksheet(n, len(p.sheets)+1)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// pastedBullets warns of a list pasted from a word processor: lines that
// start with a bullet (•, ▪, ◦, ·), or two or more lines of one paragraph
// that start with a dash (–, —; Word makes one of "- "). Markdown reads
// neither as a list item, so the page showed the items run together in one
// paragraph, and a screen reader no list. A paragraph that starts with a
// dash alone is Finnish dialogue.
func (p *parse) pastedBullets(n ast.Node) {
	lines := n.Lines()
	if lines == nil {
		return
	}
	dashes, first := 0, -1
	for i := range lines.Len() {
		seg := lines.At(i)
		line := bytes.TrimLeft(p.src[seg.Start:seg.Stop], " \t")
		if len(line) == 0 || line[0] < utf8.RuneSelf {
			continue // the common line, at the cost of one byte
		}
		r, size := utf8.DecodeRune(line)
		if size >= len(line) || line[size] != ' ' && line[size] != '\t' {
			continue
		}
		off := seg.Stop - len(line)
		switch r {
		case '•', '▪', '◦', '·', '‣', '●':
			p.diags.Warn(p.pos(off), diag.MarkdownPastedBullet, r)
			return
		case '–', '—':
			if dashes++; first < 0 {
				first = off
			}
		}
	}
	if dashes >= 2 {
		r, _ := utf8.DecodeRune(p.src[first:])
		p.diags.Warn(p.pos(first), diag.MarkdownPastedBullet, r)
	}
}

// nameless tells whether text (a link's, a heading's, an image's alt
// text) has nothing for a reader to see or a screen reader to read: white
// space and characters Invisible names alone. A zero-width space pasted
// between a link's brackets made a link that passed as named.
func nameless(text string) bool {
	return strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || Invisible(r) }) == ""
}

func (p *parse) heading(d *Doc, n *ast.Heading) {
	text := strings.TrimSpace(inlineText(n, p.src, false))
	id := p.ids.id(text)
	p.headingIDs = append(p.headingIDs, id)
	off := n.Pos()
	if off < 0 && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	pos := p.pos(off)
	d.Headings = append(d.Headings, Heading{Level: n.Level, Text: text, ID: id, Line: pos.Line})

	// An image's alt text names a heading of an image alone; text has
	// all but images' alt, so the heading is walked again only when it
	// is nameless without them.
	switch {
	case nameless(text) && nameless(inlineText(n, p.src, true)):
		p.diags.Report(pos, diag.MarkdownEmptyHeading)
	case n.Level == 1:
		p.diags.Warn(pos, diag.MarkdownH1, text)
	case n.Level > p.level+1:
		p.diags.Warn(pos, diag.MarkdownHeadingSkip,
			text, p.level, n.Level, strings.Repeat("#", p.level+1))
	}
	p.level = n.Level
}

// rawHTML warns of HTML in the text (<b>, <br>, <iframe>, <script>),
// which is never published: the editor would find it missing from the
// page with no word of why. A closing tag and a comment are not told; a
// block's first line is quoted.
func (p *parse) rawHTML(segs *text.Segments, block bool) {
	if segs == nil || segs.Len() == 0 {
		return
	}
	first := segs.At(0)
	v := first.Value(p.src)
	if bytes.HasPrefix(v, []byte("</")) || bytes.HasPrefix(v, []byte("<!")) || bytes.HasPrefix(v, []byte("<?")) {
		return
	}
	if block {
		v = bytes.TrimRight(v, "\r\n")
	} else if segs.Len() > 1 {
		// A tag over several lines: joined in a copy, v being the file's.
		v = bytes.Clone(v)
		for i := 1; i < segs.Len(); i++ {
			seg := segs.At(i)
			v = append(v, seg.Value(p.src)...)
		}
	}
	p.diags.Warn(p.pos(first.Start), diag.MarkdownRawHTML, Shorten(strings.TrimSpace(string(v))))
}

// link records a link or an image, and returns its position. off is the
// byte offset of its first character ('[', '!' or '<').
func (p *parse) link(d *Doc, n ast.Node, off int, dest string, image bool, alt string) diag.Pos {
	if off < 0 {
		off = blockStart(n)
	}
	pos := p.pos(off)
	d.Links = append(d.Links, Link{Dest: dest, Line: pos.Line, Col: pos.Col, Image: image, Alt: alt})
	what := diag.WordLink
	if image {
		what = diag.WordImage
	}
	if dangerousURL(dest) {
		p.diags.Warn(pos, diag.MarkdownDangerousLink, what, Shorten(dest))
	}
	if windowsPath(dest) {
		m := diag.MarkdownWindowsLink
		if image {
			m = diag.MarkdownWindowsImage
		}
		p.diags.Report(pos, m, Shorten(dest), dest[strings.LastIndexAny(dest, `\/`)+1:])
	}
	if image && nameless(alt) {
		p.diags.Report(pos, diag.MarkdownNoAlt, dest, dest)
	}
	return pos
}

// windowsPath tells an address that is a file on the editor's own
// Windows machine (C:\Users\…, a backslash, file:), which no reader can
// open.
func windowsPath(dest string) bool {
	if len(dest) >= 2 && dest[1] == ':' && (dest[0]|0x20 >= 'a' && dest[0]|0x20 <= 'z') {
		return true
	}
	return strings.Contains(dest, `\`) || strings.HasPrefix(strings.ToLower(dest), "file:")
}

// RemoteImage tells an image's address on a server (http://, https://,
// or //host/ without a scheme). The pages' Content-Security-Policy
// (img-src 'self' data:, in every page and in _headers) makes a browser
// refuse one of another server, so readers would see a broken image,
// pasted with its address from another web page, and no one a message.
// The model tells it (diag.MarkdownRemoteImage), since the portal's own
// address (site.yaml's baseURL), whose images are local, is its to know.
func RemoteImage(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	return strings.HasPrefix(d, "http://") || strings.HasPrefix(d, "https://") || strings.HasPrefix(d, "//")
}

// RemoteImageName is the name to save the image at the address dest
// under: its own name when that is a plain one, else kuva.png.
func RemoteImageName(dest string) string {
	name := strings.TrimSpace(dest)
	name, _, _ = strings.Cut(name, "#")
	name, _, _ = strings.Cut(name, "?")
	name = name[strings.LastIndexByte(name, '/')+1:]
	if name == "" || strings.Trim(name, ".") == "" || strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) >= 0 {
		return "kuva.png"
	}
	return name
}

// titleLink is a link whose address has spaces, [Verkoston
// roolit](Verkoston roolit): CommonMark reads it as plain text, so the
// reader would see the brackets. The address is on the link's line: its
// space is not a line end (\s would take the \n of "[a](\n)").
var titleLink = regexp.MustCompile(`!?\[([^\]\n]+)\]\(([^()\n<>]*[ \t\f\r][^()\n<>]*)\)`)

// spacedDest tells whether line may hold a titleLink: a "](" followed by
// a space or tab before the next character the address cannot hold.
func spacedDest(line []byte) bool {
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return false
		}
		line = line[i+2:]
		for j, c := range line {
			if c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' {
				return true
			}
			if c == ')' || c == '(' || c == '<' || c == '>' || c == '\n' {
				// A '(' may end this address and open the next ](.
				line = line[max(j-1, 0):]
				break
			}
		}
	}
}

// titleLinks records the links in the block n that CommonMark left as
// text because their address is a page's title or has spaces.
func (p *parse) titleLinks(d *Doc, n ast.Node) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return
	}
	// Every match holds "](" and a space before the next ")": most blocks
	// have none, and the regexp on every line was a seventh of a build's
	// CPU time (on every line with a link, still 3 %).
	first := -1 // the first line that may hold one
	for i := range lines.Len() {
		seg := lines.At(i)
		if spacedDest(p.src[seg.Start:seg.Stop]) {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	var texts []text.Segment
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				texts = append(texts, c.Segment)
			}
		}
		return ast.WalkContinue, nil
	})
	inText := func(off int) bool {
		for _, s := range texts {
			if off >= s.Start && off < s.Stop {
				return true
			}
		}
		return false
	}
	for i := first; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := p.src[seg.Start:seg.Stop]
		if i > first && !spacedDest(line) {
			continue
		}
		for _, m := range titleLink.FindAllSubmatchIndex(line, -1) {
			dest := strings.TrimSpace(string(line[m[4]:m[5]]))
			if dest == "" {
				continue // [x]( ), only spaces: not an address at all
			}
			if rest := dest[strings.IndexAny(dest, " \t")+1:]; strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "'") {
				continue // [x](/a "title"), a link with a title
			}
			off := seg.Start + m[0]
			if !inText(off) {
				continue
			}
			pos := p.pos(off)
			d.TitleLinks = append(d.TitleLinks, Link{Dest: dest, Line: pos.Line, Col: pos.Col, Image: line[m[0]] == '!', Alt: string(line[m[2]:m[3]])})
		}
	}
}

func (p *parse) autoLink(d *Doc, n *ast.AutoLink) {
	off := n.Pos()
	if off >= 0 && off < len(p.src) && p.src[off] != '<' {
		// A bare URL (linkify): its node may start at the space before it.
		label := n.Label(p.src)
		end := min(off+len(label)+8, len(p.src))
		if i := bytes.Index(p.src[off:end], label); i >= 0 {
			off += i
		}
	}
	p.link(d, n, off, autoLinkDest(n, p.src), false, "")
}

// autoLinkDest is where an autolink points: its URL, with mailto: for an
// e-mail address and http:// for a bare www. address.
func autoLinkDest(n *ast.AutoLink, src []byte) string {
	u := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	return u
}

// blockStart is the offset of the block holding the inline node n, for
// nodes goldmark gives no position.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			if l := n.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start
			}
			if n.Pos() >= 0 {
				return n.Pos()
			}
		}
	}
	return 0
}

// Shorten cuts s to 40 characters for a message, marking the cut with an
// ellipsis.
func Shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// linkDest is a link's destination as the editor meant it: goldmark keeps
// backslash escapes and character references in it.
func linkDest(dest []byte) string {
	return string(unescape(dest))
}
