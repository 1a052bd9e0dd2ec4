package markdown

import (
	"cmp"
	"fmt"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// growth is how much more work a construct repeated 4n times may take
// than repeated n times: 4 for linear work, with room for the fixed cost
// of a parse; quadratic work gives 16.
const growth = 5

// constructs repeat each Markdown and front matter construct n times.
// Speed is not measured here (the project has no timed unit tests):
// allocations and the runes counted for positions stand in for work,
// which is what grew quadratically before.
//
// The larger size must stay under the limits of limits.go: past one the
// parse stops early with an error, and comparing with that would prove
// nothing, so work fails on any error. A construct whose marks share one
// paragraph is repeated fewer times (n), to stay under MaxMarks.
var constructs = []struct {
	name string
	gen  func(n int) string
	n    int // 0 for the default, 400
}{
	{"equal headings", func(n int) string { return strings.Repeat("## Sama otsikko\n\n", n) }, 0},
	{"headings that take the suffixes first", func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "## a %d\n\n", i)
		}
		return b.String() + strings.Repeat("## a\n\n", n)
	}, 0},
	{"links on one line", func(n int) string { return strings.Repeat("[linkki](../helmet/x.md) ", n) }, 100},
	{"images on one line", func(n int) string { return strings.Repeat("![kuva](kuva.png) ", n) }, 90},
	{"autolinks on one line", func(n int) string { return strings.Repeat("<https://example.fi/> ", n) }, 0},
	{"bare addresses on one line", func(n int) string { return strings.Repeat("www.example.fi ", n) }, 0},
	{"links in one heading", func(n int) string { return "## " + strings.Repeat("ä [b](c) ", n) + "\n" }, 100},
	{"reference uses on one line", func(n int) string { return "[r]: /x\n\n" + strings.Repeat("[a][r] ", n) }, 100},
	{"links in one paragraph of many lines", func(n int) string { return strings.Repeat("[ä](b)\n", n) }, 100},
	{"list items", func(n int) string { return strings.Repeat("- [ ] kohta [a](b)\n", n) }, 0},
	{"table rows", func(n int) string { return "|a|b|\n|-|-|\n" + strings.Repeat("|c|*d*|\n", n) }, 0},
	{"paragraphs", func(n int) string { return strings.Repeat("Tekstiä *korostus* ja `koodi`.\n\n", n) }, 0},
	{"worksheets", func(n int) string {
		return strings.Repeat("```tyopohja\ntitle: T\nfields:\n  - label: Kysymys\n```\n\n", n)
	}, MaxFields / 4},
	{"front matter keys", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d: arvo\n", i)
		}
		return "---\ntitle: x\n" + b.String() + "---\n"
	}, 0},
	{"front matter list", func(n int) string { return "---\ntitle: x\ntags:\n" + strings.Repeat("  - tagi\n", n) + "---\n" }, 0},
	{"emphasis in one paragraph", func(n int) string { return strings.Repeat("*a _b_ a* ", n/4) }, 0},
	{"unclosed emphasis in one paragraph", func(n int) string { return strings.Repeat("*a _b ", n/2) }, 0},
	{"unclosed link openings in one paragraph", func(n int) string { return strings.Repeat("[a](", n/4) }, 0},
	{"strikethrough", func(n int) string { return strings.Repeat("~~pois~~ ", n/2) }, 200},
	{"code spans", func(n int) string { return strings.Repeat("`koodi` ", n/2) }, 0},
	{"unmatched backticks", func(n int) string { return strings.Repeat("`` a ", n/2) }, 0},
	{"inline HTML", func(n int) string { return strings.Repeat("<span>a</span> ", n/2) }, 0},
	{"entities", func(n int) string { return strings.Repeat("&amp; &auml; &#228; ", n) }, 0},
	{"hard line breaks", func(n int) string { return strings.Repeat("rivi  \n", n) }, 0},
	{"plain text on one line", func(n int) string { return strings.Repeat("sana ", 50*n) }, 0},
	{"block quotes", func(n int) string { return strings.Repeat("> lainaus\n>\n", n) }, 0},
	{"block quotes nested to the limit", func(n int) string { return strings.Repeat(strings.Repeat("> ", MaxNesting-1)+"a\n\n", n) }, 0},
	{"nested list items", func(n int) string { return strings.Repeat("- a\n  - b\n    - c\n", n) }, 0},
	{"ordered list items", func(n int) string { return strings.Repeat("1. kohta\n", n) }, 0},
	{"fenced code", func(n int) string { return strings.Repeat("```go\nx := 1\n```\n\n", n) }, 0},
	{"indented code", func(n int) string { return strings.Repeat("    koodi\n", n) }, 0},
	{"setext headings", func(n int) string { return strings.Repeat("Otsikko\n-------\n\n", n) }, 0},
	{"thematic breaks", func(n int) string { return strings.Repeat("***\n\n", n) }, 0},
	{"HTML blocks", func(n int) string { return strings.Repeat("<div>\nteksti\n</div>\n\n", n) }, 0},
	{"reference definitions", func(n int) string {
		var b strings.Builder
		for i := range n / 2 {
			fmt.Fprintf(&b, "[r%d]: /x%d\n", i, i)
		}
		return b.String() + "\n" + strings.Repeat("[a][r1] ", n/2)
	}, 200},
	{"footnotes", func(n int) string {
		var b strings.Builder
		for i := range n / 4 {
			fmt.Fprintf(&b, "Teksti[^%d].\n\n[^%d]: Alaviite.\n\n", i, i)
		}
		return b.String()
	}, 0},
	{"table columns", func(n int) string {
		return "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n|" + strings.Repeat("*c*|", n/4) + "\n"
	}, 0},
	{"headings with emphasis and code", func(n int) string { return strings.Repeat("## *Otsikko* `koodi` ja [linkki](x)\n\n", n) }, 0},
}

func TestWorkGrowsLinearly(t *testing.T) {
	for _, c := range constructs {
		t.Run(c.name, func(t *testing.T) {
			n := cmp.Or(c.n, 400)
			small, large := work(t, c.gen, n), work(t, c.gen, 4*n)
			for i, what := range []string{"allocations", "runes counted for positions"} {
				if large[i] > growth*max(small[i], 1) {
					t.Errorf("%s: %d for n=%d, %d for 4n: more than %d times as many", what, small[i], n, large[i], growth)
				}
			}
		})
	}
}

// work parses the construct repeated n times and returns its allocations
// and the runes pos counted; it fails the test when the parse reports an
// error (a limit reached, so the parse did not do the whole work).
func work(t *testing.T, gen func(int) string, n int) [2]int {
	t.Helper()
	src := gen(n)
	if !strings.HasPrefix(src, "---\n") {
		src = "---\ntitle: x\n---\n" + src
	}
	var runes int
	var errs diag.List
	allocs := testing.AllocsPerRun(1, func() {
		_, p := parseDoc("helmet/x.md", []byte(src), nil)
		runes, errs = p.runes, p.diags.Errors()
	})
	if len(errs) > 0 {
		t.Fatalf("repeated %d times, the construct gives an error, so the parse stopped early: %v", n, errs[0])
	}
	return [2]int{int(allocs), runes}
}
