// Package yamldoc is the generator's one YAML front end: site.yaml, front
// matter and worksheets are all read through it.
//
// Parse gives a document's nodes, each with the 1-based line and column
// (in characters) where it starts, and turns a syntax error into one
// Problem: at the place of its cause, which is not always where the parser
// noticed it (an unclosed quote is noticed where the text ends), and in the
// editor's words from the diag catalogue, saying what to write instead.
// Positions are those of the YAML text given; a caller whose text starts
// further down a file adds its own offset.
//
// Values keep YAML's own types through Node: callers ask for text, a
// list or a mapping, and describe what they found otherwise.
//
// yamldoc imports only diag from the project.
package yamldoc

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/helminauha/helminauha/internal/diag"
)

// Node is one node of a parsed document.
type Node = yaml.Node

// The kinds of node.
const (
	Mapping  = yaml.MappingNode
	Sequence = yaml.SequenceNode
	Scalar   = yaml.ScalarNode
)

// Problem is a syntax error at its cause. Line and Col are 1-based, in
// the YAML text given to Parse. Text says what is wrong and what to write.
// Cause tells that Text is a whole sentence about the editor's mistake
// (a ": " in a value, a quote closed too early, bytes that are not
// UTF-8); otherwise it is advice that a caller puts after its own words
// ("the settings between the --- lines: …").
type Problem struct {
	Line, Col int
	Text      diag.Text
	Cause     bool
}

// Error is the problem reported at pos: Text alone when it is a Cause,
// otherwise m with args and Text last (the caller's words, then the
// advice).
func (p *Problem) Error(pos diag.Pos, m *diag.Message, args ...any) *diag.Error {
	if p.Cause {
		return &diag.Error{Pos: pos, Text: p.Text}
	}
	return diag.New(pos, m, append(args, p.Text)...)
}

// Parse reads the first YAML document of src. It returns the document's
// top node, nil for a document with nothing in it, or the problem that
// keeps it from being read.
func Parse(src []byte) (*Node, *Problem) {
	if p := unreadable(src); p != nil {
		return nil, p
	}
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	var le *yaml.LoadError
	switch {
	case errors.As(err, &le):
		return nil, explain(src, le)
	case err != nil:
		return nil, &Problem{Line: 1, Col: 1, Text: diag.YAMLOther.With()}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || Empty(doc.Content[0]) {
		return nil, nil
	}
	if p := runOn(src, doc.Content[0]); p != nil {
		return nil, p
	}
	if p := hashComment(src, doc.Content[0]); p != nil {
		return nil, p
	}
	return doc.Content[0], nil
}

// runOn is the problem of the first quoted value under n that does not
// close on its line and takes in a line that reads as a key of its own
// (title: "Osaaminen, then weight: 5 on the next line): YAML reads on to
// the next quote, which a later value such as color: "#1f6f8b" opens, and
// the keys between become text of the value, missing without a word of
// why, or, for draft: true, a draft published.
func runOn(src []byte, n *Node) *Problem {
	var starts []int // of each line, made when a value needs them
	var walk func(n *Node) *Problem
	walk = func(n *Node) *Problem {
		if n.Kind == Mapping {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if v.Kind == Scalar && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
					if starts == nil {
						starts = lineStarts(src)
					}
					if at, key := runsOn(src, starts, v.Line, v.Column, k.Column-1); at > 0 {
						return runOnProblem(src, starts, v.Line, v.Column, key)
					}
				}
			}
		}
		for _, c := range n.Content {
			if p := walk(c); p != nil {
				return p
			}
		}
		return nil
	}
	return walk(n)
}

// lineStarts are the offsets in src where its lines start.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineAt is the 1-based line n of src, whose lines start at starts,
// without its newline.
func lineAt(src []byte, starts []int, n int) string {
	if n < 1 || n > len(starts) {
		return ""
	}
	end := len(src)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return string(src[starts[n-1]:end])
}

