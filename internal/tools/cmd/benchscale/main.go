// Command benchscale builds generated portals of growing size with our
// generator and prints, per size and per stage, the wall time, the CPU
// time and the peak memory, then whether they grow no faster than the
// number of pearls, and what a reader's first search downloads, query
// by query:
//
//	go -C internal/tools run ./cmd/benchscale -n 10000,25000,50000,100000
//
// Each build is one child process (build --timings, with minification, as
// make bench builds); its totals come from getrusage, its stages from
// --timings. With -runs R every size is built R times, the sizes taking
// turns (10k, 100k, 10k, 100k, ...) so that a slow minute of the shared
// machine falls on both, and each figure is the median of its R runs: one
// run of the smallest size scattered by a tenth between runs, and every
// ratio is over it. Corpora are cached as cmd/bench caches them.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/tools/bench"
	"github.com/helminauha/helminauha/internal/tools/corpus"
)

// queries are those of make bench-search and three queries of several
// words from the judged set (testdata/queries.json), which cost the most
// at 100,000 pearls: each is judged on its own, as a mean of them all
// would hide the one that grows.
var queries = []string{"luottamus", "verkostojen", "esihenkilö työhyvinvointi", "verkostojohtaminen",
	"työhyvinvoinnin johtaminen", "työkyvyn tuki", "miten johdan etätiimiä"}

const (
	growthSlack = 1.1     // 100k may cost 11 times 10k: linear, with 10 % to spare
	maxPeak     = 4 << 30 // bytes, at the largest size
	queryGrowth = 1.5     // each cold query's bytes at the largest size against the smallest
)

type stage struct {
	name      string
	wall, cpu time.Duration
	sys       time.Duration // of cpu, the kernel's
	rss       int64
}

type run struct {
	n         int
	wall, cpu time.Duration
	sys       time.Duration // of cpu, the kernel's: it follows the disk
	user      time.Duration // of cpu, the build's own code's
	faults    int64         // the page faults of the build: each a page of heap or file the kernel gave it
	rss       int64
	stages    []stage
	query     []int64 // the bytes each cold query (of queries) fetched
}

func main() {
	os.Exit(mainErr())
}

