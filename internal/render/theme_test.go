package render

import (
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/themes"
)

// defaultFiles copies the default theme into a MapFS that a test may break.
func defaultFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	sub, err := fs.Sub(themes.FS, "helminauha")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBrokenThemes(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string // the first error, exactly
	}{
		{
			"unclosed action",
			func(m fstest.MapFS) {
				m["templates/pearl.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n")}
			},
			`themes/test/templates/pearl.html:2: bad character U+007D '}'`,
		},
		{
			"unknown function",
			func(m fstest.MapFS) {
				m["templates/case.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n\n\n<p>{{nosuch .Title}}</p>\n{{end}}\n")}
			},
			`themes/test/templates/case.html:4: function "nosuch" not defined`,
		},
		{
			"broken partial",
			func(m fstest.MapFS) {
				m["templates/_extra.html"] = &fstest.MapFile{Data: []byte("{{define \"x\"}}\n{{if}}\n{{end}}\n")}
			},
			`themes/test/templates/_extra.html:2: missing value for if`,
		},
		{
			"missing template",
			func(m fstest.MapFS) { delete(m, "templates/area.html") },
			`themes/test/templates/area.html: the theme has no template for area pages: add templates/area.html (one template per kind, see the render package doc)`,
		},
		{
			"no main",
			func(m fstest.MapFS) {
				m["templates/page.html"] = &fstest.MapFile{Data: []byte("<p>{{.Title}}</p>\n")}
			},
			`themes/test/templates/page.html:1: page.html does not define the page's content: wrap it in {{define "main"}} … {{end}}`,
		},
		{
			"unclosed attribute",
			func(m fstest.MapFS) {
				m["templates/term.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<a href=\"{{.Base}}\n{{end}}\n")}
			},
			`themes/test/templates/term.html: the page's HTML is left broken (look for an unclosed quote or tag): html/template noticed it in base.html: `,
		},
		{
			"no base",
			func(m fstest.MapFS) { delete(m, "templates/base.html") },
			`themes/test/templates/base.html: the theme has no templates/base.html: every page is rendered through it`,
		},
		{
			"no stylesheet",
			func(m fstest.MapFS) { delete(m, "assets/style.css") },
			`themes/test/assets/style.css: the theme has no assets/style.css: the layout links it on every page`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := defaultFiles(t)
			tc.change(m)
			th, diags := LoadTheme(m, "themes/test")
			if th != nil || !diags.HasErrors() {
				t.Fatalf("the theme loads, want the error %q", tc.want)
			}
			got := diags.Errors()[0].Error()
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBrokenBaseIsReportedOnce(t *testing.T) {
	m := defaultFiles(t)
	m["templates/base.html"] = &fstest.MapFile{Data: []byte("<!doctype html>\n<body>\n<script>var x = {{.Kind}}; {{template \"main\" .}}</script>\n")}
	_, diags := LoadTheme(m, "themes/test")
	errs := diags.Errors()
	if len(errs) != 1 || !(strings.HasPrefix(errs[0].Error(), "themes/test/templates/base.html") || strings.HasPrefix(errs[0].Error(), "themes/test/templates/_partials.html")) {
		t.Errorf("got %v, want one error in base.html or a partial", errs)
	}
}

func TestMissingKindsAreAllReported(t *testing.T) {
	m := defaultFiles(t)
	delete(m, "templates/home.html")
	delete(m, "templates/notfound.html")
	_, diags := LoadTheme(m, "themes/test")
	if n := len(diags.Errors()); n != 2 {
		t.Errorf("got %d errors, want 2: %v", n, diags)
	}
}

// TestExecutionErrorNamesTemplate: a template that parses but fails on
// real data (here an asset the theme does not have) fails the page with
// the template's file and line.
func TestExecutionErrorNamesTemplate(t *testing.T) {
	m := defaultFiles(t)
	m["templates/page.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>{{.Title}}</p>\n<img src=\"{{.Asset \"nosuch.png\"}}\" alt=\"\">\n{{end}}\n")}
	th, diags := LoadTheme(m, "themes/test")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := loadSite(t, "site.txtar", "", false)
	for _, j := range th.Jobs(s) {
		if j.Kind != "page" {
			continue
		}
		_, err := th.Render(s, j)
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Fatalf("got %v, want a *diag.Error", err)
		}
		if de.Pos.File != "themes/test/templates/page.html" || de.Pos.Line != 3 || !strings.Contains(de.Message(diag.English), `the theme has no asset "nosuch.png"`) {
			t.Errorf("got %q, want page.html:3 and the asset's name", de.Error())
		}
		if got, want := de.Message(diag.Finnish), `teemassa ei ole tiedostoa "nosuch.png" kansiossa assets/: lisää se sinne tai korjaa nimi mallipohjassa`; got != want {
			t.Errorf("in Finnish: %q, want %q", got, want)
		}
		return
	}
	t.Fatal("no page job")
}

