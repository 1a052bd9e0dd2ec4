//go:build unix

package main

import (
	"bufio"
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
)

// The tests in this file run commands the way the README types them.

// typedWait bounds every wait here: the machine may be busy, and make
// serve compiles first, in a fresh clone whose folder is new to Go's
// build cache, so every package of the module is compiled again (past
// two minutes at a load average of 16, 2026-12-05).
const typedWait = 5 * time.Minute

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
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
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
	s.waitForIn(typedWait, path, text)
}

// waitForIn is waitFor for at most wait.
func (s *serving) waitForIn(wait time.Duration, path, text string) {
	s.t.Helper()
	end := time.Now().Add(wait)
	for {
		status, body := s.get(path)
		if status == 200 && strings.Contains(body, text) {
			return
		}
		if time.Now().After(end) {
			s.t.Fatalf("%s: still %d without %q after %s:\n%s", path, status, text, wait, body)
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
	t.Parallel()
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

// TestServeAllowHost: serve answers to the names --allow-host gives and
// refuses others, which a page on another site could point at it.
func TestServeAllowHost(t *testing.T) {
	t.Parallel()
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