func mainErr() int {
	ns := flag.String("n", "10000,25000,50000,100000", "comma-separated corpus sizes (pearls), smallest first")
	shape := flag.String("shape", corpus.Uniform, "corpus shape: uniform or varied")
	oursBin := flag.String("ours", "", "our binary (default: go build ./cmd/helminauha into a temporary folder)")
	cache := flag.String("cache", "", "folder for corpora and outputs (default: .cache/bench in the repository)")
	runs := flag.Int("runs", 3, "builds of each size, the sizes taking turns; each figure is their median")
	settle := flag.Duration("settle", bench.DefaultSettle, "wait this long after flushing the disk before the first build, so that files removed just before cost the builds nothing")
	pretouch := flag.Int("pretouch", 0, "before each build, touch this many GiB of fresh memory and free it, so that a guest whose host took its free memory back has it at hand again (0: off)")
	flag.Parse()
	if gib := os.Getenv(touchEnv); gib != "" {
		return touch(gib)
	}
	sizes, err := bench.ParseSizes(*ns)
	if err != nil || flag.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchscale [-n 10000,25000,50000,100000] [-runs 3] [-shape uniform|varied] [-ours BIN] [-cache DIR] [-settle 6m10s] [-pretouch GiB]")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root, cacheDir, err := bench.Folders(*cache)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		return 1
	}
	bin := *oursBin
	if bin == "" {
		if bin, err = bench.BuildOurs(ctx, root); err != nil {
			fmt.Fprintf(os.Stderr, "benchscale: go build ./cmd/helminauha: %v\n", err)
			return 1
		}
		defer os.RemoveAll(filepath.Dir(bin))
	} else if bin, err = filepath.Abs(bin); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		return 1
	}

	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("benchscale %s, %s, %d CPUs, %s corpus; load average at start: %s",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.Version(), runtime.NumCPU(), *shape, load)
	// What a page fault costs here weighs the runs' system time: each
	// run line counts its faults.
	if note := bench.FaultNote(); note != "" {
		fmt.Println("at start,", note)
	}
	if *pretouch > 0 {
		fmt.Printf("before each build, %d GiB of fresh memory is touched and freed (-pretouch)\n", *pretouch)
	}
	spent := filepath.Join(cacheDir, "spent")
	defer os.RemoveAll(spent)
	dirs := make([]string, len(sizes))
	for i, n := range sizes {
		start := time.Now()
		dir, generated, err := corpus.Ensure(cacheDir, corpus.Options{N: n, Shape: *shape})
		if err != nil {
			fmt.Fprintf(os.Stderr, "benchscale: generating %d pearls: %v\n", n, err)
			return 1
		}
		if generated {
			fmt.Fprintf(os.Stderr, "N=%d: generated %s in %s\n", n, dir, time.Since(start).Round(time.Second))
		}
		dirs[i] = dir
	}
	if err := bench.Settle(ctx, *settle, func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		return 1
	}
	all := make([][]run, len(sizes))
	for k := range *runs {
		for i, n := range sizes {
			at := ""
			if *pretouch > 0 {
				// On a virtual machine that hands its free memory back to
				// the host, the first write to a page the host took back
				// costs about eight times a plain page fault (28.5 against
				// 3.6 µs, README's Scale, 14:21 on 2026-12-07), and a large
				// build writes more fresh pages than the small one: without
				// this, the larger build pays for the machine's memory
				// state, not for its own work.
				cost, err := touchApart(ctx, *pretouch)
				if err != nil {
					fmt.Fprintln(os.Stderr, "benchscale: -pretouch:", err)
					return 1
				}
				at = fmt.Sprintf("; %d GiB touched first at %.1f µs a page", *pretouch, float64(cost)/float64(time.Microsecond))
			}
			at = bench.MachineNote() + at
			watch := bench.StartWatch()
			// A cold query's bytes are the same every run: the output is.
			r, err := build(ctx, bin, dirs[i], filepath.Join(cacheDir, fmt.Sprintf("out-scale-%s-n%d", *shape, n)), spent, k == 0)
			if err != nil {
				fmt.Fprintf(os.Stderr, "benchscale: N=%d: %v\n", n, err)
				return 1
			}
			at += watch.Note()
			r.n = n
			if k > 0 {
				r.query = all[i][0].query
			}
			fmt.Fprintf(os.Stderr, "N=%d, run %d/%d: %.1f s wall, %.1f s CPU (%.1f s system, %d page faults), peak %.0f MiB, cold queries %s KiB%s\n",
				n, k+1, *runs, r.wall.Seconds(), r.cpu.Seconds(), r.sys.Seconds(), r.faults, mib(r.rss), kibs(r.query), at)
			all[i] = append(all[i], r)
		}
	}
	medians := make([]run, len(sizes))
	for i := range sizes {
		medians[i] = median(all[i])
	}
	if *runs > 1 {
		fmt.Printf("\nmedians of %d runs of each size, the sizes taking turns\n", *runs)
	}
	report(os.Stdout, medians, all[0], all[len(all)-1])
	if note := bench.FaultNote(); note != "" {
		fmt.Println("at the end,", note)
	}
	return 0
}

// median is a run whose every figure, in all and per stage, is the median
// of that figure over runs (of one size; the middle one of an odd count,
// the lower middle of an even one).
func median(runs []run) run {
	mid := func(xs []float64) float64 {
		slices.Sort(xs)
		return xs[(len(xs)-1)/2]
	}
	pick := func(f func(r run) float64) float64 {
		xs := make([]float64, len(runs))
		for i, r := range runs {
			xs[i] = f(r)
		}
		return mid(xs)
	}
	m := runs[0]
	m.wall = time.Duration(pick(func(r run) float64 { return float64(r.wall) }))
	m.cpu = time.Duration(pick(func(r run) float64 { return float64(r.cpu) }))
	m.sys = time.Duration(pick(func(r run) float64 { return float64(r.sys) }))
	m.user = time.Duration(pick(func(r run) float64 { return float64(r.user) }))
	m.rss = int64(pick(func(r run) float64 { return float64(r.rss) }))
	m.stages = slices.Clone(runs[0].stages)
	for j := range m.stages {
		at := func(r run) (stage, bool) {
			if j < len(r.stages) && r.stages[j].name == m.stages[j].name {
				return r.stages[j], true
			}
			return stage{}, false
		}
		var walls, cpus, syss, rsss []float64
		for _, r := range runs {
			if s, ok := at(r); ok {
				walls, cpus, rsss = append(walls, float64(s.wall)), append(cpus, float64(s.cpu)), append(rsss, float64(s.rss))
				syss = append(syss, float64(s.sys))
			}
		}
		st := &m.stages[j]
		st.wall, st.cpu, st.sys, st.rss = time.Duration(mid(walls)), time.Duration(mid(cpus)), time.Duration(mid(syss)), int64(mid(rsss))
	}
	return m
}

