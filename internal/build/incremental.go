package build

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
	"github.com/helminauha/helminauha/internal/search"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/themes"
)

// Changes says what changed since a Session's last build. The zero value
// means nothing is known to have changed (the build then reuses
// everything it can, which still picks up new files, since every build
// walks the content folder).
type Changes struct {
	// Content lists changed paths inside Options.Content ("helmet/x.md",
	// "static/kuva.png"). A folder's path stands for everything under it.
	Content []string
	// Theme is set when any file of the theme folder changed.
	Theme bool
	// All is set when it is not known what changed (the watcher lost
	// events): nothing cached is reused.
	All bool
}

// Session builds the same portal again and again, as serve does after
// each save, redoing only the work a change calls for:
//
//   - documents are parsed again only when Changes names their file (a
//     content.Cache keeps the rest);
//   - the site model is always built anew from the documents, since one
//     document can change any page's links and lists;
//   - a page is rendered again only when its fingerprint changed: a hash of
//     the page's path and kind, of each document it shows (render.Job.Deps)
//     with that document's content hash (site.Site.Hashes), and of the
//     site's configuration, the theme's files and the build options. Every
//     other page keeps the bytes of the last successful build;
//   - the search index is not built by Rebuild at all: Search builds it
//     for a model, so a caller can serve the pages first.
//
// A failed build changes nothing that the next build reuses. A Session
// is not safe for concurrent use: call Rebuild and Search from one
// goroutine at a time (Search may run while no Rebuild does).
type Session struct {
	opts      Options
	docs      *content.Cache
	theme     *render.Theme
	themeName string
	themeH    [32]byte // hash of the theme's files, valid while theme != nil
	rendered  int
	pages     map[string]page
	static    map[string][]byte // by path under static/
}

// page is a rendered page kept between builds.
type page struct {
	print [32]byte
	file  output.File
}

// NewSession starts a session. Options.Out must be empty: a session keeps
// its files in memory.
func NewSession(opts Options) *Session {
	return &Session{opts: opts, docs: content.NewCache(), pages: map[string]page{}, static: map[string][]byte{}}
}

