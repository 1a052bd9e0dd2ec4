package main

import (
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	s := time.Second
	r := func(wall, cpu time.Duration, rss int64, load, render time.Duration) run {
		return run{n: 10000, wall: wall, cpu: cpu, rss: rss, query: 54 << 10,
			stages: []stage{{"load", load, load, rss / 2}, {"render", render, render, rss}}}
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := median(tt.runs)
			if got.wall != tt.want.wall || got.cpu != tt.want.cpu || got.rss != tt.want.rss || got.n != 10000 || got.query != 54<<10 {
				t.Errorf("median = %v %v %d (n %d, query %v), want %v %v %d", got.wall, got.cpu, got.rss, got.n, got.query, tt.want.wall, tt.want.cpu, tt.want.rss)
			}
			for j, st := range got.stages {
				if w := tt.want.stages[j]; st.name != w.name || st.cpu != w.cpu || st.wall != w.wall {
					t.Errorf("stage %d = %+v, want %+v", j, st, w)
				}
			}
		})
	}
}
