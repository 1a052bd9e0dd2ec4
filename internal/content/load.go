package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/config"
	"golang.org/x/text/unicode/norm"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/internal/workers"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

type source struct {
	dir, slug, name string // name is the path inside fsys
	lang            string // the language folder, "" for the default language
	listed          bool   // the walk found a regular file (see rootfs.ReadListed)
	// misnamed tells a page saved by a name that is an error (uusi.MD,
	// Uusi.md, uusi.md.txt) or in a subfolder of its folder: not loaded,
	// and slug is the name it should have, so that the pages naming that
	// slug get no error of their own.
	misnamed bool
}

// Load reads every document under fsys. prefix is how fsys's root is
// shown in messages, usually "content".
func Load(ctx context.Context, fsys fs.FS, prefix string) (*Set, diag.List) {
	return LoadCached(ctx, fsys, prefix, nil)
}

// LoadCached is Load that takes documents parsed by an earlier load from
// cache (see Cache) instead of reading them again. A nil cache reads all.
func LoadCached(ctx context.Context, fsys fs.FS, prefix string, cache *Cache) (*Set, diag.List) {
	return LoadLanguages(ctx, fsys, prefix, Options{Cache: cache})
}

// Options say how LoadLanguages reads a content folder. The zero value
// reads every document, keeps everything of it, and keeps the bodies in
// memory.
type Options struct {
	// Cache, when set, hands back the documents no change names from an
	// earlier load instead of reading them again, and keeps this load's
	// (see Cache).
	Cache *Cache
	// Langs are the codes of the languages other than the default
	// (site.yaml's languages:), each a folder of the content folder laid
	// out as the content folder itself (sv/helmet/x.md). Their documents
	// go to Set.Translations, with keys that start with the folder
	// (sv/helmet/x).
	Langs []string
	// Default is the default language's code (site.yaml's language): a
	// folder so named is no translation's, and is told so.
	Default string
	// Bodies, when set, takes the documents' bodies (see markdown.Store);
	// without it they stay in memory.
	Bodies *markdown.Store
	// Once says that nothing reads the documents after the build they
	// are loaded for, as in a build that keeps nothing for a next one:
	// they keep no Meta once decoded and have no Sum, both of which only
	// a session's fingerprints read. Ignored with a Cache, whose
	// documents are read again.
	Once bool
	// Read, when set, is told the size in bytes of each document file
	// read (one taken from the cache is not) and how many documents the
	// load has in all, from several goroutines at once; the files are
	// read roughly in the order of the walk.
	Read func(size, of int)
}

