package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/internal/search"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/themes"
)

// Options say what to build and where.
type Options struct {
	// Content is the content folder. ContentName is how its paths are
	// shown in messages ("content").
	Content     fs.FS
	ContentName string
	// Themes is the folder holding themes/<name>/; when it has no folder
	// for the configured theme (or is nil), the theme compiled into the
	// binary is used.
	Themes fs.FS
	// Out is the output folder; empty keeps the files in memory only.
	Out     string
	BaseURL string // overrides site.yaml's baseURL
	Drafts  bool
	Minify  bool
	Gzip    bool

	// OutClean lets the build remove files in Out it did not write;
	// OutGuard lists folders Out may not be, hold or lie inside (the
	// content and theme folders; see output.Place).
	OutClean bool
	OutGuard []string

	// CheckOnly runs every stage that can find a problem in the content,
	// rendering included, but keeps and writes no files and builds no
	// search index.
	CheckOnly bool
	// MaxErrors caps the errors kept in Result.Diags (0: no cap); the rest
	// are only counted in Result.Dropped.
	MaxErrors int
	// Progress, when set, is told how many pages are rendered out of how
	// many, from time to time (for a progress line on long builds).
	Progress func(done, total int)
}

// Result is what a build produced.
type Result struct {
	Site *site.Site
	// Language is site.yaml's language, "" when it could not be read; the
	// messages are written in it unless the editor chose otherwise.
	Language string
	Diags    diag.List // errors and warnings, sorted
	Dropped  int       // errors past MaxErrors
	// Files holds every file of the site when Options.Out is empty.
	Files []output.File
	// Pages counts the rendered pages by kind (pearl, area, …).
	Pages   map[string]int
	Written int   // files written, .gz included
	Bytes   int64 // bytes written before compression
	Timings []Timing

	drafts map[string]bool // files of draft pearls, as shown in messages
}

// Timing is how long one stage took.
type Timing struct {
	Stage string
	Took  time.Duration
}

// ErrContent means the content has errors; they are in Result.Diags.
var ErrContent = errors.New("the portal has errors")

