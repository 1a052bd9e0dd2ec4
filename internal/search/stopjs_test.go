package search

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestThemeStopWords: the theme's search leaves out the stop words the
// index leaves out, so its haku-<code>.js has exactly each language's
// stop words, as they are written here. `go generate ./internal/search`
// (this test with -update) writes them there.
func TestThemeStopWords(t *testing.T) {
	const open, end = "const STOP_WORDS = new Set(`\n", "`.trim().split(/\\s+/));"
	for _, l := range []*Language{finnish, swedish} {
		path := "../../themes/helminauha/assets/haku-" + l.Code + ".js"
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		before, rest, ok := bytes.Cut(src, []byte(open))
		old, after, ok2 := bytes.Cut(rest, []byte(end))
		if !ok || !ok2 {
			t.Fatalf("%s has no %s…%s", path, open, end)
		}
		var words []string
		for line := range strings.Lines(strings.TrimSpace(l.stop.list)) {
			words = append(words, "  "+strings.TrimSpace(line))
		}
		want := strings.Join(words, "\n")
		if string(old) == want {
			continue
		}
		if !*update {
			t.Errorf("%s's STOP_WORDS are not the %s stop words of internal/search: run go generate ./internal/search", path, l.Code)
			continue
		}
		out := slices.Concat(before, []byte(open), []byte(want), []byte(end), after)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