func TestUnusedTemplateIsAWarning(t *testing.T) {
	m := defaultFiles(t)
	m["templates/single.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}{{end}}")}
	th, diags := LoadTheme(m, "themes/test")
	if th == nil || diags.HasErrors() {
		t.Fatalf("the theme does not load: %v", diags)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), "single.html is not used") {
		t.Errorf("got %v, want one warning about single.html", diags)
	}
}

func TestAssetsAreFingerprinted(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	th := theme(t)
	files := th.Assets(s)
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.Path] = true
		if strings.HasPrefix(f.Path, "assets/") {
			parts := strings.Split(strings.TrimPrefix(f.Path, "assets/"), ".")
			if len(parts) != 3 || len(parts[1]) != 8 {
				t.Errorf("asset %s is not named name.<8 hex>.ext", f.Path)
			}
			if f.Type == "" {
				t.Errorf("asset %s has no media type", f.Path)
			}
		}
		if f.Path == "favicon.svg" && f.Type != "image/svg+xml" {
			t.Errorf("favicon.svg has type %q", f.Type)
		}
	}
	if !seen["favicon.svg"] {
		t.Errorf("the static favicon.svg is missing from %v", seen)
	}
	// The stylesheet carries the areas' colours, with readable ink.
	for _, f := range files {
		if strings.HasPrefix(f.Path, "assets/style.") {
			mustContain(t, "style.css", string(f.Data),
				".teema-verkostotyo{--teema:#1f6f8b;--teema-ink:#ffffff}",
				".teema-hyvinvointi{--teema:#8a4b08;--teema-ink:#ffffff}")
		}
	}
}

func TestInkOn(t *testing.T) {
	tests := []struct{ bg, want string }{
		{"#1f6f8b", "#ffffff"},
		{"#ffd700", "#1b1f24"},
		{"#000000", "#ffffff"},
		{"#ffffff", "#1b1f24"},
	}
	for _, tc := range tests {
		if got := inkOn(tc.bg); got != tc.want {
			t.Errorf("inkOn(%q): got %q, want %q", tc.bg, got, tc.want)
		}
	}
}

