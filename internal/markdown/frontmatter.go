package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/helminauha/helminauha/internal/diag"
)

// frontMatterSpan is where the front matter block lies, found by the same
// rules goldmark-meta applies: it opens when the first line is a run of
// '-' (indented by at most three columns) and closes at the next non-blank
// line that is a run of '-'.
type frontMatterSpan struct {
	present bool
	closed  bool
	end     int // 1-based line of the closing ---, when closed
}

func scanFrontMatter(src []byte) frontMatterSpan {
	first, rest, _ := bytes.Cut(src, []byte{'\n'})
	if w, _ := util.IndentWidth(first, 0); w > 3 || !isSeparator(first) || len(bytes.TrimSpace(first)) == 0 {
		return frontMatterSpan{}
	}
	fm := frontMatterSpan{present: true}
	for line := 2; len(rest) > 0; line++ {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if isSeparator(l) && !util.IsBlank(l) {
			fm.closed, fm.end = true, line
			break
		}
	}
	return fm
}

// isSeparator is goldmark-meta's test for a --- line.
func isSeparator(line []byte) bool {
	line = util.TrimRightSpace(util.TrimLeftSpace(line))
	for _, c := range line {
		if c != '-' {
			return false
		}
	}
	return true
}

// frontMatter takes the front matter goldmark-meta decoded into d and
// reports its problems with lines in the file: YAML counts lines from the
// block, which starts on line 2 (after the opening --- on line 1).
func (p *parse) frontMatter(d *Doc, fm frontMatterSpan, pc parser.Context) {
	m, err := meta.TryGet(pc)
	if !fm.present && m == nil && err == nil {
		return
	}
	d.HasFrontMatter = true
	if !fm.closed {
		p.diags.Report(p.linePos(1), diag.MarkdownUnclosed)
		p.dropMetaBlock()
		return
	}
	if err != nil {
		if p.badUTF8 {
			// The UTF-8 message says what to do; YAML's words about the
			// same bytes would only come first and confuse.
			p.dropMetaBlock()
			return
		}
		if pos, msg, ok := p.yamlCause(2, fm.end); ok {
			p.diags.Add(&diag.Error{Pos: pos, Text: msg})
			p.dropMetaBlock()
			return
		}
		line, msg, unclosed := yamlProblem(err)
		if line > 0 {
			line++ // YAML's line 1 is the file's line 2
		} else {
			line = 1
		}
		if line > fm.end {
			line = fm.end
		}
		// YAML notices an unclosed quote or bracket where the block
		// ends; the editor needs the line where it was opened.
		if open := p.unbalancedLine(2, line); unclosed && open > 0 {
			line = open
		}
		p.diags.Report(p.linePos(line), diag.MarkdownYAML, msg)
		p.dropMetaBlock()
		return
	}
	d.Meta = make(map[string]any, len(m))
	for k, v := range m {
		d.Meta[k] = normaliseYAML(v)
	}
	d.KeyLines = p.keyLines(d.Meta, 2, fm.end)
	p.curlyQuotes(2, fm.end)
}

// yamlCause looks in the lines from and to (exclusive) for the mistakes
// editors make most, which YAML reports in its own words and often on
// another line: a quoted value that goes on after its closing quote, and
// ": " inside a value without quotes. It returns the place of the first
// one and what to write instead.
func (p *parse) yamlCause(from, to int) (diag.Pos, diag.Text, bool) {
	block := -1 // the indent of the key whose block scalar (| or >) is being read
	for n := from; n < to && n <= len(p.lines); n++ {
		line := string(p.line(n))
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if block >= 0 && (strings.TrimSpace(line) == "" || indent > block) {
			continue // text inside a | or > block may hold anything
		}
		block = -1
		key, value, ok := splitKeyValue(line)
		if !ok {
			continue
		}
		if value[0] == '|' || value[0] == '>' {
			block = indent
			continue
		}
		vcol := utf8.RuneCountInString(line[:strings.Index(line, value)]) + 1
		switch q := value[0]; q {
		case '"', '\'':
			end := closingQuote(value[1:], q)
			if end < 0 {
				continue // an unclosed quote: yamlProblem finds its line
			}
			rest := strings.TrimSpace(value[end+2:])
			if rest == "" || rest[0] == '#' {
				continue
			}
			return diag.Pos{File: p.file, Line: n, Col: vcol}, msgQuoteThenText(key, value, q), true
		case '[', '{', '|', '>', '&', '*', '!', '#':
			continue
		}
		if i := strings.Index(value, ": "); i >= 0 || strings.HasSuffix(value, ":") {
			if i < 0 {
				i = len(value) - 1
			}
			col := vcol + utf8.RuneCountInString(value[:i])
			return diag.Pos{File: p.file, Line: n, Col: col}, msgColonInValue(key, value), true
		}
	}
	return diag.Pos{}, diag.Text{}, false
}

