package yamldoc

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/helminauha/helminauha/internal/diag"
)

// explain turns the parser's error into the editor's words, at the place
// the editor has to change. The parser names the place it noticed the
// mistake (Mark) and, for a quote or bracket, where it was opened
// (ContextMark); the most common mistakes are recognised on the line
// itself.
func explain(src []byte, e *yaml.LoadError) *Problem {
	at := explainAt(src, e)
	// A # written as text, which YAML took as a comment or could not
	// read, throws it off where it stands or on the next line, where
	// the text cut short was to go on; a bracket it leaves unclosed
	// (tags: [a, #b]) is noticed where the text ends.
	// A quote closed before more text is told as such: its advice
	// quotes the # too.
	if at.Text.Message() != diag.YAMLQuoteThenText {
		for _, n := range []int{at.Line, e.Mark.Line} {
			if p := hashBefore(src, max(n, 1)); p != nil {
				return p
			}
		}
	}
	if p := runOnBefore(src, max(e.Mark.Line, at.Line)); p != nil && (p.Line != at.Line || p.Col != at.Col) {
		// The parser noticed a quote that ran on (see runOn) only
		// further down, at the quote it took as the value's end.
		at = p
	}
	// The parser may place the end of the text on a line after it.
	if n := strings.Count(string(src), "\n") + 1; at.Line > n {
		at.Line, at.Col = n, utf8.RuneCountInString(lineText(src, n))+1
	}
	return at
}

