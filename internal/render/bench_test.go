package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/rusage"
	"github.com/helminauha/helminauha/internal/site"
)

// pearlJob is the fixture's site, the default theme and the job of one
// pearl page.
func pearlJob(b *testing.B) (*site.Site, *Theme, Job) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	for _, j := range th.Jobs(s) {
		if j.Path == "helmet/yhteinen-tavoite/index.html" {
			return s, th, j
		}
	}
	b.Fatal("the fixture has no pearl yhteinen-tavoite")
	return nil, nil, Job{}
}

// BenchmarkRenderPearl renders one pearl page of the fixture, body
// included: go test ./internal/render -bench . -benchmem
func BenchmarkRenderPearl(b *testing.B) {
	s, th, job := pearlJob(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := th.Render(s, job); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPearlParallel is the same on every core, as the build
// runs it.
func BenchmarkRenderPearlParallel(b *testing.B) {
	s, th, job := pearlJob(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := th.Render(s, job); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkJobs(b *testing.B) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	b.ReportAllocs()
	for b.Loop() {
		th.Jobs(s)
	}
}

// BenchmarkJobsCorpus lists the jobs of a generated portal as a
// session's plan stage does (Jobs) and as a build's does (JobsToRender),
// with no page state or necklace layout from a build before (each is
// made anew), reporting the CPU time without the collector (see
// site.BenchmarkModelCorpus).
func BenchmarkJobsCorpus(b *testing.B) {
	loadCorpus(b)
	s, th := corpus.s, corpus.th
	for _, list := range []struct {
		name string
		jobs func(*site.Site) []Job
	}{{"session", th.Jobs}, {"build", th.JobsToRender}} {
		b.Run(list.name, func(b *testing.B) {
			b.ReportAllocs()
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			runtime.GC()
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				th.cur.Store(nil)
				th.necklace = necklaceMemo{}
				b.StartTimer()
				at := rusage.CPU()
				list.jobs(s)
				cpu += rusage.CPU() - at
			}
			b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// corpus is a generated portal for the benchmarks below, loaded once.
var corpus struct {
	once   sync.Once
	s      *site.Site
	th     *Theme
	byKind map[string][]Job
	kinds  []string
	err    error
}

// loadCorpus loads the portal HELMINAUHA_BENCH_CONTENT names, such as
// the one go -C internal/tools run ./cmd/corpus -n 10000 -cache DIR prints, with the minified
// templates the build uses, or skips the benchmark.
func loadCorpus(b *testing.B) {
	dir := os.Getenv("HELMINAUHA_BENCH_CONTENT")
	if dir == "" {
		b.Skip("set HELMINAUHA_BENCH_CONTENT to a content folder")
	}
	corpus.once.Do(func() {
		fsys, name := os.DirFS(dir), "content"
		cfg, diags := config.Load(fsys, name, "")
		if diags.HasErrors() {
			corpus.err = fmt.Errorf("%v", diags)
			return
		}
		set, diags := content.Load(context.Background(), fsys, name)
		if diags.HasErrors() {
			corpus.err = fmt.Errorf("%v", diags.Errors())
			return
		}
		s, diags := site.Build(cfg, set, site.Options{})
		if diags.HasErrors() {
			corpus.err = fmt.Errorf("%v", diags.Errors())
			return
		}
		th, diags := Default()
		if diags.HasErrors() {
			corpus.err = fmt.Errorf("%v", diags)
			return
		}
		th.MinifyTemplates()
		corpus.s, corpus.th, corpus.byKind = s, th, map[string][]Job{}
		for _, j := range th.Jobs(s) {
			if corpus.byKind[j.Kind] == nil {
				corpus.kinds = append(corpus.kinds, j.Kind)
			}
			corpus.byKind[j.Kind] = append(corpus.byKind[j.Kind], j)
		}
	})
	if corpus.err != nil {
		b.Fatal(corpus.err)
	}
}

// BenchmarkRenderCorpus renders every page of a generated portal, kind by
// kind, one page after the other:
//
//	HELMINAUHA_BENCH_CONTENT=$(go -C internal/tools run ./cmd/corpus -n 10000 -cache $PWD/.cache/bench)/content \
//	  go test ./internal/render -run '^$' -bench RenderCorpus/pearl -benchtime 2x -cpuprofile /tmp/cpu.prof
func BenchmarkRenderCorpus(b *testing.B) {
	loadCorpus(b)
	s, th := corpus.s, corpus.th
	for _, kind := range corpus.kinds {
		jobs := corpus.byKind[kind]
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := rusage.CPU()
			for b.Loop() {
				for _, j := range jobs {
					if _, err := th.Render(s, j); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(jobs)), "ns/page")
			// CPU time (the process's, so garbage collection counts) is
			// steadier than wall time on a shared machine.
			b.ReportMetric(float64((rusage.CPU()-cpu0).Nanoseconds())/float64(b.N*len(jobs)), "cpu-ns/page")
			b.ReportMetric(float64(len(jobs)), "pages")
		})
	}
}

// BenchmarkExecuteCorpus is the template execution alone of up to 1,000
// pages of each kind of the portal of BenchmarkRenderCorpus, by the
// compiled program as Render runs it: their data (bodies included) is
// made before the clock starts.
func BenchmarkExecuteCorpus(b *testing.B) {
	loadCorpus(b)
	s, th := corpus.s, corpus.th
	for _, kind := range corpus.kinds {
		_, fast := th.pagesFor(s.Config.Language) // with the portal's words in them
		tmpl := fast[kind]
		if tmpl == nil {
			continue // not a template page
		}
		jobs := corpus.byKind[kind]
		if len(jobs) > 1000 {
			jobs = jobs[:1000]
		}
		views := make([]*View, len(jobs))
		for i, j := range jobs {
			v, err := th.view(s, j)
			if err != nil {
				b.Fatal(err)
			}
			v.tmpl = tmpl
			views[i] = v
			// The first execution fills the caches of Chrome and Cached.
			if err := tmpl.Execute(io.Discard, v); err != nil {
				b.Fatal(err)
			}
		}
		th.progs.compile(tmpl, tmpl.Name())
		p := th.progs.get(tmpl, tmpl.Name())
		if p == nil {
			b.Fatalf("the %s template has no program", kind)
		}
		b.Run(kind, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			cpu0 := rusage.CPU()
			for b.Loop() {
				for _, v := range views {
					buf.Reset()
					if err := p.execute(&buf, v); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
			b.ReportMetric(float64((rusage.CPU()-cpu0).Nanoseconds())/float64(b.N*len(views)), "cpu-ns/page")
		})
	}
}

// BenchmarkStateOfNextSite is the page state (every pearl's card) of a
// new model of the same 10,000 pearls, as serve makes one on every save:
// go test ./internal/render -run - -bench StateOfNextSite -benchmem
func BenchmarkStateOfNextSite(b *testing.B) {
	s := bigSite(b, 10000)
	next, ok := s.Patch(nil)
	if !ok {
		b.Fatal("no copy of the model")
	}
	th := theme(b)
	sites := []*site.Site{s, next}
	th.state(s)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		th.state(sites[i%2])
	}
}
