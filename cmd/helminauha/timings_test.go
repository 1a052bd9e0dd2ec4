package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTimingsShowEveryStage: build --timings, as the README's performance
// section uses it, names each stage with its wall time, the CPU time the
// process spent in it and the peak memory so far, which make bench-scale
// reads.
func TestTimingsShowEveryStage(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	code, stdout, stderr := helminauha(t, dir, "build", "--timings")
	if code != 0 {
		t.Fatalf("build --timings: exit %d\n%s", code, stderr)
	}
	line := regexp.MustCompile(`^  (\w+) +\d[\w.µ]* +CPU +\d[\w.µ]* +peak memory so far \d+(\.\d)? (MB|kB)$`)
	var stages []string
	for _, l := range strings.Split(stdout, "\n") {
		if m := line.FindStringSubmatch(l); m != nil {
			stages = append(stages, m[1])
		}
	}
	for _, want := range []string{"load", "model", "render", "write"} {
		if !slices.Contains(stages, want) {
			t.Errorf("no line for the stage %s in:\n%s", want, stdout)
		}
	}
}
