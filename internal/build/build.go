package build

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"runtime/trace"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/internal/rusage"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/workers"
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
	// LastCommits, when set, returns when each content file was last
	// committed, by its path in the content folder, for the "Päivitetty"
	// date of a pearl without updated: (see gitinfo). It is called once
	// the content is loaded, so git can read the history meanwhile. A
	// map it returns is never changed after: new dates come in a new map
	// (a Session hashes each map once).
	LastCommits func() map[string]time.Time
	// HeapFloor, when not 0, is how far Build lets the heap grow between
	// collections however little of it is live (see heapFloor), up to
	// the soft memory limit; a portal whose content files are more than
	// a third of it raises it to three times their size, up to two
	// thirds of the limit. A Session ignores it: serve's rebuilds are
	// small, and the heap a floor grew would stay with serve for hours.
	HeapFloor uint64
	// Progress, when set, is told how many pages are rendered out of how
	// many, from time to time (for a progress line on long builds).
	Progress func(done, total int)
}

// contentName is how the content folder's paths are shown in messages.
func (opts Options) contentName() string { return cmp.Or(opts.ContentName, "content") }

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
	// Lookalikes are the folders beside the output folder named as the
	// build's staging folders but not made by one, which it left alone
	// (output.Writer.Lookalikes).
	Lookalikes []string
	// SpareLookalike is the folder where the spare folder goes, when no
	// build made it and the build left it alone (output.Writer.SpareLookalike).
	SpareLookalike string

	drafts map[string]bool // files of draft pearls, as shown in messages
}

// Timing is how long one stage took.
type Timing struct {
	Stage string
	Took  time.Duration
	// CPU is the process's user and system time during the stage, System
	// the part of it the kernel spent (files, page cache, faulting in
	// memory), and MaxRSS its peak resident memory so far, in bytes (all
	// zero where the system does not tell).
	CPU, System time.Duration
	MaxRSS      int64
}

// ErrContent means the content has errors; they are in Result.Diags.
var ErrContent = errors.New("the portal has errors")

// ErrOutputMixed is in the error of a build whose last step, putting the
// files in place, failed or was stopped and could not put the output
// folder back as it was (errors.Is): its text names what is left over.
var ErrOutputMixed = output.ErrMixed

// Settle waits for a build putting its files in place (or putting them
// back, when stopped) to end, and keeps any other from starting: for a
// program about to exit, which would otherwise leave the output folder
// half changed.
func Settle() { output.Settle() }

// Build runs a whole build: the one build path (see run) of a session
// that has built nothing before and keeps nothing after.
func Build(ctx context.Context, opts Options) (*Result, error) {
	floor := newHeapFloor(opts.HeapFloor)
	defer floor.stop()
	return (&Session{opts: opts, floor: floor}).run(ctx, Changes{}, nil, nil)
}

