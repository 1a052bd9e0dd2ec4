package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
)

// TestGitHubAnnotations pins the workflow commands check --format github
// prints: one line each, paths from the repository's top, %, CR and LF
// escaped in the message, and also : and , in properties.
func TestGitHubAnnotations(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	res := &build.Result{Diags: diag.List{
		{Pos: diag.Pos{File: "content/helmet/x.md", Line: 3, Col: 7}, Text: diag.CmdFlagDefault.With("100 % valmis")},
		{Pos: diag.Pos{File: filepath.ToSlash(filepath.Join(root, "content", "a,b:c.md")), Line: 2}, Text: diag.CmdFlagDefault.With("m"), Severity: diag.SevWarning, Draft: true},
		{Pos: diag.Pos{File: "content/site.yaml"}, Text: diag.CmdFlagDefault.With("koko tiedosto")},
	}, Dropped: 2}
	var b bytes.Buffer
	writeGitHub(&b, res, root, false, diag.Finnish)
	want := "::error file=content/helmet/x.md,line=3,col=7,title=Virhe::(oletus 100 %25 valmis)\n" +
		"::warning file=content/a%2Cb%3Ac.md,line=2,title=Varoitus luonnoksessa::(oletus m)\n" +
		"::error file=content/site.yaml,title=Virhe::(oletus koko tiedosto)\n" +
		"::error title=Virhe::… ja 2 virhettä lisää (korjaa ensin yllä olevat ja aja komento uudelleen)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if got := ghData("a%b\r\nc"); got != "a%25b%0D%0Ac" {
		t.Errorf("ghData: got %q", got)
	}
}

// TestGitHubTellsItAnnotatesTen: GitHub makes annotations of a step's
// first ten error commands and ten warning commands and shows the rest
// only in the log, where an editor reading the pull request does not
// look for more. check and build --format github end
// their commands with one notice saying so, when more than ten of either
// were printed (a line counting the rest of a kind is a command too), and
// with none when every one is an annotation.
func TestGitHubTellsItAnnotatesTen(t *testing.T) {
	t.Parallel()
	const (
		fi = "::notice title=Huomautus::GitHub näyttää merkintöinä (pull requestin riveillä ja ajon yhteenvedossa) vain vaiheen 10 ensimmäistä virhettä ja 10 ensimmäistä varoitusta: loput ovat vain tämän vaiheen lokissa, yllä"
		en = "::notice title=Note::GitHub shows only a step's first 10 errors and first 10 warnings as annotations (on the pull request's lines and in the run's summary): the rest are only in this step's log, above"
		sv = "::notice title=Anmärkning::GitHub visar bara stegets 10 första fel och 10 första varningar som anteckningar (på pull requestens rader och i körningens sammanfattning): resten finns bara i stegets logg, ovan"
	)
	// Each pearl is warned of as short: with headings of level 1 in the
	// second, eight of them are ten warnings.
	portal := func(links, headings int) string {
		var body strings.Builder
		for i := range links {
			fmt.Fprintf(&body, "Lue [tämä %d](puuttuu%d.md).\n\n", i, i)
		}
		return smallPortal(t, map[string]string{
			"teemat/verkostotyo.md": "---\ntitle: Verkostotyö\nweight: 1\nsummary: Verkostot.\n---\n",
			"helmet/linkit.md":      "---\ntitle: Linkit\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\nrelated: [otsikot]\n---\n" + body.String(),
			"helmet/otsikot.md": "---\ntitle: Otsikot\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\nrelated: [linkit]\n---\n" +
				strings.Repeat("# Ykköstaso\n\nTeksti.\n\n", headings),
		})
	}
	cases := []struct {
		name            string
		links, headings int
		args            []string
		errors          int    // error commands printed
		notice          string // the notice, or ""
	}{
		{"check, ten errors", 10, 0, []string{"check", "--lang", "en"}, 10, ""},
		// Ten broken links and a line counting the eleventh.
		{"check, eleven errors", 11, 0, []string{"check", "--lang", "en"}, 11, en},
		{"check --all, eleven errors", 11, 0, []string{"check", "--all", "--lang", "sv"}, 11, sv},
		{"check, ten warnings", 0, 8, []string{"check", "--lang", "fi"}, 0, ""},
		{"check, eleven warnings", 0, 9, []string{"check", "--lang", "fi"}, 0, fi},
		// build prints errors alone: the warnings are not commands.
		{"build, ten errors", 10, 12, []string{"build", "--lang", "en"}, 10, ""},
		{"build, eleven errors", 11, 0, []string{"build", "--lang", "sv"}, 11, sv},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(tc.links, tc.headings)
			args := append(append([]string{}, tc.args[0], "--format", "github"), tc.args[1:]...)
			_, stdout, stderr := helminauha(t, dir, args...)
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			errors, notices, last := 0, []string{}, ""
			for _, l := range lines {
				if !strings.HasPrefix(l, "::") {
					continue
				}
				last = l
				if strings.HasPrefix(l, "::error ") {
					errors++
				}
				if strings.HasPrefix(l, "::notice ") {
					notices = append(notices, l)
				}
			}
			if errors != tc.errors {
				t.Errorf("%d error commands, want %d:\n%s", errors, tc.errors, stdout)
			}
			switch {
			case tc.notice == "" && len(notices) > 0:
				t.Errorf("got %q, want no notice:\n%s", notices, stdout)
			case tc.notice != "" && (len(notices) != 1 || notices[0] != tc.notice || last != tc.notice):
				t.Errorf("got the notices %q, want one after every other command:\n%s\n%s", notices, tc.notice, stdout+stderr)
			}
		})
	}
}
