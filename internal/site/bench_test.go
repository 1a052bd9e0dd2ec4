package site_test

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
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
