package main

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

func TestMedian(t *testing.T) {
	s := time.Second
	r := func(wall, cpu time.Duration, rss int64, load, render time.Duration) run {
		return run{n: 10000, wall: wall, cpu: cpu, rss: rss, query: []int64{54 << 10, 90 << 10},
			stages: []stage{{name: "load", wall: load, cpu: load, sys: load / 4, rss: rss / 2}, {name: "render", wall: render, cpu: render, sys: render / 2, rss: rss}}}
	}
	tests := []struct {
		name string
		runs []run
		want run
	}{
		{"one run is itself", []run{r(3*s, 5*s, 600, 2*s, 2*s)}, r(3*s, 5*s, 600, 2*s, 2*s)},
		// Each figure is its own median: the slow run's wall time and the
		// other run's CPU are not one run's.
		{"each figure its own", []run{r(9*s, 5*s, 600, 3*s, 2*s), r(3*s, 7*s, 620, 2*s, 4*s), r(4*s, 6*s, 610, 9*s, 1*s)},
			r(4*s, 6*s, 610, 3*s, 2*s)},
		{"an even count takes the lower middle", []run{r(4*s, 6*s, 600, 2*s, 2*s), r(3*s, 5*s, 700, 1*s, 3*s)},
			r(3*s, 5*s, 600, 1*s, 2*s)},
	}
	// The user and the system time are each their own median too.
	split := func(cpu, sys time.Duration) run { return run{cpu: cpu, sys: sys, user: cpu - sys} }
	if got := median([]run{split(9*s, 6*s), split(5*s, 1*s), split(7*s, 2*s)}); got.user != 4*s || got.sys != 2*s || got.cpu != 7*s {
		t.Errorf("median of CPU 9, 5, 7 s (system 6, 1, 2 s) = CPU %v, user %v, system %v; want 7s, 4s, 2s", got.cpu, got.user, got.sys)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := median(tt.runs)
			if got.wall != tt.want.wall || got.cpu != tt.want.cpu || got.rss != tt.want.rss || got.n != 10000 || !slices.Equal(got.query, []int64{54 << 10, 90 << 10}) {
				t.Errorf("median = %v %v %d (n %d, query %v), want %v %v %d", got.wall, got.cpu, got.rss, got.n, got.query, tt.want.wall, tt.want.cpu, tt.want.rss)
			}
			for j, st := range got.stages {
				if w := tt.want.stages[j]; st.name != w.name || st.cpu != w.cpu || st.wall != w.wall || st.sys != w.sys {
					t.Errorf("stage %d = %+v, want %+v", j, st, w)
				}
			}
		})
	}
}

// TestQueryGrowths judges each query on its own: one query that grows
// three times is not met because three others grow little (their mean,
// which benchscale compared before, is under 1.5).
func TestQueryGrowths(t *testing.T) {
	tests := []struct {
		name       string
		small, big []int64
		worst      int
		growth     float64
	}{
		{"one query", []int64{100}, []int64{120}, 0, 1.2},
		{"the one that grows", []int64{40_000, 50_000, 100_000, 30_000}, []int64{44_000, 60_000, 300_000, 33_000}, 2, 3},
		{"not the largest", []int64{10_000, 200_000}, []int64{16_000, 210_000}, 0, 1.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			growth, worst := queryGrowths([]run{{n: 10000, query: tt.small}, {n: 50000}, {n: 100000, query: tt.big}})
			if worst != tt.worst || growth[worst] != tt.growth || len(growth) != len(tt.small) {
				t.Errorf("queryGrowths = %v, worst %d; want worst %d at %v", growth, worst, tt.worst, tt.growth)
			}
		})
	}
}

// TestStageGrowth: the ratio is printed for every stage of a few
// milliseconds or more at the smallest size, the plan stage's 18 ms
// among them, and not for one that took nothing or about nothing there
// (the theme's 0 ms, a write of 3 ms) or that the smallest run lacks.
func TestStageGrowth(t *testing.T) {
	ms := time.Millisecond
	st := func(name string, cpu time.Duration) stage { return stage{name: name, cpu: cpu} }
	small := run{n: 10000, stages: []stage{st("load", 2700*ms), st("theme", 0), st("model", 70*ms), st("plan", 18*ms), st("render", 1600*ms), st("static", 0), st("write", 3*ms)}}
	large := run{n: 100000, stages: []stage{st("load", 25000*ms), st("theme", 0), st("model", 1100*ms), st("plan", 500*ms), st("render", 16000*ms), st("static", 0), st("write", 90*ms), st("extra", 40*ms)}}
	want := []stagePair{{"load", st("load", 2700*ms), st("load", 25000*ms)}, {"model", st("model", 70*ms), st("model", 1100*ms)},
		{"plan", st("plan", 18*ms), st("plan", 500*ms)}, {"render", st("render", 1600*ms), st("render", 16000*ms)}}
	if got := stageGrowth(small, large); !slices.Equal(got, want) {
		t.Errorf("stageGrowth = %v, want %v", got, want)
	}
}

