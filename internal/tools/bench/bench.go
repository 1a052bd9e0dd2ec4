// Package bench times site generators side by side on generated corpora
// (package corpus) and reports wall time, peak memory and what each wrote.
//
// Each build is one child process: its wall time is measured around
// exec.Cmd.Run and its peak memory is the child's maximum resident set size
// from getrusage (ru_maxrss, KiB on Linux). Runs of the tools alternate
// (A B, B A, …) so that drifting machine load hits both alike.
//
// This package is a benchmark tool: nothing in the build imports it.
package bench

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/helminauha/helminauha/internal/tools/corpus"
)

// Tool is one generator under test.
type Tool struct {
	Name string
	// Command returns the command that builds the corpus in corpusDir
	// (which holds content/ and hugo/) into outDir.
	Command func(corpusDir, outDir string) *exec.Cmd
}

// Sample is one measured build.
type Sample struct {
	Wall   time.Duration
	CPU    time.Duration // user + system time of the child
	System time.Duration // of which system (kernel) time
	MaxRSS int64         // peak resident set size of the child, bytes
}

// Output describes what a build wrote.
type Output struct {
	Files int   // all files
	Pages int   // .html files
	Bytes int64 // total size of all files
}

// Result is every sample of one tool on one corpus (shape and size).
type Result struct {
	Tool    string
	Shape   string // corpus.Uniform or corpus.Varied
	N       int
	Samples []Sample
	Output  Output
	Err     error // why the tool failed, if it did; Samples then holds the runs before
}

// MedianWall is the median wall time of the samples.
func (r Result) MedianWall() time.Duration {
	return Median(collect(r.Samples, func(s Sample) time.Duration { return s.Wall }))
}

// MinWall is the shortest wall time of the samples.
func (r Result) MinWall() time.Duration {
	if len(r.Samples) == 0 {
		return 0
	}
	return slices.Min(collect(r.Samples, func(s Sample) time.Duration { return s.Wall }))
}

// MedianCPU is the median CPU time (user + system) of the samples. Unlike
// wall time it hardly moves when other processes load the machine.
func (r Result) MedianCPU() time.Duration {
	return Median(collect(r.Samples, func(s Sample) time.Duration { return s.CPU }))
}

// MedianRSS is the median peak memory of the samples, in bytes.
func (r Result) MedianRSS() int64 {
	return Median(collect(r.Samples, func(s Sample) int64 { return s.MaxRSS }))
}

func collect[T any](samples []Sample, f func(Sample) T) []T {
	out := make([]T, len(samples))
	for i, s := range samples {
		out[i] = f(s)
	}
	return out
}

// Median returns the middle value of xs, or the mean of the two middle
// values when len(xs) is even; zero for no values. xs is not changed.
func Median[T ~int64 | ~int | ~float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// Ratio is ours/theirs, or NaN when either is missing (zero).
func Ratio(ours, theirs float64) float64 {
	if ours == 0 || theirs == 0 {
		return math.NaN()
	}
	return ours / theirs
}

// RunOnce builds corpusDir with tool into a fresh outDir and measures the
// child process. outDir is removed first, outside the measured time (Run
// moves it aside instead, see there). On
// failure the error holds the exit status and the tail of the tool's output.
func RunOnce(ctx context.Context, tool Tool, corpusDir, outDir string) (Sample, error) {
	if err := os.RemoveAll(outDir); err != nil {
		return Sample{}, fmt.Errorf("cleaning %s: %w", outDir, err)
	}
	// Each run writes 100–200 MB. Without a sync the kernel writes the
	// previous run's pages back (and frees the removed ones) during the
	// next run, which then pays for the tool before it: measured here,
	// that alone made a build 25–50 % slower. Flushing first, outside the
	// measured time, measures every run on its own I/O.
	syscall.Sync()
	cmd := tool.Command(corpusDir, outDir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return Sample{}, fmt.Errorf("%s: starting %s: %w", tool.Name, cmd.Path, err)
	}
	stop := context.AfterFunc(ctx, func() { cmd.Process.Kill() })
	defer stop()
	start := time.Now()
	err := cmd.Wait()
	wall := time.Since(start)
	if err != nil {
		return Sample{}, fmt.Errorf("%s: %s: %w\n%s", tool.Name, strings.Join(cmd.Args, " "), err, tail(out.String(), 20))
	}
	s := Sample{Wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.MaxRSS = int64(ru.Maxrss) * 1024 // KiB on Linux
		s.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.System = time.Duration(ru.Stime.Nano())
	}
	return s, nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

// Measure counts the files, pages (.html) and bytes under dir.
func Measure(dir string) (Output, error) {
	var o Output
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		o.Files++
		o.Bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			o.Pages++
		}
		return nil
	})
	return o, err
}

