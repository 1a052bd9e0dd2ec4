//go:build unix

package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/workflow"
)

// The tests in this file run commands the way the README types them.

// typedWait bounds every wait here: the machine may be busy, and make
// serve compiles first.
const typedWait = 2 * time.Minute

// serving is a serve process started as typed.
type serving struct {
	t     *testing.T
	cmd   *exec.Cmd
	lines chan string
	log   []string
	base  string // "http://127.0.0.1:PORT/"
	done  chan error
}

// servingAt is the address serve prints once it serves, in any language.
var servingAt = regexp.MustCompile(`http://(?:127\.0\.0\.1|localhost|\[::1\]):[0-9]+/`)

// startServing starts cmd in a process group of its own, as a shell
// starts a command, and waits until it prints the address it serves at.
func startServing(t *testing.T, cmd *exec.Cmd) *serving {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	s := &serving{t: t, cmd: cmd, lines: make(chan string, 1000), done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		r.Close()
	})
	end := time.After(typedWait)
	for s.base == "" {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("%s stopped before serving:\n%s", cmd, strings.Join(s.log, "\n"))
			}
			s.log = append(s.log, line)
			s.base = servingAt.FindString(line)
		case <-end:
			t.Fatalf("%s did not serve in %s:\n%s", cmd, typedWait, strings.Join(s.log, "\n"))
		}
	}
	return s
}

