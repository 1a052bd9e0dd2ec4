package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/site"
)

// siteState is what pages of one site share and what is costly to compute
// per page: the fingerprinted asset names (style.css depends on the site,
// as the theme areas' colours are appended to it) and the footer's pages.
type siteState struct {
	s *site.Site // without its Languages

	t    *Theme
	lang string // the site's language, for its words
	base string // base path, "/" or "/portaali/" ("/portaali/sv/" in Swedish)
	root string // base path without the language's folder, where the assets are
	// ogLocale is View.OGLocale.
	ogLocale string
	dates    dateWords
	urls     map[string]string // asset name ("style.css") -> URL
	files    []output.File     // assets and static files
	assets   int               // how many of files are assets, the first
	css      []byte            // the site's part of style.css (areaCSS)
	footer   []*site.Page
	deps     []string // document keys every page depends on (header, footer)
	cards    map[*site.Pearl]*Card
	places   map[placeKey]*Place
	// partials caches partials rendered once per site (View.Cached).
	partials sync.Map // cacheKey -> template.HTML
	// chrome caches the header and footer (see View.Chrome).
	chrome sync.Map // chromeKey -> template.HTML
	// navPaths are the pages the header and footer mark as current.
	navPaths map[string]bool
}

// FooterPages are the standalone pages the footer links to first when
// the portal has them, in this order; the footer links to the others
// after them, since no other place of a page links to a standalone page
// and one it left out was reached only by search.
var FooterPages = []string{"tietoa", "saavutettavuusseloste", "toimittajalle"}

// footerPages are pages in the footer's order: FooterPages first, then
// the others as they come.
func footerPages(pages []*site.Page) []*site.Page {
	rank := func(p *site.Page) int {
		if i := slices.Index(FooterPages, p.Slug); i >= 0 {
			return i
		}
		return len(FooterPages)
	}
	return slices.SortedStableFunc(slices.Values(pages), func(a, b *site.Page) int { return rank(a) - rank(b) })
}

// state returns the shared state for s, computing it once per site.
// Concurrent first calls may both compute it; the result is the same.
func (t *Theme) state(s *site.Site) *siteState {
	last := func() *siteState {
		if s.Config.LangPath == "" {
			return t.cur.Load()
		}
		v, _ := t.langs.Load(s.Config.LangPath)
		st, _ := v.(*siteState)
		return st
	}
	if st := last(); st != nil && st.s.Same(s) {
		// A copy that differs only in its Languages (a save in another
		// language) has the same state.
		return st
	}
	// The state keeps s without its Languages: a copy of s that differs
	// only in those finds the state still its own (site.Site.Same), and
	// a state kept for a language no save changes for a while must not
	// keep the other languages' models before those saves.
	alone := *s
	alone.Languages = nil
	st := &siteState{s: &alone, t: t, lang: s.Config.Language, base: s.Config.BasePath(), root: s.Config.RootPath(), ogLocale: ogLocale(s.Config.Language), dates: t.dateWords(s.Config.Language), urls: map[string]string{},
		cards: make(map[*site.Pearl]*Card, len(s.Pearls)), places: map[placeKey]*Place{},
		navPaths: map[string]bool{"/": true, "/oma-helminauha/": true}}
	// serve makes a new site on every save: the cards of the one before
	// are kept where nothing on them changed, with their HTML, so that a
	// save does not render the cards of every list again.
	before := t.cardsBefore(last())
	for i, p := range s.Pearls {
		text := cardText{Title: p.Title, URL: p.URL, Summary: p.Summary}
		if p.Area != nil {
			text.AreaSlug, text.AreaTitle = p.Area.Slug, p.Area.Title
		}
		if p.Kind != nil {
			text.KindLabel = p.Kind.Label
		}
		c := before(i, text.URL)
		if c == nil || c.cardText != text {
			c = &Card{cardText: text}
		}
		st.cards[p] = c
		if k := (placeKey{p.Area, p.Kind}); st.places[k] == nil {
			pl := &Place{Base: st.base, Home: t.word(st.lang, "crumbs.home")}
			if a := p.Area; a != nil {
				pl.AreaTitle, pl.AreaURL, pl.AreaSlug = a.Title, a.URL, a.Slug
			}
			if k := p.Kind; k != nil {
				pl.KindLabel, pl.KindURL = k.Label, k.URL
			}
			st.places[k] = pl
		}
	}
	st.css = areaCSS(s)
	if prev := last(); prev != nil && prev.root == st.root && prev.lang == st.lang && bytes.Equal(prev.css, st.css) {
		// The same theme and areas: the same assets, whose names take a
		// few milliseconds to hash.
		st.urls, st.files = prev.urls, slices.Clip(prev.files[:prev.assets])
	} else {
		byName := make(map[string][]byte, len(t.assets))
		for _, a := range t.assets {
			byName[a.name] = a.data
		}
		byName["style.css"] = append(append([]byte(nil), byName["style.css"]...), st.css...)
		if _, ok := byName[wordsModule]; ok {
			byName[wordsModule] = []byte("export default {\"oma\":" + t.scriptWords(st.lang, "js.oma.") + "};\n")
		}
		for _, a := range t.assets {
			st.fingerprint(a.name, byName, map[string]bool{})
		}
	}
	st.assets = len(st.files)
	for _, f := range t.static {
		st.files = append(st.files, output.File{Path: f.name, Data: f.data, Type: mediaType(f.name)})
	}
	st.footer = footerPages(s.Pages)
	for _, a := range s.Areas {
		st.deps = append(st.deps, a.Key)
		st.navPaths[a.Path] = true
	}
	if g := s.Guide; g != nil {
		// The header links to the guide when there is one.
		if g.Key != "" {
			st.deps = append(st.deps, g.Key)
		} else if len(g.Chapters) > 0 {
			st.deps = append(st.deps, g.Chapters[0].Key)
		}
		st.navPaths[g.Path] = true
	}
	for _, p := range st.footer {
		st.deps = append(st.deps, p.Key)
		st.navPaths[p.Path] = true
	}
	if s.Config.LangPath == "" {
		t.cur.Store(st)
	} else {
		t.langs.Store(s.Config.LangPath, st)
	}
	return st
}

