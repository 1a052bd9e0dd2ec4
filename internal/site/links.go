package site

import (
	"iter"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/workers"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

// links resolves the internal links of every document (the README's
// content format, "Links between pages"): a link to a source file (../helmet/x.md) or to a
// site path (/helmet/x/) must reach a page or static file that exists.
//
// The pearls' links are resolved on every core, each range by a builder
// of its own (see part): at 100,000 pearls they were the model's longest
// step, on one core of two. They are taken in the order they were
// loaded (builder.loaded): a pearl's links are its own, and the problems
// are sorted after.
func (b *builder) links() {
	for _, a := range b.s.Areas {
		a.Links = b.resolve(&a.Common, "teemat")
	}
	pearls := b.loaded
	parts := make([]*builder, workers.Cores(len(pearls), 2048))
	for g := range parts {
		parts[g] = b
		if g > 0 {
			parts[g] = b.part()
		}
	}
	workers.Split(len(pearls), len(parts), func(g, lo, hi int) {
		c := parts[g]
		for i := lo; i < hi; i++ {
			if (i-lo)%32 == 0 {
				c.sink += c.warmLinks(pearls[i:min(i+32, hi)])
			}
			pearls[i].Links = c.resolve(&pearls[i].Common, "helmet")
		}
	})
	for _, c := range parts[1:] {
		b.join(c)
	}
	for _, c := range b.s.Cases {
		c.Links = b.resolve(&c.Common, "caset")
	}
	if g := b.s.Guide; g != nil {
		if g.Cover != nil {
			g.Links = b.resolve(&g.Cover.Common, "opas")
		}
		for _, c := range g.Chapters {
			c.Links = b.resolve(&c.Common, "opas")
		}
	}
	for _, p := range b.s.Pages {
		p.Links = b.resolve(&p.Common, "sivut")
	}
}

// warmLinks reads the table's slots of the pearls that the links of
// pearls name as ../helmet/x.md, all before resolving any (see
// pearlTable.touch): resolved one by one, each link to a pearl waited
// for its slot, a miss of the processor's cache at 100,000 pearls. Its
// sum is for b.sink.
func (b *builder) warmLinks(pearls []*Pearl) uint32 {
	var hs [64]uint64
	n := 0
	for _, p := range pearls {
		for _, l := range p.Doc.Links {
			rest, ok := strings.CutPrefix(l.Dest, "../"+content.DirPearls+"/")
			if !ok {
				continue
			}
			if i := strings.IndexByte(rest, '#'); i >= 0 {
				rest = rest[:i]
			}
			if slug, ok := strings.CutSuffix(rest, ".md"); ok && n < len(hs) {
				hs[n], _ = b.pearlBy.hashes(slug)
				n++
			}
		}
	}
	return b.pearlBy.touch(hs[:n])
}

// part is a builder for resolving links beside b: it reads b's maps, and
// has its own problems, parsed addresses and the caches that resolving
// fills as it goes (suggestions, heading ids), which b's must not share
// between goroutines. Caches that are made whole at once and only read
// after (static files, titles) it shares when b has made them.
func (b *builder) part() *builder {
	c := *b
	c.diags, c.dests, c.suggest, c.headingIn = nil, nil, nil, nil
	return &c
}

// join takes in what part c found: its problems (in files of its own,
// so their place in the list does not change the sorted order), the
// addresses it parsed, and the work of its suggestions.
func (b *builder) join(c *builder) {
	b.diags.Append(c.diags)
	if b.memo {
		if b.dests == nil {
			b.dests = make(map[dirDest]dest, len(c.dests))
		}
		for k, d := range c.dests {
			b.dests[k] = d
		}
	}
	b.s.work += c.work()
}

// work is the edit-distance steps of b's suggestions (Site.work).
func (b *builder) work() int {
	n := 0
	for _, g := range b.suggest {
		n += g.dist.Cells
	}
	for _, h := range b.headingIn {
		if h.suggest != nil {
			n += h.suggest.dist.Cells
		}
	}
	return n
}

func (b *builder) resolve(doc *content.Common, dir string) Links {
	var out Links
	for _, l := range doc.Doc.TitleLinks {
		b.diags.Add(&diag.Error{Pos: diag.Pos{File: doc.File, Line: l.Line, Col: l.Col}, Text: b.titleLink(l)})
	}
	for _, l := range doc.Doc.Links {
		address := l.Dest
		if l.Image && markdown.RemoteImage(l.Dest) {
			own, ok := b.ownAddress(l.Dest)
			if !ok {
				b.diags.Report(diag.Pos{File: doc.File, Line: l.Line, Col: l.Col}, diag.MarkdownRemoteImage, markdown.Shorten(l.Dest), markdown.RemoteImageName(l.Dest))
				continue
			}
			// The portal's own image, written with its whole address
			// (copied from the browser's address bar): checked and
			// written as its site path, which also shows on a preview
			// or serve's address, where the whole one would be another
			// server's.
			address = own
		}
		// The address is read and its file looked up once for both
		// questions: at 100,000 pearls each lookup in the maps of every
		// address and every file is a miss of the processor's cache.
		d := b.parse(dir, address)
		target, v, err := b.target(dir, d)
		pos := diag.Pos{File: doc.File, Line: l.Line, Col: l.Col}
		if f := ownFragment(l.Dest); f != "" && d.leave && err.Message() == nil {
			// [Opit](#opit): a heading of this page.
			err = b.headingMissing(doc.Doc, f)
		}
		if err.Message() != nil {
			if name := b.hashInName(d); name != "" {
				err = diag.SiteHashInName.With(name, markdown.DestAsWritten(strings.ReplaceAll(l.Dest, "#", "%23")))
			}
			b.diags.Report(pos, diag.SiteBrokenLink, l.Dest, err)
			continue
		}
		if d.site {
			v = b.byPage(path.Clean(d.path))
		}
		if p, _ := v.(*Pearl); p != nil && b.draftsIn {
			b.draftNamed(pos, p)
		}
		if target != "" && target != l.Dest {
			if out == nil {
				out = Links{}
			}
			out[l.Dest] = target
		}
	}
	return out
}

// hashInName is the static file (its path under static/) that d, a
// broken link, names when its fragment is read back into the path: the
// file's name holds a #, written as it is, not as %23.
func (b *builder) hashInName(d dest) string {
	if d.fragment == "" || d.leave || d.msg.Message() != nil {
		return ""
	}
	name, ok := strings.TrimPrefix(d.path, "/"), d.site
	if !d.site {
		name, ok = strings.CutPrefix(d.path, "static/")
	}
	if name += "#" + d.fragment; !ok || !b.isStatic(name) {
		return ""
	}
	return name
}

// ownAddress is the site path ("/kuvat/x.png") of address when it is one
// of the portal's own, under its baseURL (site.yaml's, or --baseurl's), by
// http or https, its host in any case.
func (b *builder) ownAddress(address string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || u.Host == "" || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	for _, own := range []string{b.s.Config.BaseURL, b.s.Config.OwnURL} {
		base, err := url.Parse(own)
		if own == "" || err != nil || !strings.EqualFold(u.Host, base.Host) {
			continue
		}
		if rest, ok := strings.CutPrefix(u.Path, strings.TrimSuffix(base.Path, "/")+"/"); ok && rest != "" {
			p := "/" + rest
			if u.Fragment != "" {
				p += "#" + u.Fragment
			}
			return p, true
		}
	}
	return "", false
}

// titleLink explains a link written with spaces in its address, which
// Markdown shows as text, and names the page when the address is a title.
func (b *builder) titleLink(l markdown.Link) diag.Text {
	if file, ok := b.titled(l.Dest); ok {
		return diag.SiteTitleAsLink.With(l.Alt, file)
	}
	if fileLike(l) {
		// A file saved with a space in its name (a screenshot's
		// "Kuvakaappaus 2026-12-07 10.15.png"): the address is
		// right, the name is not one Markdown takes as it is.
		_, name := path.Split(l.Dest)
		written := "[" + l.Alt + "](<" + l.Dest + ">)"
		if l.Image {
			written = "!" + written
		}
		return diag.SiteSpaceInFileLink.With(l.Dest, strings.Join(strings.Fields(name), "-"), written)
	}
	return diag.SiteSpaceInLink.With(l.Dest)
}

// fileLike tells a link with spaces in its address that names a file, not
// a page by its title: an image, an address from the site's root or the
// file's folder, or one that ends in a file's extension (.pdf).
func fileLike(l markdown.Link) bool {
	if l.Image || strings.HasPrefix(l.Dest, "/") || strings.HasPrefix(l.Dest, "./") || strings.HasPrefix(l.Dest, "../") {
		return true
	}
	ext := path.Ext(l.Dest)
	if len(ext) < 3 || len(ext) > 6 {
		return false
	}
	for _, r := range ext[1:] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// titled is the source file of the page whose title is s, in any case.
func (b *builder) titled(s string) (string, bool) {
	if b.titles == nil {
		b.titles = map[string]string{}
		for file, v := range b.files() {
			title := ""
			if d, ok := v.(content.Doc); ok {
				title = strings.ToLower(d.Base().Title)
			}
			if old, dup := b.titles[title]; title != "" && (!dup || file < old) {
				b.titles[title] = file
			}
		}
	}
	file, ok := b.titles[strings.ToLower(strings.TrimSpace(s))]
	return file, ok
}

// nearestIn is the "did you mean" for a name of set ("areas", "pearls")
// that does not exist: the name of the area or pearl whose title the
// editor wrote, as they see it on its page and in lists, else the nearest
// name. The areas are known before the pearls are built and the pearls
// before their names are resolved, when each set's titles are listed.
func (b *builder) nearestIn(set, name string) diag.Text {
	titles := b.titleOf[set]
	if titles == nil {
		titles = map[string]string{}
		take := func(title, slug string) {
			title = strings.ToLower(title)
			if old, dup := titles[title]; !dup || slug < old {
				titles[title] = slug
			}
		}
		switch set {
		case "areas":
			for slug, a := range b.areaBy {
				take(a.Title, slug)
			}
		case "pearls":
			for _, p := range b.loaded {
				take(p.Title, p.Slug)
			}
		}
		if b.titleOf == nil {
			b.titleOf = map[string]map[string]string{}
		}
		b.titleOf[set] = titles
	}
	if slug, ok := titles[strings.ToLower(strings.TrimSpace(name))]; ok {
		return diag.DidYouMean.With(slug)
	}
	return b.names(set).nearest(name)
}

// target maps d, an address written in a document in folder dir, to
// the URL it must point to, with the page of the source file it names
// (nil for a site path). It returns "" for a link it leaves alone
// (another host, mail, an in-page #fragment), and a message when the
// link is broken.
func (b *builder) target(dir string, d dest) (string, any, diag.Text) {
	switch {
	case d.msg.Message() != nil || d.leave:
		return "", nil, d.msg
	case d.site:
		t, msg := b.sitePath(d.path, d.fragment, d.query+d.frag)
		return t, nil, msg
	}
	rel := d.path
	if strings.HasSuffix(rel, ".md") {
		v, url, ok := b.fileURL(rel)
		if !ok {
			if n, ok := b.notTranslated(strings.TrimSuffix(rel, ".md")); ok {
				// A page of the default language the translation has
				// not, as with a link to its address.
				return n.URL + d.query + d.frag, nil, diag.Text{}
			}
			if b.unread[rel] {
				return "", nil, diag.Text{}
			}
			// helmet/x.md written in a pearl is read from its folder, as
			// helmet/helmet/x.md: the page is one folder up.
			if typed := strings.TrimPrefix(rel, dir+"/"); typed != rel {
				if _, ok := b.file(typed); ok {
					return "", nil, diag.SiteLinkFromFolder.With(dir, "../"+typed+d.frag)
				}
			}
			return "", nil, b.missing(rel)
		}
		if msg := b.fragmentMissing(v, d.fragment); msg.Message() != nil {
			return "", nil, msg
		}
		return url + d.query + d.frag, v, diag.Text{}
	}
	t, msg := b.staticTarget(dir, rel)
	if t != "" {
		t += d.query + d.frag
	}
	return t, nil, msg
}

// staticTarget maps rel, the path of a link in folder dir to a file that
// is not a page, to a static file's URL.
func (b *builder) staticTarget(dir, rel string) (string, diag.Text) {
	if typed := strings.TrimPrefix(rel, dir+"/"); typed != rel && webAddress(typed) {
		return "", diag.SiteLinkNoScheme.With(typed)
	}
	if s, ok := strings.CutPrefix(rel, "static/"); ok {
		if b.isStatic(s) {
			return b.root + "/" + addressPath(s), diag.Text{}
		}
		if b.unread[rel] {
			return "", diag.Text{} // its name has an error of its own
		}
		return "", diag.SiteNoStaticFile.With(s)
	}
	if s := b.staticNamed(path.Base(rel)); s != "" {
		return "", diag.SiteStaticElsewhere.With(rel, s, s)
	}
	if base := path.Base(rel); path.Ext(base) == "" {
		// A page's name without .md ([x](verkoston-roolit)): its file,
		// in the folder the link names first, then in its own folder.
		for _, folder := range []string{path.Dir(rel), dir, content.DirPearls, content.DirCases, content.DirAreas, content.DirChapters, content.DirPages} {
			if _, ok := b.file(folder + "/" + base + ".md"); ok {
				want := "../" + folder + "/" + base + ".md"
				if folder == dir {
					want = base + ".md"
				}
				return "", diag.SiteLinkNoMD.With(rel, folder+"/"+base+".md", want)
			}
		}
	}
	// The path as the editor meant it under static/: what they wrote,
	// without the document's own folder (kuvat/x.png, not x.png).
	want := strings.TrimPrefix(rel, dir+"/")
	return "", diag.SiteNoSuchTarget.With(rel, want, want)
}

// webAddress tells whether a relative path as written (not found as a
// file) is a web address without its https://: www.example.com, or a
// name ending in a country's or a common top-level domain, then a slash
// or nothing (thl.fi/aiheet).
func webAddress(typed string) bool {
	host, _, _ := strings.Cut(typed, "/")
	if strings.HasPrefix(host, "www.") && len(host) > len("www.") {
		return true
	}
	i := strings.LastIndexByte(host, '.')
	if i <= 0 {
		return false
	}
	switch host[i+1:] {
	case "fi", "se", "com", "org", "net", "eu", "info", "io", "gov", "edu", "ax", "no", "dk", "ee", "de", "uk":
		return true
	}
	return false
}

// staticNamed is the static file (its path under static/) whose name is
// base, the first of them in path order, or else whose name is base in
// other case (Kuva.PNG for kuva.png), or "".
func (b *builder) staticNamed(base string) string {
	if b.staticBase == nil {
		b.staticBase = make(map[string]string, len(b.s.Static))
		b.staticFold = make(map[string]string, len(b.s.Static))
		for _, s := range b.s.Static {
			if _, ok := b.staticBase[path.Base(s)]; !ok {
				b.staticBase[path.Base(s)] = s
			}
			if _, ok := b.staticFold[strings.ToLower(path.Base(s))]; !ok {
				b.staticFold[strings.ToLower(path.Base(s))] = s
			}
		}
	}
	if s, ok := b.staticBase[base]; ok {
		return s
	}
	// Kuva.PNG for kuva.png: the same file on the editor's Windows or
	// Mac, but not on the web server.
	return b.staticFold[strings.ToLower(base)]
}

// dirDest is a link's address and the folder of the document it is in.
type dirDest struct{ dir, dest string }

// dest is how a link's address reads, before the model is consulted.
type dest struct {
	msg      diag.Text // why it cannot be read, or no text
	leave    bool      // another host, mail, an in-page #fragment
	site     bool      // a site path (/helmet/x/), else a path in the content folder
	path     string    // the site path, or the content path resolved against dir
	fragment string    // without '#'
	frag     string    // with '#', or ""
	query    string    // with '?', or "": a prepared search (/haku/?q=…) keeps it
}

// parse reads a link's address, remembering the answer for the next
// build when there is one (see Memo): a build alone reads most addresses
// once, and at 100,000 pearls a map of them all took three times as long
// as reading them.
func (b *builder) parse(dir, address string) dest {
	if !b.memo {
		return parseDest(dir, address)
	}
	k := dirDest{dir, address}
	d, ok := b.dests[k]
	if ok {
		return d
	}
	if d, ok = b.oldDests[k]; !ok {
		d = parseDest(dir, address)
	}
	if b.dests == nil {
		b.dests = map[dirDest]dest{}
	}
	b.dests[k] = d
	return d
}

func parseDest(dir, address string) dest {
	if d, ok := parseUp(dir, address); ok {
		return d
	}
	if msg := pasted(address); msg.Message() != nil {
		return dest{msg: msg}
	}
	return parseURL(dir, address)
}

// pasted tells of what text copied from a word processor or a web page
// brings into an address and the editor cannot tell from what they meant:
// typographic quotes around it, or a character that shows as nothing (a
// no-break space, a zero-width space, an optional hyphen). The address
// would lead nowhere, and the message said that a file that is there is
// not, or quoted the URL parser's English.
func pasted(address string) diag.Text {
	if !strings.ContainsFunc(address, func(r rune) bool { return r >= 0x80 }) {
		return diag.Text{}
	}
	curly := func(r rune) bool { return strings.ContainsRune(yamldoc.Curly, r) }
	if strings.ContainsFunc(address, curly) {
		return diag.SiteCurlyInAddress.With(without(address, curly))
	}
	blank := func(r rune) bool { return r == '\u00a0' || r == '\u202f' || markdown.Invisible(r) }
	if i := strings.IndexFunc(address, blank); i >= 0 {
		r, _ := utf8.DecodeRuneInString(address[i:])
		return diag.SiteInvisibleInAddress.With(r, without(address, blank))
	}
	return diag.Text{}
}

// without is s without the characters that drop tells.
func without(s string, drop func(rune) bool) string {
	return strings.Map(func(r rune) rune {
		if drop(r) {
			return -1
		}
		return r
	}, s)
}

// parseURL is parseDest for any address.
func parseURL(dir, address string) dest {
	u, err := url.Parse(address)
	if err != nil {
		// The parser's words are English and name no place: its
		// cases left after pasted are a space or a control
		// character, a % not followed by two digits, or a colon in
		// the first part of a path.
		return dest{msg: diag.SiteUnreadableAddress.With()}
	}
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return dest{leave: true}
	}
	d := dest{path: u.Path, fragment: u.Fragment}
	if u.Fragment != "" {
		d.frag = "#" + u.Fragment
	}
	if u.RawQuery != "" {
		d.query = "?" + u.RawQuery
	}
	if strings.HasPrefix(d.path, "/") {
		d.site = true
		return d
	}
	// Relative: resolved against the document's own folder, as the
	// editor's Markdown preview would.
	d.path = path.Clean(path.Join(dir, d.path))
	if strings.HasPrefix(d.path, "../") || d.path == ".." {
		return dest{msg: diag.SiteOutsideContent.With()}
	}
	return d
}

// parseUp is parseDest for the address nearly every link between
// documents has, ../folder/file.md with perhaps a #fragment, written
// with letters, digits, '-', '_' and '.' only: then neither url.Parse
// nor path.Clean would change a byte of it, and the path is the address
// after ../ (and before #). It reads no other address (ok false). At
// 100,000 pearls, parsing, joining and cleaning each address took a
// third of the time of resolving the links.
func parseUp(dir, address string) (d dest, ok bool) {
	rest, up := strings.CutPrefix(address, "../")
	if !up || dir == "" || dir == "." || dir == ".." || strings.IndexByte(dir, '/') >= 0 {
		return dest{}, false
	}
	p, fragment, hash := strings.Cut(rest, "#")
	if !plainPath(p) || !plainText(fragment) {
		return dest{}, false
	}
	d = dest{path: p, fragment: fragment}
	if hash && fragment != "" {
		d.frag = address[len(address)-len(fragment)-1:]
	}
	return d, true
}

// plainPath tells whether p is a relative path that path.Clean leaves as
// it is, written only in plainText: not empty, no segment empty, "." or
// "..".
func plainPath(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" || seg == "." || seg == ".." || !plainText(seg) {
			return false
		}
	}
	return true
}

