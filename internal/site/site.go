package site

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
)

// Node is what every page of the model has.
type Node struct {
	Path string // site path, "/helmet/x/"
	URL  string // Path under the base path, for links
	// Key identifies the document a page comes from ("helmet/x") for
	// dependency tracking; empty for generated pages.
	Key string
}

// model marks the values of one model (see Site.Same); it is not empty
// (as two empty values may share an address).
type model struct {
	// loadOrder is Site.LoadOrder's, nil in a patched model.
	loadOrder []int32
}

// LoadOrder is the places in Pearls of the pearls in the order Build took
// them as loaded, which is the order they lie in memory; in a patched
// model or a part (Only), the places in order. A loop over every pearl
// whose result does not depend on the order walks them so: in the order
// of Pearls (titles), reading each pearl was a miss of the processor's
// cache at 100,000 pearls.
func (s *Site) LoadOrder() []int32 {
	if s.model != nil && len(s.model.loadOrder) == len(s.Pearls) {
		return s.model.loadOrder
	}
	order := make([]int32, len(s.Pearls))
	for i := range order {
		order[i] = int32(i)
	}
	return order
}

// PearlByKey is the pearl of s whose key is key ("helmet/x", in another
// language "sv/helmet/x"), or nil. A save of a pearl looks up a few
// pearls by key (its warnings, its place, its dates): a walk through
// Pearls each time was a miss of the processor's cache a pearl. The
// table of slugs Build makes (pearlTable) finds it instead, and its
// place in Pearls (at), which the patches keep (Patch puts a pearl's
// copy in its place, PatchPearl sets at of every pearl it moves, and
// clone gives the table the copies): a pearl by its slug is in the
// table, the one pearl of its key in s is at its place. Only a part
// (Only) has another list of pearls than the table's, and is walked.
func (s *Site) PearlByKey(key string) *Pearl {
	if at := s.PearlIndex(key); at >= 0 {
		return s.Pearls[at]
	}
	return nil
}

// PearlIndex is the place in s.Pearls of the pearl whose key is key, or
// -1 (see PearlByKey).
func (s *Site) PearlIndex(key string) int {
	if x := s.pearlPaths; x != nil {
		i := x.find(key[strings.LastIndexByte(key, '/')+1:])
		if i < 0 {
			return -1 // the table has every pearl of s
		}
		if at := x.pearls[i].at; at < len(s.Pearls) && s.Pearls[at].Key == key {
			return at
		}
	}
	keyScans.Add(1)
	return slices.IndexFunc(s.Pearls, func(p *Pearl) bool { return p.Key == key })
}

// keyScans counts the walks of PearlByKey, which the tests expect only
// of a part.
var keyScans atomic.Int64

// Same tells whether o is s, or a copy of it that Relinked made, which
// differs only in its Languages: what is worked out from a site's
// documents and lists may be kept for both.
func (s *Site) Same(o *Site) bool { return s == o || s.model != nil && s.model == o.model }

// Self returns the node itself: every page of the model has the method,
// so code can take any of them as one interface.
func (n *Node) Self() *Node { return n }

// Site is the whole portal.
type Site struct {
	Config    *config.Config
	Areas     []*Area  // by weight
	Pearls    []*Pearl // by area weight, then title
	Cases     []*Case  // newest first, then title
	Guide     *Guide   // nil when the portal has no opas/
	Pages     []*Page  // by slug
	Tags      []*Term  // by label
	Kinds     []*Term  // in content.Kinds order, only kinds in use
	Audiences []*Term  // in content.Audiences order, only those in use
	Static    []string // files under static/, relative to it
	// ImageSizes holds the width and height of each image under static/,
	// by its URL.
	ImageSizes map[string][2]int
	Drafts     bool // drafts are included (serve)
	// LeftOut are the files of the drafts left out of the build, sorted.
	LeftOut []string
	// Newest are the pearls and cases for the feed, newest first.
	Newest []Dated
	// Thesaurus is the portal's own thesaurus (content/sanasto.txt), nil
	// when it has none.
	Thesaurus *content.Thesaurus

	// Lang is the site's language (config.Config.Language) and Languages
	// every language's site, the default first, the same slice in each;
	// nil in a portal of one language.
	Lang      string
	Languages []*Site
	// paths holds every site path the site writes but the pearls',
	// which pearlPaths has (see Has).
	paths      map[string]bool
	pearlPaths *pearlTable
	// nodes holds each document's page by its key without the
	// language's folder, for the language switcher.
	nodes map[string]Node

	// model is made anew by Build and by every patch, and kept by the
	// copies Relinked makes of a site no patch changed (see Same).
	model *model

	// Hashes maps each document Key to a hash of its source, for
	// incremental rendering.
	Hashes map[string]content.Sum
	// work is the edit-distance steps Build's suggestions took
	// (diag.EditDistance.Cells), which allocate nothing, for the test
	// that the model's work grows linearly.
	work int
}