// runsOn finds where a value that opens a quote at line n, column col
// (in characters), of a key indented by indent runs on past its line into
// one that starts, at that indent or less, with a key and a colon: that
// line and its key, or 0 when the quote closes first (or there is none).
func runsOn(src []byte, starts []int, n, col, indent int) (int, string) {
	first := []rune(lineAt(src, starts, n))
	if col < 1 || col > len(first) || first[col-1] != '"' && first[col-1] != '\'' {
		return 0, ""
	}
	q := byte(first[col-1])
	if closingQuote(string(first[col:]), q) >= 0 {
		return 0, ""
	}
	for m := n + 1; m <= len(starts); m++ {
		l := lineAt(src, starts, m)
		t := strings.TrimLeft(l, " ")
		if key, ok := KeyAtStart(t); ok && len(l)-len(t) <= indent {
			return m, key
		}
		if closingQuote(l, q) >= 0 {
			return 0, ""
		}
	}
	return 0, ""
}

// runOnProblem is the problem of the quote at line n, column col, that
// runs on into the key key.
func runOnProblem(src []byte, starts []int, n, col int, key string) *Problem {
	q := []rune(lineAt(src, starts, n))[col-1]
	return &Problem{Line: n, Col: col, Text: diag.YAMLQuoteRunsOn.With(q, key+":", q), Cause: true}
}

// KeyAtStart is the key that t starts with, a word followed by a colon
// and a space or the line's end ("weight: 5", "tags:").
func KeyAtStart(t string) (string, bool) {
	i := 0
	for i < len(t) && (t[i] == '_' || t[i] == '-' || 'a' <= t[i] && t[i] <= 'z' || 'A' <= t[i] && t[i] <= 'Z' || '0' <= t[i] && t[i] <= '9') {
		i++
	}
	if i == 0 || i == len(t) || t[i] != ':' || i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\r' {
		return "", false
	}
	return t[:i], true
}

// unreadable is the problem of the first byte or character of src that
// the editor cannot see and YAML should not read, found in one pass, at
// its 1-based line and column: a byte that is not UTF-8 (said alone:
// YAML's words about the same bytes would only hide what to do), a
// character YAML refuses without saying where, or one it reads as a line
// end (U+0085, U+2028, U+2029) though the editor's editor shows none,
// which would put every later line number out by one, or reads into the
// value (U+FEFF).
//
// The same pass finds a document marker (--- or ... at a line's start)
// between lines of settings: YAML would end the settings there and leave
// the lines after it unread, without a word.
func unreadable(src []byte) *Problem {
	if UTF16(src) {
		return &Problem{Line: 1, Col: 1, Text: diag.YAMLUTF16.With(), Cause: true}
	}
	line, start := 1, 0 // start is the offset of the line's first byte
	settings, end, mark := false, 0, ""
	for i := 0; i < len(src); {
		if i == start {
			if m := marker(string(src[i:min(i+4, len(src))])); m != "" {
				if settings && end == 0 {
					end, mark = line, m
				}
			} else if t := bytes.TrimLeft(src[i:], " "); len(t) > 0 && !bytes.ContainsRune([]byte("#\n%"), rune(t[0])) {
				if end > 0 {
					return &Problem{Line: end, Col: 1, Text: diag.YAMLDocumentEnd.With(mark), Cause: true}
				}
				settings = true
			}
		}
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, start = line+1, i+1
			case c != '\t' && c != '\r' && Unwanted(rune(c)):
				return &Problem{Line: line, Col: utf8.RuneCount(src[start:i]) + 1, Text: diag.YAMLControl.With(rune(c)), Cause: true}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		var text diag.Text
		switch {
		case r == utf8.RuneError && n == 1:
			text = diag.YAMLNotUTF8.With(c)
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			text = diag.YAMLLineEnd.With(r)
		case r == 0xFEFF, r == 0x200B, r == 0x2060, Bidi(r):
			text = diag.YAMLInvisible.With(r)
		case Unwanted(r):
			text = diag.YAMLControl.With(r)
		default:
			i += n
			continue
		}
		return &Problem{Line: line, Col: utf8.RuneCount(src[start:i]) + 1, Text: text, Cause: true}
	}
	return nil
}

