package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// maxShown caps the problems printed in one run; the rest are counted.
const maxShown = 100

// checkContentDir tells the user when the content folder is not there,
// before the build says the same thing less plainly.
func checkContentDir(dir string, stderr io.Writer) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		fmt.Fprintf(stderr, "helminauha: %s on tiedosto eikä kansio: anna sisältökansio muodossa --content KANSIO (%s is a file, not a folder: name the content folder with --content DIR)\n", dir, dir)
	default:
		fmt.Fprintf(stderr, "helminauha: there is no content folder %s: run the command in the portal's folder or name the folder with --content DIR\n", dir)
	}
	return errContent
}

// openContent opens the content folder, and the themes folder when there
// is one, for a build that reads nothing outside them (see rootfs); done
// closes them.
func openContent(dir string, stderr io.Writer) (opts build.Options, done func(), err error) {
	if err := checkContentDir(dir, stderr); err != nil {
		return opts, nil, err
	}
	root, err := rootfs.Open(dir)
	if err != nil {
		return opts, nil, err
	}
	done = func() { root.Close() }
	opts = build.Options{Content: root, ContentName: contentName(dir), MaxErrors: maxShown}
	if tdir := themesDir(dir); tdir != "" {
		troot, err := rootfs.Open(tdir)
		if err != nil {
			root.Close()
			return opts, nil, err
		}
		opts.Themes = troot
		done = func() { root.Close(); troot.Close() }
	}
	return opts, done, nil
}

// contentName is how paths in the content folder dir are shown in
// messages.
func contentName(dir string) string { return filepath.ToSlash(filepath.Clean(dir)) }

// themesDir is the folder themes are looked up in, or "" for none.
func themesDir(contentDir string) string {
	for _, dir := range []string{"themes", filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "themes")} {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return ""
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("build", "[--content DIR] [--out DIR] [--clean-out] [--baseurl URL] [--drafts] [--minify=false] [--gzip] [--quiet]", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	out := fl.String("out", "public", "the output folder (changed only when the build succeeds)")
	cleanOut := fl.Bool("clean-out", false, "remove the files in the output folder that helminauha did not write (but .git, CNAME, .nojekyll and site.yaml's keep), instead of refusing to build there")
	baseURL := fl.String("baseurl", "", "the site's address, overriding site.yaml's baseURL (e.g. https://org.github.io/portaali/)")
	drafts := fl.Bool("drafts", false, "include pearls marked draft: true")
	minify := fl.Bool("minify", true, "minify HTML, CSS, JS, JSON, SVG and XML")
	gz := fl.Bool("gzip", false, "also write a .gz beside every text file")
	quiet := fl.Bool("quiet", false, "print only problems")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile to `FILE` (for go tool pprof)")
	memProfile := fl.String("memprofile", "", "write an allocation profile to `FILE` at the end (for go tool pprof)")
	timings := fl.Bool("timings", false, "print how long each stage took")
	if err := parse(fl, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "helminauha build: unexpected argument %q\n", fl.Arg(0))
		return errUsage
	}
	opts, done, err := openContent(*contentDir, stderr)
	if err != nil {
		return err
	}
	defer done()
	opts.Out, opts.BaseURL, opts.Drafts, opts.Minify, opts.Gzip = *out, *baseURL, *drafts, *minify, *gz
	opts.OutClean, opts.OutGuard = *cleanOut, []string{*contentDir, themesDir(*contentDir)}
	start := time.Now()
	var mu sync.Mutex
	shown := false
	if !*quiet && isTerminal(stdout) {
		opts.Progress = func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(stdout, "\rrendering: %d of %d pages", done, total)
			shown = true
		}
	}
	res, err := build.Build(ctx, opts)
	if shown {
		fmt.Fprint(stdout, "\r\033[K") // clear the progress line
	}
	if res != nil {
		printDiags(stderr, res, false)
	}
	if errors.Is(err, build.ErrContent) {
		fmt.Fprintf(stderr, "build failed: %s; %s was left as it was\n", countErrors(res), *out)
		return errContent
	}
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "Wrote %d files (%s) to %s in %s: %s\n", res.Written, size(res.Bytes), *out,
			time.Since(start).Round(time.Millisecond), pageSummary(res.Pages))
		printLeftOut(stdout, res)
	}
	if *timings {
		for _, t := range res.Timings {
			fmt.Fprintf(stdout, "  %-8s %s\n", t.Stage, t.Took.Round(time.Millisecond))
		}
	}
	return nil
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("check", "[--content DIR] [--format text|json]", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	format := fl.String("format", "text", "text, or json for editors' tools")
	if err := parse(fl, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "helminauha check: --format must be text or json, not %q\n", *format)
		return errUsage
	}
	opts, done, err := openContent(*contentDir, stderr)
	if err != nil {
		return err
	}
	defer done()
	opts.CheckOnly = true
	// Drafts are checked like every other page, so that check says what
	// build --drafts and serve say about the same folder.
	opts.Drafts = true
	opts.MaxErrors = 0
	res, err := build.Build(ctx, opts)
	if err != nil && !errors.Is(err, build.ErrContent) {
		return err
	}
	if *format == "json" {
		writeJSON(stdout, res)
	} else {
		printDiags(stdout, res, true)
		if !res.Diags.HasErrors() {
			fmt.Fprintf(stdout, "%s: no errors, %d warnings\n", opts.ContentName, len(res.Diags.Warnings()))
		}
	}
	if res.Diags.HasErrors() {
		return errContent
	}
	return nil
}

type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Draft    bool   `json:"draft,omitempty"`
}

func writeJSON(w io.Writer, res *build.Result) {
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
		out.Findings = append(out.Findings, finding{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Msg, d.Draft})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// printDiags prints errors, and warnings when asked, one line each.
func printDiags(w io.Writer, res *build.Result, warnings bool) {
	for _, d := range res.Diags {
		if d.Severity == diag.SevWarning && !warnings {
			continue
		}
		fmt.Fprintln(w, d.Error())
	}
	if res.Dropped > 0 {
		fmt.Fprintf(w, "… and %d more errors\n", res.Dropped)
	}
}

// printLeftOut lists the drafts a build left out, so that an editor who
// expected a page to be published sees why it is not.
func printLeftOut(w io.Writer, res *build.Result) {
	if res.Site == nil || len(res.Site.LeftOut) == 0 {
		return
	}
	fmt.Fprintf(w, "Luonnokset jätettiin pois (%d; julkaise kirjoittamalla draft: false tai kokeile build --drafts):\n", len(res.Site.LeftOut))
	for _, f := range res.Site.LeftOut {
		fmt.Fprintf(w, "  %s\n", f)
	}
}

func countErrors(res *build.Result) string {
	n := len(res.Diags.Errors()) + res.Dropped
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}

func pageSummary(pages map[string]int) string {
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
		parts[i] = fmt.Sprintf("%d %s", pages[k], k)
	}
	return strings.Join(parts, ", ")
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