// LoadLanguages is Load as opts say: with a cache, the other languages'
// folders, a store for the bodies (see Options).
func LoadLanguages(ctx context.Context, fsys fs.FS, prefix string, opts Options) (*Set, diag.List) {
	cache, langs := opts.Cache, opts.Langs
	var diags diag.List
	show := func(name string) string {
		// A name that is not UTF-8 is refused; it is shown with its
		// stray bytes replaced, so that the message stays readable.
		name = strings.ToValidUTF8(name, "\uFFFD")
		if prefix == "" {
			return name
		}
		return prefix + "/" + name
	}
	var sources, misnamed []source
	set := &Set{Prefix: prefix}
	// The walk depends on the languages too.
	walkKey := prefix
	if len(langs) > 0 || opts.Default != "" {
		walkKey += "\x00" + strings.Join(langs, ",") + "\x00" + opts.Default
	}
	if w := cache.lastWalk(fsys, walkKey); w != nil {
		sources, set.Static = w.sources, slices.Clone(w.static)
		diags = slices.Clone(w.diags)
		misnamed = w.misnamed
	} else {
		var files map[string]bool
		sources, set.Static, files, diags = walkContent(fsys, prefix, show, langs, opts.Default)
		sources, misnamed = splitMisnamed(sources)
		cache.setWalk(&walk{prefix: walkKey, sources: sources, misnamed: misnamed, static: slices.Clone(set.Static), diags: slices.Clone(diags), files: files})
	}
	for _, s := range misnamed {
		// Its name's error is the one to fix; the pages that name it or
		// link to it by the name it should have are right.
		set.of(s.lang).unread(s.dir, s.slug)
	}
	for _, e := range diags {
		// So is a static file whose name has a letter saved as two
		// (työkalu.png as a Mac saves it): a link to it, typed, is right.
		if e.ID() != diag.ContentDecomposedName.ID() {
			continue
		}
		if rel, ok := strings.CutPrefix(e.Pos.File, prefix+"/"+DirStatic+"/"); ok {
			if set.Unread == nil {
				set.Unread = map[string]bool{}
			}
			set.Unread[DirStatic+"/"+norm.NFC.String(rel)] = true
		}
	}
	if len(sources) == 0 && len(diags) == 0 {
		diags.Report(diag.Pos{File: prefix}, diag.ContentNoPages)
	}

	docs := make([]any, len(sources))
	perFile := make([]diag.List, len(sources))
	var readOne func(size int)
	if opts.Read != nil {
		readOne = func(size int) { opts.Read(size, len(sources)) }
	}
	workers.RunOrAbandon(ctx, len(sources), func(i int) {
		docs[i], perFile[i] = cache.load(fsys, sources[i], show(sources[i].name), opts.Bodies, opts.Once, readOne)
	})
	if ctx.Err() != nil {
		// Cut short: the caller drops what was read.
		return set, nil
	}
	// A build's pearls are copied side by side, in the order of their
	// files (slab), and their texts after (compact): each of the model's
	// walks over all pearls then reads memory in order, which the
	// processor fetches ahead, where pearls strewn over the heap were a
	// miss of its cache each at 100,000 pearls. A session's cache keeps
	// its own.
	var slab []Pearl
	if cache == nil {
		n := 0
		for _, d := range docs {
			if _, ok := d.(*Pearl); ok {
				n++
			}
		}
		slab = make([]Pearl, 0, n)
	}
	for i, s := range sources {
		diags.Append(perFile[i])
		set := set.of(s.lang)
		if m, ok := docs[i].(misplaced); (docs[i] == nil || ok) && perFile[i].HasErrors() {
			set.unread(s.dir, s.slug)
			if ok {
				// The pages that name it where it belongs are right.
				set.unread(m.dir, s.slug)
			}
		}
		switch v := docs[i].(type) {
		case *Area:
			set.Areas = append(set.Areas, v)
		case *Pearl:
			if slab != nil {
				slab = append(slab, *v)
				v = &slab[len(slab)-1]
			}
			set.Pearls = append(set.Pearls, v)
		case *Case:
			set.Cases = append(set.Cases, v)
		case *Chapter:
			if s.slug == CoverSlug {
				set.Cover = v
			} else {
				set.Chapters = append(set.Chapters, v)
			}
		case *Page:
			set.Pages = append(set.Pages, v)
		}
	}
	if len(slab) > 0 {
		// And their texts and lists, each pearl's after the last's: the
		// model reads the titles, related lists and tags of all pearls
		// in this order.
		docs := make([]Doc, len(slab))
		for i := range slab {
			docs[i] = &slab[i]
		}
		compact(docs...)
	}
	cache.keep(sources)
	// The thesaurus of the default language, and each other language's
	// own in its folder (content/sv/sanasto.txt).
	readThesaurus := func(name string) *Thesaurus {
		src, err := rootfs.ReadFile(fsys, name)
		if err == nil {
			t, d := ParseThesaurus(show(name), src)
			diags.Append(d)
			return t
		}
		if !errors.Is(err, fs.ErrNotExist) && !slices.ContainsFunc(diags, func(d *diag.Error) bool { return d.Pos.File == show(name) }) {
			// (A link or a pipe the walk has reported already.)
			diags.Add(rootfs.Problem(diag.Pos{File: show(name)}, err))
		}
		return nil
	}
	set.Thesaurus = readThesaurus(ThesaurusFile)
	for _, lang := range langs {
		if t := readThesaurus(lang + "/" + ThesaurusFile); t != nil {
			set.translation(lang).Thesaurus = t
		}
	}
	sort.Strings(set.Static)
	var sizes diag.List
	set.ImageSizes, sizes = images(fsys, set.Static, show)
	diags.Append(sizes)
	diags.Append(activeDocuments(fsys, set.Static, show))
	diags.Sort()
	return set, diags
}

// WellKnown is the one folder of static/ whose name starts with a dot that
// is published: /.well-known/ (security.txt, domain validation).
const WellKnown = ".well-known"

// MaxStaticPath is the most characters a path under static/ may have:
// Windows opens no path past 260 characters (the checkout's own folder
// included), and a longer address is not one a reader types or shares.
const MaxStaticPath = 200

// Hidden tells whether the loader skips a file or folder by its name: a
// hidden one (.git, .DS_Store), an editor's backup (x~, #x#), or a file
// a program keeps beside the one it saves or has open (see editorTemp).
// (In a published folder some are reported instead: see HiddenName.)
func Hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") || editorTemp(name)
}

// editorTemp tells whether a name without a leading dot is one a program
// writes beside a file it saves or has open: vim's 4913, made and removed
// at once to learn whether the folder may be written; the new text and
// the old file of a JetBrains IDE's safe write (x___jb_tmp___,
// x___jb_old___); and Microsoft Office's owner file (~$x.docx), which
// stays while the document is open. Published, they would be a stray
// file on the site; in a page folder, a warning about a file the editor
// never made.
func editorTemp(name string) bool {
	return name == "4913" || strings.HasPrefix(name, "~$") ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}

