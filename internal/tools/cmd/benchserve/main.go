// Command benchserve measures how fast "helminauha serve" shows a save:
// it generates a synthetic portal, starts the dev server on a loopback
// port, listens to the reload stream as a browser tab does, then rewrites
// one pearl's file (a different word each time) and measures the time
// from the write to (a) the reload event and (b) a GET of the pearl's
// page returning the new text. It prints p50 and p95 of both, the
// process's CPU time per save, when the home page asked for as serve
// starts was served, and the time of a full cold build for scale.
//
// With -sv P, P percent of the pearls have a Swedish translation (a
// portal of two languages, as the default one is), and -lang sv saves
// the translation of a translated pearl instead of a Finnish pearl.
//
//	go -C internal/tools run ./cmd/benchserve -n 10000 [-saves 50] [-gap 300ms] [-sv 30 [-lang sv]] [-cpuprofile FILE]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/rusage"
	"github.com/helminauha/helminauha/internal/server"
	"github.com/helminauha/helminauha/internal/tools/corpus"
)

func main() {
	n := flag.Int("n", 10000, "pearls in the synthetic portal")
	saves := flag.Int("saves", 50, "saves to measure")
	gap := flag.Duration("gap", 300*time.Millisecond, "pause between saves (the search index is rebuilt in pauses over 1s)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the saves to this file")
	verbose := flag.Bool("v", false, "show the server's log")
	edit := flag.String("edit", "body", "what each save changes: body (a word of the text) or title (front matter, which changes lists)")
	sv := flag.Int("sv", 0, "percentage of pearls with a Swedish translation (0: a portal in Finnish alone)")
	lang := flag.String("lang", "fi", "the language of the pearl saved: fi, or sv (its translation; needs -sv)")
	flag.Parse()
	// As cmd/helminauha does, so the server runs as "helminauha serve".
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if *edit != "body" && *edit != "title" {
		fmt.Fprintln(os.Stderr, "benchserve: -edit is body or title")
		os.Exit(2)
	}
	if *lang != "fi" && (*lang != "sv" || *sv <= 0) || *sv < 0 || *sv > 100 {
		fmt.Fprintln(os.Stderr, "benchserve: -sv is 0 to 100, -lang is fi, or sv with -sv over 0")
		os.Exit(2)
	}
	if err := run(*n, *saves, *gap, *cpuprofile, *verbose, *edit == "title", *sv, *lang == "sv"); err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(1)
	}
}

