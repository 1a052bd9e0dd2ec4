package markdown

import (
	"sync"

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
// the file, for positioned errors about a key's value. It is worked out
// the first time it is asked for: most files have no such error.
func (d *Doc) KeyLines() map[string]int {
	d.keys.once.Do(func() {
		if d.keys.lines == nil {
			root, _ := yamldoc.Parse(d.keys.block)
			d.keys.lines = topKeys(root)
		}
	})
	return d.keys.lines
}

// keyLines is the front matter's YAML, and the lines of its keys once
// they are known.
type keyLines struct {
	once  sync.Once
	block []byte
	lines map[string]int
}