// TestRoundSpread: each round's ratio is its large run over its small
// one, never a run of another round; a round that lacks the stage is left
// out, and one round alone tells no spread.
func TestRoundSpread(t *testing.T) {
	ms := time.Millisecond
	r := func(model time.Duration) run { return run{stages: []stage{{name: "model", cpu: model}}} }
	model := func(x run) (float64, bool) { return stageCPUOf(x, "model") }
	tests := []struct {
		name         string
		small, large []run
		lo, hi       float64
		ok           bool
	}{
		{"three rounds", []run{r(50 * ms), r(100 * ms), r(80 * ms)}, []run{r(600 * ms), r(1000 * ms), r(1200 * ms)}, 10, 15, true},
		{"a round without the stage", []run{r(50 * ms), {}, r(100 * ms)}, []run{r(500 * ms), r(9000 * ms), r(1200 * ms)}, 10, 12, true},
		{"one round", []run{r(50 * ms)}, []run{r(600 * ms)}, 0, 0, false},
		{"more small runs than large", []run{r(50 * ms), r(100 * ms), r(10 * ms)}, []run{r(600 * ms), r(1300 * ms)}, 12, 13, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := roundSpread(tt.small, tt.large, model)
			if ok != tt.ok || (ok && (math.Abs(lo-tt.lo) > 1e-9 || math.Abs(hi-tt.hi) > 1e-9)) {
				t.Errorf("roundSpread = %.3f–%.3f, %v; want %.3f–%.3f, %v", lo, hi, ok, tt.lo, tt.hi, tt.ok)
			}
		})
	}
}

// TestReportSplitsCPU: beside the CPU time's ratio the report prints its
// user and system parts' ratios, with their rounds but no verdict of
// their own (the goal is the whole CPU time's).
func TestReportSplitsCPU(t *testing.T) {
	s := time.Second
	r := func(n int, user, sys time.Duration) run {
		return run{n: n, wall: user + sys, cpu: user + sys, user: user, sys: sys, rss: 600 << 20, query: slices.Repeat([]int64{20 << 10}, len(queries))}
	}
	small := []run{r(10000, 4*s, 2*s), r(10000, 5*s, 3*s)}
	large := []run{r(100000, 38*s, 24*s), r(100000, 48*s, 36*s)}
	var b strings.Builder
	report(&b, []run{median(small), median(large)}, small, large)
	out := b.String()
	for _, want := range []string{
		"  CPU time                10.33 times (met)       rounds 10.33–10.50\n",
		"    of it user             9.50 times             rounds 9.50–9.60\n",
		"    of it system          12.00 times             rounds 12.00–12.00\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestReportSplitsStages: a stage's line ends with how its user and its
// system time grew, and the seconds of the latter, where the smallest
// size spent a few milliseconds in each; a stage with no system time
// there gets no such note.
func TestReportSplitsStages(t *testing.T) {
	s := time.Second
	r := func(n int, k time.Duration) run {
		return run{n: n, wall: k, cpu: k, user: k / 2, sys: k / 2, rss: 600 << 20, query: slices.Repeat([]int64{20 << 10}, len(queries)),
			stages: []stage{{name: "render", cpu: 3 * k / 8, sys: k / 8}, {name: "model", cpu: k / 100}}}
	}
	small, large := []run{r(10000, 8*s)}, []run{r(100000, 96*s)}
	large[0].stages[0].sys = 30 * s // the kernel's part grew 30 times, the user's 36 - 30 = 6 s against 2
	var b strings.Builder
	report(&b, []run{median(small), median(large)}, small, large)
	out := b.String()
	if want := "  CPU of render         12.00 times (NOT met)   user 3.00, system 30.00 times (1.0 → 30.0 s)\n"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if want := "  CPU of model          12.00 times (NOT met)\n"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
}

// TestTimingLine: the lines of build --timings --lang en, as the
// messages' catalogue writes them, give each figure in its place.
func TestTimingLine(t *testing.T) {
	l := diag.CmdTiming.In(diag.English, "render  ", "2.246s", "2.513s", "573ms", "589.6 MB")
	m := timingLine.FindStringSubmatch(l)
	if m == nil {
		t.Fatalf("%q is not read as a stage's line", l)
	}
	if got := strings.Join(m[1:], "|"); got != "render|2.246s|2.513s|573ms|589.6|MB" {
		t.Errorf("%q read as %s", l, got)
	}
}
