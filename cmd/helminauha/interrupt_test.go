package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/testkit"
)

// A signal stops a build of a large portal at once, whatever stage it
// is in: one line says so, no error that the stop itself would cause is
// printed, the exit status is the shell's for that signal, and public/
// stays byte for byte as the last good build left it.
func TestSignalStopsABuildAtOnce(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes and builds a portal of 1,000 pearls (3,000 under -tags long); skipped with -short")
	}
	dir := portal(t)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("the first build: exit status %d\n%s", code, stderr)
	}
	before := treeSum(t, filepath.Join(dir, "public"))
	type signal struct {
		sig   syscall.Signal
		after time.Duration
		code  int
	}
	n, cases := 3000, []signal{
		{syscall.SIGINT, 0, 130},
		{syscall.SIGINT, 500 * time.Millisecond, 130},
		{syscall.SIGTERM, 300 * time.Millisecond, 143},
	}
	if !testkit.Long {
		// Each signal as the load starts, in a smaller portal; that a
		// cancelled build stops at every later stage without a trace,
		// internal/build's TestCancelledBuildChangesNothing checks.
		n, cases = 1000, []signal{{syscall.SIGINT, 0, 130}, {syscall.SIGTERM, 0, 143}}
	}
	// Pearls that name each other, so that a load cut short would leave
	// references to pearls it never read.
	for i := range n {
		write(t, filepath.Join(dir, "content", "helmet", fmt.Sprintf("iso-helmi-%d.md", i)), fmt.Sprintf(
			"---\ntitle: Iso helmi %d\ntheme: verkostotyo\nsummary: Helmi.\nkind: tieto\ndate: 2024-01-01\nrelated: [iso-helmi-%d]\n---\n"+
				"## Otsikko\n\nKatso [seuraava](../helmet/iso-helmi-%d.md#otsikko) ja [edellinen](/helmet/iso-helmi-%d/).\n",
			i, (i+1)%n, (i+1)%n, (i+n-1)%n))
	}
	for _, c := range cases {
		cmd := exec.Command(binary(t), "build")
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		reading(t, cmd.Process.Pid, filepath.Join(dir, "content"))
		time.Sleep(c.after)
		cmd.Process.Signal(c.sig)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v after %v: still running 5 s later", c.sig, c.after)
		}
		if code := cmd.ProcessState.ExitCode(); code != c.code {
			t.Errorf("%v after %v: exit status %d, want %d\nstderr:\n%s", c.sig, c.after, code, c.code, stderr.String())
		}
		want := "helminauha: interrupted; public was left as it was\n"
		if stderr.String() != want || stdout.Len() != 0 {
			t.Errorf("%v after %v: printed\n%s%s\nwant only\n%s", c.sig, c.after, stdout.String(), firstLines(stderr.String(), 5), want)
		}
		if treeSum(t, filepath.Join(dir, "public")) != before {
			t.Errorf("%v after %v: public/ changed", c.sig, c.after)
		}
	}
	nothingBesidePublic(t, dir)
}

// reading waits until the process pid has a file of the folder content
// open, as Linux tells in /proc: the program handles signals from before
// it opens anything, but a signal sent while it is still starting up
// ends it as if it had none. Elsewhere it waits a moment.
func reading(t *testing.T, pid int, content string) {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", pid)
	if real, err := filepath.EvalSymlinks(content); err == nil {
		content = real
	}
	if _, err := os.Stat(fds); err != nil {
		time.Sleep(500 * time.Millisecond)
		return
	}
	for range 2000 {
		entries, _ := os.ReadDir(fds)
		for _, e := range entries {
			if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && strings.HasPrefix(target, content) {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("the build did not open a file of %s in 10 s", content)
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		return strings.Join(lines[:n], "") + fmt.Sprintf("… (%d lines)\n", len(lines))
	}
	return s
}

// check stopped says so in one line too.
func TestCancelledCheckPrintsOneLine(t *testing.T) {
	t.Chdir(portal(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e bytes.Buffer
	code := run(ctx, []string{"check"}, &o, &e)
	if code != 130 || e.String() != "helminauha: interrupted\n" || o.Len() != 0 {
		t.Errorf("exit status %d, stdout %q, stderr %q", code, o.String(), e.String())
	}
}
