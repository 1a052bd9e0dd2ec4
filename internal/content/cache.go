package content

import (
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
)

// Cache keeps the documents of earlier loads, so that a load after an
// editor's save parses only the files that changed (serve). A document
// stays cached until Forget names it or its folder, or until a load no
// longer finds its file; the caller must forget every file it knows to
// have changed, and Clear when it does not know what changed. Documents
// are never modified after loading, so a cached one may be shared by
// several builds' models. A Cache is safe for concurrent use, but the
// loads that use one must not overlap.
type Cache struct {
	mu   sync.Mutex
	docs map[string]cached // by name inside the content folder

	// The last load's walk of the folder, which a load after Exact may
	// reuse (see Exact), and the names forgotten since.
	walk    *walk
	touched map[string]bool
	exact   bool
}

// walk is what walking the content folder found.
type walk struct {
	prefix  string
	sources []source
	// misnamed are the pages saved by a name that is an error.
	misnamed []source
	static   []string
	diags    diag.List       // about the folder's entries, not the files' text
	files    map[string]bool // every regular file seen
}

type cached struct {
	file  string // name as shown, which a different prefix changes
	doc   any
	diags diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{docs: map[string]cached{}} }

// Forget drops the named files, given as paths inside the content folder
// ("helmet/x.md"); a folder's name drops everything under it, and "."
// drops everything.
func (c *Cache) Forget(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var dirs []string
	for _, name := range names {
		if name == "." || name == "" {
			clear(c.docs)
			c.walk = nil
			return
		}
		if c.walk != nil {
			if c.touched == nil {
				c.touched = map[string]bool{}
			}
			c.touched[name] = true
		}
		if _, ok := c.docs[name]; ok {
			delete(c.docs, name)
		} else {
			dirs = append(dirs, strings.TrimSuffix(name, "/")+"/")
		}
	}
	if len(dirs) == 0 {
		return
	}
	for k := range c.docs {
		for _, d := range dirs {
			if strings.HasPrefix(k, d) {
				delete(c.docs, k)
				break
			}
		}
	}
}

// Clear drops every document.
func (c *Cache) Clear() { c.Forget(".") }

// Exact(true) promises that Forget has named every path created, removed
// or changed in the content folder since the last load (as serve's
// watcher does), so the next load may skip walking the folder when all
// of those are files it found there and still are. Exact(false), the
// default, makes the next load walk.
func (c *Cache) Exact(exact bool) {
	c.mu.Lock()
	c.exact = exact
	c.mu.Unlock()
}

// lastWalk returns the last walk when a load may reuse it (see Exact).
func (c *Cache) lastWalk(fsys fs.FS, prefix string) *walk {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	w, exact, touched := c.walk, c.exact, c.touched
	c.exact, c.touched = false, nil
	c.mu.Unlock()
	if w == nil || !exact || w.prefix != prefix {
		return nil
	}
	for name := range touched {
		if !w.files[name] {
			return nil
		}
		if info, err := fs.Lstat(fsys, name); err != nil || !info.Mode().IsRegular() {
			return nil
		}
	}
	return w
}

// setWalk keeps a load's walk for the next.
func (c *Cache) setWalk(w *walk) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.walk, c.touched, c.exact = w, nil, false
	c.mu.Unlock()
}

// Len is the number of cached documents.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.docs)
}

func (c *Cache) load(fsys fs.FS, s source, file string, bodies *markdown.Store, once bool, read func(size int)) (any, diag.List) {
	if c == nil {
		return loadOne(fsys, s, file, bodies, once, false, read)
	}
	c.mu.Lock()
	e, ok := c.docs[s.name]
	c.mu.Unlock()
	if ok && e.file == file {
		return e.doc, e.diags
	}
	// Later loads hand the document back: it keeps all (Options.Once
	// is for a load without a cache).
	doc, diags := loadOne(fsys, s, file, bodies, false, true, read)
	c.mu.Lock()
	c.docs[s.name] = cached{file: file, doc: doc, diags: diags}
	c.mu.Unlock()
	return doc, diags
}

// keep drops the documents whose files the last load did not find.
func (c *Cache) keep(sources []source) {
	if c == nil {
		return
	}
	seen := make(map[string]bool, len(sources))
	for _, s := range sources {
		seen[s.name] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.docs {
		if !seen[k] {
			delete(c.docs, k)
		}
	}
}

// Diags are the problems the last load or Reload of the document at
// name (its path inside the content folder) found in it.
func (c *Cache) Diags(name string) diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[name].diags
}

// Doc is the document the last load or Reload of the file at name read
// (a *Pearl, an *Area …), nil when there is none.
func (c *Cache) Doc(name string) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[name].doc
}

// Reload reads and parses one document again, named by its path inside
// the content folder ("helmet/x.md"), and keeps it for later loads. It
// runs the same per-file checks as Load. ok is false when the name is not
// a document's path (a folder, a static file, site.yaml), and then
// nothing is read. langs are the portal's other languages' folders
// (LoadLanguages), whose documents are reloaded as theirs.
func (c *Cache) Reload(fsys fs.FS, prefix, name string, langs ...string) (doc any, diags diag.List, ok bool) {
	rel, lang := name, ""
	if top, rest, found := strings.Cut(name, "/"); found && slices.Contains(langs, top) {
		rel, lang = rest, top
	}
	dir, file, found := strings.Cut(rel, "/")
	slug, isMD := strings.CutSuffix(file, ".md")
	if !found || !isMD || strings.Contains(file, "/") {
		return nil, nil, false
	}
	if !docDir(dir) {
		return nil, nil, false
	}
	if !(dir == DirChapters && slug == CoverSlug) && CheckSlug(slug).Message() != nil {
		return nil, nil, false
	}
	shown := name
	if prefix != "" {
		shown = prefix + "/" + name
	}
	doc, diags = loadOne(fsys, source{dir: dir, slug: slug, name: name, lang: lang}, shown, nil, false, true, nil)
	c.mu.Lock()
	c.docs[name] = cached{file: shown, doc: doc, diags: diags}
	c.mu.Unlock()
	return doc, diags, true
}