// Build runs a whole build.
func Build(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{Pages: map[string]int{}}
	if !opts.CheckOnly && opts.Out != "" {
		// Before the work: a folder it must not write is refused at once.
		if _, err := output.Place(opts.Out, opts.OutGuard); err != nil {
			return res, err
		}
	}
	watch := startWatch(res)
	m, ok := buildModel(ctx, opts, res, watch, front{
		load: content.Load,
		theme: func(name string) (*render.Theme, diag.List) {
			theme, diags := loadTheme(opts.Themes, name)
			if theme != nil && opts.Minify {
				theme.MinifyTemplates()
			}
			return theme, diags
		},
	})
	if !ok {
		return res.failed(opts.MaxErrors)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	s, theme := m.site, m.theme

	var out *output.Writer
	if !opts.CheckOnly && opts.Out != "" {
		var err error
		oo := output.Options{Minify: opts.Minify, Gzip: opts.Gzip, Keep: m.cfg.Keep, Clean: opts.OutClean, Guard: opts.OutGuard}
		if out, err = output.Begin(ctx, opts.Out, oo); err != nil {
			return res, err
		}
		defer out.Abort() // a no-op after Commit
	}
	w := newWriter(out, opts, len(s.Pearls))

	// Pages, assets, the search index and static files all flow through
	// the same pool of workers, so minifying and writing overlap with
	// rendering on every core.
	jobs := theme.Jobs(s)
	for _, j := range jobs {
		res.Pages[j.Kind]++
	}
	// The search index needs only the model, and much of its work runs
	// on one core, so it is built beside the rendering.
	type index struct {
		files []search.File
		err   error
	}
	indexed := make(chan index, 1)
	if opts.CheckOnly {
		indexed <- index{}
	} else {
		go func() {
			files, err := search.Build(search.FromSite(s), search.Options{Thesaurus: s.Thesaurus})
			indexed <- index{files, err}
		}()
	}
	var rendered atomic.Int64
	w.run(ctx, len(jobs), func(i int) (output.File, error) {
		if n := rendered.Add(1); opts.Progress != nil && n%500 == 0 {
			opts.Progress(int(n), len(jobs))
		}
		return theme.Render(s, jobs[i])
	})
	watch.lap("render")
	for _, f := range theme.Assets(s) {
		w.put(f)
	}
	idx := <-indexed
	if idx.err != nil {
		return res, fmt.Errorf("building the search index: %w", idx.err)
	}
	for _, f := range idx.files {
		w.put(output.File{Path: f.Path, Data: f.Data, Type: "application/json"})
	}
	watch.lap("search")
	w.run(ctx, len(s.Static), func(i int) (output.File, error) {
		data, err := readStatic(opts, s.Static[i])
		if err != nil {
			return output.File{}, err
		}
		return staticFile(opts, s.Static[i], data), nil
	})
	w.conflicts()
	res.Diags.Append(w.diags)
	if w.diags.HasErrors() {
		return res.failed(opts.MaxErrors)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if out != nil {
		if err := out.Commit(); err != nil {
			return res, err
		}
		res.Written, res.Bytes = out.Written()
	} else {
		res.Files = w.files
		slices.SortFunc(res.Files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
		res.Written = len(res.Files)
	}
	watch.lap("write")
	res.sortDiags()
	return res, nil
}

// stopwatch records in a Result how long each stage took.
type stopwatch struct {
	res  *Result
	mark time.Time
}

func startWatch(res *Result) *stopwatch { return &stopwatch{res, time.Now()} }

func (w *stopwatch) lap(stage string) {
	now := time.Now()
	w.res.Timings = append(w.res.Timings, Timing{stage, now.Sub(w.mark)})
	w.mark = now
}

// failed ends a build with content errors: the problems sorted, and at
// most max errors (all when max is 0) beside every warning.
func (res *Result) failed(max int) (*Result, error) {
	res.sortDiags()
	if errs := res.Diags.Errors(); max > 0 && len(errs) > max {
		res.Dropped = len(errs) - max
		res.Diags = append(errs[:max], res.Diags.Warnings()...)
		res.Diags.Sort()
	}
	return res, ErrContent
}

// sortDiags sorts the problems and marks those in drafts.
func (res *Result) sortDiags() {
	res.Diags.MarkDrafts(res.drafts)
	res.Diags.Sort()
}

// front is how a build loads its content and theme: Build reads them
// afresh, a Session reuses what has not changed.
type front struct {
	load  func(ctx context.Context, fsys fs.FS, prefix string) (*content.Set, diag.List)
	theme func(name string) (*render.Theme, diag.List)
	site  site.Options // Drafts is set from Options
}

// model is what the first stages of every build make.
type model struct {
	cfg   *config.Config
	set   *content.Set
	site  *site.Site
	theme *render.Theme
}

// buildModel runs the stages every build starts with: the configuration,
// the content, the theme and the site model. Problems and timings go into
// res; ok is false when the build cannot go on.
func buildModel(ctx context.Context, opts Options, res *Result, watch *stopwatch, f front) (m model, ok bool) {
	name := cmp.Or(opts.ContentName, "content")
	cfg, diags := config.Load(opts.Content, name, opts.BaseURL)
	res.Diags.Append(diags)
	if cfg == nil {
		return m, false
	}
	res.Language = cfg.Language
	set, diags := f.load(ctx, opts.Content, name)
	res.Diags.Append(diags)
	for _, p := range set.Pearls {
		if p.Draft {
			if res.drafts == nil {
				res.drafts = map[string]bool{}
			}
			res.drafts[p.File] = true
		}
	}
	watch.lap("load")

	theme, diags := f.theme(cfg.Theme)
	res.Diags.Append(diags)
	watch.lap("theme")

	so := f.site
	so.Drafts = opts.Drafts
	s, diags := site.Build(cfg, set, so)
	res.Diags.Append(diags)
	res.Site = s
	watch.lap("model")
	if res.Diags.HasErrors() || theme == nil {
		return m, false
	}
	return model{cfg: cfg, set: set, site: s, theme: theme}, true
}

// loadTheme finds themes/<name>/ in the themes folder, or else the theme
// compiled into the binary.
func loadTheme(themesFS fs.FS, name string) (*render.Theme, diag.List) {
	if sub := themeFS(themesFS, name); sub != nil {
		return render.LoadTheme(sub, "themes/"+name)
	}
	return nil, diag.List{diag.Errorf(diag.Pos{File: "content/site.yaml"},
		"theme %q not found: there is no folder themes/%s/templates, and the built-in theme is helminauha", name, name)}
}

// themeFS is the folder of the theme name: themes/<name>/ in themesFS
// when it has a templates folder, or else the theme compiled into the
// binary; nil when neither has it.
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

// readStatic reads the static file name (its path under static/).
func readStatic(opts Options, name string) ([]byte, *diag.Error) {
	data, err := rootfs.ReadFile(opts.Content, content.DirStatic+"/"+name)
	if err != nil {
		return nil, diag.Wrap(diag.Pos{File: cmp.Or(opts.ContentName, "content") + "/" + content.DirStatic + "/" + name}, err, "%s", rootfs.Explain(err))
	}
	return data, nil
}

// staticFile is the output file of the static file name.
func staticFile(opts Options, name string, data []byte) output.File {
	return output.File{Path: name, Data: data, Type: typeOf(name),
		Source: cmp.Or(opts.ContentName, "content") + "/" + content.DirStatic + "/" + name}
}

// typeOf is the media type of a static file, which decides whether it is
// minified.
func typeOf(name string) string {
	t := mime.TypeByExtension(path.Ext(name))
	t, _, _ = strings.Cut(t, ";")
	return t
}

// writer collects or writes files from many goroutines.
type writer struct {
	out   *output.Writer
	min   *output.Minifier
	mu    sync.Mutex
	files []output.File
	check bool // Options.CheckOnly: files are made, then dropped
	seen  map[string]bool
	// layout finds files that cannot all be written (output.Layout);
	// conflicts reports them once every file is put.
	layout output.Layout
	diags  diag.List
}

func newWriter(out *output.Writer, opts Options, hint int) *writer {
	w := &writer{out: out, check: opts.CheckOnly, seen: map[string]bool{}}
	if out == nil {
		w.files = make([]output.File, 0, hint+64)
		if opts.Minify {
			w.min = output.NewMinifier()
		}
	}
	return w
}

func (w *writer) put(f output.File) {
	w.mu.Lock()
	dup := w.seen[f.Path]
	w.seen[f.Path] = true
	w.mu.Unlock()
	if dup {
		w.fail(diag.Errorf(diag.Pos{File: "content/static/" + f.Path}, "two files would be written to %s: rename or move one of them", f.Path))
		return
	}
	if !w.layout.Add(f) {
		return
	}
	if w.out != nil {
		if err := w.out.Write(f); err != nil {
			w.fail(diag.Wrap(diag.Pos{File: f.Path}, err, "writing %s: %v", f.Path, err))
		}
		return
	}
	if w.min != nil {
		var err error
		if f, err = w.min.Minify(f); err != nil {
			w.fail(diag.Wrap(diag.Pos{File: f.Path}, err, "%v", err))
			return
		}
	}
	if w.check {
		return
	}
	w.mu.Lock()
	w.files = append(w.files, f)
	w.mu.Unlock()
}

// conflicts reports the files that could not all be written, after the
// last put.
func (w *writer) conflicts() {
	for _, c := range w.layout.Conflicts() {
		w.fail(diag.Errorf(diag.Pos{File: cmp.Or(c.Source, "themes")}, "%s", c.Msg))
	}
}

func (w *writer) fail(e *diag.Error) {
	w.mu.Lock()
	w.diags.Add(e)
	w.mu.Unlock()
}

// run makes n files with make on every core and puts them.
func (w *writer) run(ctx context.Context, n int, make func(i int) (output.File, error)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f, err := make(i)
				if err != nil {
					var de *diag.Error
					if errors.As(err, &de) {
						w.fail(de)
					} else {
						w.fail(diag.Wrap(diag.Pos{File: "themes"}, err, "%v", err))
					}
					continue
				}
				w.put(f)
			}
		})
	}
	wg.Wait()
}
