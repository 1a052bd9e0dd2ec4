package render

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/content"
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

// TestJobsInAsInJobs: the jobs JobsIn lists of a model holding a few
// documents of a site (site.Site.Only, as serve lists them after a body
// save) have the deps the site's own jobs of the same pages have, the
// theme areas, guide and footer pages among them, and listing them
// leaves the site's page state, which Render takes, as it was.
func TestJobsInAsInJobs(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	th, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(s.Areas) == 0 || len(s.Cases) == 0 || len(s.Pages) == 0 {
		t.Fatal("the test wants a portal with theme areas, case examples and pages")
	}
	full := map[string][]string{}
	for _, j := range th.Jobs(s) {
		full[j.Path] = j.Deps
	}
	st := th.state(s)
	p, c, pg := s.Pearls[len(s.Pearls)/2], s.Cases[0], s.Pages[0]
	jobs := th.JobsIn(s, s.Only([]content.Doc{p.Pearl, c.Case, pg.Page}))
	if th.state(s) != st {
		t.Error("listing the jobs of a part of the site made its page state anew")
	}
	seen := map[string]bool{}
	for _, j := range jobs {
		if j.Kind != "pearl" && j.Kind != "case" && j.Kind != "page" {
			continue
		}
		seen[j.Kind] = true
		if want, ok := full[j.Path]; !ok {
			t.Errorf("%s: no such page in the site's jobs", j.Path)
		} else if !slices.Equal(j.Deps, want) {
			t.Errorf("%s depends on %v, in the site's jobs on %v", j.Path, j.Deps, want)
		}
	}
	if len(seen) != 3 {
		t.Errorf("JobsIn listed the pages of %v, want a pearl, a case and a page", slices.Sorted(maps.Keys(seen)))
	}
}
