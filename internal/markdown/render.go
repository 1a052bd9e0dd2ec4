package markdown

import (
	"bytes"
	"cmp"
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTML renders the body. rewrite maps every link and image destination,
// as written, to the destination to emit; it is called once for each link,
// image and autolink, and may be nil. A javascript:, vbscript: or data:
// destination, as written or as rewritten, is never emitted: the link
// becomes its text and the image loses its src. Raw HTML is left out.
//
// HTML only reads d, so it may run concurrently on different Docs (and on
// the same Doc when rewrite allows it). The output is deterministic.
func (d *Doc) HTML(rewrite func(dest string) string) []byte {
	return d.Render(RenderOptions{Rewrite: rewrite})
}

// RenderOptions are the callbacks a caller may give Render.
type RenderOptions struct {
	// Rewrite maps a link or image destination as written to the
	// destination to emit (see HTML). Nil leaves destinations unchanged.
	Rewrite func(dest string) string
	// ImageSize, when not nil, gives the intrinsic width and height in
	// pixels of the image at dest (the destination Rewrite returned), so
	// that the <img> carries width and height and the page does not shift
	// as images load. ok false leaves the attributes out.
	ImageSize func(dest string) (width, height int, ok bool)
	// Done and ToDo are the accessible names of a task list's boxes, in
	// the page's language; "Tehty" and "Tekemättä" when empty.
	Done, ToDo string
	// LinkLang, when not nil, tells the language of the page at a link's
	// destination (the one Rewrite returned) when it is not the page's
	// own, and that page's title: a translation links to the original
	// of a page not translated yet. The link gets hreflang, and lang too
	// when its text is that title, which is then a passage in the other
	// language (WCAG 3.1.2). lang "" is the page's own language.
	LinkLang func(dest string) (lang, title string)
}

// Render renders the body like HTML, with more options. The slice is new
// on every call and the caller's: nothing else refers to it.
func (d *Doc) Render(o RenderOptions) []byte {
	return d.AppendRender(nil, o)
}

// AppendRender is Render appending the body to dst, for a caller that
// reuses its buffers: the bodies of a build's pages, each made new, were
// half of what rendering the pages allocated.
func (d *Doc) AppendRender(dst []byte, o RenderOptions) []byte {
	if d == nil || !d.impl.parsed {
		return dst
	}
	if d.impl.released {
		panic("markdown: a body rendered after Release")
	}
	bp := decoded.Get().(*[]byte)
	defer decoded.Put(bp)
	html := unpack(*bp, d.impl.html)
	*bp = html
	w := &htmlWriter{Buffer: *bytes.NewBuffer(dst), rewrite: o.Rewrite, imageSize: o.ImageSize, linkLang: o.LinkLang, done: cmp.Or(o.Done, "Tehty"), todo: cmp.Or(o.ToDo, "Tekemättä")}
	w.Grow(len(html) + 64*len(d.impl.holes))
	last := 0
	for _, s := range d.impl.holes {
		w.Write(html[last:s.at])
		last = s.at
		h := s.hole(d.impl.holeText)
		w.fill(&h)
	}
	w.Write(html[last:])
	return w.Bytes()
}

// Release drops the body's HTML, for a build that renders each body once
// and keeps every body from loading until its page is rendered: a large
// portal need not keep them all to the end. Render panics afterwards. The
// text, the headings and the rest stay.
func (d *Doc) Release() {
	if d != nil {
		d.impl.html, d.impl.holes, d.impl.holeText, d.impl.released = packed{}, nil, "", true
	}
}

// ReleaseFrontMatter drops what only loading and the site model read:
// Meta, where the front matter's keys and values are written (KeyLines
// and ValueAt know none afterwards), and the body's Links and
// TitleLinks; the headings, the body and its text stay. For a build that
// keeps nothing, once its model is made: at 100,000 pearls they are a
// third of the live heap while the pages are rendered.
func (d *Doc) ReleaseFrontMatter() {
	if d != nil {
		d.Meta, d.Links, d.TitleLinks = nil, nil, nil
		d.keys = keyLines{lines: map[string]int{}}
	}
}

// HasWorksheet reports whether the body holds at least one tyopohja block.
func (d *Doc) HasWorksheet() bool {
	return d != nil && d.impl.worksheet
}

// Refused tells that the body is over one of the limits (an error Parse
// reported) and was not parsed: it has no HTML, text or words.
func (d *Doc) Refused() bool {
	return d != nil && d.impl.refused
}

// compile renders the body into d with holes and computes its text.
func (p *parse) compile(d *docImpl) {
	// The HTML and the text are made in buffers kept for the next
	// document: pack copies them (or writes them to the Store), so no
	// Doc keeps them, and making them new for every file was a fifth of
	// the bytes a load allocates.
	bp := compiled.Get().(*compileBufs)
	defer compiled.Put(bp)
	w := &bp.html
	w.Reset()
	w.sheets, w.ids = p.sheets, p.headingIDs
	w.Grow(len(p.src) + len(p.src)/2 + 64)
	// htmlWriter never fails and the node renderers return no errors.
	_ = md.Renderer().Render(w, p.src, p.root)
	// Every body is kept from loading until its page is rendered and its
	// text until the search index has read it, so both are kept packed
	// (see pack).
	d.html = pack(p.bodies, w.Bytes())
	d.holes, d.holeText = storeHoles(w.holes)
	*w = htmlWriter{Buffer: w.Buffer}
	bp.text = p.plainText(bp.text[:0])
	text := noNUL(bytes.TrimSpace(bp.text))
	d.text = pack(p.bodies, text)
	d.words = countWords(text)
	d.worksheet = len(p.sheets) > 0
	d.parsed = true
}

// compileBufs are the buffers compile makes a body's HTML and text in.
type compileBufs struct {
	html htmlWriter
	text []byte
}

var compiled = sync.Pool{New: func() any { return new(compileBufs) }}

// A hole is the part of the body that depends on a destination, which
// only the caller of Render can resolve. It holds what the node renderer
// saw of its node, escaped already where it is written as is.
type hole struct {
	at    int // offset in docImpl.html
	kind  holeKind
	dest  string // the destination as written
	title string // link and image: the title attribute's value, when hasTitle
	text  string // image: the alt text; autolink: the label
	// hasTitle tells an empty title ("") from none.
	hasTitle bool
}

// storedHole is a hole as a Doc keeps it until its page is rendered: its
// texts are parts of one string of the Doc's (docImpl.holeText), from
// start on, dest, title and text bytes long one after another. So the
// holes hold no pointer, and the collector, which marks every Doc's
// holes at each cycle from loading to rendering, does not look at them:
// a string or two a link were a tenth of the objects alive at 100,000
// pearls.
type storedHole struct {
	at                       int
	start, dest, title, text uint32
	kind                     holeKind
	hasTitle                 bool
}

// storeHoles returns holes as a Doc keeps them, and the string their
// texts are parts of.
func storeHoles(holes []hole) ([]storedHole, string) {
	if len(holes) == 0 {
		return nil, ""
	}
	n := 0
	for _, h := range holes {
		n += len(h.dest) + len(h.title) + len(h.text)
	}
	var b strings.Builder
	b.Grow(n)
	out := make([]storedHole, len(holes))
	for i, h := range holes {
		out[i] = storedHole{at: h.at, start: uint32(b.Len()), dest: uint32(len(h.dest)), title: uint32(len(h.title)), text: uint32(len(h.text)), kind: h.kind, hasTitle: h.hasTitle}
		b.WriteString(h.dest)
		b.WriteString(h.title)
		b.WriteString(h.text)
	}
	return out, b.String()
}

// hole is s with its texts, parts of text.
func (s storedHole) hole(text string) hole {
	at := int(s.start)
	dest := text[at : at+int(s.dest)]
	at += int(s.dest)
	title := text[at : at+int(s.title)]
	at += int(s.title)
	return hole{at: s.at, kind: s.kind, dest: dest, title: title, text: text[at : at+int(s.text)], hasTitle: s.hasTitle}
}

type holeKind uint8

const (
	linkStart holeKind = iota
	linkEnd
	image
	autoLink
	taskDone
	taskToDo
)

// htmlWriter is the util.BufWriter goldmark renders into. While Parse
// compiles a body, the node renderers leave holes; Render fills them with
// the caller's rewrite and imageSize.
type htmlWriter struct {
	bytes.Buffer
	sheets    map[ast.Node]*worksheet // while compiling: the worksheets
	ids       []string                // while compiling: the headings' ids, in order
	holes     []hole
	rewrite   func(string) string
	imageSize func(string) (int, int, bool)
	linkLang  func(string) (string, string)
	links     []openLink // the links open where the writer is
	// done and todo name a task list's boxes (RenderOptions.Done, ToDo).
	done, todo string
}

// openLink is a link whose text is being written.
type openLink struct {
	written bool // was its <a> written
	// For a link to a page in another language: where its start tag's
	// '>' is, where its text starts, that language and the page's title.
	tagEnd, text int
	lang, title  string
}

func (w *htmlWriter) Buffered() int { return w.Len() }
func (w *htmlWriter) Flush() error  { return nil }

func (w *htmlWriter) hole(h hole) {
	h.at = w.Len()
	w.holes = append(w.holes, h)
}

// fill writes what the hole h becomes.
func (w *htmlWriter) fill(h *hole) {
	switch h.kind {
	case linkStart:
		dest, raw, ok := w.rewritten(h.dest)
		if !ok {
			w.links = append(w.links, openLink{})
			return
		}
		l := openLink{written: true}
		w.WriteString(`<a href="`)
		w.Write(dest)
		w.WriteByte('"')
		if h.hasTitle {
			w.WriteString(` title="`)
			w.WriteString(h.title)
			w.WriteByte('"')
		}
		if w.linkLang != nil {
			if l.lang, l.title = w.linkLang(raw); l.lang != "" {
				w.WriteString(` hreflang="`)
				w.Write(util.EscapeHTML([]byte(l.lang)))
				w.WriteByte('"')
			}
		}
		l.tagEnd = w.Len()
		w.WriteByte('>')
		l.text = w.Len()
		w.links = append(w.links, l)
	case linkEnd:
		open := w.links[len(w.links)-1]
		w.links = w.links[:len(w.links)-1]
		if !open.written {
			return
		}
		if open.lang != "" && sameText(w.Bytes()[open.text:], open.title) {
			// The link's text is the other page's title: the only text
			// of a link known to be in that page's language.
			attr := ` lang="` + string(util.EscapeHTML([]byte(open.lang))) + `"`
			b := w.Bytes()
			tail := append([]byte(attr), b[open.tagEnd:]...)
			w.Truncate(open.tagEnd)
			w.Write(tail)
		}
		w.WriteString("</a>")
	case image:
		w.WriteString("<img")
		dest, raw, ok := w.rewritten(h.dest)
		if ok {
			w.WriteString(` src="`)
			w.Write(dest)
			w.WriteByte('"')
		}
		w.WriteString(` alt="`)
		w.WriteString(h.text)
		w.WriteByte('"')
		if h.hasTitle {
			w.WriteString(` title="`)
			w.WriteString(h.title)
			w.WriteByte('"')
		}
		if ok && w.imageSize != nil {
			if width, height, known := w.imageSize(raw); known && width > 0 && height > 0 {
				w.WriteString(` width="` + strconv.Itoa(width) + `" height="` + strconv.Itoa(height) + `"`)
			}
		}
		w.WriteString(` loading="lazy" decoding="async">`)
	case taskDone:
		w.WriteString(`<input type="checkbox" checked disabled aria-label="`)
		w.Write(util.EscapeHTML([]byte(w.done)))
		w.WriteString(`"> `)
	case taskToDo:
		w.WriteString(`<input type="checkbox" disabled aria-label="`)
		w.Write(util.EscapeHTML([]byte(w.todo)))
		w.WriteString(`"> `)
	case autoLink:
		dest, _, ok := w.rewritten(h.dest)
		if !ok {
			w.WriteString(h.text)
			return
		}
		w.WriteString(`<a href="`)
		w.Write(dest)
		w.WriteString(`">`)
		w.WriteString(h.text)
		w.WriteString("</a>")
	}
}

// sameText tells whether the HTML of a link's text, its tags left out,
// reads as title: the same letters, case and runs of white space aside.
func sameText(inner []byte, title string) bool {
	var b strings.Builder
	tag := false
	for _, c := range inner {
		switch {
		case c == '<':
			tag = true
		case c == '>':
			tag = false
		case !tag:
			b.WriteByte(c)
		}
	}
	text := strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
	return text != "" && strings.EqualFold(text, strings.Join(strings.Fields(title), " "))
}

// rewritten rewrites a destination and returns it escaped for an
// attribute, and the rewritten destination itself, or false when it must
// not be emitted.
func (w *htmlWriter) rewritten(written string) ([]byte, string, bool) {
	if w.rewrite != nil {
		written = w.rewrite(written)
	}
	u, ok := escapeDest(written)
	return u, written, ok
}

func escapeDest(written string) ([]byte, bool) {
	if dangerousURL(written) {
		return nil, false
	}
	// The destination is unescaped already (linkDest): resolving
	// references again would turn a written &amp;amp; into &.
	u := util.URLEscape([]byte(written), false)
	if dangerousURL(u) {
		return nil, false
	}
	return util.EscapeHTML(u), true
}

// nodeRenderer renders the nodes whose output differs from goldmark's:
// links and images (rewriting, dropping script URLs, lazy images) and
// code blocks (worksheets; a <pre> a keyboard can reach). It holds no
// state.
type nodeRenderer struct{}

func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
	reg.Register(ast.KindCodeBlock, r.codeBlock)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(east.KindTaskCheckBox, r.taskCheckBox)
}

