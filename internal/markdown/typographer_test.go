package markdown

import (
	"testing"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// typographyCases hold what the typographer replaces and what it passes
// by, next to the text goldmark cuts at its triggers: commas and full
// stops before spaces, two spaces and line ends, in emphasis, links,
// alt texts, headings, tables, code and quotes left open across blocks.
var typographyCases = []string{
	"Yksi, kaksi. Kolme, neljä.\nViisi ,kuusi .seitsemän  \nkahdeksan. \nyhdeksän.\\\nkymmenen,\n",
	"\"lainaus\" ja 'toinen' ja Alice's ja '90s ja rock 'n' roll, \"Monitor 21\"\" ja \"a, b\".\n",
	"a -- b --- c - d -e f- ... g.. h. . . i << j >> k < l > m\n",
	"*a, b.* ja **c. d,** ja _e, f._ [g, h.](i.md) ![j, k. l](m.png) `n, o.` ~~p, q.~~\n",
	"# Otsikko, jossa piste.\n\n## Toinen. Otsikko,\n\n| a, b | c. d |\n|---|---|\n| e, f. | g |\n",
	"\"avoin lainaus\n\nseuraava kappale\" ja 'toinen\n\n- kohta' ja \"kolmas\n",
	"[a.b]: /c\n\n[a.b] ja [x, y] ja [^1].\n\n[^1]: Alaviite, piste.\n\nTermi.\n: selitys, pilkku.\n",
	"a.  \nb,  \nc.\\\nd\n\n    koodi. pilkku,\n\n```\naita, piste.\n```\n",
	"a@b.fi, www.c.fi. http://d.fi, ja e.\n",
	"&hellip; ja &#46; ja \\. ja \\, ja .\\. ja ,\\,\n",
	"> lainaus. pilkku,\n>> sisempi -- viiva...\n",
	"000  ,\nyksi  , kaksi  . kolme  -\n",
}

// goldmarksTypographer is md's setup with goldmark's own Typographer, which
// Parse stands for with typographer and its choice of parser.
func goldmarksTypographer() parser.Parser {
	return newMarkdown(true, extension.NewTypographer(extension.WithTypographicSubstitutions(finnishTypography)), linkRefs{}).Parser()
}

func TestTypographerAsGoldmarks(t *testing.T) {
	theirs := goldmarksTypographer()
	for _, src := range append(append(typographyCases, quietCases...), linkifyCases...) {
		sameOutput(t, src, nil, theirs)
	}
	for _, src := range []string{"a--b", "a...", ">>", "a -- b", "x\n\ny...z"} {
		if !scanBody([]byte(src)).typography {
			t.Errorf("scanBody(%q).typography is false", src)
		}
	}
	for _, src := range []string{"a-b", "a..", "> >", "a, b. c.", "-\n-", ".\n..", ">\n>"} {
		if scanBody([]byte(src)).typography {
			t.Errorf("scanBody(%q).typography is true", src)
		}
	}
}

// FuzzTypographer checks that a body parsed as Parse does, with the
// typographer asked at fewer characters, comes out as with goldmark's
// Typographer: the same HTML, text, words, headings, links and problems.
func FuzzTypographer(f *testing.F) {
	for _, s := range append(append(typographyCases, quietCases...), linkifyCases...) {
		f.Add(s)
	}
	seeds(f, func(src []byte) { f.Add(string(src)) })
	theirs := goldmarksTypographer()
	f.Fuzz(func(t *testing.T, src string) {
		sameOutput(t, src, nil, theirs)
		// Most inputs have something linkify finds: the same without.
		sameOutput(t, quieten(src), nil, theirs)
	})
}
