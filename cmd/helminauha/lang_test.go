package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

// The tests of this package pin English messages unless they ask for
// Finnish with --lang fi; TestMessagesAreFinnishByDefault checks the
// default without the variable.
func init() { os.Setenv(diag.LangEnv, "en") }

// helminauhaEnv runs the real binary in dir with env (KEY=value) added to
// an environment that does not choose a language.
func helminauhaEnv(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, diag.LangEnv+"=") })
	cmd.Env = append(cmd.Env, env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	return o.String(), e.String()
}

func TestMessagesAreFinnishByDefault(t *testing.T) {
	t.Parallel()
	fi := `content/helmet/x.md:1:1: pakollinen asetus "date" puuttuu: lisää tiedoston alun asetuksiin (rivien --- väliin) rivi ` + "`date: ...`"
	en := `content/helmet/x.md:1:1: required key "date" is missing: add a line ` + "`date: ...`" + ` to the front matter`
	sv := `content/helmet/x.md:1:1: den obligatoriska nyckeln "date" saknas: lägg till raden ` + "`date: ...`" + ` bland uppgifterna överst i filen (mellan raderna ---)`
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		site string
		want string
	}{
		{"default", nil, nil, "", fi},
		{"--lang en", nil, []string{"--lang", "en"}, "", en},
		{"--lang=en", nil, []string{"--lang=en"}, "", en},
		{diag.LangEnv, []string{diag.LangEnv + "=en"}, nil, "", en},
		{"--lang fi over the variable", []string{diag.LangEnv + "=en"}, []string{"--lang", "fi"}, "", fi},
		{"site.yaml language: en", nil, nil, "language: en\n", en},
		{"--lang fi over site.yaml", nil, []string{"--lang", "fi"}, "language: en\n", fi},
		{"--lang sv", nil, []string{"--lang", "sv"}, "", sv},
		{diag.LangEnv + "=sv", []string{diag.LangEnv + "=sv"}, nil, "", sv},
		{"site.yaml language: sv", nil, nil, "language: sv\n", sv},
		{"--lang fi over site.yaml's sv", nil, []string{"--lang", "fi"}, "language: sv\n", fi},
		{"--lang en before the command", nil, []string{"--lang", "en", "*"}, "", en},
		{"--lang=sv before the command", nil, []string{"--lang=sv", "*"}, "", sv},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			write(t, filepath.Join(dir, "content", "helmet", "x.md"), "---\ntitle: X\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\n---\nTeksti.\n")
			site := filepath.Join(dir, "content", "site.yaml")
			orig, _ := os.ReadFile(site)
			os.WriteFile(site, append(slices.Clone(orig), tc.site...), 0o644)
			// "*" stands for the command, where it is not first.
			line := func(cmd string) []string {
				if i := slices.Index(tc.args, "*"); i >= 0 {
					return slices.Concat(tc.args[:i], []string{cmd}, tc.args[i+1:])
				}
				return append([]string{cmd}, tc.args...)
			}
			stdout, _ := helminauhaEnv(t, dir, tc.env, line("check")...)
			if !strings.Contains(stdout, tc.want) {
				t.Errorf("check %v lacks %q:\n%s", tc.args, tc.want, stdout)
			}
			_, stderr := helminauhaEnv(t, dir, tc.env, line("build")...)
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("build %v lacks %q:\n%s", tc.args, tc.want, stderr)
			}
		})
	}
}

