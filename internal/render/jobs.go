package render

import (
	"slices"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/workers"
)

// Job is one file the render stage writes.
type Job struct {
	// Path is the output path, relative to the output folder:
	// "helmet/x/index.html".
	Path string
	// Kind is the page kind (one of Kinds) or one of the generated files:
	// necklacedata, sitemap, feed, robots, headers.
	Kind string
	// Deps are the document keys (site.Node.Key) whose content the page
	// shows. A page must be rendered again when the hash of one of them
	// (site.Site.Hashes) or the set itself changed. The theme and the
	// configuration are dependencies of every page and not listed.
	Deps []string

	// weight is Weight's count of a job listed without its Deps
	// (JobsToRender).
	weight int
	node   any        // the model value the page is about, or nil
	page   int        // the page number (from 1) of a paged list, or 0
	site   *site.Site // the language's site the page is in, nil for the default
}

// Weight is about the number of documents the page shows: the length of
// its Deps, or for a job JobsToRender listed without them, a count made
// without listing them (a pearl's repeats counted, a list's few other
// documents left out). A build renders the heaviest pages first.
func (j Job) Weight() int {
	if j.Deps != nil {
		return len(j.Deps)
	}
	return j.weight
}

// Own is the body that this page shows and no other page does (a
// pearl's), or nil: a build that renders every page once has no more use
// for it after the page (see markdown.Doc.Release).
func (j Job) Own() *markdown.Doc {
	if p, ok := j.node.(*site.Pearl); ok && j.Kind == "pearl" {
		return p.Doc
	}
	return nil
}

// PageSize, PagePath and PageCount are the model's (site.PageSize):
// it checks the links to the pages of a list and the static files in
// their way.
const PageSize = site.PageSize

// PagePath is site.PagePath.
func PagePath(p string, n int) string { return site.PagePath(p, n) }

// areaCases is the number of case examples an area page lists: the
// newest. Every case is linked from the pages of its pearls.
const areaCases = 8

// shownCases are the case examples the page of area a lists.
func shownCases(a *site.Area) []*site.Case {
	if len(a.Cases) > areaCases {
		return a.Cases[:areaCases]
	}
	return a.Cases
}

// PageCount is site.PageCount.
func PageCount(n int) int { return site.PageCount(n) }

// FeedSize is the number of entries in feed.xml.
const FeedSize = 20

// Jobs lists every file the site has, in a stable order: the home page,
// theme areas, pearls, cases, the guide, standalone pages, term pages,
// then the generated pages and files.
//
// In a portal of several languages the jobs of each other language
// follow, under its folder (sv/helmet/x/index.html); the sitemap, at the
// root, lists every language's pages, and robots.txt and _headers are
// the root's only.
func (t *Theme) Jobs(s *site.Site) []Job { return t.allJobs(s, true) }

// JobsToRender lists the jobs Jobs lists, in the same order, without
// their Deps (each job's Weight is counted instead), for a build that
// renders every page once and compares nothing with a build before: the
// Deps are what serve compares. At 100,000 pearls, listing the keys of
// each pearl's neighbours, tags and related pearls grew 14 times as fast
// as at 10,000 (each key a miss of the processor's cache), and the build
// used them only to weigh its pages.
func (t *Theme) JobsToRender(s *site.Site) []Job { return t.allJobs(s, false) }

// allJobs is Jobs, with each job's Deps when deps is set.
func (t *Theme) allJobs(s *site.Site, deps bool) []Job {
	jobs := t.jobs(s, t.state(s).deps, nil, true, deps)
	if len(s.Languages) == 0 {
		return jobs
	}
	for i := range jobs {
		if jobs[i].Kind != "sitemap" {
			continue
		}
		// The root's sitemap lists every language's pages.
		if deps {
			jobs[i].Deps = t.rootSitemapDeps(s, jobs[i].Deps)
			continue
		}
		for _, l := range s.Languages {
			if l != s {
				jobs[i].weight += listWeight(l.Pearls, sitemapParts(l, t.state(l).deps)...)
			}
		}
	}
	for _, l := range s.Languages {
		if l == s {
			continue
		}
		jobs = append(jobs, t.inFolder(l, t.jobs(l, t.state(l).deps, nil, true, deps))...)
	}
	return jobs
}

