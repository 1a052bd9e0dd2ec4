package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/internal/search"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/workers"
	"github.com/tdewolff/minify/v2"
)

// Changes says what changed since a Session's last build. The zero value
// means nothing is known to have changed (the build then reuses
// everything it can, which still picks up new files, since every build
// walks the content folder).
type Changes struct {
	// Content lists changed paths inside Options.Content ("helmet/x.md",
	// "static/kuva.png"). A folder's path stands for everything under it.
	Content []string
	// Theme is set when any file of the theme folder changed.
	Theme bool
	// All is set when it is not known what changed (the watcher lost
	// events): nothing cached is reused.
	All bool
	// Exact promises that Content names every path created, removed or
	// changed in the content folder since the last Rebuild, as serve's
	// watcher does; a build after edits of known files then need not walk
	// the folder again. Without it every build walks the folder.
	Exact bool
}

// Session builds the same portal again and again, as serve does after
// each save, redoing only the work a change calls for. Every Rebuild runs
// the one build path (see run); what a session adds are caches inside its
// stages:
//
//   - load: documents the changes do not name come from a content.Cache,
//     and with Changes.Exact the folder need not be walked again;
//   - theme: the theme is kept until a theme file changes;
//   - model: when only the bodies of a few existing documents changed
//     (at most quickMax), with the same front matter, links and headings
//     (their card, see Session.card), only the named files are read again
//     and the last good model is patched (site.Site.Patch) instead of
//     built anew; then only the pages that show one of those bodies are
//     rendered: the document's own page, and the printable guide for a
//     guide chapter, since every other page shows only cards. When, in
//     the same save, one pearl's front matter changed too (its title,
//     tags, area, related pearls …), the model is patched for it as well
//     (site.Site.PatchPearl) and the pages are planned as below, with the
//     fingerprint of every page whose documents and bodies are as before
//     kept without hashing. In a portal of several languages each
//     language's site is patched with the documents of its folder, and
//     only the pages of those languages are listed (a change of a
//     pearl's dates or draft mark, which say whether a translation is
//     older than its original, builds the model anew there);
//   - plan: otherwise a page is rendered again only when its fingerprint
//     changed (see Fingerprint), and every other page keeps the bytes of
//     the last good build;
//   - static: the bytes of static files the changes do not name are kept.
//
// The search index is not built by Rebuild at all: Search builds it for a
// model, so a caller can serve the pages first.
//
// A failed build changes nothing that the next build reuses. A Session is
// not safe for concurrent use: call Rebuild from one goroutine at a time.
// Search reads only the model it is given, and may run meanwhile.
type Session struct {
	opts      Options
	docs      *content.Cache
	theme     *render.Theme
	themeName string
	themeH    [32]byte // hash of the theme's files, valid while theme != nil
	pages     map[string]page
	static    map[string][]byte        // by path under static/
	cards     map[content.Sum][32]byte // card hashes, by content hash
	good      *good                    // the last good build, nil before one
	// failed is set while the last build failed: the changes it saw are
	// not in good, so a patch of good with only the newest changes would
	// forget them.
	failed   bool
	rendered int
	quick    bool
	memo     site.Memo           // what the model works out from text, kept between builds
	lists    map[string]depsList // the last good full build's deps lists, by the first job's path
	index    *search.Indexer
	// indexes are the other languages' indexers, by language code, made
	// when a search first needs one (see Session.indexerOf).
	indexes   map[string]*search.Indexer
	indexesMu sync.Mutex
	// titles counts the good model's pearls by title key (site.TitleKey),
	// so that a patch of a pearl's front matter looks through every
	// pearl's title only when the pearl's is another's, before or now
	// (see patch.diagsOf); nil until a patch needs it after a full model.
	titles map[string]int
	keep   bool // false in Build, which builds once: nothing is kept
	// floor is Build's heap floor, which the content loader raises (nil
	// in a Session, and when there is none).
	floor *heapFloor
	// onPlan, when not nil, is told the jobs each plan lists and those it
	// renders (for tests).
	onPlan func(jobs []render.Job, todo []int)
	// commitsOf are the last commits' dates the last full plan hashed
	// (Options.LastCommits), commitsSum their hash and commitsHashed how
	// many maps were hashed (for tests). serve gives the same map until
	// it reads git again, which makes a new one: sorting and hashing
	// every file's date took 78-119 ms a full rebuild at 100,000 files.
	commitsOf     map[string]time.Time
	commitsSum    [32]byte
	commitsHashed int
}

// good is what the last good build left for the next: its model and
// files for a patch, its cards and fingerprints for the plan.
type good struct {
	site   *site.Site
	global []byte
	diags  diag.List
	files  []output.File       // sorted by Path
	cards  map[string][32]byte // by document key
	owners map[string]string   // job path -> key of the page's own document
	pages  map[string]int      // Result.Pages
}

// page is a rendered page kept between builds.
type page struct {
	print [32]byte
	deps  [32]byte // the hash of its Deps with their cards (depsHash)
	file  output.File
}

// NewSession starts a session. Options.Out must be empty: a session keeps
// its files in memory.
func NewSession(opts Options) *Session {
	return &Session{opts: opts, docs: content.NewCache(), pages: map[string]page{},
		static: map[string][]byte{}, cards: map[content.Sum][32]byte{}, index: search.NewIndexer(), keep: true}
}

// Rendered is how many pages the last Rebuild rendered anew; the others
// kept their bytes.
func (ss *Session) Rendered() int { return ss.rendered }

// Quick tells whether the last Rebuild patched the last good model
// instead of building it anew.
func (ss *Session) Quick() bool { return ss.quick }

// Rebuild builds the portal, reusing what the changes leave valid. It
// returns the same Result as Build, except that Files holds no search
// index (see Search). On content errors it returns ErrContent and the
// Result's diagnostics. After a patched rebuild, the diagnostics are those
// of the last full build (a patch changes nothing they depend on but
// their line numbers).
func (ss *Session) Rebuild(ctx context.Context, ch Changes) (*Result, error) {
	return ss.RebuildShowing(ctx, ch, nil)
}

