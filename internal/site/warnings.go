package site

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
)

// MaxSummary is the longest summary, in characters, that reads well in
// lists and search results.
const MaxSummary = 300

// warnings are the problems that check prints and build lets pass.
func (b *builder) warnings() diag.List {
	var diags diag.List
	sections := content.CaseSectionsIn(b.s.Config.Language)
	for _, c := range b.s.Cases {
		caseSections(&c.Common, sections, &diags)
	}
	words := b.s.Config.PearlWords
	// Each pearl's own warnings, sorted after: the pearls are taken as
	// they were loaded (builder.loaded).
	for _, p := range b.loaded {
		pearlWords(&p.Common, words, &diags)
		relatedTwice(p.Pearl, &diags)
	}
	b.sameTitles(&diags)
	// A pearl alone in its portal (the first one of a new portal, the
	// first translated into a language) has no other pearl to be related
	// to, and the warning would only ask for the impossible.
	for _, p := range b.loaded {
		if orphan(b.s, p) {
			diags.Warn(diag.Pos{File: p.File}, diag.SiteOrphanPearl)
		}
	}
	if g := b.s.Guide; g != nil {
		for _, c := range g.Chapters {
			emptyPage(&c.Common, &diags)
		}
	}
	for _, pg := range b.s.Pages {
		emptyPage(&pg.Common, &diags)
	}
	check := func(c *content.Common) { longSummary(c, &diags) }
	for _, a := range b.s.Areas {
		check(&a.Common)
	}
	for _, p := range b.loaded {
		check(&p.Common)
	}
	for _, c := range b.s.Cases {
		check(&c.Common)
	}
	return diags
}

// sameTitles warns of two pages of one kind with the same title: lists,
// search results and the necklace would show two links a reader cannot
// tell apart.
func (b *builder) sameTitles(diags *diag.List) {
	// A map for each kind of page, so that a key is the title alone.
	// The pages are found by a hash of their title's key (titleHash),
	// which needs no key made: making the keys, each title lowered anew,
	// was half of the warnings' time at 100,000 pearls. The keys are
	// made and compared only when two hashes meet; a key whose hash
	// another key has taken goes in a map of keys (other).
	var seen map[uint64]*content.Common
	var other map[string]*content.Common
	// sameAs is the page of c's title before c, or nil.
	sameAs := func(c *content.Common, h uint64) *content.Common {
		first, dup := seen[h]
		if dup {
			// The same title has the same key: at 100,000 pearls of
			// the benchmark's portal 18 % of the titles are another
			// pearl's (3 % at 10,000), and making the first one's key
			// for each took a hundred times as long.
			if c.Title != first.Title && !titleKeyIs(c.Title, titleKey(first.Title)) {
				k := titleKey(c.Title)
				first, dup = other[k]
				if dup && c.Title != "" {
					return first
				}
				if other == nil {
					other = map[string]*content.Common{}
				}
				other[k] = c
				return nil
			}
		}
		if dup && c.Title != "" {
			return first
		}
		seen[h] = c
		return nil
	}
	warn := func(c, first *content.Common) {
		diags.Warn(c.ValuePos("title"), diag.SiteSameTitle, c.Title, first.File)
	}
	check := func(c *content.Common) {
		if first := sameAs(c, titleHash(c.Title)); first != nil {
			warn(c, first)
		}
	}
	seen, other = make(map[uint64]*content.Common, len(b.s.Areas)), nil
	for _, a := range b.s.Areas {
		check(&a.Common)
	}
	seen, other = make(map[uint64]*content.Common, len(b.s.Pearls)), nil
	// In the order of all pearls: the first of a title is the one the
	// others are told of. The hashes, made as the pearls were sorted
	// (builder.titleHashes), are put in their pearls' places with the
	// pearls taken as they were loaded (builder.loaded): in the order of
	// all pearls, reading each pearl was a miss of the processor's cache
	// at 100,000 pearls.
	hashes := make([]uint64, len(b.s.Pearls))
	docs := make([]*content.Common, len(b.s.Pearls))
	for i, p := range b.loaded {
		hashes[p.at], docs[p.at] = b.titleHashes[i], &p.Common
	}
	// The warnings are told with the pearls taken as loaded again, in
	// the order of their files: the pearl's title is found in its front
	// matter (ValuePos) where it lies in memory, and the list of problems,
	// sorted by file, has a few runs in order to merge (diag.List.Sort),
	// not a thousand.
	var dups []int
	for i, c := range docs {
		if docs[i] = sameAs(c, hashes[i]); docs[i] != nil {
			dups = append(dups, i)
		}
	}
	if len(dups) > 0 {
		oldestFirst(b.loaded, docs, dups)
	}
	for _, p := range b.loaded {
		if first := docs[p.at]; first != nil {
			warn(&p.Common, first)
		}
	}
	seen, other = make(map[uint64]*content.Common, len(b.s.Cases)), nil
	// Oldest first, as the pearls: the newer case is told of the older.
	cases := slices.Clone(b.s.Cases)
	slices.SortStableFunc(cases, func(x, y *Case) int { return x.Date.Compare(y.Date) })
	for _, c := range cases {
		check(&c.Common)
	}
	if g := b.s.Guide; g != nil {
		seen, other = make(map[uint64]*content.Common, len(g.Chapters)), nil
		for _, c := range g.Chapters {
			check(&c.Common)
		}
	}
	seen, other = make(map[uint64]*content.Common, len(b.s.Pages)), nil
	for _, p := range b.s.Pages {
		check(&p.Common)
	}
}

