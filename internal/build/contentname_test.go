package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/build"
)

// TestMessagesNameTheContentFolderAsGiven: every problem a build finds
// in the content is shown under Options.ContentName, whatever the folder
// is called.
func TestMessagesNameTheContentFolderAsGiven(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{"a theme that does not exist", func(fsys fstest.MapFS) {
			fsys["site.yaml"].Data = append(fsys["site.yaml"].Data, "theme: olematon\n"...)
		}, "sisalto/site.yaml: "},
		{"a static file where the theme puts one", func(fsys fstest.MapFS) {
			fsys["static/robots.txt"] = &fstest.MapFile{Data: []byte("User-agent: *\n")}
		}, "sisalto/static/robots.txt: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixture(t, "small.txtar")
			tc.edit(fsys)
			res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "sisalto"})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			var lines []string
			for _, d := range res.Diags.Errors() {
				lines = append(lines, d.Error())
			}
			if !strings.HasPrefix(strings.Join(lines, "\n"), tc.want) {
				t.Errorf("errors do not start with %q:\n%s", tc.want, strings.Join(lines, "\n"))
			}
		})
	}
}
