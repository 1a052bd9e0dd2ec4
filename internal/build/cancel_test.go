package build_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/build"
)

// A build cancelled in any stage stops with the context's error, reports
// no problems (those a half-done build would find are not real) and
// leaves the output folder as the last good build wrote it.
func TestCancelledBuildChangesNothing(t *testing.T) {
	fsys := fixture(t, "small.txtar")
	for i := range 600 {
		fsys[fmt.Sprintf("helmet/lisa-%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Lisä %d\ntheme: verkostotyo\nsummary: S.\nkind: tieto\ndate: 2024-01-01\nrelated: [lisa-%d]\n---\nKatso [seuraava](../helmet/lisa-%d.md).\n",
			i, (i+1)%600, (i+1)%600)}
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Content: fsys, ContentName: "content", Out: out}
	if res, err := build.Build(context.Background(), opts); err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Err())
	}
	before := sumTree(t, out)
	for _, c := range []struct {
		stage  string
		cancel func(context.CancelFunc, *build.Options)
	}{
		{"before the load", func(cancel context.CancelFunc, _ *build.Options) { cancel() }},
		{"while rendering", func(cancel context.CancelFunc, o *build.Options) {
			o.Progress = func(done, total int) {
				if done == total {
					t.Errorf("while rendering: the first progress came after the last page (%d); the portal is too small", total)
				}
				cancel()
			}
		}},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		o := opts
		c.cancel(cancel, &o)
		res, err := build.Build(ctx, o)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want the context's error", c.stage, err)
		}
		if res != nil && len(res.Diags) > 0 {
			t.Errorf("%s: problems reported:\n%v", c.stage, res.Diags.Err())
		}
		if sumTree(t, out) != before {
			t.Errorf("%s: the output folder changed", c.stage)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*")); len(left) > 0 {
			t.Errorf("%s: left beside the output: %v", c.stage, left)
		}
	}
}

func sumTree(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s %d\n", p, len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
