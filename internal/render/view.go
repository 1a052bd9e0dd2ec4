package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
)

// View is the data every page template gets.
type View struct {
	Site *site.Site
	// Kind is the page kind (one of Kinds).
	Kind string
	// Title is the page's own title; empty on the home page, whose title
	// is the portal's.
	Title string
	// Description is the meta description: the document's summary, or
	// the portal's description.
	Description string
	// Path is the page's site path ("/helmet/x/").
	Path string
	// OGType is the Open Graph type, "website" or "article".
	OGType string
	// NoIndex asks search engines not to index the page (404).
	NoIndex bool

	// The values below are fields, not methods, because every page reads
	// them and html/template calls a method much more slowly than it
	// reads a field. (It finds a field by a search from the first, so
	// the fields every page reads come first.)

	// Base is the base path every URL starts with: "/" or "/portaali/";
	// in another language than the default it ends in the language's
	// folder ("/portaali/sv/"). Root is the base path without it, where
	// the theme's static files are.
	Base, Root string
	// Languages are the links to the page in each language of a portal
	// of several (the language switcher), the page's own first; nil in a
	// portal of one. Alternates are those that are the same page in
	// another language (hreflang in <head>).
	Languages, Alternates []LangLink
	// FullTitle is the content of <title>: "Page – Portal", or the
	// portal's title on the home page.
	FullTitle string
	// OGTitle is the page's title for Open Graph: its own, or the
	// portal's on the home page.
	OGTitle string
	// Canonical is the page's canonical URL (see Abs), or "" for pages
	// that have none (404).
	Canonical string
	// OGLocale is the Open Graph locale for the portal's language
	// ("fi_FI").
	OGLocale string

	// Body is the document's body as HTML.
	Body template.HTML
	// Worksheet tells that the body holds a fillable worksheet, so the
	// page loads its script.
	Worksheet bool
	// EditURL is where the page's source file can be edited (site.yaml's
	// editURL and the file's path), or "" for generated pages.
	EditURL string
	// Prev and Next are the neighbours in reading order (pearls within
	// their area, guide chapters), for <link rel> and the page's own
	// navigation.
	Prev, Next *site.Node
	// Facts are the pearl's own values with plain fields (pearl pages).
	Facts *PearlFacts

	// The node the page is about; only the one for Kind is set (a
	// guideprint page has Guide).
	Area    *site.Area
	Pearl   *site.Pearl
	Case    *site.Case
	Guide   *site.Guide
	Chapter *site.Chapter
	Page    *site.Page
	Term    *site.Term

	// Contents are the level-2 headings of the body, for an in-page
	// contents list (chapters).
	Contents []markdown.Heading
	// Strands are the necklace strands drawn on the page (home: every
	// area; area: its own).
	Strands []*Strand
	// Legend are the kinds in use with their bead shapes.
	Legend []*site.Term
	// Cases are the case examples the page lists (home: the newest
	// three; area: its newest, see areaCases).
	Cases []*site.Case
	// Chapters are the guide's chapters with their bodies (guideprint).
	Chapters []PrintChapter
	// GuideChapters are the guide's chapters the home page lists, and
	// MoreChapters those it leaves to the guide's contents: a guide of 40
	// chapters put 40 links on the home page (see homeChapters).
	GuideChapters []*site.Chapter
	MoreChapters  int
	// HomePages are the standalone pages the home page lists (see
	// homePages).
	HomePages []*site.Page
	// Pager is the page of a paged list (area and term pages, see
	// PageSize; the list of terms, see TagPageSize): which page this is,
	// and the links to the others.
	Pager *Pager
	// Pearls are the pearls this page of a term lists.
	Pearls []*site.Pearl
	// Groups are the pearls this page of an area lists, by kind.
	Groups []*Group
	// Letters are the initial letters of all the tags, each leading to
	// the page of the list of terms where its tags start, and TagGroups
	// the tags this page of the list shows, by letter (see TagPageSize).
	Letters   []Letter
	TagGroups []*TagGroup

	st   *siteState
	tmpl *template.Template // the page's template set, for Chrome
	held []*[]byte          // the buffers of its bodies (see release)
}

// Card is a pearl as lists show it, with plain fields (see Cards).
type Card struct {
	cardText

	// html is the partial "pearl-card" of the card once PearlCards has
	// rendered it: a list of 60 pearls then costs 60 loads, not 60
	// lookups in a cache.
	html atomic.Pointer[string]
}

// cardText is what a card shows: the partial "pearl-card" depends on
// nothing else, so a card whose text is the same may be kept with its
// HTML.
type cardText struct {
	Title, URL, Summary string
	AreaSlug, AreaTitle string
	KindLabel           string
}