// oldestFirst makes the pearls of a title others share told of the oldest
// of them (by date, then in the order of all pearls) instead of the first
// in that order, which is by slug: an editor who adds a pearl of a title
// another already has is told so in the new pearl, where they are at work,
// not in the old one. docs[i] is the first of the title of the pearl at
// place i, for each place of dups, and is made the oldest, or nil for the
// oldest itself. SameTitles chooses alike.
func oldestFirst(loaded []*Pearl, docs []*content.Common, dups []int) {
	group := map[*content.Common][]*Pearl{}
	for _, i := range dups {
		group[docs[i]] = nil
	}
	for _, p := range loaded {
		if _, first := group[&p.Common]; first {
			group[&p.Common] = append(group[&p.Common], p)
		} else if f := docs[p.at]; f != nil {
			group[f] = append(group[f], p)
		}
	}
	for _, members := range group {
		o := oldestOf(members)
		for _, m := range members {
			if m == o {
				docs[m.at] = nil
			} else {
				docs[m.at] = &o.Common
			}
		}
	}
}

// oldestOf is the pearl of ps dated first, the first in the order of all
// pearls of those of that date.
func oldestOf(ps []*Pearl) *Pearl {
	o := ps[0]
	for _, p := range ps[1:] {
		if p.Date.Before(o.Date) || p.Date.Equal(o.Date) && p.at < o.at {
			o = p
		}
	}
	return o
}

