package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// promptly is how long a command on the small portal may take before it
// counts as hung; it takes well under a second.
const promptly = 30 * time.Second

// runIn runs the binary in dir and kills it when it does not finish
// promptly, which fails the test.
func runIn(t *testing.T, bin, dir string, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), promptly)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	// The editor's default language, whatever the package's tests chose.
	cmd.Env = append(append(os.Environ(), diag.LangEnv+"=fi"), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("helminauha %s did not finish in %s (killed)", strings.Join(args, " "), promptly)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, o.String(), e.String()
}

// secrets are what the files outside the content folder hold; none may
// appear in any output.
const (
	gitSecret  = "AUTHORIZATION: basic SALAINEN-AVAIN-4711"
	noteSecret = "SALAINEN-MUISTIO-0815"
	envSecret  = "YMPARISTON-SALAISUUS-1234"
)

// TestContentIsReadThroughOneRoot: build and check read the content
// folder, and the themes folder, the same way, and nothing outside them.
// Links out of the folder, named pipes, sockets and oversized files are
// refused by name without being read, and both commands give the same
// answers.
func TestContentIsReadThroughOneRoot(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	link := func(target, name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	fifo := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const (
		outside = "tämä symbolinen linkki vie kansion ulkopuolelle, eikä sieltä lueta mitään"
		pipe    = "tämä on nimetty putki (FIFO) eikä tavallinen tiedosto, joten sitä ei lueta"
		loop    = "tämä symbolinen linkki kiertää kehää: se osoittaa kohteeseen "
	)
	pearl := "---\ntitle: " + noteSecret + "\ntheme: verkostotyo\nsummary: " + noteSecret + ".\nkind: vinkki\ndate: 2022-06-01\n---\n" + noteSecret + "\n"
	cases := []struct {
		name  string
		setup []func(t *testing.T, dir string)
		want  []string          // lines (or their beginnings) in both outputs; none: both succeed
		files map[string]string // files that a successful build publishes, and their bytes
	}{
		{name: "link to the checkout's .git/config",
			setup: []func(*testing.T, string){write(".git/config", "[http]\n\textraheader = "+gitSecret+"\n"), link("../../.git/config", "content/static/x.txt")},
			want:  []string{"content/static/x.txt: " + outside}},
		{name: "pearls linked to Markdown files outside",
			setup: []func(*testing.T, string){
				write("muistiot/hyva.md", pearl), link("../../muistiot/hyva.md", "content/helmet/vieras.md"),
				write("muistiot/rikki.md", "---\ntitle: ["+noteSecret+"\n---\n"), link("../../muistiot/rikki.md", "content/helmet/rikki.md")},
			want: []string{"content/helmet/vieras.md: " + outside, "content/helmet/rikki.md: " + outside}},
		{name: "links to /etc/passwd and /proc/self/environ",
			setup: []func(*testing.T, string){link("/etc/passwd", "content/static/passwd.txt"), link("/proc/self/environ", "content/static/environ.txt")},
			want:  []string{"content/static/passwd.txt: " + outside, "content/static/environ.txt: " + outside}},
		{name: "link to /dev/zero",
			setup: []func(*testing.T, string){link("/dev/zero", "content/static/nolla.bin")},
			want:  []string{"content/static/nolla.bin: " + outside}},
		{name: "a chain of links inside that ends outside",
			setup: []func(*testing.T, string){write(".git/config", gitSecret+"\n"), link("../../../.git/config", "content/static/kuvat/valitys.txt"), link("kuvat/valitys.txt", "content/static/ketju.txt")},
			want:  []string{"content/static/ketju.txt: " + outside, "content/static/kuvat/valitys.txt: " + outside}},
		// A loop is told as one, at each link in it, not as a link that
		// leads nowhere.
		{name: "two links that point at each other, and one at itself",
			setup: []func(*testing.T, string){link("b.md", "content/helmet/a.md"), link("a.md", "content/helmet/b.md"), link("itse.md", "content/helmet/itse.md")},
			want:  []string{"content/helmet/a.md: " + loop + `"b.md"`, "content/helmet/b.md: " + loop + `"a.md"`, "content/helmet/itse.md: " + loop + `"itse.md"`}},
		{name: "links to a folder they are in",
			setup: []func(*testing.T, string){link("..", "content/helmet/ylos"), link(".", "content/static/tama"), link("ylos", "content/helmet/ketju"), link("liitteet", "content/static/liitelinkki")},
			want: []string{"content/helmet/ylos: " + loop + `".."`, "content/static/tama: " + loop + `"."`, "content/helmet/ketju: " + loop + `"ylos"`,
				// Beside them, a link to a folder that does not hold it is
				// refused as before.
				"content/static/liitelinkki: tämä on symbolinen linkki kansioon"}},
		{name: "named pipes",
			setup: []func(*testing.T, string){fifo("content/static/putki.txt"), fifo("content/helmet/putki.md"), fifo("content/site.yaml.d"), fifo("content/static/kuva.png")},
			want:  []string{"content/static/putki.txt: " + pipe, "content/helmet/putki.md: " + pipe, "content/static/kuva.png: " + pipe, "content/site.yaml.d: " + pipe}},
		{name: "a named pipe as the thesaurus",
			setup: []func(*testing.T, string){fifo("content/sanasto.txt")},
			want:  []string{"content/sanasto.txt: " + pipe}},
		{name: "a named pipe in place of site.yaml",
			setup: []func(*testing.T, string){func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "content", "site.yaml")) }, fifo("content/site.yaml")},
			want:  []string{"content/site.yaml: " + pipe}},
		{name: "a socket",
			setup: []func(*testing.T, string){func(t *testing.T, dir string) {
				ln, err := net.Listen("unix", filepath.Join(dir, "content", "pistoke"))
				if err != nil {
					t.Fatal(err)
				}
				ln.(*net.UnixListener).SetUnlinkOnClose(false)
				ln.Close()
			}},
			want: []string{"content/pistoke: tämä on pistoke (socket) eikä tavallinen tiedosto"}},
		{name: "an oversized static file",
			setup: []func(*testing.T, string){func(t *testing.T, dir string) {
				f, err := os.Create(filepath.Join(dir, "content", "static", "iso.pdf"))
				if err == nil {
					err = f.Truncate(rootfs.MaxFile + 1)
					f.Close()
				}
				if err != nil {
					t.Fatal(err)
				}
			}},
			want: []string{"content/static/iso.pdf: tiedosto on 64,0 Mt, enemmän kuin yksi tiedosto saa olla (64 Mt)"}},
		{name: "a static file whose name is not UTF-8",
			setup: []func(*testing.T, string){write("content/static/nimi\xff.txt", "x")},
			want:  []string{"content/static/nimi\uFFFD.txt: nimi ei ole kelvollista UTF-8-tekstiä"}},
		{name: "a theme file linked out of the themes folder",
			setup: []func(*testing.T, string){write(".git/config", gitSecret+"\n"), func(t *testing.T, dir string) {
				copyTheme(t, filepath.Join(dir, "themes", "helminauha"))
				os.Remove(filepath.Join(dir, "themes", "helminauha", "static", "robots.txt"))
			}, link("../../../.git/config", "themes/helminauha/static/robots.txt")},
			want: []string{"themes/helminauha/static/robots.txt: " + outside}},
		{name: "a theme folder linked out of the themes folder",
			setup: []func(*testing.T, string){func(t *testing.T, dir string) {
				copyTheme(t, filepath.Join(dir, "muualla", "helminauha"))
				os.WriteFile(filepath.Join(dir, "muualla", "helminauha", "static", "robots.txt"), []byte(gitSecret), 0o644)
				os.MkdirAll(filepath.Join(dir, "themes"), 0o755)
			}, link("../muualla/helminauha", "themes/helminauha")},
			want: []string{"themes/helminauha: " + outside}},
		{name: "a theme folder without templates",
			setup: []func(*testing.T, string){write("themes/helminauha/assets/style.css", "body{}\n")},
			want:  []string{"themes/helminauha: teeman kansiossa themes/helminauha ei ole kansiota templates"}},
		{name: "a file where the theme folder goes",
			setup: []func(*testing.T, string){write("themes/helminauha", "x")},
			want:  []string{"themes/helminauha: teeman themes/helminauha pitää olla kansio"}},
		{name: "a link to a file inside the folder is followed",
			setup: []func(*testing.T, string){write("content/static/kuvat/alkuperainen.txt", "sisältö\n"), link("kuvat/alkuperainen.txt", "content/static/kopio.txt")},
			files: map[string]string{"kopio.txt": "sisältö\n", "kuvat/alkuperainen.txt": "sisältö\n"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writePortal(t, "small.txtar", dir)
			os.MkdirAll(filepath.Join(dir, "content", "static"), 0o755)
			for _, f := range tc.setup {
				f(t, dir)
			}
			env := []string{"HELMINAUHA_TEST_SECRET=" + envSecret}
			checkCode, checkOut, checkErr := runIn(t, bin, dir, env, "check")
			buildCode, buildOut, buildErr := runIn(t, bin, dir, env, "build", "--quiet")
			wantCode := 1
			if tc.want == nil {
				wantCode = 0
			}
			if checkCode != wantCode || buildCode != wantCode {
				t.Errorf("exit status: check %d, build %d; want %d\ncheck:\n%s%s\nbuild:\n%s", checkCode, buildCode, wantCode, checkOut, checkErr, buildErr)
			}
			// Each file refused is named once, with the reason.
			for _, w := range tc.want {
				file, _, _ := strings.Cut(w, ": ")
				if lines(checkOut, w) != 1 || lines(buildErr, w) != 1 || lines(buildErr, file+": ") != 1 {
					t.Errorf("not one line starting %q\ncheck:\n%s\nbuild:\n%s", w, checkOut, buildErr)
				}
			}
			if c, b := errorLines(checkOut), errorLines(buildErr); !slices.Equal(c, b) {
				t.Errorf("check and build disagree:\ncheck:\n%s\nbuild:\n%s", strings.Join(c, "\n"), strings.Join(b, "\n"))
			}
			for _, out := range []string{checkOut, checkErr, buildOut, buildErr} {
				for _, s := range []string{gitSecret, noteSecret, envSecret, "root:x:0:0"} {
					if strings.Contains(out, s) {
						t.Errorf("the output quotes %q:\n%s", s, out)
					}
				}
			}
			noSecretIn(t, dir)
			for name, want := range tc.files {
				got, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
				if err != nil || string(got) != want {
					t.Errorf("public/%s = %q, %v; want %q", name, got, err, want)
				}
			}
		})
	}
}

