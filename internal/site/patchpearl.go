package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
)

// PatchPearl returns a copy of s in which doc takes the place of the
// pearl with its key, front matter and all: its title, summary, dates,
// theme area, kind, audiences, tags and related pearls may differ from
// the ones s holds. Every list the pearl is on is updated as Build would
// make it — its area's list and neighbours, the kind groups, the term
// lists and their labels, related pearls both ways, the newest — so that
// the copy equals the model built anew from the changed content. memo,
// when not nil, holds the sort keys of the last Build.
//
// It does what a save of one pearl needs, not more: ok is false, and a
// full Build is needed, when the change adds or removes a page (a term
// used by no other pearl, or left with none), when it would be an error
// (an unknown area, kind, audience or related pearl, a tag without
// letters or too long), when the addresses of its links or its headings
// changed (other documents' links and this one's are resolved against
// them), and when its draft state changed in a model without drafts.
// The problems of the model are not made again: those of s stand
// (warnings may be out of date until the next Build; the session tells
// the ones a front matter change may change anew, as SameTitles and
// TagSpellings).
//
// In a portal of several languages, s is the site of the pearl's
// language, and the copy's Languages are still those of s: Relinked puts
// it in its place among them. Nothing in the model of a language is made from the
// documents of another but the addresses of its links, which the patch
// keeps.
//
// s is left as it was and may still be read elsewhere: the copy shares
// only the documents, the resolved links and what no pearl reaches.
func (s *Site) PatchPearl(doc *content.Pearl, memo *Memo) (patched *Site, ok bool) {
	was := s.PearlByKey(doc.Key)
	if was == nil {
		return nil, false
	}
	at, before := was.at, was.Pearl
	if !sameReferences(before.Doc, doc.Doc) || (before.Draft != doc.Draft && !s.Drafts) || before.Slug != doc.Slug {
		return nil, false
	}
	n := s.clone()
	p := n.Pearls[at]
	ord := orderOf(n, memo)
	oldArea := p.Area
	oldTerms := slices.Concat(p.Audience, p.Tags)
	if p.Kind != nil {
		oldTerms = append(oldTerms, p.Kind)
	}
	bySlug := &slugIndex{s: n}
	oldOwn := ownRelated(p, bySlug)

	p.Pearl = doc
	p.Updated = UpdatedOf(doc, p.Committed)
	if !n.setTerms(p) {
		return nil, false
	}
	p.Area = nil
	if doc.Area != "" {
		i := slices.IndexFunc(n.Areas, func(a *Area) bool { return a.Slug == doc.Area })
		if i < 0 {
			return nil, false
		}
		p.Area = n.Areas[i]
	}

	// The pearl's place in the order of all pearls, then in its area.
	n.Pearls = slices.Delete(n.Pearls, at, at+1)
	i, _ := slices.BinarySearchFunc(n.Pearls, p, ord.pearls)
	n.Pearls = slices.Insert(n.Pearls, i, p)
	for k := min(at, i); k <= max(at, i); k++ {
		n.Pearls[k].at = k
	}
	p.Prev, p.Next = nil, nil
	for _, a := range []*Area{oldArea, p.Area} {
		if a != nil {
			pages := PageCount(len(a.Pearls))
			n.areaPearls(a)
			if PageCount(len(a.Pearls)) != pages {
				// A page of its list comes or goes: the model's paths
				// (Has), and the static files in their way, are Build's.
				return nil, false
			}
		}
	}

	// Every term it was or is on: the list, then the label (the first
	// pearl's spelling of a tag).
	terms := slices.Concat(oldTerms, p.Audience, p.Tags)
	if p.Kind != nil {
		terms = append(terms, p.Kind)
	}
	relabel := false
	for _, t := range unique(terms) {
		list := slices.DeleteFunc(slices.Clone(t.Pearls), func(q *Pearl) bool { return q == p })
		if p.has(t) {
			i, _ := slices.BinarySearchFunc(list, p, ord.pearls)
			list = slices.Insert(list, i, p)
		}
		if len(list) == 0 {
			return nil, false // the term's page goes
		}
		if PageCount(len(list)) != PageCount(len(t.Pearls)) {
			return nil, false // a page of its list comes or goes
		}
		t.Pearls = list
		if t.Taxonomy == "tagit" {
			if label := tagLabel(t); label != t.Label {
				t.Label, relabel = label, true
			}
		}
	}
	if relabel {
		slices.SortFunc(n.Tags, tagOrder(&ord.keys))
	}
	if !patchRelated(p, oldOwn, bySlug, ord) {
		return nil, false
	}

	// The newest: its entry again, in its place.
	n.Newest = slices.DeleteFunc(n.Newest, func(d Dated) bool { return d.Key == p.Key })
	d := Dated{Title: p.Title, Summary: p.Summary, Node: p.Node, Date: p.Date, Updated: p.Updated}
	i, _ = slices.BinarySearchFunc(n.Newest, d, newer)
	n.Newest = slices.Insert(n.Newest, i, d)

	n.Hashes = maps.Clone(s.Hashes)
	n.Hashes[p.Key] = doc.Sum
	return n, true
}

