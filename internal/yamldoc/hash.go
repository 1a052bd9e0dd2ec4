package yamldoc

import (
	"bytes"
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
)

// A # after a space starts a YAML comment, which ends the value before it
// without a word: summary: "Kustannukset laskivat #tulos ja …" keeps only
// "Kustannukset laskivat", and title: #1 Verkostotyö is empty. An editor
// writes # as text (a hashtag, "#1"), so a # with text right after it on
// a value's line is a problem; a comment is written "# like this", with a
// space, as the templates of helminauha new write theirs.

// hashComment is the problem of the first value under n whose line has
// such a #, or nil. Only the line where a value starts is looked at: the
// lines of a block text (|) and of a quoted text are text, not YAML.
func hashComment(src []byte, n *Node) *Problem {
	if bytes.IndexByte(src, '#') < 0 {
		// The common block: no line to look at, and no line to cut
		// out and read as characters for each value.
		return nil
	}
	starts := lineStarts(src)
	var walk func(n *Node) *Problem
	walk = func(n *Node) *Problem {
		for i, c := range n.Content {
			if n.Kind == Mapping && i%2 == 0 {
				continue
			}
			if c.Kind == Scalar && c.Style == 0 {
				at := c
				if n.Kind == Mapping && c.Tag == "!!null" && c.Value == "" {
					// key: #1 — YAML places the empty value
					// at the key's colon, or on a later line.
					at = n.Content[i-1]
				}
				if p := hashProblem(at.Line, lineAt(src, starts, at.Line), at.Column); p != nil {
					return p
				}
			}
			if p := walk(c); p != nil {
				return p
			}
		}
		return nil
	}
	return walk(n)
}

// hashBefore is, for a document YAML could not read, the problem of a #
// written as text on line n or the line before it: a list item "#roolit"
// or a comment cutting a text that goes on below are syntax errors that
// YAML notices there, in words about indentation.
func hashBefore(src []byte, n int) *Problem {
	starts := lineStarts(src)
	for _, m := range []int{n, n - 1} {
		if p := hashProblem(m, lineAt(src, starts, m), 1); p != nil {
			return p
		}
	}
	return nil
}

// hashProblem is the problem of a # on line, the document's line n, that
// YAML reads as a comment or cannot read (at a list item's start), after
// column after (in characters) and outside quotes, with text before it on
// the line and a character other than a space or # right after it.
func hashProblem(n int, line string, after int) *Problem {
	if strings.IndexByte(line, '#') < 0 {
		return nil // hashAt would find none, after reading line as characters
	}
	col, start, flow := hashAt(line)
	if col <= after {
		return nil
	}
	r := []rune(line)
	lost := strings.TrimRight(string(r[col-1:]), " \t")
	value := strings.TrimRight(string(r[start:]), " \t")
	if flow {
		value, _, _ = strings.Cut(string(r[col-1:]), ",")
		value, _, _ = strings.Cut(value, "]")
		value = strings.TrimRight(value, " \t}")
	}
	fix := quoted(value)
	if !flow {
		fix = strings.TrimRight(string(r[:start]), " \t") + " " + fix
		fix = strings.TrimLeft(fix, " ")
	}
	return &Problem{Line: n, Col: col, Text: diag.YAMLHashComment.With(lost, fix), Cause: true}
}

// hashAt finds the # hashProblem looks for in line: its column (in
// characters, 0 for none), the index of the first character of the value
// it is in (after "key: " or "- "), and whether it is an item of a list
// in brackets.
func hashAt(line string) (col, start int, flow bool) {
	r := []rune(line)
	var quote rune
	tokenStart := true // a quote here opens a quoted value
	text := false      // the line has had something but spaces
	for i := 0; i < len(r); i++ {
		c := r[i]
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote && quote == '\'' && i+1 < len(r) && r[i+1] == '\'':
				i++
			case c == quote:
				quote = 0
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t':
			continue
		case c == '#':
			if !text {
				return 0, 0, false // a line of comment
			}
			if i+1 < len(r) && r[i+1] != ' ' && r[i+1] != '\t' && r[i+1] != '#' && (r[i-1] == ' ' || r[i-1] == '\t' || r[i-1] == '[' || r[i-1] == ',') {
				return i + 1, start, flow
			}
			if r[i-1] == ' ' || r[i-1] == '\t' {
				return 0, 0, false // a comment, rightly written
			}
		case (c == '"' || c == '\'') && tokenStart:
			quote = c
		case c == '[' || c == '{':
			flow = true
			tokenStart = true
			text = true
			continue
		case c == ',' && flow:
			tokenStart = true
			continue
		case c == ':' && (i+1 == len(r) || r[i+1] == ' ' || r[i+1] == '\t') && !flow:
			start, tokenStart, text = i+1, true, true
			for start < len(r) && (r[start] == ' ' || r[start] == '\t') {
				start++
			}
			continue
		case c == '-' && !text && (i+1 == len(r) || r[i+1] == ' '):
			start, tokenStart, text = i+1, true, true
			for start < len(r) && r[start] == ' ' {
				start++
			}
			continue
		}
		text = true
		tokenStart = false
	}
	return 0, 0, false
}

// quoted is value in quotes, as the editor writes it: in double quotes,
// or in single ones when it holds a double quote.
func quoted(value string) string {
	if !strings.ContainsRune(value, '"') && !strings.ContainsRune(value, '\\') {
		return `"` + value + `"`
	}
	return "'" + strings.ReplaceAll(value, "'", "''") + "'"
}
