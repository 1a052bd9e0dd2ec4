package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// growth is how much more work a construct repeated 4n times may take
// than repeated n times: 4 for linear work, with room for the fixed cost
// of a parse; quadratic work gives 16.
const growth = 5

// constructs repeat each Markdown and front matter construct n times.
// Speed is not measured here (the project has no timed unit tests):
// allocations and the runes counted for positions stand in for work,
// which is what grew quadratically before.
var constructs = []struct {
	name string
	gen  func(n int) string
}{
	{"equal headings", func(n int) string { return strings.Repeat("## Sama otsikko\n\n", n) }},
	{"headings that take the suffixes first", func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "## a %d\n\n", i)
		}
		return b.String() + strings.Repeat("## a\n\n", n)
	}},
	{"links on one line", func(n int) string { return strings.Repeat("[linkki](../helmet/x.md) ", n) }},
	{"images on one line", func(n int) string { return strings.Repeat("![kuva](kuva.png) ", n) }},
	{"autolinks on one line", func(n int) string { return strings.Repeat("<https://example.fi/> ", n) }},
	{"bare addresses on one line", func(n int) string { return strings.Repeat("www.example.fi ", n) }},
	{"links in one heading", func(n int) string { return "## " + strings.Repeat("ä [b](c) ", n) + "\n" }},
	{"reference uses on one line", func(n int) string { return "[r]: /x\n\n" + strings.Repeat("[a][r] ", n) }},
	{"links in one paragraph of many lines", func(n int) string { return strings.Repeat("[ä](b)\n", n) }},
	{"list items", func(n int) string { return strings.Repeat("- [ ] kohta [a](b)\n", n) }},
	{"table rows", func(n int) string { return "|a|b|\n|-|-|\n" + strings.Repeat("|c|*d*|\n", n) }},
	{"paragraphs", func(n int) string { return strings.Repeat("Tekstiä *korostus* ja `koodi`.\n\n", n) }},
	{"worksheets", func(n int) string { return strings.Repeat("```tyopohja\n- kysymys\n```\n\n", n) }},
	{"front matter keys", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d: arvo\n", i)
		}
		return "---\ntitle: x\n" + b.String() + "---\n"
	}},
	{"front matter list", func(n int) string { return "---\ntitle: x\ntags:\n" + strings.Repeat("  - tagi\n", n) + "---\n" }},
}

func TestWorkGrowsLinearly(t *testing.T) {
	const n = 400
	for _, c := range constructs {
		t.Run(c.name, func(t *testing.T) {
			small, large := work(c.gen, n), work(c.gen, 4*n)
			for i, what := range []string{"allocations", "runes counted for positions"} {
				if large[i] > growth*max(small[i], 1) {
					t.Errorf("%s: %d for n=%d, %d for 4n: more than %d times as many", what, small[i], n, large[i], growth)
				}
			}
		})
	}
}

// work parses the construct repeated n times and returns its allocations
// and the runes pos counted.
func work(gen func(int) string, n int) [2]int {
	src := gen(n)
	if !strings.HasPrefix(src, "---\n") {
		src = "---\ntitle: x\n---\n" + src
	}
	var runes int
	allocs := testing.AllocsPerRun(1, func() {
		_, p := parseDoc("helmet/x.md", []byte(src))
		runes = p.runes
	})
	return [2]int{int(allocs), runes}
}
