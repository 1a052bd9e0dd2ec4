package site

import (
	"maps"
	"slices"

	"github.com/helminauha/helminauha/internal/content"
)

// Patch returns a copy of s with each of docs in place of the document
// with its key, and their hashes in Hashes. It is for a change that
// leaves every document's card alone (its front matter, the destinations
// of its links, its headings): only bodies differ, so nothing else in the
// model depends on the change, and building the model again would give
// the same values. Every slice and value it changes is copied, so s stays
// as it was and may still be read elsewhere; other values keep pointing
// to the old document's node, which shows the same card. ok is false when
// a document has no place in s.
func (s *Site) Patch(docs []content.Doc) (patched *Site, ok bool) {
	n := *s
	n.model = &model{}
	n.Hashes = maps.Clone(s.Hashes)
	for _, doc := range docs {
		c := doc.Base()
		if _, known := s.Hashes[c.Key]; !known || !n.swap(doc) {
			return nil, false
		}
		n.Hashes[c.Key] = c.Sum
	}
	return &n, true
}

// swap puts doc in place of the document with its key in s, copying what
// it changes (see Patch).
func (s *Site) swap(doc content.Doc) bool {
	ok := false
	switch d := doc.(type) {
	case *content.Pearl:
		s.Pearls, ok = replaced(s.Pearls, func(p *Pearl) bool { return p.Slug == d.Slug }, func(p *Pearl) { p.Pearl, p.Updated = d, UpdatedOf(d, p.Committed) })
	case *content.Area:
		s.Areas, ok = replaced(s.Areas, func(a *Area) bool { return a.Slug == d.Slug }, func(a *Area) { a.Area = d })
	case *content.Case:
		s.Cases, ok = replaced(s.Cases, func(c *Case) bool { return c.Slug == d.Slug }, func(c *Case) { c.Case = d })
	case *content.Page:
		s.Pages, ok = replaced(s.Pages, func(p *Page) bool { return p.Slug == d.Slug }, func(p *Page) { p.Page = d })
	case *content.Chapter:
		if s.Guide == nil {
			return false
		}
		g := *s.Guide
		s.Guide = &g
		if d.Slug == content.CoverSlug {
			if g.Cover == nil {
				return false
			}
			g.Cover = d
			return true
		}
		g.Chapters, ok = replaced(g.Chapters, func(c *Chapter) bool { return c.Slug == d.Slug }, func(c *Chapter) { c.Chapter = d })
	}
	return ok
}

// replaced returns a copy of list in which the element match picks is a
// changed copy (set changes it), leaving list and its elements as they
// were; false when no element matches.
func replaced[T any](list []*T, match func(*T) bool, set func(*T)) ([]*T, bool) {
	i := slices.IndexFunc(list, match)
	if i < 0 {
		return list, false
	}
	n := *list[i]
	set(&n)
	list = slices.Clone(list)
	list[i] = &n
	return list, true
}

// Only returns a copy of s whose lists hold only the nodes of docs, so
// that the pages about them can be listed (render's Jobs) without listing
// every page. A guide chapter brings the whole guide. In a portal of
// several languages, the copy's Languages are such copies of every
// language's site, each holding the nodes of the docs in its language
// folder (content.Common.Lang), the copy of s among them.
func (s *Site) Only(docs []content.Doc) *Site {
	if len(s.Languages) == 0 {
		return s.only(docs)
	}
	parts := make([]*Site, len(s.Languages))
	var o *Site
	for i, l := range s.Languages {
		code := l.Config.Folder()
		parts[i] = l.only(slices.DeleteFunc(slices.Clone(docs), func(d content.Doc) bool { return d.Base().Lang != code }))
		parts[i].Languages = parts
		if l == s {
			o = parts[i]
		}
	}
	return o
}

// Empty tells whether s holds no document's node (a part Only made of
// none of its language's documents).
func (s *Site) Empty() bool {
	return len(s.Areas) == 0 && len(s.Pearls) == 0 && len(s.Cases) == 0 && len(s.Pages) == 0 && s.Guide == nil
}

// only is Only within s's own language.
func (s *Site) only(docs []content.Doc) *Site {
	o := *s
	o.model = nil
	o.Areas, o.Pearls, o.Cases, o.Pages, o.Guide = nil, nil, nil, nil, nil
	o.Tags, o.Kinds, o.Audiences, o.Newest = nil, nil, nil, nil
	for _, doc := range docs {
		k := doc.Base().Key
		switch doc.(type) {
		case *content.Area:
			o.Areas = appendByKey(o.Areas, s.Areas, k, func(a *Area) string { return a.Key })
		case *content.Pearl:
			o.Pearls = appendByKey(o.Pearls, s.Pearls, k, func(p *Pearl) string { return p.Key })
		case *content.Case:
			o.Cases = appendByKey(o.Cases, s.Cases, k, func(c *Case) string { return c.Key })
		case *content.Page:
			o.Pages = appendByKey(o.Pages, s.Pages, k, func(p *Page) string { return p.Key })
		case *content.Chapter:
			o.Guide = s.Guide
		}
	}
	return &o
}

// In is the site of s's portal in the language folder code ("sv"; ""
// for the default language), nil when the portal has none.
func (s *Site) In(code string) *Site {
	if len(s.Languages) == 0 {
		if code == "" {
			return s
		}
		return nil
	}
	for _, l := range s.Languages {
		if l.Config.Folder() == code {
			return l
		}
	}
	return nil
}

// Relinked returns the default language's site of a portal whose sites
// are langs (a site's Languages, or the site alone in a portal of one
// language) with those of changed, patched copies (Patch, PatchPearl),
// in the place of the sites of their languages, and every site's
// Languages that new list: a site no patch changed is copied for it,
// and the copy is the Same as the site. changed must hold the default
// language's site (index 0).
func Relinked(langs []*Site, changed map[int]*Site) *Site {
	if len(langs) == 1 {
		return changed[0]
	}
	n := make([]*Site, len(langs))
	for i, l := range langs {
		if c, ok := changed[i]; ok {
			n[i] = c
		} else {
			c := *l
			n[i] = &c
		}
		n[i].Languages = n
	}
	return n[0]
}

// appendByKey appends to dst the element of list whose key is k, if any.
func appendByKey[T any](dst, list []*T, k string, key func(*T) string) []*T {
	if i := slices.IndexFunc(list, func(v *T) bool { return key(v) == k }); i >= 0 {
		dst = append(dst, list[i])
	}
	return dst
}