var timingLine = regexp.MustCompile(`^  (\w+) +(\S+) +CPU +(\S+) +of it system +(\S+) +peak memory so far ([\d.]+) (MB|kB|B)$`)

// build builds the corpus in dir into out, measuring the child, then
// measures the cold queries on the output when query is set, and moves
// the output of the build before it aside into spent
// (see bench.Run on why outputs are not removed between builds).
func build(ctx context.Context, bin, dir, out, spent string, query bool) (run, error) {
	var r run
	if _, err := os.Stat(out); err == nil {
		if err := os.MkdirAll(spent, 0o755); err != nil {
			return r, err
		}
		if err := os.Rename(out, filepath.Join(spent, fmt.Sprintf("%s-%d", filepath.Base(out), time.Now().UnixNano()))); err != nil {
			return r, err
		}
	}
	syscall.Sync()
	cmd := exec.CommandContext(ctx, bin, "build", "--content", filepath.Join(dir, "content"), "--out", out, "--timings", "--quiet", "--lang", "en")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return r, fmt.Errorf("%v\n%s%s", err, stdout.String(), stderr.String())
	}
	r.wall = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rss = int64(ru.Maxrss) * 1024
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.sys = time.Duration(ru.Stime.Nano())
		r.user = time.Duration(ru.Utime.Nano())
		r.faults = ru.Minflt + ru.Majflt
	}
	for _, l := range strings.Split(stdout.String(), "\n") {
		m := timingLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		wall, _ := time.ParseDuration(m[2])
		cpu, _ := time.ParseDuration(m[3])
		sys, _ := time.ParseDuration(m[4])
		size, _ := strconv.ParseFloat(m[5], 64)
		size *= map[string]float64{"MB": 1 << 20, "kB": 1 << 10, "B": 1}[m[6]]
		r.stages = append(r.stages, stage{m[1], wall, cpu, sys, int64(size)})
	}
	if len(r.stages) == 0 {
		return r, fmt.Errorf("build --timings printed no stages:\n%s", stdout.String())
	}
	if !query {
		return r, nil
	}
	q, err := coldQueries(ctx, out)
	if err != nil {
		return r, err
	}
	r.query = q
	return r, nil
}

// coldQueries is the number of bytes a first search fetches on the
// portal built in site, for each of queries.
func coldQueries(ctx context.Context, site string) ([]int64, error) {
	_, here, _, _ := runtime.Caller(0)
	args := append([]string{filepath.Join(filepath.Dir(here), "coldquery.mjs"), site}, queries...)
	out, err := exec.CommandContext(ctx, "node", args...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("node coldquery.mjs: %v\n%s", err, ee.Stderr)
		}
		return nil, fmt.Errorf("node coldquery.mjs: %v (make deps-test installs Node)", err)
	}
	var res []struct {
		Q     string
		Bytes int64
		Hits  int
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("node coldquery.mjs: %v: %s", err, out)
	}
	if len(res) != len(queries) {
		return nil, fmt.Errorf("node coldquery.mjs answered %d queries of %d: %s", len(res), len(queries), out)
	}
	bytes := make([]int64, len(res))
	for i, q := range res {
		if q.Hits == 0 {
			return nil, fmt.Errorf("the query %q found nothing", q.Q)
		}
		bytes[i] = q.Bytes
	}
	return bytes, nil
}

// queryGrowths is each query's bytes at the largest size over those at the
// smallest (of runs, smallest first), and the index of the query that
// grows the most, which the goal is judged on.
func queryGrowths(runs []run) (growth []float64, worst int) {
	a, b := runs[0], runs[len(runs)-1]
	for i := range a.query {
		growth = append(growth, float64(b.query[i])/float64(a.query[i]))
		if growth[i] > growth[worst] {
			worst = i
		}
	}
	return growth, worst
}

// kibs is bytes as KiB, comma-separated.
func kibs(bytes []int64) string {
	s := make([]string, len(bytes))
	for i, b := range bytes {
		s[i] = fmt.Sprintf("%.0f", float64(b)/1024)
	}
	return strings.Join(s, ", ")
}