// JobsOf lists the jobs Jobs lists of in, the site of one language of
// s (s itself in a portal of one language), except the pages of the
// theme areas, pearls, case examples and terms that keep (given the
// *site.Area, *site.Pearl, *site.Case or *site.Term) leaves out, for
// serve to list only the pages a change of in's documents may reach.
// Another language's pages show them only where a body links to one
// (JobsLinking), and the root's sitemap, which lists every language's
// pages: it is listed as Jobs lists it when sitemap is set, and else not
// at all.
func (t *Theme) JobsOf(s, in *site.Site, keep func(node any) bool, sitemap bool) []Job {
	jobs := t.jobs(in, t.state(in).deps, keep, true, true)
	if !sitemap {
		jobs = slices.DeleteFunc(jobs, func(j Job) bool { return j.Kind == "sitemap" })
	}
	if len(s.Languages) == 0 {
		return jobs
	}
	if in == s {
		for i := range jobs {
			if jobs[i].Kind == "sitemap" {
				jobs[i].Deps = t.rootSitemapDeps(s, jobs[i].Deps)
			}
		}
		return jobs
	}
	jobs = t.inFolder(in, jobs)
	if !sitemap {
		return jobs
	}
	return append(jobs, Job{Path: "sitemap.xml", Kind: "sitemap", Deps: t.rootSitemapDeps(s, sitemapDeps(s, t.state(s).deps))})
}

// JobsLinking lists the jobs Jobs lists of the languages of s other than
// in's whose pages show the title of the document of in with key: those
// whose bodies link to its page (site.Site.LinkedKeys), for serve to
// render them again when the title changes, as it does the pages of in
// that list the document (JobsOf). None in a portal of one language.
func (t *Theme) JobsLinking(s, in *site.Site, key string) []Job {
	var jobs []Job
	for _, l := range s.Languages {
		if l == in {
			continue
		}
		// This asks of every body of l, at every save in serve: its
		// links are looked at for key alone, not gathered and sorted
		// as LinkedKeys does.
		linksTo := func(ls site.Links) bool {
			for _, u := range ls {
				if _, k, _ := l.LinkedElsewhere(u); k != "" && k == key {
					return true
				}
			}
			return false
		}
		links := func(node any) bool {
			switch n := node.(type) {
			case *site.Area:
				return linksTo(n.Links)
			case *site.Pearl:
				return linksTo(n.Links)
			case *site.Case:
				return linksTo(n.Links)
			case *site.Page:
				return linksTo(n.Links)
			case *site.Guide:
				// The guide's pages show the cover's body, a chapter's
				// or all of them.
				return linksTo(n.Links) || slices.ContainsFunc(n.Chapters, func(c *site.Chapter) bool { return linksTo(c.Links) })
			}
			return false
		}
		linking := slices.DeleteFunc(t.jobs(l, t.state(l).deps, links, false, true), func(j Job) bool { return !slices.Contains(j.Deps, key) })
		if l != s {
			linking = t.inFolder(l, linking)
		}
		jobs = append(jobs, linking...)
	}
	return jobs
}

// inFolder makes jobs, the jobs of l, another language's site than the
// default, those of its folder, as Jobs lists them: the root alone has a
// sitemap, robots.txt and _headers.
func (t *Theme) inFolder(l *site.Site, jobs []Job) []Job {
	jobs = slices.DeleteFunc(jobs, func(j Job) bool {
		return j.Kind == "sitemap" || j.Kind == "robots" || j.Kind == "headers"
	})
	for i := range jobs {
		jobs[i].Path = l.Config.LangPath + jobs[i].Path
		jobs[i].site = l
	}
	return jobs
}

