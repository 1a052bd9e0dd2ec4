package render

import (
	"bytes"
	"fmt"
	"html/template"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

// bilingual is the build package's portal in Finnish and Swedish.
func bilingual(t testing.TB) *site.Site {
	t.Helper()
	return model(t, testkit.Content(t, filepath.Join("..", "build", "testdata", "bilingual.txtar")), "", false)
}

// TestProgramsWriteWhatHTMLTemplateWrites renders every file of the
// fixtures with html/template alone and, twice, with programs (the first
// time compiles them): the second time must write the same bytes, with
// the templates as written and minified, without leaving a page or
// partial of the default theme to html/template.
func TestProgramsWriteWhatHTMLTemplateWrites(t *testing.T) {
	sites := map[string]func() *site.Site{
		"site":      func() *site.Site { return loadSite(t, "site.txtar", "", false) },
		"drafts":    func() *site.Site { return loadSite(t, "site.txtar", "https://example.org/portaali/", true) },
		"paged":     func() *site.Site { return bigSite(t, 150) },
		"bilingual": func() *site.Site { return bilingual(t) },
	}
	for name, load := range sites {
		for _, minify := range []bool{false, true} {
			themes := make([]*Theme, 2)
			for i := range themes {
				th, diags := Default()
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				if minify {
					th.MinifyTemplates()
				}
				themes[i] = th
			}
			slow, fast := themes[0], themes[1]
			slow.progs.off = true
			s := load()
			want := renderAll(t, slow, s)
			renderAll(t, fast, s)
			compiled := fast.progs.slow.Load()
			got := renderAll(t, fast, s)
			if n := fast.progs.slow.Load(); n > 0 {
				t.Errorf("%s (minified %v): %d pages or partials left to html/template (%d of them the first time)", name, minify, n, compiled)
			}
			for p, w := range want {
				if g := got[p]; !bytes.Equal(g, w) {
					t.Errorf("%s (minified %v): the programs wrote another %s:\n%s", name, minify, p, firstDiff(string(w), string(g)))
				}
			}
			n := 0
			fast.progs.m.Range(func(k, p any) bool {
				if p.(*program) == nil {
					t.Errorf("%s (minified %v): template %s was not compiled", name, minify, k.(programKey).name)
				}
				n++
				return true
			})
			if n < len(Kinds) {
				t.Errorf("%s (minified %v): %d templates compiled, fewer than the page kinds", name, minify, n)
			}
		}
	}
}

// run executes src on data with html/template and with its program.
// compiled tells whether there was a program and it ran to the end.
func run(t *testing.T, src string, data any) (want, got string, compiled bool) {
	t.Helper()
	tmpl, err := template.New("t").Funcs(funcs).Parse(`{{define "sub"}}<i>{{.}}</i>{{end}}` + src)
	if err != nil {
		t.Fatal(err)
	}
	var w, g bytes.Buffer
	if err := tmpl.Execute(&w, data); err != nil {
		w.Reset()
		w.WriteString("error")
	}
	var ps programs
	ps.compile(tmpl, tmpl.Name())
	p := ps.get(tmpl, tmpl.Name())
	if p == nil {
		return w.String(), "", false
	}
	if err := p.execute(&g, data); err != nil {
		return w.String(), "", false
	}
	return w.String(), g.String(), true
}

// escapeData is given to the templates of TestProgramEscapesAsHTMLTemplate.
type escapeData struct {
	V    any
	List []any
	Ptr  *escapeData
}

func (d *escapeData) Twice(s string) string { return s + s }
func (d escapeData) Join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

var escapeValues = []any{
	"", "plain", `<b>"x" & 'y' + z</b>`, "a\x00b", "äö å – €", "\xff\xfe bad", "{{.}}",
	"javascript:alert(1)", "JavaScript:x", "mailto:a@b.fi", "https://e.fi/a b?q=ä&r=1#f",
	"/a/%zz/%4/%41%e4", "//host/x", "data:text/html,x", "?q=<x>", "#frag ment",
	template.HTML(`<b title="x">bold</b> & more`), template.URL("javascript:ok()"),
	template.JS(`{"a":"<b>"}`), 0, -12, 42, true, false, nil, 3.5, []int{1},
}

var escapeTemplates = []string{
	`<p title="{{.V}}">{{.V}}</p>`,
	`<a href="{{.V}}">x</a>`,
	`<a href="/haku/?q={{.V}}#{{.V}}">x</a>`,
	`<img src="/k/{{.V}}.jpg" alt="{{.V}}">`,
	`<title>{{.V}}</title><textarea>{{.V}}</textarea>`,
	`<script type="application/json">{{.V}}</script>`,
	`{{with .V}}[{{.}}]{{else}}none{{end}}`,
	`{{if .V}}yes{{else if .List}}list{{end}}`,
	`{{if not .V}}empty{{end}}{{if and .V .List}}both{{end}}{{or .V "or"}}`,
	`{{if eq .V "plain" ""}}eq{{end}}{{if ne .V "x"}}ne{{end}}`,
	`{{if eq .V 42 0}}eq{{end}}{{if ne .V 42}}ne{{end}}{{if lt .V 1}}lt{{end}}{{if ge .V 0}}ge{{end}}`,
	`{{if gt (len .List) 1}}many{{end}}{{if le (len .List) 1}}few{{end}}`,
	`{{range $i, $e := .List}}{{$i}}={{$e}};{{else}}nothing{{end}}`,
	`{{range .List}}{{template "sub" .}}{{end}}{{$x := .V}}{{$x}}{{$x = "y"}}{{$x}}`,
	`{{.Twice "ab"}}{{.Join ", " "a" "b" "c"}}{{$.Twice "<"}}`,
	`{{with .Ptr}}{{.V}}{{.Twice "p"}}{{end}}{{.Ptr.V}}`,
	`{{with legendBead .V}}{{.Shape}} {{.X}}{{end}}`,
	`{{block "b" .V}}{{.}}{{end}}`,
	`{{.V | printf "%v"}}`,
}

// TestProgramEscapesAsHTMLTemplate runs small templates over awkward
// values: whenever the program runs to the end, it must have written
// what html/template writes; and the templates of the common cases must
// compile.
func TestProgramEscapesAsHTMLTemplate(t *testing.T) {
	for ti, src := range escapeTemplates {
		ran := 0
		for _, v := range escapeValues {
			data := &escapeData{V: v, List: []any{v, "<", 2}, Ptr: &escapeData{V: v}}
			want, got, ok := run(t, src, data)
			if !ok {
				continue
			}
			ran++
			if got != want {
				t.Errorf("template %d %s with %#v:\nhtml/template %q\nprogram       %q", ti, src, v, want, got)
			}
		}
		compiles := !strings.Contains(src, "printf")
		if compiles && ran == 0 {
			t.Errorf("template %d %s never ran compiled", ti, src)
		}
		if !compiles && ran > 0 {
			t.Errorf("template %d %s ran compiled with a function not compiled", ti, src)
		}
	}
}

// FuzzProgramEscapes compares the program's escaping of any string with
// html/template's: go test ./internal/render -fuzz FuzzProgramEscapes
func FuzzProgramEscapes(f *testing.F) {
	for _, v := range escapeValues {
		if s, ok := v.(string); ok {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, src := range escapeTemplates[:6] {
			want, got, ok := run(t, src, &escapeData{V: s})
			if ok && got != want {
				t.Errorf("%s with %q:\nhtml/template %q\nprogram       %q", src, s, want, got)
			}
		}
	})
}

type refField struct{ Name string }

type refMethod struct{}

func (*refMethod) Name() string { return "method" }

// TestFieldRefManyTypes: a name of a theme that meets receivers of
// several types (the first one is kept apart from the others) finds
// itself in each, whatever the order.
func TestFieldRefManyTypes(t *testing.T) {
	r := &fieldRef{name: "Name"}
	for i, recv := range []any{&refField{Name: "field"}, &refMethod{}, &refField{}, &refMethod{}, refField{}} {
		v := reflect.ValueOf(recv)
		ptr, val := v, v
		if v.Kind() == reflect.Pointer {
			val = v.Elem()
		}
		f := r.lookup(ptr.Type(), val)
		switch recv.(type) {
		case *refField, refField:
			if f.method != -1 || len(f.field) != 1 || !f.exported {
				t.Errorf("%d: %T: got %+v, want the field", i, recv, f)
			}
		case *refMethod:
			if f.method < 0 {
				t.Errorf("%d: %T: got %+v, want the method", i, recv, f)
			}
		}
	}
}

// streamData has a method with a streamed form, as View.PearlCards.
type streamData struct{ Parts []string }

func (d *streamData) Joined() (template.HTML, error) {
	l, err := d.joined()
	if err != nil {
		return "", err
	}
	return l.html(), nil
}

func (d *streamData) joined() (*cardList, error) {
	l := &cardList{}
	for i := range d.Parts {
		l.cards = append(l.cards, &d.Parts[i])
		l.size += len(d.Parts[i])
	}
	return l, nil
}

func (d *streamData) Echo(h template.HTML) template.HTML { return "(" + h + ")" }
func (d *streamData) Any(v any) string                   { return fmt.Sprintf("%T", v) }

// TestStreamedValuesAreTheirHTML: a program that meets the streamed form
// of a method anywhere (printed, as dot, in a variable, as an argument,
// as a condition, compared) writes what html/template writes with the
// method's HTML.
func TestStreamedValuesAreTheirHTML(t *testing.T) {
	key := streamKey{reflect.TypeFor[*streamData](), "Joined"}
	streams[key] = func(recv reflect.Value) reflect.Value {
		return reflect.ValueOf(recv.Interface().(*streamData).joined)
	}
	defer delete(streams, key)
	tests := []struct {
		src      string
		compiles bool // with every list
	}{
		{`<ul>{{.Joined}}</ul>`, true},
		{`{{with .Joined}}[{{.}}]{{else}}none{{end}}`, true},
		{`{{if .Joined}}yes{{else}}no{{end}}{{if not .Joined}}not{{end}}`, true},
		{`{{$x := .Joined}}{{$x}}|{{$x}}`, true},
		{`{{template "sub" .Joined}}`, true},
		{`{{.Echo .Joined}}{{.Joined | .Echo}}{{.Any .Joined}}`, true},
		{`{{len .Joined}} {{eq .Joined "<b>a</b>"}} {{and .Joined "z"}} {{or .Joined "z"}}`, true},
		{`<textarea>{{.Joined}}</textarea>`, true},
		{`<p title="{{.Joined}}">`, false}, // html/template strips the tags
	}
	lists := [][]string{nil, {""}, {"<b>a</b>"}, {"<li>x & y</li>\n", `<li title="'">z</li>`}}
	for _, tt := range tests {
		for _, parts := range lists {
			want, got, ok := run(t, tt.src, &streamData{Parts: parts})
			if ok != tt.compiles {
				t.Errorf("%s with %q: ran compiled %v, want %v", tt.src, parts, ok, tt.compiles)
			}
			if ok && got != want {
				t.Errorf("%s with %q:\nhtml/template %q\nprogram       %q", tt.src, parts, want, got)
			}
		}
	}
}