// HiddenName tells whether the file or folder (isDir) at name, a path
// with /, is skipped by its name: a hidden one (.git, .DS_Store) or an
// editor's backup (x~, #x#). published tells that the folder holding it
// is published (static/, a theme's static/ and assets/): there a hidden
// name other than what systems and editors leave (an .env, an .htaccess,
// a .git folder) is never published silently nor silently left out, and
// report is its message; and static/.well-known (security.txt, domain
// validation) is published.
func HiddenName(name string, isDir, published bool) (skip bool, report *diag.Message) {
	base := path.Base(name)
	if name == "." || !Hidden(base) || isDir && name == DirStatic+"/"+WellKnown {
		return false, nil
	}
	switch {
	case !published || leftBehind(base):
	case isDir:
		report = diag.ContentHiddenFolder
	default:
		report = diag.ContentHiddenFile
	}
	return true, report
}

// leftBehind tells whether a hidden name is one an operating system, an
// editor or a sync tool leaves beside the files it shows or edits
// (.DS_Store, ._x, vim's .x.swp, Emacs's .#x), not the user's own file.
// Some stay as long as the file is open: LibreOffice's lock
// (.~lock.x.odt#) and Kate's swap file (.x.kate-swp); others while it is
// saved or synced: gedit's .goutputstream-XXXXXX and Syncthing's
// .syncthing.x.tmp. vim's undo file (.x.un~, with `set undofile`) stays
// for good, beside the file unless undodir says otherwise. Taken for the
// user's own hidden files, they failed the build while an attachment in
// static/ was open.
func leftBehind(name string) bool {
	switch {
	case !strings.HasPrefix(name, "."):
		return true
	case name == ".DS_Store", strings.HasPrefix(name, "._"), strings.HasPrefix(name, ".#"):
		return true
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".kate-swp"), strings.HasPrefix(name, ".goutputstream-"),
		strings.HasPrefix(name, ".syncthing.") && strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, ".un~"):
		return true
	}
	ext := path.Ext(name)
	return len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z'
}

// hiddenPage tells whether name, a file in a page folder, is a page
// whose name starts with a dot (.luonnos.md), and the name it would be
// published by. Such a page is skipped as hidden files are, but an editor
// who named it so (for a draft, or a file manager that hides what it
// copies) would find it missing from the site without a word; what
// editors leave beside a page (.x.md.swp, .#x.md) is not one.
func hiddenPage(name string, d fs.DirEntry) (want string, ok bool) {
	base := path.Base(name)
	if !d.Type().IsRegular() || !strings.Contains(name, "/") || strings.HasPrefix(name, DirStatic+"/") ||
		!strings.HasPrefix(base, ".") || leftBehind(base) {
		return "", false
	}
	return pageName(strings.TrimLeft(base, "."))
}

// pageExts are the ends of the names a page gets when it is saved as
// text or by a tool with its own idea of Markdown, longest first; a name
// ending in .txt alone may be the editors' notes beside the pages.
var pageExts = []string{".md.txt", ".markdown.txt", ".markdown", ".mdown", ".mkd", ".md"}

// pageName is the name a file of a page folder, named as a page saved
// by the wrong name (uusi.md.txt, uusi.markdown, uusi.MD), should have:
// such a file would not be read, and the editor would find the page
// missing from the site with no error.
func pageName(name string) (string, bool) {
	lower := strings.ToLower(name)
	for _, ext := range pageExts {
		if strings.HasSuffix(lower, ext) {
			stem := name[:len(name)-len(ext)]
			if CheckSlug(stem).Message() != nil {
				stem = markdown.Slugify(stem)
			}
			return stem + ".md", stem != ""
		}
	}
	return "", false
}

// pageAtRoot tells whether name, a file in the content folder itself or
// in a language's folder lang, is a page: a Markdown file that starts
// with front matter. Its misnamed source is where it belongs by its keys
// (a pearl's or a case example's, see belongsIn), dir "" when they do not
// tell. A README.md is not a page: it tells those who open the folder
// on GitHub what is in it.
func pageAtRoot(fsys fs.FS, name, lang string) (source, bool) {
	base := path.Base(name)
	stem, ok := strings.CutSuffix(strings.ToLower(base), ".md")
	if !ok || stem == "readme" {
		return source{}, false
	}
	src, err := rootfs.ReadFile(fsys, name)
	if err != nil {
		return source{}, false
	}
	doc, _ := markdown.Parse(name, src)
	if !doc.HasFrontMatter {
		return source{}, false
	}
	stem = base[:len(stem)]
	if CheckSlug(stem).Message() != nil {
		stem = markdown.Slugify(stem)
	}
	return source{dir: belongsIn("", doc.Meta), slug: stem, lang: lang, misnamed: true}, true
}

