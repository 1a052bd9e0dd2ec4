package search

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/rusage"
	"github.com/helminauha/helminauha/internal/site"
)

func BenchmarkBuild1000(b *testing.B) {
	docs := synthetic(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexerOneEdit is a rebuild after one document changed.
func BenchmarkIndexerOneEdit(b *testing.B) {
	docs := synthetic(b, 1000)
	ix := NewIndexer()
	if _, err := ix.Build(docs, Options{}); err != nil {
		b.Fatal(err)
	}
	body := docs[500].Body
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs[500].Body = body + " muokkaus" + string(rune('a'+i%26))
		if _, err := ix.Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// corpus10k is the bench corpus of 10,000 pearls that make bench caches
// (internal/tools/corpus) and names in HELMINAUHA_BENCH_CONTENT, as for the
// render package's benchmarks; the benchmarks that need it skip when it is
// not set.
var corpus10k = os.Getenv("HELMINAUHA_BENCH_CONTENT")

var bigSite = sync.OnceValues(func() (*site.Site, error) {
	if corpus10k == "" {
		return nil, errors.New("HELMINAUHA_BENCH_CONTENT is not set")
	}
	fsys := os.DirFS(corpus10k)
	if _, err := os.Stat(corpus10k); err != nil {
		return nil, err
	}
	cfg, diags := config.Load(fsys, "content", "")
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	set, diags := content.LoadLanguages(context.Background(), fsys, "content", content.Options{Langs: cfg.Codes()[1:]})
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	s, diags := site.Build(cfg, set, site.Options{})
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	return s, nil
})

func bigCorpus(b *testing.B) *site.Site {
	b.Helper()
	s, err := bigSite()
	if err != nil {
		b.Skipf("no bench corpus (make bench writes it and sets HELMINAUHA_BENCH_CONTENT): %v", err)
	}
	return s
}

var bigDocs = sync.OnceValue(func() []Doc { s, _ := bigSite(); return FromSite(s) })

// BenchmarkFromSite10k is the documents' text of 10,000 pearls, as a
// build takes it from the model.
func BenchmarkFromSite10k(b *testing.B) {
	s := bigCorpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, rusage.CPU())
	for i := 0; i < b.N; i++ {
		FromSite(s)
	}
}

// BenchmarkBuild10k is the index of 10,000 pearls, as a build makes it
// beside the rendering.
func BenchmarkBuild10k(b *testing.B) {
	bigCorpus(b)
	docs := bigDocs()
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, rusage.CPU())
	for i := 0; i < b.N; i++ {
		if _, err := Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyse10k is the analysis step of BenchmarkBuild10k.
func BenchmarkAnalyse10k(b *testing.B) {
	bigCorpus(b)
	docs := bigDocs()
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, rusage.CPU())
	for i := 0; i < b.N; i++ {
		analyseDocs(docs, finnish)
	}
}

// BenchmarkSplit10k is the compound splitting of every word of the 10k
// corpus, as build does it, with an empty memo of Key each time.
func BenchmarkSplit10k(b *testing.B) {
	bigCorpus(b)
	v, _, _, _ := analyseDocs(bigDocs(), finnish)
	words, corpusKeys := len(v.ids.words), len(v.keys)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, rusage.CPU())
	for i := 0; i < b.N; i++ {
		v.memo = map[string]string{}
		for _, k := range v.keys[corpusKeys:] {
			delete(v.keyIDs, k)
		}
		v.keys = v.keys[:corpusKeys]
		sp := v.splitter(corpusKeys)
		memo := map[string][]string{}
		for id := range words {
			for _, pk := range sp.partKeys(v.ids.words[id], memo) {
				v.keyID(pk)
			}
		}
	}
}