// Area is a theme area.
type Area struct {
	*content.Area
	Node
	Color  string // the area's colour, from the file or picked for it
	Index  int    // 0-based position on the necklace
	Pearls []*Pearl
	// ByKind groups Pearls by kind, in content.Kinds order, leaving out
	// empty groups.
	ByKind     []*KindGroup
	Cases      []*Case
	Prev, Next *Area
	Links      Links
}

// KindGroup is the pearls of one kind.
type KindGroup struct {
	Kind   *Term
	Pearls []*Pearl
}

// Pearl is a pearl.
type Pearl struct {
	*content.Pearl
	Node
	Area     *Area
	Kind     *Term
	Audience []*Term
	Tags     []*Term
	// Related is the pearl's own related list followed by the pearls that
	// name it in theirs, without duplicates.
	Related    []*Pearl
	Cases      []*Case
	Prev, Next *Pearl // neighbours within the area
	Links      Links
	// Updated is when the pearl was last revised: its updated: key, or,
	// when it has none, its file's last commit if that came after its
	// date (Committed). It hides the front matter's own Updated.
	Updated   time.Time
	Committed time.Time
	// at is the pearl's index in its site's Pearls (see Site.clone).
	at int
}

// UpdatedOf is when the pearl p was last revised: its updated: key, or
// else the time of its file's last commit when that is on a later day
// than its date.
func UpdatedOf(p *content.Pearl, committed time.Time) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	if committed.IsZero() || !committed.Truncate(24*time.Hour).After(p.Date) {
		return time.Time{}
	}
	y, m, d := committed.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Case is a case example.
type Case struct {
	*content.Case
	Node
	Areas  []*Area
	Pearls []*Pearl
	Links  Links
}

// Guide is the guide: its cover and chapters.
type Guide struct {
	Node
	Cover    *content.Chapter // may be nil
	Title    string
	Chapters []*Chapter // by weight
	Links    Links      // the cover's links
}

// Chapter is one guide chapter.
type Chapter struct {
	*content.Chapter
	Node
	Number     int // 1-based
	Prev, Next *Chapter
	Links      Links
}

// Page is a standalone page.
type Page struct {
	*content.Page
	Node
	Links Links
}

// Term is one value of a tag, kind or audience, with its pearls.
type Term struct {
	Node
	Taxonomy string // "tagit", "tyypit" or "kohderyhmat"
	Slug     string
	Label    string // as shown to readers
	Pearls   []*Pearl
}

// Dated is a pearl or case in the feed.
type Dated struct {
	Title, Summary string
	Node
	Date    time.Time
	Updated time.Time
}

// Links maps each link destination written in a document to the URL it
// points to in the built site.
type Links map[string]string

// Rewrite returns the built URL for dest, or dest itself when it is not
// an internal link. It is the function markdown.Doc.HTML takes.
func (l Links) Rewrite(dest string) string {
	if u, ok := l[dest]; ok {
		return u
	}
	return dest
}

// KindLabels are the Finnish names readers see for each kind.
var KindLabels = map[string]string{
	"tieto": "Tieto", "vinkki": "Vinkki", "menetelma": "Menetelmä", "tyokalu": "Työkalu",
}

// AudienceLabels are the Finnish names readers see for each audience.
var AudienceLabels = map[string]string{
	"johto": "Johto", "esihenkilot": "Esihenkilöt", "paattajat": "Päättäjät",
	"henkilosto": "Henkilöstö", "hanketoimijat": "Hanketoimijat",
}

// guideTitle is the Finnish title of a guide without a cover
// (opas/_index.md), by the key of label's "nav." prefix.
var guideTitle = map[string]string{"guide": "Opas"}

// Palette holds the colours given to theme areas that name none, by the
// area's place. Each has at least 4.5:1 contrast against white text, and
// each pair differs at least as much as the first eight's closest two
// (brown and olive): with eight, a portal's ninth area had the first's
// colour, though the legend says a pearl's colour tells its area. They
// repeat from the thirteenth.
var Palette = []string{"#1f6f8b", "#8a4b08", "#2e7d32", "#8e2c62", "#5a4a9c", "#9c3d22", "#35605a", "#7a5a00",
	"#3d5a1e", "#b71c1c", "#1d4f91", "#7b1fa2"}

// HasNecklace tells whether the site has a reader's own necklace: its
// page, its data and the header's link to it. A site of no pearls (a
// guide and pages alone) has nothing to collect.
func (s *Site) HasNecklace() bool { return len(s.Pearls) > 0 }

// NecklacePerShard is the most pearls a shard of the necklace data
// (oma-helminauha/helmet/<i>.json) holds on average: a reader's selection
// of ten pearls fetches at most ten shards, and at 10,000 pearls a shard
// is about 16 KB (2 KB compressed) where the whole was 4 MB.
const NecklacePerShard = 64

// NecklaceShards is the number of shards of the necklace data of a
// portal of pearls pearls: a power of two, so that it changes (and every
// shard with it) only when the portal doubles, and at least one (a
// portal without pearls has no necklace, and so no data). The render
// writes shards 0…n-1, and a link to one of them reaches it.
func NecklaceShards(pearls int) int {
	n := 1
	for n*NecklacePerShard < pearls {
		n *= 2
	}
	return n
}