// splitMisnamed splits the walk's sources into those to load and the
// misnamed pages (see source.misnamed).
func splitMisnamed(all []source) (sources, misnamed []source) {
	for _, s := range all {
		if s.misnamed {
			misnamed = append(misnamed, s)
		} else {
			sources = append(sources, s)
		}
	}
	return sources, misnamed
}

// of is the set of the language folder lang's documents: set itself for
// "" (the default language), else its translation, made when new.
func (set *Set) of(lang string) *Set {
	if lang == "" {
		return set
	}
	return set.translation(lang)
}

// unread marks the document dir/slug as one whose own errors are
// reported (Set.Unread).
func (set *Set) unread(dir, slug string) {
	if set.Unread == nil {
		set.Unread = map[string]bool{}
	}
	set.Unread[dir+"/"+slug+".md"] = true
}

// translation returns the set of the language lang's documents, made
// when new.
func (set *Set) translation(lang string) *Set {
	if set.Translations[lang] == nil {
		if set.Translations == nil {
			set.Translations = map[string]*Set{}
		}
		set.Translations[lang] = &Set{Prefix: set.Prefix}
	}
	return set.Translations[lang]
}

// walkContent walks the content folder: the documents to load, the
// static files, every regular file seen, and what is wrong with the
// folder's entries.
func walkContent(fsys fs.FS, prefix string, show func(string) string, langs []string, def string) (sources []source, static []string, files map[string]bool, diags diag.List) {
	files = map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Add(diag.New(diag.Pos{File: show(name)}, diag.ContentCannotRead, diag.Cause(err)).Because(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name == "." {
			return nil
		}
		base := path.Base(name)
		if want, ok := hiddenPage(name, d); ok {
			diags.Warn(diag.Pos{File: show(name)}, diag.ContentHiddenPage, base, want)
		}
		if skip, report := HiddenName(name, d.IsDir(), strings.HasPrefix(name, DirStatic+"/")); skip {
			if report != nil {
				diags.Report(diag.Pos{File: show(name)}, report, base)
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && !d.IsDir() || !utf8.ValidString(name) {
			// Links, pipes, devices, sockets and names that are not
			// UTF-8: what may be read is the reader's to say.
			if _, err := rootfs.Check(fsys, name); err != nil {
				diags.Add(rootfs.Problem(diag.Pos{File: show(name)}, err))
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		}
		if d.Type().IsRegular() {
			files[name] = true
		}
		top, rest, _ := strings.Cut(name, "/")
		lang := ""
		if slices.Contains(langs, top) {
			// A language's folder is laid out as the content folder,
			// without static/ (which every language shares).
			if rest == "" {
				return nil
			}
			lang = top
			top, rest, _ = strings.Cut(rest, "/")
		}
		if top == DirStatic && lang == "" {
			var bad *diag.Error
			switch n := utf8.RuneCountInString(rest); {
			case n > MaxStaticPath:
				// Reported once, where the path crosses the limit.
				bad = diag.New(diag.Pos{File: show(name)}, diag.ContentStaticPathTooLong, n, MaxStaticPath)
			case !norm.NFC.IsNormalString(base):
				bad = diag.New(diag.Pos{File: show(name)}, diag.ContentDecomposedName, base, norm.NFC.String(base))
			case rest != "" && WindowsCannotHold(base):
				bad = diag.New(diag.Pos{File: show(name)}, diag.ContentWindowsName, base)
			case !d.IsDir():
				static = append(static, rest)
			}
			if bad == nil {
				return nil
			}
			diags.Add(bad)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rest != "" {
				diags.Report(diag.Pos{File: show(name)}, diag.ContentSubfolder, rest, path.Join(lang, top))
				// Its pages belong in top: the pages that name them there
				// are right.
				sources = append(sources, pagesIn(fsys, name, top, lang)...)
				return fs.SkipDir
			}
			if docDir(top) {
				return nil
			}
			if lang == "" && holdsContentFolder(fsys, name) {
				// A translation's folder of a language site.yaml does
				// not name (or a site.yaml that could not be read), or
				// of the default language, which languages may not name.
				if top == def {
					diags.Report(diag.Pos{File: show(name)}, diag.ContentDefaultLanguageFolder, top)
				} else {
					diags.Report(diag.Pos{File: show(name)}, diag.ContentUnlistedLanguage, top)
				}
				return fs.SkipDir
			}
			diags.Report(diag.Pos{File: show(name)}, diag.ContentUnknownFolder, top)
			if dir := nearDocDir(top); dir != "" {
				// helmi/ or Helmet/ for helmet/: as a subfolder's.
				sources = append(sources, pagesIn(fsys, name, dir, lang)...)
			}
			return fs.SkipDir
		}
		if rest == "" {
			if lang != "" && top != ThesaurusFile || lang == "" && name != config.File && name != ThesaurusFile {
				if page, ok := pageAtRoot(fsys, name, lang); ok {
					// A page where no page is read: it would be left out
					// of the site with only a warning, which build does
					// not print.
					var where any = diag.ContentPageFolders.With()
					if page.dir != "" {
						where = show(path.Join(lang, page.dir, page.slug+".md"))
						sources = append(sources, page)
					}
					diags.Report(diag.Pos{File: show(name)}, diag.ContentPageAtRoot, where)
				} else {
					diags.Warn(diag.Pos{File: show(name)}, diag.ContentStrayFile)
				}
			}
			return nil
		}
		if !strings.HasSuffix(rest, ".md") {
			if want, ok := pageName(rest); ok {
				diags.Report(diag.Pos{File: show(name)}, diag.ContentPageNotMD, rest, want)
				sources = append(sources, source{dir: top, slug: strings.TrimSuffix(want, ".md"), lang: lang, misnamed: true})
			} else {
				diags.Warn(diag.Pos{File: show(name)}, diag.ContentNotMarkdown)
			}
			return nil
		}
		slug := strings.TrimSuffix(rest, ".md")
		if !(top == DirChapters && slug == CoverSlug) {
			if msg := CheckSlug(slug); msg.Message() != nil {
				diags.Add(&diag.Error{Pos: diag.Pos{File: show(name)}, Text: msg})
				if msg.Message() == diag.ContentSlugBad {
					sources = append(sources, source{dir: top, slug: markdown.Slugify(slug), lang: lang, misnamed: true})
				}
				return nil
			}
		}
		sources = append(sources, source{dir: top, slug: slug, name: name, lang: lang, listed: d.Type().IsRegular()})
		return nil
	})
	if err != nil {
		diags.Add(diag.New(diag.Pos{File: prefix}, diag.ContentCannotReadFolder, diag.Cause(err)).Because(err))
	}
	return sources, static, files, diags
}

// loadOne reads the document s. once (see Options.Once) keeps nothing
// of it but what the model reads: no hash, no decoded front matter; cached
// says a Cache keeps it.
func loadOne(fsys fs.FS, s source, file string, bodies *markdown.Store, once, cached bool, read func(size int)) (any, diag.List) {
	whole := diag.Pos{File: file}
	read1 := rootfs.ReadFile
	if s.listed && !cached {
		// Just listed by this load's walk (a session may reuse an old
		// walk, and what it listed may be anything by now).
		read1 = rootfs.ReadListed
	}
	src, err := read1(fsys, s.name)
	if err != nil {
		return nil, diag.List{rootfs.Problem(whole, err)}
	}
	if read != nil {
		read(len(src))
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, diag.List{diag.New(whole, diag.ContentEmpty)}
	}
	if yamldoc.UTF16(src) {
		// One error, not one for every other byte.
		return nil, diag.List{diag.New(diag.Pos{File: file, Line: 1, Col: 1}, diag.YAMLUTF16)}
	}
	doc, diags := markdown.ParseInto(file, src, bodies)
	if !doc.HasFrontMatter {
		// A file that is not UTF-8 from its first byte (UTF-16, as
		// Notepad saves "Unicode") has its front matter in bytes the
		// parser cannot read, and its message says what to do.
		first, _, _ := bytes.Cut(src, []byte{'\n'})
		switch r, n := utf8.DecodeRune(src); {
		case markdown.CloserLike(string(bytes.TrimSpace(first))):
			// "—", a word processor's ---.
			diags.Report(diag.Pos{File: file, Line: 1, Col: 1}, diag.MarkdownClosedAs, string(bytes.TrimSpace(first)))
		case r != utf8.RuneError || n != 1:
			diags.Report(diag.Pos{File: file, Line: 1, Col: 1}, diag.ContentNoFrontMatter)
		}
		return nil, diags
	}
	if diags.HasErrors() && doc.Meta == nil {
		return nil, diags
	}
	if other := belongsIn(s.dir, doc.Meta); other != "" && !(s.dir == DirChapters && s.slug == CoverSlug) {
		m := diag.ContentPearlInFolder
		if other == DirCases {
			m = diag.ContentCaseInFolder
		}
		there := strings.TrimSuffix(file, s.name) + path.Join(s.lang, other, s.slug+".md")
		diags.Report(diag.Pos{File: file, Line: 1, Col: 1}, m, path.Join(s.lang, s.dir), there)
		return misplaced{dir: other}, diags
	}
	d := &decoder{file: file, doc: doc, used: map[string]bool{}}
	c := Common{File: file, Slug: s.slug, Key: s.dir + "/" + s.slug, Lang: s.lang, Doc: doc}
	if !once {
		// Only a session's fingerprints read it: the hash was about
		// 1 % of a build's CPU at 10,000 pearls.
		c.Sum = sha256.Sum256(src)
	}
	if s.lang != "" {
		c.Key = s.lang + "/" + c.Key
	}
	// Every kind has a title; a summary is optional only on a page and
	// on the guide's cover.
	c.Title = d.str("title", true)
	c.Summary = d.str("summary", s.dir != DirPages && !(s.dir == DirChapters && s.slug == CoverSlug))
	var out Doc
	switch s.dir {
	case DirAreas:
		a := &Area{Common: c}
		a.Weight = d.int("weight", true)
		a.Color = d.color("color")
		out = a
	case DirPearls:
		p := &Pearl{Common: c}
		p.Area = d.str("theme", true)
		p.Kind = d.enum("kind", true, Kinds)
		p.Audience = d.enumList("audience", Audiences)
		p.Tags = d.list("tags", false)
		p.Projects = d.list("projects", false)
		p.Date = d.date("date", true)
		p.Updated = d.date("updated", false)
		p.Related = d.list("related", false)
		p.Draft = d.bool("draft")
		out = p
	case DirCases:
		k := &Case{Common: c}
		k.Organization = d.str("organization", true)
		k.Period = d.str("period", false)
		k.Areas = d.list("themes", true)
		k.Pearls = d.list("pearls", false)
		k.Date = d.date("date", true)
		out = k
	case DirChapters:
		ch := &Chapter{Common: c}
		if s.slug != CoverSlug {
			ch.Weight = d.int("weight", true)
			if n := chapterNumberOf(c.Title); n != "" {
				d.diags.Warn(d.at("title", noItem), diag.ContentChapterNumbered, n)
			}
		}
		out = ch
	case DirPages:
		out = &Page{Common: c}
	}
	out.Base().Extra = d.extra()
	draft := false
	if p, ok := out.(*Pearl); ok {
		draft = p.Draft
	}
	placeholders(out.Base(), src, draft, &d.diags)
	diags.Append(d.diags)
	compact(out)
	if once {
		// Nothing after the load reads the front matter's values but a
		// session's fingerprints (which keep the documents cached): the
		// decoded YAML was two thirds of the objects alive at the end of
		// the load at 100,000 pearls, marked by every collection until
		// the model was made.
		doc.Meta = nil
	}
	return out, diags
}

// misplaced is what the load makes of a pearl or a case example saved in
// another kind's folder (a pearl in teemat/): one error, which says where
// it belongs, instead of the keys that folder's kind would need. dir is
// that folder.
type misplaced struct{ dir string }

// belongsIn is the folder of the kind whose keys a document saved in
// dir has, when it lacks those of dir's kind (a page, which needs none,
// when it has all a pearl or a case example needs): a pearl has theme,
// kind and date, a case example organization, themes and date. It is ""
// for a document that fits its folder or no other.
func belongsIn(dir string, meta map[string]any) string {
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := meta[k]; !ok {
				return false
			}
		}
		return true
	}
	// (A switch, not a map: this runs for every document of a build.)
	switch dir {
	case DirAreas, DirChapters:
		if has("weight") {
			return ""
		}
	case DirPearls:
		if has("theme", "kind") {
			return ""
		}
	case DirCases:
		if has("organization", "themes") {
			return ""
		}
	}
	switch {
	case dir != DirPearls && has("theme", "kind", "date"):
		return DirPearls
	case dir != DirCases && has("organization", "themes", "date"):
		return DirCases
	}
	return ""
}

// fields are the texts and lists of a document that compact packs.
type fields struct {
	texts [6]*string
	lists [4]*[]string
	nt    int
	nl    int
}

func fieldsOf(doc Doc) fields {
	c := doc.Base()
	f := fields{texts: [6]*string{&c.File, &c.Key, &c.Title, &c.Summary}, nt: 4}
	switch v := doc.(type) {
	case *Area:
		f.texts[4], f.nt = &v.Color, 5
	case *Pearl:
		f.texts[4], f.nt = &v.Area, 5
		f.lists, f.nl = [4]*[]string{&v.Audience, &v.Tags, &v.Projects, &v.Related}, 4
	case *Case:
		f.texts[4], f.texts[5], f.nt = &v.Organization, &v.Period, 6
		f.lists[0], f.lists[1], f.nl = &v.Areas, &v.Pearls, 2
	}
	return f
}

// compact puts the texts documents keep into one string and their lists
// into one slice, in the order of docs. A build keeps every document
// from loading to the end, and the collector looks up every object they
// point to at each cycle: as YAML decoded them, a pearl's title,
// summary, theme, tags and the rest were a string each, a list each, a
// third of the objects alive at 100,000 pearls beside the headings.
func compact(docs ...Doc) {
	size, items := 0, 0
	for _, d := range docs {
		f := fieldsOf(d)
		for _, t := range f.texts[:f.nt] {
			size += len(*t)
		}
		for _, l := range f.lists[:f.nl] {
			items += len(*l)
			for _, s := range *l {
				size += len(s)
			}
		}
	}
	var all []string
	if items > 0 {
		all = make([]string, 0, items)
	}
	var b strings.Builder
	b.Grow(size)
	for _, d := range docs {
		f := fieldsOf(d)
		for _, l := range f.lists[:f.nl] {
			if len(*l) > 0 {
				at := len(all)
				all = append(all, *l...)
				*l = all[at:len(all):len(all)]
			}
		}
		for _, t := range f.texts[:f.nt] {
			b.WriteString(*t)
		}
		for _, l := range f.lists[:f.nl] {
			for _, s := range *l {
				b.WriteString(s)
			}
		}
	}
	one, at := b.String(), 0
	for _, d := range docs {
		f := fieldsOf(d)
		for _, t := range f.texts[:f.nt] {
			*t = one[at : at+len(*t)]
			at += len(*t)
		}
		for _, l := range f.lists[:f.nl] {
			for i := range *l {
				s := &(*l)[i]
				*s = one[at : at+len(*s)]
				at += len(*s)
			}
		}
		// The slug ends the key (helmet/x, sv/helmet/x).
		c := d.Base()
		if strings.HasSuffix(c.Key, "/"+c.Slug) {
			c.Slug = c.Key[len(c.Key)-len(c.Slug):]
		}
	}
}

// images reads the first bytes of each file under static/ whose name
// says it is an image (.png, .jpg, .jpeg, .gif, .webp, .svg) and warns of
// one that is not that kind of image: an error page a browser saved
// instead of the picture, a Word file saved as kaavio.png. Published, it
// shows readers a broken image and nobody a message. Of a PNG, JPEG or
// GIF image it also reads the size; an image that cannot be decoded
// simply has no size. An SVG image it reads whole, and one that holds a
// script is an error (see svgActive). show is how a path is shown in
// messages.
func images(fsys fs.FS, static []string, show func(string) string) (map[string][2]int, diag.List) {
	sizes := map[string][2]int{}
	var diags diag.List
	var head [sniffLen]byte
	for _, name := range static {
		ext := path.Ext(name)
		want, ok := imageKinds[strings.ToLower(ext)]
		if !ok {
			continue
		}
		f, err := fsys.Open(DirStatic + "/" + name)
		if err != nil {
			continue
		}
		n, err := io.ReadFull(f, head[:])
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			f.Close()
			continue
		}
		got := sniff(head[:n])
		if got != want {
			diags.Add(notImage(diag.Pos{File: show(DirStatic + "/" + name)}, name, ext, want, got, n))
		}
		if want == "image/svg+xml" && (got == want || strings.HasPrefix(got, "text/")) {
			// The whole drawing is read: a script may be anywhere in it
			// (rootfs has refused a file past MaxFile unread). A host
			// serves an .svg as an SVG whatever it holds, and a browser
			// reads it as XML: an XHTML page saved as kaavio.svg runs
			// its scripts as well as a drawing does.
			rest, err := io.ReadAll(f)
			if err == nil {
				data := asUTF8(append(head[:n:n], rest...))
				active := svgActive
				if got != want {
					active = xmlDocActive
				}
				reportRunning(&diags, diag.Pos{File: show(DirStatic + "/" + name)}, data, active, diag.ContentStaticSVGScript, true)
			}
		} else if got == want && want != "image/webp" {
			if cfg, _, err := image.DecodeConfig(io.MultiReader(bytes.NewReader(head[:n]), f)); err == nil {
				sizes[name] = [2]int{cfg.Width, cfg.Height}
			}
		}
		f.Close()
	}
	return sizes, diags
}

