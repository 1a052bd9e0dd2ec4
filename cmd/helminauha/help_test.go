package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHelpNamesEveryFlag: the top-level help (helminauha -h) and each
// command's -h name, in each language, every flag the command takes (as
// its -h lists them below its synopsis), and no flag it does not; --lang,
// which every command takes, the top-level help tells of once. Before
// 2026-12-07 the top-level help left out build --format and the
// profiling flags, and build -h's synopsis these too.
func TestHelpNamesEveryFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	listed := regexp.MustCompile(`(?m)^  --([a-z-]+)`) // a flag in -h's list
	named := regexp.MustCompile(`--([a-z-]+)`)         // a flag in a synopsis
	for _, lang := range []string{"fi", "en", "sv"} {
		t.Run(lang, func(t *testing.T) {
			_, help, _ := helminauha(t, dir, "-h", "--lang", lang)
			if !strings.Contains(help, "--lang") {
				t.Errorf("helminauha -h does not tell of --lang:\n%s", help)
			}
			for _, c := range commands {
				_, _, own := helminauha(t, dir, c, "-h", "--lang", lang)
				var takes []string
				for _, m := range listed.FindAllStringSubmatch(own, -1) {
					if m[1] != "lang" {
						takes = append(takes, m[1])
					}
				}
				if c != "version" && len(takes) == 0 {
					t.Fatalf("helminauha %s -h lists no flags:\n%s", c, own)
				}
				head, _, _ := strings.Cut(own, "\n\n") // the synopsis
				for where, text := range map[string]string{"helminauha -h": commandLines(help, c), "helminauha " + c + " -h": head} {
					var names []string
					for _, m := range named.FindAllStringSubmatch(text, -1) {
						names = append(names, m[1])
					}
					for _, f := range takes {
						if !slices.Contains(names, f) {
							t.Errorf("%s does not name %s --%s:\n%s", where, c, f, text)
						}
					}
					for _, f := range names {
						if !slices.Contains(takes, f) {
							t.Errorf("%s names %s --%s, which the command does not take:\n%s", where, c, f, text)
						}
					}
				}
			}
		})
	}
}

// commandLines are the lines of the top-level help that give command c's
// forms: those of "  helminauha c", each with the lines under it that go
// on from it.
func commandLines(help, c string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(help, "\n") {
		switch {
		case strings.HasPrefix(l, "  helminauha "):
			in = strings.HasPrefix(l+" ", "  helminauha "+c+" ")
		case !strings.HasPrefix(l, "   "):
			in = false
		}
		if in {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