func explainAt(src []byte, e *yaml.LoadError) *Problem {
	at := &Problem{Line: max(e.Mark.Line, 1), Col: max(e.Mark.Column, 1)}
	msg := e.Message
	line := lineText(src, at.Line)
	// A directive (a line that starts with %) throws the parser off
	// wherever it stands, and settings have none.
	if n := directive(src, at.Line); n > 0 {
		at.Line, at.Col, at.Text, at.Cause = n, 1, diag.YAMLDirective.With(), true
		return at
	}
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		// A ": " inside a value without quotes: the mark is on its colon.
		if key, value, col, ok := keyValue(line); ok && at.Col > col {
			at.Text, at.Cause = diag.YAMLColonInValue.With(key, strings.ReplaceAll(value, `"`, `\"`)), true
			return at
		}
		if p := colonSpace(src, at.Line); p != nil {
			return p
		}
		at.Text = diag.YAMLIndentOrColon.With()
	case msg == "did not find expected key", msg == "found a comment without preceding whitespace":
		// A quoted value that goes on after its closing quote:
		// title: "Hyvä" verkostopalaveri, or "Hyvä"#1.
		if key, value, col, ok := keyValue(line); ok && at.Col > col && (value[0] == '"' || value[0] == '\'') && closingQuote(value[1:], value[0]) >= 0 {
			q := value[0]
			other := '\''
			if q == '\'' {
				other = '"'
			}
			at.Col, at.Text, at.Cause = col, diag.YAMLQuoteThenText.With(rune(q), key, other, value, other), true
			return at
		}
		switch r := runeAt(src, e.Mark); {
		case r == ']' || r == '}':
			at.Text = diag.YAMLFlow.With()
		case r == '*' || r == '&':
			// An alias after an anchor (&a *a).
			at.Text, at.Cause = diag.YAMLAnchor.With(token(line, at.Col)), true
		default:
			at.Text = diag.YAMLIndent.With()
		}
	case strings.HasPrefix(msg, "found unexpected end of stream"), strings.HasPrefix(msg, "did not find expected ',' or"):
		// YAML notices an unclosed quote or bracket where the text
		// ends; the editor needs the place where it was opened.
		open := runeAt(src, e.ContextMark)
		if i := strings.IndexRune(`"'[{`, open); i >= 0 {
			at.Line, at.Col = e.ContextMark.Line, e.ContextMark.Column
			at.Text = diag.YAMLUnclosed.With(open, rune(`"']}`[i]))
			return at
		}
		at.Text = diag.YAMLOther.With()
	case msg == "could not find expected ':'" && e.ContextMark.Line >= 1:
		// A line of only a key, or of words: YAML reads on to the next
		// line looking for its colon.
		if p := colonSpace(src, e.ContextMark.Line); p != nil && p.Line == e.ContextMark.Line {
			return p
		}
		at.Line, at.Col, at.Text = e.ContextMark.Line, max(e.ContextMark.Column, 1), diag.YAMLNoColon.With()
		return at
	case msg == "found unknown escape character", msg == "did not find expected hexadecimal number",
		msg == "found invalid Unicode character escape code", strings.HasPrefix(msg, "expected low surrogate"):
		// A backslash in double quotes, as in a Windows path "C:\kansio":
		// the mark is on it, or on a character after it.
		runes := []rune(line)
		i := min(at.Col-1, len(runes))
		if msg != "found unknown escape character" || i == len(runes) || runes[i] != '\\' {
			for i--; i >= 0 && runes[i] != '\\'; i-- {
			}
		}
		if i >= 0 && i+1 < len(runes) {
			at.Col, at.Text, at.Cause = i+1, diag.YAMLEscape.With(escape(runes[i:])), true
			return at
		}
		at.Text = diag.YAMLOther.With()
	case strings.HasPrefix(msg, "exceeded max depth"):
		at.Text = diag.YAMLTooDeep.With()
	case strings.HasPrefix(msg, "unknown anchor '"):
		// An alias (*name) whose anchor (&name) is not there.
		name, _, _ := strings.Cut(strings.TrimPrefix(msg, "unknown anchor '"), "'")
		at.Text, at.Cause = diag.YAMLAnchor.With("*"+name), true
	case strings.HasPrefix(msg, "anchor '") && strings.HasSuffix(msg, "contains itself"):
		at.Text, at.Cause = diag.YAMLAnchor.With(token(line, at.Col)), true
	case msg == "did not find expected alphabetic or numeric character" && strings.ContainsRune("&*", runeAt(src, e.ContextMark)):
		// An & or a * with no name after it.
		at.Line, at.Col = e.ContextMark.Line, e.ContextMark.Column
		at.Text = diag.YAMLBadStart.With(runeAt(src, e.ContextMark))
	case strings.Contains(msg, "YAML tag"), strings.Contains(msg, "tag handle"), strings.Contains(msg, "tag URI"),
		strings.Contains(msg, "URI escaped octet"), msg == "did not find the expected '>'", msg == "did not find expected '!'":
		// A type tag written wrong (!e!x, !<x): settings have none.
		if e.ContextMark.Line == at.Line && e.ContextMark.Column >= 1 {
			at.Col = e.ContextMark.Column
		}
		at.Text, at.Cause = diag.YAMLTag.With(token(line, at.Col)), true
	case msg == "did not find expected comment or line break" && strings.ContainsRune("|>", runeAt(src, e.ContextMark)),
		msg == "found an indentation indicator equal to 0":
		// More after | or > on its line: title: |Teksti.
		at.Line, at.Col = e.ContextMark.Line, e.ContextMark.Column
		at.Text, at.Cause = diag.YAMLBlockScalar.With(runeAt(src, e.ContextMark)), true
	case msg == "block sequence entries are not allowed in this context":
		// A list item on its key's line: tags: - a.
		key := "tags"
		if k, _, _, ok := keyValue(line + " "); ok {
			key = k
		}
		at.Text, at.Cause = diag.YAMLDashInValue.With(key), true
	case msg == "mapping keys are not allowed in this context":
		at.Text = diag.YAMLBadStart.With('?')
	case msg == "did not find expected node content" && strings.ContainsRune(",]}", runeAt(src, e.Mark)):
		at.Text = diag.YAMLFlow.With()
	case msg == "found unexpected document indicator", msg == "found unexpected content after document-end marker":
		// --- or ... at the start of a line inside a quoted value, or ...
		// with more after it.
		for n := at.Line; n >= 1; n-- {
			if m := marker(lineText(src, n)); m != "" {
				at.Line, at.Col, at.Text, at.Cause = n, 1, diag.YAMLDocumentEnd.With(m), true
				return at
			}
		}
		at.Text = diag.YAMLIndent.With()
	case strings.Contains(msg, "tab"):
		at.Text = diag.YAMLTabs.With()
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		if r := runeAt(src, e.Mark); r == '\t' {
			at.Text = diag.YAMLTabs.With()
		} else {
			at.Text = diag.YAMLBadStart.With(r)
		}
	case strings.Contains(msg, "block mapping"), strings.Contains(msg, "'-' indicator"), strings.HasPrefix(msg, "did not find expected"):
		at.Text = diag.YAMLIndent.With()
	default:
		at.Text = diag.YAMLOther.With()
	}
	return at
}

// directive is the 1-based number of the first line up to last that
// starts with %, a YAML directive, or 0.
func directive(src []byte, last int) int {
	for n := 1; n <= last; n++ {
		if strings.HasPrefix(lineText(src, n), "%") {
			return n
		}
	}
	return 0
}

// marker is a line's document marker, --- or ..., when it starts with
// one that YAML reads as such; "" otherwise.
func marker(line string) string {
	for _, m := range []string{"---", "..."} {
		if rest, ok := strings.CutPrefix(line, m); ok && (rest == "" || strings.ContainsRune(" \t\r\n", rune(rest[0]))) {
			return m
		}
	}
	return ""
}

