package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/gitinfo"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/site"
)

// DefaultAddr is where the server listens unless told otherwise: the
// loopback interface only, so the drafts on an editor's machine are not
// shared with the network by accident.
const DefaultAddr = "127.0.0.1:1313"

// Options configure a dev server.
type Options struct {
	// ContentDir is the portal's content folder. ContentName is how its
	// paths are shown in messages (default "content").
	ContentDir  string
	ContentName string
	// ThemesDir is the folder holding themes/<name>/, or "" to use the
	// theme compiled into the binary. It is watched as a whole, and need
	// not be there yet: until it is made, the theme compiled in is used.
	ThemesDir string
	// Addr is the address to listen at (DefaultAddr when empty), used when
	// Listener is nil.
	Addr     string
	Listener net.Listener
	// Log receives what the terminal shows: the address, each rebuild,
	// every error. Nil discards it.
	Log io.Writer
	// Lang is the --lang the editor gave, "" to follow HELMINAUHA_LANG and
	// then site.yaml's language: the log and the overlay are in it.
	Lang string
	// Quiet is how long the folders must stay still before a rebuild
	// starts (default 20 ms), and MaxWait the longest a rebuild waits for
	// quiet during a stream of changes (default 250 ms).
	Quiet, MaxWait time.Duration
	// MaxErrors caps the errors printed and shown per build (default 50).
	MaxErrors int
	// ByMake tells that `make serve` started serve, with Addr from the
	// Makefile's ADDR: advice to listen elsewhere names ADDR, since
	// make would refuse --addr as an option of its own.
	ByMake bool
	// AllowedHosts are host names the server answers to besides the
	// loopback names (localhost, 127.0.0.1, [::1]) and the address it
	// listens at; "*" allows any. Other names in a request's Host header
	// get 403: a web page the editor visits could otherwise point its own
	// domain name at 127.0.0.1 (DNS rebinding) and read the drafts.
	AllowedHosts []string
	// SearchDelay is how long the folders must stay still after a
	// rebuild before the search index is built again (default 1 s). The
	// index of a large portal takes seconds of CPU, which would slow the
	// rebuilds of an editor saving every few seconds; the search page is
	// rarely what they are looking at.
	SearchDelay time.Duration
}

// server is a running dev server.
type server struct {
	opts    Options
	session *build.Session
	// content and themes are what the session reads (themes may be nil).
	content, themes *liveRoot
	hosts           *hostCheck
	hub             *hub
	index           *indexer
	// busy is held (locked) while a rebuild runs; the search index, built
	// in the background, waits for it at every pause (see indexer), so a
	// save's rebuild has every core.
	busy sync.RWMutex

	// announce prints where the portal is served, in the language given,
	// once the first build can answer.
	announce func(diag.Lang)

	mu sync.RWMutex
	st *state
	// held are the watcher's messages from before the first build, which
	// wait for it to know the portal's language.
	held []diag.Text
	// warned are the problems of the last good build, which a rebuild's
	// are told against (see newWarnings). Only rebuild uses it.
	warned diag.List
	// holding is when the first of the failed builds held back in a row
	// began (see hold), zero when none is. Only rebuild uses it.
	holding time.Time
}

// say prints a message of the watcher in the language of the log, which
// follows the build's as every line does; one that comes before the
// first build has read site.yaml waits for it.
func (srv *server) say(t diag.Text) {
	srv.mu.Lock()
	if srv.st.gen == 0 {
		srv.held = append(srv.held, t)
		srv.mu.Unlock()
		return
	}
	l := srv.st.lang
	srv.mu.Unlock()
	fmt.Fprintln(srv.opts.Log, t.In(l))
}

// sayHeld prints the messages say held, in l, once a build has set the
// state.
func (srv *server) sayHeld(l diag.Lang) {
	srv.mu.Lock()
	held := srv.held
	srv.held = nil
	srv.mu.Unlock()
	for _, t := range held {
		fmt.Fprintln(srv.opts.Log, t.In(l))
	}
}

// state is what the server serves. It is replaced, never changed; the
// first, of build 0, has nothing to serve, and requests wait for the next.
type state struct {
	gen   int64
	files []output.File // the last good build, sorted by Path
	// partial is the build under way, when it is served before it ends:
	// its files are the site's (files are not).
	partial *build.Partial
	// replaced is closed when the state is replaced.
	replaced chan struct{}
	search   map[string]output.File // the newest search index, by Path
	errs     diag.List              // the last build's errors (at most MaxErrors); nil after a good one
	more     int                    // errors left out of errs
	lang     diag.Lang              // of the log and the overlay
}