// plainText tells whether s has only ASCII letters and digits, '-', '_'
// and '.', which an address holds as they are.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func (b *builder) sitePath(p, fragment, frag string) (string, diag.Text) {
	clean := path.Clean(p)
	if clean != "/" && strings.HasSuffix(p, "/") {
		clean += "/"
	}
	if b.hasPath(clean) {
		if v := b.byPage(clean); v != nil {
			if msg := b.fragmentMissing(v, fragment); msg.Message() != nil {
				return "", msg
			}
		}
		return b.base + addressPath(clean) + frag, diag.Text{}
	}
	if b.hasPath(clean + "/") {
		return b.base + addressPath(clean) + "/" + frag, diag.Text{}
	}
	if name := strings.TrimPrefix(clean, "/"); b.isStatic(name) || b.themeFile(name) {
		return b.root + addressPath(clean) + frag, diag.Text{}
	}
	if b.def != nil && (b.def.Has(clean) || b.def.Has(clean+"/")) {
		// A page of the default language the translation has not.
		if !b.def.Has(clean) {
			clean += "/"
		}
		return b.root + addressPath(clean) + frag, diag.Text{}
	}
	if built, text := b.builtFile(clean); built {
		return b.base + addressPath(clean) + frag, diag.Text{}
	} else if text.Message() != nil {
		return "", text
	}
	if name := strings.TrimPrefix(clean, "/"); b.unread[content.DirStatic+"/"+name] {
		// The file's name has an error of its own (Set.Unread).
		return "", diag.Text{}
	}
	if s := b.staticNamed(path.Base(clean)); s != "" && path.Ext(s) != "" {
		return "", diag.SiteNoAddressStatic.With(p, s, s)
	}
	if clean == "/opas/"+PrintSlug+"/" {
		// Reserved, and written only for a guide of chapters.
		return "", diag.SitePrintNoChapters.With(p)
	}
	if clean == TermsPath {
		// Reserved, and written only for a site of terms (HasTerms).
		return "", diag.SiteTermsNoPearls.With(p)
	}
	// A link to /helmet/x/ where x does not exist: name the missing file.
	parts := strings.Split(strings.Trim(clean, "/"), "/")
	if len(parts) == 2 {
		switch parts[0] {
		case "helmet", "teemat", "caset", "opas":
			if b.unread[parts[0]+"/"+parts[1]+".md"] {
				return "", diag.Text{}
			}
			return "", b.missing(parts[0] + "/" + parts[1] + ".md")
		}
	}
	return "", diag.SiteNoAddress.With(p)
}