// run is the one build path, for Build and for every Session.Rebuild.
// Its stages, in order, each timed in Result.Timings:
//
//  1. config  site.yaml (config.Load)
//  2. load    every document of the content folder (content.LoadCached:
//     a session takes the documents no change names from its cache)
//  3. theme   templates and assets (a session keeps them until a theme
//     file changes)
//  4. model   the site model (site.Build; a session keeps what the model
//     works out from text in site.Memo)
//  5. plan    the pages to render: all; in a session, only those whose
//     fingerprint changed since its last good build
//  6. render  the theme's assets and the pages kept put, the static files
//     read (a session keeps the bytes of those no change names), then the
//     pages rendered, on every core; beside it, in Build, the search index
//     (a session's caller builds it with Session.Search). A session's
//     RebuildShowing shows the files once the static files are read
//     (Partial): the build reads nothing of the content folder after
//  7. static  the search index put, once it is built
//  8. write   conflicts between files checked, then the files written to
//     Options.Out (output) or kept in memory
//
// A session's patch (see patchFor) is the cache of stages 1–4 for a save
// that changed only bodies, or the front matter of one pearl: the last
// good model with the changed documents patched in. Then the plan lists
// only the pages that show one of those bodies (or, for a pearl's front
// matter, those whose fingerprint changed), stage 7 has nothing to do but
// the changed static files, and stage 8 starts from the last good
// build's files. Should a
// patched build meet anything the patch cannot answer, run returns
// errUnpatched and the session runs again without it.
//
// The build stops after a stage that found errors; nothing is written
// then, and a session keeps nothing of it.
func (ss *Session) run(ctx context.Context, ch Changes, pt *patch, show func(*Partial)) (*Result, error) {
	opts := ss.opts
	res := &Result{Pages: map[string]int{}}
	write := !opts.CheckOnly && opts.Out != ""
	var folder output.Folder
	if write {
		// Before the work: a folder it must not write is refused at once.
		var err error
		if folder, err = output.Place(opts.Out, opts.OutGuard); err != nil {
			return res, err
		}
	}
	watch := startWatch(res)
	var m model
	if pt != nil {
		m = model{cfg: pt.site.Config, site: pt.site, theme: ss.theme}
		res.Site, res.Language = pt.site, pt.site.Config.Language
		var ok bool
		if res.Diags, ok = pt.diagsOf(ss.good.diags, ss.good.site, pt.site, ss.titleCounts()); !ok {
			return res, errUnpatched
		}
		res.Pages = ss.good.pages
		watch.lap("patch")
	} else {
		ss.forget(ch)
		if ss.keep {
			ss.docs.Exact(ch.Exact && !ch.All)
		}
		var ok bool
		if m, ok = ss.model(ctx, res, watch); !ok {
			return res.stop(ctx, opts.MaxErrors)
		}
	}
	if ctx.Err() != nil {
		return res.stop(ctx, opts.MaxErrors)
	}
	s, theme := m.site, m.theme

	jobs, p := ss.plan(m, pt)
	if p.stale {
		return res, errUnpatched
	}
	if ss.onPlan != nil {
		ss.onPlan(jobs, p.todo)
	}
	if pt == nil {
		for _, j := range jobs {
			res.Pages[j.Kind]++
		}
	}
	watch.lap("plan")
	if !ss.keep && pt == nil {
		// Nothing after the model reads the front matter's values and
		// places, or the links as written.
		m.set.Each(true, func(d content.Doc) { d.Base().Doc.ReleaseFrontMatter() })
	}

	var out *output.Writer
	if write {
		var err error
		oo := output.Options{Minify: opts.Minify, Gzip: opts.Gzip, Keep: m.cfg.Keep, Clean: opts.OutClean, Files: len(jobs)}
		if out, err = output.Begin(ctx, folder, oo); err != nil {
			return res, err
		}
		defer out.Abort() // a no-op after Commit
	}
	// Pages, assets, the search index and static files all flow through
	// the same pool of workers, so minifying and writing overlap with
	// rendering on every core.
	w := newWriter(out, opts, len(jobs))
	// The search index needs only the model, and much of its work runs
	// on one core, so it is built beside the rendering. Its analysis,
	// though, runs on every core and keeps every document's words until
	// it is done: the pages wait for it (analysed), which at 100,000
	// pearls ends it before the rendering starts instead of near the
	// end, when the renderers took most of the cores.
	type index struct{ err error }
	// The index's files are put as soon as they are made, not held until
	// the pages are rendered (0.1 GB at 100,000 pearls); unless the build
	// has stopped (stopped, under putting), when they are dropped.
	indexed := make(chan index, 1)
	analysed := make(chan struct{})
	var putting sync.Mutex
	stopped := false
	if opts.CheckOnly || ss.keep {
		indexed <- index{}
		close(analysed)
	} else {
		var once sync.Once
		done := func() { once.Do(func() { close(analysed) }) }
		go func() {
			defer done() // also when it fails before the analysis
			files, err := ss.search(s, nil, done)
			putting.Lock()
			if err == nil && !stopped {
				// On every core, as the pages are: one goroutine beside
				// the eight renderers had a ninth of the cores, and
				// its 3,000 files at 10,000 pearls were the build's
				// last second on one core.
				workers.Run(ctx, len(files), func(i int) { w.put(files[i]) })
			}
			putting.Unlock()
			indexed <- index{err: err}
		}()
	}
	// The files made already: the pages kept from the last good build,
	// and the assets. (After a patch, the last good build's files are
	// the start: see patch.apply.)
	known := p.kept
	if pt == nil {
		known = append(known, assets(theme, s)...)
	}
	for _, f := range known {
		w.put(f)
	}
	// The static files are read before the build is shown, so that it
	// reads nothing of the content folder after: a change there from then
	// on is the next build's.
	if pt == nil {
		static, keep := ss.staticTasks(s.Static)
		read := make([]output.File, len(static))
		w.run(ctx, len(static), func(k int) (output.File, error) {
			f, err := w.minified(static[k].make)()
			// Only the pages served while they render (show) look up
			// the static files again; a build drops each once written,
			// instead of holding every PDF and image of static/ at once.
			if show != nil {
				read[k] = f
			}
			return f, err
		}, nil)
		keep()
		for _, f := range read {
			if f.Path != "" {
				known = append(known, f)
			}
		}
	}
	// Then the pages to render.
	var rendered atomic.Int64
	var mu sync.Mutex
	// A build that keeps nothing and shows nothing writes each page and
	// drops it: it is rendered in a buffer that is given back once the
	// page is written (render.Recycle), not copied out of it.
	renderPage, recycle := theme.Render, func(output.File) {}
	if !ss.keep && show == nil && out != nil {
		renderPage, recycle = theme.RenderTemp, func(f output.File) { render.Recycle(f.Data) }
	}
	tasks := make([]task, 0, len(p.todo))
	for _, i := range p.todo {
		tasks = append(tasks, task{path: jobs[i].Path, weight: jobs[i].Weight(), make: w.minified(func() (output.File, error) {
			if n := rendered.Add(1); opts.Progress != nil && n%500 == 0 {
				opts.Progress(int(n), len(p.todo))
			}
			f, err := renderPage(s, jobs[i])
			switch {
			case err == nil && ss.keep:
				mu.Lock()
				p.pages[jobs[i].Path] = page{print: p.prints[i], deps: p.deps[i], file: f}
				mu.Unlock()
			case !ss.keep:
				// A build that keeps nothing renders each page once: a body
				// only this page shows is not needed again (see Session.keep).
				jobs[i].Own().Release()
			}
			return f, err
		})})
	}
	// The pages showing the most documents first (the pearls' data for
	// the own necklace, the sitemap, the lists): the theme lists them
	// last, and at 10,000 pearls the last of them still took one core for
	// a tenth of a second after the others had run out of pages.
	slices.SortStableFunc(tasks, func(a, b task) int { return cmp.Compare(b.weight, a.weight) })
	select {
	case <-analysed:
	case <-ctx.Done():
	}
	var part *Partial
	if show != nil && !w.diags.HasErrors() {
		part = newPartial(res.Language, tasks, known, pt, ss)
		defer part.close() // when the build stops on the way
		show(part)
	}
	w.run(ctx, len(tasks), func(k int) (output.File, error) {
		if part != nil {
			return part.next(k)
		}
		return tasks[k].make()
	}, recycle)
	if part != nil {
		part.close()
	}
	watch.lap("render")
	if pt == nil {
		var idx index
		select {
		case idx = <-indexed:
		case <-ctx.Done():
			// The index is left to finish on its own; it writes nothing.
			putting.Lock()
			stopped = true
			putting.Unlock()
			return res.stop(ctx, opts.MaxErrors)
		}
		if idx.err != nil {
			return res, idx.err
		}
	}
	w.conflicts()
	watch.lap("static")
	if pt != nil && w.diags.HasErrors() {
		return res, errUnpatched // the full build reports them, with the rest
	}
	res.Diags.Append(w.diags)
	if w.diags.HasErrors() || ctx.Err() != nil {
		return res.stop(ctx, opts.MaxErrors)
	}
	switch {
	case out != nil:
		if err := out.Commit(ctx); err != nil {
			return res, err
		}
		res.Written, res.Bytes = out.Written()
		res.Lookalikes = out.Lookalikes()
		res.SpareLookalike = out.SpareLookalike()
	case pt != nil:
		files, ok := pt.apply(ss.good.files, w.files, ss.opts)
		if !ok {
			return res, errUnpatched
		}
		res.Files, res.Written = files, len(files)
	default:
		res.Files = w.files
		slices.SortFunc(res.Files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
		res.Written = len(res.Files)
	}
	watch.lap("write")
	if pt == nil {
		res.sortDiags()
	}
	ss.keepGood(res, p, pt)
	return res, nil
}

// assets are the theme's assets of every language's site: their
// stylesheets differ when a language has not every theme area.
func assets(theme *render.Theme, s *site.Site) []output.File {
	var files []output.File
	seen := map[string]bool{}
	for _, l := range append([]*site.Site{s}, s.Languages...) {
		for _, f := range theme.Assets(l) {
			if !seen[f.Path] {
				seen[f.Path] = true
				files = append(files, f)
			}
		}
	}
	return files
}

// task makes the file at path.
type task struct {
	path string
	// weight is how much work the file is thought to be, relative to
	// the others: the number of documents a page shows.
	weight int
	make   func() (output.File, error)
}

// stopwatch records in a Result how long each stage took.
type stopwatch struct {
	res  *Result
	mark time.Time
	used rusage.Usage
}

func startWatch(res *Result) *stopwatch {
	return &stopwatch{res, time.Now(), rusage.Self()}
}

func (w *stopwatch) lap(stage string) {
	// Marks the stage's end in an execution trace (build --trace).
	trace.Log(context.Background(), "stage", stage)
	now, used := time.Now(), rusage.Self()
	w.res.Timings = append(w.res.Timings, Timing{Stage: stage, Took: now.Sub(w.mark),
		CPU: used.CPU() - w.used.CPU(), System: used.System - w.used.System, MaxRSS: used.MaxRSS})
	w.mark, w.used = now, used
}

// stop ends a build that cannot go on. When ctx was cancelled, that is
// the error, and the problems found are dropped: a build stopped in the
// middle finds pages missing that are not, and a user who pressed Ctrl-C
// wants no list of errors that do not exist.
func (res *Result) stop(ctx context.Context, max int) (*Result, error) {
	if err := ctx.Err(); err != nil {
		res.Diags, res.Dropped = nil, 0
		return res, err
	}
	return res.failed(max)
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

// model is what the first stages of every build make.
type model struct {
	cfg   *config.Config
	set   *content.Set
	site  *site.Site
	theme *render.Theme
	// commits are the dates of the last commits the site was built with
	// (Options.LastCommits), nil without.
	commits map[string]time.Time
}

// model runs the stages every build starts with: the configuration, the
// content, the theme and the site model. Problems and timings go into
// res; ok is false when the build cannot go on.
func (ss *Session) model(ctx context.Context, res *Result, watch *stopwatch) (m model, ok bool) {
	opts := ss.opts
	name := opts.contentName()
	cfg, diags := config.Load(opts.Content, name, opts.BaseURL)
	res.Diags.Append(diags)
	if cfg == nil {
		return m, false
	}
	res.Language = cfg.Language
	// A build that keeps nothing reads each body once or twice, for its
	// page and the search index: the bodies wait in a temporary file, not
	// in memory (without one, in memory). A session keeps its own.
	var bodies *markdown.Store
	if !ss.keep && !opts.CheckOnly {
		bodies, _ = markdown.NewStore()
	}
	// The theme needs nothing of the content: it is read and its
	// templates parsed beside the loading, which has the cores to spare
	// while it waits for the disk.
	type loaded struct {
		theme *render.Theme
		diags diag.List
	}
	themed := make(chan loaded, 1)
	go func() {
		theme, diags := ss.loadTheme(cfg.Theme)
		themed <- loaded{theme, diags}
	}()
	lo := content.Options{Cache: ss.docs, Langs: cfg.Codes()[1:], Default: cfg.Codes()[0], Bodies: bodies, Once: !ss.keep}
	if ss.floor != nil {
		lo.Read = ss.floor.read
	}
	set, diags := content.LoadLanguages(ctx, opts.Content, name, lo)
	res.Diags.Append(diags)
	if ctx.Err() != nil {
		// A load cut short misses documents, and the model would report
		// every reference to them. The theme is waited for: a session's
		// next build must not meet it writing the session's theme.
		<-themed
		return m, false
	}
	for _, l := range cfg.Codes() {
		ls := set
		if l != cfg.Language {
			ls = set.Translations[l]
		}
		if ls == nil {
			continue
		}
		for _, p := range ls.Pearls {
			if p.Draft {
				if res.drafts == nil {
					res.drafts = map[string]bool{}
				}
				res.drafts[p.File] = true
			}
		}
	}
	ss.floor.loaded()
	watch.lap("load")

	th := <-themed
	theme := th.theme
	res.Diags.Append(th.diags)
	if theme != nil {
		// A language whose table of words lacks one the theme writes.
		res.Diags.Append(theme.CheckLanguages(cfg.Codes(), cfg.CodePos))
	}
	watch.lap("theme")

	so := site.Options{Drafts: opts.Drafts, Labels: theme.Labels(cfg.Language)}
	if theme != nil {
		so.ThemeWrites = theme.Writes
	}
	if opts.LastCommits != nil {
		so.LastCommits = opts.LastCommits()
	}
	if ss.keep {
		so.Memo = &ss.memo
	}
	// Only a session fingerprints pages (see plan).
	so.NoHashes = !ss.keep
	s, diags := site.Build(cfg, set, so)
	res.Diags.Append(diags)
	res.Diags.Append(staticClashes(set))
	res.Site = s
	if len(cfg.Languages) > 0 {
		res.Diags.Append(languageSites(cfg, set, s, so, theme))
	}
	watch.lap("model")
	if res.Diags.HasErrors() || theme == nil {
		return m, false
	}
	return model{cfg: cfg, set: set, site: s, theme: theme, commits: so.LastCommits}, true
}

// staticClashes are the static files in the way of one another
// (Logo.png beside logo.png, x.gz beside x), told with the model's
// problems (site's static check tells those in the way of a generated
// file): the last stage finds them by the same layout, but runs only once
// the model has no errors, so each fix would reveal the next.
func staticClashes(set *content.Set) diag.List {
	var diags diag.List
	dir := cmp.Or(set.Prefix, "content") + "/" + content.DirStatic + "/"
	l := output.NewLayout(len(set.Static))
	for _, f := range set.Static {
		l.Add(output.File{Path: f, Type: output.TypeOf(f), Source: dir + f})
	}
	for _, c := range l.Conflicts() {
		diags.Add(&diag.Error{Pos: diag.Pos{File: c.Source}, Text: c.Text})
	}
	return diags
}

// languageSites builds the site of each other language of s, from its
// folder's documents, and links the sites to each other
// (site.Site.Languages). Their documents' hashes join s's, for the
// pages' fingerprints: their keys start with the language's folder.
func languageSites(cfg *config.Config, set *content.Set, s *site.Site, so site.Options, theme *render.Theme) diag.List {
	var diags diag.List
	s.Languages = []*site.Site{s}
	for _, code := range cfg.Codes()[1:] {
		ls := set.Translations[code]
		if ls == nil {
			ls = &content.Set{}
		}
		// Every language shares the static files.
		ls.Static, ls.ImageSizes = set.Static, set.ImageSizes
		l, d := site.Build(cfg.For(code), ls, site.Options{Drafts: so.Drafts, LastCommits: so.LastCommits, Default: s, Labels: theme.Labels(code), NoHashes: so.NoHashes, ThemeWrites: so.ThemeWrites})
		diags.Append(d)
		diags.Append(site.Outdated(set, ls, so.LastCommits))
		for k, v := range l.Hashes {
			s.Hashes[k] = v
		}
		s.Languages = append(s.Languages, l)
	}
	for _, l := range s.Languages[1:] {
		l.Languages = s.Languages
	}
	return diags
}

// themeFS is the folder of the theme name: themes/<name>/ when the portal
// has it, or else the theme compiled into the binary; nil when neither
// has it. A folder of the portal's own that cannot be used (a link out of
// themes/, a file, no templates/) is a problem, never a quiet fall back
// to the built-in theme, whose look the editor did not choose.
func themeFS(themesFS fs.FS, name string) (fs.FS, *diag.Error) {
	if themesFS != nil {
		pos := diag.Pos{File: "themes/" + name}
		info, err := rootfs.Check(themesFS, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, rootfs.Problem(pos, err)
		case !info.IsDir():
			return nil, diag.New(pos, diag.ReadThemeNotFolder, pos.File)
		default:
			sub, err := fs.Sub(themesFS, name)
			if err == nil {
				if info, err := rootfs.Check(sub, "templates"); err == nil && info.IsDir() {
					return sub, nil
				}
			}
			return nil, diag.New(pos, diag.ReadThemeNoTemplates, pos.File)
		}
	}
	sub, err := fs.Sub(themes.FS, name)
	if err != nil {
		return nil, nil
	}
	if _, err := fs.Stat(sub, "templates"); err != nil {
		return nil, nil
	}
	return sub, nil
}

// readStatic reads the static file name (its path under static/).
func readStatic(opts Options, name string) ([]byte, *diag.Error) {
	data, err := rootfs.ReadFile(opts.Content, content.DirStatic+"/"+name)
	if err != nil {
		return nil, rootfs.Problem(diag.Pos{File: opts.contentName() + "/" + content.DirStatic + "/" + name}, err)
	}
	return data, nil
}

// staticTasks are the tasks that read the static files names, or take
// their bytes from the session's cache; keep, called once they have run,
// puts the bytes read in the cache.
func (ss *Session) staticTasks(names []string) (tasks []task, keep func()) {
	read := make([][]byte, len(names))
	for i, name := range names {
		tasks = append(tasks, task{path: name, make: func() (output.File, error) {
			data, ok := ss.static[name]
			if !ok {
				var err *diag.Error
				if data, err = readStatic(ss.opts, name); err != nil {
					return output.File{}, err
				}
				if ss.keep {
					read[i] = data
				}
			}
			return staticFile(ss.opts, name, data), nil
		}})
	}
	return tasks, func() {
		if ss.keep {
			for i, data := range read {
				if data != nil {
					ss.static[names[i]] = data
				}
			}
		}
	}
}

// staticFile is the output file of the static file name.
func staticFile(opts Options, name string, data []byte) output.File {
	return output.File{Path: name, Data: data, Type: output.TypeOf(name),
		Source: opts.contentName() + "/" + content.DirStatic + "/" + name}
}

// writer collects or writes files from many goroutines.
type writer struct {
	out   *output.Writer
	min   *output.Minifier
	mu    sync.Mutex
	files []output.File
	check bool // Options.CheckOnly: files are made, then dropped
	// content is how the content folder is shown in messages.
	content string
	// layout finds two files of one path, and files that cannot all be
	// written (output.Layout); conflicts reports the latter once every
	// file is put.
	layout *output.Layout
	diags  diag.List
	// told are the errors in diags, by place and words: a template's
	// mistake fails every page made with it alike, and is one mistake.
	told map[string]bool
}

func newWriter(out *output.Writer, opts Options, hint int) *writer {
	w := &writer{out: out, check: opts.CheckOnly, layout: output.NewLayout(hint), content: opts.contentName()}
	if out == nil {
		w.files = make([]output.File, 0, hint+64)
		if opts.Minify {
			w.min = output.NewMinifier()
		}
	}
	return w
}

func (w *writer) put(f output.File) {
	again, ok := w.layout.Add(f)
	if again {
		w.fail(diag.New(diag.Pos{File: cmp.Or(f.Source, w.content+"/"+content.DirStatic+"/"+f.Path)}, diag.BuildTwoFiles, f.Path))
		return
	}
	if !ok {
		return
	}
	if w.out != nil {
		if err := w.out.Write(f); err != nil {
			if own := (*diag.Error)(nil); errors.As(err, &own) {
				// A problem of the file's source, told where it is.
				w.fail(own)
				return
			}
			w.fail(diag.New(diag.Pos{File: f.Path}, diag.BuildCannotWrite, f.Path, diag.Cause(err)).Because(err))
		}
		return
	}
	if w.min != nil {
		var err error
		if f, err = w.min.Minify(f); err != nil {
			w.fail(diag.FromError(diag.Pos{File: f.Path}, err))
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

// minified is make with the file it makes minified, when the writer
// minifies, so that a Partial gives it as it is written.
func (w *writer) minified(make func() (output.File, error)) func() (output.File, error) {
	if w.min == nil {
		return make
	}
	return func() (output.File, error) {
		f, err := make()
		if err == nil {
			f, err = w.min.Minify(f)
			f.Minified = true
		}
		return f, err
	}
}

// conflicts reports the files that could not all be written, after the
// last put.
func (w *writer) conflicts() {
	for _, c := range w.layout.Conflicts() {
		w.fail(&diag.Error{Pos: diag.Pos{File: cmp.Or(c.Source, "themes")}, Text: c.Text})
	}
}

func (w *writer) fail(e *diag.Error) {
	key := e.In(diag.English)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.told[key] {
		return
	}
	if w.told == nil {
		w.told = map[string]bool{}
	}
	w.told[key] = true
	w.diags.Add(e)
}

// run makes n files with make on every core (workers.Run) and puts them,
// then calls written, when not nil, with each file put.
func (w *writer) run(ctx context.Context, n int, make func(i int) (output.File, error), written func(output.File)) {
	workers.Run(ctx, n, func(i int) {
		f, err := make(i)
		if err != nil {
			var de *diag.Error
			if errors.As(err, &de) {
				w.fail(de)
			} else {
				w.fail(diag.FromError(diag.Pos{File: "themes"}, err))
			}
			return
		}
		w.put(f)
		if written != nil {
			written(f)
		}
	})
}