// Cards returns the list entries of pearls. Templates list pearls through
// it: its fields are plain, which html/template reads much faster than the
// model's promoted fields, and an area page may list thousands.
func (v *View) Cards(list []*site.Pearl) []*Card {
	out := make([]*Card, len(list))
	for i, p := range list {
		out[i] = v.st.cards[p]
	}
	return out
}

// PearlCards returns the list entries of pearls as HTML: the partial
// "pearl-card" of each pearl's *Card, rendered once per card, so that a
// list of a thousand pearls costs a copy, not a thousand executions. A
// program calls pearlCards instead (see streams).
func (v *View) PearlCards(list []*site.Pearl) (template.HTML, error) {
	l, err := v.pearlCards(list)
	if err != nil {
		return "", err
	}
	return l.html(), nil
}

// pearlCards is PearlCards as a value that a program writes into the
// page itself when it prints it.
func (v *View) pearlCards(list []*site.Pearl) (*cardList, error) {
	l := &cardList{cards: make([]*string, len(list))}
	for i, p := range list {
		c := v.st.cards[p]
		if c == nil {
			return nil, fmt.Errorf("PearlCards: %s is not a pearl of this site", p.Path)
		}
		h := c.html.Load()
		if h == nil {
			// Not through Cached: its cache would hold every card of the
			// portal, and at 100,000 its lookups for the other partials
			// slowed down with it.
			s, err := v.st.t.progs.executeTemplate(v.tmpl, "pearl-card", c)
			if err != nil {
				return nil, err
			}
			h = &s
			c.html.Store(h)
		}
		l.cards[i] = h
		l.size += len(*h)
	}
	return l, nil
}

// cardList is the HTML of a list of cards (see View.pearlCards).
type cardList struct {
	cards []*string
	size  int // their bytes
}

func (l *cardList) writeHTML(w *bytes.Buffer) {
	w.Grow(l.size)
	for _, h := range l.cards {
		w.WriteString(*h)
	}
}

func (l *cardList) html() template.HTML {
	var b strings.Builder
	b.Grow(l.size)
	for _, h := range l.cards {
		b.WriteString(*h)
	}
	return template.HTML(b.String())
}

type cacheKey struct {
	name string
	v    any
}

// Cached returns the partial name executed with data, rendered once per
// site and then reused. data must be a pointer into the model (such as a
// *site.Term or *site.Case) or a *Card, and the partial must depend on
// nothing else: the same data gives the same HTML on every page.
func (v *View) Cached(name string, data any) (template.HTML, error) {
	t := reflect.TypeOf(data)
	if t == nil || t.Kind() != reflect.Pointer {
		return "", fmt.Errorf("Cached %q needs a pointer, not %T", name, data)
	}
	return v.execOnce(&v.st.partials, cacheKey{name, data}, name, data)
}

// execOnce returns the template name executed with data, from the cache
// m under key, executing it the first time.
func (v *View) execOnce(m *sync.Map, key any, name string, data any) (template.HTML, error) {
	if h, ok := m.Load(key); ok {
		return h.(template.HTML), nil
	}
	s, err := v.st.t.progs.executeTemplate(v.tmpl, name, data)
	if err != nil {
		return "", err
	}
	h := template.HTML(s)
	m.Store(key, h)
	return h, nil
}