// sameReferences tells whether two versions of a document have the same
// link addresses and heading ids, and no links written as titles: what
// the links of every document are resolved with.
func sameReferences(a, b *markdown.Doc) bool {
	if a == nil || b == nil {
		return a == b
	}
	return len(a.TitleLinks) == 0 && len(b.TitleLinks) == 0 &&
		slices.EqualFunc(a.Links, b.Links, func(x, y markdown.Link) bool { return x.Dest == y.Dest }) &&
		slices.EqualFunc(a.Headings, b.Headings, func(x, y markdown.Heading) bool { return x.ID == y.ID })
}

// clone copies every area, pearl, case and term of s, and the lists
// that hold them, so the copy may be changed; the guide, pages, links
// and documents are shared; the copy's pearls are in the order of s's.
// A value some list still holds after Patch replaced it in s (an area,
// pearl or case with a new body) becomes the copy of the one with its key.
func (s *Site) clone() *Site {
	n := *s
	n.model = &model{}
	areaOf := copies(s.Areas, func(a *Area) string { return a.Key }, nil)
	pearlOf := copies(s.Pearls, func(p *Pearl) string { return p.Key }, func(p *Pearl) int { return p.at })
	caseOf := copies(s.Cases, func(c *Case) string { return c.Key }, nil)
	termOf := copies(slices.Concat(s.Tags, s.Kinds, s.Audiences), func(t *Term) string { return t.Path }, nil)
	n.Tags, n.Kinds, n.Audiences = termOf.list(s.Tags), termOf.list(s.Kinds), termOf.list(s.Audiences)
	n.Areas, n.Pearls, n.Cases = areaOf.list(s.Areas), pearlOf.list(s.Pearls), caseOf.list(s.Cases)
	n.Newest = slices.Clone(s.Newest)
	for i := range termOf.values {
		t := &termOf.values[i]
		t.Pearls = pearlOf.list(t.Pearls)
	}
	for _, a := range n.Areas {
		a.Pearls, a.Cases = pearlOf.list(a.Pearls), caseOf.list(a.Cases)
		a.Prev, a.Next = areaOf.of(a.Prev), areaOf.of(a.Next)
		groups := make([]KindGroup, len(a.ByKind))
		a.ByKind = slices.Clone(a.ByKind)
		for i, g := range a.ByKind {
			groups[i] = KindGroup{Kind: termOf.of(g.Kind), Pearls: pearlOf.list(g.Pearls)}
			a.ByKind[i] = &groups[i]
		}
	}
	for _, p := range n.Pearls {
		p.Area, p.Kind = areaOf.of(p.Area), termOf.of(p.Kind)
		p.Audience, p.Tags = termOf.list(p.Audience), termOf.list(p.Tags)
		p.Related, p.Cases = pearlOf.list(p.Related), caseOf.list(p.Cases)
		p.Prev, p.Next = pearlOf.of(p.Prev), pearlOf.of(p.Next)
	}
	for _, c := range n.Cases {
		c.Areas, c.Pearls = areaOf.list(c.Areas), pearlOf.list(c.Pearls)
	}
	if s.pearlPaths != nil {
		// The table's slugs and addresses are as they were, its pearls
		// the copies: a page of another language that links to the
		// patched pearl shows its title from there (docAt).
		t := *s.pearlPaths
		t.pearls = pearlOf.list(t.pearls)
		n.pearlPaths = &t
	}
	return &n
}