// HasFeed tells whether the site has an Atom feed and links to it. A site
// of no pearls and no case examples has nothing to feed (Newest, of the
// pearls and the case examples, is empty), and a feed must say when it
// last changed, which such a site has no date for. Unlike Newest, it is
// known as soon as the pearls and the case examples are.
func (s *Site) HasFeed() bool { return len(s.Pearls) > 0 || len(s.Cases) > 0 }

// HasTerms tells whether the site has a list of terms (TermsPath): its
// pages, the footer's link to it and its place in the sitemap. A site of
// no pearls has no tag, kind or audience to list; a pearl has a kind
// always, so a site of pearls and no tags still lists its kinds there.
func (s *Site) HasTerms() bool { return len(s.Tags)+len(s.Kinds)+len(s.Audiences) > 0 }

// TermsPages is how many pages the list of terms takes, the first at
// TermsPath and the others at PagePath(TermsPath, k): none in a site
// without terms (HasTerms), and at least one in a site with them, since
// a site of kinds and no tags lists its kinds on the first.
func (s *Site) TermsPages() int {
	if !s.HasTerms() {
		return 0
	}
	return TagPageCount(len(s.Tags))
}

// Sites is every language's site of s's portal, the default first
// (Languages), or s alone in a portal of one language.
func (s *Site) Sites() []*Site {
	if len(s.Languages) == 0 {
		return []*Site{s}
	}
	return s.Languages
}

// Has tells whether the site writes a page at site path p ("/haku/").
func (s *Site) Has(p string) bool { return s.paths[p] || s.pearlPaths.has(p) }

// ByKey is the page made from the document key in the site's own
// language, given without the language's folder ("helmet/x"), or nil.
func (s *Site) ByKey(key string) (Node, bool) {
	n, ok := s.nodes[key]
	return n, ok
}

// docAt is the key and the title of the document whose page is at site
// path p ("/helmet/x/", "/opas/", "/tietoa/"), for a page of another
// language that links to it: ok false for a generated page or none. A
// pearl is found by its slug; the other lists are short, and such links
// are few.
func (s *Site) docAt(p string) (key, title string, ok bool) {
	if slug, isPearl := strings.CutPrefix(p, pearlsDir); isPearl {
		if x := s.pearlPaths.get(strings.TrimSuffix(slug, "/")); x != nil && x.Path == p {
			return x.Key, x.Title, true
		}
		return "", "", false
	}
	for _, a := range s.Areas {
		if a.Path == p {
			return a.Key, a.Title, true
		}
	}
	for _, c := range s.Cases {
		if c.Path == p {
			return c.Key, c.Title, true
		}
	}
	if g := s.Guide; g != nil {
		if g.Path == p {
			return g.Key, g.Title, true
		}
		for _, c := range g.Chapters {
			if c.Path == p {
				return c.Key, c.Title, true
			}
		}
	}
	for _, pg := range s.Pages {
		if pg.Path == p {
			return pg.Key, pg.Title, true
		}
	}
	return "", "", false
}

// LinkedElsewhere tells where a link of a body of s leads, at its built
// address u (Links.Rewrite's), when it leads to a page of another
// language of the portal (a translation's link to a page not translated
// yet leads to the original): that language's site, and the key and the
// title of the document the page is made of, both "" for a generated
// page (/tagit/). in is nil for a page of s's own language, a static
// file and in a portal of one language. A page shows such a title
// (render marks the link's language by it), so it depends on the
// document (LinkedKeys).
func (s *Site) LinkedElsewhere(u string) (in *Site, key, title string) {
	if len(s.Languages) < 2 {
		return nil, "", ""
	}
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	// The default language's base path is a part of every other's
	// ("/sv/" under "/"): the longest that u starts with is its language.
	// It is matched as RootPath then LangPath, not as BasePath, which
	// joins them anew at each call: this runs for every link of every
	// page, in the render and in the listing of its jobs.
	base := -1
	for _, l := range s.Languages {
		root, lang := l.Config.RootPath(), l.Config.LangPath
		if rest, ok := strings.CutPrefix(u, root); ok && strings.HasPrefix(rest, lang) && len(root)+len(lang) > base {
			in, base = l, len(root)+len(lang)
		}
	}
	if in == nil || in.Lang == s.Lang {
		return nil, "", ""
	}
	p := "/" + u[base:]
	if !in.Has(p) {
		return nil, "", ""
	}
	key, title, _ = in.docAt(p)
	return in, key, title
}

// LinkedKeys are the keys of the documents of other languages whose pages
// the links of a body of s lead to (LinkedElsewhere), sorted: the page
// that shows the body shows their titles, and is made again when one
// changes. nil in a portal of one language.
func (s *Site) LinkedKeys(links Links) []string {
	if len(s.Languages) < 2 {
		return nil
	}
	var keys []string
	for _, u := range links {
		if _, key, _ := s.LinkedElsewhere(u); key != "" && !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}
