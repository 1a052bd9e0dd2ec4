package output

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
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

// An apostrophe or a quote in an action, in a comment, a string or a
// character, hides nothing after it from the minifier: the template is
// minified as the one without it, and every action comes back as written.
func TestMinifyTemplateReadsActionsAsTemplatesDo(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"apostrophe in a comment",
			"<p>\n  {{/* the reader's own */}}\n  <b> {{.X}} </b>\n</p>\n<p>  two  </p>",
			"<p>{{/* the reader's own */}}\n<b>{{.X}}</b></p><p>two</p>"},
		{"apostrophe in a trimmed comment",
			"<ul>\n{{- /* Don't: \"x\" */ -}}\n<li>  a  </li>\n</ul>",
			"<ul>{{- /* Don't: \"x\" */ -}}<li>a</li></ul>"},
		{"apostrophe in a string",
			"<p>{{if eq .K \"it's\"}}  <b>x</b>  {{end}}</p>\n<p>  two  </p>",
			"<p>{{if eq .K \"it's\"}} <b>x</b> {{end}}</p><p>two</p>"},
		{"in an attribute",
			"<p title=\"{{/* it's */}}a\">  {{.X}}  </p>",
			"<p title=\"{{/* it's */}}a\">{{.X}}</p>"},
		{"}} in a raw string and a character",
			"<p>{{printf `}}` 'x' '\\''}}  <b> y </b></p>",
			"<p>{{printf `}}` 'x' '\\''}} <b>y</b></p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MinifyTemplate(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("MinifyTemplate(%q)\n = %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
	if _, err := MinifyTemplate("<p>{{if .X}</p>"); err == nil {
		t.Error("an action without its }} was minified")
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

// BenchmarkWrite writes the files of a portal (portalFiles) into a new
// output folder as a build does, minifying the search index's files, on
// as many goroutines as there are cores. Per file it should cost about
// the same at 100,000 pearls as at 10,000 (issue 17): the folders hold
// ten times as many entries, and the writer's tables ten times as many
// paths. The output folder is in the benchmark's temporary folder
// (TMPDIR): a tmpfs measures the system calls, a disk adds its own.
func BenchmarkWrite(b *testing.B) {
	page := bytes.Repeat([]byte("<p>helmi</p>"), 1000)
	index := []byte(`[` + strings.Repeat(`{"k":"helmi","d":[1,2,3]},`, 200) + `0]`)
	for _, n := range []int{10_000, 100_000} {
		files := portalFiles(n)
		for i := range files {
			files[i].Data, files[i].Minified = page, true
			if strings.HasSuffix(files[i].Path, ".json") {
				files[i].Data, files[i].Type, files[i].Minified = index, "application/json", false
			}
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "public")
				f, err := Place(dir, nil)
				if err != nil {
					b.Fatal(err)
				}
				w, err := Begin(context.Background(), f, Options{Minify: true, Files: len(files)})
				if err != nil {
					b.Fatal(err)
				}
				workers := runtime.GOMAXPROCS(0)
				var wg sync.WaitGroup
				for g := range workers {
					wg.Go(func() {
						for i := g; i < len(files); i += workers {
							if err := w.Write(files[i]); err != nil {
								b.Error(err)
							}
						}
					})
				}
				wg.Wait()
				if err := w.Commit(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
		})
	}
}
