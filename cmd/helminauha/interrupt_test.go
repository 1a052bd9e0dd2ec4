package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

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
	writePearls(t, dir, "iso-helmi", n)
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

// writePearls writes n pearls named name-0 … into dir's content folder,
// each naming the next and the one before, so that a load cut short
// would leave references to pearls it never read.
func writePearls(t *testing.T, dir, name string, n int) {
	t.Helper()
	for i := range n {
		write(t, filepath.Join(dir, "content", "helmet", fmt.Sprintf("%s-%d.md", name, i)), fmt.Sprintf(
			"---\ntitle: Iso helmi %d\ntheme: verkostotyo\nsummary: Helmi.\nkind: tieto\ndate: 2024-01-01\nrelated: [%s-%d]\n---\n"+
				"## Otsikko\n\nKatso [seuraava](../helmet/%s-%d.md#otsikko) ja [edellinen](/helmet/%s-%d/).\n",
			i, name, (i+1)%n, name, (i+1)%n, name, (i+n-1)%n))
	}
}

// A signal while a build puts its files in place (a moment's renames,
// which a signal once did not stop, and a second signal cut short,
// leaving public/ half old and half new) stops it with public/ as it
// was, and the next build goes through. Each build's commit is held
// (by a binary built with the testhooks tag) once it has replaced
// public/'s record of its files, its first step, and signalled there: a
// commit of 250 pearls is over in milliseconds, and a build stopped from
// outside (SIGSTOP as the record appeared) was at times stopped too late. (A signal
// while it loads is TestSignalStopsABuildAtOnce's, while it renders
// internal/build's TestCancelledBuildChangesNothing.)
func TestSignalWhileFilesArePutInPlace(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes and builds a portal of 250 pearls nine times; skipped with -short")
	}
	dir := portal(t)
	public := filepath.Join(dir, "public")
	// Each round renames every pearl, so that its commit removes a
	// page and puts one in place for each.
	names := []string{"iso-helmi", "suuri-helmi"}
	const n = 250
	writePearls(t, dir, names[0], n)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("the first build: exit status %d\n%s", code, stderr)
	}
	line := "helminauha: interrupted; public was left as it was\n"
	for i, c := range []struct {
		name  string
		sigs  []syscall.Signal
		codes []int // one of them
		lines []string
	}{
		{"SIGINT while putting files in place", []syscall.Signal{syscall.SIGINT}, []int{130}, []string{line}},
		{"SIGTERM while putting files in place", []syscall.Signal{syscall.SIGTERM}, []int{143}, []string{line}},
		// The second ends the program, once the files are back.
		{"SIGINT and SIGTERM while putting files in place", []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}, []int{130, 143}, []string{line, ""}},
		// Nothing stops SIGKILL half way: the next build completes
		// what it left.
		{"SIGKILL while putting files in place", []syscall.Signal{syscall.SIGKILL}, []int{-1}, []string{""}},
	} {
		was, now := names[i%2], names[(i+1)%2]
		for j := range n {
			os.Remove(filepath.Join(dir, "content", "helmet", fmt.Sprintf("%s-%d.md", was, j)))
		}
		writePearls(t, dir, now, n)
		before := treeSum(t, public)
		cmd := exec.Command(hookedBinary(t), "build")
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		release, taken := heldAtCommit(t, cmd, public)
		// Under way: the record lists the pages of both.
		record, _ := os.ReadFile(filepath.Join(public, ".helminauha-files"))
		if !strings.Contains(string(record), was+"-0/") || !strings.Contains(string(record), now+"-0/") {
			t.Fatalf("%s: the record does not list both builds' pages while the commit is held", c.name)
		}
		for _, sig := range c.sigs {
			cmd.Process.Signal(sig)
		}
		if c.sigs[0] != syscall.SIGKILL {
			taken()
		}
		release()
		if code := cmd.ProcessState.ExitCode(); !slices.Contains(c.codes, code) {
			t.Errorf("%s: exit status %d, want one of %v\nstderr:\n%s", c.name, code, c.codes, firstLines(stderr.String(), 5))
		}
		if !slices.Contains(c.lines, stderr.String()) || stdout.Len() != 0 {
			t.Errorf("%s: printed\n%s%s\nwant only one of %q", c.name, stdout.String(), firstLines(stderr.String(), 5), c.lines)
		}
		if c.sigs[0] != syscall.SIGKILL && treeSum(t, public) != before {
			t.Errorf("%s: public/ changed", c.name)
		}
		if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
			t.Fatalf("%s: the next build: exit status %d\n%s", c.name, code, stderr)
		}
		for _, name := range names {
			_, err := os.Stat(filepath.Join(public, "helmet", name+"-0"))
			if (err == nil) != (name == now) {
				t.Errorf("%s: after the next build, public/helmet/%s-0: %v", c.name, name, err)
			}
		}
		nothingBesidePublic(t, dir)
	}
}

// heldAtCommit starts cmd, a build into public by a binary built with the
// testhooks tag, holding its commit once it has replaced public's record
// (see internal/output's holdCommit). The returned function lets the
// commit go on and waits for the build to end, killing it (and failing
// the test) when it has not ended 10 s later; taken waits until the held
// commit's context is done, the program having taken a signal.
func heldAtCommit(t *testing.T, cmd *exec.Cmd, public string) (release, taken func()) {
	t.Helper()
	hold := filepath.Join(t.TempDir(), "hold")
	if err := os.WriteFile(hold, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd.Env = append(os.Environ(), "HELMINAUHA_HOLD_COMMIT="+hold)
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	if err := watcher.Add(public); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// A test that fails while the build is held leaves none behind.
	t.Cleanup(func() { cmd.Process.Kill() })
	wait := func() {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("the build did not end 10 s after it was let go on")
		}
	}
	for {
		select {
		case ev := <-watcher.Events:
			if ev.Has(fsnotify.Create) && filepath.Base(ev.Name) == ".helminauha-files" {
				taken := func() {
					for range 5000 {
						if _, err := os.Stat(hold + ".done"); err == nil {
							return
						}
						time.Sleep(2 * time.Millisecond)
					}
					t.Fatalf("the held build did not take the signal in 10 s")
				}
				return func() { os.Remove(hold); wait() }, taken
			}
		case err := <-watcher.Errors:
			t.Fatal(err)
		case <-done:
			t.Fatalf("the build ended before it replaced the record")
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			<-done
			t.Fatalf("the build did not replace the record in a minute")
		}
	}
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
