package site

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/workers"
)

// Options control what the model holds.
type Options struct {
	// Drafts includes pearls marked draft: true (serve shows them).
	Drafts bool
	// Memo, when not nil, keeps what a build works out from text alone
	// (the Finnish sort keys of titles, how each link's address reads)
	// for the next build (serve), which then works it out only for new
	// text.
	Memo *Memo
	// LastCommits holds when each file was last committed, by its path
	// in the content folder ("helmet/x.md"), for the "Päivitetty" date
	// of a pearl without updated: (nil: none).
	LastCommits map[string]time.Time
	// Default is the default language's site when this one is another
	// language's (config.Config.LangPath set): a link in it to a site
	// path it has not, such as /toimittajalle/, may lead there.
	Default *Site
	// Labels are the names readers see of kinds and audiences in the
	// site's language, by "kind.<slug>" and "audience.<slug>" (the
	// theme's words), and the title of a guide without a cover, by
	// "nav.guide"; KindLabels, AudienceLabels and "Opas" stand in for
	// those it lacks.
	Labels map[string]string
	// NoHashes leaves Site.Hashes empty: a build that fingerprints no
	// page (one build, no session) reads none of it, and at 100,000
	// pearls the map of every document's key was a miss of the
	// processor's cache a document.
	NoHashes bool
	// ThemeWrites tells whether the theme writes a file at a path of the
	// site whatever its content (render.Theme.Writes): a static file
	// there is in its way (in the default language's site: the theme's
	// files are the root's), and a link to one (not to an asset, whose
	// fingerprint is not known then) reaches it. nil: none is looked for.
	ThemeWrites func(p string) bool
}

// Memo keeps what the last build that used it worked out from text
// alone. It is safe for concurrent use, but builds sharing one gain
// little.
type Memo struct {
	mu    sync.Mutex
	keys  map[string][]byte // collation keys by text
	dests map[dirDest]dest  // parsed link addresses
}

// Reserved are the first path segments the generator writes itself; a
// standalone page or a static file may not take them.
var Reserved = []string{"teemat", "helmet", "caset", "opas", "haku", "tagit", "tyypit", "kohderyhmat",
	"oma-helminauha", "assets", "404.html", "index.html", "sitemap.xml", "feed.xml", "robots.txt", "_headers"}

// Build makes the model from the loaded documents. It reports every broken
// reference, not only the first.
func Build(cfg *config.Config, set *content.Set, opts Options) (*Site, diag.List) {
	// Maps sized for every document up front: growing them was a tenth
	// of the model's time on large portals.
	n := len(set.Areas) + len(set.Pearls) + len(set.Cases) + len(set.Chapters) + len(set.Pages) + 1
	files := n - len(set.Pearls) // pearls are not in byFile
	b := &builder{
		s:         &Site{Config: cfg, Drafts: opts.Drafts, Static: set.Static, Thesaurus: set.Thesaurus, Hashes: map[string]content.Sum{}, model: &model{}},
		base:      strings.TrimSuffix(cfg.BasePath(), "/"),
		root:      strings.TrimSuffix(cfg.RootPath(), "/"),
		lang:      cfg.LangPath,
		def:       opts.Default,
		multi:     len(cfg.Languages) > 0,
		staticDir: cmp.Or(set.Prefix, "content") + "/" + content.DirStatic + "/",
		byFile:    make(map[string]any, files),
		byPath:    make(map[string]bool, files+len(set.Pearls)/4+64),
		labels:    opts.Labels,
		unread:    set.Unread,
		noHashes:  opts.NoHashes,
		theme:     opts.ThemeWrites,
	}
	if !opts.NoHashes {
		b.s.Hashes = make(map[string]content.Sum, n)
	}
	if len(set.Cases) > 0 {
		b.caseSlugs = make(map[string]bool, len(set.Cases))
		for _, c := range set.Cases {
			b.caseSlugs[c.Slug] = true
		}
	}
	if b.multi {
		b.s.nodes = make(map[string]Node, n)
	}
	if opts.Memo != nil {
		b.memo = true
		b.sort.keys = make(map[string][]byte, n)
		opts.Memo.mu.Lock()
		b.sort.old, b.oldDests = opts.Memo.keys, opts.Memo.dests
		opts.Memo.mu.Unlock()
	}
	b.areas(set.Areas)
	b.commits = opts.LastCommits
	b.pearls(set.Pearls, opts.Drafts)
	// The related pearls, then the warnings, and the list of the newest
	// read nothing the cases' lists of pearls, the terms and the links
	// make: they are found beside them, on the machine's other core (the
	// model had one of two), with problems of their own, put after the
	// others as before (the list is sorted).
	rel := b.part()
	var warned diag.List
	var wg sync.WaitGroup
	listed := make(chan struct{})
	wg.Go(func() {
		rel.related()
		<-listed
		warned = rel.warnings()
	})
	b.cases(set.Cases)
	wg.Go(b.newest)
	b.guide(set.Cover, set.Chapters)
	b.pages(set.Pages)
	close(listed)
	b.terms()
	b.static()
	b.s.ImageSizes = make(map[string][2]int, len(set.ImageSizes))
	for name, size := range set.ImageSizes {
		b.s.ImageSizes[b.root+"/"+addressPath(name)] = size
	}
	b.s.Lang, b.s.paths = cfg.Language, b.byPath
	b.links()
	wg.Wait()
	b.join(rel)
	b.diags.Append(warned)
	b.diags.Sort()
	b.s.work += b.work()
	if opts.Memo != nil {
		// Only what this build used is kept, so edited text does not pile
		// up.
		opts.Memo.mu.Lock()
		opts.Memo.keys, opts.Memo.dests = b.sort.keys, b.dests
		opts.Memo.mu.Unlock()
	}
	return b.s, b.diags
}