// copied maps values of one type to their copies.
type copied[T any] struct {
	from   []*T // the values copied
	values []T  // their copies, in the same order
	// at, when not nil, tells where a value was in from, for a lookup
	// without a map (the pearls, which are many); to is the map of the
	// others.
	at    func(*T) int
	to    map[*T]*T
	key   func(*T) string
	byKey map[string]*T // made when a value has no copy
}

// copies copies each of list; at, when not nil, tells each value's
// index in list (see copied).
func copies[T any](list []*T, key func(*T) string, at func(*T) int) *copied[T] {
	c := &copied[T]{from: list, values: make([]T, len(list)), at: at, key: key}
	if at == nil {
		c.to = make(map[*T]*T, len(list))
	}
	for i, v := range list {
		c.values[i] = *v
		if at == nil {
			c.to[v] = &c.values[i]
		}
	}
	return c
}

// of is v's copy, or the copy of the value with its key; nil stays nil.
func (c *copied[T]) of(v *T) *T {
	if v == nil {
		return nil
	}
	if c.at != nil {
		if i := c.at(v); i >= 0 && i < len(c.from) && c.from[i] == v {
			return &c.values[i]
		}
	} else if to, ok := c.to[v]; ok {
		return to
	}
	if c.byKey == nil {
		c.byKey = make(map[string]*T, len(c.values))
		for i := range c.values {
			c.byKey[c.key(&c.values[i])] = &c.values[i]
		}
	}
	return c.byKey[c.key(v)]
}

// list is list with each value replaced by its copy; nil stays nil.
func (c *copied[T]) list(list []*T) []*T {
	if list == nil {
		return nil
	}
	out := make([]*T, len(list))
	for i, v := range list {
		out[i] = c.of(v)
	}
	return out
}

// slugIndex finds the pearls of a site by slug: the first few by a scan
// of its pearls, which a patch's few related pearls need, then by a map
// of them all, made once (slugs do not change).
type slugIndex struct {
	s     *Site
	scans int
	m     map[string]*Pearl
}

// maxScans is the most slugs a slugIndex finds by a scan.
const maxScans = 16

func (x *slugIndex) get(slug string) *Pearl {
	if x.m == nil && x.scans < maxScans {
		x.scans++
		for _, p := range x.s.Pearls {
			if p.Slug == slug {
				return p
			}
		}
		return nil
	}
	if x.m == nil {
		x.m = make(map[string]*Pearl, len(x.s.Pearls))
		for _, p := range x.s.Pearls {
			x.m[p.Slug] = p
		}
	}
	return x.m[slug]
}

// setTerms gives p the kind, audiences and tags its front matter names,
// as Build does; false when one has no term in the model or would be an
// error.
func (s *Site) setTerms(p *Pearl) bool {
	p.Kind = nil
	if k := p.Pearl.Kind; k != "" {
		if p.Kind = termAt(s.Kinds, k); p.Kind == nil {
			return false
		}
	}
	p.Audience = nil
	for _, a := range p.Pearl.Audience {
		t := termAt(s.Audiences, a)
		if t == nil {
			return false
		}
		if !slices.Contains(p.Audience, t) {
			p.Audience = append(p.Audience, t)
		}
	}
	p.Tags = nil
	ok := true
	var tagged map[*Term]bool
	for _, slug := range tagsOf(p.Pearl, func(string, *diag.Message, ...any) { ok = false }, nil) {
		t := termAt(s.Tags, slug)
		if t == nil {
			return false
		}
		p.Tags = appendNew(p.Tags, t, &tagged)
	}
	return ok
}

// has tells whether the term t lists p.
func (p *Pearl) has(t *Term) bool {
	return p.Kind == t || slices.Contains(p.Audience, t) || slices.Contains(p.Tags, t)
}

