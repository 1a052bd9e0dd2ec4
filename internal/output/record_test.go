package output

import (
	"fmt"
	"strconv"
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