// rootSitemapDeps is the Deps of the root's sitemap of s as Jobs lists it,
// given own, those of s's sitemap alone: those of every language's pages.
func (t *Theme) rootSitemapDeps(s *site.Site, own []string) []string {
	deps := own
	for _, l := range s.Languages {
		if l != s {
			deps = uniqueKeys(slices.Concat(deps, sitemapDeps(l, t.state(l).deps)))
		}
	}
	return deps
}

// sitemapDeps is the Deps of the sitemap of s alone.
func sitemapDeps(s *site.Site, common []string) []string {
	return listDeps(s.Pearls, sitemapParts(s, common)...)
}

// sitemapParts are the documents besides the pearls that the sitemap of
// s lists.
func sitemapParts(s *site.Site, common []string) [][]string {
	return [][]string{common, caseKeys(s.Cases), guideKeys(s), pageKeys(s.Pages)}
}

// JobsIn lists the jobs Jobs lists of part, a model that holds only a few
// of the documents of s (site.Site.Only), with the deps every page of s
// has, for serve to list only the pages of the documents a save changed.
// The page state is made for s, which Render then takes as it is: one
// made for part (without areas, so with other assets, and with one card)
// and then one for s again took most of a body save's time at 10,000
// pearls. In a portal of several languages, the jobs of the part of each
// other language that holds a document follow, under its folder, each
// rendered with its language's whole site.
func (t *Theme) JobsIn(s, part *site.Site) []Job {
	// part's shards of the necklace data are not those of s: the layout
	// kept for the next listing of s stays as it is.
	var jobs []Job
	if len(s.Languages) == 0 || !part.Empty() {
		jobs = t.jobs(part, t.state(s).deps, nil, false, true)
	}
	for i, l := range s.Languages {
		p := part.Languages[i]
		if l == s || p.Empty() {
			continue
		}
		jobs = append(jobs, t.inFolder(l, t.jobs(p, t.state(l).deps, nil, false, true))...)
	}
	return jobs
}

