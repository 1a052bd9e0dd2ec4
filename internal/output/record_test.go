package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRecordQuotesAsStrconv holds appendQuoted to strconv.Quote, which
// readRecord's strconv.Unquote reads back.
func TestRecordQuotesAsStrconv(t *testing.T) {
	for _, p := range []string{"", "helmet/x/index.html", "a b", `a"b`, `a\b`, "ä/ö.html", "a\x7fb", "a\x00b",
		"a\tb", "~", " ", "\xff", "日本/x", "a\u200bb"} {
		t.Run(fmt.Sprintf("%q", p), func(t *testing.T) {
			if got, want := string(appendQuoted([]byte("x"), p)), "x"+strconv.Quote(p); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

// TestRecordIsSortedWhateverTheOrderWritten: the record of the same files
// is the same bytes, its paths in increasing order, however the build's
// workers happened to write them (here in a map's order, new each time),
// into a new folder or over a build before; with enough paths of long
// shared prefixes that sortPaths sorts them by their bytes.
func TestRecordIsSortedWhateverTheOrderWritten(t *testing.T) {
	files := map[string]string{}
	for i := range 3000 {
		files[fmt.Sprintf("helmet/palautteen-seuranta-%d/index.html", i*7919%3000)] = "x"
		if i%3 == 0 {
			files[fmt.Sprintf("haku/d/%d.json", i)] = "y"
		}
	}
	files["a b/ä.html"], files["helmet/palautteen-seuranta"] = "z", "z"
	var records []string
	for _, dir := range []string{t.TempDir(), t.TempDir()} {
		for range 2 {
			build(t, dir, files)
			data, err := os.ReadFile(filepath.Join(dir, RecordName))
			if err != nil {
				t.Fatal(err)
			}
			records = append(records, string(data))
		}
	}
	for i, r := range records[1:] {
		if r != records[0] {
			t.Errorf("record %d differs from the first", i+2)
		}
	}
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(records[0], recordHeader), "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("the record lists %d paths, want %d", len(lines), len(files))
	}
	for i := 1; i < len(lines); i++ {
		x, _ := strconv.Unquote(lines[i-1])
		y, _ := strconv.Unquote(lines[i])
		if x >= y {
			t.Fatalf("the record lists %q before %q", x, y)
		}
	}
}
