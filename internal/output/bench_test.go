package output

import (
	"bytes"
	"os"
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