// RebuildShowing is Rebuild that shows its files before it ends: once
// its plan stage has listed every file the build will have, it calls
// show, when not nil, with a Partial that gives each of them as the
// build will have it, making at once one not made yet (see Partial). A
// build that fails before its plan stage calls show not at all; one that
// starts again without a patch calls it again, with the files of that
// build. A Partial of a build that then fails may have given files the
// failed build does not keep: the Result and the error are what stands.
func (ss *Session) RebuildShowing(ctx context.Context, ch Changes, show func(*Partial)) (*Result, error) {
	if ss.opts.Out != "" {
		return nil, errors.New("a build session keeps its files in memory: leave Options.Out empty")
	}
	pt := ss.patchFor(ch)
	ss.quick = pt != nil
	res, err := ss.run(ctx, ch, pt, show)
	if err == errUnpatched {
		ss.quick = false
		res, err = ss.run(ctx, ch, nil, show)
	}
	ss.failed = err != nil
	return res, err
}

// plan is what the plan stage decided: the jobs to render (by index),
// the files of the pages kept from the last good build, and for a session
// what to keep of this one.
type plan struct {
	todo   []int
	kept   []output.File
	prints [][32]byte      // by job
	deps   [][32]byte      // by job: the hash of its Deps with their cards
	pages  map[string]page // the pages of this build, by path
	// stale is set when a patch's pages are not those of the last good
	// build; the patch cannot be used then (errUnpatched).
	stale bool
	good  *good
	lists map[string]depsList
	// merge says that pages and lists are those of the pages listed,
	// which the session's take in, not all (after a patch).
	merge bool
}

// plan is the plan stage: it lists the jobs and picks those to render.
// Every page is rendered, except in a session: after a patch of bodies,
// only the pages that show a changed body; otherwise a page keeps its
// bytes while its fingerprint (see Fingerprint) is the same as in the
// last good build. After a patch of a pearl's front matter, a page whose
// list of documents hashes as before and that shows no changed body
// keeps its fingerprint without hashing it again.
func (ss *Session) plan(m model, pt *patch) ([]render.Job, plan) {
	if pt != nil && pt.front == nil {
		g := ss.good
		// Listing the jobs of a model that holds only the changed
		// documents is far cheaper than listing all; Render still gets
		// the whole model.
		jobs := m.theme.JobsIn(pt.site, pt.site.Only(pt.docs))
		p := plan{prints: make([][32]byte, len(jobs)), deps: make([][32]byte, len(jobs)), pages: ss.pages}
		for i, j := range jobs {
			b := bodies(j, g.owners)
			if slices.ContainsFunc(b, func(k string) bool { return pt.keys[k] }) {
				p.todo = append(p.todo, i)
				p.prints[i] = Fingerprint(g.global, j, g.cards, pt.site.Hashes, b)
				p.deps[i] = ss.pages[j.Path].deps
			}
		}
		return jobs, p
	}
	var jobs []render.Job
	if pt != nil {
		was, now := langSite(ss.good.site, pt.lang), langSite(pt.site, pt.lang)
		keep, sitemap, ok := reach(was, now, pt.front.Key)
		if !ok {
			return nil, plan{stale: true}
		}
		// A sitemap left out keeps its file and fingerprint: the
		// fingerprint holds the pearl's card before, on which the
		// sitemap's bytes do not depend, and a full build after hashes
		// it anew unless the card is the same as then.
		jobs = m.theme.JobsOf(m.site, now, keep, sitemap)
		// The other languages' pages that link to the pearl show its
		// title (the link's lang), which the patch may have changed.
		jobs = append(jobs, m.theme.JobsLinking(m.site, now, pt.front.Key)...)
	} else if ss.keep {
		jobs = m.theme.Jobs(m.site)
	} else {
		// Nothing compares this build's pages with another's: their
		// Deps would only weigh them (render.Job.Weight).
		jobs = m.theme.JobsToRender(m.site)
	}
	if !ss.keep {
		todo := make([]int, len(jobs))
		for i := range todo {
			todo[i] = i
		}
		return jobs, plan{todo: todo}
	}
	var g *good
	if pt != nil {
		// The configuration and the theme are as they were.
		cards := maps.Clone(ss.good.cards)
		cards[pt.front.Key] = pt.card
		g = &good{site: m.site, global: ss.good.global, owners: ss.good.owners, cards: cards}
	} else {
		opts := ss.opts
		cfgSrc, _ := rootfs.ReadFile(opts.Content, config.File)
		global := sha256.New()
		fmt.Fprintf(global, "%q %q %t %t\n", opts.BaseURL, m.cfg.Theme, opts.Drafts, opts.Minify)
		global.Write(cfgSrc)
		global.Write(ss.themeH[:])
		// The kinds and audiences in use: a kind's bead takes its shape
		// from its place among them, on every page that shows one.
		for _, list := range [][]*site.Term{m.site.Kinds, m.site.Audiences} {
			for _, t := range list {
				fmt.Fprintf(global, "%s ", t.Slug)
			}
		}
		// Whether each language has pearls (the header's link to the own
		// necklace) and anything to feed (the feed's links in every
		// page's head and footer) and any term to list (the footer's link
		// to the list of terms): a first case example of a site of no
		// pearls adds the links to every page.
		for _, l := range m.site.Sites() {
			fmt.Fprintf(global, "\n%s %t %t %t", l.Lang, l.HasNecklace(), l.HasFeed(), l.HasTerms())
		}
		// When each file was last committed: a page shows it as its
		// "Päivitetty" date. It changes with a commit or a checkout
		// (serve reads it again then), when a file's text may not.
		sum := ss.commitsHash(m.commits)
		global.Write(sum[:])
		g = &good{site: m.site, global: global.Sum(nil), owners: owners(m.site), cards: ss.cardsOf(m.set)}
	}

	prints := make([][32]byte, len(jobs))
	deps := make([][32]byte, len(jobs))
	var oldCards map[string][32]byte
	if ss.good != nil {
		oldCards = ss.good.cards
	}
	var changed []string // nil: depLists compares the cards
	if pt != nil {
		// The one card a patch changes.
		changed = []string{pt.front.Key}
	}
	lists, kept := depLists(jobs, g.cards, oldCards, ss.lists, changed)
	parallel(len(jobs), func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			j := jobs[i]
			deps[i] = lists[depsID(j.Deps)]
			b := bodies(j, g.owners)
			if pt != nil {
				if old, ok := ss.pages[j.Path]; ok && old.deps == deps[i] && !slices.ContainsFunc(b, func(k string) bool { return pt.keys[k] }) {
					prints[i] = old.print
					continue
				}
			}
			prints[i] = fingerprint(&buf, g.global, j, deps[i], m.site.Hashes, b)
		}
	})
	// After a patch, only the pages the pearl reaches were listed: the
	// others keep their lists, fingerprints and files, and those of the
	// listed ones are merged into the session's (keepGood).
	p := plan{prints: prints, deps: deps, pages: make(map[string]page, len(jobs)), good: g, lists: kept, merge: pt != nil}
	for i, j := range jobs {
		old, ok := ss.pages[j.Path]
		// A patch starts from the last good build's files, so it must
		// have the same pages.
		p.stale = p.stale || (pt != nil && !ok)
		if ok && old.print == prints[i] {
			if pt == nil {
				// After a patch, the files of the last good build are
				// the start (patch.apply), and the session has the page.
				p.pages[j.Path] = old
				p.kept = append(p.kept, old.file)
			}
		} else {
			p.todo = append(p.todo, i)
		}
	}
	return jobs, p
}

