package markdown

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

// Each limit: a body just at it parses as usual, one past it is one
// error at the line and column (in characters, ä and ö one each) of what
// crosses it, and the body is not parsed.
func TestLimits(t *testing.T) {
	lines := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i))
		}
		return b.String()
	}
	for _, c := range []struct {
		name string
		body func(n int) string
		max  int
		msg  *diag.Message
		// where the error is, in the body, for n past the limit
		line, col func(n int) int
	}{
		// The last mark crosses it: "Älä " is 4 characters, 6 bytes.
		{"marks in a paragraph", func(n int) string {
			return "Johdanto.\n\nÄlä " + strings.Repeat("[a](", n/3) + strings.Repeat("*", n%3) + "\nja loppu.\n"
		},
			MaxMarks, diag.MdTooManyMarks, func(int) int { return 3 }, func(n int) int { return 4 + 4*(n/3) + n%3 }},
		// On the paragraph's last line, not its first.
		{"marks in a paragraph of many lines", func(n int) string { return strings.Repeat("*a_\n", n/2) + "ö" + strings.Repeat("_", n%2) },
			MaxMarks, diag.MdTooManyMarks, func(n int) int { return n/2 + 1 }, func(int) int { return 2 }},
		{"marks in one table row", func(n int) string { return "|a|b|\n|-|-|\n|ä" + strings.Repeat("_", n) + "|c|\n" },
			MaxMarks, diag.MdTooManyMarks, func(int) int { return 3 }, func(n int) int { return 2 + n }},
		// Paragraphs each under MaxMarks, past it together: the last mark
		// crosses it, in a block quote after "> Äiti ö ", 9 characters,
		// 11 bytes.
		{"marks in a file", func(n int) string {
			return strings.Repeat(strings.Repeat("[", 1000)+"\n\n", n/1000-1) + "> Äiti ö " + strings.Repeat("_", 1000+n%1000) + " loppu\n"
		},
			MaxFileMarks, diag.MdTooManyFileMarks, func(n int) int { return 2*(n/1000) - 1 }, func(n int) int { return 9 + 1000 + n%1000 }},
		{"lines", func(n int) string { return strings.Repeat("ä\n", n) }, MaxLines, diag.MdTooManyLines, func(n int) int { return n }, func(int) int { return 1 }},
		// The 33rd >.
		{"nested block quotes", func(n int) string { return "Alku.\n\n" + strings.Repeat(">", n) + " lainaus\n" },
			MaxNesting, diag.MdTooDeep, func(int) int { return 3 }, func(n int) int { return n }},
		{"list markers on one line", func(n int) string { return strings.Repeat("- ", n) + "kohta\n" },
			MaxNesting, diag.MdTooDeep, func(int) int { return 1 }, func(n int) int { return 2*n - 1 }},
		// The space after the -, at the 101st column.
		{"indentation", func(n int) string { return "- a\n" + strings.Repeat(" ", n-2) + "- b\n" },
			MaxIndent, diag.MdTooIndented, func(int) int { return 2 }, func(n int) int { return n }},
		// A tab is one character, and takes the width from 97 to 100 and
		// from 100 to 104.
		{"indentation by tabs", func(n int) string { return strings.Repeat(" ", 97) + strings.Repeat("\t", n-99) + "ä\n" },
			MaxIndent, diag.MdTooIndented, func(int) int { return 1 }, func(int) int { return 99 }},
		{"reference definitions", func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("  [r%d]: /helmet/x-%d/\n", i, i) })
		},
			MaxReferences, diag.MdTooManyReferences, func(n int) int { return n }, func(int) int { return 3 }},
		{"footnotes", func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("Teksti.[^%d]\n\n> [^%d]: Viite.\n\n", i, i) })
		}, MaxFootnotes, diag.MdTooManyFootnotes, func(n int) int { return 4*n - 1 }, func(int) int { return 3 }},
		// A row written short gets the header's columns: a wide header
		// over many short rows is cells that the file does not hold. The
		// cells of a header are counted at its delimiter row, and told at
		// the header.
		{"table cells crossed by a header", func(n int) string { return tables(n) }, MaxCells, diag.MdTooManyCells,
			func(n int) int { return n/1000 + 3 }, func(int) int { return 1 }},
		{"table cells crossed by a row", func(n int) string {
			s := ""
			if n%1000 > 0 {
				s = tableHeader(n%1000) + "\n"
			}
			return s + tableHeader(1000) + strings.Repeat("  ä|\n", n/1000-1)
		}, MaxCells, diag.MdTooManyCells, func(n int) int { return 3 + 2 + n/1000 - 1 }, func(int) int { return 3 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			const head = "---\ntitle: Otsikko\n---\n"
			d, diags := Parse("helmet/x.md", []byte(head+c.body(c.max)))
			for _, e := range diags.Errors() {
				if e.Text.Message() == c.msg {
					t.Errorf("at the limit: %v", e)
				}
			}
			if !d.impl.parsed {
				t.Errorf("at the limit, the body was not parsed")
			}
			d, diags = Parse("helmet/x.md", []byte(head+c.body(c.max+1)))
			want := fmt.Sprintf("helmet/x.md:%d:%d: %s", 3+c.line(c.max+1), c.col(c.max+1), c.msg.In(diag.English, c.max))
			if errs := diags.Errors(); len(errs) != 1 || errs[0].In(diag.English) != want {
				t.Errorf("past the limit:\ngot  %v\nwant %s", errs, want)
			}
			if d.Meta["title"] != "Otsikko" || len(d.Links) > 0 || d.Text() != "" {
				t.Errorf("past the limit: front matter %v, %d links, text %q: want the front matter only", d.Meta, len(d.Links), Shorten(d.Text()))
			}
		})
	}
}

