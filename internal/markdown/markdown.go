package markdown

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

// md is the goldmark setup of the generator (and quiet and quietQuotes
// its parsers without linkify). All are built once and only read
// afterwards: goldmark's parser and renderer keep per-call state in the
// parser.Context and the writer, so concurrent use is safe.
var md = newMarkdown(true, typographer{finnishTypography, "'\"-.,<>"}, linkRefs{})

// quiet is md's parser without linkify, for a body in which linkify can
// find nothing and its being asked changes nothing (see bodyScan.linkify).
// goldmark asks an inline parser that is triggered by a space at every
// space of the text, and cuts the text there; most bodies have no URL or
// e-mail address, and these calls and the text nodes they leave were a
// third of goldmark's inline parsing.
var quiet = newMarkdown(false, typographer{finnishTypography, "'\"-.<>"}, linkRefs{}).Parser()

// quietQuotes is quiet's parser with the typographer asked only at quotes
// and '<', for a body with no "--", "..." or ">>", where it has nothing
// else to replace (see typographer).
var quietQuotes = newMarkdown(false, typographer{finnishTypography, "'\"<"}, linkRefs{}).Parser()

// newMarkdown is the setup with linkify or without, and with typo as
// its typographer.
func newMarkdown(linkifyToo bool, typo goldmark.Extender, refs parser.ParagraphTransformer) goldmark.Markdown {
	exts := []goldmark.Extender{
		frontMatterBlock{},
		// Alignment as an attribute: a style attribute would be blocked by
		// the theme's Content-Security-Policy.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		linkify{},
		extension.TaskList,
		extension.Footnote,
		extension.DefinitionList,
		typo,
	}
	if !linkifyToo {
		exts = slices.DeleteFunc(exts, func(e goldmark.Extender) bool { return e == linkify{} })
	}
	return goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(util.Prioritized(refs, 100)),
		)),
		goldmark.WithExtensions(exts...),
		// Raw HTML stays out: no html.WithUnsafe. Our node renderer takes over
		// links, images, autolinks and fenced code (for worksheets).
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)),
			html.WithWriter(textWriter{}),
		),
	)
}