// commitsHash is a hash of the dates of the last commits, made once per
// map: a map of Options.LastCommits is never changed, so the same map
// (the same address) has the same hash.
func (ss *Session) commitsHash(m map[string]time.Time) [32]byte {
	if ss.commitsHashed > 0 && reflect.ValueOf(m).UnsafePointer() == reflect.ValueOf(ss.commitsOf).UnsafePointer() {
		return ss.commitsSum
	}
	h := sha256.New()
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(h, "%s %d\n", k, m[k].Unix())
	}
	ss.commitsOf, ss.commitsSum = m, [32]byte(h.Sum(nil))
	ss.commitsHashed++
	return ss.commitsSum
}

// reach tells which pages a change of the front matter of the pearl
// with key, from the model old to now, may change (render.Theme.JobsOf):
// those whose list of documents holds the pearl in either model or
// whose list changed with it. Pages list a pearl on its own page, as a
// neighbour, as a related pearl (both ways), as the first pearl of a tag
// (whose spelling is the label on the page of every pearl with the tag),
// on its theme area's, case examples' and terms' pages, and on the pages
// of all pearls, which are always listed. false when a list of pearls the
// pearl was or is on has as many pages no more (a patch keeps the set of
// pages).
//
// sitemap tells whether the sitemap may change, which shows no title:
// only when the pearl moved in the order of all pearls, its dates or
// draft mark changed, or the tags' order (by label) changed. The pages
// it lists are the same (ok).
func reach(old, now *site.Site, key string) (keep func(node any) bool, sitemap, ok bool) {
	pearls := map[string]bool{key: true}
	areas, cases, terms := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var lists [2]map[string]int // the length of each list the pearl is on, by path
	var ats [2]int
	var ps [2]*site.Pearl
	for i, s := range []*site.Site{old, now} {
		at := s.PearlIndex(key)
		if at < 0 {
			return nil, false, false
		}
		p := s.Pearls[at]
		ats[i], ps[i] = at, p
		lists[i] = map[string]int{}
		for _, q := range append([]*site.Pearl{p.Prev, p.Next}, p.Related...) {
			if q != nil {
				pearls[q.Key] = true
			}
		}
		if p.Area != nil {
			areas[p.Area.Key] = true
			lists[i][p.Area.Path] = len(p.Area.Pearls)
		}
		for _, c := range p.Cases {
			cases[c.Key] = true
		}
		all := slices.Concat(p.Tags, p.Audience)
		if p.Kind != nil {
			all = append(all, p.Kind)
		}
		for _, t := range all {
			terms[t.Path] = true
			lists[i][t.Path] = len(t.Pearls)
			if t.Taxonomy == "tagit" && t.LabelPearl() == p {
				for _, q := range t.Pearls {
					pearls[q.Key] = true
				}
			}
		}
	}
	// A list the pearl left or joined: its length in the other model is
	// one less or more.
	for path, n := range lists[0] {
		m, on := lists[1][path]
		if !on {
			m = n - 1
		}
		if render.PageCount(m) != render.PageCount(n) {
			return nil, false, false
		}
	}
	for path, m := range lists[1] {
		if _, on := lists[0][path]; !on && render.PageCount(m-1) != render.PageCount(m) {
			return nil, false, false
		}
	}
	sitemap = ats[0] != ats[1] || !ps[0].Date.Equal(ps[1].Date) || !ps[0].Updated.Equal(ps[1].Updated) || ps[0].Draft != ps[1].Draft ||
		!slices.EqualFunc(old.Tags, now.Tags, func(a, b *site.Term) bool { return a.Path == b.Path })
	return func(node any) bool {
		switch v := node.(type) {
		case *site.Pearl:
			return pearls[v.Key]
		case *site.Area:
			return areas[v.Key]
		case *site.Case:
			return cases[v.Key]
		case *site.Term:
			return terms[v.Path]
		}
		return true
	}, sitemap, true
}

// langSite is the site of the language at index i of s's portal's
// Languages: s itself in a portal of one language.
func langSite(s *site.Site, i int) *site.Site {
	if s.Languages == nil {
		return s
	}
	return s.Languages[i]
}

