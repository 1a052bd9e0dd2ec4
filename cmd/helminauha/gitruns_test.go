//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeRunsOneGitLogAtATime: serve reads the commit dates again with
// a git log of the whole history each time HEAD or a branch moves. Before
// 2026-12-07 every move started one, all at once (a rebase of N commits
// started about N), and on Ctrl-C serve ended without waiting for them.
// Here git is a wrapper that logs each git log's start and end, and
// holds it while a file is there: 20 commits while the first git log is
// held run one more after it, not 20, never two at once, and the page
// shows the last commit's date. Then serve is stopped while git logs are
// held: none is left running after it.
func TestServeRunsOneGitLogAtATime(t *testing.T) {
	t.Parallel()
	realGit, err := exec.LookPath("git")
	if err != nil {
		t.Fatal("git is needed: install it (apt-get install git)")
	}
	dir, page, old := gitPortal(t)

	tools := t.TempDir()
	runs, hold := filepath.Join(tools, "runs"), filepath.Join(tools, "hold")
	// Ctrl-C reaches the whole process group, the wrapper too: it
	// ignores it, so that only serve can end it.
	wrapper := fmt.Sprintf(`#!/bin/sh
trap '' INT TERM
case " $* " in *" log "*) ;; *) exec %[1]q "$@" ;; esac
echo "start $$" >> %[2]q
while [ -e %[3]q ]; do sleep 0.01; done
%[1]q "$@"
rc=$?
echo "end $$" >> %[2]q
exit $rc
`, realGit, runs, hold)
	bin := filepath.Join(tools, "bin")
	write(t, filepath.Join(bin, "git"), wrapper)
	if err := os.Chmod(filepath.Join(bin, "git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(hold) }) // a wrapper left behind ends

	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	s := startServing(t, cmd)
	const date = `<dt>Päivitetty</dt><dd><time datetime="`
	s.waitFor("/helmet/dialogi/", date+`2022-04-05"`)
	first := gitRunsIn(t, runs)
	if len(first.started) != 1 {
		t.Fatalf("serve started %d git logs before any commit, want 1", len(first.started))
	}

	write(t, hold, "")
	const commits = 20
	for i := 1; i <= commits; i++ {
		write(t, page, strings.Replace(string(old), "Teksti.", fmt.Sprintf("Teksti %d.", i), 1))
		gitIn(t, dir, fmt.Sprintf("2024-01-%02dT12:00:00Z", i), "commit", "-qam", fmt.Sprint(i))
	}
	waitForGitRuns(t, runs, 2)
	os.Remove(hold)
	s.waitFor("/helmet/dialogi/", fmt.Sprintf("Teksti %d.", commits))
	s.waitFor("/helmet/dialogi/", date+fmt.Sprintf(`2024-01-%02d"`, commits))
	burst := gitRunsIn(t, runs)
	if burst.most > 1 {
		t.Errorf("%d git logs ran at once, want 1", burst.most)
	}
	// The first, the held one, the one after it; and one more should
	// the watcher have seen a commit only after that one started.
	if n := len(burst.started) - 1; n > 3 {
		t.Errorf("%d commits started %d git logs, want at most 3", commits, n)
	}

	// Stopped while git logs are held, serve ends them.
	write(t, hold, "")
	for i := range 5 {
		gitIn(t, dir, "2024-02-01T12:00:00Z", "commit", "-q", "--allow-empty", "-m", fmt.Sprint("tyhjä ", i))
	}
	waitForGitRuns(t, runs, len(burst.started)+1)
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
	for pid := range gitRunsIn(t, runs).running {
		if alive(pid) {
			t.Errorf("a git log (process %d) still runs after serve ended", pid)
		}
	}
}

// gitRuns is what the wrapper of TestServeRunsOneGitLogAtATime logged:
// the git logs started, those not ended, and the most that ran at once.
type gitRuns struct {
	started []int
	running map[int]bool
	most    int
}

func gitRunsIn(t *testing.T, log string) gitRuns {
	t.Helper()
	data, err := os.ReadFile(log)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	r := gitRuns{running: map[int]bool{}}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		what, id, ok := strings.Cut(line, " ")
		pid, err := strconv.Atoi(id)
		if !ok || err != nil {
			continue
		}
		switch what {
		case "start":
			r.started = append(r.started, pid)
			r.running[pid] = true
			r.most = max(r.most, len(r.running))
		case "end":
			delete(r.running, pid)
		}
	}
	return r
}

// waitForGitRuns waits until the wrapper has logged n git logs started.
func waitForGitRuns(t *testing.T, log string, n int) {
	t.Helper()
	end := time.Now().Add(typedWait)
	for len(gitRunsIn(t, log).started) < n {
		if time.Now().After(end) {
			t.Fatalf("fewer than %d git logs started in %s", n, typedWait)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// alive tells whether the process pid runs (a zombie does not).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		// Gone since, unless the system has no /proc to tell.
		_, noProc := os.Stat("/proc/self")
		return !errors.Is(err, os.ErrNotExist) || noProc != nil
	}
	// pid (name) state ...: the state follows the last ')'.
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || !strings.HasPrefix(string(stat[i+1:]), " Z")
}