// linkRefs is goldmark's LinkReferenceParagraphTransformer, which reads
// the link reference definitions ([nimi]: osoite) a paragraph starts
// with, asked only of a paragraph that starts with '[': of any other it
// makes a reader for nothing, 6 % of the bytes goldmark allocates.
type linkRefs struct{}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if lines := node.Lines(); lines.Len() > 0 {
		seg := lines.At(0)
		if first := util.TrimLeftSpace(seg.Value(reader.Source())); len(first) > 0 && first[0] != '[' {
			return
		}
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// bodyByte marks the bytes scanBody looks at further: 1 for those of
// controlByte, 2 for those the tests of bodyScan.linkify and
// bodyScan.typography start at, 4 for the bytes of a rune past ASCII, which
// must be UTF-8, and 8 for the marks of isMark. Most bytes of a body are
// letters, which one look at the table passes.
var bodyByte = func() (t [256]uint8) {
	for c := range t {
		if controlByte[c] {
			t[c] = 1
		}
		if c >= utf8.RuneSelf {
			t[c] |= 4
		}
	}
	for _, c := range []byte("@\t:.& ->") {
		t[c] |= 2
	}
	for c := range t {
		t[c] |= isMark[c] << 3
	}
	return t
}()

// bodyScan is what scanBody finds in a body.
type bodyScan struct {
	// ctrl is the offset of the first control character, or -1 (when
	// the body is UTF-8: it may be any offset otherwise), and bad that of
	// the first byte that is not UTF-8, or -1.
	ctrl, bad int
	// bidi is the offset of the first character yamldoc.Bidi names, or -1.
	bidi int
	// linkify tells whether the body may hold something linkify finds
	// (an '@', "http:", "https:", "ftp:", "www."), or text that comes
	// out otherwise when linkify is not asked: goldmark cuts the text at
	// each space it asks linkify at, and the last piece of a line is a
	// text node of its own, not trimmed as the whole would be, which
	// shows where the piece before it ends in a space (two spaces or a
	// tab, or a &#32;) — in the HTML (a space before a <br>) and in Text
	// and alt texts, which drop the second of two spaces across text
	// nodes. Two spaces that indent a line are not in its text, and two
	// that end it make a <br> and are not either.
	linkify bool
	// typography tells whether the body holds "--", "..." or ">>",
	// which the typographer replaces when asked at '-', '.' or '>' (see
	// typographer).
	typography bool
	// marks is how many of the Markdown marks MaxMarks counts the body
	// holds: no block can hold more (see overLimit).
	marks int
}

// scanBody is control, bodyScan.linkify and .typography,
// yamldoc.InvalidUTF8 and a count of the marks in one pass over the body
// b. A search for each of the strings, then for two spaces, took as long
// as goldmark's parse of a paragraph: a space is every seventh byte; and
// checking the UTF-8 in a pass of its own took as long as this one, for a
// Finnish text has an ä or an ö every fifteen bytes.
func scanBody(b []byte) bodyScan {
	s := bodyScan{ctrl: -1, bad: -1, bidi: -1}
	for i := 0; i < len(b); i++ {
		k := bodyByte[b[i]]
		if k == 0 {
			continue
		}
		s.marks += int(k >> 3)
		if k&1 != 0 && s.ctrl < 0 && (b[i] != 0xc2 || i+1 < len(b) && b[i+1] < 0xa0) {
			s.ctrl = i
		}
		if k&4 != 0 {
			// The rune's other bytes are not looked at again: none is
			// one of controlByte's, linkify's or the typographer's.
			if c := b[i]; c >= 0xc2 && c <= 0xdf && i+1 < len(b) && b[i+1]&0xc0 == 0x80 {
				i++ // ä, ö and the other two-byte runes, at a glance
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				if s.bad < 0 {
					s.bad = i
				}
				continue
			}
			if s.bidi < 0 && yamldoc.Bidi(r) {
				s.bidi = i
			}
			i += size - 1
			continue
		}
		if k&2 == 0 {
			continue
		}
		switch b[i] {
		case ' ':
			if s.linkify || i+1 == len(b) || b[i+1] != ' ' {
				continue
			}
			// i starts a run of spaces: one before it would have.
			end := i + 2
			for end < len(b) && b[end] == ' ' {
				end++
			}
			indent := i == 0 || b[i-1] == '\n'
			lineBreak := end == i+2 && end < len(b) && b[end] == '\n'
			s.linkify = !indent && !lineBreak
			i = end - 1
		case ':': // http:, ftp:, https:
			s.linkify = s.linkify || i >= 2 && b[i-2] == 't' && b[i-1] == 'p' || i >= 3 && b[i-3] == 't' && b[i-2] == 'p' && b[i-1] == 's'
		case '.':
			s.linkify = s.linkify || i >= 3 && b[i-3] == 'w' && b[i-2] == 'w' && b[i-1] == 'w'
			s.typography = s.typography || i+2 < len(b) && b[i+1] == '.' && b[i+2] == '.'
		case '-', '>':
			s.typography = s.typography || i+1 < len(b) && b[i+1] == b[i]
		case '&':
			s.linkify = s.linkify || i+1 < len(b) && b[i+1] == '#'
		default: // '@', a tab
			s.linkify = true
		}
	}
	return s
}

// frontMatterBlock is goldmark-meta's block parser, which finds the
// front matter block, without its AST transformer, which adds nothing but
// an HTML comment of the YAML error. Its Close decodes the block with two
// yaml.v2 Unmarshal calls (into a map, then into a yaml.MapSlice): two
// parses of the same text, 8 % of a build's CPU time at 10,000 pearls.
// Ours gives the same map, item count and error from one parse
// (decodeMeta), and leaves a block that may hold an alias, a tag or a
// merge key to goldmark-meta's own Close.
//
// The block is taken out of the document when it closes, also when YAML
// cannot read it (goldmark-meta then leaves it in): its lines are not
// Markdown, and the inline parser's work on them is not bounded by the
// limits, which count from the body on.
type frontMatterBlock struct{}

func (frontMatterBlock) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(frontMatterParser{meta.NewParser()}, 0)))
}