// keepGood keeps what a session's next build reuses of a good one.
func (ss *Session) keepGood(res *Result, p plan, pt *patch) {
	if !ss.keep {
		return
	}
	ss.rendered = len(p.todo)
	if pt == nil {
		ss.titles = nil
	} else if ss.titles != nil && pt.front != nil && pt.lang == 0 {
		if ss.titles[pt.titleKeys[0]]--; ss.titles[pt.titleKeys[0]] == 0 {
			delete(ss.titles, pt.titleKeys[0])
		}
		ss.titles[pt.titleKeys[1]]++
	}
	if pt != nil {
		for name, data := range pt.static {
			ss.static[name] = data
		}
		if pt.front == nil {
			g := *ss.good
			g.site, g.files, g.diags = res.Site, res.Files, res.Diags
			ss.good = &g
			return
		}
	} else {
		for sname := range ss.static {
			if _, ok := slices.BinarySearch(res.Site.Static, sname); !ok {
				delete(ss.static, sname)
			}
		}
	}
	if p.merge {
		maps.Copy(ss.pages, p.pages)
		maps.Copy(ss.lists, p.lists)
	} else {
		ss.pages, ss.lists = p.pages, p.lists
	}
	g := p.good
	g.diags, g.files, g.pages = res.Diags, res.Files, res.Pages
	ss.good = g
}

// quickMax is the most files a patch takes on: it reads them one by one,
// while the load stage reads on every core, and a burst of many changes
// (a git checkout) rarely leaves every card alone.
const quickMax = 16

// errUnpatched says that a patched build met what only a full one
// answers (a page that fails to render, say); the session then builds
// without the patch.
var errUnpatched = errors.New("the change needs a full build")

// patch is a change of bodies only: the documents read again, patched
// into the last good model, and the static files read again.
type patch struct {
	site   *site.Site
	docs   []content.Doc     // whose card is the same
	keys   map[string]bool   // of docs and front
	static map[string][]byte // by path under static/
	// front is the pearl whose card changed, if any, and card its new
	// card: every page listing it may change, so the plan compares
	// fingerprints as after a full model.
	front *content.Pearl
	card  [32]byte
	// reread are the documents read again, with their problems before and
	// now (see diagsOf).
	reread []reread
	// titleKeys are front's title keys before and now (see diagsOf).
	titleKeys [2]string
	// lang is the index of front's language in the portal's Languages
	// (0, the default, in a portal of one language).
	lang int
}

// titleCounts is Session.titles, made from the good model when there is
// none.
func (ss *Session) titleCounts() map[string]int {
	if ss.titles == nil && ss.good != nil {
		ss.titles = make(map[string]int, len(ss.good.site.Pearls))
		for _, p := range ss.good.site.Pearls {
			ss.titles[site.TitleKey(p.Title)]++
		}
	}
	return ss.titles
}

// reread is a document a patch read again, as it was and is now, and
// the problems the load found in it before and now.
type reread struct {
	old, doc content.Doc // old is nil when the cache had none
	was, now diag.List
}

// patchFor is the cache of the first stages (see run): a patch when the
// changes name only existing documents whose card (see card) is the same
// and existing static files, and nil when the model must be built anew.
// Only the named files are read; nothing but the document cache, which
// then holds them as they are now, is changed.
func (ss *Session) patchFor(ch Changes) *patch {
	g := ss.good
	if g == nil || ss.failed || ss.theme == nil || ch.All || ch.Theme || len(ch.Content) == 0 || len(ch.Content) > quickMax {
		return nil
	}
	name := ss.opts.contentName()
	pt := &patch{keys: map[string]bool{}}
	for _, p := range ch.Content {
		p = path.Clean(p)
		if rest, ok := strings.CutPrefix(p, content.DirStatic+"/"); ok {
			// A static file that was there and still is: new bytes, the
			// same model.
			if _, known := slices.BinarySearch(g.site.Static, rest); !known {
				return nil
			}
			data, err := rootfs.ReadFile(ss.opts.Content, p)
			if err != nil {
				return nil
			}
			if pt.static == nil {
				pt.static = map[string][]byte{}
			}
			pt.static[rest] = data
			continue
		}
		key, isMD := strings.CutSuffix(p, ".md")
		if _, known := g.site.Hashes[key]; !isMD || !known {
			return nil
		}
		was := ss.docs.Diags(p)
		old, _ := ss.docs.Doc(p).(content.Doc)
		doc, diags, ok := ss.docs.Reload(ss.opts.Content, name, p, g.site.Config.Codes()[1:]...)
		d, isDoc := doc.(content.Doc)
		if !ok || !isDoc || diags.HasErrors() {
			return nil
		}
		pt.keys[key] = true
		pt.reread = append(pt.reread, reread{old: old, doc: d, was: was, now: diags})
		if card := ss.card(d.Base()); card != g.cards[key] {
			// One pearl's front matter: the model is patched
			// (site.Site.PatchPearl) and the pages planned anew.
			pearl, isPearl := d.(*content.Pearl)
			if !isPearl || pt.front != nil {
				return nil
			}
			pt.front, pt.card = pearl, card
			continue
		}
		pt.docs = append(pt.docs, d)
	}
	// In a portal of several languages each language's site is patched
	// with the documents of its folder; the default one always, whose
	// Hashes hold every language's.
	langs := g.site.Sites()
	changed := map[int]*site.Site{}
	for i, l := range langs {
		code := l.Config.Folder()
		docs := slices.DeleteFunc(slices.Clone(pt.docs), func(d content.Doc) bool { return d.Base().Lang != code })
		if i > 0 && len(docs) == 0 && (pt.front == nil || pt.front.Lang != code) {
			continue
		}
		s, ok := l.Patch(docs)
		if ok && pt.front != nil && pt.front.Lang == code {
			if len(langs) > 1 && !sameRevision(l, pt.front) {
				// Which translations are older than their originals
				// (site.Outdated) is told by a full build.
				return nil
			}
			s, ok = s.PatchPearl(pt.front, &ss.memo)
			pt.lang = i
		}
		if !ok {
			return nil
		}
		changed[i] = s
	}
	for i, s := range changed {
		if i > 0 {
			for k, sum := range s.Hashes {
				if pt.keys[k] {
					changed[0].Hashes[k] = sum
				}
			}
		}
	}
	pt.site = site.Relinked(langs, changed)
	return pt
}