// sniffLen is how much of a file's start tells its kind: the most
// http.DetectContentType reads.
const sniffLen = 512

// imageKinds are the media types the names of images promise, by their
// extensions in lower case.
var imageKinds = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".svg": "image/svg+xml",
}

// imageNames are the name and the usual extension of each media type of
// imageKinds, for a message.
var imageNames = map[string][2]string{
	"image/png": {"PNG", ".png"}, "image/jpeg": {"JPEG", ".jpg"}, "image/gif": {"GIF", ".gif"},
	"image/webp": {"WebP", ".webp"}, "image/svg+xml": {"SVG", ".svg"},
}

// sniff is the media type of a file that starts with head, without its
// parameters: an SVG image's (text that starts with an svg tag or
// doctype, or with an XML declaration or a comment and is no HTML page),
// or what http.DetectContentType tells from the bytes.
func sniff(head []byte) string {
	text := head
	if be, le := utf16BOM(head); be || le {
		// A drawing saved as "Unicode" (Notepad's UTF-16), which a
		// browser draws: before 2026-12-07 it was warned of as no
		// image.
		text = asUTF8(head)
	}
	text = bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(text, []byte("\uFEFF")), " \t\r\n"))
	svg := bytes.HasPrefix(text, []byte("<svg")) || bytes.HasPrefix(text, []byte("<!doctype svg"))
	if bytes.HasPrefix(text, []byte("<?xml")) || bytes.HasPrefix(text, []byte("<!--")) {
		// A drawing program's comments and doctype may put the svg tag
		// past the bytes read, and a warning the editor cannot silence
		// must not come of that: only an HTML page (an error page, often
		// XHTML) is told apart.
		if bytes.Contains(text, []byte("<html")) || bytes.Contains(text, []byte("<!doctype html")) {
			return "text/html"
		}
		svg = true
	}
	if svg {
		return "image/svg+xml"
	}
	if bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
		// The container of Office's files before 2007 (.doc, .xls, .ppt).
		return "application/x-ole-storage"
	}
	t, _, _ := strings.Cut(http.DetectContentType(head), ";")
	return t
}

