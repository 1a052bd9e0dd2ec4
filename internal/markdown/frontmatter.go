package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v2"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/yamldoc"
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

// closedAs finds the line an editor wrote to close the front matter that
// does not: "..." (YAML's own end of a document, which Pandoc takes),
// "…" or a line of dashes a word processor made of ---. It is the first
// such line before the front matter's end, when the front matter is not
// closed or the lines after it are no settings (the text, closed by a
// --- of the text further down); its 1-based line and text, or 0.
func closedAs(src []byte, fm frontMatterSpan) (int, string) {
	if !fm.present {
		return 0, ""
	}
	_, rest, _ := bytes.Cut(src, []byte{'\n'})
	for n := 2; len(rest) > 0 && (!fm.closed || n < fm.end); n++ {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte{'\n'})
		t := bytes.TrimSpace(l)
		// The test on the first byte keeps the common line from
		// becoming a string.
		if len(t) == 0 || t[0] != '.' && t[0] < utf8.RuneSelf && t[0] != '-' || !CloserLike(string(t)) {
			continue
		}
		if !fm.closed {
			return n, string(t)
		}
		for m := n + 1; len(rest) > 0 && m < fm.end; m++ {
			l, rest, _ = bytes.Cut(rest, []byte{'\n'})
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			if _, ok := yamldoc.KeyAtStart(string(l)); ok {
				return 0, ""
			}
			return n, string(t)
		}
		return 0, ""
	}
	return 0, ""
}