type frontMatterParser struct{ parser.BlockParser }

func (b frontMatterParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if block := blockText(node.Lines(), reader.Source()); byMeta(block) {
		b.BlockParser.Close(node, reader, pc)
		m, err := meta.TryGet(pc)
		pc.Set(decodedKey, &yamlMeta{m: m, items: len(meta.GetItems(pc)), err: err})
	} else {
		pc.Set(decodedKey, decodeMeta(block))
	}
	if parent := node.Parent(); parent != nil {
		parent.RemoveChild(parent, node)
	}
}

// blockText is the text of lines as goldmark-meta's Close puts it
// together: when the lines follow one another in the source, with no
// padding and no forced line end, the source itself, not a copy.
func blockText(lines *text.Segments, src []byte) []byte {
	n := lines.Len()
	if n == 0 {
		return nil
	}
	first := lines.At(0)
	end := first.Start
	for i := range n {
		seg := lines.At(i)
		if seg.Start != end || seg.Padding != 0 || seg.ForceNewline {
			var buf bytes.Buffer
			for i := range n {
				seg := lines.At(i)
				buf.Write(seg.Value(src))
			}
			return buf.Bytes()
		}
		end = seg.Stop
	}
	return src[first.Start:end:end]
}

// linkify is goldmark's Linkify, whose parser is asked at every space of
// the text and spends most of its time looking for an e-mail address in
// each word (a tenth of goldmark's parse). linkifyAt asks it only where a
// URL or an address may start: the same links, found the same way.
type linkify struct{}

func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(linkifyAt{extension.NewLinkifyParser()}, 999)))
}

type linkifyAt struct{ parser.InlineParser }

// nextAt is where the next '@' of a document's source is, at or after
// from (len of the source when none is), kept in its parser.Context.
type nextAt struct{ from, at int }

var nextAtKey = parser.NewContextKey()

// Parse tells goldmark's parser no link is at this position unless the
// text after the trigger starts with a protocol or www. (which it tries
// first), or the line holds an '@' further on, without which it finds no
// e-mail address (an address's '@' follows its first part on the line).
func (l linkifyAt) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	start := seg.Start
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
		start++
	}
	if len(line) >= 4 {
		switch line[0] {
		case 'h', 'f', 'w':
			// http:, https:, ftp:, www.
			return l.InlineParser.Parse(parent, block, pc)
		}
	}
	n, _ := pc.Get(nextAtKey).(*nextAt)
	if n == nil {
		n = &nextAt{from: -1}
		pc.Set(nextAtKey, n)
	}
	if start < n.from || start > n.at {
		src := block.Source()
		n.from, n.at = start, len(src)
		if i := bytes.IndexByte(src[start:], '@'); i >= 0 {
			n.at = start + i
		}
	}
	if n.at >= seg.Stop {
		return nil
	}
	return l.InlineParser.Parse(parent, block, pc)
}

