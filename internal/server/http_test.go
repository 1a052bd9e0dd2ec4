package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
)

func TestSiteName(t *testing.T) {
	tests := []struct {
		target, want string
		ok           bool
	}{
		{"/", "", true},
		{"/helmet/x/", "helmet/x/", true},
		{"/helmet/x/index.html", "helmet/x/index.html", true},
		{"/helmet//x/", "helmet/x/", true},
		{"/helmet/./x", "helmet/x", true},
		{"/h%C3%A4/", "hä/", true},
		{"/../x", "", false},
		{"/a/../../x", "", false},
		{"/%2e%2e/x", "", false},
		{"/%2E%2e/x", "", false},
		{"/.%2e/x", "", false},
		{"/..%2fx", "", false},
		{"/a%2fb", "", false},
		{"/a%5c..%5cb", "", false},
		{"/a%00", "", false},
		{"/%252e%252e/x", "", false}, // decoded once it still reads as dots: refused too
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			got, ok := siteName(httptest.NewRequest("GET", tc.target, nil))
			if got != tc.want || ok != tc.ok {
				t.Errorf("got %q, %t; want %q, %t", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestInjectPutsScriptAndOverlayBeforeBody(t *testing.T) {
	st := &state{gen: 7, errs: diag.List{diag.New(diag.Pos{File: "content/helmet/a.md", Line: 3, Col: 2}, diag.CmdFlagDefault, "bad <script>alert(1)</script> value")}, more: 2}
	got := string(inject([]byte("<html><body><p>x</p></body></html>"), st))
	for _, want := range []string{
		`<p>x</p><link rel="stylesheet" href="/__helminauha/overlay.css"><div id="helminauha-overlay" role="alert" lang="fi">`,
		`3 virhettä`,
		`content/helmet/a.md:3:2: (oletus bad &lt;script&gt;alert(1)&lt;/script&gt; value)`,
		`… ja 2 muuta virhettä`,
		`<script src="/__helminauha/reload.js" data-gen="7" defer></script></body></html>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script>alert") {
		t.Error("the message is not escaped")
	}
	if got := string(inject([]byte("no body"), &state{gen: 1})); got != `no body<script src="/__helminauha/reload.js" data-gen="1" defer></script>` {
		t.Errorf("without </body>: got %q", got)
	}
}

func TestContentType(t *testing.T) {
	tests := []struct{ path, typ, want string }{
		{"a/index.html", "text/html", "text/html; charset=utf-8"},
		{"haku/index.json", "application/json", "application/json; charset=utf-8"},
		{"liite.pdf", "", "application/pdf"},
		{"tuntematon", "", "application/octet-stream"},
	}
	for _, tc := range tests {
		if got := contentType(output.File{Path: tc.path, Type: tc.typ}); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestSearchFileWaitsForTheFirstIndex: the first search index is made
// after the first build's pages are served; a request for one of its
// files waits for it rather than getting 404, which a search page opened
// then showed as search failing until it was reloaded. Other files not
// found are 404 at once, and so is an index file once an index exists
// (or failed to be made).
func TestSearchFileWaitsForTheFirstIndex(t *testing.T) {
	srv := &server{}
	page := output.File{Path: "index.html", Type: "text/html", Data: []byte("<html><body>Etusivu</body></html>")}
	for _, tc := range []struct {
		name  string
		index map[string]output.File
		waits bool
	}{
		{"haku/index.json", nil, true},
		{"sv/haku/index.json", nil, true},
		{"haku/t-3f.json", nil, true},
		{"haku/index.json", map[string]output.File{}, false},
		{"liitteet/data.json", nil, false},
		{"haku/puuttuu.html", nil, false},
	} {
		st := &state{gen: 1, files: []output.File{page}, search: tc.index}
		rec := httptest.NewRecorder()
		answered := srv.serveFrom(rec, httptest.NewRequest("GET", "/"+tc.name, nil), tc.name, st)
		if answered == tc.waits || answered && rec.Code != 404 {
			t.Errorf("%s with index %v: answered %t (%d), want it to wait: %t", tc.name, tc.index != nil, answered, rec.Code, tc.waits)
		}
	}
}
