package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBOMAndCRLFSimplyWork(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	content := filepath.Join(dir, "content")
	page := "\ufeff---\r\ntitle: Windows-tiedosto\r\ntheme: verkostotyo\r\nsummary: Tallennettu Muistiolla.\r\nkind: vinkki\r\ndate: 2022-06-01\r\n---\r\n## Otsikko\r\n\r\nTeksti.\r\n"
	if err := os.WriteFile(filepath.Join(content, "helmet", "windows.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCmd("build", "--quiet", "--content", content, "--out", out); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "helmet", "windows", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Windows-tiedosto") || !strings.Contains(string(html), `id="otsikko"`) {
		t.Errorf("the page lacks its title or heading")
	}
}

func TestErrorsAreCappedAndCounted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	content := filepath.Join(dir, "content")
	for i := range maxShown + 5 {
		os.WriteFile(filepath.Join(content, "helmet", fmt.Sprintf("x%03d.md", i)), []byte("---\ntitle: X\n---\n"), 0o644)
	}
	code, _, stderr := runCmd("build", "--content", content, "--out", filepath.Join(dir, "public"))
	if code != 1 {
		t.Fatalf("exit status %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	// 105 files × 4 missing keys = 420 errors: 100 shown, the rest counted.
	if got := len(lines); got != maxShown+2 {
		t.Errorf("got %d lines, want %d", got, maxShown+2)
	}
	if !strings.Contains(stderr, "… and 320 more errors") || !strings.Contains(stderr, "build failed: 420 errors") {
		t.Errorf("the count of the rest is missing:\n%s", strings.Join(lines[len(lines)-2:], "\n"))
	}
}

func TestCheckWritesNothingAndReportsWarnings(t *testing.T) {
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	content := filepath.Join(dir, "content")
	os.Remove(filepath.Join(content, "caset", "tampere.md"))
	// A pearl with an overlong summary, and a case without its sections.
	os.WriteFile(filepath.Join(content, "caset", "lyhyt.md"), []byte("---\ntitle: Lyhyt\norganization: O\nthemes: [johtaminen]\nsummary: "+strings.Repeat("a", 301)+"\ndate: 2020-01-01\n---\n## Ratkaisu\n"), 0o644)
	t.Chdir(dir)
	code, stdout, _ := runCmd("check", "--content", "content")
	if code != 0 {
		t.Fatalf("check with warnings only: exit status %d\n%s", code, stdout)
	}
	for _, want := range []string{
		`content/caset/lyhyt.md: warning: the case example has no section "## Tarve ja tavoitteet"`,
		"content/caset/lyhyt.md:5:10: warning: the summary is 301 characters",
		"content/helmet/dialogi.md: warning: no case example or related pearl points to this pearl",
		"content: no errors, ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote public/")
	}

	code, stdout, _ = runCmd("check", "--content", "content", "--format", "json")
	var report struct {
		Errors, Warnings int
		Findings         []struct{ File, Severity, Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("--format json is not JSON: %v\n%s", err, stdout)
	}
	if code != 0 || report.Errors != 0 || report.Warnings < 3 || report.Findings[0].File == "" {
		t.Errorf("json report: code %d, %+v", code, report)
	}

	os.WriteFile(filepath.Join(content, "helmet", "rikki.md"), []byte("---\ntitle: X\n---\n"), 0o644)
	if code, _, _ := runCmd("check", "--content", "content"); code != 1 {
		t.Errorf("check with errors: exit status %d, want 1", code)
	}
}

func TestNewWritesAFileThatPassesCheck(t *testing.T) {
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	t.Chdir(dir)
	if code, stdout, stderr := runCmd("new", "pearl", "uusi-helmi", "--theme", "johtaminen"); code != 0 {
		t.Fatalf("new pearl: %d %s %s", code, stdout, stderr)
	}
	data, err := os.ReadFile("content/helmet/uusi-helmi.md")
	if err != nil {
		t.Fatal(err)
	}
	if today := time.Now().Format(time.DateOnly); !strings.Contains(string(data), "date: "+today) || !strings.Contains(string(data), "theme: johtaminen") {
		t.Errorf("the new pearl lacks today's date or its theme:\n%s", data)
	}
	if code, _, stderr := runCmd("new", "pearl", "uusi-helmi", "--theme", "johtaminen"); code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("new must refuse to overwrite: %d %s", code, stderr)
	}
	if code, _, stderr := runCmd("new", "case", "Uusi_Case"); code != 2 || !strings.Contains(stderr, "rename it uusi-case.md") {
		t.Errorf("new with a bad slug: %d %s", code, stderr)
	}
	if code, _, stderr := runCmd("new", "pearl", "x", "--theme", "olematon"); code != 2 || !strings.Contains(stderr, `no theme area "olematon"`) {
		t.Errorf("new with an unknown theme: %d %s", code, stderr)
	}
	// The new pearl is a draft: its placeholders are warnings until it
	// is published.
	code, stdout, _ := runCmd("check", "--content", "content")
	if code != 0 {
		t.Errorf("check after new pearl: exit status %d\n%s", code, stdout)
	}
	if !strings.Contains(stdout, `content/helmet/uusi-helmi.md:2:8: warning: (draft) title is still the template's text "Helmen otsikko"`) {
		t.Errorf("check does not warn of the new pearl's placeholders:\n%s", stdout)
	}
	for _, args := range [][]string{{"new", "case", "uusi-case", "--theme", "verkostotyo"}, {"new", "chapter", "uusi-luku"}} {
		if code, _, stderr := runCmd(args...); code != 0 {
			t.Errorf("%v: %d %s", args, code, stderr)
		}
	}
	// A case or a chapter is published as soon as it exists, so its
	// placeholders are errors.
	code, stdout, _ = runCmd("check", "--content", "content", "--lang", "fi")
	if code != 1 {
		t.Errorf("check after new case and chapter: exit status %d, want 1\n%s", code, stdout)
	}
	for _, want := range []string{
		`content/caset/uusi-case.md:3:15: organization on yhä mallin teksti "Organisaation nimi"`,
		`content/opas/uusi-luku.md:9:1: tekstissä on yhä mallin teksti "Kysymys lukijalle?"`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check does not say %q:\n%s", want, stdout)
		}
	}
	for _, line := range problemLines(stdout) {
		if !strings.Contains(line, "mallin teksti") && !strings.Contains(line, "varoitus:") {
			t.Errorf("check reports more than the placeholders: %s", line)
		}
	}
	ch, _ := os.ReadFile("content/opas/uusi-luku.md")
	if !strings.Contains(string(ch), "weight: 3") {
		t.Errorf("the new chapter should come after the last one (weight 3):\n%s", ch)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, 2, "Usage:"},
		{[]string{"bogus"}, 2, `unknown command "bogus"`},
		{[]string{"build", "-h"}, 0, "--baseurl"},
		{[]string{"serve", "-h"}, 0, "--addr"},
		{[]string{"check", "-h"}, 0, "--format"},
		{[]string{"new", "-h"}, 0, "--theme"},
		{[]string{"build", "--nope"}, 2, "unknown flag --nope"},
		{[]string{"check", "--format", "xml"}, 2, "--format must be text, json or github"},
		{[]string{"version"}, 0, "helminauha "},
	} {
		code, stdout, stderr := runCmd(tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v: exit %d (want %d), output lacks %q:\n%s%s", tc.args, code, tc.code, tc.want, stdout, stderr)
		}
	}
}

