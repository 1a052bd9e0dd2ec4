package markdown

import (
	"bytes"

	"github.com/helminauha/helminauha/internal/diag"
)

// Limits on one file's body. goldmark's work grows faster than its input
// for a few constructs: a paragraph of thousands of unclosed [a]( or
// mixed *a_ marks, lists nested hundreds deep, thousands of reference
// definitions or footnotes, a table whose rows each get as many cells as
// its header however short they are written. A body past a limit is not
// parsed, and the file gets one error naming what to do, at the line and
// column (in characters) of what crosses the limit: the mark, the block
// quote or list marker, the space or tab of indentation, the definition,
// the table row (a table's header, for the cells of a header and its
// delimiter row) or the line. The limits are far above any real page, and
// at them a file parses in milliseconds.
const (
	// MaxMarks is the Markdown marks ([ ] ( ) * _ ` ~ < ! and quotes) one
	// paragraph, heading, list item or table row may hold.
	MaxMarks = 2000
	// MaxNesting is how many block quotes and list markers may open one
	// line, and MaxIndent how many columns of them and of indentation.
	MaxNesting = 32
	MaxIndent  = 100
	// MaxFileMarks is the marks and MaxLines the lines of one file's
	// body. Under the other limits the parser's work grows linearly, but
	// by some 300-450 bytes a line or mark, held until the file is parsed:
	// a 2 MB page of 2 million [ in paragraphs of 1,990 took 650 MB, and
	// ten of them, parsed two at a time, 3.4 GB and 52-82 s; ten of
	// 900,000 one-letter lines 2.7 GB.
	MaxFileMarks = 100_000
	MaxLines     = 50_000
	// MaxReferences is the link reference definitions ([nimi]: osoite)
	// and MaxFootnotes the footnotes ([^1]: teksti) of one file.
	MaxReferences = 1000
	MaxFootnotes  = 500
	// MaxCells is the table cells of one file: each row has as many as
	// its table's header, however few it writes.
	MaxCells = 100_000
	// MaxFields is the fields of the worksheets of one file: each is a
	// form control with its label, help and, for a scale, five choices,
	// so that 40,000 fields in a 1 MB page made 53 MB of HTML.
	MaxFields = 200
)

// overLimit reports the first limit the body, from line first (1-based),
// is over, and whether there was one. Fenced code is not Markdown and is
// skipped. bodyMarks is how many marks the whole body holds (scanBody):
// when that is within MaxMarks, so is every block, and the marks of each
// line are not counted, a second look at every byte of the body.
func (p *parse) overLimit(first, bodyMarks int) bool {
	countMarks := bodyMarks > MaxMarks
	var (
		marks       int  // in the current block
		inBlock     bool // a block's lines are being counted
		refs, notes int
		fence       []byte // the open fence (``` or ~~~ and more), or nil
		cells, cols int    // table cells so far; the current table's columns, or 0
		prev        []byte // the line before, in the same block, or nil
		prevOff     int    // where prev starts in the source
	)
	// fail reports at the byte off of the source: its line and the
	// column, in characters, of what crossed the limit.
	fail := func(off int, m *diag.Message, args ...any) bool {
		p.diags.Report(p.pos(off), m, args...)
		return true
	}
	last := len(p.lines)
	if last > 0 && p.lines[last-1] == len(p.src) {
		last-- // the empty "line" after the final line end
	}
	// The first line past MaxLines, when there is one: told when the loop
	// reaches it, so that a limit crossed before it (a table's cells) is
	// the one told.
	pastLines := first + MaxLines
	if pastLines > last {
		pastLines = 0
	}
	fileMarks := 0
	for n := first; n <= len(p.lines); n++ {
		if n == pastLines {
			return fail(p.lines[n-1], diag.MdTooManyLines, MaxLines)
		}
		l := p.line(n)
		depth, width, rest, item, deepAt, wideAt := containers(l)
		if fence != nil {
			if t := bytes.TrimSpace(rest); bytes.HasPrefix(t, fence) && len(bytes.Trim(t, string(fence[:1]))) == 0 {
				fence = nil
			}
			continue
		}
		switch {
		case depth > MaxNesting:
			return fail(p.lines[n-1]+deepAt, diag.MdTooDeep, MaxNesting)
		case width > MaxIndent:
			return fail(p.lines[n-1]+wideAt, diag.MdTooIndented, MaxIndent)
		}
		t := bytes.TrimLeft(rest, " \t")
		tOff := p.lines[n-1] + len(l) - len(t) // where t starts in the source
		if f := fenceOf(t); f != nil {
			fence, inBlock, cols, prev = f, false, 0, nil
			continue
		}
		if len(t) == 0 {
			inBlock, cols, prev = false, 0, nil
			continue
		}
		// A table is a header line followed by a delimiter row; it goes on
		// to the end of the paragraph, each row as wide as the header.
		// The cells are told at the row that crosses MaxCells, or at the
		// header, whose cells are counted at the delimiter row under it.
		switch {
		case item || t[0] == '#':
			cols = 0
		case cols > 0:
			if cells += cols; cells > MaxCells {
				return fail(tOff, diag.MdTooManyCells, MaxCells)
			}
		case prev != nil && tableDelimiter(t):
			cols = bytes.Count(bytes.Trim(bytes.TrimSpace(t), "|"), []byte("|")) + 1
			if cells += cols; cells > MaxCells {
				return fail(prevOff, diag.MdTooManyCells, MaxCells)
			}
		}
		prev, prevOff = t, tOff
		// A new block begins its own count: a list item, a heading, a
		// table row (whose cells goldmark reads one by one).
		if !inBlock || item || t[0] == '#' || t[0] == '|' {
			marks, inBlock = 0, true
		}
		if t[0] == '[' {
			if i := bytes.Index(t, []byte("]:")); i > 0 && bytes.IndexByte(t, ']') == i {
				if t[1] == '^' {
					if notes++; notes > MaxFootnotes {
						return fail(tOff, diag.MdTooManyFootnotes, MaxFootnotes)
					}
				} else if refs++; refs > MaxReferences {
					return fail(tOff, diag.MdTooManyReferences, MaxReferences)
				}
			}
		}
		if countMarks {
			lineMarks := 0
			for _, c := range t {
				lineMarks += int(isMark[c])
			}
			marks += lineMarks
			fileMarks += lineMarks
			// The mark that crossed a limit is the line's nth: the block's
			// or the file's lines before held marks-lineMarks or
			// fileMarks-lineMarks, within it.
			if marks > MaxMarks {
				return fail(tOff+nthMark(t, MaxMarks-(marks-lineMarks)+1), diag.MdTooManyMarks, MaxMarks)
			}
			if fileMarks > MaxFileMarks {
				return fail(tOff+nthMark(t, MaxFileMarks-(fileMarks-lineMarks)+1), diag.MdTooManyFileMarks, MaxFileMarks)
			}
		}
		if t[0] == '#' || t[0] == '|' {
			inBlock = false
		}
	}
	return false
}

