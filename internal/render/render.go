package render

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/site"
)

var buffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

// Render renders one job of s (from Jobs(s)). It is safe to call from many
// goroutines at once. A template that fails is reported as a *diag.Error
// naming the template file and line.
func (t *Theme) Render(s *site.Site, j Job) (output.File, error) {
	return t.render(s, j, true)
}

// RenderTemp is Render for a caller that writes the page and drops it:
// the file's Data is the buffer the page was rendered in, not a copy,
// and the caller gives it back with Recycle once written (a build of
// 100,000 pearls copied 1.5 GB of pages it dropped at once).
func (t *Theme) RenderTemp(s *site.Site, j Job) (output.File, error) {
	return t.render(s, j, false)
}

// Recycle gives back the Data of a file RenderTemp made, for the pages
// rendered after it; the caller must hold no other reference to it.
func Recycle(data []byte) {
	if cap(data) >= 32<<10 {
		buffers.Put(bytes.NewBuffer(data[:0]))
	}
}

// render is Render, with the page's bytes copied out of the pooled buffer
// when keep is true.
func (t *Theme) render(s *site.Site, j Job, keep bool) (output.File, error) {
	if j.site != nil {
		s = j.site
	}
	f := output.File{Path: j.Path}
	switch j.Kind {
	case "sitemap":
		f.Data, f.Type = sitemap(s), "application/xml"
		return f, nil
	case "feed":
		f.Data, f.Type = feed(s), "application/atom+xml"
		return f, nil
	case "robots":
		f.Data, f.Type = robots(s), "text/plain"
		return f, nil
	case "headers":
		f.Data, f.Type = headers(), "text/plain"
		return f, nil
	case "necklacedata":
		sh, ok := j.node.(necklaceShard)
		if !ok {
			return f, fmt.Errorf("rendering %s: a necklacedata job without its shard (make jobs with Theme.Jobs)", j.Path)
		}
		data, err := t.necklaceData(s, sh)
		f.Data, f.Type = data, "application/json"
		return f, err
	}
	pages, fastPages := t.pagesFor(s.Config.Language)
	tmpl := pages[j.Kind]
	if tmpl == nil {
		return f, fmt.Errorf("rendering %s: no page kind %q", j.Path, j.Kind)
	}
	fast := fastPages[j.Kind]
	if fast != nil {
		tmpl = fast
	}
	v, err := t.view(s, j)
	if err != nil {
		return f, err
	}
	v.tmpl = tmpl
	defer v.release()
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	ran := false
	if p := t.progs.get(tmpl, tmpl.Name()); p != nil {
		if ran = p.execute(buf, v) == nil; !ran {
			t.progs.slow.Add(1)
			buf.Reset() // html/template writes it, or says what is wrong
		}
	}
	if !ran {
		if err := tmpl.Execute(buf, v); err != nil {
			buffers.Put(buf)
			if fast != nil {
				// The minified templates' lines are not the editor's: run
				// the page again on the templates as written for the error.
				return t.withoutFast().Render(s, j)
			}
			return f, t.templateError(err)
		}
		// Executed once, the templates are escaped: the next pages of
		// this kind run compiled.
		t.progs.compile(tmpl, tmpl.Name())
	}
	f.Data, f.Type, f.Minified = buf.Bytes(), "text/html", fast != nil
	if keep {
		f.Data = bytes.Clone(f.Data)
		buffers.Put(buf)
	}
	return f, nil
}

// self is the node of the page n, or nil when there is none (the first
// pearl of an area has no previous one).
func self[N interface {
	comparable
	Self() *site.Node
}](n N) *site.Node {
	var none N
	if n == none {
		return nil
	}
	return n.Self()
}

