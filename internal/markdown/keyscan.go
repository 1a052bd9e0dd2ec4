package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/yamldoc"
)

// A check or a build asks where a key is for every problem of a value,
// and a large portal can have tens of thousands of them (at 100,000
// generated pearls, 18,000 titles a page already has): a YAML parse of
// the front matter for each was a third of the model's time. Most front
// matter is a column of plain `key: value` lines, whose places a scan of
// the lines finds exactly as the parse would. scanKeys vouches only for
// blocks it can read whole and only for values it can place; anything
// else is left to the parse (see keyLines).

// keyScan is what scanKeys found in one block.
type keyScan struct {
	ok    bool // every line was one scanKeys can read; otherwise ask the parse
	block []byte
	keys  []keyLine
}

// keyLine is one top-level key: its 1-based line in the file, and where
// its value is when that is known without the parse.
type keyLine struct {
	key  [2]int // the key's offsets in the block: no string for each
	line int
	// col is the value's column when the value is a plain or quoted
	// scalar on the key's own line; 0 when only the parse can say (a
	// list, a mapping, a block of text).
	col  int
	null bool // nothing but blanks and comments after the key
}

// find is the first line of key, as topKeys keeps the first of a key
// written twice.
func (s *keyScan) find(key string) (keyLine, bool) {
	for _, k := range s.keys {
		if string(s.block[k.key[0]:k.key[1]]) == key {
			return k, true
		}
	}
	return keyLine{}, false
}

// scanKeys reads the top-level keys of a front matter block (which
// starts on the file's second line) line by line. Every line must be
// blank, a comment, indented (part of the value above it), or a plain key
// of letters, digits, _ and - at the line's start followed by ": " or
// the line's end, with a value that ends on its line when it could run
// on into the next ones (quotes, [ ] and { }). A block with anything else
// (a tab, a character YAML reads as a line end or refuses, an indented
// first key, a quoted or complex key, an anchor, alias or tag, a list at
// the line's start) is not scanned: ok is false.
func scanKeys(block []byte) keyScan {
	if !readable(block) {
		return keyScan{}
	}
	s := keyScan{block: block, keys: make([]keyLine, 0, bytes.Count(block, []byte{'\n'})+1)}
	open := -1 // the key whose value is still empty, until a line says otherwise
	rest := block
	for line := 2; len(rest) > 0; line++ {
		var l []byte
		at := len(block) - len(rest)
		l, rest, _ = bytes.Cut(rest, []byte{'\n'})
		t := bytes.TrimLeft(l, " ")
		switch {
		case len(t) == 0 || t[0] == '#':
			continue
		case len(t) < len(l):
			if len(s.keys) == 0 {
				// The mapping would be indented: its keys are not at
				// column 1.
				return keyScan{}
			}
			if open >= 0 {
				s.keys[open].null = false
				open = -1
			}
			continue
		}
		open = -1
		k, ok := keyOf(l, line)
		if !ok {
			return keyScan{}
		}
		k.key[0] += at
		k.key[1] += at
		if k.null {
			open = len(s.keys)
		}
		if _, twice := s.find(string(l[:k.key[1]-at])); !twice {
			s.keys = append(s.keys, k)
		} else {
			open = -1
		}
	}
	s.ok = true
	return s
}

// keyOf reads one line at column 1 as a key and its value, or ok is
// false.
func keyOf(l []byte, line int) (k keyLine, ok bool) {
	colon := bytes.IndexByte(l, ':')
	if colon < 1 || colon > 100 || !plainKey(l[:colon]) {
		return keyLine{}, false
	}
	after := l[colon+1:]
	if len(after) > 0 && after[0] != ' ' {
		return keyLine{}, false
	}
	v := bytes.TrimLeft(after, " ")
	k = keyLine{key: [2]int{0, colon}, line: line}
	if len(v) == 0 || v[0] == '#' {
		k.null = true
		return k, true
	}
	col := len(l) - len(v) + 1 // the key and the spaces are ASCII
	switch v[0] {
	case '"', '\'':
		end := quoteEnd(v)
		if end < 0 || !restOfLine(v[end:]) {
			return keyLine{}, false
		}
		k.col = col
	case '[', '{':
		end := flowEnd(v)
		if end < 0 || !restOfLine(v[end:]) {
			return keyLine{}, false
		}
	case '|', '>':
		// A block of text: its lines are indented, and the parse says
		// where its value is. Its header is read as strictly as YAML
		// reads it ("|#" is an error there, which another reader lets
		// pass).
		h := v[1:]
		if len(h) > 0 && (h[0] == '-' || h[0] == '+') {
			h = h[1:]
		}
		if len(h) > 0 && h[0] != ' ' || !restOfLine(h) {
			return keyLine{}, false
		}
	case '&', '*', '!', '%', '@', '`', ',', ']', '}':
		return keyLine{}, false
	case '-', '?', ':':
		if len(v) == 1 || v[1] == ' ' {
			return keyLine{}, false
		}
		fallthrough
	default:
		if !plainValue(v) {
			return keyLine{}, false
		}
		k.col = col
	}
	return k, true
}

// plainKey is a key of ASCII letters, digits, _ and -, not starting
// with -.
func plainKey(b []byte) bool {
	if b[0] == '-' {
		return false
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// plainValue is a plain scalar that YAML reads as one: no ": " or ":"
// at its end, which would make it a mapping (or an error), up to a
// comment.
func plainValue(v []byte) bool {
	for i, c := range v {
		switch {
		case c == '#' && v[i-1] == ' ':
			return true
		case c == ':' && (i+1 == len(v) || v[i+1] == ' '):
			return false
		}
	}
	return true
}

// quoteEnd is the offset just after the quote that closes the scalar v
// opens, or -1 when it is not closed on the line.
func quoteEnd(v []byte) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i + 1
		}
	}
	return -1
}

// flowEnd is the offset just after the bracket that closes the list or
// mapping v opens, or -1 when it is not closed on the line or holds a
// comment. A quote opens a scalar only where one may start.
func flowEnd(v []byte) int {
	depth := 0
	start := true // a scalar may start here
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ':
			continue
		case c == '#' && i > 0 && v[i-1] == ' ':
			return -1
		case (c == '"' || c == '\'') && start:
			end := quoteEnd(v[i:])
			if end < 0 {
				return -1
			}
			i += end - 1
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		start = c == '[' || c == '{' || c == ',' || c == ':'
	}
	return -1
}

// restOfLine is what may follow a closed value: spaces, then nothing or
// a comment.
func restOfLine(r []byte) bool {
	t := bytes.TrimLeft(r, " ")
	return len(t) == 0 || t[0] == '#' && len(t) < len(r)
}

// readable tells that block is UTF-8 without a tab, a carriage return or
// a character yamldoc.Unwanted names: YAML reads no line end but '\n'
// in it, and counts its columns as a line scan does.
func readable(block []byte) bool {
	if !utf8.Valid(block) {
		return false
	}
	for i, c := range block {
		switch {
		case c < 0x20 && c != '\n' || c == 0x7f:
			return false
		case c == 0xC2 || c == 0xE2 || c == 0xEF:
			// The first byte of every character above U+007F that
			// Invisible names (C2 of U+0080–U+009F, E2 of U+200B–U+2069,
			// EF of U+FEFF–U+FFFF): letters such as ä and ö are not
			// decoded.
			if r, _ := utf8.DecodeRune(block[i:]); yamldoc.Unwanted(r) {
				return false
			}
		}
	}
	return true
}