// sameRevision tells whether the pearl doc has the dates and draft mark
// of the pearl with its key in s, which say whether a translation is
// older than its original.
func sameRevision(s *site.Site, doc *content.Pearl) bool {
	p := s.PearlByKey(doc.Key)
	return p != nil && p.Date.Equal(doc.Date) && p.Pearl.Updated.Equal(doc.Updated) && p.Draft == doc.Draft
}

// diagsOf is the last good build's problems, last, with those of the
// documents read again told anew in the patched model s: what the load
// finds in each file, and the warnings the model gives a document on its
// own (site.Site.DocWarnings). A pearl whose front matter changed
// (pt.front) may also have changed which pearls nothing points to (its
// related list, before and now), whether its problems are a draft's,
// which pearls have its title, before or now (site.Site.SameTitles),
// which pearls spell its tags as other words than their labels
// (site.Site.TagSpellings), and
// which drafts its related list names (site.Site.RelatedDrafts) unless
// its own draft mark changed. The other warnings between documents (a
// link to a draft, the references to a pearl whose draft mark changed)
// stay as the last full model told them: telling all the model's
// warnings anew took 30 ms a save at 10,000 pearls. Those of the
// documents read again are moved with the lines of their files, though:
// a save that added a comment to the front matter, wrote a list another
// way or added a line above a link keeps what they are about where it
// was in the model but not in the file, and a full model tells them at
// the key, item or link's new place (markdown.Doc.MovedTo). ok is false
// when one of them is about something no longer there, which only a
// full model can tell. When a change changed none of them, last itself
// is returned.
func (pt *patch) diagsOf(last diag.List, was, s *site.Site, titles map[string]int) (diags diag.List, ok bool) {
	drop := map[*diag.Error]bool{}
	rereadFiles := map[string]bool{}
	var add diag.List
	for _, r := range pt.reread {
		for _, e := range r.was {
			drop[e] = true
		}
		rereadFiles[r.doc.Base().File] = true
		// A document's warnings are told by the site of its language.
		fresh := append(slices.Clone(r.now), s.In(r.doc.Base().Lang).DocWarnings(r.doc)...)
		p, isPearl := r.doc.(*content.Pearl)
		for _, e := range fresh {
			e.Draft = isPearl && p.Draft
		}
		add = append(add, fresh...)
	}
	orphanFiles, titleFiles, tagFiles := map[string]bool{}, map[string]bool{}, map[string]bool{}
	draftsAt := map[diag.Pos]bool{} // the front's references to drafts before
	if f := pt.front; f != nil {
		// The sites of the pearl's language.
		was, s := langSite(was, pt.lang), langSite(s, pt.lang)
		if pt.lang > 0 {
			// The counts are of the default language's titles.
			titles = nil
		}
		w, n := was.PearlByKey(f.Key), s.PearlByKey(f.Key)
		// The pearls whose title is the pearl's, before or now: which
		// of them comes first (and is not warned of) may have changed.
		// Looking through every pearl's title (2-3 ms at 10,000 pearls)
		// is needed only when another pearl has one of the two.
		before, now := "", site.TitleKey(f.Title)
		if w != nil {
			before = site.TitleKey(w.Title)
		}
		pt.titleKeys = [2]string{before, now}
		var between diag.List // made anew, of pearls it shares a title or a tag with too
		if titles == nil || titles[before] > 1 || now != before && titles[now] > 0 {
			files, same := s.SameTitles(was, f.Key)
			for _, file := range files {
				titleFiles[file] = true
			}
			between = append(between, same...)
		}
		// Its tags spelt as other words than their pages' labels, and
		// those of the pearls of a tag whose label it changed.
		files, spelt := s.TagSpellings(was, f.Key)
		for _, file := range files {
			tagFiles[file] = true
		}
		between = append(between, spelt...)
		if len(between) > 0 {
			// One look through the pearls, not one a warning: a tag's
			// new label tells each of its pearls anew.
			between.MarkDrafts(draftFiles(s))
		}
		add = append(add, between...)
		// Its related list's drafts, when its own mark is as it was.
		if s.Drafts && w != nil && n != nil && w.Draft == f.Draft {
			for _, e := range site.RelatedDrafts(w) {
				draftsAt[e.Pos] = true
			}
			add = append(add, site.RelatedDrafts(n)...)
		}
		keys := []string{f.Key}
		for _, m := range []*site.Site{was, s} {
			if _, p := m.Orphan(f.Key); p != nil {
				for _, r := range p.Related {
					keys = append(keys, r.Key)
				}
			}
		}
		for _, key := range keys {
			e, p := s.Orphan(key)
			if p == nil || orphanFiles[p.File] {
				continue
			}
			orphanFiles[p.File] = true
			if e != nil {
				e.Draft = p.Draft
				add = append(add, e)
			}
		}
	}
	// last is sorted by file, so each file's problems are found by a
	// binary search: a save at 10,000 pearls has about 9,000 warnings to
	// look through otherwise, which cost more than the rest of this.
	// The files are gathered in a set: a tag's new label tells every
	// pearl of the tag anew, too many files to look each up in a list.
	all := maps.Clone(rereadFiles)
	for _, more := range []map[string]bool{orphanFiles, titleFiles, tagFiles} {
		maps.Copy(all, more)
	}
	files := slices.Collect(maps.Keys(all))
	for e := range drop {
		if !rereadFiles[e.Pos.File] {
			// A load problem shown at another file than its own: look
			// through them all.
			files = nil
			break
		}
	}
	gone := map[*diag.Error]bool{}
	var goneList diag.List
	look := func(l diag.List) {
		for _, e := range l {
			if drop[e] || rereadFiles[e.Pos.File] && site.DocWarning(e) || orphanFiles[e.Pos.File] && site.IsOrphan(e) || titleFiles[e.Pos.File] && site.IsSameTitle(e) || tagFiles[e.Pos.File] && site.IsTagSpelling(e) || draftsAt[e.Pos] && site.IsRelatedDraft(e) {
				gone[e] = true
				goneList = append(goneList, e)
			} else if f := pt.front; f != nil && e.Pos.File == f.File {
				e.Draft = f.Draft
			}
		}
	}
	if files == nil {
		look(last)
	}
	for _, f := range files {
		look(last.OfFile(f))
	}
	for _, r := range pt.reread {
		for _, e := range last.OfFile(r.doc.Base().File) {
			if gone[e] || e.Pos.Line == 0 {
				continue
			}
			if r.old == nil {
				return nil, false
			}
			line, col, ok := r.old.Base().Doc.MovedTo(r.doc.Base().Doc, e.Pos.Line, e.Pos.Col)
			if !ok {
				return nil, false
			}
			if line == e.Pos.Line && col == e.Pos.Col {
				continue
			}
			// A copy: last is the last good build's, which serve
			// compares this one's with.
			moved := *e
			moved.Pos.Line, moved.Pos.Col = line, col
			gone[e] = true
			goneList = append(goneList, e)
			add = append(add, &moved)
		}
	}
	if sameDiags(goneList, add) {
		return last, true
	}
	kept := make(diag.List, 0, len(last)+len(add))
	for _, e := range last {
		if !gone[e] {
			kept = append(kept, e)
		}
	}
	kept = append(kept, add...)
	kept.Sort()
	return kept, true
}