// report writes to w runs (each size's medians), then how the largest grew
// from the smallest. small and large are the rounds' runs of those two
// sizes: beside each ratio of medians it prints the lowest and highest
// of the rounds' own ratios, which tell a stage whose ratio is the
// machine's scatter (a stage of tens of milliseconds at the smallest
// size) from one that grows.
func report(w io.Writer, runs []run, small, large []run) {
	fmt.Fprintf(w, "\n%8s %10s %10s %12s   stages (wall / CPU / peak memory so far)\n", "N", "wall", "CPU", "peak RSS")
	for _, r := range runs {
		var st []string
		for _, s := range r.stages {
			st = append(st, fmt.Sprintf("%s %.1f/%.1f s/%.0f MiB", s.name, s.wall.Seconds(), s.cpu.Seconds(), mib(s.rss)))
		}
		fmt.Fprintf(w, "%8d %8.1f s %8.1f s %8.0f MiB   %s\n", r.n, r.wall.Seconds(), r.cpu.Seconds(), mib(r.rss), strings.Join(st, ", "))
	}
	fmt.Fprintf(w, "\na cold query's bytes (each on a freshly loaded index)\n%-28s", "query")
	for _, r := range runs {
		fmt.Fprintf(w, " %10d", r.n)
	}
	qg, worst := []float64(nil), 0
	if len(runs) > 1 {
		qg, worst = queryGrowths(runs)
		fmt.Fprintf(w, "   %d/%d", runs[len(runs)-1].n, runs[0].n)
	}
	fmt.Fprintln(w)
	for i, q := range queries {
		// Padded by letters, not bytes: ä and ö take two.
		fmt.Fprint(w, q+strings.Repeat(" ", max(0, 28-utf8.RuneCountInString(q))))
		for _, r := range runs {
			fmt.Fprintf(w, " %10d", r.query[i])
		}
		if qg != nil {
			fmt.Fprintf(w, "   %.2f times", qg[i])
		}
		fmt.Fprintln(w)
	}
	if len(runs) < 2 {
		return
	}
	a, b := runs[0], runs[len(runs)-1]
	k := float64(b.n) / float64(a.n)
	limit := k * growthSlack
	fmt.Fprintf(w, "\n%d pearls against %d (%.1f times the pearls; linear growth allows %.1f times):\n", b.n, a.n, k, limit)
	// judged is false for a part of a figure whose goal is the whole's;
	// note ends the line.
	show := func(what string, x, y float64, of func(run) (float64, bool), judged bool, note string) {
		g := y / x
		v := ""
		if judged {
			v = verdict(g <= limit)
		}
		fmt.Fprintf(w, "  %-22s %6.2f times %-9s", what, g, v)
		if lo, hi, ok := roundSpread(small, large, of); ok {
			fmt.Fprintf(w, "   rounds %.2f–%.2f", lo, hi)
		}
		fmt.Fprintln(w, note)
	}
	growth := func(what string, x, y float64, of func(run) (float64, bool)) { show(what, x, y, of, true, "") }
	growth("wall time", a.wall.Seconds(), b.wall.Seconds(), func(r run) (float64, bool) { return r.wall.Seconds(), true })
	growth("CPU time", a.cpu.Seconds(), b.cpu.Seconds(), func(r run) (float64, bool) { return r.cpu.Seconds(), true })
	// The CPU time split: the user time is the build's own code, the
	// system time the kernel's work for it (making files, the page cache,
	// faulting in memory), which on a shared virtual machine scatters far
	// more from run to run than the user time does.
	if a.user > 0 && a.sys > 0 {
		show("  of it user", a.user.Seconds(), b.user.Seconds(), func(r run) (float64, bool) { return r.user.Seconds(), true }, false, "")
		show("  of it system", a.sys.Seconds(), b.sys.Seconds(), func(r run) (float64, bool) { return r.sys.Seconds(), true }, false, "")
	}
	growth("peak memory", float64(a.rss), float64(b.rss), func(r run) (float64, bool) { return float64(r.rss), true })
	for _, g := range stageGrowth(a, b) {
		show("  CPU of "+g.name, g.small.cpu.Seconds(), g.large.cpu.Seconds(), func(r run) (float64, bool) { return stageCPUOf(r, g.name) }, true, splitNote(g))
	}
	fmt.Fprintf(w, "  peak memory at %d: %.0f MiB, goal under %d MiB %s\n", b.n, mib(b.rss), maxPeak>>20, verdict(b.rss < maxPeak))
	fmt.Fprintf(w, "  a cold query's bytes, the query that grows most (%s): %.2f times, goal at most %.1f for each %s\n",
		queries[worst], qg[worst], queryGrowth, verdict(qg[worst] <= queryGrowth))
}

