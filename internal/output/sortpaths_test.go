package output

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSortPathsAsSlicesSort holds sortPaths to slices.Sort's order on
// lists long enough for the radix sort and its runs: paths sharing long
// starts, paths that are starts of others, 0 bytes inside and at the end
// (where a chunk's zeros are not the path's end), non-ASCII bytes.
func TestSortPathsAsSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	letters := []string{"a", "b", "z", "-", "/", "ä", "\x00", "\xff", "0"}
	random := func(n int, stem string) []string {
		seen := map[string]bool{}
		var list []string
		for len(list) < n {
			var b strings.Builder
			b.WriteString(stem)
			for range rng.IntN(20) {
				b.WriteString(letters[rng.IntN(len(letters))])
			}
			if p := b.String(); !seen[p] {
				seen[p] = true
				list = append(list, p)
			}
		}
		return list
	}
	tests := []struct {
		name  string
		paths []string
	}{
		{"none", nil},
		{"short list", []string{"helmet/b/index.html", "helmet/a/index.html", "404.html"}},
		{"portal", func() []string {
			var list []string
			for _, f := range portalFiles(3000) {
				list = append(list, f.Path)
			}
			return list
		}()},
		{"starts of each other", func() []string {
			var list []string
			for i := range 200 {
				list = append(list, strings.Repeat("helmet/", i%30)+strconv.Itoa(i))
			}
			for i := range 40 {
				list = append(list, strings.Repeat("x", i))
			}
			return list
		}()},
		{"0 bytes past a path's end", func() []string {
			var list []string
			for i := range 100 {
				list = append(list, "abc"+strings.Repeat("\x00", i))
			}
			return list
		}()},
		{"random", random(5000, "")},
		{"random, long common start", random(5000, "helmet/nuoren-johtaminen-organisaation-kanssa-")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Clone(tt.paths)
			slices.Sort(want)
			got := slices.Clone(tt.paths)
			rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
			sortPaths(got)
			if !slices.Equal(got, want) {
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("at %d of %d: got %q, want %q", i, len(got), got[i], want[i])
					}
				}
			}
		})
	}
}

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