// typographer is goldmark's Typographer asked only at the characters it
// may replace something at. Its parser is triggered at ' " - . , < > *
// and [, where goldmark cuts the text: a call and a text node for every
// comma and full stop of a body, though it never replaces anything at a
// ',', '*' or '['. At '*' and '[' other parsers are asked and cut the
// text all the same. Without linkify, it need not be asked at ',' either,
// nor at '-', '.' and '>' in a body with no "--", "..." or ">>"
// (bodyScan.typography), where it would find nothing: the text comes out
// the same in fewer text nodes. With linkify, which cuts the text at
// every space, a cut at a comma decides whether a text node starts with
// the second of two spaces, which Text drops (see appendInline), so md's
// is asked at ',' as goldmark's is.
//
// goldmark never calls the Typographer's CloseBlock (its signature is
// not parser.CloseBlocker's), so neither does this one: a quote left open
// in one block may be closed in the next, as with the Typographer.
//
// The substitutions are a field, not read from finnishTypography in
// Extend: a package variable's initialiser that calls Extend through an
// interface would not wait for finnishTypography to be set.
type typographer struct {
	subs     extension.TypographicSubstitutions
	triggers string
}

func (t typographer) Extend(m goldmark.Markdown) {
	at := typographerAt{extension.NewTypographerParser(extension.WithTypographicSubstitutions(t.subs)), []byte(t.triggers)}
	// 9999 is the Typographer's own priority.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(at, 9999)))
}

type typographerAt struct {
	parser.InlineParser
	triggers []byte
}

func (t typographerAt) Trigger() []byte { return t.triggers }