// notImage is the warning of the static file name, whose extension ext
// promises an image of the media type want, but whose n first bytes are
// of the type got.
func notImage(pos diag.Pos, name, ext, want, got string, n int) *diag.Error {
	if sub, ok := strings.CutPrefix(got, "image/"); ok && n > 0 {
		// Another kind of image (a JPEG saved as .png, a BMP): the
		// name is what is wrong.
		kind, ok := imageNames[got]
		if !ok {
			sub = strings.TrimPrefix(sub, "x-")
			if sub == "icon" {
				sub = "ico"
			}
			kind = [2]string{strings.ToUpper(sub), "." + sub}
		}
		rename := strings.TrimSuffix(path.Base(name), path.Ext(name)) + kind[1]
		return diag.Warning(pos, diag.ContentStaticOtherImage, ext, kind[0], rename, imageNames[want][0])
	}
	switch {
	case n == 0:
		got = ""
	case got == "application/x-ole-storage":
		got = "application/zip" // Office's files, as its newer ones are
	case strings.HasPrefix(got, "text/") && got != "text/html":
		got = "text/plain"
	}
	what := diag.NotImageKinds[got]
	if what == nil {
		what = diag.NotImageOther
	}
	return diag.Warning(pos, diag.ContentStaticNotImage, ext, what.With())
}