// nthMark is the index in t of its nth mark (1-based), which t holds.
func nthMark(t []byte, nth int) int {
	i := -1
	for nth > 0 {
		i++
		nth -= int(isMark[t[i]])
	}
	return i
}

// isMark is 1 for each byte that is a Markdown mark MaxMarks counts, 0
// for every other: a table, where a switch of the twelve cases took most
// of the time the limits cost.
var isMark = func() (t [256]uint8) {
	for _, c := range []byte("[]()*_`~<!\"'") {
		t[c] = 1
	}
	return t
}()

// containers reads the block quote and list markers that open line l:
// how many, the columns they and the indentation take, the rest of the
// line, whether a list item starts on it, and the index in l of the
// marker that takes the depth past MaxNesting and of the space, tab or
// marker that takes the width past MaxIndent (or -1).
func containers(l []byte) (depth, width int, rest []byte, item bool, deepAt, wideAt int) {
	i := 0
	deepAt, wideAt = -1, -1
	for i < len(l) {
		at := i
		switch c := l[i]; {
		case c == ' ':
			width++
			i++
		case c == '\t':
			width += 4 - width%4
			i++
		case c == '>':
			depth++
			width++
			i++
		default:
			m := listMarker(l[i:])
			if m == 0 {
				return depth, width, l[i:], item, deepAt, wideAt
			}
			depth++
			width += m
			i += m
			item = true
		}
		if depth == MaxNesting+1 && deepAt < 0 {
			deepAt = at
		}
		if width > MaxIndent && wideAt < 0 {
			wideAt = at
		}
	}
	return depth, width, l[i:], item, deepAt, wideAt
}

// listMarker is the length of the list marker (-, +, *, 1. or 1)) that
// starts b, followed by a space or the end of the line, or 0.
func listMarker(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*'):
		n = 1
	default:
		for n < len(b) && n < 9 && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// tableDelimiter tells whether t is a table's delimiter row (|---|:-:|):
// dashes, colons, pipes and spaces, not dashes alone.
func tableDelimiter(t []byte) bool {
	return len(bytes.Trim(t, "-|: \t")) == 0 && len(bytes.Trim(t, "- \t")) > 0
}

// fenceOf is the fence (three or more ` or ~) that opens a code block on
// a line starting with t, or nil.
func fenceOf(t []byte) []byte {
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}