// Run builds the portal, serves it, and rebuilds on every change in the
// content and theme folders until ctx is done; then it stops watching,
// closes the reload streams and shuts the HTTP server down. It returns an
// error only when it cannot start (the address is taken, a folder is
// missing): problems in the content are shown, never fatal.
func Run(ctx context.Context, opts Options) error {
	opts.ContentName = cmp.Or(opts.ContentName, "content")
	opts.Quiet = cmp.Or(opts.Quiet, 20*time.Millisecond)
	opts.MaxWait = cmp.Or(opts.MaxWait, 250*time.Millisecond)
	opts.MaxErrors = cmp.Or(opts.MaxErrors, 50)
	opts.SearchDelay = cmp.Or(opts.SearchDelay, time.Second)
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if info, err := os.Stat(opts.ContentDir); err != nil {
		return diag.ReadCannotOpenFolder.Err(opts.ContentDir, diag.Cause(err))
	} else if !info.IsDir() {
		return diag.ReadCannotOpenFolder.Err(opts.ContentDir, diag.CauseNotDir.With())
	}
	// The build reads the content as build and check do (see rootfs), so
	// a symbolic link pointing out of the content folder cannot be read,
	// let alone served, and a named pipe cannot stop the server.
	content, err := openLiveRoot(opts.ContentDir)
	if err != nil {
		return diag.ReadCannotOpenFolder.Err(opts.ContentDir, diag.Cause(err))
	}
	defer content.Close()
	bopts := build.Options{
		Content:     content,
		ContentName: opts.ContentName,
		Drafts:      true,
		MaxErrors:   opts.MaxErrors,
	}
	// Read at the start, and again when a commit or a checkout moves
	// the content's checkout (see watchGit), one git at a time. Run
	// returns only once git has ended: a git log of a long history,
	// killed when serve stops, would otherwise outlive it.
	gitCtx, stopGit := context.WithCancel(ctx)
	commits := gitinfo.Follow(gitCtx, opts.ContentDir)
	defer func() {
		stopGit()
		commits.Wait()
	}()
	bopts.LastCommits = commits.Dates
	var themes *liveRoot
	if opts.ThemesDir != "" {
		if themes, err = openLiveRootMade(opts.ThemesDir); err != nil {
			return diag.ReadCannotOpenFolder.Err(opts.ThemesDir, diag.Cause(err))
		}
		defer themes.Close()
		bopts.Themes = themes
	}

	ln := opts.Listener
	if ln == nil {
		addr := cmp.Or(opts.Addr, DefaultAddr)
		if ln, err = net.Listen("tcp", addr); err != nil {
			return listenError(addr, err, opts.ByMake)
		}
	}
	defer ln.Close()
	// Pages link with the base URL's path: serve at the root, whatever
	// site.yaml says.
	bopts.BaseURL = "http://" + hostPort(ln.Addr()) + "/"

	srv := &server{opts: opts, session: build.NewSession(bopts), hub: newHub(), st: &state{lang: diag.ChooseLang(opts.Lang, ""), replaced: make(chan struct{})},
		content: content, themes: themes, hosts: newHostCheck(ln.Addr(), allowedHosts(opts))}
	srv.index = newIndexer(srv)
	w, err := newWatcher(opts.ContentDir, opts.ThemesDir, srv.say)
	if err != nil {
		return diag.ServeCannotWatch.Err(opts.ContentDir, diag.Cause(err))
	}
	// w is nil when the system's limits let nothing be watched (it has
	// said so): the site is built and served all the same.
	if w != nil {
		w.failing = func() bool { return srv.current().errs != nil }
		if gitDir, common := gitinfo.Dirs(ctx, opts.ContentDir); gitDir != "" {
			w.watchGit(gitDir, common, commits.Moved)
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	changes := make(chan change, 256)
	batches := make(chan batch)
	again := make(chan struct{}, 1)
	if w != nil {
		wg.Go(func() { w.run(ctx, changes) })
	}
	wg.Go(func() { debounce(ctx, changes, again, batches, opts.Quiet, opts.MaxWait) })

	// The server answers from the start: a request waits until the
	// first build can answer it (see ServeHTTP).
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	srv.announce = func(l diag.Lang) {
		fmt.Fprintln(opts.Log, diag.ServeServing.In(l, bopts.BaseURL))
		if t, ok := ln.Addr().(*net.TCPAddr); ok && !t.IP.IsLoopback() {
			fmt.Fprintln(opts.Log, diag.ServeReachable.In(l, ln.Addr()))
		}
	}
	wg.Go(func() {
		srv.rebuild(ctx, batch{}, time.Now())
		// held is a hurried batch whose build failed and was not told:
		// the next build reads its changes again, and tells.
		var held *batch
		for {
			select {
			case <-ctx.Done():
				return
			case b := <-batches:
				if held != nil {
					b = held.then(b)
				}
				if held = srv.rebuild(ctx, b, time.Now()); held != nil {
					select {
					case again <- struct{}{}:
					default:
					}
				}
			}
		}
	})
	wg.Go(func() { srv.index.run(ctx) })

	select {
	case err = <-served:
	case <-ctx.Done():
	}
	cancel()
	stopGit()       // a rebuild may wait for its dates
	srv.hub.close() // reload streams end, so Shutdown need not wait for them
	shut, stop := context.WithTimeout(context.Background(), 2*time.Second)
	defer stop()
	if serr := hs.Shutdown(shut); serr != nil {
		// A client that stopped reading (a tab left downloading a video
		// from a sleeping laptop, a stalled proxy) holds its connection
		// past any wait. The editor asked serve to stop, and it stops:
		// the connections are cut, and Go's "context deadline exceeded"
		// is no failure of theirs to tell.
		hs.Close()
	}
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// allowedHosts is Options.AllowedHosts and the name --addr gave, when it
// gave a name ("kone.lan:1313"): the editor typed it, and will open it.
func allowedHosts(opts Options) []string {
	h, _, err := net.SplitHostPort(opts.Addr)
	if err != nil || h == "" || net.ParseIP(h) != nil {
		return opts.AllowedHosts
	}
	return append(slices.Clone(opts.AllowedHosts), h)
}

func hostPort(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(t.Port))
	}
	return a.String()
}

// rebuild builds after the changes in b, swaps in the result when it is
// good, keeps the last good site and shows the errors when not, and tells
// the open tabs to reload either way. A build that gets as far as listing
// its files is served from then on (build.Partial): the tabs reload at
// once, and a page not rendered yet is rendered for the request that
// asks for it, or waited for, while the build goes on. Should that build
// fail after all, its errors come as a build of their own, so the tabs
// reload again. A hurried build that fails is held instead (see hold),
// and rebuild returns its batch for the next build to take in.
func (srv *server) rebuild(ctx context.Context, b batch, since time.Time) (held *batch) {
	was := srv.current()
	first := was.gen == 0
	gen := was.gen + 1
	shown := false
	show := func(p *build.Partial) {
		st := srv.swap(func(old *state) *state {
			return &state{gen: gen, files: old.files, search: old.search, lang: diag.ChooseLang(srv.opts.Lang, p.Language), partial: p}
		})
		srv.sayHeld(st.lang)
		if first && !shown {
			srv.announce(st.lang)
		}
		if !shown {
			srv.hub.send(gen)
		}
		shown = true
	}
	srv.busy.Lock()
	res, err := srv.follow(&b)
	if err == nil {
		res, err = srv.session.RebuildShowing(ctx, b.changes(), show)
	}
	srv.busy.Unlock()
	if ctx.Err() != nil {
		return nil
	}
	if err != nil && srv.hold(b, since) {
		if shown {
			// The tabs reloaded to this build: back to what they showed.
			srv.swap(func(old *state) *state {
				st := *was
				st.gen, st.search = gen+1, old.search
				return &st
			})
			srv.hub.send(gen + 1)
		}
		return &b
	}
	srv.holding = time.Time{}
	took := time.Since(since)
	var s *site.Site
	st := srv.swap(func(old *state) *state {
		st := &state{gen: gen, files: old.files, search: old.search, lang: old.lang}
		if shown && err != nil {
			st.gen++
		}
		if res != nil {
			st.lang = diag.ChooseLang(srv.opts.Lang, res.Language)
		}
		switch {
		case err == nil:
			st.files = res.Files
			s = res.Site
		case errors.Is(err, build.ErrContent):
			// The build keeps at most MaxErrors errors and counts the rest.
			st.errs, st.more = res.Diags.Errors(), res.Dropped
			if len(st.errs) == 0 { // the theme was missing, say
				st.errs = diag.List{diag.FromError(diag.Pos{File: srv.opts.ContentName}, err)}
			}
		default:
			st.errs = diag.List{diag.FromError(diag.Pos{File: srv.opts.ContentName}, err)}
		}
		return st
	})
	srv.sayHeld(st.lang)
	defer func() {
		// The terminal has the news first, then the tabs reload (unless
		// they reloaded when the build was shown).
		if st.gen != gen || !shown {
			srv.hub.send(st.gen)
		}
		if first && !shown {
			srv.announce(st.lang)
		}
		if s != nil {
			srv.index.want(s)
		}
	}()

	log, l := srv.opts.Log, st.lang
	what := describe(b).In(l)
	if st.errs != nil {
		for _, e := range st.errs {
			fmt.Fprintln(log, e.In(l))
		}
		if st.more > 0 {
			fmt.Fprintln(log, diag.OverlayMore.In(l, st.more))
		}
		if len(st.files) == 0 {
			fmt.Fprintln(log, diag.ServeFailedNoGood.In(l, what, ms(took)))
		} else {
			fmt.Fprintln(log, diag.ServeFailedGood.In(l, what, ms(took)))
		}
		return
	}
	before := srv.warned
	srv.warned = res.Diags
	if first {
		if n := len(res.Diags.Warnings()); n > 0 {
			fmt.Fprintln(log, diag.WarningsNoted.In(l, n))
		}
		fmt.Fprintln(log, diag.ServeBuilt.In(l, diag.CmdFileCount.With(len(res.Files)), ms(took)))
		return
	}
	fmt.Fprintln(log, diag.ServeRebuilt.In(l, what, ms(took), diag.CmdPageCount.With(srv.session.Rendered())))
	if b.all {
		return
	}
	fresh, gone := newWarnings(before, res.Diags, srv.opts.ContentName, b.edited())
	for i, w := range fresh {
		if i == maxNewWarnings {
			fmt.Fprintln(log, diag.ServeMoreWarnings.In(l, len(fresh)-i))
			break
		}
		fmt.Fprintln(log, w.In(l))
	}
	if gone > 0 {
		fmt.Fprintln(log, diag.ServeWarningsGone.In(l, gone))
	}
	return nil
}

// hold tells whether to hold back the errors of a build of b, begun at
// since, that failed: not when the build was made on quiet folders, but
// when changes were still arriving (b.hurried), a folder being copied in
// or checked out, whose files the build may have found made but not yet
// written ("the file is empty", a link to a page not there yet). Those
// errors are not the editor's, and would flash in the terminal and the
// tabs. The next build, when the folders are quiet or MaxWait later,
// reads the changes again and tells what it finds; changes that never
// stop have their errors told after maxHold.
func (srv *server) hold(b batch, since time.Time) bool {
	if !b.hurried {
		return false
	}
	if srv.holding.IsZero() {
		srv.holding = since
	}
	return since.Sub(srv.holding) < maxHold
}

// maxHold is the longest hold holds errors back.
const maxHold = 3 * time.Second

// maxNewWarnings is the most new warnings a rebuild prints one by one.
const maxNewWarnings = 10

// newWarnings are the warnings of the saved files that the last good
// build did not have, and how many of theirs are gone: what the editor
// has just done, said in the terminal as check would say it. Only the
// saved files are compared (a portal of 100,000 pearls has thousands of
// warnings, and printing each of them costs more than the rebuild), and
// a warning counts as the same when its file and message are, so that a
// line added above it does not tell it again.
func newWarnings(before, after diag.List, contentName string, saved []string) (fresh diag.List, gone int) {
	if len(saved) == 0 || len(before) == len(after) && (len(after) == 0 || &before[0] == &after[0]) {
		// A rebuild that changed no problem keeps the last list.
		return nil, 0
	}
	key := func(w *diag.Error) string { return w.Pos.File + "\x00" + w.Message(diag.English) }
	old := map[string]int{}
	for _, p := range saved {
		file := filepath.ToSlash(filepath.Join(contentName, p))
		for _, w := range before.OfFile(file) {
			if w.Severity == diag.SevWarning {
				old[key(w)]++
			}
		}
		for _, w := range after.OfFile(file) {
			if w.Severity != diag.SevWarning {
				continue
			}
			if k := key(w); old[k] > 0 {
				old[k]--
			} else {
				fresh = append(fresh, w)
			}
		}
	}
	for _, n := range old {
		gone += n
	}
	return fresh, gone
}

// follow reopens the content and theme folders when their names point
// at new folders (see liveRoot), and then has everything rebuilt: nothing
// of the old folder's parse can be trusted. A missing content folder is
// an error of the build, shown like any other, until it is back.
func (srv *server) follow(b *batch) (*build.Result, error) {
	for _, r := range []*liveRoot{srv.content, srv.themes} {
		if r == nil {
			continue
		}
		made := r.made()
		replaced, err := r.refresh()
		if err != nil && r == srv.content {
			return &build.Result{}, diag.ServeFolderGone.Err(diag.Cause(err))
		}
		if replaced && made {
			fmt.Fprintln(srv.opts.Log, diag.ServeReplaced.In(srv.current().lang, r.dir))
		}
		b.all = b.all || replaced
	}
	return nil, nil
}

func describe(b batch) diag.Text {
	if b.all {
		return diag.ServeChanges.With()
	}
	// A theme file is named as the build's messages name it.
	edited := b.edited()
	for _, p := range b.themeFiles.edited() {
		edited = append(edited, "themes/"+p)
	}
	switch {
	case len(edited) == 1:
		return diag.ServeChanged.With(filepath.ToSlash(edited[0]))
	case len(edited) > 0:
		return diag.ServeNChanges.With(len(edited))
	case b.theme:
		// The themes folder itself, made again or renamed.
		return diag.ServeChanges.With()
	}
	return diag.Text{}
}

func ms(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }

// swap replaces the state with the one next makes of it.
func (srv *server) swap(next func(old *state) *state) *state {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	old := srv.st
	st := next(old)
	st.replaced = make(chan struct{})
	srv.st = st
	close(old.replaced)
	return st
}

// current is the state being served.
func (srv *server) current() *state {
	srv.mu.RLock()
	defer srv.mu.RUnlock()
	return srv.st
}

// file looks up a file of the served site by its path
// ("helmet/x/index.html"), rendering it when the build under way has not
// yet; ok is false when the build under way cannot tell (see
// build.Partial.File), and its result will.
func (st *state) file(p string) (f output.File, found, ok bool) {
	if f, found := st.search[p]; found {
		return f, true, true
	}
	if st.partial != nil {
		return st.partial.File(p)
	}
	f, found = st.lastFile(p)
	return f, found, true
}

// has tells whether the served site has a file at p, without rendering
// it.
func (st *state) has(p string) bool {
	if _, found := st.search[p]; found {
		return true
	}
	if st.partial != nil {
		return st.partial.Has(p)
	}
	_, found := st.lastFile(p)
	return found
}

// lastFile looks p up in the files of the last good build.
func (st *state) lastFile(p string) (output.File, bool) {
	i, ok := slices.BinarySearchFunc(st.files, p, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return output.File{}, false
	}
	return st.files[i], true
}

// indexer builds the search index in the background, one at a time,
// always for the newest model, once no newer model came for SearchDelay
// (the first one at once): pages are served and tabs reloaded without
// waiting for it.
type indexer struct {
	srv  *server
	next chan *site.Site // holds at most the newest model
}

func newIndexer(srv *server) *indexer { return &indexer{srv: srv, next: make(chan *site.Site, 1)} }

// pause waits while a rebuild runs.
func (ix *indexer) pause() {
	ix.srv.busy.RLock()
	ix.srv.busy.RUnlock()
}

// want asks for an index of s, replacing any older request not yet begun.
func (ix *indexer) want(s *site.Site) {
	for {
		select {
		case ix.next <- s:
			return
		default:
		}
		select {
		case <-ix.next:
		default:
		}
	}
}

func (ix *indexer) run(ctx context.Context) {
	first := true
	for {
		select {
		case <-ctx.Done():
			return
		case s := <-ix.next:
			if !first {
				t := time.NewTimer(ix.srv.opts.SearchDelay)
			wait:
				for {
					select {
					case <-ctx.Done():
						t.Stop()
						return
					case s = <-ix.next:
						t.Reset(ix.srv.opts.SearchDelay)
					case <-t.C:
						break wait
					}
				}
			}
			first = false
			// The index of a large portal takes seconds and cannot be
			// stopped: shutting down does not wait for it.
			type built struct {
				files []output.File
				err   error
			}
			done := make(chan built, 1)
			go func() {
				files, err := ix.srv.session.Search(s, ix.pause)
				done <- built{files, err}
			}()
			var b built
			select {
			case <-ctx.Done():
				return
			case b = <-done:
			}
			files, err := b.files, b.err
			if err != nil {
				fmt.Fprintln(ix.srv.opts.Log, diag.ServeSearchFailed.In(ix.srv.current().lang, diag.Cause(err)))
				ix.srv.swap(func(old *state) *state {
					st := *old
					if st.search == nil {
						// Requests waiting for a first index get 404.
						st.search = map[string]output.File{}
					}
					return &st
				})
				continue
			}
			m := make(map[string]output.File, len(files))
			for _, f := range files {
				m[f.Path] = f
			}
			ix.srv.swap(func(old *state) *state {
				st := *old
				st.search = m
				return &st
			})
		}
	}
}

// listenError says why serve cannot listen at addr, and what to type
// instead, in the editor's words: Go's own ("too many colons in
// address", "invalid port") would stand in English inside the Finnish
// message, and say nothing of what to write.
func listenError(addr string, err error, byMake bool) error {
	_, defaultPort, _ := net.SplitHostPort(DefaultAddr)
	// The advice is what to type: under `make serve`, make's ADDR, since
	// make would take --addr for an option of its own.
	try := func(addr string) string {
		if byMake {
			return "make serve ADDR=" + addr
		}
		return "--addr " + addr
	}
	here := func(port string) string { return try(net.JoinHostPort("127.0.0.1", cmp.Or(port, defaultPort))) }
	host, port, splitErr := net.SplitHostPort(addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		if free := freeNear(addr); free != "" {
			return diag.ServeAddrInUse.Err(addr, try(free))
		}
		return diag.ServeAddrInUse.Err(addr, here("1314"))
	case errors.Is(err, syscall.EACCES):
		return diag.ServeAddrDenied.Err(addr, here(""))
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return diag.ServeAddrNotHere.Err(addr, here(port))
	case strings.Contains(addr, "/"):
		if u := fromURL(addr, defaultPort); u != "" {
			return diag.ServeAddrURL.Err(addr, try(u))
		}
		return diag.ServeAddrURL.Err(addr, here(""))
	}
	if want := withPort(addr); want != "" {
		return diag.ServeAddrNoPort.Err(addr, try(want))
	}
	if ip := net.ParseIP(strings.Trim(addr, "[]")); ip != nil && ip.To4() == nil {
		return diag.ServeAddrIPv6.Err(addr, try(net.JoinHostPort(ip.String(), defaultPort)))
	}
	if splitErr == nil && port != "" {
		if n, perr := strconv.Atoi(port); perr != nil && !isPortName(port) || perr == nil && (n < 0 || n > 65535) {
			return diag.ServeAddrBadPort.Err(addr, port, try(net.JoinHostPort(host, defaultPort)))
		}
	}
	if dns := (*net.DNSError)(nil); errors.As(err, &dns) {
		return diag.ServeAddrNoHost.Err(dns.Name, here(port))
	}
	if splitErr != nil {
		return diag.ServeAddrForm.Err(addr, here(""))
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		err = oe.Err
	}
	return diag.ServeAddrBad.Err(addr, err.Error(), here(""))
}

// isPortName tells whether a port is written as a service's name
// ("http"), which Go looks up.
func isPortName(port string) bool {
	_, err := net.LookupPort("tcp", port)
	return err == nil
}

// fromURL is the host and port of a web address typed as --addr
// ("http://127.0.0.1:1313/", as the browser shows it), with port the
// default; "" when it is not one.
func fromURL(addr, port string) string {
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return net.JoinHostPort(u.Hostname(), cmp.Or(u.Port(), port))
}

// freeNear is addr with the first of the next 100 ports that is free
// now, so that the advice works when it is followed: a fixed one was
// the port in use itself when serve already ran there; "" when addr has
// no port number or none is free.
func freeNear(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return ""
	}
	for q := p + 1; q <= min(p+100, 65535); q++ {
		a := net.JoinHostPort(host, strconv.Itoa(q))
		if ln, err := net.Listen("tcp", a); err == nil {
			ln.Close()
			return a
		}
	}
	return ""
}

// withPort is the address to suggest for addr when it lacks its port, or
// "": a port alone (1399) on the loopback, a host alone (localhost) with
// the default port. Go's own words for it ("missing port in address")
// would stand in English inside the Finnish message.
func withPort(addr string) string {
	var ae *net.AddrError
	if _, _, err := net.SplitHostPort(addr); !errors.As(err, &ae) || ae.Err != "missing port in address" {
		return ""
	}
	if _, err := strconv.ParseUint(addr, 10, 16); err == nil {
		return net.JoinHostPort("127.0.0.1", addr)
	}
	_, port, _ := net.SplitHostPort(DefaultAddr)
	return net.JoinHostPort(strings.Trim(addr, "[]"), port)
}
