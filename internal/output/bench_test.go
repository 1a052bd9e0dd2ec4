package output

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"testing"
)

// BenchmarkMinifyHTML minifies a pearl page of the default portal as the
// templates write it before they are minified (render minifies the
// templates once; this is the cost per page it saves).
func BenchmarkMinifyHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/pearl.html")
	if err != nil {
		b.Fatal(err)
	}
	m := NewMinifier()
	f := File{Path: "x/index.html", Data: page, Type: "text/html"}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Minify(f); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMinifyTemplateKeepsActions(t *testing.T) {
	src := "<ul>\n  {{range .Items}}\n    <li class=\"item\">  {{.Name}}  </li>\n  {{end}}\n</ul>\n"
	got, err := MinifyTemplate(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"{{range .Items}}", "{{.Name}}", "{{end}}", `class="item"`} {
		if !bytes.Contains([]byte(got), []byte(want)) {
			t.Errorf("minified template %q lacks %q", got, want)
		}
	}
	if len(got) >= len(src)-10 {
		t.Errorf("nothing was minified: %q", got)
	}
}

// BenchmarkLayout adds the paths of a portal's files as a build does, a
// page folder for each pearl beside the search index's shards and the
// lists' pages. Per file it should cost about the same at 100,000 pearls
// as at 10,000 (issue 17); the maps it keeps outgrow the caches, so each
// lookup it saves counts more at the larger size.
func BenchmarkLayout(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		files := portalFiles(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := NewLayout(len(files))
				for _, f := range files {
					if again, ok := l.Add(f); again || !ok {
						b.Fatalf("%s: again %v, ok %v", f.Path, again, ok)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
		})
	}
}

// portalFiles are the paths of a portal of n pearls, shaped as the
// default theme writes them, in an order that is not sorted.
func portalFiles(n int) []File {
	var files []File
	add := func(p string) { files = append(files, File{Path: p, Type: "text/html"}) }
	for i := range n {
		add(fmt.Sprintf("helmet/nuoren-johtaminen-organisaation-kanssa-%d/index.html", i*7919%n))
		if i%4 == 0 {
			add(fmt.Sprintf("haku/d/%d.json", i/4))
		}
		if i%11 == 0 {
			add(fmt.Sprintf("tagit/aihe-%d/sivu/%d/index.html", i%40, i/11))
		}
		if i%50 == 0 {
			add(fmt.Sprintf("caset/asiakastilanne-%d/index.html", i))
		}
	}
	return files
}