// Plan says what Run measures.
type Plan struct {
	Ns       []int    // corpus sizes (pearls)
	Shapes   []string // corpus shapes (corpus.Uniform when empty)
	Runs     int      // measured runs per tool and size
	Warmup   int      // unmeasured runs per tool and size, first
	Tools    []Tool   // in the order of the first run
	CacheDir string   // corpora and outputs go here
	Log      io.Writer
	// Settle is how long to wait after flushing the disk (see Settle)
	// before the first run, once every corpus is made.
	Settle time.Duration
}

// Run measures every tool on every corpus size of plan and returns one
// Result per tool and size, in plan order. A tool that fails keeps its
// error in its Result and is not run again at that size; the others go on.
func Run(ctx context.Context, plan Plan) ([]Result, error) {
	logf := func(format string, args ...any) {
		if plan.Log != nil {
			fmt.Fprintf(plan.Log, format+"\n", args...)
		}
	}
	// Outputs of earlier runs are moved aside, not removed, until every
	// run is over. On ext4 a file system skips the inodes freed in the
	// last minutes when it makes new ones (recently_deleted in the
	// kernel's inode allocator): on this project's virtual machine,
	// removing a 10,000-pearl output before a run made either tool's
	// system time grow from run to run, 1.5 s to 8 s for ours and 3 s to
	// 7 s for Hugo's. Nothing is removed on a CI runner's fresh clone
	// either, which is the build this measures.
	spent := filepath.Join(plan.CacheDir, "spent")
	defer os.RemoveAll(spent)
	moved := 0
	aside := func(dir string) error {
		if _, err := os.Lstat(dir); err != nil {
			return nil
		}
		if err := os.MkdirAll(spent, 0o755); err != nil {
			return err
		}
		moved++
		return os.Rename(dir, filepath.Join(spent, fmt.Sprintf("%s-%d", filepath.Base(dir), moved)))
	}
	var results []Result
	shapes := plan.Shapes
	if len(shapes) == 0 {
		shapes = []string{corpus.Uniform}
	}
	// Every corpus is made before the wait, which then covers what making
	// one removed (an older version's folder), and only one wait is needed.
	type key struct {
		shape string
		n     int
	}
	dirs := map[key]string{}
	for _, shape := range shapes {
		for _, n := range plan.Ns {
			start := time.Now()
			dir, generated, err := corpus.Ensure(plan.CacheDir, corpus.Options{N: n, Shape: shape})
			if err != nil {
				return results, fmt.Errorf("generating the %s corpus of %d pearls: %w", shape, n, err)
			}
			if generated {
				logf("%s N=%d: generated corpus %s in %s", shape, n, dir, time.Since(start).Round(time.Millisecond))
			} else {
				logf("%s N=%d: using cached corpus %s", shape, n, dir)
			}
			dirs[key{shape, n}] = dir
		}
	}
	if err := Settle(ctx, plan.Settle, logf); err != nil {
		return results, err
	}
	for _, shape := range shapes {
		for _, n := range plan.Ns {
			dir := dirs[key{shape, n}]
			res := make([]Result, len(plan.Tools))
			outs := make([]string, len(plan.Tools))
			for i, t := range plan.Tools {
				res[i] = Result{Tool: t.Name, Shape: shape, N: n}
				outs[i] = filepath.Join(plan.CacheDir, fmt.Sprintf("out-%s-%s-n%d", t.Name, shape, n))
			}
			order := make([]int, len(plan.Tools))
			for round := range plan.Warmup + plan.Runs {
				for i := range order {
					order[i] = i
				}
				if round%2 == 1 {
					slices.Reverse(order)
				}
				for _, i := range order {
					if res[i].Err != nil {
						continue
					}
					if err := ctx.Err(); err != nil {
						return results, err
					}
					if err := aside(outs[i]); err != nil {
						return results, fmt.Errorf("moving the previous output aside: %w", err)
					}
					at := MachineNote()
					watch := StartWatch()
					s, err := RunOnce(ctx, plan.Tools[i], dir, outs[i])
					at += watch.Note()
					if err != nil {
						res[i].Err = err
						logf("%s N=%d: %s FAILED: %s (details below the table)", shape, n, plan.Tools[i].Name, firstLine(err.Error()))
						continue
					}
					if round < plan.Warmup {
						logf("%s N=%d: %-5s warm-up   %7.2f s wall %7.2f s CPU (%5.2f s system) %6.0f MiB%s", shape, n, plan.Tools[i].Name, s.Wall.Seconds(), s.CPU.Seconds(), s.System.Seconds(), mib(s.MaxRSS), at)
						continue
					}
					res[i].Samples = append(res[i].Samples, s)
					logf("%s N=%d: %-5s run %d/%d   %7.2f s wall %7.2f s CPU (%5.2f s system) %6.0f MiB%s", shape, n, plan.Tools[i].Name, round-plan.Warmup+1, plan.Runs, s.Wall.Seconds(), s.CPU.Seconds(), s.System.Seconds(), mib(s.MaxRSS), at)
				}
			}
			for i := range res {
				if res[i].Err == nil {
					o, err := Measure(outs[i])
					if err != nil {
						res[i].Err = fmt.Errorf("measuring the output: %w", err)
					}
					res[i].Output = o
				}
			}
			results = append(results, res...)
		}
	}
	return results, nil
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// Goals are the targets, checked at one corpus size on the worst of the
// shapes measured.
type Goals struct {
	N         int     // the size the goals apply to
	TimeRatio float64 // ours/baseline median wall time at most this
	MemRatio  float64 // ours/baseline median peak memory at most this
}

// Comparison is ours against the baseline on one corpus.
type Comparison struct {
	Shape                         string
	N                             int
	TimeRatio, CPURatio, MemRatio float64 // NaN when a side is missing
}

// Compare pairs the results of ours and baseline at each size.
func Compare(results []Result, ours, baseline string) []Comparison {
	var out []Comparison
	for _, o := range results {
		if o.Tool != ours {
			continue
		}
		for _, b := range results {
			if b.Tool == baseline && b.N == o.N && b.Shape == o.Shape {
				c := Comparison{Shape: o.Shape, N: o.N, TimeRatio: math.NaN(), CPURatio: math.NaN(), MemRatio: math.NaN()}
				if o.Err == nil && b.Err == nil {
					c.TimeRatio = Ratio(o.MedianWall().Seconds(), b.MedianWall().Seconds())
					c.CPURatio = Ratio(o.MedianCPU().Seconds(), b.MedianCPU().Seconds())
					c.MemRatio = Ratio(float64(o.MedianRSS()), float64(b.MedianRSS()))
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// WriteTable prints results as a table, then the ratios of ours to
// baseline at each size and whether goals are met.
func WriteTable(w io.Writer, results []Result, ours, baseline string, goals Goals) error {
	var b strings.Builder
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(x, y Result) int {
		return cmp.Or(cmp.Compare(shapeName(x.Shape), shapeName(y.Shape)), cmp.Compare(x.N, y.N))
	})
	fmt.Fprintf(&b, "%-8s %-6s %7s %12s %10s %11s %14s %7s %7s %12s\n",
		"corpus", "tool", "N", "median wall", "min wall", "median CPU", "peak RSS (med)", "pages", "files", "output")
	for _, r := range sorted {
		if r.Err != nil {
			fmt.Fprintf(&b, "%-8s %-6s %7d FAILED: %s\n", shapeName(r.Shape), r.Tool, r.N, firstLine(r.Err.Error()))
			continue
		}
		fmt.Fprintf(&b, "%-8s %-6s %7d %10.2f s %8.2f s %9.2f s %10.0f MiB %7d %7d %8.1f MiB\n",
			shapeName(r.Shape), r.Tool, r.N, r.MedianWall().Seconds(), r.MinWall().Seconds(), r.MedianCPU().Seconds(), mib(r.MedianRSS()),
			r.Output.Pages, r.Output.Files, mib(r.Output.Bytes))
	}
	cmps := Compare(results, ours, baseline)
	if len(cmps) > 0 {
		b.WriteByte('\n')
	}
	for _, c := range cmps {
		fmt.Fprintf(&b, "%s/%s on %s at N=%d: time %s, CPU %s, memory %s\n", ours, baseline, shapeName(c.Shape), c.N,
			ratio(c.TimeRatio), ratio(c.CPURatio), ratio(c.MemRatio))
	}
	if goals.N != 0 {
		// The figure that counts is the worst corpus's; a failed one is NaN
		// and stays NaN.
		var worst *Comparison
		var shapes []string
		for _, c := range cmps {
			if c.N != goals.N {
				continue
			}
			shapes = append(shapes, shapeName(c.Shape))
			if worst == nil {
				worst = &Comparison{N: c.N, TimeRatio: c.TimeRatio, CPURatio: c.CPURatio, MemRatio: c.MemRatio}
				continue
			}
			worst.TimeRatio = worse(worst.TimeRatio, c.TimeRatio)
			worst.CPURatio = worse(worst.CPURatio, c.CPURatio)
			worst.MemRatio = worse(worst.MemRatio, c.MemRatio)
		}
		if worst == nil {
			fmt.Fprintf(&b, "goals (at N=%d): not measured (run with -n %d and both tools)\n", goals.N, goals.N)
		} else {
			c := *worst
			fmt.Fprintf(&b, "goal at N=%d, the worse of %s: time ratio <= %.2f: %s %s; memory ratio <= %.2f: %s %s\n", goals.N, strings.Join(shapes, ", "),
				goals.TimeRatio, ratio(c.TimeRatio), verdict(c.TimeRatio, goals.TimeRatio),
				goals.MemRatio, ratio(c.MemRatio), verdict(c.MemRatio, goals.MemRatio))
		}
	}
	shown := map[string]bool{} // a failed compile fails every size alike: show it once
	for _, r := range sorted {
		if r.Err != nil && !shown[r.Err.Error()] {
			shown[r.Err.Error()] = true
			fmt.Fprintf(&b, "\n%s failed at N=%d:\n%v\n", r.Tool, r.N, r.Err)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// worse is the larger ratio, NaN when either is NaN.
func worse(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN()
	}
	return max(a, b)
}

func shapeName(s string) string { return cmp.Or(s, corpus.Uniform) }

func ratio(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", x)
}

func verdict(x, goal float64) string {
	switch {
	case math.IsNaN(x):
		return "(not measured)"
	case x <= goal:
		return "(met)"
	}
	return "(NOT met)"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// Hugo is the Hugo tool: `hugo ARGS` with {hugo} and {out} in args replaced
// by the corpus's Hugo site and the output folder.
func Hugo(bin string, args []string) Tool {
	return Tool{Name: "hugo", Command: func(corpusDir, outDir string) *exec.Cmd {
		return exec.Command(bin, Expand(args, corpusDir, outDir)...)
	}}
}

// Ours is our generator: `bin ARGS` with {content} and {out} in args
// replaced. It runs in the corpus folder, which has no themes/, so the
// binary uses the theme compiled into it: the build measured is the binary
// alone, whatever the working tree's themes/ holds, as on a user's machine.
func Ours(bin string, args []string) Tool {
	return Tool{Name: "ours", Command: func(corpusDir, outDir string) *exec.Cmd {
		cmd := exec.Command(bin, Expand(args, corpusDir, outDir)...)
		cmd.Dir = corpusDir
		return cmd
	}}
}

// Expand replaces {content}, {hugo} and {out} in args with the corpus's
// content folder, its Hugo site and the output folder.
func Expand(args []string, corpusDir, outDir string) []string {
	r := strings.NewReplacer(
		"{content}", filepath.Join(corpusDir, "content"),
		"{hugo}", filepath.Join(corpusDir, "hugo"),
		"{out}", outDir,
	)
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = r.Replace(a)
	}
	return out
}

// RepoRoot is the product's repository above the working directory: the
// folder with cmd/helminauha (this command's own module, internal/tools,
// has a go.mod too, so go.mod does not tell).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "cmd", "helminauha")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no cmd/helminauha above %s; run the tools inside the repository", dir)
		}
	}
}

// BuildOurs builds ./cmd/helminauha into a temporary folder.
func BuildOurs(ctx context.Context, root string) (string, error) {
	tmp, err := os.MkdirTemp("", "helminauha-bench-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(tmp, "helminauha")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/helminauha")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("%w\n%s", err, strings.TrimSpace(string(out)))
	}
	return bin, nil
}

// Folders is the repository (RepoRoot) and the folder for corpora and
// outputs: cache, or .cache/bench in the repository when cache is empty.
func Folders(cache string) (root, cacheDir string, err error) {
	if root, err = RepoRoot(); err != nil {
		return "", "", err
	}
	return root, cmp.Or(cache, filepath.Join(root, ".cache", "bench")), nil
}

// ParseSizes parses a comma-separated list of corpus sizes ("1000,10_000").
func ParseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(f), "_", ""))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// DefaultSettle is how long Settle waits unless told otherwise: the six
// minutes below, and a few seconds to spare.
const DefaultSettle = 6*time.Minute + 10*time.Second

// Settle flushes the file systems' dirty pages and then waits d (none
// when d is 0), so that the runs after it do not pay for files removed
// before. ext4 without a journal, as on this project's virtual machines,
// skips the inodes freed in the last 60 seconds, and in the last 360 while
// their block of the inode table is unwritten, whenever it makes a new
// file, looking each one up (recently_deleted in the kernel's inode
// allocator). A build that makes files dirties those blocks again, so
// after a large removal the window is six minutes, not one. Measured with
// perf: a 10,000-pearl build started a minute after 70,000 files were
// removed spent 7.3 s in the kernel, two thirds of it in that lookup,
// against 1.9–2.3 s later; and with a wait of 65 s after this tool's own
// removal of 420,000 files, both generators' system time at 10,000 pearls
// stayed 3–5 times its rested figure for five to seven minutes (ours
// 5.3–7.6 s instead of 1.4–2.0). The run before a benchmark (this tool's
// own last invocation removes its outputs when it ends) would otherwise
// decide its first minutes.
func Settle(ctx context.Context, d time.Duration, logf func(format string, args ...any)) error {
	syscall.Sync()
	if d <= 0 {
		return nil
	}
	logf("waiting %s after flushing the disk, so that no file removed before this run costs it anything (-settle 0 skips the wait)", d)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
	}
	syscall.Sync()
	return nil
}