// tableHeader is a table's header of cols columns and its delimiter row.
func tableHeader(cols int) string {
	return "|" + strings.Repeat("a|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n"
}

// tables holds n table cells: a table of 1,000 columns (its header and
// rows of one cell, which the parser fills with empty ones) and, for the
// rest, a table of a header only, after a blank line.
func tables(n int) string {
	s := tableHeader(1000) + strings.Repeat("x\n", n/1000-1)
	if n%1000 > 0 {
		s += "\n" + tableHeader(n%1000)
	}
	return s
}

// Fenced code is not Markdown: its marks, indentation and > count for
// nothing.
func TestLimitsSkipFencedCode(t *testing.T) {
	code := strings.Repeat("*", 2*MaxMarks) + "\n" + strings.Repeat(" ", 2*MaxIndent) + strings.Repeat(">", 2*MaxNesting) + "\n"
	for _, fence := range []string{"```", "~~~~", "- ```"} {
		src := "---\ntitle: x\n---\n" + fence + "\n" + code + strings.TrimPrefix(fence, "- ") + "\n\nLoppu.\n"
		if _, diags := Parse("helmet/x.md", []byte(src)); diags.HasErrors() {
			t.Errorf("%s: %v", fence, diags.Errors())
		}
	}
}

// Front matter that YAML cannot read is not Markdown either: its lines
// never reach the inline parser, whose work on a line of thousands of [
// grows with the square of its length (a 200 kB line took 2 s) and which
// the limits, counted from the body on, do not guard.
func TestBrokenFrontMatterIsNotParsedAsMarkdown(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: [a](b) *c* [[[\n---\nTeksti.\n",
		"---\ntitle: x\n\nTeksti [a](b).\n",
		"---\n" + strings.Repeat("[", 200_000) + "\n---\nTeksti.\n",
	} {
		root := md.Parser().Parse(text.NewReader([]byte(src)))
		ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.(type) {
			case *ast.TextBlock, *ast.Link, *ast.Emphasis:
				t.Errorf("%q: the front matter was parsed as Markdown: a %s", Shorten(src), n.Kind())
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
}

// overLimitBoth runs overLimit on body with the marks scanBody counts and
// with every line's marks counted, and fails when the two differ.
func overLimitBoth(t *testing.T, body string) {
	t.Helper()
	run := func(marks int) (bool, []string) {
		src := yamldoc.Normalise([]byte(body))
		p := &parse{file: file, src: src, lines: lineStarts(src)}
		if marks < 0 {
			marks = scanBody(src).marks
		}
		over := p.overLimit(1, marks)
		return over, diagStrings(p.diags)
	}
	fast, fastDiags := run(-1)
	slow, slowDiags := run(math.MaxInt)
	if fast != slow || !equalStrings(fastDiags, slowDiags) {
		t.Errorf("%q: with scanBody's count %v %q, counting every line %v %q", Shorten(body), fast, fastDiags, slow, slowDiags)
	}
}

// TestLimitsMarksCount puts MaxMarks marks and one more in one block, in
// blocks each within the limit, in fenced code and in containers, for
// overLimit with scanBody's count of the body's marks, which skips its
// own when that is within MaxMarks.
func TestLimitsMarksCount(t *testing.T) {
	marks := func(n int) string { return strings.Repeat("*a_ ", n/2) + strings.Repeat("[", n%2) }
	for _, body := range []string{
		"",
		"Teksti *a* [b](c).\n",
		marks(MaxMarks) + "\n",
		marks(MaxMarks+1) + "\n",
		marks(MaxMarks/2) + "\n\n" + marks(MaxMarks/2+1) + "\n",
		marks(MaxMarks) + "\n\n# " + marks(MaxMarks) + "\n",
		"```\n" + marks(MaxMarks) + "\n```\n" + marks(MaxMarks) + "\n",
		"> - " + marks(MaxMarks+1) + "\n",
		"| a | b |\n|---|---|\n| " + marks(MaxMarks) + " |\n| " + marks(MaxMarks) + " |\n",
		"\"'<!`~" + strings.Repeat("()", MaxMarks/2) + "\n",
	} {
		overLimitBoth(t, body)
	}
}

func FuzzLimitsMarksCount(f *testing.F) {
	for _, s := range []string{"*a* [b](c)\n", "> - [x](y) *z*\n\n```\n***\n```\n", "| a | b |\n|---|---|\n| c | d |\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		// Repeated past MaxMarks bytes, so that its marks may be over.
		overLimitBoth(t, strings.Repeat(body, 1+2*MaxMarks/max(len(body), 1)))
		overLimitBoth(t, body)
	})
}

// TestFileMarksLimitNamesItsMark: the error names the column of the mark
// that crosses MaxFileMarks, however many follow it on its line, counted
// in characters after a list item's tab and letters of two bytes.
func TestFileMarksLimitNamesItsMark(t *testing.T) {
	// 99,000 marks in paragraphs of 1,000, on body lines 1-198 (file
	// lines 4-201).
	before := strings.Repeat(strings.Repeat("[", 1000)+"\n\n", MaxFileMarks/1000-1)
	for _, c := range []struct {
		name, last string // the body's last lines, holding the crossing mark
		want       string
	}{
		// "Öljy " and " ä " are 8 characters: the second _ is the 100,001st mark.
		{"marks after it", "Öljy " + strings.Repeat("*", 999) + " ä ___ loppu", "helmet/x.md:202:1009"},
		// "-\tÄä " is 5 characters, 7 bytes.
		{"in a list item", "-\tÄä " + strings.Repeat("*", 1000) + "__", "helmet/x.md:202:1006"},
		{"first on its line", strings.Repeat("[", 1000) + "\n\n_ ja loppu", "helmet/x.md:204:1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := Parse("helmet/x.md", []byte("---\ntitle: x\n---\n"+before+c.last+"\n"))
			want := c.want + ": " + diag.MdTooManyFileMarks.In(diag.English, MaxFileMarks)
			if errs := diags.Errors(); len(errs) != 1 || errs[0].In(diag.English) != want {
				t.Errorf("got  %v\nwant %s", errs, want)
			}
		})
	}
}
