package render

import (
	"strings"

	"github.com/helminauha/helminauha/internal/site"
)

// LangLink is a link to a page in one of the portal's languages.
type LangLink struct {
	// Lang is the language's code (hreflang), or "x-default" for the
	// default language's page among the alternates.
	Lang string
	// Name is the language's name in itself ("På svenska"), from its
	// table of words.
	Name string
	// URL is the page's address under the base path, Absolute its
	// absolute address (see config.Config.Absolute).
	URL, Absolute string
	// Current marks the page's own language.
	Current bool
}

// samePage is the site path in l of the page made from the document rel
// (its key without the language's folder, "helmet/x"), or for a
// generated page ("" rel) the same site path p, when l has it.
func samePage(l *site.Site, rel, p string) (string, bool) {
	if rel != "" {
		if n, ok := l.ByKey(rel); ok {
			return n.Path, true
		}
		return "", false
	}
	return p, l.Has(p)
}

// section is where the language switcher leads in l when l lacks the
// page itself: a pearl's theme area, a chapter's guide, a term page's
// list of terms, or else l's home page. Never a page l does not write.
func section(s, l *site.Site, node any) string {
	rel := func(key string) string { return strings.TrimPrefix(key, s.Config.LangPath) }
	switch n := node.(type) {
	case *site.Pearl:
		if n.Area != nil {
			if a, ok := l.ByKey(rel(n.Area.Key)); ok {
				return a.Path
			}
		}
	case *site.Chapter:
		if l.Guide != nil {
			return l.Guide.Path
		}
	case *site.Term:
		if l.Has(TermsPath) {
			return TermsPath
		}
	}
	return "/"
}

// pageIdentity is what finds the page j of s in another language: the
// key of the document it is made from, without the language's folder,
// and its site path (the first page's of a paged list).
func pageIdentity(s *site.Site, j Job, path string) (rel, p string) {
	p = path
	if n, ok := j.node.(interface{ Self() *site.Node }); ok {
		self := n.Self()
		p, rel = self.Path, strings.TrimPrefix(self.Key, s.Config.LangPath)
	}
	if j.Kind == "guideprint" || j.Kind == "notfound" {
		rel, p = "", path
	}
	if j.Kind == "terms" {
		// Another language's list of terms has its own pages.
		rel, p = "", TermsPath
	}
	return rel, p
}

// setLanguages fills v.Languages (the switcher: every language, the
// page's own marked Current, a missing translation leading to section)
// and v.Alternates (the languages that have this same page, and
// x-default, for <link rel="alternate" hreflang>) in a portal of
// several languages.
func (t *Theme) setLanguages(v *View, s *site.Site, j Job) {
	if len(s.Languages) < 2 {
		return
	}
	rel, p := pageIdentity(s, j, v.Path)
	first := j.page <= 1 && v.Kind != "notfound"
	for _, l := range s.Languages {
		code := l.Config.Language
		link := LangLink{Lang: code, Name: t.word(code, "lang.name"), Current: l == s}
		target, found := v.Path, true
		if l != s {
			target, found = samePage(l, rel, p)
			if !found || v.Kind == "notfound" {
				found = false
				target = section(s, l, j.node)
			}
		}
		link.URL, link.Absolute = l.Config.BasePath()+strings.TrimPrefix(target, "/"), l.Config.Absolute(target)
		v.Languages = append(v.Languages, link)
		if found && first {
			v.Alternates = append(v.Alternates, link)
		}
	}
	if len(v.Alternates) < 2 {
		v.Alternates = nil
		return
	}
	if def := v.Alternates[0]; def.Lang == s.Languages[0].Config.Language {
		def.Lang = "x-default"
		v.Alternates = append(v.Alternates, def)
	}
}