// CachedEach is Cached for each element of list (a slice of pointers),
// joined.
func (v *View) CachedEach(name string, list any) (template.HTML, error) {
	l := reflect.ValueOf(list)
	if l.Kind() != reflect.Slice {
		return "", fmt.Errorf("CachedEach %q needs a list, not %T", name, list)
	}
	var b strings.Builder
	for i := range l.Len() {
		h, err := v.Cached(name, l.Index(i).Interface())
		if err != nil {
			return "", err
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

type chromeKey struct{ name, kind, path string }

// Chrome returns the template name ("header", "footer", "site-head")
// executed for this page, from a cache: the header and footer are the
// same on most pages, and rendering them once per site saves half the
// work of a page. A chrome template may therefore depend only on .Site,
// .Kind, .Base, .OGLocale, .Asset and whether a page of the header or
// footer is the current one (.Current): the cache key is the kind and,
// for those pages, the path.
func (v *View) Chrome(name string) (template.HTML, error) {
	key := chromeKey{name: name, kind: v.Kind}
	if v.st.navPaths[v.Path] {
		key.path = v.Path
	}
	return v.execOnce(&v.st.chrome, key, name, v)
}

// PearlFacts are what a pearl page shows of the pearl itself, its area
// and its kind, in plain fields: html/template finds a field promoted
// from an embedded struct (.Pearl.Summary, .Pearl.Area.URL) by a search
// that allocates, on every access, and calls a function or method much
// more slowly than it reads a field.
type PearlFacts struct {
	// Place is shared by the pearls of the same area and kind, for
	// partials cached once per area and kind (View.Cached).
	Place                        *Place
	Slug, Summary                string
	Draft                        bool
	AreaTitle, AreaURL, AreaSlug string
	AreaColor                    string // #rrggbb
	KindLabel, KindURL           string
	Audience, Tags               []*site.Term
	Projects                     []string
	// DateISO and DateText are Date as the func isodate and View.Date
	// format it; UpdatedISO and UpdatedText Updated, or "" when the
	// pearl has not been updated.
	DateISO, DateText       string
	UpdatedISO, UpdatedText string
	Related                 []*site.Pearl
	Cases                   []*site.Case
	Prev, Next              *site.Pearl
	Date, Updated           time.Time
}

// Place is what the pages of the pearls of one theme area and kind show
// alike, in plain fields. A pearl page prints the partials made of it
// through View.Cached, once per area and kind instead of once per pearl.
type Place struct {
	Base                         string // the base path, for the link to the home page
	Home                         string // the home page's name in the crumbs
	AreaTitle, AreaURL, AreaSlug string
	KindLabel, KindURL           string
}

type placeKey struct {
	area *site.Area
	kind *site.Term
}

func pearlFacts(p *site.Pearl, st *siteState) *PearlFacts {
	f := &PearlFacts{Slug: p.Slug, Summary: p.Summary, Draft: p.Draft, Projects: p.Projects,
		Date: p.Date, Updated: p.Updated, Audience: p.Audience, Tags: p.Tags,
		Related: p.Related, Cases: p.Cases, Prev: p.Prev, Next: p.Next,
		DateISO: isoDate(p.Date), DateText: dateIn(st.dates, p.Date),
		UpdatedISO: isoDate(p.Updated), UpdatedText: dateIn(st.dates, p.Updated),
		Place: st.places[placeKey{p.Area, p.Kind}]}
	if a := p.Area; a != nil {
		f.AreaTitle, f.AreaURL, f.AreaSlug, f.AreaColor = a.Title, a.URL, a.Slug, areaColor(a)
	}
	if k := p.Kind; k != nil {
		f.KindLabel, f.KindURL = k.Label, k.URL
	}
	return f
}

// Pager is one page of a list that takes several (see PageSize).
type Pager struct {
	Number, Total int    // this page's number, from 1, and the number of pages
	Prev, Next    string // URLs of the neighbouring pages, "" for none
	// Links are the page links to show: the first and last page, and
	// those near this one; a gap stands for the pages left out.
	Links []PageLink
}

// PageLink is one entry of a pager's page list.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // "…" for the pages left out before this one's place
}

// Group is the pearls of one kind on a page of an area: a run of the
// area's KindGroup, which may start on an earlier page (Continued).
type Group struct {
	Kind      *site.Term
	Pearls    []*site.Pearl
	Total     int  // the pearls of this kind in the whole area
	Continued bool // the kind's first pearls are on an earlier page
}

// pagerWindow is how many page links a pager shows either side of the
// current page, besides the first and the last.
const pagerWindow = 2

// newPager makes the pager of page n of a list of count pearls whose
// first page is at site path p, or nil when the list fits one page.
func newPager(s *site.Site, p string, n, count int) *Pager {
	return newPagerOf(s, p, n, PageCount(count))
}

// newPagerOf makes the pager of page n of total pages whose first is at
// site path p, or nil for one page.
func newPagerOf(s *site.Site, p string, n, total int) *Pager {
	if total <= 1 {
		return nil
	}
	url := func(k int) string { return s.Config.BasePath() + PagePath(p, k)[1:] }
	pg := &Pager{Number: n, Total: total}
	if n > 1 {
		pg.Prev = url(n - 1)
	}
	if n < total {
		pg.Next = url(n + 1)
	}
	last := 0
	for k := 1; k <= total; k++ {
		if k != 1 && k != total && (k < n-pagerWindow || k > n+pagerWindow) {
			continue
		}
		// A gap of one page shows the page instead of "…".
		if k == last+2 {
			pg.Links = append(pg.Links, PageLink{Number: last + 1, URL: url(last + 1)})
		}
		pg.Links = append(pg.Links, PageLink{Number: k, URL: url(k), Current: k == n, Gap: k > last+2})
		last = k
	}
	return pg
}

// pageRange is the part [lo, hi) of a list of count pearls that page n
// shows.
func pageRange(n, count int) (lo, hi int) {
	lo = min(count, (n-1)*PageSize)
	return lo, min(count, lo+PageSize)
}

// groups are the kind groups of an area's page n.
func groups(a *site.Area, n int) []*Group {
	lo, hi := pageRange(n, len(a.Pearls))
	var out []*Group
	at := 0 // index of the group's first pearl in the area's kind order
	for _, g := range a.ByKind {
		from, to := max(lo, at), min(hi, at+len(g.Pearls))
		if from < to {
			out = append(out, &Group{Kind: g.Kind, Pearls: g.Pearls[from-at : to-at], Total: len(g.Pearls), Continued: from > at})
		}
		at += len(g.Pearls)
	}
	return out
}

// PrintChapter is one chapter on the whole-guide page. Its body's ids are
// prefixed with Anchor so that they stay unique on the page.
type PrintChapter struct {
	*site.Chapter
	Anchor string // "luku-3"
	Body   template.HTML
}

// Asset returns the URL of the theme asset name ("style.css") under its
// fingerprinted name. An unknown name fails the page.
func (v *View) Asset(name string) (string, error) {
	if u, ok := v.st.urls[name]; ok {
		return u, nil
	}
	return "", diag.RenderNoAsset.Err(name)
}

// Abs returns the absolute URL of site path p when the portal has a base
// URL, or its path under the base path.
func (v *View) Abs(p string) string { return v.Site.Config.Absolute(p) }

// ogLocale is the Open Graph locale for a portal language ("fi_FI").
func ogLocale(language string) string {
	lang := strings.ToLower(language)
	main, region, _ := strings.Cut(lang, "-")
	switch {
	case region != "":
		return main + "_" + strings.ToUpper(region)
	case main == "en":
		return "en_GB"
	case main == "fi" || main == "sv" || main == "se" || main == "smn" || main == "sms":
		return main + "_FI"
	}
	return main + "_" + strings.ToUpper(main)
}

// Footer returns the standalone pages in the footer's order (FooterPages
// first).
func (v *View) Footer() []*site.Page { return v.st.footer }

// Current tells whether n is the page being rendered, for aria-current.
func (v *View) Current(n site.Node) bool { return n.Path == v.Path }

// funcs are the template functions; they depend on nothing but their
// arguments (per-site values are methods of View).
var funcs = template.FuncMap{
	"isodate": isoDate,
	// color is a theme area's colour as #rrggbb, safe for attributes.
	"color":      areaColor,
	"legendBead": legendBead,
}

// isoDate is the machine-readable day for <time datetime> (the func
// isodate).
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// PrevNext is a labelled pair of neighbouring pages, for the partial
// "prev-next".
type PrevNext struct {
	Label, PrevLabel, NextLabel string
	Prev, Next                  *NavLink
}

// NavLink is a page's title and URL.
type NavLink struct{ Title, URL string }

// navLink is the link to a neighbour; chapter is the format of a
// chapter's title with its number ("Luku %d: %s").
func navLink(v any, chapter string) *NavLink {
	switch v := v.(type) {
	case *site.Pearl:
		if v != nil {
			return &NavLink{v.Title, v.URL}
		}
	case *site.Chapter:
		if v != nil {
			return &NavLink{fmt.Sprintf(chapter, v.Number, v.Title), v.URL}
		}
	}
	return nil
}

// PN makes the data of the partial "prev-next", the words of the keys
// label, prevLabel and nextLabel in the page's language: {{template
// "prev-next" ($.PN "pearl.nav" "pearl.prev" "pearl.next" .Prev .Next)}}.
func (v *View) PN(label, prevLabel, nextLabel string, prev, next any) PrevNext {
	ch := v.T("chapter.number")
	return PrevNext{v.T(label), v.T(prevLabel), v.T(nextLabel), navLink(prev, ch), navLink(next, ch)}
}

// TermHeading is the heading of a term page in the page's language:
// "Aihe: arviointi".
func (v *View) TermHeading(t *site.Term) string {
	key := "term.tag"
	switch t.Taxonomy {
	case "tyypit":
		key = "term.kind"
	case "kohderyhmat":
		key = "term.audience"
	}
	return fmt.Sprintf(v.T(key), t.Label)
}

// legendBead is a bead of the given kind centred in a 30×30 box, for the
// legend.
func legendBead(kind string) Bead {
	return Bead{Shape: kind, X: 15, Y: 15, ShineX: 11, ShineY: 11, Diamond: "15,2 28,15 15,28 2,15"}
}

// NecklaceShards is the number of shards of the site's necklace data
// (NecklaceDir), which the necklace page gives its script.
func (v *View) NecklaceShards() int { return NecklaceShards(len(v.Site.Pearls)) }