// UTF16 tells whether src is text saved as UTF-16, as Windows Notepad
// saves "Unicode": it starts with UTF-16's byte-order mark, or, without
// one, most of its first characters are a letter and a zero byte, which
// no UTF-8 text is (Finnish letters, ä and ö too, are one byte and a zero
// in UTF-16). Its every second byte would be an error of its own.
func UTF16(src []byte) bool {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return true
	}
	n := min(len(src), 64) &^ 1
	if n < 8 {
		return false
	}
	var zeros [2]int // at even and odd offsets
	for i, c := range src[:n] {
		if c == 0 {
			zeros[i%2]++
		}
	}
	most := n / 2 * 3 / 4
	return zeros[0] >= most && zeros[1] == 0 || zeros[1] >= most && zeros[0] == 0
}

// Unwanted tells whether r is a character that shows as nothing and has
// no place in a setting: a control character other than tab and line
// feed, U+2028 and U+2029 (line and paragraph separators), U+200B and
// U+2060 (a zero-width space and word joiner, which make a tag of their
// own that looks like one without them), the bidirectional embeddings,
// overrides and isolates U+202A–U+202E and U+2066–U+2069 (which turn the
// text after them around), U+FEFF (a byte-order mark inside the text) and
// U+FFFE and U+FFFF. YAML refuses some of them typed as they are and
// reads others as line ends or into the value; written as escapes in
// double quotes ("\0", "\e", "\N", "\L") it reads them all into the
// value, and from there they would reach pages and feeds.
func Unwanted(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7f:
		return false
	}
	return r <= 0x9f || r == 0x200B || r == 0x2060 || r == 0x2028 || r == 0x2029 || Bidi(r) ||
		r == 0xFEFF || r == 0xFFFE || r == 0xFFFF
}

// Bidi tells whether r is a bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069), which makes the text after it show
// otherwise than it is written: in a setting, in a page's text and in a
// code block alike, a reviewer reads one thing and readers another.
func Bidi(r rune) bool {
	return 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
}

// UnwantedIn is the first character of s that Unwanted names: a value
// YAML read from an escape ("\x07") holds one that was never typed.
func UnwantedIn(s string) (rune, bool) {
	for _, r := range s {
		if Unwanted(r) {
			return r, true
		}
	}
	return 0, false
}

// Suspect tells whether a block that another YAML reader took without
// complaint holds something yamldoc must still look at: a typographic
// quote (CurlyQuotes), an invisible character, a document marker, a
// closing quote with # right after it, a quoted value that does not
// close on its line or a # with text right after it (Parse), or what may be an anchor, an alias, a merge
// key or a type tag (Plain). It looks at each byte once; a false alarm
// ("Hyvä & paha") costs only a parse.
func Suspect(src []byte) bool {
	prev, before := byte('\n'), byte('\n') // the two bytes before c
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(src[i:])
			if strings.ContainsRune(Curly+invisible, r) {
				return true
			}
			i += n - 1
		case c == '!' || c == '&' || c == '*':
			if strings.IndexByte(" \t\n[{,", prev) >= 0 {
				return true
			}
		case c == '<' && prev == '<', (c == '.' || c == '%') && prev == '\n', c == '#' && (prev == '"' || prev == '\'') && strings.IndexByte(" \t\n[{,", before) < 0:
			return true
		case c == ' ' && prev == ':' && openQuote(src[i+1:]):
			return true
		case c == '#' && strings.IndexByte(" \t[,", prev) >= 0 && i+1 < len(src) && strings.IndexByte(" \t\r\n#", src[i+1]) < 0:
			// Perhaps a # written as text (hashComment).
			return true
		}
		prev, before = c, prev
	}
	return false
}