// holdsContentFolder tells a folder that has a folder of the content
// format in it, as a translation's folder has.
func holdsContentFolder(fsys fs.FS, dir string) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.IsDir() && docDir(e.Name()) })
}

// pagesIn lists the pages directly in the folder name, which is not
// where pages are read but where the editor meant them for dir (a
// subfolder of dir, or a folder named nearly as dir), as misnamed pages
// of dir (see source.misnamed).
func pagesIn(fsys fs.FS, name, dir, lang string) []source {
	var out []source
	entries, _ := fs.ReadDir(fsys, name)
	for _, e := range entries {
		slug, isMD := strings.CutSuffix(e.Name(), ".md")
		if isMD && !e.IsDir() && CheckSlug(slug).Message() == nil {
			out = append(out, source{dir: dir, slug: slug, lang: lang, misnamed: true})
		}
	}
	return out
}

// nearDocDir is the page folder whose name name nearly is (helmi,
// Helmet, case for helmet, caset), or "".
func nearDocDir(name string) string {
	best, bestD := "", 3
	for _, d := range []string{DirAreas, DirPearls, DirCases, DirChapters, DirPages} {
		if dist := diag.Distance(strings.ToLower(name), d); dist < bestD && dist < len(d)/2 {
			best, bestD = d, dist
		}
	}
	return best
}

// docDir tells a folder of the content format that holds documents.
func docDir(name string) bool {
	switch name {
	case DirAreas, DirPearls, DirCases, DirChapters, DirPages:
		return true
	}
	return false
}