// finnishTypography follows Finnish usage: the closing quote opens too
// (”näin” and ’näin’), guillemets are »näin», and an apostrophe is ’.
// The values are characters, not entities, so that Text sees them as the
// reader does.
var finnishTypography = extension.TypographicSubstitutions{
	extension.LeftSingleQuote:  []byte("’"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("”"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.LeftAngleQuote:   []byte("»"),
	extension.RightAngleQuote:  []byte("»"),
	extension.Apostrophe:       []byte("’"),
}

// docImpl is what rendering needs of a parsed document. It is written by
// Parse and only read afterwards.
//
// The syntax tree lives only during Parse: it takes ten times the memory
// of the page it becomes, and a portal of 10,000 pearls would keep
// hundreds of megabytes of small objects alive for the garbage collector
// to scan until every page is rendered. Parse renders the body once, with
// a hole wherever a destination goes (destinations depend on the whole
// site, which Parse does not know), and keeps that and the plain text.
type docImpl struct {
	parsed    bool
	refused   bool         // the body is over a limit and was not parsed
	html      packed       // the body with holes left out
	holes     []storedHole // in order of their offset in html
	holeText  string       // the holes' texts (see storedHole)
	text      packed       // Text's result
	words     int          // Words' result
	worksheet bool         // the body holds a tyopohja block
	released  bool         // Release dropped html and holes
	textGone  bool         // ReleaseText dropped text
}

// Parse reads one Markdown file with optional YAML front matter. file is
// the path used in positions ("content/helmet/x.md"). Parse always returns
// a Doc, so that a caller can go on collecting problems; the Doc of a file
// with errors is incomplete. Parse keeps src (or a normalised copy of it):
// the caller must not change it afterwards.
//
// Byte-order marks and CRLF line endings are accepted. Problems: invalid
// UTF-8, a control character in the text, front matter that is not closed, not YAML or not a mapping, a
// key written twice, an image without alt text, a malformed worksheet
// (errors); a skipped heading level and a dropped script URL (warnings).
func Parse(file string, src []byte) (*Doc, diag.List) {
	return ParseInto(file, src, nil)
}

// ParseInto is Parse that keeps the body's HTML and text in bodies (see
// Store), or in memory when bodies is nil.
func ParseInto(file string, src []byte, bodies *Store) (*Doc, diag.List) {
	d, p := parseDoc(file, src, bodies)
	return d, p.diags
}

func parseDoc(file string, src []byte, bodies *Store) (*Doc, *parse) {
	return parseDocWith(file, src, bodies, nil)
}

// parseDocWith is parseDoc with the parser gm, or md's or quiet when
// nil, for the tests that the choice changes nothing.
func parseDocWith(file string, src []byte, bodies *Store, gm parser.Parser) (*Doc, *parse) {
	p := &parse{file: file, bodies: bodies}
	src = yamldoc.Normalise(src)
	p.src = src
	sc := scratches.Get().(*scratch)
	p.lines = appendLineStarts(sc.lines[:0], src)
	d := &Doc{Headings: sc.headings[:0]}
	p.headingIDs, p.ids.few = sc.ids[:0], sc.few[:0]

	fm := scanFrontMatter(src)
	body := 1
	if fm.closed {
		body = fm.end + 1
	}
	// The body is checked for UTF-8 in scanBody's pass, the rest (the
	// front matter) here: a rune never spans the line end between them.
	start := len(src)
	if body <= len(p.lines) {
		start = p.lines[body-1]
	}
	off := yamldoc.InvalidUTF8(src[:start])
	scan := scanBody(src[start:])
	ctrl := scan.ctrl
	if ctrl >= 0 {
		ctrl += start
	}
	if off < 0 && scan.bad >= 0 {
		off = start + scan.bad
	}
	if off >= 0 {
		p.badUTF8 = true
		p.diags.Report(p.pos(off), diag.YAMLNotUTF8, src[off])
	}

	pc := parser.NewContext()
	parsed := src
	if p.overLimit(body, scan.marks) {
		// Only the front matter, whose problems are still worth telling.
		parsed = src[:p.lines[min(body, len(p.lines))-1]]
		d.impl.refused = true
	}
	switch {
	case gm != nil:
	case scan.linkify && !d.impl.refused:
		gm = md.Parser()
	case scan.typography:
		gm = quiet
	default:
		gm = quietQuotes
	}
	p.root = gm.Parse(text.NewReader(parsed), parser.WithContext(pc))
	p.frontMatter(d, fm, pc)

	p.walk(d)
	if !p.badUTF8 {
		// The front matter's are yamldoc's to tell, and so is one in a
		// worksheet, which walk has told at the same place.
		if off := ctrl; off >= 0 {
			at := p.pos(off)
			if !slices.ContainsFunc(p.diags, func(e *diag.Error) bool { return e.Pos == at }) {
				r, _ := utf8.DecodeRune(src[off:])
				p.diags.Report(at, diag.MarkdownControl, r)
			}
		}
		// A bidirectional override or isolate makes the text after it
		// show otherwise than it is written ("Trojan Source"): a
		// reviewer of the change, on GitHub or in an editor, reads one
		// thing and readers another. It is an error as in the front
		// matter (yamldoc), whose rule a worksheet's block has told at
		// the same place.
		if scan.bidi >= 0 {
			at := p.pos(start + scan.bidi)
			if !slices.ContainsFunc(p.diags, func(e *diag.Error) bool { return e.Pos == at }) {
				r, _ := utf8.DecodeRune(src[start+scan.bidi:])
				p.diags.Report(at, diag.MarkdownBidi, r)
			}
		}
	}
	hs := d.Headings
	d.Headings = packHeadings(hs)
	p.compile(&d.impl)
	p.diags.Sort()
	// Nothing the Doc keeps refers to the scratch slices; the texts they
	// hold are let go. p cannot tell positions afterwards.
	clear(hs)
	clear(p.headingIDs)
	clear(p.ids.few)
	sc.lines, sc.headings, sc.ids, sc.few = p.lines[:0], hs[:0], p.headingIDs[:0], p.ids.few[:0]
	scratches.Put(sc)
	p.lines, p.headingIDs, p.ids.few = nil, nil, nil
	return d, p
}

// controlByte tells the bytes that are, or start, a control character a
// page has no use for: C0 but tab and the line ends, DEL, and 0xC2, the
// first byte of C1 (U+0080–U+009F) and of other characters, which
// scanBody looks at further. A control character is one an editor
// cannot see, which would reach the page as nothing, or break its HTML
// and the feed's XML.
var controlByte = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t[0x7f], t[0xc2] = true, true
	return t
}()

// parse is the state of one Parse call.
type parse struct {
	file  string
	src   []byte   // the normalised source the syntax tree points into
	root  ast.Node // the syntax tree
	lines []int    // byte offset of the start of each line
	diags diag.List
	ids   headingIDs
	// headingIDs are the ids walk gave the headings, in the order of
	// the document, for compile to render.
	headingIDs []string
	level      int                     // level of the previous heading, for the skip warning
	last       lastPos                 // the previous position pos computed
	runes      int                     // runes pos has counted, for the test that this stays linear
	sheets     map[ast.Node]*worksheet // the tyopohja blocks, by their fenced code node
	fields     int                     // the fields of the worksheets so far
	badUTF8    bool                    // the file is not UTF-8, which is said first
	bodies     *Store                  // where compile keeps the body, nil for memory
}

// lastPos remembers where pos was last asked, so that the next position
// on the same line counts runes from there, not from the line's start.
type lastPos struct {
	off, line, col int // line is 0-based; col is 1-based
	ok             bool
}

// pos converts a byte offset in the source into a position. Col counts
// runes, 1-based; an invalid byte counts as one.
//
// Positions are asked for in the order of the document, and a line can
// hold a hundred thousand links: counting every column from the start of
// its line took minutes, so a column further along the line of the
// previous one is counted on from it.
func (p *parse) pos(off int) diag.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(p.src) {
		off = len(p.src)
	}
	l := p.last
	if !l.ok || off < l.off || (l.line+1 < len(p.lines) && off >= p.lines[l.line+1]) {
		i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
		l = lastPos{off: p.lines[i], line: i, col: 1, ok: true}
	}
	n := utf8.RuneCount(p.src[l.off:off])
	l.col += n
	p.runes += n
	l.off = off
	p.last = l
	return diag.Pos{File: p.file, Line: l.line + 1, Col: l.col}
}

