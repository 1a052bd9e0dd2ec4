package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/site"
)

// esc writes s escaped for XML text and attribute values.
func esc(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}

// sitemap lists every page meant to be found by search engines, with the
// day it last changed where the content says so. In a portal of several
// languages it lists every language's pages, each with its translations
// as xhtml:link alternates (hreflang, and x-default for the default
// language's page).
func sitemap(s *site.Site) []byte {
	langs := s.Sites()
	multi := len(langs) > 1
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if multi {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	} else {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	}
	for _, l := range langs {
		sitemapURLs(&b, l, langs)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sitemapURLs writes the <url> of each page of l; langs are the
// portal's languages when it has several.
func sitemapURLs(b *bytes.Buffer, l *site.Site, langs []*site.Site) {
	// add writes the page at site path p, made from the document key
	// ("" for a generated page); alt asks for its translations (not on
	// the later pages of a list).
	add := func(p, key string, alt bool, mod time.Time) {
		b.WriteString("<url><loc>")
		esc(b, l.Config.Absolute(p))
		b.WriteString("</loc>")
		if !mod.IsZero() {
			b.WriteString("<lastmod>" + mod.Format("2006-01-02") + "</lastmod>")
		}
		if len(langs) > 1 && alt {
			rel := strings.TrimPrefix(key, l.Config.LangPath)
			type alternate struct{ lang, href string }
			var alts []alternate
			for _, o := range langs {
				if q, ok := samePage(o, rel, p); ok {
					alts = append(alts, alternate{o.Config.Language, o.Config.Absolute(q)})
				}
			}
			if len(alts) > 1 {
				if alts[0].lang == langs[0].Config.Language {
					alts = append(alts, alternate{"x-default", alts[0].href})
				}
				for _, a := range alts {
					b.WriteString("\n<xhtml:link rel=\"alternate\" hreflang=\"")
					esc(b, a.lang)
					b.WriteString("\" href=\"")
					esc(b, a.href)
					b.WriteString("\"/>")
				}
			}
		}
		b.WriteString("</url>\n")
	}
	add("/", "", true, time.Time{})
	for _, a := range l.Areas {
		for k := range PageCount(len(a.Pearls)) {
			add(PagePath(a.Path, k+1), a.Key, k == 0, time.Time{})
		}
	}
	for _, p := range l.Pearls {
		add(p.Path, p.Key, true, lastChange(p.Date, p.Updated))
	}
	for _, c := range l.Cases {
		add(c.Path, c.Key, true, c.Date)
	}
	if g := l.Guide; g != nil {
		add(g.Path, g.Key, true, time.Time{})
		for _, c := range g.Chapters {
			add(c.Path, c.Key, true, time.Time{})
		}
		if len(g.Chapters) > 0 {
			add(g.Path+"kokonaan/", "", true, time.Time{})
		}
	}
	for _, p := range l.Pages {
		add(p.Path, p.Key, true, time.Time{})
	}
	for k := range l.TermsPages() {
		add(PagePath(TermsPath, k+1), "", k == 0, time.Time{})
	}
	for _, list := range [][]*site.Term{l.Tags, l.Kinds, l.Audiences} {
		for _, t := range list {
			for k := range PageCount(len(t.Pearls)) {
				add(PagePath(t.Path, k+1), "", k == 0, time.Time{})
			}
		}
	}
}

func lastChange(date, updated time.Time) time.Time {
	if updated.After(date) {
		return updated
	}
	return date
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feed is an Atom feed of the newest pearls and case examples
// (site.Site.Newest, at most FeedSize, one at least: a site of none has
// no feed). Its updated time is the newest entry's, so that two builds
// of the same content are byte-identical.
func feed(s *site.Site) []byte {
	entries := s.Newest
	if len(entries) > FeedSize {
		entries = entries[:FeedSize]
	}
	var updated time.Time
	for _, e := range entries {
		if u := lastChange(e.Date, e.Updated); u.After(updated) {
			updated = u
		}
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	esc(&b, s.Config.Language)
	b.WriteString("\">\n<title>")
	esc(&b, s.Config.Title)
	b.WriteString("</title>\n<subtitle>")
	esc(&b, s.Config.Description)
	b.WriteString("</subtitle>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"")
	esc(&b, s.Config.Absolute("/feed.xml"))
	b.WriteString("\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
	esc(&b, s.Config.Absolute("/"))
	b.WriteString("\"/>\n<id>")
	esc(&b, s.Config.Absolute("/"))
	b.WriteString("</id>\n<updated>" + atomTime(updated) + "</updated>\n<author><name>")
	esc(&b, s.Config.Title)
	b.WriteString("</name></author>\n")
	for _, e := range entries {
		u := s.Config.Absolute(e.Path)
		b.WriteString("<entry>\n<title>")
		esc(&b, e.Title)
		b.WriteString("</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
		esc(&b, u)
		b.WriteString("\"/>\n<id>")
		esc(&b, u)
		b.WriteString("</id>\n<published>" + atomTime(e.Date) + "</published>\n")
		b.WriteString("<updated>" + atomTime(lastChange(e.Date, e.Updated)) + "</updated>\n<summary>")
		esc(&b, e.Summary)
		b.WriteString("</summary>\n</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// robots allows everything and names the sitemap when the portal has a
// base URL (a sitemap's address must be absolute).
func robots(s *site.Site) []byte {
	out := "User-agent: *\nAllow: /\n"
	if s.Config.BaseURL != "" {
		out += "\nSitemap: " + s.Config.Absolute("/sitemap.xml") + "\n"
	}
	return []byte(out)
}

// CSP is the Content-Security-Policy of every page, sent in a meta tag by
// the layout and as a header by hosts that read _headers. Keep the two in
// step: base.html holds the same text.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// headers is a _headers file (read by Netlify and Cloudflare Pages; other
// hosts ignore it). Fingerprinted assets never change, so they are cached
// for a year. Other files keep the hosts' default caching (revalidate on
// every visit): a rule for /* would be merged into the asset rule's
// Cache-Control by both hosts. The header form of the policy can also
// forbid framing, which a meta tag cannot.
func headers() []byte {
	return []byte("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\n" +
		"/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n" +
		"  X-Frame-Options: DENY\n  Content-Security-Policy: " + CSP + "; frame-ancestors 'none'\n")
}

// necklaceEntry is what the reader's necklace page needs of a pearl to
// draw and list it without fetching its page, in the order of its keys
// in a shard of the necklace data (title, url, area, areaSlug, areaUrl,
// color, kind, kindLabel, summary).
type necklaceEntry [9]string

// necklaceKeys are the keys of a necklaceEntry's values.
var necklaceKeys = [9]string{"title", "url", "area", "areaSlug", "areaUrl", "color", "kind", "kindLabel", "summary"}

// NecklaceDir is the folder of the necklace data's shards, under the
// output folder (and each other language's): shard i is
// NecklaceDir + "i.json". The necklace page gives the script its URL and
// the number of shards (necklace.html).
const NecklaceDir = "oma-helminauha/helmet/"

// necklacePerShard is site.NecklacePerShard, which the tests here read.
const necklacePerShard = site.NecklacePerShard

// NecklaceShards is site.NecklaceShards: the model says which shards a
// link may reach, and the render writes them.
func NecklaceShards(pearls int) int { return site.NecklaceShards(pearls) }

// NecklaceShard is the shard, of shards, that holds the pearl slug: FNV-1a
// (32 bits) of its UTF-8 bytes modulo shards. oma-helminauha.js computes
// the same (necklaceShard); TestNecklaceShardSameInScript runs both.
func NecklaceShard(slug string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(slug); i++ {
		h ^= uint32(slug[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}

// necklaceJobs are the jobs of the shards of s's necklace data, each
// with its pearls (its node, in the order of s.Pearls) and depending on
// them and on common (the areas, whose titles and colours the entries
// hold), so that an edit of one pearl renders its shard only.
//
// layout, when not nil, is the last listing's of the site's language,
// which serve lists again on every save: the pearls it had are found in
// it by key, in order (a save moves, adds or removes a pearl or two), and
// keep their shard without hashing the slug again, and a shard whose
// pearls are all those it had, in the same order, keeps its deps, the
// same slice. Hashing every slug and cutting every shard's deps again
// was 4 ms of a title save at 10,000 pearls (benchserve profile).
func necklaceJobs(s *site.Site, common []string, layout *necklaceLayout, deps bool) []Job {
	n := NecklaceShards(len(s.Pearls))
	common = uniqueKeys(slices.Clone(common))
	// Counted first, so that the shards' pearls and deps are cut from
	// one slice each: 256 growing slices were most of the time at
	// 10,000 pearls.
	of := make([]int32, len(s.Pearls))
	start := make([]int, n+1)
	// dirty marks the shards whose pearls are not the layout's.
	dirty := make([]bool, n)
	fresh := layout == nil || layout.n != n || !slices.Equal(layout.common, common)
	if layout != nil {
		layout.mu.Lock()
		defer layout.mu.Unlock()
	}
	if fresh {
		// The pearls as they lie in memory (site.Site.LoadOrder): in the
		// order of titles, reading each slug was 90 ms of 100,000 pearls'
		// listing, 18 times 10,000's.
		for _, i := range s.LoadOrder() {
			of[i] = int32(NecklaceShard(s.Pearls[i].Slug, n))
		}
	} else {
		// A key ends with the slug (helmet/x), so a pearl of the same
		// key is in the same shard. A pearl not found at the layout's
		// place or a few places on (new, renamed, moved) is hashed, and
		// one of the layout's passed over (gone, moved) marks its shard.
		old, oldOf := layout.keys, layout.of
		j := 0
		for i, p := range s.Pearls {
			if j < len(old) && p.Key != old[j] {
				for d := 1; d <= necklaceLookAhead && j+d < len(old); d++ {
					if p.Key == old[j+d] {
						for range d {
							dirty[oldOf[j]] = true
							j++
						}
						break
					}
				}
			}
			if j < len(old) && p.Key == old[j] {
				of[i] = oldOf[j]
				j++
				continue
			}
			of[i] = int32(NecklaceShard(p.Slug, n))
			dirty[of[i]] = true
		}
		for ; j < len(old); j++ {
			dirty[oldOf[j]] = true
		}
	}
	for _, k := range of {
		start[k+1]++
	}
	for k := range n {
		start[k+1] += start[k]
	}
	pearls := make([]*site.Pearl, len(s.Pearls))
	at := slices.Clone(start[:n])
	for i, p := range s.Pearls {
		pearls[at[of[i]]] = p
		at[of[i]]++
	}
	jobs := make([]Job, n)
	if !deps {
		for k := range n {
			list := pearls[start[k]:start[k+1]:start[k+1]]
			jobs[k] = Job{Path: NecklaceDir + strconv.Itoa(k) + ".json", Kind: "necklacedata", weight: len(common) + len(list), node: necklaceShard{i: k, n: n, pearls: list}}
		}
		return jobs
	}
	size := 0
	for k := range n {
		if fresh || dirty[k] {
			size += len(common) + start[k+1] - start[k]
		}
	}
	keys := make([]string, 0, size)
	shardDeps := make([][]string, n)
	for k := range n {
		list := pearls[start[k]:start[k+1]:start[k+1]]
		if fresh || dirty[k] {
			from := len(keys)
			keys = append(keys, common...)
			for _, p := range list {
				keys = append(keys, p.Key)
			}
			shardDeps[k] = keys[from:len(keys):len(keys)]
		} else {
			shardDeps[k] = layout.deps[k]
		}
		jobs[k] = Job{Path: NecklaceDir + strconv.Itoa(k) + ".json", Kind: "necklacedata", Deps: shardDeps[k], node: necklaceShard{i: k, n: n, pearls: list}}
	}
	if layout != nil {
		// The keys of the listing before last are free again.
		ks := layout.spare[:0]
		layout.spare = layout.keys
		for _, p := range s.Pearls {
			ks = append(ks, p.Key)
		}
		layout.n, layout.keys, layout.of, layout.common, layout.deps = n, ks, of, common, shardDeps
	}
	return jobs
}

// necklaceLookAhead is how far on necklaceJobs looks in the last
// listing's pearls for one not at its place: the pearls removed at once
// that do not make every shard after them new.
const necklaceLookAhead = 4

// necklaceLayout is what a listing of the necklace data's jobs leaves
// for the next of the same language (see necklaceJobs).
type necklaceLayout struct {
	mu     sync.Mutex
	n      int        // the number of shards
	keys   []string   // the pearls' keys, in the order of the site's pearls
	of     []int32    // the shard of each
	common []string   // the deps every shard has
	deps   [][]string // the deps of each shard
	// spare is keys of the listing before, which the next listing fills
	// (10,000 keys a save otherwise).
	spare []string
}

// WholeNecklace is the necklace data file of every pearl that builds
// wrote before the shards. A theme whose files still name it (one copied
// from the built-in theme before the shards) gets it beside the shards,
// so that its necklace page keeps working; the built-in theme does not.
const WholeNecklace = "oma-helminauha/helmet.json"

// necklaceShard is the node of a necklacedata job: shard i of n, and its
// pearls; whole is WholeNecklace, every pearl, kept out of the memo.
type necklaceShard struct {
	i, n   int
	pearls []*site.Pearl
	whole  bool
}

// necklaceData is one shard of the necklace data: the pearls of the
// shard by slug. The reader's necklace script fetches the shards of the
// slugs it shows (stored or shared); a slug not in its shard is unknown.
func (t *Theme) necklaceData(s *site.Site, sh necklaceShard) ([]byte, error) {
	// An object keyed by slug (unique: the files of one folder), keys
	// sorted as encoding/json sorts a map's, written entry by entry with
	// appendJSON: encoding/json took most of a title edit's rendering in
	// serve. Each pearl's entry is kept for the next build (serve), which
	// writes again only those that changed.
	// Sorted here, not when the jobs are listed: serve lists every
	// shard's job for each save and renders one.
	pearls := slices.SortedFunc(slices.Values(sh.pearls), func(a, b *site.Pearl) int { return strings.Compare(a.Slug, b.Slug) })
	entries := &necklaceEntries{}
	if !sh.whole {
		entries = t.necklace.shard(s.Lang, sh)
	}
	entries.mu.Lock()
	defer entries.mu.Unlock()
	if entries.m == nil || len(entries.m) > 2*len(pearls)+16 {
		entries.m = make(map[string]necklaceJSON, len(pearls))
	}
	size := 3
	for _, p := range pearls {
		e := necklaceEntry{0: p.Title, 1: p.URL, 6: p.Pearl.Kind, 8: p.Summary}
		if p.Kind != nil {
			e[7] = p.Kind.Label
		}
		if p.Area != nil {
			e[2], e[3], e[4], e[5] = p.Area.Title, p.Area.Slug, p.Area.URL, areaColor(p.Area)
		}
		if old, ok := entries.m[p.URL]; !ok || old.entry != e {
			data := append(appendJSON(nil, p.Slug), ':')
			for k, v := range e {
				data = append(data, "{,"[min(k, 1)], '"')
				data = append(append(data, necklaceKeys[k]...), '"', ':')
				data = appendJSON(data, v)
			}
			entries.m[p.URL] = necklaceJSON{e, append(data, '}')}
		}
		size += len(entries.m[p.URL].data) + 1
	}
	data := make([]byte, 0, size)
	data = append(data, '{')
	for i, p := range pearls {
		if i > 0 {
			data = append(data, ',')
		}
		data = append(data, entries.m[p.URL].data...)
	}
	return append(data, '}', '\n'), nil
}

// necklaceMemo keeps each pearl's entry of the necklace data, by its
// site's language, its shard and its URL.
type necklaceMemo struct {
	mu sync.Mutex
	// Each language has its own entries: a portal's languages have
	// different numbers of pearls and so of shards.
	langs map[string][]*necklaceEntries
	// layouts are the last listing's shards of each language's pearls.
	layouts map[string]*necklaceLayout
}

// necklaceEntries are the entries of one shard, by URL; the shards of a
// build are rendered on every core at once, each under its own lock.
type necklaceEntries struct {
	mu sync.Mutex
	m  map[string]necklaceJSON
}

// shard is the entries kept of shard sh of the language lang, made anew
// when the number of shards changed (every pearl may be in another).
func (m *necklaceMemo) shard(lang string, sh necklaceShard) *necklaceEntries {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.langs == nil {
		m.langs = map[string][]*necklaceEntries{}
	}
	shards := m.langs[lang]
	if len(shards) != sh.n {
		shards = make([]*necklaceEntries, sh.n)
		for i := range shards {
			shards[i] = &necklaceEntries{}
		}
		m.langs[lang] = shards
	}
	return shards[sh.i]
}

// layout is the layout of the necklace data's shards kept for the
// language lang.
func (m *necklaceMemo) layout(lang string) *necklaceLayout {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.layouts == nil {
		m.layouts = map[string]*necklaceLayout{}
	}
	l := m.layouts[lang]
	if l == nil {
		l = &necklaceLayout{}
		m.layouts[lang] = l
	}
	return l
}

// necklaceJSON is an entry and its JSON ("slug":{...}).
type necklaceJSON struct {
	entry necklaceEntry
	data  []byte
}

// jsonSafe tells the ASCII bytes a JSON string holds as they are.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for b := range safe {
		safe[b] = b >= 0x20 && !strings.ContainsRune(`"\\<>&`, rune(b))
	}
	return safe
}()

// appendJSON appends s as a JSON string, byte for byte as encoding/json
// writes it: <, > and & escaped for HTML, U+2028 and U+2029 escaped,
// invalid UTF-8 as U+FFFD.
func appendJSON(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(dst, s[start:]...), '"')
}