type builder struct {
	s *Site
	// unread is content.Set.Unread: documents whose own errors are
	// reported, and which are not named missing where others refer to
	// them (a theme area saved empty is one error, not one in every
	// pearl of the area).
	unread map[string]bool
	// caseSlugs are the slugs of the case examples, made before the
	// model's parts start and only read after: a pearl's related list
	// that names one is told it takes pearls only.
	caseSlugs map[string]bool
	// labels are Options.Labels.
	labels map[string]string
	// theme is Options.ThemeWrites.
	theme func(p string) bool
	base  string // base path without the trailing slash, "" or "/portaali"
	// static is how the static folder is shown in messages
	// ("content/static/").
	staticDir string
	// root is base without the language's folder (where static files
	// are), lang the folder with a slash ("sv/", "" in the default
	// language) and def the default language's site in another's.
	root, lang string
	def        *Site
	multi      bool // the portal has more than one language
	noHashes   bool // Options.NoHashes
	diags      diag.List
	sort       sortKeys // of titles and labels, with those of the last build (Options.Memo)
	// Link addresses parsed, and those of the last build, kept only
	// with Options.Memo (memo).
	dests, oldDests map[dirDest]dest
	memo            bool
	// draftsIn tells that the model holds a draft pearl (a build with
	// drafts that has one): without one, no reference names a draft in
	// the model, and finding that out needs no look at the pearl named,
	// a miss of the processor's cache at 100,000 pearls.
	draftsIn bool
	// sink keeps what pearlTable.touch reads, so that it is read.
	sink uint32
	// byFile maps a source path inside the content folder ("teemat/x.md")
	// to its model value, for link resolution; a pearl's file is found
	// by its slug in pearlBy (see file): one map of every pearl less to
	// fill, and to find in, was a miss of the processor's cache fewer a
	// pearl at 100,000 pearls.
	byFile map[string]any
	// byPath holds every site path the build writes but the pearls' (see
	// hasPath), for links written as /teemat/x/ and for collisions with
	// static files.
	byPath map[string]bool
	areaBy map[string]*Area
	// pearlBy finds the pearls of the model, by their places as loaded
	// (loaded), and their addresses.
	pearlBy *pearlTable
	drafts  map[string]*content.Pearl
	titles  map[string]string            // lower-case title -> source file, for titleLink
	titleOf map[string]map[string]string // set -> lower-case title -> name, for nearestIn
	commits map[string]time.Time         // Options.LastCommits
	// loaded are the pearls in the order they were loaded (see pearls),
	// and titleHashes the titleHash of each one's title.
	loaded      []*Pearl
	titleHashes []uint64
	// draftFiles holds the files of every draft, in the build or not.
	draftFiles map[string]bool
	// Made when a message first needs them (see suggester): the names
	// in each set a reference picks from, the heading ids of each
	// document linked with a #fragment, the static files, and the first
	// static file of each base name.
	suggest    map[string]*suggester
	headingIn  map[*markdown.Doc]*headingSet
	staticSet  map[string]bool
	staticBase map[string]string
	staticFold map[string]string // staticBase by names in lower case
}

func (b *builder) node(path, key string, sum content.Sum) Node {
	b.byPath[path] = true
	return b.nodeAt(path, b.base+path, key, sum)
}

// nodeAt is node with the address (base and path) made already, for a
// pearl: its path is not put in byPath, the table of pearls has it
// (hasPath).
func (b *builder) nodeAt(path, url, key string, sum content.Sum) Node {
	n := Node{Path: path, URL: url, Key: key}
	if key != "" {
		if !b.noHashes {
			b.s.Hashes[key] = sum
		}
		if b.multi {
			b.s.nodes[b.rel(key)] = n
		}
	}
	return n
}

// sameWeights is, for each document of list, the index of another of
// the same weight, or -1. Each of them is told, not only the one whose
// file sorts later: the editor who just gave a chapter the weight of
// another finds the error on the line they changed, whichever it is.
// A document weight tells is not ordered (ok false) is left out.
func sameWeights[D any](list []D, weight func(D) (w int, ok bool)) []int {
	first := map[int]int{}
	other := make([]int, len(list))
	for i, d := range list {
		other[i] = -1
		w, ok := weight(d)
		if !ok {
			continue
		}
		j, seen := first[w]
		if !seen {
			first[w] = i
			continue
		}
		other[i] = j
		if other[j] == -1 {
			other[j] = i
		}
	}
	return other
}

