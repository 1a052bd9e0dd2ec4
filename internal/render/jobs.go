package render

import (
	"slices"

	"github.com/helminauha/helminauha/internal/site"
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

	node any // the model value the page is about, or nil
}

// FeedSize is the number of entries in feed.xml.
const FeedSize = 20

// Jobs lists every file the site has, in a stable order: the home page,
// theme areas, pearls, cases, the guide, standalone pages, term pages,
// then the generated pages and files.
func (t *Theme) Jobs(s *site.Site) []Job {
	common := t.state(s).deps
	jobs := make([]Job, 0, 16+len(s.Areas)+len(s.Pearls)+len(s.Cases)+len(s.Pages)+len(s.Tags)+len(s.Kinds)+len(s.Audiences))
	add := func(path, kind string, node any, deps ...[]string) {
		n := len(common)
		for _, d := range deps {
			n += len(d)
		}
		all := make([]string, 0, n)
		all = append(all, common...)
		for _, d := range deps {
			all = append(all, d...)
		}
		jobs = append(jobs, Job{Path: path, Kind: kind, Deps: uniqueKeys(all), node: node})
	}

	// The home page draws at most homeStrand pearls of an area but shows
	// how many it has, so it depends on all of them.
	all := pearlKeys(s.Pearls)
	add("index.html", "home", nil, all, caseKeys(homeCases(s)), guideKeys(s))

	for _, a := range s.Areas {
		add(out(a.Path), "area", a, pearlKeys(a.Pearls), caseKeys(a.Cases))
	}
	for _, p := range s.Pearls {
		d := []string{p.Key}
		if p.Area != nil {
			d = append(d, p.Area.Key)
		}
		if p.Prev != nil {
			d = append(d, p.Prev.Key)
		}
		if p.Next != nil {
			d = append(d, p.Next.Key)
		}
		add(out(p.Path), "pearl", p, d, pearlKeys(p.Related), caseKeys(p.Cases))
	}
	for _, c := range s.Cases {
		d := []string{c.Key}
		for _, a := range c.Areas {
			d = append(d, a.Key)
		}
		add(out(c.Path), "case", c, d, pearlKeys(c.Pearls))
	}
	if g := s.Guide; g != nil {
		add(out(g.Path), "guide", g, guideKeys(s))
		for _, c := range g.Chapters {
			// The chapter's number and neighbours depend on the others.
			add(out(c.Path), "chapter", c, guideKeys(s))
		}
		if len(g.Chapters) > 0 {
			add("opas/kokonaan/index.html", "guideprint", g, guideKeys(s))
		}
	}
	for _, p := range s.Pages {
		add(out(p.Path), "page", p, []string{p.Key})
	}
	for _, list := range [][]*site.Term{s.Tags, s.Kinds, s.Audiences} {
		for _, term := range list {
			add(out(term.Path), "term", term, pearlKeys(term.Pearls))
		}
	}
	add("tagit/index.html", "terms", nil, all)
	add("haku/index.html", "search", nil)
	add("oma-helminauha/index.html", "necklace", nil)
	add("oma-helminauha/helmet.json", "necklacedata", nil, all)
	add("404.html", "notfound", nil)
	add("sitemap.xml", "sitemap", nil, all, caseKeys(s.Cases), guideKeys(s), pageKeys(s.Pages))
	var feed []string
	for i, d := range s.Newest {
		if i == FeedSize {
			break
		}
		feed = append(feed, d.Key)
	}
	add("feed.xml", "feed", nil, feed)
	jobs = append(jobs, Job{Path: "robots.txt", Kind: "robots"}, Job{Path: "_headers", Kind: "headers"})
	return jobs
}

// out is the output path of the page at site path p ("/helmet/x/").
func out(p string) string { return p[1:] + "index.html" }

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
