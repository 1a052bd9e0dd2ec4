package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/gitinfo"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// maxShown caps the errors printed in one run, and the warnings check
// prints; the rest are counted (build keeps no more errors than that,
// check keeps them all for --format json and --all, see shownOf).
const maxShown = 100

// checkContentDir tells the user when the content folder is not there,
// before the build says the same thing less plainly.
func checkContentDir(dir string, stderr io.Writer, lang diag.Lang) error {
	info, err := os.Stat(dir)
	switch {
	case dir == "":
		fmt.Fprintln(stderr, noContentDir(dir, lang))
		return errUsage
	case err == nil && info.IsDir():
		// A folder of the content folder (--content content/helmet):
		// its site.yaml is one folder up.
		parent := filepath.Dir(filepath.Clean(dir))
		if !exists(filepath.Join(dir, "site.yaml")) && exists(filepath.Join(parent, "site.yaml")) {
			fmt.Fprintln(stderr, diag.CmdContentSubfolder.In(lang, dir, parent, parent))
			return errUsage
		}
		// The portal's own folder (--content .), which holds the
		// content folder: the build refused its --out inside it, and
		// with another said the portal had no site.yaml.
		if inner := filepath.Join(dir, "content"); !exists(filepath.Join(dir, "site.yaml")) && exists(filepath.Join(inner, "site.yaml")) {
			fmt.Fprintln(stderr, diag.CmdContentSubfolder.In(lang, dir, inner, inner))
			return errUsage
		}
		return nil
	case err == nil:
		fmt.Fprintln(stderr, diag.CmdContentIsFile.In(lang, dir))
	default:
		fmt.Fprintln(stderr, noContentDir(dir, lang))
	}
	return errContent
}

// noContentDir says that the content folder dir is not there, or, for
// --content "", that the flag needs a folder.
func noContentDir(dir string, lang diag.Lang) string {
	if dir == "" {
		return "helminauha: " + diag.CmdContentEmpty.In(lang)
	}
	if exists("site.yaml") {
		return diag.CmdInContentDir.In(lang, dir)
	}
	return diag.CmdNoContentDir.In(lang, dir)
}

// exists tells whether there is a file or folder at name.
func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// openContent opens the content folder, and the themes folder when there
// is one, for a build that reads nothing outside them (see rootfs); done
// closes them.
func openContent(dir string, stderr io.Writer, lang diag.Lang) (opts build.Options, done func(), err error) {
	if err := checkContentDir(dir, stderr, lang); err != nil {
		return opts, nil, err
	}
	root, err := rootfs.Open(dir)
	if err != nil {
		return opts, nil, failed(stderr, diag.ReadCannotOpenFolder.Err(dir, diag.Cause(err)), lang)
	}
	done = func() { root.Close() }
	opts = build.Options{Content: root, ContentName: contentName(dir), MaxErrors: maxShown}
	if tdir := themesDir(dir); tdir != "" {
		troot, err := rootfs.Open(tdir)
		if err != nil {
			root.Close()
			return opts, nil, failed(stderr, diag.ReadCannotOpenFolder.Err(tdir, diag.Cause(err)), lang)
		}
		opts.Themes = troot
		done = func() { root.Close(); troot.Close() }
	}
	return opts, done, nil
}

// contentName is how paths in the content folder dir are shown in
// messages.
func contentName(dir string) string { return filepath.ToSlash(filepath.Clean(dir)) }

// besideContent is the themes folder beside the content folder. Not
// filepath.Dir of it: that is "." for "." and for "..", the content
// folder given from inside itself or from a folder of it, which found no
// theme there and built with the one compiled in, without a word.
func besideContent(contentDir string) string {
	return filepath.Join(contentDir, "..", "themes")
}

