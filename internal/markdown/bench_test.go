package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

// The benchmarks use a realistic pearl of about 700 words with front
// matter, sections, lists, a table, links, an image, a worksheet and a
// footnote. Run with -benchmem.

func benchDoc(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join("testdata", "helmi.md"))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func BenchmarkParse(b *testing.B) {
	src := benchDoc(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Parse(file, src); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	src := benchDoc(b)
	d, _ := Parse(file, src)
	rewrite := func(dest string) string { return dest }
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d.HTML(rewrite)
	}
}

func BenchmarkParseParallel(b *testing.B) {
	src := benchDoc(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			d, _ := Parse(file, src)
			d.HTML(nil)
		}
	})
}
