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
