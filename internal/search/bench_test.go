package search

import "testing"

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