func (b *builder) byPage(p string) any {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case len(parts) == 2:
		v, _ := b.file(parts[0] + "/" + parts[1] + ".md")
		return v
	case len(parts) == 1 && parts[0] == "opas":
		return b.byFile["opas/_index.md"]
	case len(parts) == 1:
		return b.byFile["sivut/"+parts[0]+".md"]
	}
	return nil
}

// file is the model value of the document at rel, a source path inside
// the content folder ("helmet/x.md").
func (b *builder) file(rel string) (any, bool) {
	v, _, ok := b.fileURL(rel)
	return v, ok
}

// fileURL is file with the address of the page found. A pearl's is read
// from the table of pearls (pearlTable), not from the pearl.
func (b *builder) fileURL(rel string) (any, string, bool) {
	if name, ok := strings.CutPrefix(rel, content.DirPearls+"/"); ok {
		slug, ok := strings.CutSuffix(name, ".md")
		if k := b.pearlBy.find(slug); ok && k >= 0 {
			return b.pearlBy.pearls[k], b.pearlBy.url(k), true
		}
		return nil, "", false
	}
	v, ok := b.byFile[rel]
	if !ok {
		return nil, "", false
	}
	return v, nodeOf(v).URL, true
}

// files are every document's source path inside the content folder
// ("helmet/x.md") with its model value, in no order.
func (b *builder) files() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for f, v := range b.byFile {
			if !yield(f, v) {
				return
			}
		}
		for slug, p := range b.pearlBy.all() {
			if !yield(content.DirPearls+"/"+slug+".md", p) {
				return
			}
		}
	}
}