// themesDir is the folder themes are looked up in, or "" for none.
func themesDir(contentDir string) string {
	for _, dir := range []string{"themes", besideContent(contentDir)} {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return ""
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("build", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	out := fl.String("out", "public", "the output folder (changed only when the build succeeds)")
	cleanOut := fl.Bool("clean-out", false, "remove the files in the output folder that helminauha did not write (but .git, CNAME, .nojekyll and site.yaml's keep), instead of refusing to build there")
	baseURL := fl.String("baseurl", "", "the site's address, overriding site.yaml's baseURL (e.g. https://org.github.io/portaali/)")
	drafts := fl.Bool("drafts", false, "include pearls marked draft: true")
	minify := fl.Bool("minify", true, "minify HTML, CSS, JS, JSON, SVG and XML")
	gz := fl.Bool("gzip", false, "also write a .gz beside every text file")
	quiet := fl.Bool("quiet", false, "print only problems")
	format := fl.String("format", "text", "text, or github (errors as workflow commands, which GitHub shows on a pull request's lines)")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile to `FILE` (for go tool pprof)")
	memProfile := fl.String("memprofile", "", "write an allocation profile to `FILE` at the end (for go tool pprof)")
	timings := fl.Bool("timings", false, "print how long each stage took")
	// An execution trace shows when the cores wait: for the project's own
	// measurements, not the editor's, so -h leaves it out.
	traceFile := fl.String("trace", "", "")
	fl.hidden = map[string]bool{"trace": true}
	if err := parse(fl, args); err != nil {
		return err
	}
	stopTrace, err := record(*traceFile, trace.Start, trace.Stop)
	if err != nil {
		return err
	}
	defer stopTrace()
	stopProfile, err := record(*cpuProfile, pprof.StartCPUProfile, pprof.StopCPUProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if err := noArgs(fl); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "helminauha:", diag.OutputEmpty.In(fl.Lang("")))
		return errUsage
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintln(stderr, diag.CmdBuildBadFormat.In(fl.Lang(""), *format))
		return errUsage
	}
	opts, done, err := openContent(*contentDir, stderr, fl.Lang(""))
	if err != nil {
		return err
	}
	defer done()
	opts.Out, opts.BaseURL, opts.Drafts, opts.Minify, opts.Gzip = *out, *baseURL, *drafts, *minify, *gz
	opts.LastCommits = gitinfo.Start(ctx, *contentDir)
	opts.OutClean, opts.OutGuard = *cleanOut, []string{*contentDir, themesDir(*contentDir)}
	opts.HeapFloor = buildHeapFloor
	start := time.Now()
	var mu sync.Mutex
	shown := false
	if !*quiet && isTerminal(stdout) {
		opts.Progress = func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprint(stdout, diag.CmdProgress.In(fl.Lang(""), done, total))
			shown = true
		}
	}
	// A first build that fails leaves no folder: "left as it was" would
	// send the editor looking for one.
	_, statErr := os.Stat(*out)
	failedMsg := diag.CmdBuildFailed
	if errors.Is(statErr, fs.ErrNotExist) {
		failedMsg = diag.CmdBuildFailedNoOut
	}
	res, err := build.Build(ctx, opts)
	if shown {
		fmt.Fprint(stdout, "\r\033[K") // clear the progress line
	}
	if err != nil && ctx.Err() != nil {
		stopped := &interrupted{out: *out}
		if errors.Is(err, build.ErrOutputMixed) {
			stopped.mixed = err
		}
		return stopped
	}
	lang := fl.Lang("")
	if res != nil {
		lang = fl.Lang(res.Language)
		if *format == "github" {
			// An error check does not find (a static file the minifier
			// cannot read) failed the workflow with no word on the pull
			// request. The commands go to stdout, as check's do.
			errs := *res
			errs.Diags = res.Diags.Errors()
			writeGitHub(stdout, &errs, repoRoot(), false, lang)
		} else {
			printDiags(stderr, res, false, false, lang)
		}
	}
	if errors.Is(err, build.ErrContent) {
		fmt.Fprintln(stderr, failedMsg.In(lang, diag.CmdErrorCount.With(len(res.Diags.Errors())+res.Dropped), *out))
		return errContent
	}
	if err != nil {
		return failed(stderr, err, lang)
	}
	if !*quiet {
		fmt.Fprintln(stdout, diag.CmdWrote.In(lang, diag.CmdFileCount.With(res.Written), size(res.Bytes), *out,
			time.Since(start).Round(time.Millisecond).String(), pageSummary(res.Pages, lang)))
		printLeftOut(stdout, res, lang)
		for _, f := range res.Lookalikes {
			fmt.Fprintln(stdout, diag.OutputLookalike.In(lang, f))
		}
		if f := res.SpareLookalike; f != "" {
			fmt.Fprintln(stdout, diag.OutputSpareLookalike.In(lang, f))
		}
		// Build prints no warnings, but says there are some: a page left
		// out with one (a note saved as .txt beside the pages) would
		// otherwise go unseen until check.
		if n := len(res.Diags.Warnings()); n > 0 {
			fmt.Fprintln(stdout, diag.WarningsNoted.In(lang, n))
		}
		if res.Site != nil && res.Site.Config.BaseURL == "" {
			// The feed is named only where one is written: a portal of a
			// guide alone has the sitemap alone to give addresses in.
			feed := res.Site.HasFeed()
			for _, l := range res.Site.Languages {
				feed = feed || l.HasFeed()
			}
			note := diag.CmdNoBaseURLSitemap
			if feed {
				note = diag.CmdNoBaseURL
			}
			fmt.Fprintln(stdout, note.In(lang, filepath.Join(*contentDir, "site.yaml")))
		}
		if res.Site != nil {
			publishNotes(stdout, res.Site.Config, *out, filepath.Join(*contentDir, "site.yaml"), lang)
		}
	}
	if *timings {
		printTimings(stdout, res.Timings, lang)
	}
	return nil
}