// colonSpace is the problem of the nearest line up to last that starts
// with a key and a colon with no space after it (title:Hei), which YAML
// reads as one word, or nil.
func colonSpace(src []byte, last int) *Problem {
	for n := last; n >= 1; n-- {
		line := lineText(src, n)
		t := strings.TrimLeft(line, " ")
		t = strings.TrimPrefix(t, "- ")
		i := strings.IndexByte(t, ':')
		if i <= 0 || i+1 >= len(t) || t[i+1] == ' ' || t[i+1] == ':' || t[i+1] == '/' || strings.ContainsAny(t[:i], " \"'#[]{},&*!|>%@`") {
			continue
		}
		col := utf8.RuneCountInString(line[:len(line)-len(t)+i]) + 2
		return &Problem{Line: n, Col: col, Text: diag.YAMLColonSpace.With(t[:i], strings.TrimSpace(t[i+1:])), Cause: true}
	}
	return nil
}

// token is the word of line that starts at the 1-based column col: an
// anchor, alias or tag as written, up to a space or a comma.
func token(line string, col int) string {
	runes := []rune(line)
	if col < 1 || col > len(runes) {
		return ""
	}
	t := string(runes[col-1:])
	if i := strings.IndexAny(t, " \t,]}"); i > 0 {
		t = t[:i]
	}
	return t
}

// escape is the backslash escape that opens runes as written: \ and its
// letter, and the hexadecimal digits of a \x, \u or \U.
func escape(runes []rune) string {
	n := 2
	if digits := strings.IndexRune("xuU", runes[1]); digits >= 0 {
		for end := n + []int{2, 4, 8}[digits]; n < end && n < len(runes) && strings.ContainsRune("0123456789abcdefABCDEF", runes[n]); n++ {
		}
	}
	return string(runes[:n])
}

// runOnBefore is runOn for a text the parser could not read, found on
// the lines alone: the problem of the first value, on a line before last,
// that opens a quote it does not close on its line and runs on into a
// line, also before last, that starts with a key; or nil. The lines of a
// block of text (| or >) are text, not keys and values.
func runOnBefore(src []byte, last int) *Problem {
	starts := lineStarts(src)
	block := -1 // the indent of the key of a block of text, inside it
	for n := 1; n < last && n <= len(starts); n++ {
		l := lineAt(src, starts, n)
		t := strings.TrimLeft(l, " ")
		if block >= 0 && (strings.TrimSpace(t) == "" || len(l)-len(t) > block) {
			continue
		}
		block = -1
		_, value, col, ok := keyValue(l)
		if !ok {
			continue
		}
		indent := len(l) - len(strings.TrimPrefix(t, "- "))
		switch value[0] {
		case '|', '>':
			block = indent
		case '"', '\'':
			if at, k := runsOn(src, starts, n, col, indent); at > 0 && at < last {
				return runOnProblem(src, starts, n, col, k)
			}
		}
	}
	return nil
}

// lineText is the 1-based line n of src, without its newline.
func lineText(src []byte, n int) string {
	s := string(src)
	for ; n > 1; n-- {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return ""
		}
		s = s[i+1:]
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// runeAt is the character at the mark m, or 0.
func runeAt(src []byte, m yaml.Mark) rune {
	if m.Line < 1 || m.Column < 1 {
		return 0
	}
	for i, r := range []rune(lineText(src, m.Line)) {
		if i == m.Column-1 {
			return r
		}
	}
	return 0
}

// keyValue splits a line "key: value" (the key at any indent, or a list
// item "- key: value") into the key and the value, trimmed, and the
// 1-based column where the value starts.
func keyValue(line string) (key, value string, col int, ok bool) {
	t := strings.TrimLeft(line, " ")
	t = strings.TrimPrefix(t, "- ")
	i := strings.Index(t, ": ")
	if t == "" || strings.ContainsRune("#\"'[{-", rune(t[0])) || i <= 0 {
		return "", "", 0, false
	}
	key, value = t[:i], strings.TrimSpace(t[i+2:])
	if value == "" {
		return "", "", 0, false
	}
	start := len(line) - len(t) + i + 2 + (len(t[i+2:]) - len(strings.TrimLeft(t[i+2:], " ")))
	return key, value, utf8.RuneCountInString(line[:start]) + 1, true
}

// closingQuote is the index in s of the quote q that closes a value
// opened with q, or -1.
func closingQuote(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case s[i] == q:
			return i
		}
	}
	return -1
}
