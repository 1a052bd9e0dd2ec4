package render

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"testing/fstest"
)

// TestJobsOnTwoCoresAsOnOne: a portal large enough that the pearls'
// jobs are listed in ranges on two cores lists the same jobs, in the
// same order and with the same deps, as on one.
func TestJobsOnTwoCoresAsOnOne(t *testing.T) {
	const n = 9000
	fsys := fstest.MapFS{
		"site.yaml":   {Data: []byte("title: T\ndescription: D\nbaseURL: https://example.org/\n")},
		"teemat/a.md": {Data: []byte("---\ntitle: A\nweight: 1\nsummary: S.\n---\nTeksti.\n")},
		"teemat/b.md": {Data: []byte("---\ntitle: B\nweight: 2\nsummary: S.\n---\nTeksti.\n")},
	}
	for i := range n {
		fsys[fmt.Sprintf("helmet/h-%04d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Helmi %d\ntheme: %s\nsummary: S.\nkind: tieto\ndate: 2024-01-01\ntags: [t%d, t%d]\nrelated: [h-%04d]\n---\nTeksti.\n",
			i, []string{"a", "b"}[i%2], i%40, i%7, (i*31+1)%n)}
	}
	s := model(t, fsys, "", false)
	th := theme(t)
	list := func(procs int) []string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out []string
		for _, j := range th.Jobs(s) {
			out = append(out, fmt.Sprint(j.Path, j.Kind, j.page, j.Deps))
		}
		return out
	}
	one, two := list(1), list(2)
	if len(one) < n {
		t.Fatalf("%d jobs for %d pearls", len(one), n)
	}
	if !slices.Equal(one, two) {
		for i := range min(len(one), len(two)) {
			if one[i] != two[i] {
				t.Fatalf("job %d of %d/%d:\none core:  %.300s\ntwo cores: %.300s", i, len(one), len(two), one[i], two[i])
			}
		}
		t.Fatalf("%d jobs on one core, %d on two", len(one), len(two))
	}
}