// A newcomer's first steps in an empty portal: site.yaml, then new pearl
// before any theme area exists. check says there is no theme area at all
// and which file to make, instead of listing the areas there are as ().
func TestFirstPearlBeforeAnyArea(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Uusi portaali\ndescription: Ensimmäiset askeleet\n")
	if code, _, stderr := helminauha(t, dir, "new", "pearl", "eka"); code != 0 {
		t.Fatalf("new pearl: exit %d\n%s", code, stderr)
	}
	code, stdout, _ := helminauha(t, dir, "check")
	want := `content/helmet/eka.md:3:8: (draft) there is no theme area "teema", nor any theme area yet: first make a file in teemat/, such as teemat/teema.md, with title, weight and summary`
	if code != 1 || !strings.Contains(stdout, want) || strings.Contains(stdout, "()") {
		t.Errorf("check: exit %d, want 1 and %q:\n%s", code, want, stdout)
	}
}

// TestServeCountsWarnings: serve's first build counts the warnings that
// check lists, in the number the count asks for: one warning is not
// "them".
func TestServeCountsWarnings(t *testing.T) {
	t.Parallel()
	words := strings.Repeat("Verkoston johtaminen vaatii yhteisen tavoitteen. ", 40)
	// Each pearl is a warning: its summary is too long. They are related,
	// so that this is their only warning.
	long := strings.Repeat("a", 301)
	pearl := func(title, related string) string {
		return "---\ntitle: " + title + "\ntheme: teema\nsummary: " + long + "\nkind: vinkki\ndate: 2026-12-05\nrelated: [" + related + "]\n---\n" + words + "\n"
	}
	for _, tc := range []struct {
		pearls     int
		lang, last string
		want       string
	}{
		{1, "en", "Built ", "1 warning (helminauha check shows it)"},
		{2, "en", "Built ", "2 warnings (helminauha check lists them)"},
		{1, "fi", "Tehtiin ", "1 varoitus (helminauha check näyttää sen)"},
		{2, "fi", "Tehtiin ", "2 varoitusta (helminauha check luettelee ne)"},
		{1, "sv", "Byggde ", "1 varning (helminauha check visar den)"},
		{2, "sv", "Byggde ", "2 varningar (helminauha check listar dem)"},
	} {
		t.Run(fmt.Sprint(tc.lang, tc.pearls), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "content", "site.yaml"), "title: Uusi portaali\ndescription: Ensimmäiset askeleet\n")
			write(t, filepath.Join(dir, "content", "teemat", "teema.md"), "---\ntitle: Teema\nweight: 1\nsummary: Ensimmäinen teema.\n---\n")
			for i := range tc.pearls {
				related := ""
				if i > 0 {
					related = "helmi-0"
				}
				write(t, filepath.Join(dir, "content", "helmet", fmt.Sprintf("helmi-%d.md", i)), pearl(fmt.Sprint("Helmi ", i), related))
			}
			out := serveUntil(t, dir, tc.last, "--lang", tc.lang)
			if !slices.Contains(strings.Split(out, "\n"), tc.want) {
				t.Errorf("serve printed no line %q:\n%s", tc.want, out)
			}
		})
	}
}