func TestCommandLineInBothLanguages(t *testing.T) {
	t.Parallel()
	// Each command line runs in a portal of its own, so that they run at
	// once.
	ownPortal := func(t *testing.T) string {
		dir := portal(t)
		write(t, filepath.Join(dir, "vanha", "muistio.txt"), "oma tiedosto")
		return dir
	}
	for _, tc := range []struct {
		args   []string
		fi, en string
	}{
		{nil, "Käyttö:\n  helminauha build   [--content KANSIO]", "Usage:\n  helminauha build   [--content DIR]"},
		{[]string{"bogus"}, `helminauha: tuntematon komento "bogus": komennot ovat build, serve, check, new ja version`,
			`helminauha: unknown command "bogus": the commands are build, serve, check, new and version`},
		{[]string{"biuld"}, `helminauha: tuntematon komento "biuld": tarkoititko helminauha build? Komennot ovat`,
			`helminauha: unknown command "biuld": did you mean helminauha build? The commands are`},
		{[]string{"tarkista"}, `tuntematon komento "tarkista": tarkoititko helminauha check?`, `unknown command "tarkista": did you mean helminauha check?`},
		{[]string{"Serve"}, "tarkoititko helminauha serve?", "did you mean helminauha serve?"},
		{[]string{"--build"}, "tarkoititko helminauha build?", "did you mean helminauha build?"},
		{[]string{"build", "--nosuch"}, "helminauha build: tuntematon valitsin --nosuch", "helminauha build: unknown flag --nosuch"},
		{[]string{"new", "pearl", "-x"}, "helminauha new: tuntematon valitsin -x:", "helminauha new: unknown flag -x:"},
		{[]string{"build", "-minify=ehkä"}, `valitsimen -minify arvo "ehkä" ei kelpaa: kirjoita true tai false, esimerkiksi -minify=false`,
			`flag -minify: "ehkä" is not a value for it: write true or false, for example -minify=false`},
		{[]string{"build", "--content"}, "helminauha build: valitsimen --content perään tarvitaan arvo", "helminauha build: flag --content needs a value"},
		{[]string{"build", "--minify=ehkä"}, `helminauha build: valitsimen --minify arvo "ehkä" ei kelpaa: kirjoita true tai false`,
			`helminauha build: flag --minify: "ehkä" is not a value for it: write true or false`},
		{[]string{"check", "-h"}, "  --content KANSIO\n    \tportaalin sisältökansio (oletus \"content\")", "  --content DIR\n    \tthe portal's content folder (default \"content\")"},
		{[]string{"check", "--lang", "de"}, `helminauha check: --lang on fi (suomi), sv (ruotsi) tai en (englanti), ei "de"`, `helminauha check: --lang is fi (Finnish), sv (Swedish) or en (English), not "de"`},
		{[]string{"check", "--format", "xml"}, `helminauha check: --format on text, json tai github, ei "xml"`, `helminauha check: --format must be text, json or github, not "xml"`},
		{[]string{"check", "--content", "olematon"}, "helminauha: sisältökansiota olematon ei ole", "helminauha: there is no content folder olematon"},
		{[]string{"check"}, "content: ei virheitä, ", "content: no errors, "},
		{[]string{"new", "helmi", "x"}, `helminauha new: tuntematon laji "helmi": kirjoita pearl (helmi), case (tapausesimerkki), chapter (oppaan luku) tai translation (käännös)`,
			`helminauha new: unknown kind "helmi": use pearl, case, chapter or translation`},
		{[]string{"new", "pearl"}, "helminauha new: kirjoita, mitä teet (pearl, case tai chapter), ja uuden tiedoston nimi ilman .md-päätettä, esimerkiksi helminauha new pearl verkostokartta",
			"helminauha new: write what to make (pearl, case or chapter) and the new file's name without .md, for example helminauha new pearl verkostokartta"},
		{[]string{"new", "pearl", ""}, "helminauha new pearl: uuden tiedoston nimi puuttuu: kirjoita se ilman .md-päätettä, esimerkiksi helminauha new pearl verkostokartta",
			"helminauha new pearl: the new file's name is missing: write it without .md, for example helminauha new pearl verkostokartta"},
		{[]string{"new", "case", ".md"}, "helminauha new case: uuden tiedoston nimi puuttuu", "helminauha new case: the new file's name is missing"},
		{[]string{"new", "pearl", "Uusi Helmi"}, "nimeä se uusi-helmi.md", "rename it uusi-helmi.md"},
		{[]string{"new", "pearl", "x", "--theme", "olematon"}, `helminauha new: teema-aluetta "olematon" ei ole: kirjoita kansion content/teemat tiedoston nimi ilman .md-päätettä (johtaminen, verkostotyo)`,
			`helminauha new: there is no theme area "olematon": use the name of a file in content/teemat without .md (johtaminen, verkostotyo)`},
		{[]string{"build", "--out", "content"}, "helminauha: --out content on sama kansio kuin content, josta sivusto tehdään: anna sivustolle toinen kansio, esimerkiksi --out public",
			"helminauha: --out content is content, which the build reads: name another folder, for example --out public"},
		{[]string{"build", "--out", "content/site.yaml"}, "helminauha: --out content/site.yaml on tiedosto eikä kansio",
			"helminauha: --out content/site.yaml is a file, not a folder"},
		{[]string{"build", "--out", ""}, "helminauha: --out on tyhjä: kerro kansio, johon sivusto kirjoitetaan, esimerkiksi --out public",
			"helminauha: --out is empty: name the output folder, for example --out public"},
		{[]string{"build", "--out", "vanha"}, "helminauha: kansiossa --out vanha on tiedostoja, joita helminauha ei ole kirjoittanut (muistio.txt).",
			"helminauha: --out vanha holds files helminauha did not write (muistio.txt);"},
		{[]string{"build", "--out", "uusi"}, "Kirjoitettiin 4", "Wrote 4"},
		{[]string{"new", "pearl", "dialogi"}, "helminauha new: content/helmet/dialogi.md on jo olemassa, eikä sitä muutettu: valitse toinen nimi",
			"helminauha new: content/helmet/dialogi.md already exists; it was left as it was: choose another name"},
	} {
		t.Run(strings.Join(append([]string{"helminauha"}, tc.args...), " "), func(t *testing.T) {
			t.Parallel()
			dir := ownPortal(t)
			for _, lang := range []string{"fi", "en"} {
				want := tc.fi
				if lang == "en" {
					want = tc.en
				}
				stdout, stderr := helminauhaEnv(t, dir, []string{diag.LangEnv + "=" + lang}, tc.args...)
				if !strings.Contains(stdout+stderr, want) {
					t.Errorf("%s %v lacks %q:\n%s%s", lang, tc.args, want, stdout, stderr)
				}
			}
		})
	}
	dir := ownPortal(t)
	for _, lang := range []string{"fi", "en"} {
		stdout, _ := helminauhaEnv(t, dir, []string{diag.LangEnv + "=" + lang}, "new", "pearl", "uusi-"+lang)
		want := map[string]string{"fi": "Tehtiin content/helmet/uusi-fi.md: kirjoita paikkamerkkien tilalle oma tekstisi ja aja sitten helminauha check",
			"en": "Created content/helmet/uusi-en.md: replace the placeholders, then run helminauha check"}[lang]
		if !strings.Contains(stdout, want) {
			t.Errorf("new in %s: %q, want %q", lang, stdout, want)
		}
	}
}