func msgQuoteThenText(key, value string, q byte) diag.Text {
	other := '\''
	if q == '\'' {
		other = '"'
	}
	return diag.MarkdownQuoteThenText.With(rune(q), key, other, value, other)
}

func msgColonInValue(key, value string) diag.Text {
	return diag.MarkdownColonInValue.With(key, strings.ReplaceAll(value, `"`, `\"`))
}

// splitKeyValue splits a line "key: value" (the key at any indent, or a
// list item "- key: value") into the key and the value, trimmed.
func splitKeyValue(line string) (key, value string, ok bool) {
	t := strings.TrimLeft(line, " ")
	t = strings.TrimPrefix(t, "- ")
	if t == "" || strings.ContainsRune("#\"'[{-", rune(t[0])) {
		return "", "", false
	}
	i := strings.Index(t, ": ")
	if i <= 0 {
		return "", "", false
	}
	key = t[:i]
	value = strings.TrimSpace(t[i+2:])
	if value == "" {
		return "", "", false
	}
	return key, value, true
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

// curlyQuotes warns of a value or list item that starts with a
// typographic quote (“ ” ‘ ’ „ « »), as text pasted from a word processor
// has: YAML takes only straight quotes as quotes, so the curly ones
// become part of the title, summary or tag.
func (p *parse) curlyQuotes(from, to int) {
	for n := from; n < to && n <= len(p.lines); n++ {
		line := string(p.line(n))
		for i, r := range line {
			if !strings.ContainsRune("“”‘’„«»", r) {
				continue
			}
			before := strings.TrimRight(line[:i], " ")
			if before != "" && !strings.HasSuffix(before, ":") && !strings.HasSuffix(before, "[") &&
				!strings.HasSuffix(before, ",") && !(strings.TrimSpace(before) == "-") {
				continue
			}
			p.diags.Warn(diag.Pos{File: p.file, Line: n, Col: utf8.RuneCountInString(line[:i]) + 1}, diag.MarkdownCurlyQuote, r)
			break
		}
	}
}

// dropMetaBlock removes what goldmark-meta leaves in the body when it
// cannot decode the front matter: the block itself and an HTML comment
// holding the YAML error.
func (p *parse) dropMetaBlock() {
	if tb, ok := p.root.FirstChild().(*ast.TextBlock); ok {
		p.root.RemoveChild(p.root, tb)
	}
}

// keyLines finds the line of each top-level key of m between the lines
// from and to (exclusive, 1-based), and reports a key written twice, which
// YAML would otherwise silently resolve to its last value.
func (p *parse) keyLines(m map[string]any, from, to int) map[string]int {
	lines := make(map[string]int, len(m))
	var reported map[string]bool
	for n := from; n < to && n <= len(p.lines); n++ {
		key, ok := topLevelKey(p.line(n))
		if !ok {
			continue
		}
		if _, known := m[key]; !known {
			continue
		}
		if first, dup := lines[key]; dup {
			if !reported[key] { // once a key is enough
				if reported == nil {
					reported = make(map[string]bool)
				}
				reported[key] = true
				p.diags.Report(p.linePos(n), diag.MarkdownKeyTwice, key, first)
			}
			continue
		}
		lines[key] = n
	}
	return lines
}

// line returns the text of the 1-based line n, without its newline.
func (p *parse) line(n int) []byte {
	start := p.lines[n-1]
	end := len(p.src)
	if n < len(p.lines) {
		end = p.lines[n] - 1
	}
	return p.src[start:end]
}

// topLevelKey returns the key of a line "key: value" that starts in the
// first column, with quotes removed.
func topLevelKey(l []byte) (string, bool) {
	if len(l) == 0 {
		return "", false
	}
	switch l[0] {
	case ' ', '\t', '#', '-', '[', '{', '?', '&', '*', '!', '|', '>', '%', '@', '`', ':':
		return "", false
	case '"', '\'':
		end := bytes.IndexByte(l[1:], l[0])
		if end < 0 {
			return "", false
		}
		rest := bytes.TrimLeft(l[end+2:], " \t")
		if len(rest) == 0 || rest[0] != ':' {
			return "", false
		}
		return string(l[1 : end+1]), true
	}
	for i := 0; i < len(l); i++ {
		if l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t') {
			return string(bytes.TrimRight(l[:i], " \t")), true
		}
		if l[i] == '#' && i > 0 && (l[i-1] == ' ' || l[i-1] == '\t') {
			return "", false
		}
	}
	return "", false
}