// missing explains a link to a source file that does not exist.
func (b *builder) missing(rel string) diag.Text {
	dir, file, _ := strings.Cut(rel, "/")
	slug := strings.TrimSuffix(file, ".md")
	what := map[string]*diag.Message{"helmet": diag.WordPearl, "teemat": diag.WordArea, "caset": diag.WordCase, "opas": diag.WordChapter, "sivut": diag.WordPage}[dir]
	if what == nil {
		return diag.SiteNoFolder.With(dir)
	}
	if _, ok := b.drafts[slug]; ok && dir == "helmet" {
		return diag.SiteTargetDraft.With(slug)
	}
	return diag.SiteNoSuchFile.With(what, slug, b.names(dir+"/").nearest(slug), dir)
}

// nodeOf is the node of a page of the model.
func nodeOf(v any) *Node { return v.(interface{ Self() *Node }).Self() }

// themeFile reports whether the theme writes the file name at the root
// of every site, one of its static files (favicon.svg). Not an asset:
// its fingerprint is not known here, and Options.ThemeWrites takes any.
func (b *builder) themeFile(name string) bool {
	return b.theme != nil && !strings.HasPrefix(name, "assets/") && b.theme(name)
}

// builtFile tells whether clean is a file the build writes in a folder of
// its own whatever the content holds, which a link may reach: the search
// index's manifest (/haku/index.json) and a shard of the necklace data the
// portal's size makes (/oma-helminauha/helmet/0.json). Other names there
// depend on the size (the search index's shards) and a theme's asset on
// its content (assets/style.3f2a9c1e.css): a link to one is an error that
// says why (text), so that no build breaks it later at a line nobody
// changed.
func (b *builder) builtFile(clean string) (built bool, text diag.Text) {
	top, rest, inside := strings.Cut(strings.TrimPrefix(clean, "/"), "/")
	if !inside || rest == "" || strings.HasSuffix(rest, "/") {
		return false, diag.Text{}
	}
	switch top {
	case "haku":
		if rest == "index.json" {
			return true, diag.Text{}
		}
		return false, diag.SiteLinkGenerated.With(clean, "haku/", diag.GeneratedFolders[top].With(), "/haku/")
	case "oma-helminauha":
		if !b.s.HasNecklace() {
			return false, diag.Text{}
		}
		if n, ok := strings.CutPrefix(rest, "helmet/"); ok {
			n, ok = strings.CutSuffix(n, ".json")
			i, err := strconv.Atoi(n)
			if ok && err == nil && strconv.Itoa(i) == n && 0 <= i && i < NecklaceShards(len(b.s.Pearls)) {
				return true, diag.Text{}
			}
		}
		return false, diag.SiteLinkGenerated.With(clean, "oma-helminauha/", diag.GeneratedFolders[top].With(), "/oma-helminauha/")
	case "assets":
		if b.theme == nil {
			return false, diag.Text{}
		}
		name := strings.TrimPrefix(clean, "/")
		ext := path.Ext(name)
		if b.theme(name) || b.theme(strings.TrimSuffix(name, ext)+".00000000"+ext) {
			return false, diag.SiteLinkAsset.With(clean)
		}
	}
	return false, diag.Text{}
}

