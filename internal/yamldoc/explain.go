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
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		// A ": " inside a value without quotes: the mark is on its colon.
		if key, value, col, ok := keyValue(line); ok && at.Col > col {
			at.Text, at.Cause = diag.YAMLColonInValue.With(key, strings.ReplaceAll(value, `"`, `\"`)), true
			return at
		}
		at.Text = diag.YAMLIndentOrColon.With()
	case msg == "did not find expected key":
		// A quoted value that goes on after its closing quote:
		// title: "Hyvä" verkostopalaveri.
		if key, value, col, ok := keyValue(line); ok && at.Col > col && (value[0] == '"' || value[0] == '\'') && closingQuote(value[1:], value[0]) >= 0 {
			q := value[0]
			other := '\''
			if q == '\'' {
				other = '"'
			}
			at.Col, at.Text, at.Cause = col, diag.YAMLQuoteThenText.With(rune(q), key, other, value, other), true
			return at
		}
		at.Text = diag.YAMLIndent.With()
	case strings.HasPrefix(msg, "found unexpected end of stream"), strings.HasPrefix(msg, "did not find expected ',' or"):
		// YAML notices an unclosed quote or bracket where the text
		// ends; the editor needs the place where it was opened.
		open := runeAt(src, e.ContextMark)
		if i := strings.IndexRune(`"'[{`, open); i >= 0 {
			at.Line, at.Col = e.ContextMark.Line, e.ContextMark.Column
			at.Text = diag.YAMLUnclosed.With(open, rune(`"']}`[i]))
			return at
		}
		at.Text = diag.YAMLOther.With(msg)
	case msg == "could not find expected ':'" && e.ContextMark.Line >= 1:
		// A line of only a key, or of words: YAML reads on to the next
		// line looking for its colon.
		at.Line, at.Col, at.Text = e.ContextMark.Line, max(e.ContextMark.Column, 1), diag.YAMLNoColon.With()
		return at
	case msg == "found unknown escape character", msg == "did not find expected hexadecimal number":
		// A backslash in double quotes, as in a Windows path "C:\kansio":
		// the mark is on it, or on the first character after it that is
		// not a hexadecimal digit.
		runes := []rune(line)
		i := min(at.Col-1, len(runes))
		if msg != "found unknown escape character" || i == len(runes) || runes[i] != '\\' {
			for i--; i >= 0 && runes[i] != '\\'; i-- {
			}
		}
		if i >= 0 && i+1 < len(runes) {
			at.Col, at.Text, at.Cause = i+1, diag.YAMLEscape.With(string(runes[i:i+2])), true
			return at
		}
		at.Text = diag.YAMLOther.With(msg)
	case strings.HasPrefix(msg, "exceeded max depth"):
		at.Text = diag.YAMLTooDeep.With()
	case strings.HasPrefix(msg, "unknown anchor '"):
		// An alias (*name) whose anchor (&name) is not there.
		name, _, _ := strings.Cut(strings.TrimPrefix(msg, "unknown anchor '"), "'")
		at.Text, at.Cause = diag.YAMLAnchor.With("*"+name), true
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
		at.Text = diag.YAMLOther.With(msg)
	}
	return at
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
