package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestTimingsShowEveryStage: build --timings, as the README's performance
// section uses it, names each stage with its wall time, the CPU time the
// process spent in it, the part of that the kernel spent (never more
// than the whole) and the peak memory so far, in the words of the
// messages' language (Finnish by default); make bench-scale reads the
// lines of --lang en.
func TestTimingsShowEveryStage(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	stages := []*diag.Message{diag.StageLoad, diag.StageModel, diag.StageRender, diag.StageWrite}
	for _, tc := range []struct {
		args []string
		lang diag.Lang
	}{
		{[]string{"--lang", "en"}, diag.English}, // as make bench-scale runs it
		{nil, diag.Finnish},
		{[]string{"--lang", "sv"}, diag.Swedish},
	} {
		stdout, stderr := helminauhaEnv(t, dir, nil, append([]string{"build", "--timings"}, tc.args...)...)
		// A stage's line is the catalogue's, word for word, with a name,
		// three durations and a size in their places.
		form := strings.Fields(diag.CmdTiming.In(tc.lang, "STAGE", "WALL", "CPUTIME", "SYSTIME", "1 MB"))
		var got []string
		for _, l := range strings.Split(stdout, "\n") {
			if f := strings.Fields(l); strings.HasPrefix(l, "  ") && len(f) == len(form) && timingFits(f, form) {
				got = append(got, f[0])
				cpu, _ := time.ParseDuration(f[slices.Index(form, "CPUTIME")])
				sys, _ := time.ParseDuration(f[slices.Index(form, "SYSTIME")])
				if sys > cpu {
					t.Errorf("build --timings %v: the kernel's part %v of the stage %s is more than its CPU time %v", tc.args, sys, f[0], cpu)
				}
			}
		}
		for _, s := range stages {
			if !slices.Contains(got, s.In(tc.lang)) {
				t.Errorf("build --timings %v: no line for the stage %q in:\n%s%s", tc.args, s.In(tc.lang), stdout, stderr)
			}
		}
	}
}

// timingFits tells whether the fields of a line are those of form with
// durations for WALL and CPUTIME and a size in MB or kB for "1 MB".
func timingFits(f, form []string) bool {
	for i, w := range form {
		switch w {
		case "STAGE":
		case "1":
			if _, err := strconv.ParseFloat(f[i], 64); err != nil {
				return false
			}
		case "WALL", "CPUTIME", "SYSTIME":
			if _, err := time.ParseDuration(f[i]); err != nil {
				return false
			}
		case "MB":
			if f[i] != "MB" && f[i] != "kB" {
				return false
			}
		default:
			if f[i] != w {
				return false
			}
		}
	}
	return true
}