// lines counts the lines of out that start with prefix.
func lines(out, prefix string) int {
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, prefix) {
			n++
		}
	}
	return n
}

// checkSaysOnce runs check in each language of want, in turn fi, en and
// sv, holds it to exit status 1 and to saying each of the language's
// lines once (lines a message starts, as lines counts them), and returns
// what check said in each language.
func checkSaysOnce(t *testing.T, dir string, want map[string][]string) map[string]string {
	t.Helper()
	said := map[string]string{}
	for _, lang := range []string{"fi", "en", "sv"} {
		if _, ok := want[lang]; !ok {
			continue
		}
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1\n%s", lang, code, out)
		}
		for _, w := range want[lang] {
			if lines(out, w) != 1 {
				t.Errorf("check --lang %s does not say, once,\n%s\nit says\n%s", lang, w, out)
			}
		}
		said[lang] = out
	}
	return said
}

// errorLines are the problems in out that are errors, sorted.
func errorLines(out string) []string {
	var lines []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "content/") || strings.HasPrefix(line, "themes/") {
			if !strings.Contains(line, ": "+diag.WarningPrefix.In(diag.Finnish)+" ") {
				lines = append(lines, line)
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// noSecretIn fails when a file the commands wrote under dir holds one of
// the secrets: every regular file but the secrets' own (links are not
// followed).
func noSecretIn(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && (rel == ".git" || rel == "muistiot" || rel == "muualla") {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		for _, s := range []string{gitSecret, noteSecret, envSecret, "root:x:0:0"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds %q", rel, s)
			}
		}
		return nil
	})
}