// heading renders a heading with the id walk gave it, as goldmark
// renders one with an id attribute. The ids are not set as attributes:
// goldmark makes room for ten on the first, 400 bytes for each heading.
func (nodeRenderer) heading(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	w := bw.(*htmlWriter)
	level := "0123456"[node.(*ast.Heading).Level]
	if !entering {
		w.WriteString("</h")
		w.WriteByte(level)
		w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("<h")
	w.WriteByte(level)
	// Walk gives every heading an id, in the order of the document,
	// which is the order the renderer meets them in.
	w.WriteString(` id="`)
	w.Write(util.EscapeHTML([]byte(w.ids[0])))
	w.ids = w.ids[1:]
	w.WriteString(`">`)
	return ast.WalkContinue, nil
}

// taskCheckBox renders a task list box. It carries an accessible name with
// its state, since nothing labels it: "Tehty" (done) or "Tekemättä" (to do)
// in Finnish, RenderOptions.Done and ToDo in the page's language (a hole,
// filled by Render).
func (nodeRenderer) taskCheckBox(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w := bw.(*htmlWriter)
	if node.(*east.TaskCheckBox).IsChecked {
		w.hole(hole{kind: taskDone})
	} else {
		w.hole(hole{kind: taskToDo})
	}
	return ast.WalkContinue, nil
}

func (nodeRenderer) link(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	w := bw.(*htmlWriter)
	n := node.(*ast.Link)
	if !entering {
		w.hole(hole{kind: linkEnd})
		return ast.WalkContinue, nil
	}
	w.hole(hole{kind: linkStart, dest: linkDest(n.Destination), title: escapedTitle(n.Title), hasTitle: n.Title != nil})
	return ast.WalkContinue, nil
}

// escapedTitle is a link's or image's title as goldmark writes it in an
// attribute.
func escapedTitle(t []byte) string {
	if t == nil {
		return ""
	}
	var b htmlWriter
	textWriter{}.Write(&b, t)
	return b.String()
}

func (nodeRenderer) image(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w := bw.(*htmlWriter)
	n := node.(*ast.Image)
	w.hole(hole{
		kind:     image,
		dest:     linkDest(n.Destination),
		text:     string(util.EscapeHTML(bytes.TrimSpace(appendInline(nil, n, src, true)))),
		title:    escapedTitle(n.Title),
		hasTitle: n.Title != nil,
	})
	return ast.WalkSkipChildren, nil
}

func (nodeRenderer) autoLink(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w := bw.(*htmlWriter)
	n := node.(*ast.AutoLink)
	w.hole(hole{kind: autoLink, dest: autoLinkDest(n, src), text: string(util.EscapeHTML(n.Label(src)))})
	return ast.WalkContinue, nil
}

func (nodeRenderer) fencedCode(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w := bw.(*htmlWriter)
	n := node.(*ast.FencedCodeBlock)
	if ws, ok := w.sheets[n]; ok {
		w.Write(ws.html) // empty when the worksheet has errors
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(preOpen + "<code")
	if lang := n.Language(src); len(lang) > 0 {
		w.WriteString(` class="language-`)
		textWriter{}.Write(w, lang)
		w.WriteByte('"')
	}
	w.WriteByte('>')
	codeLines(w, n.Lines(), src)
	return ast.WalkSkipChildren, nil
}

// preOpen starts a code block. A line of code wider than a phone's
// screen scrolls inside its <pre> (the theme's overflow-x: auto), and
// a region that scrolls must be reachable by keyboard to be scrolled
// without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable): the
// editors' guide's commands failed it at 375 px.
const preOpen = `<pre tabindex="0">`

// codeBlock renders an indented code block as goldmark does, with
// preOpen.
func (nodeRenderer) codeBlock(bw util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w := bw.(*htmlWriter)
	w.WriteString(preOpen + "<code>")
	codeLines(w, node.Lines(), src)
	return ast.WalkSkipChildren, nil
}

// codeLines writes a code block's lines, escaped, and closes the block.
func codeLines(w *htmlWriter, lines *text.Segments, src []byte) {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		textWriter{}.RawWrite(w, seg.Value(src))
	}
	w.WriteString("</code></pre>\n")
}

// dangerousURL reports whether u is a javascript:, vbscript: or data: URL
// as a browser would read it: leading spaces and control characters are
// ignored, and so are tabs and newlines anywhere, and the scheme is
// case-insensitive.
func dangerousURL[S string | []byte](u S) bool {
	i := 0
	for i < len(u) && u[i] <= ' ' {
		i++
	}
	var scheme [10]byte
	n := 0
	for ; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			s := string(scheme[:n])
			return s == "javascript" || s == "vbscript" || s == "data"
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '-', c == '.':
		default:
			return false // not a scheme: a relative URL
		}
		if n == len(scheme) {
			return false // longer than any scheme we drop
		}
		scheme[n] = c
		n++
	}
	return false
}