// TestNewPearlInUnknownArea: new pearl --theme with an area the portal has
// not names the areas there are, and the one whose title or name in other
// letters was written (which was told only that it is no area's name,
// without the areas), or, in a portal with none yet, says so and which
// file to make first; it writes no pearl.
func TestNewPearlInUnknownArea(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		areas []string // slug: title
		theme string
		want  string
	}{
		{"no areas", nil, "johtaminen", `helminauha new: there is no theme area "johtaminen", nor any theme area yet: first make a file in content/teemat, such as content/teemat/johtaminen.md, with title, weight and summary (see toimittajalle)`},
		{"no areas, a title", nil, "Verkostotyö", `helminauha new: there is no theme area "Verkostotyö", nor any theme area yet: first make a file in content/teemat, such as content/teemat/verkostotyo.md, with title, weight and summary (see toimittajalle)`},
		{"two areas", []string{"verkostotyo: Verkostotyö", "osaaminen: Osaaminen"}, "johtaminen", `helminauha new: there is no theme area "johtaminen": use the name of a file in content/teemat without .md (osaaminen, verkostotyo)`},
		{"an area's title", []string{"verkostotyo: Verkostotyö ja yhteistyö", "osaaminen: Osaaminen"}, "verkostotyö ja yhteistyö", `helminauha new: there is no theme area "verkostotyö ja yhteistyö" (did you mean "verkostotyo"?): use the name of a file in content/teemat without .md (osaaminen, verkostotyo)`},
		{"an area's name in capitals", []string{"verkostotyo: Verkostotyö ja yhteistyö", "osaaminen: Osaaminen"}, "Osaaminen", `helminauha new: there is no theme area "Osaaminen" (did you mean "osaaminen"?): use the name of a file in content/teemat without .md (osaaminen, verkostotyo)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "content", "site.yaml"), "title: Uusi portaali\ndescription: Ensimmäiset askeleet\n")
			for _, a := range tc.areas {
				slug, title, _ := strings.Cut(a, ": ")
				write(t, filepath.Join(dir, "content", "teemat", slug+".md"), "---\ntitle: "+title+"\nweight: 1\nsummary: Teema.\n---\n")
			}
			code, _, stderr := helminauha(t, dir, "new", "pearl", "eka", "--theme", tc.theme)
			if code != 2 || strings.TrimSpace(stderr) != tc.want {
				t.Errorf("new pearl: exit %d, want 2 and\n%s\ngot\n%s", code, tc.want, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "content", "helmet", "eka.md")); !os.IsNotExist(err) {
				t.Errorf("new pearl wrote the pearl in an area that is not there (%v)", err)
			}
		})
	}
}

// TestFailedFirstBuildMakesNoFolder: a build that fails says the output
// folder was left as it was only when there was one; a first build says
// it made none, and makes none.
func TestFailedFirstBuildMakesNoFolder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		public bool
		want   string
	}{
		{"no public yet", false, "build failed: 1 error; public was not made"},
		{"public from before", true, "build failed: 1 error; public was left as it was"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			// No site.yaml: one error.
			write(t, filepath.Join(dir, "content", "teemat", "teema.md"), "---\ntitle: Teema\nweight: 1\nsummary: Teema.\n---\n")
			if tc.public {
				if err := os.Mkdir(filepath.Join(dir, "public"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := helminauha(t, dir, "build")
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != 1 || lines[len(lines)-1] != tc.want {
				t.Errorf("build: exit %d, want 1 and last line %q:\n%s", code, tc.want, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); os.IsNotExist(err) == tc.public {
				t.Errorf("public there before: %t; after the failed build: %v", tc.public, err)
			}
		})
	}
}