// view builds the data of a page job.
func (t *Theme) view(s *site.Site, j Job) (*View, error) {
	v := &View{Site: s, Kind: j.Kind, Description: s.Config.Description, OGType: "website", st: t.state(s)}
	bad := func() (*View, error) {
		return nil, fmt.Errorf("rendering %s: a %s job without its page (make jobs with Theme.Jobs)", j.Path, j.Kind)
	}
	summary := func(sum string) {
		if sum != "" {
			v.Description = sum
		}
	}
	// text is what a page made from one Markdown file shows of it.
	text := func(sum string, doc *markdown.Doc, links site.Links) {
		summary(sum)
		v.Body = v.body(doc, links)
		v.Worksheet = hasWorksheet(doc)
	}
	switch j.Kind {
	case "home":
		v.Path = "/"
		for _, a := range s.Areas {
			v.Strands = append(v.Strands, v.strand(a, homeStrand))
		}
		v.Legend = s.Kinds
		v.Cases = homeCases(s)
		v.Guide = s.Guide
		if s.Guide != nil {
			v.GuideChapters, v.MoreChapters = homeChapters(s.Guide.Chapters)
		}
		v.HomePages = homePages(s)
	case "area":
		a, ok := j.node.(*site.Area)
		if !ok {
			return bad()
		}
		n := max(1, j.page)
		v.Area, v.Path, v.Title = a, PagePath(a.Path, n), a.Title
		summary(a.Summary)
		v.Pager = newPager(s, a.Path, n, len(a.Pearls))
		v.Groups = groups(a, n)
		v.Legend = s.Kinds
		if v.Pager == nil || v.Pager.Number == 1 {
			v.Body = v.body(a.Doc, a.Links)
			v.Worksheet = hasWorksheet(a.Doc)
			v.Strands = []*Strand{v.strand(a, areaStrand)}
			if v.Pager != nil {
				v.Strands = []*Strand{v.strand(a, pagedStrand)}
			}
			v.Cases = shownCases(a)
		}
	case "pearl":
		p, ok := j.node.(*site.Pearl)
		if !ok {
			return bad()
		}
		v.Pearl, v.Path, v.Title, v.OGType = p, p.Path, p.Title, "article"
		v.Facts = pearlFacts(p, v.st)
		text(p.Summary, p.Doc, p.Links)
		v.Prev, v.Next = self(p.Prev), self(p.Next)
	case "case":
		c, ok := j.node.(*site.Case)
		if !ok {
			return bad()
		}
		v.Case, v.Path, v.Title, v.OGType = c, c.Path, c.Title, "article"
		text(c.Summary, c.Doc, c.Links)
	case "guide":
		g, ok := j.node.(*site.Guide)
		if !ok {
			return bad()
		}
		v.Guide, v.Path, v.Title = g, g.Path, g.Title
		if g.Cover != nil {
			text(g.Cover.Summary, g.Cover.Doc, g.Links)
		}
	case "chapter":
		c, ok := j.node.(*site.Chapter)
		if !ok {
			return bad()
		}
		v.Chapter, v.Guide, v.Path, v.Title, v.OGType = c, s.Guide, c.Path, c.Title, "article"
		text(c.Summary, c.Doc, c.Links)
		if c.Doc != nil {
			for _, h := range c.Doc.Headings {
				if h.Level == 2 {
					v.Contents = append(v.Contents, h)
				}
			}
		}
		v.Prev, v.Next = self(c.Prev), self(c.Next)
	case "guideprint":
		g, ok := j.node.(*site.Guide)
		if !ok {
			return bad()
		}
		v.Guide, v.Path, v.Title = g, g.Path+"kokonaan/", fmt.Sprintf(v.T("guide.whole.title"), g.Title)
		// Links between chapters lead to the chapter on this page.
		local := make(map[string]string, len(g.Chapters))
		for _, c := range g.Chapters {
			local[c.URL] = fmt.Sprintf("luku-%d", c.Number)
		}
		if g.Cover != nil {
			summary(g.Cover.Summary)
			v.Body = localLinks(prefixIDs(v.body(g.Cover.Doc, g.Links), "johdanto-", 0), local)
			v.Worksheet = hasWorksheet(g.Cover.Doc)
		}
		for _, c := range g.Chapters {
			anchor := local[c.URL]
			b := localLinks(prefixIDs(v.body(c.Doc, c.Links), anchor+"-", 1), local)
			v.Chapters = append(v.Chapters, PrintChapter{Chapter: c, Anchor: anchor, Body: b})
			v.Worksheet = v.Worksheet || hasWorksheet(c.Doc)
		}
	case "page":
		p, ok := j.node.(*site.Page)
		if !ok {
			return bad()
		}
		v.Page, v.Path, v.Title = p, p.Path, p.Title
		summary(p.Summary)
		v.Body = v.body(p.Doc, p.Links)
		v.Worksheet = hasWorksheet(p.Doc)
	case "term":
		term, ok := j.node.(*site.Term)
		if !ok {
			return bad()
		}
		n := max(1, j.page)
		v.Term, v.Path, v.Title = term, PagePath(term.Path, n), v.TermHeading(term)
		v.Description = fmt.Sprintf("%s – %s", v.Title, v.N("pearls", len(term.Pearls)))
		v.Pager = newPager(s, term.Path, n, len(term.Pearls))
		lo, hi := pageRange(n, len(term.Pearls))
		v.Pearls = term.Pearls[lo:hi]
	case "terms":
		n := max(1, j.page)
		v.Path, v.Title = PagePath(TermsPath, n), v.T("terms.title")
		v.Description = v.T("terms.description")
		v.Pager = newPagerOf(s, TermsPath, n, s.TermsPages())
		v.Letters, v.TagGroups = tagLetters(s, n)
		if lo, hi := (n-1)*TagPageSize, min(len(s.Tags), n*TagPageSize); n > 1 && lo < hi {
			// "Aiheet Kokous – Muutos, sivu 2/5"
			v.Description = fmt.Sprintf(v.T("page.of"), fmt.Sprintf(v.T("terms.range"), s.Tags[lo].Label, s.Tags[hi-1].Label), n, v.Pager.Total)
		}
	case "search":
		v.Path, v.Title = "/haku/", v.T("search.title")
	case "necklace":
		v.Path, v.Title = "/oma-helminauha/", v.T("necklace.title")
		v.Description = v.T("necklace.description")
	case "notfound":
		v.Path, v.Title, v.NoIndex = "/404.html", v.T("notfound.title"), true
	default:
		return nil, fmt.Errorf("rendering %s: no page kind %q", j.Path, j.Kind)
	}
	if pg := v.Pager; pg != nil {
		if pg.Number > 1 {
			v.Title = fmt.Sprintf(v.T("page.of"), v.Title, pg.Number, pg.Total)
		}
		if pg.Prev != "" {
			v.Prev = &site.Node{URL: pg.Prev}
		}
		if pg.Next != "" {
			v.Next = &site.Node{URL: pg.Next}
		}
	}
	v.Base, v.Root, v.OGLocale = v.st.base, v.st.root, v.st.ogLocale
	v.FullTitle, v.OGTitle = s.Config.Title, s.Config.Title
	if v.Title != "" {
		v.FullTitle, v.OGTitle = v.Title+" – "+s.Config.Title, v.Title
	}
	if v.Kind != "notfound" {
		v.Canonical = v.Abs(v.Path)
	}
	t.setLanguages(v, s, j)
	// The whole guide on one page is made of many files: it has no one
	// file to edit.
	if e := s.Config.EditURL; e != "" && v.Kind != "guideprint" {
		if key := sourceKey(j.node); key != "" {
			v.EditURL = e + key + ".md"
		}
	}
	return v, nil
}

// sourceKey is the path in the content folder, without .md, of the file
// the page node is made from, or "" for a generated page.
func sourceKey(node any) string {
	if n, ok := node.(interface{ Self() *site.Node }); ok {
		return n.Self().Key
	}
	return ""
}

// homeCases are the case examples the home page shows: the newest three.
func homeCases(s *site.Site) []*site.Case {
	if len(s.Cases) > 3 {
		return s.Cases[:3]
	}
	return s.Cases
}

// homePages are the standalone pages the home page lists: all of them in
// a portal of nothing else, whose home page had only its title and
// description (the footer links to them too).
func homePages(s *site.Site) []*site.Page {
	if len(s.Areas) > 0 || len(s.Cases) > 0 || s.Guide != nil {
		return nil
	}
	return s.Pages
}

// homeChapters are the chapters of a guide the home page lists, and how
// many more it has: all of them up to a dozen, else the first ten, so
// that the rest is never one or two.
func homeChapters(chs []*site.Chapter) (shown []*site.Chapter, more int) {
	const all, first = 12, 10
	if len(chs) <= all {
		return chs, 0
	}
	return chs[:first], len(chs) - first
}