func run(n, saves int, gap time.Duration, cpuprofile string, verbose, title bool, sv int, swedish bool) error {
	dir, err := os.MkdirTemp("", "benchserve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	c, err := corpus.Generate(corpus.Options{N: n, Swedish: sv})
	if err != nil {
		return err
	}
	content := filepath.Join(dir, "content")
	files := c.ContentFiles()
	if err := corpus.WriteFiles(content, files); err != nil {
		return err
	}
	translations := 0
	for _, f := range files {
		if strings.HasPrefix(f.Path, "sv/helmet/") {
			translations++
		}
	}
	fmt.Printf("portal: %d pearls, %d of them translated into Swedish, %d case examples (generated in %s)\n", len(c.Pearls), translations, len(c.Cases), since(start))

	// For scale: a full build in memory, as serve's first build.
	start = time.Now()
	res, err := build.Build(context.Background(), build.Options{Content: os.DirFS(content), ContentName: "content", Drafts: true})
	if err != nil {
		return fmt.Errorf("full build: %w %v", err, res.Diags)
	}
	cold := time.Since(start)
	fmt.Printf("full cold build (in memory, no minify): %s, %d files; stages:", cold.Round(time.Millisecond), len(res.Files))
	for _, t := range res.Timings {
		fmt.Printf(" %s %s", t.Stage, t.Took.Round(time.Millisecond))
	}
	fmt.Println()
	res = nil
	runtime.GC()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log io.Writer = io.Discard
	if verbose {
		log = os.Stderr
	}
	done := make(chan error, 1)
	start = time.Now()
	go func() { done <- server.Run(ctx, server.Options{ContentDir: content, Listener: ln, Log: log}) }()

	// A browser opening the home page as serve starts: the time to its
	// first byte and to the whole page.
	firstPage := make(chan string, 1)
	go func() {
		resp, err := http.Get(url + "/")
		if err != nil {
			firstPage <- err.Error()
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		firstPage <- fmt.Sprintf("%s (status %d)", since(start), resp.StatusCode)
	}()
	events, err := subscribe(ctx, url)
	if err != nil {
		return err
	}
	if _, err := wait(events, 10*time.Minute); err != nil {
		return err
	}
	// The first reload event comes when the first build is shown (served
	// while it renders), not when it ends.
	fmt.Printf("serve's first build shown (first reload event): %s; the home page, asked for at the start, served after %s\n", since(start), <-firstPage)

	// The middle pearl; its file name is its slug. Its translation's,
	// or the next translated pearl's.
	at, folder := len(c.Pearls)/2, ""
	if swedish {
		folder = "sv/"
		for ; at < len(c.Pearls); at++ {
			if _, err := os.Stat(filepath.Join(content, "sv", "helmet", c.Pearls[at].Slug+".md")); err == nil {
				break
			}
		}
		if at == len(c.Pearls) {
			return fmt.Errorf("no translated pearl after the middle one")
		}
	}
	pearl := c.Pearls[at]
	file := filepath.Join(content, folder+"helmet", pearl.Slug+".md")
	page := url + "/" + folder + "helmet/" + pearl.Slug + "/"
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	body := strings.Index(string(orig[3:]), "\n---\n") + 3 + 5
	if body < 8 {
		return fmt.Errorf("%s has no front matter", file)
	}
	// Let the first search index finish, as it would while the editor
	// opens a file.
	start = time.Now()
	for {
		resp, err := http.Get(url + "/haku/index.json")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Since(start) > 10*time.Minute {
			return fmt.Errorf("no search index after %s", since(start))
		}
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Printf("search index ready %s later\n", since(start))

	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var toEvent, toPage []time.Duration
	cpu0 := rusage.CPU()
	client := &http.Client{Timeout: 10 * time.Second}
	for i := range saves {
		word := fmt.Sprintf("muokkaus%03d", i)
		text := string(orig[:body]) + word + " " + string(orig[body:])
		if title {
			if strings.Contains(string(orig), "\ntitle: \"") {
				text = strings.Replace(string(orig), "\ntitle: \"", "\ntitle: \""+word+" ", 1)
			} else {
				text = strings.Replace(string(orig), "\ntitle: ", "\ntitle: "+word+" ", 1)
			}
		}
		t0 := time.Now()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return err
		}
		if _, err := wait(events, 30*time.Second); err != nil {
			return err
		}
		toEvent = append(toEvent, time.Since(t0))
		for {
			resp, err := client.Get(page)
			if err != nil {
				return err
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err
			}
			if strings.Contains(string(b), word) {
				break
			}
			if time.Since(t0) > 30*time.Second {
				return fmt.Errorf("save %d: %s never showed %q", i, page, word)
			}
			// A stale page after the reload event would be a bug; note it.
			fmt.Fprintf(os.Stderr, "save %d: page not yet new after the reload event\n", i)
			if _, err := wait(events, 30*time.Second); err != nil {
				return err
			}
		}
		toPage = append(toPage, time.Since(t0))
		if gap > 0 {
			time.Sleep(gap)
		}
	}
	cpu := rusage.CPU() - cpu0
	if cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	what := "a word in the body"
	if title {
		what = "a word in the title"
	}
	fmt.Printf("%d saves of %shelmet/%s.md, changing %s (pause %s between saves):\n", saves, folder, pearl.Slug, what, gap)
	fmt.Printf("  write -> reload event:      p50 %s  p95 %s  max %s\n", pct(toEvent, 50), pct(toEvent, 95), pct(toEvent, 100))
	fmt.Printf("  write -> new page served:   p50 %s  p95 %s  max %s\n", pct(toPage, 50), pct(toPage, 95), pct(toPage, 100))
	fmt.Printf("  CPU of the process per save: %s (the server's rebuild and this client's requests)\n", (cpu / time.Duration(saves)).Round(100*time.Microsecond))
	if title {
		fmt.Printf("  goal: p50 < 100ms\n")
	} else {
		fmt.Printf("  goal: p50 < 50ms, p95 < 150ms\n")
	}
	cancel()
	return <-done
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }

func pct(ds []time.Duration, p int) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p+99)/100 - 1
	i = max(0, min(i, len(s)-1))
	return s[i].Round(100 * time.Microsecond).String()
}

// subscribe opens the reload stream and sends each build number it
// announces.
func subscribe(ctx context.Context, url string) (<-chan string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url+"/__helminauha/events", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	ch := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if gen, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ch <- gen
			}
		}
	}()
	return ch, nil
}

func wait(events <-chan string, limit time.Duration) (string, error) {
	select {
	case gen, ok := <-events:
		if !ok {
			return "", fmt.Errorf("the reload stream ended")
		}
		return gen, nil
	case <-time.After(limit):
		return "", fmt.Errorf("no reload event within %s", limit)
	}
}
