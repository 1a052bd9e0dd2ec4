package content

import (
	"maps"
	"slices"
	"time"

	"github.com/helminauha/helminauha/internal/markdown"
)

// The folders of the content format, and the URL section each becomes.
const (
	DirAreas    = "teemat"
	DirPearls   = "helmet"
	DirCases    = "caset"
	DirChapters = "opas"
	DirPages    = "sivut"
	DirStatic   = "static"
	// CoverSlug is the file name (without .md) of the guide's cover.
	CoverSlug = "_index"
)

// Kinds are the allowed values of a pearl's kind, in display order.
var Kinds = []string{"tieto", "vinkki", "menetelma", "tyokalu"}

// Audiences are the allowed values of a pearl's audience, in display order.
var Audiences = []string{"johto", "esihenkilot", "paattajat", "henkilosto", "hanketoimijat"}

// Sum is the SHA-256 of a file's bytes.
type Sum [32]byte

// Common holds what every document has.
type Common struct {
	File string // path as shown to the editor, e.g. "content/helmet/x.md"
	Slug string // file name without .md
	Key  string // folder and slug, "helmet/x": the document's key in the model
	// Lang is the language folder the file is in ("sv"), "" for the
	// default language; Key then starts with it ("sv/helmet/x").
	Lang    string
	Title   string
	Summary string
	Doc     *markdown.Doc
	Sum     Sum // hash of the file's bytes, for incremental rebuilds; zero from a build's load (see LoadLanguages)
	// Extra holds the front matter keys the contract does not name.
	Extra map[string]any
}

// Base returns the part every document has; every kind of document has
// the method through its embedded Common, so any of them is a Doc.
func (c *Common) Base() *Common { return c }

// Doc is any loaded document: *Area, *Pearl, *Case, *Chapter or *Page.
type Doc interface{ Base() *Common }

// Area is a theme area (teemat/<slug>.md).
type Area struct {
	Common
	Weight int
	Color  string // "#rrggbb", or empty when the theme should pick one
}

// Pearl is one pearl (helmet/<slug>.md).
type Pearl struct {
	Common
	Area     string // slug of the theme area (front matter key "theme")
	Kind     string
	Audience []string
	Tags     []string
	Projects []string
	Related  []string
	Date     time.Time
	Updated  time.Time // zero when absent
	Draft    bool
}

// Case is a case example (caset/<slug>.md).
type Case struct {
	Common
	Organization string
	Period       string
	Areas        []string // front matter key "themes"
	Pearls       []string
	Date         time.Time
}

// Chapter is a guide chapter (opas/<slug>.md) or, with Slug CoverSlug, the
// guide's cover (which has no weight).
type Chapter struct {
	Common
	Weight int
}

// Page is a standalone page (sivut/<slug>.md).
type Page struct {
	Common
}

// Set is everything loaded from one content folder, each slice sorted by
// file name.
type Set struct {
	Areas    []*Area
	Pearls   []*Pearl
	Cases    []*Case
	Chapters []*Chapter
	Cover    *Chapter // nil when opas/_index.md is absent
	Pages    []*Page
	// Static lists the files under static/, as paths relative to static/.
	Static []string
	// ImageSizes holds the width and height of the PNG, JPEG and GIF
	// images under static/, by their path relative to static/.
	ImageSizes map[string][2]int
	// Thesaurus is the portal's sanasto.txt, nil when it has none.
	Thesaurus *Thesaurus
	// Prefix is how the content folder is shown in messages ("content").
	Prefix string
	// Unread holds the documents whose files are there but could not be
	// read (an empty file, one not in UTF-8, front matter not closed), by
	// their path in their language's folder ("helmet/x.md"), and the
	// static files named with a letter saved as two, by the name they
	// should have ("static/kuvat/työkalu.png"); each has an error of its
	// own, so a reference to one is not another error.
	Unread map[string]bool
	// Translations holds the documents of each other language's folder,
	// by its code (LoadLanguages); their Static is empty, as every
	// language shares static/.
	Translations map[string]*Set
}

// Each calls fn with every document of the set: areas, pearls, cases,
// the guide's cover and chapters, pages; then, when translations is
// true, every document of each other language's set, by language code.
func (set *Set) Each(translations bool, fn func(Doc)) {
	if set == nil {
		return
	}
	for _, a := range set.Areas {
		fn(a)
	}
	for _, p := range set.Pearls {
		fn(p)
	}
	for _, c := range set.Cases {
		fn(c)
	}
	if set.Cover != nil {
		fn(set.Cover)
	}
	for _, c := range set.Chapters {
		fn(c)
	}
	for _, p := range set.Pages {
		fn(p)
	}
	if translations {
		for _, code := range slices.Sorted(maps.Keys(set.Translations)) {
			set.Translations[code].Each(false, fn)
		}
	}
}