// isStatic reports whether name is a file under static/.
func (b *builder) isStatic(name string) bool {
	if b.staticSet == nil {
		b.staticSet = make(map[string]bool, len(b.s.Static))
		for _, f := range b.s.Static {
			b.staticSet[f] = true
		}
	}
	return b.staticSet[name]
}

// headingSet is the heading ids of one document.
type headingSet struct {
	ids     map[string]bool
	list    []string // the ids with '#', in the document's order
	suggest *suggester
}

// fragmentMissing checks #fragment against the heading ids of the target
// document.
func (b *builder) fragmentMissing(v any, fragment string) diag.Text {
	if fragment == "" {
		return diag.Text{}
	}
	var doc *markdown.Doc
	switch v := v.(type) {
	case content.Doc: // every model node embeds its document
		doc = v.Base().Doc
	case *Guide:
		if v.Cover != nil {
			doc = v.Cover.Doc
		}
	}
	if doc == nil {
		return diag.Text{}
	}
	return b.headingMissing(doc, fragment)
}

// ownFragment is the #fragment of an in-page link ([Opit](#opit)) that
// must be a heading of the page itself, or "": not #, #top (the top of
// the page in every browser), a worksheet's ids (tyopohja-1) or a
// footnote's (fn:1).
func ownFragment(address string) string {
	f, ok := strings.CutPrefix(address, "#")
	if !ok {
		return ""
	}
	if u, err := url.PathUnescape(f); err == nil {
		f = u
	}
	if f == "top" || strings.HasPrefix(f, "tyopohja-") || strings.Contains(f, ":") {
		return ""
	}
	return f
}

