package site_test

import (
	"context"
	"os"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
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
	b.ResetTimer()
	for b.Loop() {
		site.Build(cfg, set, site.Options{})
	}
}