// jobs lists the jobs of s (those keep keeps, when it is not nil: it is
// asked of each page's *site.Area, *site.Pearl, *site.Case, *site.Term,
// *site.Page, of the *site.Guide for the guide's pages, and of nil for
// the home page and the generated pages and files), each depending on
// common, the documents every page of the site shows; whole
// tells that s is a whole site, whose layout of the necklace data's
// shards is kept for the next listing (necklaceJobs); deps that each job
// gets its Deps, or else only its weight (JobsToRender: no layout is kept
// then, as no listing follows).
func (t *Theme) jobs(s *site.Site, common []string, keep func(node any) bool, whole, deps bool) []Job {
	jobs := make([]Job, 0, 16+len(s.Areas)+len(s.Pearls)+len(s.Cases)+len(s.Pages)+len(s.Tags)+len(s.Kinds)+len(s.Audiences))
	// The deps of the pages with few are cut from one slice: 10,000
	// small slices were a fifth of the listing's time.
	var keys arena
	alloc := keys.alloc
	add := func(path, kind string, node any, parts ...[]string) {
		n := len(common)
		for _, d := range parts {
			n += len(d)
		}
		if !deps {
			jobs = append(jobs, Job{Path: path, Kind: kind, weight: n, node: node})
			return
		}
		all := alloc(n)
		all = append(all, common...)
		for _, d := range parts {
			all = append(all, d...)
		}
		jobs = append(jobs, Job{Path: path, Kind: kind, Deps: uniqueKeys(all), node: node})
	}
	// listing is the job of a page that lists pearls, with its Deps (listDeps), or when
	// deps is not set, a job without them that weighs as much.
	listing := func(job Job, pearls []*site.Pearl, parts ...[]string) Job {
		if deps {
			job.Deps = listDeps(pearls, parts...)
			return job
		}
		job.weight = listWeight(pearls, parts...)
		return job
	}

	// keep is asked of the home page and the generated pages as of nil.
	generated := keep == nil || keep(nil)
	// The home page draws at most homeStrand pearls of an area but shows
	// how many it has, so it depends on all of them.
	if generated {
		jobs = append(jobs, listing(Job{Path: "index.html", Kind: "home"}, s.Pearls, common, caseKeys(homeCases(s)), guideKeys(s), pageKeys(homePages(s))))
	}

	// Every page of a paged list depends on the whole list: it shows how
	// many pearls and pages there are, and which pearls fall on it
	// depends on the ones before. The pages of one list share the slice.
	paged := func(p, kind string, node any, first, rest Job, n int) {
		for k := 1; k <= PageCount(n); k++ {
			job := rest
			if k == 1 {
				job = first
			}
			job.Path, job.Kind, job.node, job.page = out(PagePath(p, k)), kind, node, k
			jobs = append(jobs, job)
		}
	}
	for _, a := range s.Areas {
		if keep != nil && !keep(a) {
			continue
		}
		// Only the first page shows the area's text, strand and cases.
		pearls := listing(Job{}, a.Pearls, common)
		first := pearls
		if elsewhere := s.LinkedKeys(a.Links); len(a.Cases) > 0 || len(elsewhere) > 0 {
			// The count of all the area's cases shows, not only the newest.
			first = listing(Job{}, a.Pearls, common, caseKeys(a.Cases), elsewhere)
		}
		paged(a.Path, "area", a, first, pearls, len(a.Pearls))
	}
	if keep == nil {
		// On every core, each range with an arena of its own: at 100,000
		// pearls each pearl's neighbours, tags and related pearls are
		// misses of the processor's cache, half of the listing's time.
		at := len(jobs)
		jobs = slices.Grow(jobs, len(s.Pearls))[:at+len(s.Pearls)]
		workers.Split(len(s.Pearls), workers.Cores(len(s.Pearls), 4096), func(_, lo, hi int) {
			var keys arena
			for i, p := range s.Pearls[lo:hi] {
				if !deps {
					jobs[at+lo+i] = weighPearl(p, common, s.LinkedKeys(p.Links))
					continue
				}
				jobs[at+lo+i] = pageOfPearl(p, common, s.LinkedKeys(p.Links), keys.alloc)
			}
		})
	} else {
		for _, p := range s.Pearls {
			if keep(p) {
				jobs = append(jobs, pageOfPearl(p, common, s.LinkedKeys(p.Links), alloc))
			}
		}
	}
	for _, c := range s.Cases {
		if keep != nil && !keep(c) {
			continue
		}
		d := []string{c.Key}
		for _, a := range c.Areas {
			d = append(d, a.Key)
		}
		add(out(c.Path), "case", c, d, pearlKeys(c.Pearls), s.LinkedKeys(c.Links))
	}
	if g := s.Guide; g != nil && (keep == nil || keep(g)) {
		elsewhere := s.LinkedKeys(g.Links)
		add(out(g.Path), "guide", g, guideKeys(s), elsewhere)
		for _, c := range g.Chapters {
			// The chapter's number and neighbours depend on the others.
			own := s.LinkedKeys(c.Links)
			add(out(c.Path), "chapter", c, guideKeys(s), own)
			elsewhere = append(elsewhere, own...)
		}
		if len(g.Chapters) > 0 {
			add("opas/kokonaan/index.html", "guideprint", g, guideKeys(s), elsewhere)
		}
	}
	for _, p := range s.Pages {
		if keep == nil || keep(p) {
			add(out(p.Path), "page", p, []string{p.Key}, s.LinkedKeys(p.Links))
		}
	}
	for _, list := range [][]*site.Term{s.Tags, s.Kinds, s.Audiences} {
		for _, term := range list {
			if keep != nil && !keep(term) {
				continue
			}
			job := listing(Job{}, term.Pearls, common)
			paged(term.Path, "term", term, job, job, len(term.Pearls))
		}
	}
	if !generated {
		return jobs
	}
	all := listing(Job{}, s.Pearls, common)
	// The list of terms shows every tag with its count of pearls.
	for k := 1; k <= s.TermsPages(); k++ {
		job := all
		job.Path, job.Kind, job.page = out(PagePath(TermsPath, k)), "terms", k
		jobs = append(jobs, job)
	}
	add("haku/index.html", "search", nil)
	// Its first pearl or its last one changes the kinds in use, which
	// every page is rendered again for in serve.
	if s.HasNecklace() {
		// The necklace page gives its script the number of shards of
		// the necklace data, which the number of pearls sets.
		job := all
		job.Path, job.Kind = "oma-helminauha/index.html", "necklace"
		jobs = append(jobs, job)
		var layout *necklaceLayout
		if whole && deps {
			layout = t.necklace.layout(s.Lang)
		}
		jobs = append(jobs, necklaceJobs(s, common, layout, deps)...)
		if t.wholeNecklace {
			job := all
			job.Path, job.Kind, job.node = WholeNecklace, "necklacedata", necklaceShard{n: 1, pearls: s.Pearls, whole: true}
			jobs = append(jobs, job)
		}
	}
	add("404.html", "notfound", nil)
	jobs = append(jobs, listing(Job{Path: "sitemap.xml", Kind: "sitemap"}, s.Pearls, sitemapParts(s, common)...))
	if s.HasFeed() {
		var feed []string
		for i, d := range s.Newest {
			if i == FeedSize {
				break
			}
			feed = append(feed, d.Key)
		}
		add("feed.xml", "feed", nil, feed)
	}
	jobs = append(jobs, Job{Path: "robots.txt", Kind: "robots"}, Job{Path: "_headers", Kind: "headers"})
	return jobs
}

