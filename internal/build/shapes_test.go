package build_test

import (
	"context"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/build"
)

// TestSamiLettersHaveAddresses: the Sámi letters that no decomposition
// leads to a plain one (ŋ, ŧ, and đ, which was already spelled) are
// spelled as n, t, d in tag pages' addresses and heading ids, as ä is a.
// A tag "Ŧ" was an error that said it had no letters, and "saŋ" shared
// the page of "sa", shown with whichever spelling came first.
func TestSamiLettersHaveAddresses(t *testing.T) {
	fsys := fixture(t, "small.txtar")
	pearl := fsys["helmet/yhteinen-tavoite.md"]
	text := strings.Replace(string(pearl.Data), "tags: [tavoitteet, Työhyvinvointi]", "tags: [saŋ, sa, Ŧ, Đ]", 1)
	pearl.Data = []byte(strings.Replace(text, "## Miksi tavoite", "## Ŋuolggat ja ŧ\n\n## Miksi tavoite", 1))
	res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags.Err())
	}
	files := fileMap(res.Files)
	for path, title := range map[string]string{
		"tagit/san/index.html": "<h1>Aihe: saŋ</h1>",
		"tagit/sa/index.html":  "<h1>Aihe: sa</h1>",
		"tagit/t/index.html":   "<h1>Aihe: Ŧ</h1>",
		"tagit/d/index.html":   "<h1>Aihe: Đ</h1>",
	} {
		if page := string(files[path]); !strings.Contains(page, title) {
			t.Errorf("%s: no %s in\n%.300s", path, title, page)
		}
	}
	if page := string(files["helmet/yhteinen-tavoite/index.html"]); !strings.Contains(page, `<h2 id="nuolggat-ja-t">`) {
		t.Errorf("the heading's id is not nuolggat-ja-t:\n%s", page)
	}
}