// TestServeReadsThroughOneRoot: serve starts promptly beside a named pipe
// and serves nothing from outside the content folder.
func TestServeReadsThroughOneRoot(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	os.MkdirAll(filepath.Join(dir, "content", "static"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git-config"), []byte(gitSecret), 0o644)
	if err := os.Symlink("../../.git-config", filepath.Join(dir, "content", "static", "x.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "helmet", "putki.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), diag.LangEnv+"=fi")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var log []string
	addr := regexp.MustCompile(`(?:Serving the portal at|Esikatselu osoitteessa) (http://\S+/)`)
	var base string
	deadline := time.After(promptly)
	for base == "" {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("serve stopped:\n%s\n%s", strings.Join(log, "\n"), stderr.String())
			}
			log = append(log, line)
			if m := addr.FindStringSubmatch(line); m != nil {
				base = m[1]
			}
		case <-deadline:
			t.Fatalf("serve did not start in %s:\n%s", promptly, strings.Join(log, "\n"))
		}
	}
	// serve's log may be in either language: what counts is that it says it.
	said := func(path string, m *diag.Message, args ...any) bool {
		for _, l := range diag.Langs {
			if slices.Contains(log, path+": "+m.In(l, args...)) {
				return true
			}
		}
		return false
	}
	if !said("content/static/x.txt", diag.ReadOutside) || !said("content/helmet/putki.md", diag.ReadSpecial, diag.WordFIFO) {
		t.Errorf("the log does not name the link and the pipe:\n%s", strings.Join(log, "\n"))
	}
	for _, p := range []string{"x.txt", "", "helmet/putki/"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if bytes.Contains(body, []byte(gitSecret)) {
			t.Errorf("/%s serves the secret", p)
		}
	}
	cmd.Process.Signal(os.Interrupt)
	go func() {
		for range lines {
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(promptly):
		t.Errorf("serve did not stop on SIGINT")
	}
}

// TestContentThatIsNotAFolder: --content naming a file says so, in every
// command that reads the content.
func TestContentThatIsNotAFolder(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	for _, cmd := range []string{"build", "check", "serve"} {
		code, _, stderr := runIn(t, bin, dir, nil, cmd, "--content", "content/site.yaml")
		if want := "helminauha: content/site.yaml on tiedosto eikä kansio"; code != 1 || !strings.HasPrefix(stderr, want) {
			t.Errorf("%s: exit status %d, want 1 and %q:\n%s", cmd, code, want, stderr)
		}
	}
}

// TestNewReadsThroughOneRoot: new reads the guide's chapters to number a
// new one, and a named pipe among them cannot stop it.
func TestNewReadsThroughOneRoot(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "opas", "putki.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, bin, dir, nil, "new", "chapter", "uusi-luku"); code != 0 {
		t.Fatalf("new chapter: exit status %d\n%s", code, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content", "opas", "uusi-luku.md")); !strings.Contains(string(data), "weight: 3") {
		t.Errorf("the new chapter should come after the last one (weight 3):\n%s", data)
	}
}