// arena cuts the deps of the pages with few from one slice: 10,000
// small slices were a fifth of the listing's time.
type arena []string

func (a *arena) alloc(n int) []string {
	if cap(*a)-len(*a) < n {
		*a = make([]string, 0, max(n, 64*1024))
	}
	keys := (*a)[len(*a) : len(*a) : len(*a)+n]
	*a = (*a)[:len(*a)+n]
	return keys
}

// pageOfPearl is the job of pearl p's page, its deps cut by alloc: the
// keys uniqueKeys keeps of common, p, its area, neighbours, the first
// pearl of each tag, its related pearls, its cases and elsewhere (the
// documents of other languages its body links to), in that order.
// No pearl's key is another document's, so the pearls' repeats are
// dropped apart from the others', by pointer: comparing keys read the
// key of every related pearl and neighbour, and at 100,000 pearls each
// was a miss of the processor's cache.
func pageOfPearl(p *site.Pearl, common, elsewhere []string, alloc func(n int) []string) Job {
	d := alloc(pearlDocs(p, common, elsewhere))
	keep := func(from int, k string) {
		if k != "" && !slices.Contains(d[from:], k) {
			d = append(d, k)
		}
	}
	for _, k := range common {
		keep(0, k)
	}
	c := len(d)
	var few [32]*site.Pearl
	seen := few[:0]
	var many map[*site.Pearl]bool
	pearl := func(q *site.Pearl) {
		if q == nil {
			return
		}
		switch {
		case many != nil:
			if many[q] {
				return
			}
			many[q] = true
		case slices.Contains(seen, q):
			return
		case len(seen) == len(few):
			many = make(map[*site.Pearl]bool, 2*len(few))
			for _, x := range seen {
				many[x] = true
			}
			many[q] = true
		default:
			seen = append(seen, q)
		}
		d = append(d, q.Key)
	}
	pearl(p)
	area := ""
	if p.Area != nil && p.Area.Key != "" && !slices.Contains(d[:c], p.Area.Key) {
		area = p.Area.Key
		d = append(d, area)
	}
	pearl(p.Prev)
	pearl(p.Next)
	// A tag shows as its label's pearl spells it (a published one before
	// a draft, which serve's model holds too).
	for _, t := range p.Tags {
		pearl(t.LabelPearl())
	}
	for _, r := range p.Related {
		pearl(r)
	}
	cases := len(d)
	for _, cs := range p.Cases {
		if k := cs.Key; k != "" && k != area && !slices.Contains(d[:c], k) && !slices.Contains(d[cases:], k) {
			d = append(d, k)
		}
	}
	// The other languages' pages its body links to, whose titles it
	// shows: no key of this language's.
	d = append(d, elsewhere...)
	return Job{Path: out(p.Path), Kind: "pearl", Deps: d, node: p}
}