func TestPrefixIDs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"heading", `<h2 id="yhteenveto">Yhteenveto</h2>`, `<h3 id="luku-1-yhteenveto">Yhteenveto</h3>`},
		{"fragment link", `<a href="#yhteenveto">x</a>`, `<a href="#luku-1-yhteenveto">x</a>`},
		{"other link", `<a href="/helmet/x/#y">x</a>`, `<a href="/helmet/x/#y">x</a>`},
		{"footnote", `<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`, `<sup id="luku-1-fnref:1"><a href="#luku-1-fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`},
		{"worksheet", `<label for="tyopohja-1-f1">L</label><p class="tp-help" id="tyopohja-1-f1-help">h</p><textarea id="tyopohja-1-f1" aria-describedby="tyopohja-1-f1-help">`, `<label for="luku-1-tyopohja-1-f1">L</label><p class="tp-help" id="luku-1-tyopohja-1-f1-help">h</p><textarea id="luku-1-tyopohja-1-f1" aria-describedby="luku-1-tyopohja-1-f1-help">`},
		{"text is left alone", `<p>id=&#34;x&#34; and &lt;h2&gt;</p>`, `<p>id=&#34;x&#34; and &lt;h2&gt;</p>`},
		{"h5 becomes h6", `<h5 id="a">a</h5>`, `<h6 id="luku-1-a">a</h6>`},
		{"h6 becomes level 7", `<h6 id="a">a <em>b</em></h6>`, `<div role="heading" aria-level="7" id="luku-1-a">a <em>b</em></div>`},
		{"hr is no heading", `<hr>`, `<hr>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(prefixIDs(template.HTML(tc.in), "luku-1-", 1)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestIDPrefixRule checks prefixIDs against testdata/id-prefix.json,
// which themes/jstest checks oma-helminauha.js's prefixedAttr against:
// the guide and the necklace's print give a body's ids their prefix by
// one rule. The file's attributes that hold ids must be exactly idAttrs.
func TestIDPrefixRule(t *testing.T) {
	data, err := os.ReadFile("testdata/id-prefix.json")
	if err != nil {
		t.Fatal(err)
	}
	var rule struct {
		IDAttributes []string
		Cases        [][3]*string
	}
	if err := json.Unmarshal(data, &rule); err != nil {
		t.Fatal(err)
	}
	var ours []string
	for _, a := range idAttrs {
		ours = append(ours, strings.TrimPrefix(a, " "))
	}
	if !slices.Equal(slices.Sorted(slices.Values(ours)), slices.Sorted(slices.Values(rule.IDAttributes))) {
		t.Errorf("idAttrs are %q, testdata/id-prefix.json's idAttributes %q", ours, rule.IDAttributes)
	}
	for _, c := range rule.Cases {
		name, value := *c[0], *c[1]
		in := `<p ` + name + `="` + value + `">t</p>`
		want := in
		if c[2] != nil {
			want = `<p ` + name + `="` + *c[2] + `">t</p>`
		}
		if got := string(prefixIDs(template.HTML(in), "x-", 0)); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}

func TestCachedNeedsAPointer(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	th := theme(t)
	v := &View{Site: s, st: th.state(s), tmpl: th.pages["page"]}
	if _, err := v.Cached("term-link", "tagi"); err == nil {
		t.Errorf("Cached takes a string")
	}
	if _, err := v.CachedEach("term-link", s.Tags[0]); err == nil {
		t.Errorf("CachedEach takes a single term")
	}
	h, err := v.CachedEach("term-link", s.Kinds[:2])
	if err != nil || string(h) != `<li><a href="/portaali/tyypit/tieto/">Tieto</a></li><li><a href="/portaali/tyypit/vinkki/">Vinkki</a></li>` {
		t.Errorf("got %q, %v", h, err)
	}
}

// TestThemeWrites: the files the theme writes whatever the content, which
// the model asks of each static file before any asset is made: its static
// files, and its assets under any fingerprint of eight hex digits.
func TestThemeWrites(t *testing.T) {
	th := theme(t)
	for p, want := range map[string]bool{
		"favicon.svg":                 true,
		"assets/style.3f2a9c1e.css":   true,
		"assets/sanat.0123abcd.js":    true,
		"assets/haku-sv.deadbeef.js":  true,
		"assets/style.css":            false,
		"assets/style.3f2a9c1.css":    false,
		"assets/style.3f2a9c1g.css":   false,
		"assets/logo.3f2a9c1e.png":    false,
		"kuvat/favicon.svg":           false,
		"assets/kuvat/style.css":      false,
		"style.3f2a9c1e.css":          false,
		"assets/.3f2a9c1e.css":        false,
		"assets/oma-helminauha.x.css": false,
	} {
		if got := th.Writes(p); got != want {
			t.Errorf("Writes(%q) = %v, want %v", p, got, want)
		}
	}
}