func (s *serving) get(path string) (int, string) {
	s.t.Helper()
	resp, err := http.Get(s.base + strings.TrimPrefix(path, "/"))
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitFor asks for path until it is served with text in it: a save is
// rebuilt when the folders have been still for a moment.
func (s *serving) waitFor(path, text string) {
	s.t.Helper()
	end := time.Now().Add(typedWait)
	for {
		status, body := s.get(path)
		if status == 200 && strings.Contains(body, text) {
			return
		}
		if time.Now().After(end) {
			s.t.Fatalf("%s: still %d without %q after %s:\n%s", path, status, text, typedWait, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// interrupt sends SIGINT to the process group, as Ctrl-C in a terminal
// does, and returns how the command ended.
func (s *serving) interrupt() error {
	s.t.Helper()
	if err := syscall.Kill(-s.cmd.Process.Pid, syscall.SIGINT); err != nil {
		s.t.Fatal(err)
	}
	end := time.After(typedWait)
	for {
		select {
		case line, ok := <-s.lines:
			if ok {
				s.log = append(s.log, line)
				continue
			}
			select {
			case err := <-s.done:
				return err
			case <-end:
			}
		case <-end:
		}
		s.t.Fatalf("%s did not stop on SIGINT:\n%s", s.cmd, strings.Join(s.log, "\n"))
	}
}

// TestServeAsTyped starts helminauha serve in the portal's folder with
// the default content folder, fetches a page, saves a new text, sees it,
// and stops it with Ctrl-C. The port is 0, not the default 1313, which
// another serve on the machine may hold.
func TestServeAsTyped(t *testing.T) {
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")
	page := filepath.Join(dir, "content", "helmet", "dialogi.md")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(strings.Replace(string(old), "Teksti.", "Juuri tallennettu teksti.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	s.waitFor("/helmet/dialogi/", "Juuri tallennettu teksti.")
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v\n%s", err, strings.Join(s.log, "\n"))
	}
}

// TestReadmeCommandsAsTyped runs, in a fresh checkout of the repository
// and in the README's order, every command of its shell blocks that runs
// the generator (helminauha, go run ./cmd/helminauha, make build, serve or
// check), and fails when one fails or leaves a temporary output folder
// behind. The README is read when the test runs, so the test follows
// what it says. Other commands of those blocks (make test, which runs
// this test; make bench and make fuzz, minutes long; go test -update) are
// listed in the log, not run. A serve is started, asked for its front
// page and stopped with Ctrl-C. go run ./cmd/helminauha runs the binary
// the tests built once from the same source.
func TestReadmeCommandsAsTyped(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the README's commands in a checkout of the repository; skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	bin := binary(t)
	dir := t.TempDir()
	if err := workflow.Checkout(root, dir); err != nil {
		t.Skipf("no checkout without git: %v", err)
	}
	// Without -trimpath make build, in a checkout at a path of its own,
	// would compile the whole module again. GOPROXY=off: the commands
	// need nothing from the network.
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath"), "GOPROXY=off")
	ran := 0
	for _, line := range shellCommands(string(readme)) {
		if !runsGenerator.MatchString(line) {
			t.Logf("not run: %s", line)
			continue
		}
		if fetches.MatchString(line) {
			t.Logf("not run, it needs the network: %s", line)
			continue
		}
		ran++
		typed := line
		t.Logf("run: %s", typed)
		line = strings.ReplaceAll(line, "go run ./cmd/helminauha", "helminauha")
		ctx, cancel := context.WithTimeout(context.Background(), typedWait)
		if servesPortal.MatchString(line) {
			// Port 0: the default 1313 may be taken on this machine.
			if strings.HasPrefix(line, "make") {
				line += " ADDR=127.0.0.1:0"
			} else {
				line += " --addr 127.0.0.1:0"
			}
			cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", line)
			cmd.Dir, cmd.Env = dir, env
			s := startServing(t, cmd)
			if status, body := s.get("/"); status != 200 || !strings.Contains(body, "<html") {
				t.Errorf("%s: the front page is %d:\n%.500s", typed, status, body)
			}
			err := s.interrupt()
			// make says it was interrupted, with a status of its own; the
			// generator itself must end cleanly.
			var exit *exec.ExitError
			if err != nil && !(strings.HasPrefix(line, "make") && errors.As(err, &exit)) {
				t.Errorf("%s: %v\n%s", typed, err, strings.Join(s.log, "\n"))
			}
		} else {
			cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", line)
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("%s: %v\n%s", typed, err, out)
			} else if builds.MatchString(line) {
				if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
					t.Errorf("%s: no public/index.html after it:\n%s", typed, out)
				}
			}
		}
		cancel()
		if left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*")); len(left) > 0 {
			t.Errorf("%s left %s behind", typed, filepath.Base(left[0]))
		}
	}
	if ran == 0 {
		t.Error("the README has no shell command that runs the generator")
	}
}

var (
	runsGenerator = regexp.MustCompile(`(^|[\s;&|(])((\S*/)?helminauha(\s|$)|go run \./cmd/helminauha\b|make\s+(build|serve|check)\b)`)
	servesPortal  = regexp.MustCompile(`helminauha\s+(\S+\s+)*serve\b|make\s+serve\b`)
	builds        = regexp.MustCompile(`helminauha\s+build\b|make\s+build\b`)
	fetches       = regexp.MustCompile(`^(curl|wget|git\s+clone|go\s+install)\b`)
)

// shellCommands are the commands of README's sh, bash and shell blocks,
// one a line (a line ending in \ continues), without their comments.
func shellCommands(readme string) []string {
	var cmds []string
	in, cont := false, ""
	for line := range strings.Lines(readme) {
		line = strings.TrimRight(line, "\r\n")
		if fence, ok := strings.CutPrefix(line, "```"); ok {
			switch strings.TrimSpace(fence) {
			case "sh", "bash", "shell", "console":
				in = !in
			default:
				in = false
			}
			continue
		}
		if !in {
			continue
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
		if more, ok := strings.CutSuffix(line, `\`); ok {
			cont += more + " "
			continue
		}
		if line = strings.TrimSpace(uncomment(cont + line)); line != "" {
			cmds = append(cmds, line)
		}
		cont = ""
	}
	return cmds
}

// uncomment cuts a shell comment (a # starting a word, outside quotes)
// off line.
func uncomment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}

// TestServeAllowHost: serve answers to the names --allow-host gives and
// refuses others, which a page on another site could point at it.
func TestServeAllowHost(t *testing.T) {
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0", "--allow-host", "portaali.test,toinen.test")
	cmd.Dir = dir
	s := startServing(t, cmd)
	for host, want := range map[string]int{"portaali.test": 200, "toinen.test:80": 200, "localhost": 200, "hyokkaaja.example": 403} {
		req, err := http.NewRequest("GET", s.base+"helmet/dialogi/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || (want == 403 && strings.Contains(string(body), "Dialogi")) {
			t.Errorf("Host %s: got %d, want %d", host, resp.StatusCode, want)
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}