// weighPearl is the job of pearl p's page without its Deps, weighing as
// many documents as pageOfPearl lists, and their repeats.
func weighPearl(p *site.Pearl, common, elsewhere []string) Job {
	return Job{Path: out(p.Path), Kind: "pearl", node: p, weight: pearlDocs(p, common, elsewhere)}
}

// pearlDocs is how many documents pearl p's page may list, repeats
// counted: the room pageOfPearl makes for its Deps, and weighPearl's
// weight. The 4 are the pearl, its area and its two neighbours.
func pearlDocs(p *site.Pearl, common, elsewhere []string) int {
	return len(common) + 4 + len(p.Tags) + len(p.Related) + len(p.Cases) + len(elsewhere)
}

// out is the output path of the page at site path p ("/helmet/x/").
func out(p string) string { return p[1:] + "index.html" }

// listDeps is the deps of a page that lists pearls: the keys of parts
// once each, then the pearls' keys. A list of pearls holds each once,
// and no other document is in their folder, so only the few other keys
// need sorting out (a map of every pearl's key for each list was most of
// the listing's time on large portals).
func listDeps(pearls []*site.Pearl, parts ...[]string) []string {
	other := uniqueKeys(slices.Concat(parts...))
	keys := make([]string, len(other), len(other)+len(pearls))
	copy(keys, other)
	for _, p := range pearls {
		keys = append(keys, p.Key)
	}
	return keys
}

// listWeight is the Weight of a page listing pearls and the documents of
// parts: as many as listDeps lists, and the repeats among parts.
func listWeight(pearls []*site.Pearl, parts ...[]string) int {
	n := len(pearls)
	for _, d := range parts {
		n += len(d)
	}
	return n
}

func pearlKeys(list []*site.Pearl) []string {
	keys := make([]string, len(list))
	for i, p := range list {
		keys[i] = p.Key
	}
	return keys
}

func caseKeys(list []*site.Case) []string {
	keys := make([]string, len(list))
	for i, c := range list {
		keys[i] = c.Key
	}
	return keys
}

func pageKeys(list []*site.Page) []string {
	keys := make([]string, len(list))
	for i, p := range list {
		keys[i] = p.Key
	}
	return keys
}

func guideKeys(s *site.Site) []string {
	if s.Guide == nil {
		return nil
	}
	var keys []string
	if s.Guide.Key != "" {
		keys = append(keys, s.Guide.Key)
	}
	for _, c := range s.Guide.Chapters {
		keys = append(keys, c.Key)
	}
	return keys
}

// uniqueKeys drops empty and repeated keys, keeping the first of each.
func uniqueKeys(keys []string) []string {
	outKeys := keys[:0]
	if len(keys) <= 32 {
		// A page's own deps are few: a scan is cheaper than a map.
		for _, k := range keys {
			if k != "" && !slices.Contains(outKeys, k) {
				outKeys = append(outKeys, k)
			}
		}
		return outKeys
	}
	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, dup := seen[k]; dup {
			continue
		}
		seen[k] = struct{}{}
		outKeys = append(outKeys, k)
	}
	return outKeys
}
