package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParsers is goldmark's default block parsers with its paragraph
// parser replaced by paragraphs, which takes its nodes from the parse's
// slab.
func blockParsers() []util.PrioritizedValue {
	ps := parser.DefaultBlockParsers()
	n := 0
	for i, p := range ps {
		if fmt.Sprintf("%T", p.Value) == "*parser.paragraphParser" {
			ps[i].Value = paragraphs{}
			n++
		}
	}
	if n != 1 {
		panic("markdown: goldmark's block parsers hold no paragraph parser")
	}
	return ps
}

// slabKey holds a parse's *paragraphSlab in its parser.Context.
var slabKey = parser.NewContextKey()

// paragraphSlab hands out the paragraph nodes of one parse at a time
// (see paragraphs), and the next parse gets them back: a pearl's tree is
// dropped once compiled, and its 40 paragraphs were 15 % of the bytes
// goldmark allocated, each in fresh memory.
type paragraphSlab struct {
	chunks [][]ast.Paragraph
	n      int // nodes handed out since the last reset
}

const slabChunk = 64

func (s *paragraphSlab) get() *ast.Paragraph {
	c, i := s.n/slabChunk, s.n%slabChunk
	if c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]ast.Paragraph, slabChunk))
	}
	s.n++
	p := &s.chunks[c][i]
	// A node as ast.NewParagraph makes it, keeping the room of its
	// lines.
	lines := *p.Lines()
	*p = ast.Paragraph{}
	if lines.Len() > 0 {
		lines.SetSliced(0, 0)
		p.SetLines(&lines)
	}
	return p
}

// reset lets the next parse have the nodes again; nothing may refer to
// them any longer.
func (s *paragraphSlab) reset() { s.n = 0 }

// paragraphs is goldmark's paragraph parser (parser.NewParagraphParser),
// the same lines in the same node, made from the parse's paragraphSlab
// when it has one: the node is the only thing goldmark lets a parser
// choose where to allocate.
type paragraphs struct{}

func (paragraphs) Trigger() []byte { return nil }

func (paragraphs) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	var node *ast.Paragraph
	if s, ok := pc.Get(slabKey).(*paragraphSlab); ok {
		node = s.get()
	} else {
		node = ast.NewParagraph()
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (paragraphs) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (paragraphs) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() != 0 {
		for i := range lines.Len() {
			l := lines.At(i)
			lines.Set(i, l.TrimLeftSpace(reader.Source()))
		}
		length := lines.Len()
		lastLine := node.Lines().At(length - 1)
		node.Lines().Set(length-1, lastLine.TrimRightSpace(reader.Source()))
	}
	if lines.Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
}

func (paragraphs) CanInterruptParagraph() bool { return false }

func (paragraphs) CanAcceptIndentedLine() bool { return false }
