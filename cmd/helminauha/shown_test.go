package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestCheckShowsTheFirstHundredOfEach: a portal whose every pearl breaks
// one rule (and is warned of twice: no page points to it, and it is a
// word long) printed every
// problem, a line each, however many. Check's text and github formats
// print the first 100 errors and the first 100 warnings, then a line that
// counts each of the rest and says how to see them; the summary counts
// them all; --all and --format json give every one.
func TestCheckShowsTheFirstHundredOfEach(t *testing.T) {
	t.Parallel()
	const pearls = maxShown + 20
	files := map[string]string{"teemat/verkostotyo.md": "---\ntitle: Verkostotyö\nweight: 1\nsummary: Verkostot.\n---\n"}
	for i := range pearls {
		files[fmt.Sprintf("helmet/h%03d.md", i)] = fmt.Sprintf("---\ntitle: Helmi %d\ntheme: verkostotyo\nsummary: S.\nkind: vinkkii\ndate: 2022-06-01\n---\nTeksti.\n", i)
	}
	dir := smallPortal(t, files)
	const (
		moreErrors   = "… and 20 more errors not shown (check --all shows them all)"
		moreWarnings = "… and 140 more warnings not shown (check --all shows them all)"
		summary      = "content: 120 errors, 240 warnings"
		// GitHub makes annotations of ten of each.
		notice = "::notice title=Note::GitHub shows only a step's first 10 errors and first 10 warnings as annotations (on the pull request's lines and in the run's summary): the rest are only in this step's log, above"
	)
	cases := []struct {
		name             string
		args             []string
		errors, warnings int      // lines of a problem at a file
		tail             []string // the lines after them
	}{
		{"text", nil, maxShown, maxShown, []string{moreErrors, moreWarnings, summary}},
		{"text --all", []string{"--all"}, pearls, 2 * pearls, []string{summary}},
		{"github", []string{"--format", "github"}, maxShown, maxShown,
			[]string{"::error title=Error::" + moreErrors, "::warning title=Warning::" + moreWarnings, notice, summary}},
		{"github --all", []string{"--format", "github", "--all"}, pearls, 2 * pearls, []string{notice, summary}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := helminauha(t, dir, append([]string{"check", "--lang", "en"}, tc.args...)...)
			if code != 1 {
				t.Fatalf("exit status %d, want 1\n%s", code, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			errors, warnings, rest := 0, 0, []string{}
			for _, l := range lines {
				switch {
				case strings.HasPrefix(l, "::warning file=content/helmet/"), strings.HasPrefix(l, "content/helmet/") && strings.Contains(l, ": warning: "):
					warnings++
				case strings.HasPrefix(l, "::error file=content/helmet/"), strings.HasPrefix(l, "content/helmet/"):
					errors++
				default:
					rest = append(rest, l)
				}
			}
			if errors != tc.errors || warnings != tc.warnings {
				t.Errorf("%d errors and %d warnings shown, want %d and %d", errors, warnings, tc.errors, tc.warnings)
			}
			if strings.Join(rest, "\n") != strings.Join(tc.tail, "\n") {
				t.Errorf("got the other lines\n%s\nwant\n%s", strings.Join(rest, "\n"), strings.Join(tc.tail, "\n"))
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		_, stdout, _ := helminauha(t, dir, "check", "--format", "json")
		var out struct {
			Errors, Warnings int
			Findings         []finding
		}
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		if out.Errors != pearls || out.Warnings != 2*pearls || len(out.Findings) != 3*pearls {
			t.Errorf("%d errors, %d warnings and %d findings, want %d, %d and %d", out.Errors, out.Warnings, len(out.Findings), pearls, 2*pearls, 3*pearls)
		}
	})
}

// TestShownCountsEveryProblemOnce pins how the two caps meet: each
// problem is printed, counted in its kind's line (the eleventh of a kind
// in a file on), or counted at the end, and never two of these.
func TestShownCountsEveryProblemOnce(t *testing.T) {
	at := func(file string, sev diag.Severity, n int, m *diag.Message) diag.List {
		var l diag.List
		for i := range n {
			l = append(l, &diag.Error{Pos: diag.Pos{File: file, Line: i + 1}, Text: m.With("x"), Severity: sev})
		}
		return l
	}
	cases := []struct {
		name                 string
		diags                diag.List
		warnings             bool
		lines, more          int // problems printed, and lines counting the rest of a kind
		moreErr, moreWarning int
	}{
		{"few", at("a.md", diag.SevError, 3, diag.CmdFlagDefault), true, 3, 0, 0, 0},
		{"one kind in one file", at("a.md", diag.SevError, 25, diag.CmdFlagDefault), true, maxSame, 1, 0, 0},
		{"one kind in many files", func() (l diag.List) {
			for i := range 150 {
				l = append(l, at(fmt.Sprintf("%03d.md", i), diag.SevError, 1, diag.CmdFlagDefault)...)
			}
			return l
		}(), true, maxShown, 0, 50, 0},
		// The cap is reached at the fifth of a kind: its other twenty are
		// left out and counted at the end, as no line counts them.
		{"cap inside a kind", append(func() (l diag.List) {
			for i := range 19 {
				l = append(l, at(fmt.Sprintf("a%02d.md", i), diag.SevError, 5, diag.CmdFlagDefault)...)
			}
			return l
		}(), at("b.md", diag.SevError, 25, diag.CmdFlagDefault)...), true, maxShown, 0, 20, 0},
		{"warnings apart", append(at("a.md", diag.SevWarning, 105, diag.CmdFlagDefault), at("b.md", diag.SevError, 105, diag.CmdFlagBad)...), true, 2 * maxSame, 2, 0, 0},
		{"warnings not asked for", append(at("a.md", diag.SevWarning, 200, diag.CmdFlagDefault), at("b.md", diag.SevError, 5, diag.CmdFlagBad)...), false, 5, 0, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := shownOf(tc.diags, tc.warnings, false)
			lines, more, counted := 0, 0, 0
			for _, d := range s.lines {
				if d.ID() == diag.CmdMoreSame.ID() {
					more++
					var n int
					fmt.Sscanf(d.Message(diag.English), "… and %d", &n)
					counted += n
				} else {
					lines++
				}
			}
			if lines != tc.lines || more != tc.more || s.errors != tc.moreErr || s.warnings != tc.moreWarning {
				t.Errorf("got %d lines, %d of more like it, %d and %d left out; want %d, %d, %d and %d",
					lines, more, s.errors, s.warnings, tc.lines, tc.more, tc.moreErr, tc.moreWarning)
			}
			want := 0
			for _, d := range tc.diags {
				if tc.warnings || d.Severity == diag.SevError {
					want++
				}
			}
			if got := lines + counted + s.errors + s.warnings; got != want {
				t.Errorf("%d problems accounted for, want %d", got, want)
			}
		})
	}
}