// TestServeAddressInUseInBothLanguages: serve at an address another
// program holds says so, and what to type instead: a port that is free,
// not a fixed one (which was the port in use when serve ran there).
func TestServeAddressInUseInBothLanguages(t *testing.T) {
	dir := portal(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	held := map[string]bool{addr: true}
	// The port after it held too, when it can be: the advice passes it.
	port := ln.Addr().(*net.TCPAddr).Port
	if next, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+1))); err == nil {
		defer next.Close()
		held[next.Addr().String()] = true
	}
	suggested := regexp.MustCompile(`(?:--addr |ADDR=)(127\.0\.0\.1:[0-9]+)$`)
	// Started by `make serve` (the Makefile sets HELMINAUHA_BY_MAKE), the
	// advice is to give make's ADDR: `make serve --addr …` is an option
	// make refuses. Under another make (MAKELEVEL alone) it is --addr.
	var environ []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, byMakeEnv+"=") {
			environ = append(environ, kv)
		}
	}
	for _, c := range []struct {
		lang, makelevel, want string
	}{
		{"fi", "", "helminauha: osoite " + addr + " on jo käytössä: esikatselu on ehkä jo käynnissä toisessa ikkunassa. Lopeta se siellä painamalla Ctrl-C tai valitse toinen portti, esimerkiksi --addr 127.0.0.1:"},
		{"en", "", "helminauha: the address " + addr + " is in use: perhaps serve runs in another window already. Stop it there with Ctrl-C, or choose another port, for example --addr 127.0.0.1:"},
		{"fi", "1", "helminauha: osoite " + addr + " on jo käytössä: esikatselu on ehkä jo käynnissä toisessa ikkunassa. Lopeta se siellä painamalla Ctrl-C tai valitse toinen portti, esimerkiksi make serve ADDR=127.0.0.1:"},
		{"en", "make", "helminauha: the address " + addr + " is in use: perhaps serve runs in another window already. Stop it there with Ctrl-C, or choose another port, for example --addr 127.0.0.1:"},
		{"sv", "1", "helminauha: adressen " + addr + " används redan: förhandsgranskningen är kanske redan i gång i ett annat fönster. Avsluta den där med Ctrl-C eller välj en annan port, till exempel make serve ADDR=127.0.0.1:"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, binary(t), "serve", "--addr", addr)
		cmd.Dir = dir
		cmd.Env = append(slices.Clone(environ), diag.LangEnv+"="+c.lang)
		switch c.makelevel {
		case "1":
			cmd.Env = append(cmd.Env, byMakeEnv+"=1")
		case "make":
			cmd.Env = append(cmd.Env, "MAKELEVEL=1")
		}
		out, _ := cmd.CombinedOutput()
		cancel()
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), c.want) {
			t.Errorf("serve in %s (by make %q): exit %d, want 1 and %q:\n%s", c.lang, c.makelevel, code, c.want, out)
		}
		if m := suggested.FindStringSubmatch(strings.TrimSpace(string(out))); m == nil || held[m[1]] {
			t.Errorf("serve in %s suggests a port in use, or none:\n%s", c.lang, out)
		}
	}
}