// SameTitles tells anew, for a model s patched for a change of the
// front matter of the pearl at key (PatchPearl) from the model was, the
// warnings of two pearls with one title that the change may change: those
// of every pearl whose title is, as sameTitles compares them, the pearl's
// title before or now. No other pearl's can change: the patch moves only
// that pearl among the others. files are the files of those pearls, whose
// warnings of the kind (IsSameTitle) diags replaces. Comparing the two
// titles with every pearl's (titleKeyIs) takes a fraction of the time
// sameTitles takes to make every pearl's key.
func (s *Site) SameTitles(was *Site, key string) (files []string, diags diag.List) {
	var keys []string
	var before *Pearl // the pearl in was
	for _, m := range []*Site{was, s} {
		if p := m.PearlByKey(key); p != nil {
			if m == was {
				before = p
			}
			if k := titleKey(p.Title); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	of := make([][]*Pearl, len(keys))
	for _, p := range s.Pearls {
		for i, k := range keys {
			if !titleKeyIs(p.Title, k) {
				continue
			}
			files = append(files, p.File)
			of[i] = append(of[i], p)
			break
		}
	}
	// Each is told of the oldest, as sameTitles tells them.
	for _, ps := range of {
		if len(ps) < 2 {
			continue
		}
		o := oldestOf(ps)
		for _, p := range ps {
			if p != o && p.Title != "" {
				diags.Warn(p.ValuePos("title"), diag.SiteSameTitle, p.Title, o.File)
			}
		}
	}
	if before != nil && !slices.Contains(files, before.File) {
		files = append(files, before.File)
	}
	return files, diags
}

// RelatedDrafts are the warnings of pearl p for naming a draft pearl in
// its related list, as Build gives them in a model with drafts (none when
// p is a draft itself). A build patched for a change of the pearl's front
// matter that keeps its draft mark tells them anew from the model before
// and now; a change of the mark changes warnings of other documents too
// (those naming the pearl, its links), which wait for the next full model.
func RelatedDrafts(p *Pearl) diag.List {
	if p.Draft {
		return nil
	}
	// p.Related begins with the pearls of its own list, once each, in
	// its order (then come those that name it): the few to look through.
	own := p.Related[:min(len(p.Related), len(p.Pearl.Related))]
	var diags diag.List
	for _, slug := range p.Pearl.Related {
		for _, r := range own {
			if r.Slug == slug {
				if r.Draft {
					diags.Warn(p.ItemPos("related", slug), diag.SiteLinksToDraft, r.File)
				}
				break
			}
		}
	}
	return diags
}

// TitleKey is how two pages' titles are compared for the warning of two
// pages with one title (SameTitles): a session counts the pearls of each
// key to know when a save's title is another pearl's.
func TitleKey(title string) string { return titleKey(title) }

// IsRelatedDraft tells the warning of a reference to a draft pearl.
func IsRelatedDraft(e *diag.Error) bool { return e.ID() == diag.SiteLinksToDraft.ID() }

// IsSameTitle tells the warning of two pages with one title.
func IsSameTitle(e *diag.Error) bool { return e.ID() == diag.SiteSameTitle.ID() }

// titleKeyIs tells whether titleKey(title) is key, without making the
// key (which for most titles is a new string in lower case): rune by
// rune, each run of white space between words one space, each rune as
// unicode.ToLower makes it, as strings.ToLower does.
func titleKeyIs(title, key string) bool {
	k := 0
	space, started := false, false
	for _, r := range title {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			if k >= len(key) || key[k] != ' ' {
				return false
			}
			k++
			space = false
		}
		started = true
		kr, n := utf8.DecodeRuneInString(key[k:])
		if n == 0 || kr != unicode.ToLower(r) {
			return false
		}
		k += n
	}
	return k == len(key)
}

// caseSections warns of each of sections a case example has no heading
// of level 2 for.
func caseSections(c *content.Common, sections []string, diags *diag.List) {
	have := map[string]bool{}
	for _, h := range c.Doc.Headings {
		if h.Level == 2 {
			have[strings.ToLower(strings.TrimSpace(h.Text))] = true
		}
	}
	for _, s := range sections {
		if !have[strings.ToLower(s)] {
			diags.Warn(diag.Pos{File: c.File}, diag.SiteCaseSection, s)
		}
	}
}

// pearlWords warns of a pearl whose word count is outside words, unless
// words[1] is 0 (site.yaml turned the warning off).
func pearlWords(c *content.Common, words [2]int, diags *diag.List) {
	// A body over a limit has an error of its own, and no words.
	if n := c.Doc.Words(); words[1] > 0 && !c.Doc.Refused() && (n < words[0] || n > words[1]) {
		m := diag.SiteManyWords
		if n < words[0] {
			m = diag.SiteFewWords
		}
		diags.Warn(diag.Pos{File: c.File}, m, n, words[0], words[1])
	}
}

// emptyPage warns of a guide's chapter or a standalone page that has its
// settings and nothing else: it was published as a title over nothing,
// without a word, where a pearl is told its word count. (The guide's cover
// may be its title alone: it lists the chapters.)
func emptyPage(c *content.Common, diags *diag.List) {
	if c.Slug == content.CoverSlug || c.Doc.Words() > 0 || c.Doc.Refused() || c.Doc.HasWorksheet() || len(c.Doc.Links) > 0 {
		return
	}
	diags.Warn(diag.Pos{File: c.File}, diag.SiteEmptyPage)
}

func longSummary(c *content.Common, diags *diag.List) {
	// A summary of no more bytes than MaxSummary has no more characters:
	// its text is not read, which at 100,000 pearls was a miss of the
	// processor's cache a pearl.
	if len(c.Summary) <= MaxSummary {
		return
	}
	// Past config.MaxText the summary is an error of the loader.
	if n := utf8.RuneCountInString(c.Summary); n > MaxSummary && n <= config.MaxText {
		diags.Warn(c.ValuePos("summary"), diag.SiteLongSummary, n, MaxSummary)
	}
}

// DocWarnings are the warnings the model gives doc on its own, which no
// other document changes: a pearl's word count, a case example's missing
// sections, a summary too long for lists. A build patched for one
// document's new text tells these anew; of the warnings between
// documents, a patch of a pearl's front matter tells anew those of a
// pearl nothing points to (Orphan) and of pearls with one title
// (SameTitles), and the others wait for the next full model.
func (s *Site) DocWarnings(doc content.Doc) diag.List {
	var diags diag.List
	c := doc.Base()
	switch doc.(type) {
	case *content.Pearl:
		pearlWords(c, s.Config.PearlWords, &diags)
		relatedTwice(doc.(*content.Pearl), &diags)
	case *content.Case:
		caseSections(c, content.CaseSectionsIn(s.Config.Language), &diags)
	case *content.Chapter, *content.Page:
		emptyPage(c, &diags)
	}
	switch doc.(type) {
	case *content.Pearl, *content.Case, *content.Area:
		longSummary(c, &diags)
	}
	return diags
}

// relatedTwice warns of a pearl its related list names twice (once,
// however many times more): the page lists it once. A short list, as
// nearly every one is, is searched in place: a map a pearl would cost a
// 100,000-pearl build's model more than the rest of this.
func relatedTwice(p *content.Pearl, diags *diag.List) {
	list := p.Related
	if len(list) > 32 {
		seen := make(map[string]int, len(list))
		for _, slug := range list {
			if seen[slug]++; seen[slug] == 2 {
				diags.Warn(p.ItemPos("related", slug), diag.SiteRelatedTwice, slug)
			}
		}
		return
	}
	for j := 1; j < len(list); j++ {
		earlier := 0
		for _, s := range list[:j] {
			if s == list[j] {
				earlier++
			}
		}
		if earlier == 1 {
			diags.Warn(p.ItemPos("related", list[j]), diag.SiteRelatedTwice, list[j])
		}
	}
}

// DocWarning tells a warning of one of DocWarnings' kinds
// (TestDocWarningsAreTheModelsOwn holds the list to them).
func DocWarning(e *diag.Error) bool {
	switch e.ID() {
	case diag.SiteFewWords.ID(), diag.SiteManyWords.ID(), diag.SiteCaseSection.ID(), diag.SiteLongSummary.ID(), diag.SiteEmptyPage.ID(), diag.SiteRelatedTwice.ID():
		return true
	}
	return false
}

// Orphan is the warning of the pearl at key that no case example or
// related pearl points to, or nil, and the pearl (nil when there is
// none). A build patched for one pearl's new related list tells it anew
// for that pearl and for those it named before and names now.
func (s *Site) Orphan(key string) (*diag.Error, *Pearl) {
	p := s.PearlByKey(key)
	if p == nil {
		return nil, nil
	}
	if orphan(s, p) {
		return diag.Warning(diag.Pos{File: p.File}, diag.SiteOrphanPearl), p
	}
	return nil, p
}

func orphan(s *Site, p *Pearl) bool {
	return len(s.Pearls) > 1 && len(p.Related) == 0 && len(p.Cases) == 0
}

// IsOrphan tells the warning Orphan gives.
func IsOrphan(e *diag.Error) bool { return e.ID() == diag.SiteOrphanPearl.ID() }

// titleHash is a hash of titleKey(title), made without making the key
// when the title is written as titleKey leaves it but for the case of
// its letters: a hash (FNV-1a) of the lowered letters, which are those
// of strings.ToLower.
func titleHash(title string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	if plainTitle(title) {
		for _, r := range title {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
		}
		return h
	}
	for _, r := range titleKey(title) {
		h = (h ^ uint64(r)) * prime
	}
	return h
}

// plainTitle tells whether titleKey only lowers title: its words are
// separated by single spaces, and none is at either end.
func plainTitle(title string) bool {
	space := true // before the first word, as after a space
	for _, r := range title {
		s := unicode.IsSpace(r)
		if s && (r != ' ' || space) {
			return false
		}
		space = s
	}
	return !space
}

// titleKey is how sameTitles compares title: in lower case, with each
// run of white space one space and none at either end. A title written
// so already, as nearly all are, is only lowered: splitting and joining
// every title was a third of the warnings' time at 100,000 pearls.
func titleKey(title string) string {
	if plainTitle(title) {
		return strings.ToLower(title)
	}
	return strings.ToLower(strings.Join(strings.Fields(title), " "))
}