// headingMissing checks fragment against the heading ids of doc.
func (b *builder) headingMissing(doc *markdown.Doc, fragment string) diag.Text {
	h := b.headingIn[doc]
	if h == nil {
		h = &headingSet{ids: make(map[string]bool, len(doc.Headings))}
		for _, hd := range doc.Headings {
			h.ids[hd.ID] = true
			h.list = append(h.list, "#"+hd.ID)
		}
		if b.headingIn == nil {
			b.headingIn = map[*markdown.Doc]*headingSet{}
		}
		b.headingIn[doc] = h
	}
	if h.ids[fragment] {
		return diag.Text{}
	}
	if len(h.ids) == 0 {
		return diag.SiteNoHeadings.With(fragment)
	}
	if h.suggest == nil {
		h.suggest = newSuggester(h.list)
	}
	return diag.SiteNoHeading.With(fragment, h.suggest.nearest("#"+fragment), listNames(h.list, 20))
}

// hasPath tells whether the build writes a page at the site path p.
func (b *builder) hasPath(p string) bool { return b.byPath[p] || b.pearlBy.has(p) }

// addressPath is the path p of a file or page (read from a link, so with
// %XX escapes undone) as it goes into an address: its '%', '#' and '?'
// escaped, which would otherwise end the path or read as an escape. The
// rest is escaped where the address is written (markdown), which leaves
// a '%' before two hex digits alone: a file named x%3F.pdf was linked as
// x?.pdf, and one named "x #2.pdf" as x%20 with the fragment 2.pdf.
func addressPath(p string) string {
	if !strings.ContainsAny(p, "%#?") {
		return p
	}
	return addressEscapes.Replace(p)
}

var addressEscapes = strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F")
