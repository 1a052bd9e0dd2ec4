package bench

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The test binary doubles as a fake generator when BENCH_HELPER is set.
func TestMain(m *testing.M) {
	switch os.Getenv("BENCH_HELPER") {
	case "":
		os.Exit(m.Run())
	case "build":
		// Touch 64 MiB, take 100 ms, and write two pages and a stylesheet.
		mem := make([]byte, 64<<20)
		for i := range mem {
			mem[i] = byte(i)
		}
		time.Sleep(100 * time.Millisecond)
		out := os.Args[len(os.Args)-1]
		os.MkdirAll(filepath.Join(out, "a"), 0o755)
		os.WriteFile(filepath.Join(out, "index.html"), []byte("<p>etusivu</p>"), 0o644)
		os.WriteFile(filepath.Join(out, "a", "index.html"), []byte("<p>a</p>"), 0o644)
		os.WriteFile(filepath.Join(out, "tyyli.css"), []byte("p{}"), 0o644)
		_ = mem[len(mem)-1]
		os.Exit(0)
	case "fail":
		os.Stderr.WriteString("content/helmet/x.md:3: broken link\n")
		os.Exit(1)
	}
}

func helperTool(t *testing.T, name, mode string) Tool {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return Tool{Name: name, Command: func(corpusDir, outDir string) *exec.Cmd {
		cmd := exec.Command(exe, "-test.run=^$", outDir)
		cmd.Env = append(os.Environ(), "BENCH_HELPER="+mode)
		return cmd
	}}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []int64
		want int64
	}{
		{"empty", nil, 0},
		{"one", []int64{7}, 7},
		{"odd, unsorted", []int64{9, 1, 5}, 5},
		{"even takes the mean of the middle two", []int64{4, 1, 3, 10}, 3},
		{"outlier does not move it", []int64{100, 101, 99, 5000, 100}, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]int64(nil), tc.in...)
			if got := Median(tc.in); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
			for i := range in {
				if in[i] != tc.in[i] {
					t.Fatalf("Median reordered its input: %v", tc.in)
				}
			}
		})
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name          string
		ours, theirs  float64
		want          float64
		wantUndefined bool
	}{
		{"half", 5, 10, 0.5, false},
		{"slower", 3, 2, 1.5, false},
		{"baseline missing", 5, 0, 0, true},
		{"ours missing", 0, 5, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Ratio(tc.ours, tc.theirs)
			if tc.wantUndefined {
				if !math.IsNaN(got) {
					t.Errorf("got %v, want NaN", got)
				}
				return
			}
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func results() []Result {
	s := func(ms, mib int64) Sample {
		return Sample{Wall: time.Duration(ms) * time.Millisecond, CPU: time.Duration(ms) * 3 / 2 * time.Millisecond, MaxRSS: mib << 20}
	}
	return []Result{
		{Tool: "hugo", N: 10000, Samples: []Sample{s(13000, 1500), s(14000, 1480), s(12500, 1520)},
			Output: Output{Files: 10300, Pages: 10280, Bytes: 200 << 20}},
		{Tool: "ours", N: 10000, Samples: []Sample{s(5000, 700), s(6000, 760), s(5600, 720)},
			Output: Output{Files: 10400, Pages: 10290, Bytes: 180 << 20}},
		{Tool: "hugo", N: 1000, Samples: []Sample{s(1500, 250)}},
		{Tool: "ours", N: 1000, Err: errors.New("ours: exit status 1\ncontent/helmet/x.md:3: broken link")},
	}
}

func TestResultStatistics(t *testing.T) {
	r := results()[1]
	if got, want := r.MedianWall(), 5600*time.Millisecond; got != want {
		t.Errorf("MedianWall: got %v, want %v", got, want)
	}
	if got, want := r.MinWall(), 5000*time.Millisecond; got != want {
		t.Errorf("MinWall: got %v, want %v", got, want)
	}
	if got, want := r.MedianRSS(), int64(720<<20); got != want {
		t.Errorf("MedianRSS: got %d, want %d", got, want)
	}
}

func TestCompare(t *testing.T) {
	cmps := Compare(results(), "ours", "hugo")
	if len(cmps) != 2 {
		t.Fatalf("got %d comparisons, want 2", len(cmps))
	}
	c := cmps[0]
	if c.N != 10000 || math.Abs(c.TimeRatio-5.6/13.0) > 1e-9 || math.Abs(c.MemRatio-720.0/1500.0) > 1e-9 {
		t.Errorf("N=10000: got %+v, want time 5.6/13, memory 720/1500", c)
	}
	if c := cmps[1]; !math.IsNaN(c.TimeRatio) || !math.IsNaN(c.MemRatio) {
		t.Errorf("N=1000 with a failed run: got %+v, want undefined ratios", c)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	if err := WriteTable(&b, results(), "ours", "hugo", Goals{N: 10000, TimeRatio: 0.5, MemRatio: 1.0}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"uniform  hugo     10000      13.00 s    12.50 s     19.50 s       1500 MiB   10280   10300    200.0 MiB",
		"uniform  ours     10000       5.60 s     5.00 s      8.40 s        720 MiB   10290   10400    180.0 MiB",
		"uniform  ours      1000 FAILED: ours: exit status 1",
		"ours/hugo on uniform at N=10000: time 0.43, CPU 0.43, memory 0.48",
		"ours/hugo on uniform at N=1000: time n/a, CPU n/a, memory n/a",
		"goal at N=10000, the worse of uniform: time ratio <= 0.50: 0.43 (met); memory ratio <= 1.00: 0.48 (met)",
		"content/helmet/x.md:3: broken link",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if i, j := strings.Index(got, "ours      1000"), strings.Index(got, "hugo     10000"); i > j {
		t.Errorf("rows are not in order of N:\n%s", got)
	}
}

func TestWriteTableSaysWhenAGoalIsMissed(t *testing.T) {
	rs := results()[:2]
	rs[1].Samples = []Sample{{Wall: 9 * time.Second, MaxRSS: 2000 << 20}}
	var b strings.Builder
	WriteTable(&b, rs, "ours", "hugo", Goals{N: 10000, TimeRatio: 0.5, MemRatio: 1.0})
	if want := "time ratio <= 0.50: 0.69 (NOT met); memory ratio <= 1.00: 1.33 (NOT met)"; !strings.Contains(b.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, b.String())
	}
}

// The goal is judged on the worse corpus: ours may win on one shape and
// lose on the other, and the table must say NOT met.
func TestGoalIsTheWorseOfTheShapes(t *testing.T) {
	rs := results()[:2]
	for _, r := range results()[:2] {
		r.Shape = "varied"
		if r.Tool == "ours" {
			r.Samples = []Sample{{Wall: 9 * time.Second, MaxRSS: 600 << 20}}
		}
		rs = append(rs, r)
	}
	var b strings.Builder
	WriteTable(&b, rs, "ours", "hugo", Goals{N: 10000, TimeRatio: 0.5, MemRatio: 1.0})
	for _, want := range []string{
		"ours/hugo on uniform at N=10000: time 0.43, CPU 0.43, memory 0.48",
		"ours/hugo on varied at N=10000: time 0.69, CPU n/a, memory 0.40",
		"goal at N=10000, the worse of uniform, varied: time ratio <= 0.50: 0.69 (NOT met); memory ratio <= 1.00: 0.48 (met)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestRunOnceMeasuresTheChild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644)
	s, err := RunOnce(context.Background(), helperTool(t, "fake", "build"), t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	if s.Wall < 100*time.Millisecond {
		t.Errorf("wall time %v, want at least the child's 100 ms", s.Wall)
	}
	if s.CPU < 10*time.Millisecond {
		t.Errorf("CPU time %v, want the child's time touching 64 MiB", s.CPU)
	}
	if s.MaxRSS < 64<<20 {
		t.Errorf("peak memory %d MiB, want at least the child's 64 MiB", s.MaxRSS>>20)
	}
	o, err := Measure(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Output{Files: 3, Pages: 2, Bytes: 14 + 8 + 3}); o != want {
		t.Errorf("output: got %+v, want %+v (the stale file removed before the run)", o, want)
	}
}

func TestRunKeepsGoingWhenOneToolFails(t *testing.T) {
	var log strings.Builder
	rs, err := Run(context.Background(), Plan{
		Ns: []int{3}, Runs: 2, Warmup: 1, CacheDir: t.TempDir(), Log: &log,
		Tools: []Tool{helperTool(t, "ours", "fail"), helperTool(t, "hugo", "build")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Fatalf("got %d results, want 2", len(rs))
	}
	if rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "broken link") {
		t.Errorf("failed tool: got error %v, want one holding its output", rs[0].Err)
	}
	if len(rs[1].Samples) != 2 || rs[1].Output.Pages != 2 {
		t.Errorf("working tool: got %d samples and %d pages, want 2 and 2", len(rs[1].Samples), rs[1].Output.Pages)
	}
	if !strings.Contains(log.String(), "ours FAILED") {
		t.Errorf("log does not say the tool failed:\n%s", log.String())
	}
}

func TestExpand(t *testing.T) {
	got := Expand([]string{"build", "--content", "{content}", "--out", "{out}", "-s", "{hugo}"}, "/c", "/o")
	want := []string{"build", "--content", "/c/content", "--out", "/o", "-s", "/c/hugo"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseSizes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1000,10_000", []int{1000, 10000}, true},
		{" 25000 ", []int{25000}, true},
		{"0", nil, false},
		{"10k", nil, false},
	} {
		got, err := ParseSizes(tc.in)
		if (err == nil) != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("ParseSizes(%q) = %v, %v; want %v (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// A benchmark stopped with Ctrl-C while it waits for the disk stops at
// once instead of sitting out the minute.
func TestSettleStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var said []string
	err := Settle(ctx, time.Hour, func(format string, args ...any) { said = append(said, fmt.Sprintf(format, args...)) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Settle on a cancelled context = %v, want context.Canceled", err)
	}
	if len(said) != 1 || !strings.Contains(said[0], "-settle 0") {
		t.Errorf("Settle said %q, want one line telling how to skip the wait", said)
	}
	said = nil
	if err := Settle(context.Background(), 0, func(format string, args ...any) { said = append(said, format) }); err != nil || said != nil {
		t.Errorf("Settle(0) = %v and said %q, want no wait and nothing said", err, said)
	}
}
