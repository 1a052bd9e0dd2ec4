package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestValueProblemsPointAtTheValue: a problem of a front matter value is
// reported at the value's line and column, and one of a list's item at
// the item's, where an editor's editor puts the cursor, whatever the
// language of the messages.
func TestValueProblemsPointAtTheValue(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	pearl := "title: T\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n"
	cases := []struct {
		name, file, front string
		pos               string // file:line:col of the one positioned problem
	}{
		{"unknown theme after spaces", "helmet/teema.md", strings.Replace(pearl, "theme: verkostotyo", "theme:   verkostotyö", 1), "3:10"},
		{"no such date, quoted", "helmet/paiva.md", strings.Replace(pearl, "2022-06-01", `"2022-02-30"`, 1), "6:7"},
		{"a Finnish date", "helmet/suomi.md", strings.Replace(pearl, "2022-06-01", "1.6.2022", 1), "6:7"},
		{"unknown kind", "helmet/laji.md", strings.Replace(pearl, "vinkki", "vinki", 1), "5:7"},
		{"unknown audience, a list item of its own line", "helmet/kohde.md", pearl + "audience:\n  - johto\n  - esimiehet", "9:5"},
		{"a related pearl that does not exist, the second in brackets", "helmet/liittyy.md", pearl + "related: [luottamus, olematon]", "7:22"},
		{"yes in a list of tags", "helmet/tagit.md", pearl + "tags: [hyvä, no]", "7:14"},
		{"text where true or false belongs", "helmet/luonnos-ei.md", pearl + "draft: kyllä", "7:8"},
		{"a list where text belongs", "helmet/otsikko.md", strings.Replace(pearl, "title: T", "title:\n  - T", 1), "3:3"},
		{"a weight in words", "teemat/sanat.md", "title: Sanat\nweight: kolme\nsummary: S.", "3:9"},
		{"a colour without #", "teemat/vari.md", "title: Väri\nweight: 7\nsummary: S.\ncolor: punainen", "5:8"},
		{"a case's second theme area", "caset/kaksi.md", "title: C\norganization: O\nthemes: [verkostotyo, olematon]\nsummary: S.\ndate: 2022-06-01", "4:23"},
	}
	for _, c := range cases {
		// Each its own title, not to be warned of as the same.
		front := strings.Replace(c.front, "title: T", "title: "+c.name, 1)
		write(t, filepath.Join(dir, "content", filepath.FromSlash(c.file)), "---\n"+front+"\n---\nTeksti.\n")
	}
	positioned := regexp.MustCompile(`^(content/[^:]+):(\d+:\d+): `)
	for _, lang := range []string{"fi", "sv", "en"} {
		code, stdout, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1", lang, code)
		}
		got := map[string][]string{}
		for _, line := range strings.Split(stdout, "\n") {
			if m := positioned.FindStringSubmatch(line); m != nil {
				got[m[1]] = append(got[m[1]], m[2])
			}
		}
		for _, c := range cases {
			if p := got["content/"+c.file]; len(p) != 1 || p[0] != c.pos {
				t.Errorf("check --lang %s, %s: content/%s at %v, want at %s:\n%s", lang, c.name, c.file, p, c.pos, stdout)
			}
		}
	}
}