// roundSpread is the lowest and highest ratio of of(large[k]) to
// of(small[k]) over the rounds k that have both (a run of each size,
// built one after the other), and whether there were two such rounds or
// more.
func roundSpread(small, large []run, of func(run) (float64, bool)) (lo, hi float64, ok bool) {
	n := 0
	for k := range min(len(small), len(large)) {
		x, okx := of(small[k])
		y, oky := of(large[k])
		if !okx || !oky || x <= 0 {
			continue
		}
		g := y / x
		if n == 0 {
			lo, hi = g, g
		}
		lo, hi = min(lo, g), max(hi, g)
		n++
	}
	return lo, hi, n >= 2
}

// stageNamed is r's stage name, and whether r has it.
func stageNamed(r run, name string) (stage, bool) {
	i := slices.IndexFunc(r.stages, func(s stage) bool { return s.name == name })
	if i < 0 {
		return stage{}, false
	}
	return r.stages[i], true
}

// stageCPUOf is the CPU time of r's stage name, in seconds, and whether r
// has that stage.
func stageCPUOf(r run, name string) (float64, bool) {
	s, ok := stageNamed(r, name)
	return s.cpu.Seconds(), ok
}

// minStageCPU is the least CPU time a stage must take at the smallest
// size for its growth to be printed: --timings gives milliseconds, so
// the ratio of a stage of a few is mostly rounding (the theme's 0 ms).
// The plan stage, about 20 ms at 10,000 pearls, is printed.
const minStageCPU = 5 * time.Millisecond

// stagePair is a stage at the smallest size and the largest.
type stagePair struct {
	name         string
	small, large stage
}

// stageGrowth is each stage of the largest run b that the smallest run a
// has too, with at least minStageCPU, in b's order.
func stageGrowth(a, b run) []stagePair {
	var out []stagePair
	for _, s := range b.stages {
		if small, ok := stageNamed(a, s.name); ok && small.cpu >= minStageCPU {
			out = append(out, stagePair{s.name, small, s})
		}
	}
	return out
}

// splitNote is how the user and the system time of a stage grew, for
// the end of its line, when the smallest size spent at least
// minStageCPU in each: which of the two a stage's growth is (the
// kernel's time scatters far more on a shared machine); else "".
func splitNote(g stagePair) string {
	su, lu := g.small.cpu-g.small.sys, g.large.cpu-g.large.sys
	if su < minStageCPU || g.small.sys < minStageCPU {
		return ""
	}
	return fmt.Sprintf("   user %.2f, system %.2f times (%.1f → %.1f s)", lu.Seconds()/su.Seconds(), g.large.sys.Seconds()/g.small.sys.Seconds(), g.small.sys.Seconds(), g.large.sys.Seconds())
}

func verdict(ok bool) string {
	if ok {
		return "(met)"
	}
	return "(NOT met)"
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// touchEnv makes benchscale touch that many GiB and exit: -pretouch runs
// it as a process of its own, because a child started from a process
// that had touched the memory itself would report the parent's peak as
// its own (Linux keeps the highest resident size of the memory a process
// leaves at exec, and Go starts children sharing its memory).
const touchEnv = "BENCHSCALE_TOUCH_GIB"

// touchApart touches gib GiB of fresh memory in a process of its own and
// gives the kernel time a page cost.
func touchApart(ctx context.Context, gib int) (time.Duration, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", touchEnv, gib))
	out, err := cmd.Output()
	if err != nil {
		return 0, err
	}
	return time.ParseDuration(strings.TrimSpace(string(out)))
}

// touch is the process touchApart starts.
func touch(gib string) int {
	n, err := strconv.Atoi(gib)
	if err != nil || n < 1 {
		fmt.Fprintf(os.Stderr, "benchscale: %s=%q: not a number of GiB\n", touchEnv, gib)
		return 2
	}
	cost, ok := bench.FaultCost(n << 30)
	if !ok {
		fmt.Fprintf(os.Stderr, "benchscale: could not map %d GiB\n", n)
		return 1
	}
	fmt.Println(cost)
	return 0
}