// unique is list without repeats, in its order.
func unique[T comparable](list []T) []T {
	var out []T
	for _, v := range list {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// areaPearls makes the list of a's pearls again from the order of all
// pearls, with their neighbours and kind groups.
func (s *Site) areaPearls(a *Area) {
	a.Pearls = nil
	for _, p := range s.Pearls {
		if p.Area == a {
			joinArea(p)
		}
	}
	s.kindGroups(a)
}

// kindGroups makes a's kind groups again, as Build does.
func (s *Site) kindGroups(a *Area) {
	// One pass over the area's pearls, not one a kind: at 100,000
	// pearls each pass read every pearl again from memory.
	groups := make([]*KindGroup, len(s.Kinds))
	for _, p := range a.Pearls {
		if i := slices.Index(s.Kinds, p.Kind); i >= 0 {
			if groups[i] == nil {
				groups[i] = &KindGroup{Kind: s.Kinds[i]}
			}
			groups[i].Pearls = append(groups[i].Pearls, p)
		}
	}
	a.ByKind = nil
	for _, g := range groups {
		if g != nil {
			a.ByKind = append(a.ByKind, g)
		}
	}
}

// ownRelated is the pearls p's own related list names, once each, as
// Build resolves them; nil entries are dropped.
func ownRelated(p *Pearl, bySlug *slugIndex) []*Pearl {
	var own []*Pearl
	for _, slug := range p.Pearl.Related {
		if r := bySlug.get(slug); r != nil && !slices.Contains(own, r) {
			own = append(own, r)
		}
	}
	return own
}

// patchRelated makes the related lists of p and of the pearls its list
// named before (oldOwn) or names now again: each is its own list, then
// the pearls that name it in theirs, in the order of all pearls (Build).
// False when p's list names a pearl the model has not, or p itself.
func patchRelated(p *Pearl, oldOwn []*Pearl, bySlug *slugIndex, ord *order) bool {
	for _, slug := range p.Pearl.Related {
		if r := bySlug.get(slug); r == nil || r == p {
			return false
		}
	}
	own := ownRelated(p, bySlug)
	// Those that name p: its list named them before (then they follow
	// p's own ones) or not (then they came after).
	var namedBy []*Pearl
	for _, q := range p.Related[len(oldOwn):] {
		namedBy = append(namedBy, q)
	}
	for _, q := range oldOwn {
		if slices.Contains(ownRelated(q, bySlug), p) {
			namedBy = append(namedBy, q)
		}
	}
	p.Related = append(own, backRelated(namedBy, own, ord)...)
	for _, x := range unique(slices.Concat(oldOwn, own)) {
		xOwn := ownRelated(x, bySlug)
		back := slices.DeleteFunc(slices.Clone(x.Related[len(xOwn):]), func(q *Pearl) bool { return q == p })
		if slices.Contains(own, x) {
			back = append(back, p)
		}
		x.Related = append(xOwn, backRelated(back, xOwn, ord)...)
	}
	return true
}

// backRelated is namedBy without the pearls of own, in the order of all
// pearls.
func backRelated(namedBy, own []*Pearl, ord *order) []*Pearl {
	back := slices.DeleteFunc(unique(namedBy), func(q *Pearl) bool { return slices.Contains(own, q) })
	slices.SortFunc(back, ord.pearls)
	return back
}

// newer is the order of Site.Newest, which Build sorts and PatchPearl
// keeps: by date, newest first, then path.
func newer(x, y Dated) int { return cmp.Or(y.Date.Compare(x.Date), strings.Compare(x.Path, y.Path)) }

// order compares pearls as Build sorts them, with the sort keys of the
// last Build (Memo) and new ones for texts it had not.
type order struct {
	keys  sortKeys
	areas int
}

func orderOf(s *Site, memo *Memo) *order {
	o := &order{areas: len(s.Areas)}
	if memo != nil {
		memo.mu.Lock()
		o.keys.old = memo.keys
		memo.mu.Unlock()
	}
	return o
}

// pearls orders two pearls as Build does (see rank).
func (o *order) pearls(x, y *Pearl) int {
	return rankOf(x, o.areas, &o.keys).compare(rankOf(y, o.areas, &o.keys))
}
