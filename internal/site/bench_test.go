package site_test

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/rusage"
	"github.com/helminauha/helminauha/internal/site"
)

// BenchmarkModelCorpus builds the model of the portal whose content
// folder HELMINAUHA_BENCH_CONTENT names (as make bench writes it), loaded
// once. Where a key is written is worked out once per document and kept,
// so only the first build pays for it.
func BenchmarkModelCorpus(b *testing.B) {
	cfg, set := loadCorpus(b)
	b.ReportAllocs()
	// The collector is left out (the build's collections are over the
	// whole portal's heap, which one model does not decide): what is
	// reported is the model's own CPU time.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	cpu := rusage.CPU()
	b.ResetTimer()
	for b.Loop() {
		site.Build(cfg, set, site.Options{})
	}
	b.ReportMetric(float64(rusage.CPU()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPearlByKeyCorpus finds pearls of the model of the portal of
// HELMINAUHA_BENCH_CONTENT by key, as a save of a pearl's front matter
// does about ten times (its place, dates, title, tags, related pearls):
// by a walk of the pearls, as before 2026-12-07, and by PearlByKey.
func BenchmarkPearlByKeyCorpus(b *testing.B) {
	cfg, set := loadCorpus(b)
	s, _ := site.Build(cfg, set, site.Options{Drafts: true})
	var keys []string
	for i := 0; i < len(s.Pearls); i += max(1, len(s.Pearls)/64) {
		keys = append(keys, s.Pearls[i].Key)
	}
	b.Run("walk", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			key := keys[i%len(keys)]
			if slices.IndexFunc(s.Pearls, func(p *site.Pearl) bool { return p.Key == key }) < 0 {
				b.Fatal(key)
			}
		}
	})
	b.Run("lookup", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if s.PearlByKey(keys[i%len(keys)]) == nil {
				b.Fatal(keys[i%len(keys)])
			}
		}
	})
}

// loadCorpus loads the portal whose content folder HELMINAUHA_BENCH_CONTENT
// names (as make bench writes it), or skips the benchmark.
func loadCorpus(b *testing.B) (*config.Config, *content.Set) {
	dir := os.Getenv("HELMINAUHA_BENCH_CONTENT")
	if dir == "" {
		b.Skip("set HELMINAUHA_BENCH_CONTENT to a content folder")
	}
	fsys := os.DirFS(dir)
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		b.Fatal(diags)
	}
	set, diags := content.Load(context.Background(), fsys, "content")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	return cfg, set
}
