package yamldoc

import (
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// FuzzParse: for any text, Parse ends, and what it gives is inside the
// text: a problem on one of its lines, in words in every language, or
// nodes whose places are on its lines (an empty value may be where the
// text ends, at the start of the line after it).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: Hei\nsummary: Osa 1: alku\n", "title: \"Hyvä\" verkostopalaveri\n", "tags: [“a”, b]\n",
		"title: \"Hei\nsummary: x\n", "a:\n  - b: 1\n    c: [x, {y: z}]\n", "x: |\n  a: b\n\ty\n", "- a\n- b\n",
		"&a x: *a\n", "? [a]\n: b\n", "title: Hyv\xe4\n", "a: b\n...\nc: d\n", "%YAML 1.1\n---\na: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		src = Normalise(src)
		lines := strings.Count(string(src), "\n") + 1
		root, p := Parse(src)
		if p == nil {
			p = Keys(root)
		}
		if p != nil {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Errorf("problem at %d:%d, outside the %d lines", p.Line, p.Col, lines)
			}
			for _, l := range diag.Langs {
				if s := p.Text.In(l); strings.Contains(s, "%!") && !strings.Contains(string(src), "%!") || strings.TrimSpace(s) == "" {
					t.Errorf("problem in %s: %q", l, s)
				}
			}
			return
		}
		var walk func(n *Node, depth int)
		walk = func(n *Node, depth int) {
			if n == nil || depth > 100 {
				return
			}
			last := lines
			if Empty(n) {
				last++ // nothing, where the text ends
			}
			if n.Line < 1 || n.Line > last || n.Column < 1 {
				t.Errorf("node %q at %d:%d, outside the %d lines", n.Value, n.Line, n.Column, lines)
			}
			_ = Describe(n).In(diag.Finnish)
			for k, v := range Pairs(n) {
				walk(k, depth+1)
				walk(v, depth+1)
			}
			if n.Kind == Sequence {
				for _, c := range n.Content {
					walk(c, depth+1)
				}
			}
		}
		walk(root, 0)
		CurlyQuotes(root, func(line, col int, r rune) {
			if line < 1 || line > lines || col < 1 {
				t.Errorf("curly quote at %d:%d, outside the %d lines", line, col, lines)
			}
		})
	})
}
