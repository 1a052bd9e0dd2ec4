package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestParagraphsComeFromTheSlab: once a parse has made paragraph nodes,
// the next parse's paragraphs take them (a tree is dropped once
// compiled), not an allocation each for the node and its lines; the
// text inside each is still goldmark's node.
func TestParagraphsComeFromTheSlab(t *testing.T) {
	const n = 200
	src := []byte("---\ntitle: x\n---\n" + strings.Repeat("Kappale tekstiä.\n\n", n))
	allocs := testing.AllocsPerRun(5, func() { parseDoc("helmet/x.md", src, nil) })
	t.Logf("%.0f allocations for %d paragraphs", allocs, n)
	if allocs > 1.5*n {
		t.Errorf("%.0f allocations for %d paragraphs: more than one and a half a paragraph", allocs, n)
	}
}

// goldmarkParagraphs is md's parser with goldmark's own paragraph parser
// ahead of ours, which then opens no paragraph.
var goldmarkParagraphs = func() parser.Parser {
	p := newMarkdown(true, typographer{finnishTypography, "'\"-.,<>"}, linkRefs{}).Parser()
	p.AddOptions(parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 999)))
	return p
}()

// paragraphCases hold paragraphs of every shape goldmark's paragraph
// parser treats: lines to trim, a paragraph a setext underline turns into
// a heading, a table, link reference definitions, lazy lines in quotes
// and lists, and a paragraph of nothing left but references.
var paragraphCases = []string{
	"Yksi.\n\nKaksi\nrivillä  \nja   kolmas   \n\n   sisennetty\n",
	"Otsikko\n=======\n\nToinen\nrivi\n---\n",
	"|a|b|\n|-|-|\n|c|d|\nperään\n",
	"[r]: /x\n[s]: /y \"t\"\nteksti [a][r]\n\n[q]: /z\n",
	"> lainaus\njatkuu\n\n- kohta\njatkuu\n\n  toinen kappale\n",
	"Teksti[^1].\n\n[^1]: Alaviite\n    jatkuu.\n",
	"\t\ntab\t\n",
}

// TestParagraphsAsGoldmarks: our paragraph parser gives what goldmark's
// gives, documents parsed one after another, each taking the nodes the
// one before left.
func TestParagraphsAsGoldmarks(t *testing.T) {
	for _, c := range append(append([]string{}, paragraphCases...), quietCases...) {
		sameOutput(t, c, md.Parser(), goldmarkParagraphs)
	}
}

// FuzzParagraphsAsGoldmarks: for any body, our paragraph parser gives
// what goldmark's gives.
func FuzzParagraphsAsGoldmarks(f *testing.F) {
	for _, c := range paragraphCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameOutput(t, s, md.Parser(), goldmarkParagraphs)
	})
}
