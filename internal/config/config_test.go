package config_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestSiteYAML reads each testdata/*.txtar: its site.yaml (and the
// --baseurl flag, when it has a section baseurl) is parsed, and the
// settings and every problem, in English and in Finnish, must be as its
// sections config, errors and virheet say. go test -update rewrites them.
func TestSiteYAML(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			section := func(name string) string {
				for _, f := range ar.Files {
					if f.Name == name {
						return string(f.Data)
					}
				}
				return ""
			}
			c, diags := config.Parse("content/site.yaml", []byte(section("site.yaml")), strings.TrimSpace(section("baseurl")))
			got := map[string]string{"config": describe(c), "errors": problems(diags, diag.English), "virheet": problems(diags, diag.Finnish)}
			if *update {
				for _, name := range []string{"config", "errors", "virheet"} {
					data := got[name]
					i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == name })
					if i < 0 {
						ar.Files = append(ar.Files, txtar.File{Name: name})
						i = len(ar.Files) - 1
					}
					ar.Files[i].Data = []byte(data)
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"config", "errors", "virheet"} {
				if want := section(name); got[name] != want {
					t.Errorf("%s:\ngot\n%swant\n%s", name, got[name], want)
				}
			}
		})
	}
}

func problems(diags diag.List, l diag.Lang) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.In(l) + "\n")
	}
	return b.String()
}

// describe writes the settings a portal gets, one a line.
func describe(c *config.Config) string {
	if c == nil {
		return "nil\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title %q\ndescription %q\nlanguage %s\nbaseURL %s\nbasePath %s\ntheme %s\n", c.Title, c.Description, c.Language, c.BaseURL, c.BasePath(), c.Theme)
	fmt.Fprintf(&b, "editURL %s\npearlWords %v\nkeep %q\n", c.EditURL, c.PearlWords, c.Keep)
	for _, l := range c.Languages {
		fmt.Fprintf(&b, "language %s %q %q, pages under %s\n", l.Code, l.Title, l.Description, c.For(l.Code).BasePath())
	}
	keys := make([]string, 0, len(c.Extra))
	for k := range c.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "extra %s %#v\n", k, c.Extra[k])
	}
	return b.String()
}

// TestRootPathFollowsBaseURL: Load works out the root path once, and a
// configuration given another address afterwards (or made without Load)
// answers for the address it has.
func TestRootPathFollowsBaseURL(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: T\ndescription: D\nbaseURL: https://org.github.io/portaali/\n")}}
	c, diags := config.Load(fsys, "content", "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, step := range []struct{ baseURL, want string }{
		{"", "/portaali/"},
		{"https://example.fi/p%C3%A4rlor/", "/pärlor/"},
		{"https://example.fi/", "/"},
		{"-", "/"},
	} {
		if step.baseURL == "-" {
			c.BaseURL = ""
		} else if step.baseURL != "" {
			c.BaseURL = step.baseURL
		}
		if got := c.RootPath(); got != step.want {
			t.Errorf("baseURL %q: RootPath %q, want %q", c.BaseURL, got, step.want)
		}
	}
	if got := (&config.Config{BaseURL: "https://example.fi/a/"}).For("").BasePath(); got != "/a/" {
		t.Errorf("a configuration made without Load: BasePath %q, want /a/", got)
	}
}
