package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRelatedTwiceIsWarned: a pearl whose related list names a pearl
// twice (or three times) is warned of once, at the list, in the editor's
// language, and the page lists the pearl once. Before 2026-12-07 the
// second name was dropped without a word.
func TestRelatedTwiceIsWarned(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	file := filepath.Join(dir, "content", "helmet", "yhteinen-tavoite.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write(t, file, strings.Replace(string(src), "related: [luottamus]", "related: [luottamus, dialogi, luottamus, luottamus]", 1))
	for _, tc := range []struct{ lang, want string }{
		{"fi", `content/helmet/yhteinen-tavoite.md:9:11: varoitus: related-luettelossa on helmi "luottamus" kahdesti: poista toinen`},
		{"en", `content/helmet/yhteinen-tavoite.md:9:11: warning: related names the pearl "luottamus" twice: remove one of them`},
		{"sv", `content/helmet/yhteinen-tavoite.md:9:11: varning: related nämner pärlan "luottamus" två gånger: ta bort den ena`},
	} {
		stdout, stderr := helminauhaEnv(t, dir, []string{"HELMINAUHA_LANG=" + tc.lang}, "check")
		if n := strings.Count(stdout+stderr, "luottamus\" "); !strings.Contains(stdout+stderr, tc.want) || n != 1 {
			t.Errorf("check in %s: %d warnings of luottamus, want one:\n%s\n%s%s", tc.lang, n, tc.want, stdout, stderr)
		}
	}
	// A long list (searched through a map, not in place): each pearl
	// named again is told once.
	long := filepath.Join(dir, "content", "helmet", "dialogi.md")
	src, err = os.ReadFile(long)
	if err != nil {
		t.Fatal(err)
	}
	write(t, long, strings.Replace(string(src), "date: 2021-03-01\n", "date: 2021-03-01\nrelated: ["+strings.Repeat("luottamus, yhteinen-tavoite, ", 17)+"luottamus, yhteinen-tavoite]\n", 1))
	stdout, stderr := helminauhaEnv(t, dir, []string{"HELMINAUHA_LANG=en"}, "check")
	for _, slug := range []string{"luottamus", "yhteinen-tavoite"} {
		told := regexp.MustCompile(`content/helmet/dialogi.md:8:\d+: warning: related names the pearl "` + slug + `" twice`)
		if n := len(told.FindAllString(stdout+stderr, -1)); n != 1 {
			t.Errorf("check: a list of 36 naming %s 18 times is told %d times, want once:\n%s%s", slug, n, stdout, stderr)
		}
	}
	built(t, dir)
	page, err := os.ReadFile(filepath.Join(dir, "public", "helmet", "yhteinen-tavoite", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), `class="card-title" href="/portaali/helmet/luottamus/"`); n != 1 {
		t.Errorf("the page lists luottamus %d times among its related pearls, want once", n)
	}
}