// TestServeAddressMistakes: serve --addr with an address written wrong
// (a port alone, a host alone, the browser's address pasted, a port past
// 65535, an IPv6 address without brackets, a name no machine has, an
// address of another machine) says what to write, in the editor's
// language, with no English words of Go's inside the Finnish.
func TestServeAddressMistakes(t *testing.T) {
	dir := portal(t)
	for _, tc := range []struct{ addr, lang, want string }{
		{"1399", "fi", "helminauha: osoitteesta 1399 puuttuu portti: kirjoita kone ja portti kaksoispisteen molemmin puolin, esimerkiksi --addr 127.0.0.1:1399\n"},
		{"localhost", "fi", "helminauha: osoitteesta localhost puuttuu portti: kirjoita kone ja portti kaksoispisteen molemmin puolin, esimerkiksi --addr localhost:1313\n"},
		{"1399", "en", "helminauha: the address 1399 has no port: write the host and the port with a colon between, for example --addr 127.0.0.1:1399\n"},
		{"1399", "sv", "helminauha: adressen 1399 saknar port: skriv datorn och porten med ett kolon emellan, till exempel --addr 127.0.0.1:1399\n"},
		{"http://127.0.0.1:1313/", "fi", "helminauha: http://127.0.0.1:1313/ on verkko-osoite: kirjoita osoitteeksi vain kone ja portti ilman alkua http:// ja kauttaviivoja, esimerkiksi --addr 127.0.0.1:1313\n"},
		{"http://localhost", "en", "helminauha: http://localhost is a web address: give only the host and the port, without http:// and slashes, for example --addr localhost:1313\n"},
		{"localhost:1399/", "sv", "helminauha: localhost:1399/ är en webbadress: skriv bara datorn och porten, utan http:// och snedstreck, till exempel --addr localhost:1399\n"},
		{"127.0.0.1:99999", "fi", `helminauha: osoitteen 127.0.0.1:99999 portti "99999" ei kelpaa: portti on luku 1–65535, esimerkiksi --addr 127.0.0.1:1313` + "\n"},
		{"127.0.0.1:abc", "en", `helminauha: the address 127.0.0.1:abc has the port "abc", which is not one: a port is a number from 1 to 65535, for example --addr 127.0.0.1:1313` + "\n"},
		{"::1", "fi", "helminauha: ::1 on IPv6-osoite: kirjoita se hakasulkeisiin ja portti perään, esimerkiksi --addr [::1]:1313\n"},
		{"127.0.0.1:1313:1", "sv", "helminauha: adressen 127.0.0.1:1313:1 har inte formen dator:port: skriv till exempel --addr 127.0.0.1:1313\n"},
		{"kone.invalid:1399", "fi", `helminauha: konetta "kone.invalid" ei löydy: kirjoita tämän koneen nimi tai osoite, esimerkiksi --addr 127.0.0.1:1399` + "\n"},
		{"192.0.2.1:1399", "en", "helminauha: 192.0.2.1:1399 is not an address of this machine: serve can listen only at the machine's own addresses, for example --addr 127.0.0.1:1399\n"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, binary(t), "serve", "--addr", tc.addr)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), diag.LangEnv+"="+tc.lang)
		out, _ := cmd.CombinedOutput()
		cancel()
		if code := cmd.ProcessState.ExitCode(); code != 1 || string(out) != tc.want {
			t.Errorf("serve --addr %s in %s: exit %d, want 1 and\n%s got\n%s", tc.addr, tc.lang, code, tc.want, out)
		}
	}
}