// Rebuild builds the portal, reusing what the changes leave valid. It
// returns the same Result as Build, except that Files holds no search
// index (see Search) and Pages counts every page while Rendered says how
// many were rendered anew. Rendered tells how many pages the last call
// rendered anew. On content errors it returns ErrContent and
// the Result's diagnostics.
func (ss *Session) Rebuild(ctx context.Context, ch Changes) (*Result, error) {
	opts := ss.opts
	if opts.Out != "" {
		return nil, errors.New("a build session keeps its files in memory: leave Options.Out empty")
	}
	ss.forget(ch)
	res := &Result{Pages: map[string]int{}}
	mark := time.Now()
	lap := func(stage string) {
		now := time.Now()
		res.Timings = append(res.Timings, Timing{stage, now.Sub(mark)})
		mark = now
	}
	fail := func() (*Result, error) {
		res.Diags.Sort()
		return res, ErrContent
	}

	name := cmp.Or(opts.ContentName, "content")
	cfg, diags := config.Load(opts.Content, name, opts.BaseURL)
	res.Diags.Append(diags)
	if cfg == nil {
		return fail()
	}
	cfgSrc, _ := fs.ReadFile(opts.Content, config.File)
	set, diags := content.LoadCached(ctx, opts.Content, name, ss.docs)
	res.Diags.Append(diags)
	lap("load")

	theme, themeH, diags := ss.loadTheme(cfg.Theme)
	res.Diags.Append(diags)
	lap("theme")

	s, diags := site.Build(cfg, set, site.Options{Drafts: opts.Drafts})
	res.Diags.Append(diags)
	res.Site = s
	lap("model")
	if res.Diags.HasErrors() || theme == nil {
		return fail()
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}

	global := sha256.New()
	fmt.Fprintf(global, "%q %q %t %t\n", opts.BaseURL, cfg.Theme, opts.Drafts, opts.Minify)
	global.Write(cfgSrc)
	global.Write(themeH[:])
	g := global.Sum(nil)

	jobs := theme.Jobs(s)
	prints := make([][32]byte, len(jobs))
	var todo []int
	next := make(map[string]page, len(jobs))
	for i, j := range jobs {
		res.Pages[j.Kind]++
		prints[i] = Fingerprint(g, j, s.Hashes)
		if p, ok := ss.pages[j.Path]; ok && p.print == prints[i] {
			next[j.Path] = p
		} else {
			todo = append(todo, i)
		}
	}
	ss.rendered = len(todo)
	redo := make([]bool, len(jobs))
	for _, i := range todo {
		redo[i] = true
	}
	w := newWriter(nil, opts, len(jobs))
	var mu sync.Mutex
	w.run(ctx, len(todo), func(k int) (output.File, error) {
		i := todo[k]
		f, err := theme.Render(s, jobs[i])
		if err == nil {
			mu.Lock()
			next[jobs[i].Path] = page{print: prints[i], file: f}
			mu.Unlock()
		}
		return f, err
	})
	for i, j := range jobs {
		if !redo[i] {
			w.put(next[j.Path].file)
		}
	}
	lap("render")
	for _, f := range theme.Assets(s) {
		w.put(f)
	}
	for _, sname := range s.Static {
		data, ok := ss.static[sname]
		if !ok {
			var err error
			if data, err = fs.ReadFile(opts.Content, "static/"+sname); err != nil {
				w.fail(diag.Wrap(diag.Pos{File: name + "/static/" + sname}, err, "cannot read the file: %v", err))
				continue
			}
		}
		ss.static[sname] = data
		w.put(output.File{Path: sname, Data: data, Type: typeOf(sname)})
	}
	lap("static")
	res.Diags.Append(w.diags)
	if w.diags.HasErrors() {
		return fail()
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	ss.pages = next
	for name := range ss.static {
		if _, ok := slices.BinarySearch(s.Static, name); !ok {
			delete(ss.static, name)
		}
	}
	res.Files = w.files
	slices.SortFunc(res.Files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	res.Written = len(res.Files)
	lap("collect")
	res.Diags.Sort()
	return res, nil
}

// Rendered is how many pages the last Rebuild rendered anew; the others
// kept their bytes.
func (ss *Session) Rendered() int { return ss.rendered }

// Search builds the search index of a model that Rebuild returned. It
// reads only the model, so it may run while the caller serves the pages.
func (ss *Session) Search(s *site.Site) ([]output.File, error) {
	idx, err := search.Build(search.FromSite(s), search.Options{})
	if err != nil {
		return nil, fmt.Errorf("building the search index: %w", err)
	}
	files := make([]output.File, len(idx))
	for i, f := range idx {
		files[i] = output.File{Path: f.Path, Data: f.Data, Type: "application/json"}
	}
	return files, nil
}

// forget drops what the changes make stale.
func (ss *Session) forget(ch Changes) {
	if ch.All {
		ss.docs.Clear()
		clear(ss.static)
		ss.theme = nil
		return
	}
	if ch.Theme {
		ss.theme = nil
	}
	for _, name := range ch.Content {
		name = path.Clean(name)
		if name == "." {
			ss.docs.Clear()
			clear(ss.static)
			continue
		}
		ss.docs.Forget(name)
		if name == content.DirStatic {
			clear(ss.static)
		} else if rest, ok := strings.CutPrefix(name, content.DirStatic+"/"); ok {
			for k := range ss.static {
				if k == rest || strings.HasPrefix(k, rest+"/") {
					delete(ss.static, k)
				}
			}
		}
	}
}

// loadTheme returns the theme, loading it only when it changed, and the
// hash of its files.
func (ss *Session) loadTheme(name string) (*render.Theme, [32]byte, diag.List) {
	if ss.theme != nil && ss.themeName == name {
		return ss.theme, ss.themeH, nil
	}
	fsys := themeFS(ss.opts.Themes, name)
	theme, diags := loadTheme(ss.opts.Themes, name)
	if theme == nil || diags.HasErrors() {
		return theme, [32]byte{}, diags
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", name)
	if fsys != nil {
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, _ := fs.ReadFile(fsys, p)
			fmt.Fprintf(h, "%s %d\n", p, len(data))
			h.Write(data)
			return nil
		})
	}
	ss.theme, ss.themeName = theme, name
	h.Sum(ss.themeH[:0])
	return theme, ss.themeH, diags
}

// themeFS is the folder loadTheme reads the theme from.
func themeFS(themesFS fs.FS, name string) fs.FS {
	for _, root := range []fs.FS{themesFS, themes.FS} {
		if root == nil {
			continue
		}
		if sub, err := fs.Sub(root, name); err == nil {
			if _, err := fs.Stat(sub, "templates"); err == nil {
				return sub
			}
		}
	}
	return nil
}

// Fingerprint is the hash that decides whether a page must be rendered
// again: global (the hash of what every page depends on: configuration,
// theme, options), the job's path and kind, and each document the job
// shows with its content hash. A document missing from hashes counts as
// such, so a page changes when a document it names appears or goes.
func Fingerprint(global []byte, j render.Job, hashes map[string]content.Sum) [32]byte {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	h.Write(global)
	put(j.Path)
	put(j.Kind)
	for _, d := range j.Deps {
		put(d)
		if sum, ok := hashes[d]; ok {
			h.Write(sum[:])
		} else {
			h.Write([]byte{0})
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}
