package markdown

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/helminauha/helminauha/internal/yamldoc"
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

// BenchmarkKeyPlaces finds where the front matter's keys are written, as
// a problem of a value asks, by the line scan and by the YAML parse it
// stands in for.
func BenchmarkKeyPlaces(b *testing.B) {
	d, _ := Parse(file, benchDoc(b))
	if !d.keys.plain {
		b.Fatal("the front matter is not plain")
	}
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if s := scanKeys(d.keys.block); !s.ok {
				b.Fatal("not scanned")
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			root, _ := yamldoc.Parse(d.keys.block)
			topKeys(root)
		}
	})
}