// CloserLike tells a line (trimmed) that an editor means as --- to open
// or close front matter.
func CloserLike(t string) bool {
	if t == "..." || t == "…" {
		return true
	}
	wide := false
	for _, r := range t {
		switch r {
		case '-':
		case '–', '—', '‒', '―', '−':
			wide = true
		default:
			return false
		}
	}
	return wide
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

// frontMatter takes the front matter decoded as goldmark-meta does into d; its
// positions and problems come from yamldoc, whose lines count from the
// block, which starts on line 2 (after the opening --- on line 1).
func (p *parse) frontMatter(d *Doc, fm frontMatterSpan, pc parser.Context) {
	dec, _ := pc.Get(decodedKey).(*yamlMeta)
	if dec == nil {
		dec = &yamlMeta{}
	}
	m, err := dec.m, dec.err
	if err != nil {
		m = nil // as meta.TryGet
	}
	if !fm.present && m == nil && err == nil {
		return
	}
	d.HasFrontMatter = true
	if n, text := closedAs(p.src, fm); n > 0 {
		p.diags.Report(diag.Pos{File: p.file, Line: n, Col: 1}, diag.MarkdownClosedAs, text)
		return
	}
	if !fm.closed {
		p.diags.Report(p.linePos(1), diag.MarkdownUnclosed)
		return
	}
	block := p.src[p.lines[1]:p.lines[fm.end-1]]
	// A copy: the block is kept with the Doc for KeyLines, and a slice
	// of src would keep the whole file (body and all) alive as long.
	d.keys.block = bytes.Clone(block)
	if err == nil && dec.items == len(m) && !yamldoc.Suspect(block) {
		// No key twice, no curly quote: nothing to say, and the
		// positions of the keys are worked out only when asked for.
		d.Meta = meta2(m)
		d.keys.plain = true
		return
	}
	root, prob := yamldoc.Parse(block)
	if prob == nil {
		prob = yamldoc.Keys(root)
	}
	if prob == nil {
		// Settings are plain keys and values: an alias may grow too
		// large, a tag changes how a value is read (!!binary), a merge
		// key adds keys the editor does not see; goldmark-meta reads
		// them all without a word.
		prob = yamldoc.Plain(root)
	}
	if prob == nil && err != nil {
		prob = questionInBrackets(block)
	}
	if prob == nil && err != nil {
		prob = &yamldoc.Problem{Line: 1, Col: 1, Text: diag.YAMLKeys.With()}
	}
	if prob != nil {
		// The UTF-8 message of the whole file says what to do.
		if !p.badUTF8 {
			p.diags.Add(prob.Error(diag.Pos{File: p.file, Line: prob.Line + 1, Col: prob.Col}, diag.MarkdownYAML))
		}
		return
	}
	d.Meta = meta2(m)
	d.keys.lines, d.keys.values = topKeys(root)
	yamldoc.Twice(root, func(k, first *yamldoc.Node) {
		p.diags.Report(diag.Pos{File: p.file, Line: k.Line + 1, Col: k.Column}, diag.YAMLKeyTwice, k.Value, first.Line+1)
	})
	yamldoc.CurlyQuotes(root, func(line, col int, r rune) {
		p.diags.Warn(diag.Pos{File: p.file, Line: line + 1, Col: col}, diag.YAMLCurlyQuote, r)
	})
}

// topKeys maps each top-level key of the front matter root to its line
// in the file, and to where its value is written. The block starts on
// the file's second line.
func topKeys(root *yamldoc.Node) (map[string]int, map[string]ValueAt) {
	lines := map[string]int{}
	values := map[string]ValueAt{}
	for k, v := range yamldoc.Pairs(root) {
		if _, dup := lines[k.Value]; dup || k.Kind != yamldoc.Scalar {
			continue
		}
		lines[k.Value] = k.Line + 1
		if v.Kind == yamldoc.Scalar && v.Tag == "!!null" && v.Value == "" {
			continue // `key:` with nothing after it
		}
		at := ValueAt{Line: v.Line + 1, Col: v.Column}
		if v.Kind == yamldoc.Sequence {
			at.Items = make([]ItemAt, len(v.Content))
			// Each item named in a problem is looked up by its text: a
			// search of the list for each took 65 s for a list of 100,000.
			at.first = make(map[string]int, len(v.Content))
			for i, it := range v.Content {
				at.Items[i] = ItemAt{Line: it.Line + 1, Col: it.Column}
				if it.Kind == yamldoc.Scalar {
					at.Items[i].Text = it.Value
				}
				t := strings.TrimSpace(at.Items[i].Text)
				if _, dup := at.first[t]; !dup {
					at.first[t] = i
				}
			}
		}
		values[k.Value] = at
	}
	return lines, values
}

// meta2 is the decoded map with one map type all the way down. The map
// is this parse's own, so it is changed where it is, not copied: a copy
// was one more map for every page of a portal.
func meta2(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	for k, v := range m {
		m[k] = normaliseYAML(v)
	}
	return m
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

// decodedKey holds a document's *yamlMeta front matter in its
// parser.Context.
var decodedKey = parser.NewContextKey()

// yamlMeta is the front matter block as goldmark-meta's Close decodes it:
// what meta.TryGet gives (the map, or the error of either Unmarshal),
// and the length of meta.GetItems, the keys in the order written, which
// is more than the map's when a key is written twice.
type yamlMeta struct {
	m     map[string]any
	items int
	err   error
}

// byMeta tells a block that goldmark-meta's Close decodes itself: one
// that may hold an alias (*), a tag (!) or a merge key (<<), where
// decodeMeta could not show that its one decode is as good as the two.
func byMeta(block []byte) bool {
	return bytes.ContainsAny(block, "*!") || bytes.Contains(block, []byte("<<"))
}

// decodeMeta decodes block as goldmark-meta's Close does, from one
// yaml.v2 parse instead of two: its Unmarshal calls
// metaDecoder.UnmarshalYAML with the parsed document, which decodes it
// as the two calls would. block must not be one byMeta tells.
func decodeMeta(block []byte) *yamlMeta {
	if d := plainMeta(block); d != nil {
		return d
	}
	d := metaDecoder{m: map[string]any{}, items: yaml.MapSlice{}}
	if err := yaml.Unmarshal(block, &d); err != nil {
		var typeErr *yaml.TypeError
		if errors.As(err, &typeErr) {
			// UnmarshalYAML was never called: yaml.v2 takes a quoted
			// "~" or "null" for a null before it looks for an
			// Unmarshaler, then fails to decode the text into
			// metaDecoder, and the error would name our type.
			return twoDecodes(block)
		}
		// A syntax error, which either call would have met.
		return &yamlMeta{err: err}
	}
	return &yamlMeta{m: d.m, items: len(d.items), err: d.err}
}

// twoDecodes is goldmark-meta's Close itself: the map and the list each
// decoded on its own, the list's error over the map's.
func twoDecodes(block []byte) *yamlMeta {
	d := &yamlMeta{}
	m := map[string]any{}
	if err := yaml.Unmarshal(block, &m); err != nil {
		d.err = err
	} else {
		d.m = m
	}
	var items yaml.MapSlice
	if err := yaml.Unmarshal(block, &items); err != nil {
		d.err = err
	} else {
		d.items = len(items)
	}
	return d
}

// metaDecoder is what goldmark-meta's Close has after its two Unmarshal
// calls. yaml.v2 leaves a document of nothing alone (the empty map and
// list stay), and sets the whole metaDecoder to its zero value for a
// null document, as it does goldmark-meta's map and list.
type metaDecoder struct {
	m     map[string]any
	items yaml.MapSlice
	err   error
}

// UnmarshalYAML decodes the document into the ordered list first. The
// map is built from the list when the two decodes must give the same:
// every top-level key is text (into a map[string]any a key 0x1F becomes
// its text as written, into the list the number 31), and no value holds
// a mapping (decoded as a map[any]any into the map, as a yaml.MapSlice
// into the list); a merge key, the one key the list decode treats
// otherwise, is in no block decodeMeta is given. Otherwise the map is
// decoded too, from the same parse. When the list's decode fails, the
// map's result does not count: goldmark-meta's error is the list's.
func (d *metaDecoder) UnmarshalYAML(decode func(any) error) error {
	if d.err = decode(&d.items); d.err != nil {
		return nil
	}
	if m, ok := mapOf(d.items); ok {
		d.m = m
		return nil
	}
	d.err = decode(&d.m)
	return nil
}

// mapOf is the map of items, each key with its last value as a map
// decode sets it, when every key is text and no value holds a mapping.
// An empty list is decoded again: the map of {} is empty and of nothing
// nil, and the list of both is nil.
func mapOf(items yaml.MapSlice) (map[string]any, bool) {
	if len(items) == 0 {
		return nil, false
	}
	m := make(map[string]any, len(items))
	for _, it := range items {
		k, ok := it.Key.(string)
		if !ok || holdsMapping(it.Value) {
			return nil, false
		}
		m[k] = it.Value
	}
	return m, true
}

func holdsMapping(v any) bool {
	switch v := v.(type) {
	case yaml.MapSlice:
		return true
	case []any:
		return slices.ContainsFunc(v, holdsMapping)
	}
	return false
}

// plainMeta decodes a block as yaml.v2 does when it is written as the
// portal's front matter is, one `key: value` a line at the left edge, each
// key once, each value a double-quoted text without escapes, a plain word
// or words, a date, a small whole number or a one-line list of those in
// [ ]; it is nil for any other block, which yaml.v2 decodes. yaml.v2 spent
// about 30 us a pearl on such blocks (7 % of a build's CPU at 10,000
// pearls), most of it setting up and running its general parser.
// FuzzFrontMatterAsGoldmarkMeta holds it to goldmark-meta's result.
func plainMeta(block []byte) *yamlMeta {
	m := make(map[string]any, 12)
	for rest := block; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(line) == 0 {
			continue
		}
		k := 0
		for k < len(line) && (isLetter(line[k]) || k > 0 && (isDigit(line[k]) || line[k] == '_' || line[k] == '-')) {
			k++
		}
		// yaml.v2 finds no key of more than 1,024 characters.
		if k == 0 || k > 64 || k+2 >= len(line) || line[k] != ':' || line[k+1] != ' ' || resolvesPlain(line[:k]) {
			return nil
		}
		key := metaKey(line[:k])
		if _, twice := m[key]; twice {
			return nil
		}
		v, end, ok := metaValue(line, k+2, false)
		if !ok || end != len(line) {
			return nil
		}
		m[key] = v
	}
	if len(m) == 0 {
		return nil
	}
	return &yamlMeta{m: m, items: len(m)}
}

// metaValue reads the value that starts at line[i] (in a [ ] list when
// inList) and tells where it ends; ok is false for a value plainMeta
// leaves to yaml.v2.
func metaValue(line []byte, i int, inList bool) (v any, end int, ok bool) {
	switch c := line[i]; {
	case c == '"':
		j := i + 1
		for j < len(line) && line[j] != '"' {
			if line[j] == '\\' || !printable(line, &j) {
				return nil, 0, false
			}
		}
		if j == len(line) {
			return nil, 0, false
		}
		return string(line[i+1 : j]), j + 1, true
	case c == '[' && !inList:
		list := []any{}
		j := i + 1
		for {
			for j < len(line) && line[j] == ' ' {
				j++
			}
			if j == len(line) {
				return nil, 0, false
			}
			if line[j] == ']' && len(list) == 0 {
				return list, j + 1, true
			}
			it, e, ok := metaValue(line, j, true)
			if !ok {
				return nil, 0, false
			}
			list = append(list, it)
			for j = e; j < len(line) && line[j] == ' '; j++ {
			}
			if j == len(line) {
				return nil, 0, false
			}
			switch line[j] {
			case ']':
				return list, j + 1, true
			case ',':
				j++
			default:
				return nil, 0, false
			}
		}
	case isDigit(c):
		j := i
		for j < len(line) && (isDigit(line[j]) || line[j] == '-') {
			j++
		}
		w := line[i:j]
		if len(w) == len("2006-01-02") && w[4] == '-' && w[7] == '-' && isDigits(w[:4]) && isDigits(w[5:7]) && isDigits(w[8:]) {
			// A date, which yaml.v2 gives as its text.
			return string(w), j, true
		}
		if isDigits(w) && len(w) <= 9 && (c != '0' || len(w) == 1) {
			n, _ := strconv.Atoi(string(w))
			return n, j, true
		}
		return nil, 0, false
	case isLetter(c) || c >= utf8.RuneSelf:
		// A plain scalar of letters, digits, '-', '_', '.', '/' and single
		// spaces between them: nothing yaml.v2 reads anything into, in a
		// block or in a list. A word it reads as a boolean or null is
		// left to it.
		j := i
		for j < len(line) {
			b := line[j]
			if isLetter(b) || isDigit(b) || b == '-' || b == '_' || b == '.' || b == '/' {
				j++
			} else if b == ' ' && j+1 < len(line) && line[j+1] != ' ' && line[j+1] != ',' && line[j+1] != ']' {
				j++
			} else if b < utf8.RuneSelf || !printable(line, &j) {
				break
			}
		}
		if resolvesPlain(line[i:j]) {
			return nil, 0, false
		}
		return string(line[i:j]), j, true
	}
	return nil, 0, false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(w []byte) bool {
	for _, c := range w {
		if !isDigit(c) {
			return false
		}
	}
	return len(w) > 0
}

// printable tells whether the character at line[*j] is one plainMeta
// takes as it is, and steps over it: a printable ASCII one, or one yaml.v2's
// reader lets through that it reads no line break into (U+2028, U+2029) and
// that is no byte order mark.
func printable(line []byte, j *int) bool {
	if c := line[*j]; c < utf8.RuneSelf {
		*j++
		return c >= 0x20 && c < 0x7F
	}
	r, n := utf8.DecodeRune(line[*j:])
	switch {
	case n == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	*j += n
	return true
}

// resolvesPlain tells a plain word yaml.v2 may read as a boolean or null
// (it reads some spellings of these only; plainMeta leaves them all to it).
func resolvesPlain(w []byte) bool {
	if len(w) > 5 {
		return false
	}
	switch strings.ToLower(string(w)) {
	case "y", "yes", "n", "no", "true", "false", "on", "off", "null":
		return true
	}
	return false
}

// metaKey is the key's text, the keys of the portal's front matter
// without a new string each.
func metaKey(k []byte) string {
	switch string(k) {
	case "title":
		return "title"
	case "summary":
		return "summary"
	case "theme":
		return "theme"
	case "kind":
		return "kind"
	case "audience":
		return "audience"
	case "tags":
		return "tags"
	case "projects":
		return "projects"
	case "related":
		return "related"
	case "date":
		return "date"
	case "updated":
		return "updated"
	}
	return string(k)
}

// questionInBrackets is the problem of a ? inside an item of a list in
// brackets (tags: [Mitä nyt?], related: [Mikä verkosto on?]), or nil:
// goldmark-meta's YAML reader, which gives the page its settings, cannot
// read one there, though yamldoc can, and the settings were said to be no
// keys at all, at the first line.
func questionInBrackets(block []byte) *yamldoc.Problem {
	for n, line := range strings.Split(string(block), "\n") {
		depth, quote, start := 0, rune(0), -1
		r := []rune(line)
		for i, c := range r {
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '#' && i > 0 && (r[i-1] == ' ' || r[i-1] == '\t'):
				// A comment; yamldoc tells of a # written as text.
				return nil
			case c == '"' || c == '\'':
				if depth > 0 && start == i {
					quote = c
				}
			case c == '[' || c == '{':
				depth++
				start = i + 1
			case c == ']' || c == '}':
				depth--
			case c == ',' && depth > 0:
				start = i + 1
			case c == ' ' && depth > 0 && start == i:
				start = i + 1
			case c == '?' && depth > 0:
				item := string(r[start:])
				if j := strings.IndexAny(item, ",]}"); j >= 0 {
					item = item[:j]
				}
				item = strings.TrimRight(item, " ")
				return &yamldoc.Problem{Line: n + 1, Col: i + 1, Text: diag.YAMLQuestionInList.With(`"` + item + `"`), Cause: true}
			}
		}
	}
	return nil
}