// draftFiles are the files of the draft pearls of s.
func draftFiles(s *site.Site) map[string]bool {
	drafts := map[string]bool{}
	for _, p := range s.Pearls {
		if p.Draft {
			drafts[p.File] = true
		}
	}
	return drafts
}

// sameDiags tells whether a and b say the same at the same places, in
// any order.
func sameDiags(a, b diag.List) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, e := range a {
		count[e.Error()]++
	}
	for _, e := range b {
		k := e.Error()
		if count[k]--; count[k] < 0 {
			return false
		}
	}
	return true
}

// apply returns the last good build's files (sorted by path) with the
// pages rendered anew and the static files read again in place; false
// when one of them has no place there.
func (pt *patch) apply(last, rendered []output.File, opts Options) ([]output.File, bool) {
	files := slices.Clone(last)
	put := func(f output.File) bool {
		i, ok := slices.BinarySearchFunc(files, f.Path, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
		if ok {
			files[i] = f
		}
		return ok
	}
	for _, f := range rendered {
		if !put(f) {
			return nil, false
		}
	}
	// Assets are fingerprinted by the model, which is the same, so only
	// the static files themselves change.
	for name, data := range pt.static {
		if !put(staticFile(opts, name, data)) {
			return nil, false
		}
	}
	return files, true
}

// parallel calls fn on as many slices of [0, n) as there are cores.
func parallel(n int, fn func(lo, hi int)) {
	workers.Split(n, workers.Cores(n, 64), func(_, lo, hi int) { fn(lo, hi) })
}

// common is the part every document has.
func common(doc any) *content.Common { return doc.(content.Doc).Base() }

// key is a document's key in the model ("helmet/x").
func key(doc any) string { return common(doc).Key }

// card is the hash of what pages other than a document's own show of it
// or use to build the model: its front matter, the destinations of its
// links, and its headings. A change that leaves it alone changes only the
// document's own page.
func (ss *Session) card(c *content.Common) [32]byte {
	if h, ok := ss.cards[c.Sum]; ok {
		return h
	}
	h := sha256.New()
	if c.Doc != nil {
		fmt.Fprintf(h, "%#v\n", c.Doc.Meta)
		for _, l := range c.Doc.Links {
			fmt.Fprintf(h, "L %q %t %q\n", l.Dest, l.Image, l.Alt)
		}
		for _, hd := range c.Doc.Headings {
			fmt.Fprintf(h, "H %d %q %q\n", hd.Level, hd.Text, hd.ID)
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	ss.cards[c.Sum] = out
	return out
}

// cardsOf returns the card of every document in set, by key, and drops
// the cached cards of documents no longer there.
func (ss *Session) cardsOf(set *content.Set) map[string][32]byte {
	n := len(set.Areas) + len(set.Pearls) + len(set.Cases) + len(set.Chapters) + len(set.Pages) + 1
	cards := make(map[string][32]byte, n)
	keep := make(map[content.Sum]bool, n)
	add := func(doc any) {
		c := common(doc)
		cards[key(doc)] = ss.card(c)
		keep[c.Sum] = true
	}
	// The other languages' documents too: their keys start with the
	// language's folder.
	set.Each(true, func(d content.Doc) { add(d) })
	for sum := range ss.cards {
		if !keep[sum] {
			delete(ss.cards, sum)
		}
	}
	return cards
}

// owners maps the output path of each document's own page to the
// document's key, in every language of the portal (another language's
// pages are under its folder).
func owners(s *site.Site) map[string]string {
	langs := s.Sites()
	n := 16
	for _, l := range langs {
		n += len(l.Pearls) + len(l.Areas) + len(l.Cases) + len(l.Pages)
	}
	m := make(map[string]string, n)
	for _, l := range langs {
		dir := l.Config.LangPath
		add := func(n site.Node) {
			if n.Key != "" {
				m[dir+strings.TrimPrefix(n.Path, "/")+"index.html"] = n.Key
			}
		}
		for _, a := range l.Areas {
			add(a.Node)
		}
		for _, p := range l.Pearls {
			add(p.Node)
		}
		for _, c := range l.Cases {
			add(c.Node)
		}
		for _, p := range l.Pages {
			add(p.Node)
		}
		if l.Guide != nil {
			add(l.Guide.Node)
			for _, c := range l.Guide.Chapters {
				add(c.Node)
			}
		}
	}
	return m
}

// bodies lists the documents whose bodies a page shows: its own, and
// every chapter's for the printable guide.
func bodies(j render.Job, owners map[string]string) []string {
	if j.Kind == "guideprint" {
		// Its language's folder ("sv/"), before that of its chapters.
		dir, _, _ := strings.Cut(j.Path, content.DirChapters+"/")
		var keys []string
		for _, d := range j.Deps {
			if strings.HasPrefix(d, dir+content.DirChapters+"/") {
				keys = append(keys, d)
			}
		}
		return keys
	}
	if k, ok := owners[j.Path]; ok {
		return []string{k}
	}
	return nil
}

// Search builds the search index of a model that Rebuild returned. It
// reads only the model, so it may run while the caller serves the pages.
// It analyses again only the documents whose text changed since the last
// call (see search.Indexer). pause, when not nil, is called every few
// milliseconds of work and may block to leave the CPU to a rebuild (see
// search.Options.Pause).
func (ss *Session) Search(s *site.Site, pause func()) ([]output.File, error) {
	return ss.search(s, pause, nil)
}

// SearchFile tells whether the site's file at p is one Search makes
// ("haku/index.json", a shard of it, "sv/haku/index.json"), which a
// caller serving the pages first has after them.
func SearchFile(p string) bool {
	first, rest, _ := strings.Cut(p, "/")
	second, _, _ := strings.Cut(rest, "/")
	return path.Ext(p) == ".json" && (first == search.Dir || second == search.Dir)
}

// search is Search, calling analysed, when not nil, once the default
// language's documents are analysed (see search.Options.Analysed).
func (ss *Session) search(s *site.Site, pause, analysed func()) ([]output.File, error) {
	// A session that keeps nothing (Build) renders and indexes once.
	so := search.Options{Pause: pause, Thesaurus: s.Thesaurus, Language: s.Lang, Once: !ss.keep, Analysed: analysed}
	var idx []search.File
	var err error
	if ss.index != nil {
		idx, err = ss.index.Build(ss.index.FromSite(s), so)
	} else {
		idx, err = search.Build(search.FromSite(s), so)
	}
	if err != nil {
		return nil, fmt.Errorf("building the search index: %w", err)
	}
	// Each other language has its own index under its folder, which its
	// search page reads. The session's indexer keeps the default
	// language's texts only.
	for _, l := range s.Languages {
		if l == s {
			continue
		}
		lo := so
		lo.Dir, lo.Language, lo.Analysed = l.Config.LangPath+search.Dir, l.Lang, nil
		// content/sanasto.txt is of the default language's words; the
		// other language has its own default thesaurus (see
		// search.LanguageOf), which its folder's sanasto.txt extends.
		lo.Thesaurus = l.Thesaurus
		var more []search.File
		if ss.index != nil {
			ix := ss.indexerOf(l.Lang)
			more, err = ix.Build(ix.FromSite(l), lo)
		} else {
			more, err = search.Build(search.FromSite(l), lo)
		}
		if err != nil {
			return nil, fmt.Errorf("building the search index of %s: %w", l.Lang, err)
		}
		idx = append(idx, more...)
	}
	files := make([]output.File, len(idx))
	for i, f := range idx {
		files[i] = output.File{Path: f.Path, Data: f.Data, Type: "application/json", Minified: minimalJSON(f.Data)}
	}
	return files, nil
}

// indexerOf is the session's indexer of the language lang other than the
// default one: each language's analyses kept apart, since an Indexer
// drops what it kept when it is given another language, and a save of
// one file on a portal of two languages analysed every document of the
// second one again.
func (ss *Session) indexerOf(lang string) *search.Indexer {
	ss.indexesMu.Lock()
	defer ss.indexesMu.Unlock()
	ix := ss.indexes[lang]
	if ix == nil {
		if ss.indexes == nil {
			ss.indexes = map[string]*search.Indexer{}
		}
		ix = search.NewIndexer()
		ss.indexes[lang] = ix
	}
	return ix
}

// minimalJSON tells whether minifying the JSON b (as encoding/json
// writes it) would leave it as it is: no space outside its strings, and
// every number written as the minifier writes it (which writes 1000 as
// 1e3). The search index is such JSON, 170 MB of it at 100,000 pearls:
// the minifier read each file into a copy and wrote it into another
// while the pages were rendered, half a gigabyte alive at once at the
// build's peak, for the same bytes.
func minimalJSON(b []byte) bool {
	var num [32]byte
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
			i++
		case c == '-' || '0' <= c && c <= '9':
			j := i + 1
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '.' || b[j] == 'e' || b[j] == 'E' || b[j] == '+' || b[j] == '-') {
				j++
			}
			if j-i > len(num) {
				return false
			}
			// minify.Number may change the bytes it is given.
			n := copy(num[:], b[i:j])
			if !bytes.Equal(minify.Number(num[:n], 0), b[i:j]) {
				return false
			}
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			return false
		default:
			i++
		}
	}
	return true
}