// stageNames are the words of build --timings for the build's stages.
var stageNames = map[string]*diag.Message{
	"load": diag.StageLoad, "theme": diag.StageTheme, "model": diag.StageModel, "patch": diag.StagePatch,
	"plan": diag.StagePlan, "render": diag.StageRender, "static": diag.StageStatic, "write": diag.StageWrite,
}

// printTimings writes a line for each stage, its name in lang, padded so
// that the figures stand in columns (make bench-scale reads the English
// lines, with --lang en).
func printTimings(w io.Writer, timings []build.Timing, lang diag.Lang) {
	names, width := make([]string, len(timings)), 8
	for i, t := range timings {
		names[i] = t.Stage
		if m := stageNames[t.Stage]; m != nil {
			names[i] = m.In(lang)
		}
		width = max(width, utf8.RuneCountInString(names[i]))
	}
	for i, t := range timings {
		name := names[i] + strings.Repeat(" ", width-utf8.RuneCountInString(names[i]))
		fmt.Fprintln(w, diag.CmdTiming.In(lang, name, t.Took.Round(time.Millisecond).String(),
			t.CPU.Round(time.Millisecond).String(), t.System.Round(time.Millisecond).String(), size(t.MaxRSS)))
	}
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("check", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	format := fl.String("format", "text", "text, or json for editors' tools")
	all := fl.Bool("all", false, "print every problem: without it, text and github print the first 100 errors and 100 warnings, and 10 of one kind in a file, and count the rest")
	if err := parse(fl, args); err != nil {
		return err
	}
	if err := noArgs(fl); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintln(stderr, diag.CmdCheckBadFormat.In(fl.Lang(""), *format))
		return errUsage
	}
	opts, done, err := openContent(*contentDir, stderr, fl.Lang(""))
	if err != nil {
		return err
	}
	defer done()
	opts.CheckOnly = true
	// A translation without dates of its own is outdated by its file's
	// last commit, which check warns of as build does.
	opts.LastCommits = gitinfo.Start(ctx, *contentDir)
	// Drafts are checked like every other page, so that check says what
	// build --drafts and serve say about the same folder.
	opts.Drafts = true
	opts.MaxErrors = 0
	res, err := build.Build(ctx, opts)
	if err != nil && ctx.Err() != nil {
		return &interrupted{}
	}
	if err != nil && !errors.Is(err, build.ErrContent) {
		return err
	}
	lang := fl.Lang(res.Language)
	switch *format {
	case "json":
		writeJSON(stdout, res, lang)
	case "github":
		writeGitHub(stdout, res, repoRoot(), *all, lang)
		fmt.Fprintln(stdout, checkSummary(res, opts.ContentName, lang))
	default:
		printDiags(stdout, res, true, *all, lang)
		fmt.Fprintln(stdout, checkSummary(res, opts.ContentName, lang))
	}
	if res.Diags.HasErrors() {
		return errContent
	}
	return nil
}