// cardsBefore looks up the card of the pearl at index i of the site of
// prev (nil: none) whose address is url: the site before a save lists
// its pearls in nearly the same order (a save moves one pearl at most),
// so a card is looked for at the same index first, and by address only
// when another pearl is there.
func (t *Theme) cardsBefore(prev *siteState) func(i int, url string) *Card {
	if prev == nil {
		return func(int, string) *Card { return nil }
	}
	olds := prev.s.Pearls
	var byURL map[string]*Card
	return func(i int, url string) *Card {
		if i < len(olds) && olds[i].URL == url {
			return prev.cards[olds[i]]
		}
		if byURL == nil {
			byURL = make(map[string]*Card, len(prev.cards))
			for _, c := range prev.cards {
				byURL[c.URL] = c
			}
		}
		return byURL[url]
	}
}

// wordsModule is the asset the generator writes for each site: the
// words of the scripts every page runs, in the site's language, which
// pages would otherwise each carry (see yhteiset.js).
const wordsModule = "sanat.js"

// moduleImport finds a module's imports of a sibling asset:
// `from './oma.js'`, `import './oma.js'` and `import('./haku-sv.js')`.
var moduleImport = regexp.MustCompile(`(\b(?:from|import)\s*\(?\s*)(['"])\./([A-Za-z0-9_.-]+\.js)(['"])`)

// fingerprint gives the asset name its fingerprinted file (once) and
// returns the file's name inside assets/. A module's imports of sibling
// assets are fingerprinted first and rewritten to those names, so that a
// change in an imported module renames its importers too, and a browser
// never mixes an old module with a new one. visiting guards against
// import cycles, which would have no stable names.
func (st *siteState) fingerprint(name string, assets map[string][]byte, visiting map[string]bool) string {
	if u, ok := st.urls[name]; ok {
		return strings.TrimPrefix(u, st.root+"assets/")
	}
	data, ok := assets[name]
	if !ok || visiting[name] {
		return name
	}
	visiting[name] = true
	if path.Ext(name) == ".js" {
		data = moduleImport.ReplaceAllFunc(data, func(m []byte) []byte {
			sub := moduleImport.FindSubmatch(m)
			dep := st.fingerprint(string(sub[3]), assets, visiting)
			return []byte(string(sub[1]) + string(sub[2]) + "./" + dep + string(sub[4]))
		})
	}
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	out := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	st.urls[name] = st.root + "assets/" + out
	st.files = append(st.files, output.File{Path: "assets/" + out, Data: data, Type: mediaType(name)})
	return out
}

// Assets returns the theme's assets under fingerprinted names
// (assets/style.css -> assets/style.3f2a9c1e.css, 8 hex digits of the
// SHA-256 of the bytes) and its static files, for s.
func (t *Theme) Assets(s *site.Site) []output.File {
	return t.state(s).files
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// areaColor returns a's colour if it is a valid #rrggbb, or the palette's
// colour for its position: the value goes into CSS and SVG attributes.
func areaColor(a *site.Area) string {
	if hexColor.MatchString(a.Color) {
		return strings.ToLower(a.Color)
	}
	return site.Palette[a.Index%len(site.Palette)]
}

// areaCSS is the per-site part of the stylesheet: each theme area's colour
// as custom properties on the class teema-<slug>, with the text colour
// (black or white) that reads on it.
func areaCSS(s *site.Site) []byte {
	var b strings.Builder
	b.WriteString("\n/* Theme areas of this portal (generated) */\n")
	for _, a := range s.Areas {
		c := areaColor(a)
		fmt.Fprintf(&b, ".teema-%s{--teema:%s;--teema-ink:%s}\n", a.Slug, c, inkOn(c))
	}
	return []byte(b.String())
}

// inkOn returns the text colour, white or near-black, with the higher
// contrast on the background colour c (#rrggbb).
func inkOn(c string) string {
	l := luminance(c)
	white := 1.05 / (l + 0.05)
	black := (l + 0.05) / (luminance("#1b1f24") + 0.05)
	if white >= black {
		return "#ffffff"
	}
	return "#1b1f24"
}

// luminance is the WCAG relative luminance of #rrggbb.
func luminance(c string) float64 {
	ch := func(i int) float64 {
		v, _ := strconv.ParseUint(c[i:i+2], 16, 8)
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(1) + 0.7152*ch(3) + 0.0722*ch(5)
}

// Writes tells whether the theme writes the file p of every site,
// whatever its content: one of its static files, or an asset under its
// fingerprinted name (assets/style.3f2a9c1e.css for style.css). The
// model asks it of the static files before any asset is made (see
// site.Options.ThemeWrites).
func (t *Theme) Writes(p string) bool {
	for _, f := range t.static {
		if f.name == p {
			return true
		}
	}
	rest, ok := strings.CutPrefix(p, "assets/")
	if !ok {
		return false
	}
	ext := path.Ext(rest)
	i := strings.LastIndexByte(strings.TrimSuffix(rest, ext), '.')
	if i < 0 || len(rest)-len(ext)-i-1 != 8 {
		return false
	}
	if _, err := hex.DecodeString(rest[i+1 : len(rest)-len(ext)]); err != nil {
		return false
	}
	name := rest[:i] + ext
	for _, f := range t.assets {
		if f.name == name {
			return true
		}
	}
	return name == wordsModule
}