// forget drops what the changes make stale.
func (ss *Session) forget(ch Changes) {
	if ch.All {
		ss.docs.Clear()
		clear(ss.static)
		ss.theme = nil
		return
	}
	if ch.Theme {
		ss.theme = nil
	}
	for _, name := range ch.Content {
		name = path.Clean(name)
		if name == "." {
			ss.docs.Clear()
			clear(ss.static)
			continue
		}
		ss.docs.Forget(name)
		if name == content.DirStatic {
			clear(ss.static)
		} else if rest, ok := strings.CutPrefix(name, content.DirStatic+"/"); ok {
			for k := range ss.static {
				if k == rest || strings.HasPrefix(k, rest+"/") {
					delete(ss.static, k)
				}
			}
		}
	}
}

// loadTheme returns the theme, loading it only when it changed, and in a
// session keeps the hash of its files.
func (ss *Session) loadTheme(name string) (*render.Theme, diag.List) {
	if ss.theme != nil && ss.themeName == name {
		return ss.theme, nil
	}
	fsys, problem := themeFS(ss.opts.Themes, name)
	if problem != nil {
		return nil, diag.List{problem}
	}
	if fsys == nil {
		return nil, diag.List{diag.New(diag.Pos{File: ss.opts.contentName() + "/" + config.File}, diag.BuildNoTheme, name, name)}
	}
	theme, diags := render.LoadTheme(fsys, "themes/"+name)
	if theme == nil || diags.HasErrors() {
		return theme, diags
	}
	if ss.opts.Minify {
		theme.MinifyTemplates()
	}
	if !ss.keep {
		return theme, diags
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", name)
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := fs.ReadFile(fsys, p)
		fmt.Fprintf(h, "%s %d\n", p, len(data))
		h.Write(data)
		return nil
	})
	ss.theme, ss.themeName = theme, name
	h.Sum(ss.themeH[:0])
	return theme, diags
}

