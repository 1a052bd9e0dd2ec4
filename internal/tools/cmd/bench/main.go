// Command bench builds generated portals with our generator and with Hugo,
// side by side, and prints median wall time, peak memory and output of each
// and the ratios ours/Hugo against the goals, on two shapes of portal
// (corpus.Uniform and corpus.Varied); the goal is judged on the worse.
//
//	go -C internal/tools run ./cmd/bench -n 1000,10000 -runs 5
//	go -C internal/tools run ./cmd/bench -n 1000 -tools hugo   # Hugo alone
//	go -C internal/tools run ./cmd/bench -ours $PWD/bin/helminauha
//
// Corpora are generated once per size and cached under -cache (default
// .cache/bench in the repository, which git ignores).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/helminauha/helminauha/internal/tools/bench"
	"github.com/helminauha/helminauha/internal/tools/corpus"
)

func main() {
	os.Exit(run())
}

func run() int {
	var (
		ns       = flag.String("n", "1000,10000", "comma-separated corpus sizes (pearls)")
		shapes   = flag.String("shapes", "uniform,varied", "comma-separated corpus shapes: uniform, varied")
		runs     = flag.Int("runs", 5, "measured runs per tool and size")
		warmup   = flag.Int("warmup", 1, "unmeasured runs per tool and size before the measured ones")
		tools    = flag.String("tools", "ours,hugo", "comma-separated tools to run: ours, hugo")
		oursBin  = flag.String("ours", "", "our binary (default: go build ./cmd/helminauha into a temporary folder)")
		oursArgs = flag.String("ours-args", "build --content {content} --out {out}", "arguments for our binary; {content} and {out} are replaced")
		hugoBin  = flag.String("hugo", "hugo", "the hugo binary")
		hugoArgs = flag.String("hugo-args", "--minify --quiet -s {hugo} -d {out}", "arguments for hugo; {hugo} and {out} are replaced")
		cache    = flag.String("cache", "", "folder for corpora and outputs (default: .cache/bench in the repository)")
		settle   = flag.Duration("settle", bench.DefaultSettle, "wait this long after flushing the disk before the first run, so that files removed just before cost the runs nothing")
	)
	flag.Parse()
	sizes, err := bench.ParseSizes(*ns)
	if err != nil || *runs < 1 || *warmup < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: bench [-n 1000,10000] [-shapes uniform,varied] [-runs 5] [-warmup 1] [-tools ours,hugo] [-ours BIN] [-hugo BIN] [-cache DIR] [-settle 6m10s]")
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		return 2
	}
	for _, s := range strings.Split(*shapes, ",") {
		if s != corpus.Uniform && s != corpus.Varied {
			fmt.Fprintf(os.Stderr, "bench: unknown shape %q in -shapes; use uniform, varied or both\n", s)
			return 2
		}
	}
	names := strings.Split(*tools, ",")
	for _, n := range names {
		if n != "ours" && n != "hugo" {
			fmt.Fprintf(os.Stderr, "bench: unknown tool %q in -tools; use ours, hugo or both\n", n)
			return 2
		}
	}

	root, cacheDir, err := bench.Folders(*cache)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var list []bench.Tool
	var buildErr error
	for _, name := range names {
		switch name {
		case "ours":
			bin := *oursBin
			if bin == "" {
				bin, buildErr = bench.BuildOurs(ctx, root)
				if buildErr != nil {
					fmt.Fprintf(os.Stderr, "bench: OUR BUILD FAILED: go build ./cmd/helminauha: %v\n", buildErr)
					fmt.Fprintln(os.Stderr, "bench: going on without ours; use -tools hugo to measure Hugo alone")
					continue
				}
				defer os.RemoveAll(filepath.Dir(bin))
			} else if abs, err := filepath.Abs(bin); err == nil {
				bin = abs
			}
			list = append(list, bench.Ours(bin, strings.Fields(*oursArgs)))
		case "hugo":
			bin, err := exec.LookPath(*hugoBin)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: %v; install it with `apt-get install -y --no-install-recommends hugo`\n", err)
				return 1
			}
			list = append(list, bench.Hugo(bin, strings.Fields(*hugoArgs)))
		}
	}
	if len(list) == 0 {
		return 1
	}

	printEnvironment(*hugoBin, slices.Contains(names, "hugo"))
	results, err := bench.Run(ctx, bench.Plan{
		Ns: sizes, Shapes: strings.Split(*shapes, ","), Runs: *runs, Warmup: *warmup, Tools: list, CacheDir: cacheDir, Log: os.Stderr, Settle: *settle,
	})
	if buildErr != nil {
		for _, n := range sizes {
			results = append(results, bench.Result{Tool: "ours", N: n, Err: fmt.Errorf("go build ./cmd/helminauha: %w", buildErr)})
		}
	}
	fmt.Println()
	bench.WriteTable(os.Stdout, results, "ours", "hugo", bench.Goals{N: 10000, TimeRatio: 0.3, MemRatio: 0.5})
	if note := bench.FaultNote(); note != "" {
		fmt.Println("at the end,", note)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	for _, r := range results {
		if r.Err != nil {
			return 1
		}
	}
	return 0
}

// printEnvironment prints what the numbers depend on: versions, cores and
// the load of the machine when the run starts.
func printEnvironment(hugoBin string, withHugo bool) {
	fmt.Printf("bench %s, %s, %d CPUs (GOMAXPROCS %d)\n", time.Now().UTC().Format("2006-01-02 15:04 MST"),
		runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0))
	if withHugo {
		if out, err := exec.Command(hugoBin, "version").Output(); err == nil {
			fmt.Print(string(out))
		}
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average at start: %s", load)
	}
	if note := bench.FaultNote(); note != "" {
		fmt.Println("at start,", note)
	}
}