// linePos is the position of a whole line (1-based), clamped into the file.
func (p *parse) linePos(line int) diag.Pos {
	if line < 1 {
		line = 1
	}
	if line > len(p.lines) {
		line = len(p.lines)
	}
	return diag.Pos{File: p.file, Line: line}
}

// line returns the text of the 1-based line n, without its newline.
func (p *parse) line(n int) []byte {
	start := p.lines[n-1]
	end := len(p.src)
	if n < len(p.lines) {
		end = p.lines[n] - 1
	}
	return p.src[start:end]
}

// scratch holds the slices a parse fills and is done with when it ends,
// for the next parse: the line starts, the headings before packHeadings
// copies them, their ids. Made new for every file they were a twentieth
// of the bytes a load allocates.
type scratch struct {
	lines    []int
	headings []Heading
	ids, few []string
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// lineStarts returns the byte offset of the start of every line.
func lineStarts(src []byte) []int {
	return appendLineStarts(make([]int, 0, 1+len(src)/40), src)
}

// appendLineStarts is lineStarts appending to starts.
func appendLineStarts(starts []int, src []byte) []int {
	starts = append(starts, 0)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return starts
}

// packHeadings returns hs in a slice of their own length whose texts and
// ids are parts of one string. The headings are kept as long as the page
// is, from loading to the end of the build: as two strings each they were
// a third of the objects alive at 100,000 pearls, and the collector looks
// each up at every cycle; parts of one string are one object.
func packHeadings(hs []Heading) []Heading {
	if len(hs) == 0 {
		return nil
	}
	n := 0
	for _, h := range hs {
		n += len(h.Text) + len(h.ID)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range hs {
		b.WriteString(h.Text)
		b.WriteString(h.ID)
	}
	all := b.String()
	out := make([]Heading, len(hs))
	at := 0
	for i, h := range hs {
		out[i] = h
		out[i].Text = all[at : at+len(h.Text)]
		at += len(h.Text)
		out[i].ID = all[at : at+len(h.ID)]
		at += len(h.ID)
	}
	return out
}