// TestCommandLineInSwedish: --lang sv, HELMINAUHA_LANG=sv or site.yaml's
// language: sv give the messages in Swedish, from the usage to build's
// summary.
func TestCommandLineInSwedish(t *testing.T) {
	dir := portal(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "Användning:\n  helminauha build   [--content MAPP]"},
		{[]string{"bogus"}, `helminauha: okänt kommando "bogus": kommandona är build, serve, check, new och version`},
		{[]string{"check", "-h"}, "  --content MAPP\n    \tportalens innehållsmapp (standard \"content\")"},
		{[]string{"check", "--format", "xml"}, `helminauha check: --format är text, json eller github, inte "xml"`},
		{[]string{"check"}, "content: inga fel, "},
		{[]string{"new", "pearl", "dialogi"}, "helminauha new: content/helmet/dialogi.md finns redan och ändrades inte: välj ett annat namn"},
		{[]string{"new", "pearl", ""}, "helminauha new pearl: den nya filens namn saknas: skriv det utan .md, till exempel helminauha new pearl verkostokartta"},
		{[]string{"new", "pearl", "-x"}, "helminauha new: okänd flagga -x:"},
		{[]string{"new", "translation", "sv", "helmet/dialogi"}, "helminauha new translation: portalen har inga andra språk än fi: lägg först till languages i site.yaml"},
		{[]string{"build", "--out", "content"}, "helminauha: --out content är samma mapp som content, som webbplatsen byggs av: ge webbplatsen en annan mapp, till exempel --out public"},
		{[]string{"build", "--out", "ut"}, "Skrev 4"},
		{[]string{"build", "--out", "ut"}, "Utkast som lämnades utanför: 1"},
	} {
		stdout, stderr := helminauhaEnv(t, dir, []string{diag.LangEnv + "=sv"}, tc.args...)
		if !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v lacks %q:\n%s%s", tc.args, tc.want, stdout, stderr)
		}
	}
	// -h before --lang, over the variable: the help is in --lang's language,
	// its second form under the first's "helminauha".
	_, stderr := helminauhaEnv(t, dir, []string{diag.LangEnv + "=fi"}, "new", "-h", "--lang", "sv")
	if want := "Användning: helminauha new pearl|case|chapter KORTNAMN [--theme KORTNAMN] [--content MAPP]\n            helminauha new translation SPRÅK MAPP/KORTNAMN [--content MAPP]"; !strings.Contains(stderr, want) {
		t.Errorf("new -h --lang sv lacks %q:\n%s", want, stderr)
	}
}