// normaliseYAML turns yaml.v2's map[interface{}]interface{} into
// map[string]any, all the way down, so that later stages and templates see
// one map type.
func normaliseYAML(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = normaliseYAML(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = normaliseYAML(e)
		}
		return v
	}
	return v
}

// yamlProblem extracts the 1-based line (0 when unknown) from a yaml.v2
// error and rewrites its message for an editor.
// unclosed tells that YAML ran into the end of the block looking for a
// closing quote or bracket, so the line YAML names is not where the
// mistake is.
func yamlProblem(err error) (line int, msg diag.Text, unclosed bool) {
	s := err.Error()
	s = strings.TrimPrefix(s, "yaml: ")
	s = strings.TrimPrefix(s, "unmarshal errors:\n")
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] // the first problem is enough to act on
	}
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				s = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	if isParserError(s) {
		// yaml.v2 counts lines from 0 in parser errors (and leaves out
		// "line 0"), from 1 in scanner and type errors.
		line++
	}
	switch {
	// goldmark-meta decodes into a map and into a yaml.MapSlice; a list
	// fails the latter as "into yaml.MapItem".
	case strings.Contains(s, "cannot unmarshal !!seq"), strings.Contains(s, "into yaml.MapItem"):
		return line, diag.YAMLList.With(), false
	case strings.Contains(s, "cannot unmarshal"):
		return line, diag.YAMLKeys.With(), false
	case strings.Contains(s, "mapping values are not allowed"):
		return line, diag.YAMLIndentOrColon.With(), false
	case strings.Contains(s, "tab"):
		return line, diag.YAMLTabs.With(s), false
	case strings.Contains(s, "found character that cannot start any token"):
		return line, diag.YAMLBadStart.With(s), false
	case strings.Contains(s, "did not find expected key"), strings.Contains(s, "block mapping"), strings.Contains(s, "'-' indicator"):
		return line, diag.YAMLIndent.With(s), false
	case strings.Contains(s, "found unexpected end of stream"), strings.Contains(s, "did not find expected"):
		return line, diag.YAMLUnclosed.With(s), true
	}
	return line, diag.YAMLOther.With(s), false
}

// isParserError tells yaml.v2's parser errors from its scanner errors by
// their message.
func isParserError(msg string) bool {
	for _, p := range []string{
		"did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected key", "did not find expected node content",
		"found duplicate %TAG directive", "found duplicate %YAML directive",
		"found incompatible YAML document", "found undefined tag handle",
	} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// unbalancedLine returns the first line in [from, to] whose value opens a
// quote, [ or { that the line does not close, or 0.
func (p *parse) unbalancedLine(from, to int) int {
	for n := from; n <= to && n <= len(p.lines); n++ {
		line := p.line(n)
		_, value, ok := strings.Cut(string(line), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		if value == "" || value[0] == '#' || value[0] == '|' || value[0] == '>' {
			continue
		}
		switch value[0] {
		case '"':
			if !closedQuote(value[1:], '"') {
				return n
			}
		case '\'':
			if !closedQuote(value[1:], '\'') {
				return n
			}
		case '[', '{':
			if strings.Count(value, "[")+strings.Count(value, "{") > strings.Count(value, "]")+strings.Count(value, "}") {
				return n
			}
		}
	}
	return 0
}

func closedQuote(s string, q byte) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q:
			return true
		}
	}
	return false
}