// openQuote tells whether a value, src after its key's ": ", starts with
// a quote that it does not close on its line.
func openQuote(src []byte) bool {
	src = bytes.TrimLeft(src, " ")
	if len(src) == 0 || src[0] != '"' && src[0] != '\'' {
		return false
	}
	// As closingQuote, on bytes: a string of them would be made for
	// every quoted value of every page.
	q := src[0]
	for i := 1; i < len(src) && src[i] != '\n'; i++ {
		switch {
		case src[i] == '\\' && q == '"':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return false
		}
	}
	return true
}

// invisible are the characters Unwanted names above U+007F that a
// reader may take as text or as line ends; the others it refuses.
const invisible = "\u0085\u200B\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF"

// Keys is the problem of a top node that is not keys with values (a
// list, a lone text), or nil.
func Keys(root *Node) *Problem {
	switch {
	case root == nil || root.Kind == Mapping:
		return nil
	case root.Kind == Sequence:
		return &Problem{Line: root.Line, Col: root.Column, Text: diag.YAMLList.With()}
	case root.Kind == Scalar && root.Style == 0:
		// title:Hei, which YAML reads as one word.
		first, _, _ := strings.Cut(root.Value, " ")
		if key, value, ok := strings.Cut(first, ":"); ok && key != "" && value != "" {
			col := root.Column + utf8.RuneCountInString(key) + 1
			return &Problem{Line: root.Line, Col: col, Text: diag.YAMLColonSpace.With(key, strings.TrimPrefix(root.Value, key+":")), Cause: true}
		}
	}
	return &Problem{Line: root.Line, Col: root.Column, Text: diag.YAMLKeys.With()}
}

// Pairs are the keys and values of a mapping, in the order written;
// nothing for another node.
func Pairs(m *Node) func(yield func(key, value *Node) bool) {
	return func(yield func(key, value *Node) bool) {
		if m == nil || m.Kind != Mapping {
			return
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if !yield(m.Content[i], m.Content[i+1]) {
				return
			}
		}
	}
}

// Get is the value of key in the mapping m (the first, when written
// twice), or nil.
func Get(m *Node, key string) *Node {
	for k, v := range Pairs(m) {
		if k.Kind == Scalar && k.Value == key {
			return v
		}
	}
	return nil
}

// Twice calls found for each key of the mapping m that is written again,
// once a key, with the key where it was first written: YAML would
// silently take one of the values.
func Twice(m *Node, found func(again, first *Node)) {
	first := map[string]*Node{}
	told := map[string]bool{}
	for k := range Pairs(m) {
		f, dup := first[k.Value]
		switch {
		case k.Kind != Scalar:
		case !dup:
			first[k.Value] = k
		case !told[k.Value]:
			told[k.Value] = true
			found(k, f)
		}
	}
}

// Empty tells whether n is no value: missing, or written as nothing,
// ~ or null.
func Empty(n *Node) bool {
	return n == nil || n.Kind == Scalar && n.ShortTag() == "!!null"
}