// Fingerprint is the hash that decides whether a page must be rendered
// again: global (the hash of what every page depends on: configuration,
// theme, options), the job's path and kind, and each document the job
// lists with its card (cards), plus the content hash (sums) of each
// document whose body the page shows (bodies). A document missing from
// cards counts as such, so a page changes when a document it lists
// appears or goes.
func Fingerprint(global []byte, j render.Job, cards map[string][32]byte, sums map[string]content.Sum, bodies []string) [32]byte {
	return fingerprint(nil, global, j, depsHash(nil, j.Deps, cards), sums, bodies)
}

// depList identifies a slice of keys by its first element and length:
// the pages of one paged list share their Deps slice, and hashing it once
// instead of once per page saves most of the plan's time on a large
// portal (a list of 2,000 pearls has 34 pages).
type depList struct {
	first *string
	n     int
}

func depsID(deps []string) depList {
	if len(deps) == 0 {
		return depList{}
	}
	return depList{&deps[0], len(deps)}
}

// depsList is a job's Deps and their depsHash.
type depsList struct {
	deps []string
	hash [32]byte
}

// maxChangedCards is the most changed cards for which depLists compares
// lists with the last build's instead of hashing them all again.
const maxChangedCards = 16

// depLists hashes each distinct Deps slice of jobs with the cards of its
// documents (see depsHash), on every core. old holds the lists of the
// last build by the path of the first job that had each, and oldCards
// its cards: a list equal to the one its first job had then, none of
// whose documents changed card, keeps its hash; changed, when not nil,
// lists the keys whose card differs between oldCards and cards, which
// the caller knows (after a patch, the one pearl's), and nil has them
// found. It returns the hashes, and the lists by the path of their first
// job.
func depLists(jobs []render.Job, cards, oldCards map[string][32]byte, old map[string]depsList, changed []string) (map[depList][32]byte, map[string]depsList) {
	var ids []depList
	var firsts []string
	var lists [][]string
	seen := map[depList]bool{}
	for _, j := range jobs {
		if id := depsID(j.Deps); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
			firsts = append(firsts, j.Path)
			lists = append(lists, j.Deps)
		}
	}
	// The keys whose card changed, appeared or went, unless the caller
	// knows them (changed not nil).
	if old != nil && changed == nil {
		for k, c := range cards {
			if oc, ok := oldCards[k]; !ok || oc != c {
				changed = append(changed, k)
			}
		}
		for k := range oldCards {
			if _, ok := cards[k]; !ok {
				changed = append(changed, k)
			}
		}
	}
	if len(changed) > maxChangedCards {
		old = nil
	}
	hashes := make([][32]byte, len(ids))
	parallel(len(ids), func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			if o, ok := old[firsts[i]]; ok && slices.Equal(o.deps, lists[i]) && !containsAny(lists[i], changed) {
				hashes[i] = o.hash
				continue
			}
			hashes[i] = depsHash(&buf, lists[i], cards)
		}
	})
	m := make(map[depList][32]byte, len(ids))
	kept := make(map[string]depsList, len(ids))
	for i, id := range ids {
		m[id] = hashes[i]
		kept[firsts[i]] = depsList{lists[i], hashes[i]}
	}
	return m, kept
}

// containsAny reports whether list holds one of keys.
func containsAny(list, keys []string) bool {
	for _, d := range list {
		for _, k := range keys {
			if d == k {
				return true
			}
		}
	}
	return false
}

// depsHash hashes the keys deps with the card of each (cards); a key
// missing from cards counts as such.
func depsHash(buf *[]byte, deps []string, cards map[string][32]byte) [32]byte {
	var b []byte
	if buf != nil {
		b = (*buf)[:0]
	}
	for _, d := range deps {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(d)))
		b = append(b, d...)
		if c, ok := cards[d]; ok {
			b = append(b, 1)
			b = append(b, c[:]...)
		} else {
			b = append(b, 0)
		}
	}
	if buf != nil {
		*buf = b
	}
	return sha256.Sum256(b)
}

// fingerprint is Fingerprint with the hash of the job's deps already made
// (depsHash) and a buffer to reuse: hashing one long byte string is
// several times faster than many small writes.
func fingerprint(buf *[]byte, global []byte, j render.Job, deps [32]byte, sums map[string]content.Sum, bodies []string) [32]byte {
	var b []byte
	if buf != nil {
		b = (*buf)[:0]
	}
	put := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, global...)
	put(j.Path)
	put(j.Kind)
	b = append(b, deps[:]...)
	for _, d := range bodies {
		put(d)
		sum := sums[d]
		b = append(b, sum[:]...)
	}
	if buf != nil {
		*buf = b
	}
	return sha256.Sum256(b)
}