func (b *builder) areas(list []*content.Area) {
	b.areaBy = map[string]*Area{}
	if len(list) > MaxAreas {
		b.diags.Report(diag.Pos{File: strings.TrimSuffix(b.staticDir, content.DirStatic+"/") + path.Join(b.lang, content.DirAreas)}, diag.SiteTooManyAreas, len(list), MaxAreas)
	}
	// As with chapters, weight: 0 is no exception (see guide).
	other := sameWeights(list, func(a *content.Area) (int, bool) { return a.Weight, true })
	for i, a := range list {
		if j := other[i]; j >= 0 {
			b.diags.Report(a.ValuePos("weight"), diag.SiteAreaWeightTaken, a.Weight, list[j].File)
		}
		area := &Area{Area: a, Node: b.node("/teemat/"+a.Slug+"/", a.Key, a.Sum), Color: a.Color}
		b.areaBy[a.Slug] = area
		b.byFile[b.rel(a.Key)+".md"] = area
		b.s.Areas = append(b.s.Areas, area)
	}
	slices.SortStableFunc(b.s.Areas, func(x, y *Area) int {
		return cmp.Or(cmp.Compare(x.Weight, y.Weight), strings.Compare(x.Slug, y.Slug))
	})
	for i, a := range b.s.Areas {
		a.Index = i
		if a.Color == "" {
			a.Color = Palette[i%len(Palette)]
		}
		if i > 0 {
			a.Prev = b.s.Areas[i-1]
			b.s.Areas[i-1].Next = a
		}
	}
}

func (b *builder) pearls(list []*content.Pearl, withDrafts bool) {
	b.drafts = map[string]*content.Pearl{}
	b.draftFiles = map[string]bool{}
	in := make([]*content.Pearl, 0, len(list))
	slugs := make([]string, 0, len(list))
	for _, p := range list {
		if p.Draft {
			b.draftFiles[p.File] = true
		}
		if p.Draft && !withDrafts {
			b.drafts[p.Slug] = p
			b.s.LeftOut = append(b.s.LeftOut, p.File)
			continue
		}
		b.draftsIn = b.draftsIn || p.Draft
		in = append(in, p)
		slugs = append(slugs, p.Slug)
	}
	b.pearlBy = newPearlTable(slugs, b.base)
	b.s.pearlPaths = b.pearlBy
	for i, p := range in {
		pearl := &Pearl{Pearl: p, Node: b.nodeAt(b.pearlBy.path(i), b.pearlBy.url(i), p.Key, p.Sum)}
		if b.commits != nil {
			pearl.Committed = b.commits[p.Key+".md"]
		}
		pearl.Updated = UpdatedOf(p, pearl.Committed)
		if p.Area != "" {
			pearl.Area = b.areaBy[p.Area]
			if pearl.Area == nil {
				b.unknownArea(&p.Common, "theme", p.Area, diag.SiteUnknownTheme)
			}
		}
		b.s.Pearls = append(b.s.Pearls, pearl)
	}
	slices.Sort(b.s.LeftOut)
	// In the order the documents were loaded, which is the order they
	// lie in memory: a loop whose results do not depend on the order
	// of the pearls walks them so, not in the order of titles, which at
	// 100,000 pearls made each pearl a miss of the processor's cache.
	b.loaded = slices.Clone(b.s.Pearls)
	b.pearlBy.pearls = b.loaded
	// The ranks are made once per pearl, not in every comparison. The
	// pearls are sorted first on their area and the first 16 bytes of
	// the title's key (head, sortHeads), small values side by side, and only then
	// each run of one area and head on the whole rank: at 100,000
	// pearls, titles of a few common words share their first eight
	// letters by the thousand, and comparing their keys in the sort of
	// all, each a miss of the processor's cache, was most of the sort's
	// time; in a run the same few keys are read again and again.
	//
	// The keys are made on every core, each part with a cache of keys
	// of its own: the collator's keys of the titles were a fifth of the
	// model's time, which has the machine to itself.
	order := make([]headOrder, len(b.loaded))
	ranks := make([]rank, len(b.loaded))
	parts := workers.Cores(len(order), 512)
	keys := make([]sortKeys, parts)
	for g := range keys {
		// Titles are mostly unique: a key is kept only for the next
		// build (Memo).
		keys[g].old, keys[g].once = b.sort.old, !b.memo
	}
	// Each title's hash for the warning of two pearls with one title
	// (sameTitles) is made here too, while the title is at hand: made
	// there, reading every title again was a miss of the processor's
	// cache a pearl at 100,000 pearls.
	b.titleHashes = make([]uint64, len(b.loaded))
	workers.Split(len(order), parts, func(g, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := rankOf(b.loaded[i], len(b.s.Areas), &keys[g])
			ranks[i] = r
			b.titleHashes[i] = titleHash(b.loaded[i].Title)
			order[i] = headOrder{keyHead(r.key), int32(r.area), int32(i)}
		}
	})
	for _, k := range keys {
		for text, key := range k.keys {
			b.sort.keys[text] = key
		}
	}
	order = sortHeads(order)
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && order[hi].area == order[lo].area && order[hi].head == order[lo].head {
			hi++
		}
		if hi-lo > 1 {
			// Ranks are unique: the one order.
			slices.SortFunc(order[lo:hi], func(x, y headOrder) int { return ranks[x.i].compare(ranks[y.i]) })
		}
		lo = hi
	}
	// Each pearl joins its area's list as it is put in its place: a
	// second walk in the order of all pearls was a miss of the
	// processor's cache a pearl at 100,000 pearls.
	b.s.model.loadOrder = make([]int32, len(order))
	for i, o := range order {
		p := b.loaded[o.i]
		b.s.Pearls[i] = p
		p.at = i
		b.s.model.loadOrder[o.i] = int32(i)
		if p.Area != nil {
			joinArea(p)
		}
	}
}

