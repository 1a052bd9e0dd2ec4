package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses every pearl of the portal
// HELMINAUHA_BENCH_CONTENT names (a content folder, as make bench writes
// it), one after another, into a Store as a build does.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("HELMINAUHA_BENCH_CONTENT")
	if dir == "" {
		b.Skip("set HELMINAUHA_BENCH_CONTENT to a content folder")
	}
	names, err := filepath.Glob(filepath.Join(dir, "helmet", "*.md"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no pearls in %s: %v", dir, err)
	}
	srcs := make([][]byte, len(names))
	size := 0
	for i, n := range names {
		if srcs[i], err = os.ReadFile(n); err != nil {
			b.Fatal(err)
		}
		size += len(srcs[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		s, err := NewStore()
		if err != nil {
			b.Fatal(err)
		}
		for i, src := range srcs {
			if _, diags := ParseInto(names[i], src, s); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	}
}