// Text is the text of a scalar, trimmed (a number or true is its text as
// written); false for a list, a mapping or no value.
func Text(n *Node) (string, bool) {
	if Empty(n) || n.Kind != Scalar {
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// Str is the text of a scalar YAML reads as text or a date, not as a
// number, true or false.
func Str(n *Node) (string, bool) {
	if n == nil || n.Kind != Scalar || n.ShortTag() != "!!str" && n.ShortTag() != "!!timestamp" {
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// Value is n as Go values for templates: text, numbers, booleans,
// []any and map[string]any.
func Value(n *Node) any {
	var v any
	if n != nil && n.Decode(&v) != nil {
		return nil
	}
	return v
}

// Describe names what n is, for a message that says what was expected
// instead.
func Describe(n *Node) diag.Text {
	switch {
	case Empty(n):
		return diag.DescNothing.With()
	case n.Kind == Sequence:
		return diag.DescList.With()
	case n.Kind == Mapping:
		return diag.DescMapping.With()
	case n.Kind != Scalar:
		return diag.DescType.With("alias")
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return diag.DescNumber.With(n.Value)
	case "!!bool":
		return diag.DescBool.With(n.Value)
	}
	return diag.DescText.With(n.Value)
}

// Curly are the typographic quotes CurlyQuotes looks for.
const Curly = "“”‘’„«»"

// CurlyQuotes calls found for each value or list item, anywhere under n,
// that starts with a typographic quote (“ ” ‘ ’ „ « »), as text pasted
// from a word processor has: YAML takes only straight quotes as quotes,
// so the curly ones become part of the title, summary or tag. Once a line
// is enough.
func CurlyQuotes(n *Node, found func(line, col int, quote rune)) {
	last := 0
	var walk func(n *Node, isKey bool)
	walk = func(n *Node, isKey bool) {
		if n == nil {
			return
		}
		if n.Kind == Scalar && !isKey && n.Style == 0 && n.Line != last {
			if r, _ := utf8.DecodeRuneInString(n.Value); strings.ContainsRune(Curly, r) {
				last = n.Line
				found(n.Line, n.Column, r)
			}
		}
		for i, c := range n.Content {
			walk(c, n.Kind == Mapping && i%2 == 0)
		}
	}
	walk(n, false)
}

// Normalise removes the byte-order marks that open src (a tool may add one
// to a file that has one) and turns CRLF and lone CR line endings into
// LF, so that lines are counted as YAML and the editor count them. src is
// returned as is when there is nothing to change.
func Normalise(src []byte) []byte {
	for bytes.HasPrefix(src, []byte("\uFEFF")) {
		src = src[len("\uFEFF"):]
	}
	i := bytes.IndexByte(src, '\r')
	if i < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	out = append(out, src[:i]...)
	for ; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// InvalidUTF8 is the offset of the first byte of src that is not UTF-8,
// or -1.
func InvalidUTF8(src []byte) int {
	if utf8.Valid(src) {
		return -1
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// MaxKey is the most characters a key may have: YAML reads no longer
// one written without quotes, and other YAML readers refuse it.
const MaxKey = 1024

// Plain is the problem of the first anchor, alias, merge key (<<), type
// tag (!!timestamp) or key that is not a word (a list, nothing, more than
// MaxKey characters) under n, or nil. Settings are plain keys and values:
// an alias can grow a few lines into millions of values ("billion
// laughs"), and a tag overrides the reading the keys are checked by.
func Plain(n *Node) *Problem {
	if n == nil {
		return nil
	}
	switch {
	case n.Kind == yaml.AliasNode:
		return &Problem{Line: n.Line, Col: n.Column, Text: diag.YAMLAnchor.With("*" + n.Value), Cause: true}
	case n.Anchor != "":
		return &Problem{Line: n.Line, Col: n.Column, Text: diag.YAMLAnchor.With("&" + n.Anchor), Cause: true}
	case n.Kind == Scalar && n.Value == "<<" && n.ShortTag() == "!!merge":
		return &Problem{Line: n.Line, Col: n.Column, Text: diag.YAMLAnchor.With("<<"), Cause: true}
	case n.Style&yaml.TaggedStyle != 0:
		return &Problem{Line: n.Line, Col: n.Column, Text: diag.YAMLTag.With(n.Tag), Cause: true}
	}
	for i, c := range n.Content {
		switch key := n.Kind == Mapping && i%2 == 0; {
		case key && (c.Kind == Sequence || c.Kind == Mapping):
			return &Problem{Line: c.Line, Col: c.Column, Text: diag.YAMLKeyNotText.With(), Cause: true}
		case key && c.Kind == Scalar && c.Value == "" && c.Style == 0:
			// ": a", a value with no key before its colon.
			return &Problem{Line: c.Line, Col: c.Column, Text: diag.YAMLNoKey.With(), Cause: true}
		case key && utf8.RuneCountInString(c.Value) > MaxKey:
			return &Problem{Line: c.Line, Col: c.Column, Text: diag.YAMLLongKey.With(utf8.RuneCountInString(c.Value), MaxKey), Cause: true}
		}
		if p := Plain(c); p != nil {
			return p
		}
	}
	return nil
}
