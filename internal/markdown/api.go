package markdown

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/helminauha/helminauha/internal/yamldoc"
)

// This file fixes the package's API, which the content, site, search and
// render stages are written against. The implementation lives in the other
// files of the package.

// Heading is one heading of a document body.
type Heading struct {
	Level int    // 1–6
	Text  string // plain text of the heading
	ID    string // the id attribute the rendered heading carries (unique in the doc)
	Line  int    // 1-based line in the file
}

// Link is one link or image in a document body, as the editor wrote it.
type Link struct {
	Dest  string // destination as written, unescaped
	Line  int    // 1-based line in the file
	Col   int    // 1-based rune column of the link's start
	Image bool   // ![alt](dest)
	Alt   string // the alt text of an image
}

// Doc is one parsed Markdown file: front matter and body.
type Doc struct {
	// Meta is the front matter as goldmark-meta decoded it (nil when the
	// file has none or it does not decode). Keys are as written; nested
	// mappings are map[string]any too, and dates stay strings.
	Meta map[string]any
	// HasFrontMatter tells whether the file opened with a front matter block.
	HasFrontMatter bool
	Headings       []Heading
	Links          []Link
	// TitleLinks are links whose address has spaces, most often a page's
	// title ([Verkoston roolit](Verkoston roolit)): Markdown shows them
	// as plain text with brackets, so the site reports them. Alt holds
	// the link's text.
	TitleLinks []Link

	impl docImpl // the compiled body and its text, for rendering and search
	keys keyLines
}

// KeyLines maps each top-level front matter key to its 1-based line in
// the file, for positioned errors about a key. It is worked out the first
// time it is asked for: most files have no such error.
func (d *Doc) KeyLines() map[string]int {
	d.keys.load()
	return d.keys.lines
}

// KeyLine is the 1-based line of the top-level front matter key in the
// file, as KeyLines has it; ok is false when there is no such key.
func (d *Doc) KeyLine(key string) (line int, ok bool) {
	if s := d.keys.scan(); s != nil {
		k, ok := s.find(key)
		return k.line, ok
	}
	d.keys.load()
	line, ok = d.keys.lines[key]
	return line, ok
}

// ValueAt is where the value of the top-level front matter key is
// written, for positioned errors about the value; ok is false when the
// front matter has no such key, or the key has nothing after it. Worked
// out when first asked for, as KeyLines.
func (d *Doc) ValueAt(key string) (at ValueAt, ok bool) {
	if col := d.keys.firstValue(key); col > 0 {
		return ValueAt{Line: 2, Col: col}, true
	}
	if s := d.keys.scan(); s != nil {
		k, found := s.find(key)
		switch {
		case !found || k.null:
			return ValueAt{}, false
		case k.col > 0:
			return ValueAt{Line: k.line, Col: k.col}, true
		}
	}
	d.keys.load()
	at, ok = d.keys.values[key]
	return at, ok
}

// WordAt is the word written in the front matter at line and col (of
// the file; col in characters), up to a comma, bracket, comment or the
// line's end: for a message that quotes the word the editor wrote where
// YAML read something else (yes, which it reads as true). "" when there
// is none.
func (d *Doc) WordAt(line, col int) string {
	rest := d.keys.block
	if line < 2 {
		return ""
	}
	// The block starts on line 2, after the opening ---.
	for n := 2; n < line; n++ {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return ""
		}
		rest = rest[i+1:]
	}
	l, _, _ := bytes.Cut(rest, []byte("\n"))
	runes := []rune(string(l))
	if col < 1 || col > len(runes) {
		return ""
	}
	s := string(runes[col-1:])
	if i := strings.IndexAny(s, ",]}#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// ValueAt is where a front matter value starts in the file: its 1-based
// line and column (in characters). A list has each item's place too.
type ValueAt struct {
	Line, Col int
	Items     []ItemAt
	first     map[string]int // the first item of each text, trimmed, for ItemOf
}

// ItemAt is where one item of a front matter list starts, and its text
// as written, without quotes ("" for an item that is not text).
type ItemAt struct {
	Line, Col int
	Text      string
}

// Item is where the i-th item (from 0) of the list starts, or the value
// itself when it has no such item.
func (v ValueAt) Item(i int) (line, col int) {
	if i >= 0 && i < len(v.Items) {
		return v.Items[i].Line, v.Items[i].Col
	}
	return v.Line, v.Col
}

// ItemOf is where the first item of the list whose text, without the
// spaces around it, is text starts, or the value itself when none is.
func (v ValueAt) ItemOf(text string) (line, col int) {
	if i, ok := v.first[text]; ok {
		return v.Items[i].Line, v.Items[i].Col
	}
	return v.Line, v.Col
}

// keyLines is the front matter's YAML, and the places of its keys and
// values once they are known.
type keyLines struct {
	once  sync.Once
	block []byte
	// plain tells that the block decoded without a word (no key twice,
	// nothing yamldoc.Suspect names), so that scanKeys may answer.
	plain   bool
	scanned atomic.Pointer[keyScan]
	lines   map[string]int
	values  map[string]ValueAt
}

// scan is what scanKeys finds in a plain block, worked out once; nil
// when the block is not plain or not one scanKeys reads.
func (k *keyLines) scan() *keyScan {
	if !k.plain {
		return nil
	}
	s := k.scanned.Load()
	if s == nil {
		// Two callers at once both scan, and find the same.
		ks := scanKeys(k.block)
		s = &ks
		k.scanned.Store(s)
	}
	if !s.ok {
		return nil
	}
	return s
}

// firstValue is the column of key's value when key is the first line of
// a plain block and its value is a scalar on that line, as the line scan
// would find it; 0 otherwise. The title is most often that key, and its
// place is asked for each page whose title another page has (site's
// same-title warnings): with each of those blocks scanned whole, and
// what the scan found kept, the warnings took 88-90 ms at 100,000
// pearls (18,128 titles), with their first lines read 57-59 ms.
func (k *keyLines) firstValue(key string) int {
	if !k.plain || len(k.block) <= len(key) || k.block[len(key)] != ':' || string(k.block[:len(key)]) != key {
		return 0
	}
	l, _, _ := bytes.Cut(k.block, []byte{'\n'})
	if !readable(l) {
		return 0
	}
	at, ok := keyOf(l, 2)
	if !ok {
		return 0
	}
	return at.col
}

// load works the places out from the block, unless they are known.
func (k *keyLines) load() {
	k.once.Do(func() {
		if k.lines == nil {
			root, _ := yamldoc.Parse(k.block)
			k.lines, k.values = topKeys(root)
		}
	})
}