// checkSummary is check's last line, the count of errors and warnings:
// after a screenful of problems (ten of a kind a file, a hundred of each
// severity, the rest counted) the editor still sees how much is left to
// mend.
func checkSummary(res *build.Result, contentName string, lang diag.Lang) string {
	warnings := diag.CmdWarningCount.With(len(res.Diags.Warnings()))
	if !res.Diags.HasErrors() {
		return diag.CmdCheckClean.In(lang, contentName, warnings)
	}
	return diag.CmdCheckSummary.In(lang, contentName, diag.CmdErrorCount.With(len(res.Diags.Errors())+res.Dropped), warnings)
}

type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	ID       string `json:"id,omitempty"` // the message's id in the catalogue
	Draft    bool   `json:"draft,omitempty"`
}

func writeJSON(w io.Writer, res *build.Result, lang diag.Lang) {
	out := struct {
		Errors   int       `json:"errors"`
		Warnings int       `json:"warnings"`
		Findings []finding `json:"findings"`
	}{Findings: []finding{}}
	for _, d := range res.Diags {
		if d.Severity == diag.SevError {
			out.Errors++
		} else {
			out.Warnings++
		}
		out.Findings = append(out.Findings, finding{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message(lang), d.ID(), d.Draft})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// printDiags prints errors, and warnings when asked, one line each, as
// shownOf chooses them (every one when all), then the counts of those
// left out.
func printDiags(w io.Writer, res *build.Result, warnings, all bool, lang diag.Lang) {
	shown := shownOf(res.Diags, warnings, all)
	for _, d := range shown.lines {
		fmt.Fprintln(w, d.In(lang))
	}
	if res.Dropped > 0 {
		fmt.Fprintln(w, diag.CmdMoreErrors.In(lang, res.Dropped))
	}
	for _, t := range shown.more() {
		fmt.Fprintln(w, t.In(lang))
	}
}

// printLeftOut lists the drafts a build left out, so that an editor who
// expected a page to be published sees why it is not.
func printLeftOut(w io.Writer, res *build.Result, lang diag.Lang) {
	if res.Site == nil || len(res.Site.LeftOut) == 0 {
		return
	}
	fmt.Fprintln(w, diag.CmdLeftOut.In(lang, len(res.Site.LeftOut)))
	for _, f := range res.Site.LeftOut {
		fmt.Fprintf(w, "  %s\n", f)
	}
}

// summary is the build's list of what it wrote, a message argument
// that is not cut at diag.MaxArg as a quoted value is: a Finnish or
// Swedish list of a portal's every kind passes 300 characters, and its
// end read "1 r…".
type summary string

func pageSummary(pages map[string]int, l diag.Lang) summary {
	kinds := make([]string, 0, len(pages))
	for k := range pages {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if pages[kinds[i]] != pages[kinds[j]] {
			return pages[kinds[i]] > pages[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		if m := diag.PageKinds[k]; m != nil {
			parts[i] = m.In(l, pages[k])
		} else {
			parts[i] = fmt.Sprintf("%d %s", pages[k], k)
		}
	}
	return summary(strings.Join(parts, ", "))
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself reads well (and not in a CI log).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// record starts start writing to the file name (a CPU profile, an
// execution trace) and returns what stops it and closes the file;
// with no name, it does nothing.
func record(name string, start func(io.Writer) error, stop func()) (func(), error) {
	if name == "" {
		return func() {}, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { stop(); f.Close() }, nil
}

// publishNotes tells of an address the host will not serve the site at,
// which no check of the content can see: a CNAME (kept in the output
// folder or copied from static/) naming another domain than the base URL,
// and a base URL under a path, where robots.txt and _headers are never
// read.
func publishNotes(w io.Writer, cfg *config.Config, out, siteYAML string, lang diag.Lang) {
	if cfg.BaseURL == "" {
		return
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return
	}
	name := filepath.Join(out, "CNAME")
	if data, err := os.ReadFile(name); err == nil {
		// GitHub Pages reads the file's first line, a bare domain, though
		// a team may well write the address as the browser shows it.
		line, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
		domain := strings.TrimSpace(line)
		for _, p := range []string{"https://", "http://"} {
			domain = strings.TrimPrefix(domain, p)
		}
		domain = strings.ToLower(strings.TrimSuffix(domain, "/"))
		if domain != "" && (domain != strings.ToLower(base.Host) || base.Path != "/") {
			fmt.Fprintln(w, diag.CmdCNAMEMismatch.In(lang, name, domain, cfg.BaseURL, siteYAML, "https://"+domain+"/"))
		}
	}
	if cfg.RootPath() != "/" {
		fmt.Fprintln(w, diag.CmdSubpathRootFiles.In(lang, cfg.RootPath(), cfg.RootAbsolute("sitemap.xml")))
	}
	editURLNote(w, cfg.EditURL, siteYAML, lang)
}

// editURLNote tells, in a GitHub Actions run, an editURL on GitHub that
// names another repository than the one being built, or another branch
// than the one published: a fork or copy keeps the editURL it was made
// with, and every page's edit link then opens the original's file (or a
// branch the fork has not). It is a workflow command, so that it shows
// on the run's summary, where no line of the log is read.
func editURLNote(w io.Writer, editURL, siteYAML string, lang diag.Lang) {
	repo := os.Getenv("GITHUB_REPOSITORY")
	if os.Getenv("GITHUB_ACTIONS") != "true" || repo == "" || editURL == "" {
		return
	}
	server, err := url.Parse(cmp.Or(os.Getenv("GITHUB_SERVER_URL"), "https://github.com"))
	if err != nil {
		return
	}
	u, err := url.Parse(editURL)
	if err != nil || !strings.EqualFold(u.Host, server.Host) {
		return
	}
	// owner/repo/edit/branch/path…; a branch with a / in its name is
	// told from the path only by GitHub, so the first segment is taken.
	parts := strings.SplitN(strings.Trim(u.Path, "/"), "/", 5)
	if len(parts) < 4 || (parts[2] != "edit" && parts[2] != "blob" && parts[2] != "tree") {
		return
	}
	branch := parts[3]
	// The branch published: a pull request's base, or the pushed one (the
	// workflow builds a push to its default branch alone).
	switch os.Getenv("GITHUB_EVENT_NAME") {
	case "pull_request":
		branch = cmp.Or(os.Getenv("GITHUB_BASE_REF"), branch)
	case "push":
		branch = cmp.Or(os.Getenv("GITHUB_REF_NAME"), branch)
	}
	if strings.EqualFold(parts[0]+"/"+parts[1], repo) && parts[3] == branch {
		return
	}
	rest := "content/"
	if len(parts) == 5 {
		rest = parts[4] + "/"
	}
	want := server.Scheme + "://" + server.Host + "/" + repo + "/edit/" + branch + "/" + rest
	fmt.Fprintf(w, "::warning file=%s::%s\n", filepath.ToSlash(siteYAML),
		diag.CmdEditURLElsewhere.In(lang, editURL, repo, branch, siteYAML, want))
}