// related makes each pearl's Related. Build runs it on a builder of its
// own (see part), beside the cases, terms and links, which read no list
// of related pearls.
func (b *builder) related() {
	// Related, both ways: first the pearl's own list, then those that
	// name it. A long list is searched through a set of its own (see
	// appendNew): a pearl that every other one names has a list as long
	// as the portal. One set of every pair was a map as large as all the
	// lists, slower to fill than the lists themselves.
	sets := map[*Pearl]map[*Pearl]bool{}
	add := func(p, r *Pearl) {
		seen := sets[p]
		had := seen != nil
		p.Related = appendNew(p.Related, r, &seen)
		if !had && seen != nil {
			sets[p] = seen
		}
	}
	// A pearl's own list is its own affair, and its problems are sorted
	// with the others: the pearls are taken as they were loaded. Each
	// pearl named is found by its place as loaded (pearlTable.find), and
	// its place in the order of all pearls is kept beside the lists
	// (named, ends), so that no pearl named is read: at 100,000 pearls
	// each was a miss of the processor's cache.
	order := b.s.model.loadOrder
	named := make([]int32, 0, len(b.loaded))
	ends := make([]int32, len(b.loaded))
	var slugs []string
	var places, buf []int
	for i, p := range b.loaded {
		if i%64 == 0 {
			// The slugs of the next 64 pearls are found together
			// (findAll).
			slugs = slugs[:0]
			for _, q := range b.loaded[i:min(i+64, len(b.loaded))] {
				slugs = append(slugs, q.Pearl.Related...)
			}
			buf = slices.Grow(buf[:0], len(slugs))[:len(slugs)]
			places = buf
			b.sink += b.pearlBy.findAll(slugs, places)
		}
		for j, slug := range p.Pearl.Related {
			k := places[j]
			if k < 0 {
				b.noPearl(&p.Common, "related", slug)
				continue
			}
			r := b.loaded[k]
			if b.draftsIn && r.Draft {
				b.draftNamed(p.ItemPos("related", slug), r)
			}
			if k == i {
				b.diags.Report(p.ItemPos("related", slug), diag.SiteRelatedSelf, slug)
				continue
			}
			had := len(p.Related)
			if add(p, r); len(p.Related) > had {
				named = append(named, order[k])
			}
		}
		ends[i] = int32(len(named))
		places = places[len(p.Pearl.Related):]
	}
	// Then those that name a pearl, in the order of all pearls. Each
	// pearl's are counted out first (by place in that order, namers),
	// so that both walks take the pearls as they were loaded: walking
	// the namers in the order of all pearls, each adding itself to the
	// lists of those it names, was two misses of the processor's cache
	// a pair at 100,000 pearls. (A list that grew in that walk held only
	// pearls that named its pearl, and so were on its pearl's list.)
	n := len(b.s.Pearls)
	start := make([]int32, n+1)
	for _, at := range named {
		start[at+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	namers := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	from := int32(0)
	for i, end := range ends {
		for _, at := range named[from:end] {
			namers[fill[at]] = order[i]
			fill[at]++
		}
		from = end
	}
	for i, r := range b.loaded {
		list := namers[start[order[i]]:start[order[i]+1]]
		slices.Sort(list)
		for _, at := range list {
			add(r, b.s.Pearls[at])
		}
	}
}

// refPearl resolves a pearl slug named in key of doc, reporting a missing
// or draft pearl.
func (b *builder) refPearl(doc *content.Common, key, slug string) *Pearl {
	if p := b.pearlBy.get(slug); p != nil {
		if b.draftsIn && p.Draft {
			// Only then: ItemPos reads the front matter again, which for
			// every reference was a tenth of the model's time.
			b.draftNamed(doc.ItemPos(key, slug), p)
		}
		return p
	}
	b.noPearl(doc, key, slug)
	return nil
}

// noPearl reports the pearl slug named in key of doc that the model has
// not: a draft left out, one not translated yet, or none.
func (b *builder) noPearl(doc *content.Common, key, slug string) {
	if _, ok := b.drafts[slug]; ok {
		b.diags.Warn(doc.ItemPos(key, slug), diag.SiteNamesDraft, key, slug)
		return
	}
	if b.unread[content.DirPearls+"/"+slug+".md"] {
		return
	}
	if _, ok := b.notTranslated(content.DirPearls + "/" + slug); ok {
		b.diags.Warn(doc.ItemPos(key, slug), diag.TranslationNotYet, key, slug, b.code(), slug)
		return
	}
	if b.caseSlugs[slug] {
		b.diags.Report(doc.ItemPos(key, slug), diag.SiteNamesCase, key, slug, slug)
		return
	}
	b.diags.Report(doc.ItemPos(key, slug), diag.SiteNoSuchPearl,
		key, slug, b.nearestIn("pearls", slug))
	return
}

// unknownArea reports the theme area slug that doc's key names and this
// language has not: one the default language has is not translated yet.
func (b *builder) unknownArea(doc *content.Common, key, slug string, m *diag.Message) {
	if b.unread[content.DirAreas+"/"+slug+".md"] {
		return
	}
	if _, ok := b.notTranslated(content.DirAreas + "/" + slug); ok {
		b.diags.Report(doc.ItemPos(key, slug), diag.TranslationAreaNotYet, key, slug, b.code(), slug)
		return
	}
	if len(b.names("areas").sorted) == 0 {
		b.diags.Report(doc.ItemPos(key, slug), diag.SiteNoAreas, slug, slug)
		return
	}
	b.diags.Report(doc.ItemPos(key, slug), m, slug, b.nearestIn("areas", slug), b.areaList())
}

// notTranslated is the default language's node of key (a document's key
// without the language's folder, "helmet/x") when this is another
// language's build, which has no such document: one not translated yet.
func (b *builder) notTranslated(key string) (Node, bool) {
	if b.def == nil {
		return Node{}, false
	}
	return b.def.ByKey(key)
}

// code is this build's language code, "" in the default language.
func (b *builder) code() string { return strings.TrimSuffix(b.lang, "/") }

// draftNamed warns when a published document at pos names the draft
// pearl p, which a build without drafts leaves out: the build with drafts
// (check, serve) says so before the published build fails or loses the
// reference.
func (b *builder) draftNamed(pos diag.Pos, p *Pearl) {
	if p.Draft && !b.draftFiles[pos.File] {
		b.diags.Warn(pos, diag.SiteLinksToDraft, p.File)
	}
}

// appendNewScan is the length from which appendNew keeps a set of the
// list, so that it compares v with at most appendNewScan-1 elements.
const appendNewScan = 16

// appendNew appends v to list unless list holds it. A list of
// appendNewScan or more is searched through seen, which appendNew keeps:
// front matter can name ten thousand tags or pearls, and searching the
// list for each took quadratic time.
func appendNew[T comparable](list []T, v T, seen *map[T]bool) []T {
	if len(list) < appendNewScan {
		if slices.Contains(list, v) {
			return list
		}
		return append(list, v)
	}
	if *seen == nil {
		*seen = make(map[T]bool, 2*len(list))
		for _, x := range list {
			(*seen)[x] = true
		}
	}
	if (*seen)[v] {
		return list
	}
	(*seen)[v] = true
	return append(list, v)
}

func (b *builder) cases(list []*content.Case) {
	for _, c := range list {
		k := &Case{Case: c, Node: b.node("/caset/"+c.Slug+"/", c.Key, c.Sum)}
		var areas map[*Area]bool
		var pearls map[*Pearl]bool
		for _, slug := range c.Areas {
			a := b.areaBy[slug]
			if a == nil {
				b.unknownArea(&c.Common, "themes", slug, diag.SiteUnknownThemes)
				continue
			}
			k.Areas = appendNew(k.Areas, a, &areas)
		}
		for _, slug := range c.Pearls {
			if p := b.refPearl(&c.Common, "pearls", slug); p != nil {
				k.Pearls = appendNew(k.Pearls, p, &pearls)
			}
		}
		b.byFile[b.rel(c.Key)+".md"] = k
		b.s.Cases = append(b.s.Cases, k)
	}
	slices.SortStableFunc(b.s.Cases, func(x, y *Case) int {
		return cmp.Or(y.Date.Compare(x.Date), b.sort.compare(x.Title, y.Title))
	})
	for _, c := range b.s.Cases {
		for _, a := range c.Areas {
			a.Cases = append(a.Cases, c)
		}
		for _, p := range c.Pearls {
			p.Cases = append(p.Cases, c)
		}
	}
}

func (b *builder) guide(cover *content.Chapter, chapters []*content.Chapter) {
	if cover == nil && len(chapters) == 0 {
		return
	}
	// A guide without a cover is named in the site's language: a Swedish
	// portal's was "Opas", under lang="sv".
	g := &Guide{Cover: cover, Title: b.label("nav.", "guide", guideTitle)}
	if cover != nil {
		g.Node = b.node("/opas/", cover.Key, cover.Sum)
		g.Title = cover.Title
		b.byFile[b.rel(cover.Key)+".md"] = g
	} else {
		g.Node = b.node("/opas/", "", content.Sum{})
	}
	// weight: 0 is a weight like any other: two chapters of weight 0
	// were read in the order of their file names without a word.
	other := sameWeights(chapters, func(c *content.Chapter) (int, bool) {
		return c.Weight, c.Slug != PrintSlug // no chapter: told below
	})
	for i, c := range chapters {
		if c.Slug == PrintSlug {
			b.diags.Report(diag.Pos{File: c.File}, diag.SitePrintSlug,
				c.Slug, PrintSlug, PrintSlug)
			continue
		}
		if j := other[i]; j >= 0 {
			b.diags.Report(c.ValuePos("weight"), diag.SiteChapterWeightTaken, c.Weight, chapters[j].File)
		}
		ch := &Chapter{Chapter: c, Node: b.node("/opas/"+c.Slug+"/", c.Key, c.Sum)}
		b.byFile[b.rel(c.Key)+".md"] = ch
		g.Chapters = append(g.Chapters, ch)
	}
	slices.SortStableFunc(g.Chapters, func(x, y *Chapter) int {
		return cmp.Or(cmp.Compare(x.Weight, y.Weight), strings.Compare(x.Slug, y.Slug))
	})
	for i, ch := range g.Chapters {
		ch.Number = i + 1
		if i > 0 {
			ch.Prev = g.Chapters[i-1]
			g.Chapters[i-1].Next = ch
		}
	}
	b.s.Guide = g
}

func (b *builder) pages(list []*content.Page) {
	for _, p := range list {
		// A page of the default language named like another language
		// would be where that language's home page goes.
		other := p.Lang == "" && slices.ContainsFunc(b.s.Config.Languages, func(l config.Language) bool { return l.Code == p.Slug })
		if slices.Contains(Reserved, p.Slug) || other {
			b.diags.Report(diag.Pos{File: p.File}, diag.SiteReservedName, p.Slug, p.Slug, p.Slug)
			continue
		}
		page := &Page{Page: p, Node: b.node("/"+p.Slug+"/", p.Key, p.Sum)}
		b.byFile[b.rel(p.Key)+".md"] = page
		b.s.Pages = append(b.s.Pages, page)
	}
}

// label is the name readers see of the kind or audience slug.
func (b *builder) label(prefix, slug string, def map[string]string) string {
	if l, ok := b.labels[prefix+slug]; ok {
		return l
	}
	return def[slug]
}

func (b *builder) terms() {
	// A tag's label is its spelling in the first pearl that has it, in
	// the order of all pearls, a published one before any draft (see
	// Term.LabelPearl): first is that pearl's place, draft its mark.
	type tagTerm struct {
		t     *Term
		first int
		draft bool
		// mixed tells that its pearls spell it in more than one way,
		// which may be other words (tagSpellings); most tags have one.
		mixed bool
	}
	tags := map[string]*tagTerm{}
	kinds := map[string]*Term{}
	auds := map[string]*Term{}
	slugs := map[string]string{}
	// Each pearl's own terms are found with the pearls taken as they
	// were loaded (builder.loaded), which at 100,000 pearls read their
	// front matter without a miss of the processor's cache each; the
	// terms' lists of pearls are made after, in the order of all pearls.
	for _, p := range b.loaded {
		if p.Pearl.Kind != "" {
			t := kinds[p.Pearl.Kind]
			if t == nil {
				t = &Term{Taxonomy: "tyypit", Slug: p.Pearl.Kind, Label: b.label("kind.", p.Pearl.Kind, KindLabels)}
				t.Node = b.node("/tyypit/"+t.Slug+"/", "", content.Sum{})
				kinds[t.Slug] = t
			}
			p.Kind = t
		}
		for _, a := range p.Pearl.Audience {
			t := auds[a]
			if t == nil {
				t = &Term{Taxonomy: "kohderyhmat", Slug: a, Label: b.label("audience.", a, AudienceLabels)}
				t.Node = b.node("/kohderyhmat/"+a+"/", "", content.Sum{})
				auds[a] = t
			}
			// A pearl is on a term's list exactly when the term is on the
			// pearl's list, which holds at most the audiences content
			// knows (content.Audiences).
			if !slices.Contains(p.Audience, t) {
				p.Audience = append(p.Audience, t)
			}
		}
		var tagged map[*Term]bool
		problem := func(tag string, m *diag.Message, args ...any) { b.diags.Report(tagPos(p.Pearl, tag), m, args...) }
		for tag, slug := range tagsOf(p.Pearl, problem, slugs) {
			tt := tags[slug]
			if tt == nil {
				tt = &tagTerm{t: &Term{Taxonomy: "tagit", Slug: slug, Label: tag}, first: p.at, draft: p.Draft}
				tt.t.Node = b.node("/tagit/"+slug+"/", "", content.Sum{})
				tags[slug] = tt
			} else {
				tt.mixed = tt.mixed || tag != tt.t.Label
				if p.Draft != tt.draft && !p.Draft || p.Draft == tt.draft && p.at < tt.first {
					tt.t.Label, tt.first, tt.draft = tag, p.at, p.Draft
				}
			}
			p.Tags = appendNew(p.Tags, tt.t, &tagged)
		}
	}
	// Each pearl's terms are laid out by its place in the order of all
	// pearls (start), with the pearls taken as loaded, and then each
	// term's list is made in that order without reading a pearl: a walk
	// of the pearls themselves in the order of all pearls read three
	// places in memory a pearl (the pearl, its audiences, its tags), each
	// a miss of the processor's cache at 100,000 pearls.
	start := make([]int32, len(b.s.Pearls)+1)
	for _, p := range b.loaded {
		n := len(p.Audience) + len(p.Tags)
		if p.Kind != nil {
			n++
		}
		start[p.at+1] = int32(n)
	}
	for i := range b.s.Pearls {
		start[i+1] += start[i]
	}
	termsOf := make([]*Term, start[len(b.s.Pearls)])
	for _, p := range b.loaded {
		k := start[p.at]
		if p.Kind != nil {
			termsOf[k] = p.Kind
			k++
		}
		k += int32(copy(termsOf[k:], p.Audience))
		copy(termsOf[k:], p.Tags)
	}
	for i, p := range b.s.Pearls {
		for _, t := range termsOf[start[i]:start[i+1]] {
			t.Pearls = append(t.Pearls, p)
		}
	}
	for _, k := range content.Kinds {
		if t := kinds[k]; t != nil {
			b.s.Kinds = append(b.s.Kinds, t)
		}
	}
	for _, a := range content.Audiences {
		if t := auds[a]; t != nil {
			b.s.Audiences = append(b.s.Audiences, t)
		}
	}
	for _, tt := range tags {
		b.s.Tags = append(b.s.Tags, tt.t)
		if tt.mixed {
			for _, p := range tt.t.Pearls {
				tagSpellings(p, tt.t, slugs, &b.diags)
			}
		}
	}
	slices.SortFunc(b.s.Tags, tagOrder(&b.sort))
	for _, a := range b.s.Areas {
		b.s.kindGroups(a)
	}
	b.written()
}

// written puts in byPath the site paths the build writes besides the
// pages of documents: each language's own generated pages and files, the
// root's alone in the default language's site (a language's /sitemap.xml
// would be /sv/sitemap.xml, which is never written: a link to the root's
// is found in the default language's site, as a page not translated is),
// the print page of a guide that has chapters, and every page of a paged
// list. A link is then checked against the files that will be there, and
// a static file in the way of any of them is found with the model's other
// problems (see static).
func (b *builder) written() {
	for _, p := range []string{"/", "/haku/", "/404.html"} {
		b.byPath[p] = true
	}
	for k := 1; k <= b.s.TermsPages(); k++ {
		b.byPath[PagePath(TermsPath, k)] = true
	}
	if b.s.HasFeed() {
		b.byPath["/feed.xml"] = true
	}
	if b.s.HasNecklace() {
		b.byPath["/oma-helminauha/"] = true
	}
	if b.lang == "" {
		for _, p := range rootOnly {
			if p != "assets" {
				b.byPath["/"+p] = true
			}
		}
	}
	if g := b.s.Guide; g != nil && len(g.Chapters) > 0 {
		b.byPath["/opas/"+PrintSlug+"/"] = true
	}
	// The first page of each list is its node's (node) or TermsPath.
	paged := func(p string, pages int) {
		for k := 2; k <= pages; k++ {
			b.byPath[PagePath(p, k)] = true
		}
	}
	for _, a := range b.s.Areas {
		paged(a.Path, PageCount(len(a.Pearls)))
	}
	for _, list := range [][]*Term{b.s.Tags, b.s.Kinds, b.s.Audiences} {
		for _, t := range list {
			paged(t.Path, PageCount(len(t.Pearls)))
		}
	}
}

// newest makes Site.Newest, in the order newer gives. Small keys are
// sorted, and the list is made in their order: sorting the values
// themselves, of eight words each, moved a large portal's list about
// many times over, each move with the garbage collector's barriers
// while it marks the heap.
func (b *builder) newest() {
	//
	// A key holds the first 16 bytes of its path too (head): of the
	// many pearls of one day, most are told apart by their heads
	// ("/helmet/" and eight bytes of the slug), without reading the
	// paths, which at 100,000 pearls are misses of the processor's cache.
	// The pearls are taken as they were loaded (builder.loaded), which is
	// how they lie in memory.
	type key struct {
		sec  int64 // Date, as Time.Compare orders it
		nsec int32
		i    int32 // in loaded, then in Cases
		head [2]uint64
		path string
	}
	keys := make([]key, 0, len(b.loaded)+len(b.s.Cases))
	for i, p := range b.loaded {
		keys = append(keys, key{p.Date.Unix(), int32(p.Date.Nanosecond()), int32(i), keyHead(p.Path), p.Path})
	}
	for i, c := range b.s.Cases {
		keys = append(keys, key{c.Date.Unix(), int32(c.Date.Nanosecond()), int32(len(b.loaded) + i), keyHead(c.Path), c.Path})
	}
	// Paths are unique, so the order is total.
	keys = newestFirst(keys, func(k key) int64 { return k.sec }, func(x, y key) int {
		if c := cmp.Or(cmp.Compare(y.sec, x.sec), cmp.Compare(y.nsec, x.nsec)); c != 0 {
			return c
		}
		if x.head != y.head {
			return cmp.Or(cmp.Compare(x.head[0], y.head[0]), cmp.Compare(x.head[1], y.head[1]))
		}
		return strings.Compare(x.path, y.path)
	})
	if len(keys) == 0 {
		return
	}
	// Each entry is written in its place with the pearls and cases taken
	// in their own order: reading them in the order of dates was a miss
	// of the processor's cache for each, writing in that order is not.
	at := make([]int32, len(keys))
	for n, k := range keys {
		at[k.i] = int32(n)
	}
	b.s.Newest = make([]Dated, len(keys))
	for i, p := range b.loaded {
		b.s.Newest[at[i]] = Dated{Title: p.Title, Summary: p.Summary, Node: p.Node, Date: p.Date, Updated: p.Updated}
	}
	for i, c := range b.s.Cases {
		b.s.Newest[at[len(b.loaded)+i]] = Dated{Title: c.Title, Summary: c.Summary, Node: c.Node, Date: c.Date}
	}
}

// static reports the static files in the way of a file the generator
// writes: one on a page, or where a page's folder goes; one on a file of
// the portal's own (the feed, the sitemap, the theme's files), or where
// its folder would be; one in a folder the portal fills with files of its
// own (the search index, the own necklace's data), whose names depend on
// the portal's size; one whose name differs from such a file's only in
// case, or that is its .gz beside it. Each language's site looks at the
// static files under its folder (sv/), the default language's at the
// rest. All are found here, with every other problem of the model: the
// build's last stage, which sees every file, runs only once the model
// has no errors, and check builds no search index, so a clash found there
// was found only after the others were fixed, one at a time.
func (b *builder) static() {
	var other []string
	if b.lang == "" {
		for _, l := range b.s.Config.Languages {
			other = append(other, l.Code+"/")
		}
	}
	for _, f := range b.s.Static {
		r, ok := strings.CutPrefix(f, b.lang)
		if !ok || slices.ContainsFunc(other, func(l string) bool { return strings.HasPrefix(f, l) }) {
			continue
		}
		if text := b.inTheWay(f, r); text.Message() != nil {
			b.diags.Add(&diag.Error{Pos: diag.Pos{File: b.staticDir + f}, Text: text})
		} else if k := b.keptAt(f); b.lang == "" && k != "" {
			// The build's last stage refused it, after check had passed,
			// at no file of the content's.
			b.diags.Add(&diag.Error{Pos: diag.Pos{File: b.staticDir + f}, Text: diag.SiteStaticKept.With(f, k)})
		}
	}
}

// keptAt is the name the output folder keeps (CNAME, or one site.yaml's
// keep names) that the static file f would be written on or inside; ""
// for none. The output folder's own list of kept names (.git and
// .nojekyll besides) is output's; a static name starting with a dot is
// no published file.
func (b *builder) keptAt(f string) string {
	for _, k := range append([]string{"CNAME"}, b.s.Config.Keep...) {
		k = strings.TrimSuffix(k, "/")
		if f == k || strings.HasPrefix(f, k+"/") {
			return k
		}
	}
	return ""
}

// inTheWay says how the static file f, at r in the language's folder, is
// in the way of a file the generator writes: on it or where its folder
// goes (generated), under a name that differs from its only in case, or
// as its .gz. No text when it is not.
func (b *builder) inTheWay(f, r string) diag.Text {
	if text, _ := b.generated(f, r); text.Message() != nil {
		return text
	}
	if lower := strings.ToLower(r); lower != r {
		if _, at := b.generated(f, lower); at != "" {
			// Named in the order the build's last stage names them; at
			// is a folder's (with /) where the file Tietoa would be.
			at = at[:min(len(at), len(r))]
			mine := r[:len(at)]
			return diag.OutputCaseClash.With(b.lang+min(at, mine), b.lang+max(at, mine))
		}
	}
	if plain, gz := strings.CutSuffix(r, ".gz"); gz {
		if _, at := b.generated(f, plain); at == plain {
			return diag.OutputGzClash.With(f, b.lang+plain, b.lang+plain)
		}
	}
	return diag.Text{}
}

// ownFiles are the files the generator writes in each language's
// folder; rootOnly the files and folders of Reserved it writes only at
// the root of the site.
var (
	ownFiles = []string{"index.html", "404.html", "feed.xml"}
	rootOnly = []string{"sitemap.xml", "robots.txt", "_headers", "assets"}
)

// generated is the problem of the static file f, at r in the language's
// folder, that is in the way of a file the generator writes, and the path
// of that file (a folder's with a trailing /); no text and "" for none.
func (b *builder) generated(f, r string) (diag.Text, string) {
	dir, base := path.Split(r)
	top, _, inside := strings.Cut(r, "/")
	own := slices.Contains(ownFiles, top) || top == "_headers" || strings.Contains(top, ".") && slices.Contains(Reserved, top)
	switch {
	case b.lang != "" && slices.Contains(rootOnly, top):
		// The root's alone: static/sv/sitemap.xml is no language's.
	case b.hasPath("/"+r) || base == "index.html" && (dir == "" || b.hasPath("/"+dir)):
		return diag.SiteStaticOverPage.With(f), r
	case b.hasPath("/" + r + "/"):
		return diag.OutputFileOverFolder.With(f, b.lang+r, b.lang+r+"/index.html"), r + "/"
	case own && inside:
		return diag.OutputFolderOverFile.With(f, b.lang+top, b.lang+top), top
	case own:
		return diag.SiteStaticOverPage.With(f), top
	case !inside && slices.Contains(Reserved, top):
		// Where a folder of the portal's goes.
		return diag.SiteStaticOverPage.With(f), top + "/"
	case inside && diag.GeneratedFolders[top] != nil:
		return diag.SiteStaticInGenerated.With(f, b.lang+top, diag.GeneratedFolders[top].With()), top + "/"
	case b.lang == "" && b.theme != nil && b.theme(r):
		// (The theme's files are the root's alone.)
		return diag.SiteStaticOverTheme.With(f), r
	}
	return diag.Text{}, ""
}

// rel is a document's key without its language's folder: how links in
// its language name it.
func (b *builder) rel(key string) string { return strings.TrimPrefix(key, b.lang) }

// tagPos is where tag is written in p's front matter; the list's place
// for "" (too many tags).
func tagPos(p *content.Pearl, tag string) diag.Pos {
	if tag == "" {
		return p.ValuePos("tags")
	}
	return p.ItemPos("tags", tag)
}

func mapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// names is the suggester for the names of set: "areas", "pearls", or a
// content folder ("helmet/"), whose files it names without .md.
func (b *builder) names(set string) *suggester {
	if g := b.suggest[set]; g != nil {
		return g
	}
	var names []string
	switch set {
	case "areas":
		names = mapKeys(b.areaBy)
	case "pearls":
		for slug := range b.pearlBy.all() {
			names = append(names, slug)
		}
		slices.Sort(names)
	default:
		for f := range b.files() {
			if rest, ok := strings.CutPrefix(f, set); ok {
				names = append(names, strings.TrimSuffix(rest, ".md"))
			}
		}
	}
	if b.suggest == nil {
		b.suggest = map[string]*suggester{}
	}
	b.suggest[set] = newSuggester(names)
	return b.suggest[set]
}

// areaList names the theme areas for a message.
func (b *builder) areaList() any { return listNames(b.names("areas").sorted, 20) }
