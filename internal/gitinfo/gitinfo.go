// Package gitinfo finds when each file under a folder was last committed,
// for the "Päivitetty" date of a page whose front matter has no updated:.
//
// One `git log` call reads the whole history of the folder, newest commit
// first, and the first commit that names a file is its last change: a
// portal of 10,000 pearls costs one process, not one per file. The dates
// are the committer dates, which are the same in every clone, so a build
// is deterministic for a given checkout. Outside a git checkout, without
// git, or in a shallow clone's oldest commit (which names every file), the
// answer is partial or empty, never an error that stops a build.
//
// gitinfo imports nothing from the project.
package gitinfo

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Start runs LastCommits in the background and returns a function that
// waits for its answer, so that git reads the history while the build
// reads the content.
func Start(ctx context.Context, dir string) func() map[string]time.Time {
	done := make(chan map[string]time.Time, 1)
	go func() { done <- LastCommits(ctx, dir) }()
	return sync.OnceValue(func() map[string]time.Time { return <-done })
}

// Dirs returns the git folder of the checkout dir is in, which holds its
// HEAD, and the common one, which holds the branches (another folder in
// a worktree of git worktree add); "" when dir is in no checkout or git
// is missing. A commit or a checkout changes what LastCommits returns
// there, and nothing in dir tells.
func Dirs(ctx context.Context, dir string) (gitDir, common string) {
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", ""
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || !filepath.IsAbs(lines[0]) || !filepath.IsAbs(lines[1]) {
		return "", ""
	}
	return lines[0], lines[1]
}

// LastCommits returns the time of the last commit of every file under
// dir, by its path relative to dir with '/' separators ("helmet/x.md").
// It returns nil when dir is not in a git checkout or git is missing.
func LastCommits(ctx context.Context, dir string) map[string]time.Time {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	// A shallow clone's oldest commit looks like it added every file;
	// its date would be wrong for all of them, so it is left out.
	shallowCmd := exec.CommandContext(ctx, "git", "rev-parse", "--is-shallow-repository")
	shallowCmd.Dir = abs
	shallowOut, err := shallowCmd.Output()
	if err != nil {
		return nil
	}
	shallow := strings.TrimSpace(string(shallowOut)) == "true"
	// --relative makes the names relative to dir; -z keeps names with
	// any letters intact; %x01 starts each commit, with its time and
	// parents.
	cmd := exec.CommandContext(ctx, "git", "-c", "core.quotepath=off", "log", "--format=%x01%ct%x00%P", "--name-only", "-z",
		"--no-renames", "--relative", "--", ".")
	cmd.Dir = abs
	// Killed when ctx is done, git may leave a process of its own holding
	// the output open: the caller waits for that no longer than this.
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return parse(out, shallow)
}

// parse reads git log's output: for each commit, \x01, the commit time,
// \x00, the parents, a newline, then the file names each ended by \x00.
func parse(out []byte, shallow bool) map[string]time.Time {
	m := map[string]time.Time{}
	for _, commit := range bytes.Split(out, []byte{1}) {
		if len(commit) == 0 {
			continue
		}
		head, files, _ := bytes.Cut(commit, []byte{'\n'})
		secs, parents, _ := bytes.Cut(head, []byte{0})
		if shallow && len(bytes.Trim(parents, "\x00 \n")) == 0 {
			continue
		}
		t, err := strconv.ParseInt(string(secs), 10, 64)
		if err != nil {
			continue
		}
		when := time.Unix(t, 0).UTC()
		for _, name := range bytes.Split(files, []byte{0}) {
			name := strings.TrimSpace(string(name))
			if name == "" {
				continue
			}
			if _, seen := m[name]; !seen {
				m[name] = when
			}
		}
	}
	return m
}

// Follower reads the dates of LastCommits again whenever the checkout
// moves (a commit, a checkout, each step of a rebase), as serve does.
// One git log reads the whole history, and a rebase of a hundred commits
// moves the branch a hundred times: a read each would have a hundred git
// processes run at once. So at most one read runs at a time, and at
// most one more waits for it; every move while one waits is taken in by
// the waiting one, which starts after the last of them. The reads end
// when ctx is done (Wait waits for that).
type Follower struct {
	ctx  context.Context
	dir  string
	runs sync.WaitGroup

	mu      sync.Mutex
	running bool
	queued  *read // starts when the running read ends; nil when none waits
	latest  *read // the read whose answer Dates gives
}

// read is one git log's answer, m, set before done is closed.
type read struct {
	done chan struct{}
	m    map[string]time.Time
}

// Follow starts a Follower of the checkout dir is in, with its first read.
func Follow(ctx context.Context, dir string) *Follower {
	f := &Follower{ctx: ctx, dir: dir}
	f.Moved()
	return f
}

// Moved tells that the checkout moved: a read starts, or waits for the
// one running, unless one is waiting already.
func (f *Follower) Moved() {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case !f.running:
		f.start(&read{done: make(chan struct{})})
	case f.queued == nil:
		f.queued = &read{done: make(chan struct{})}
		f.latest = f.queued
	}
}

// start runs r; f.mu is held.
func (f *Follower) start(r *read) {
	f.running, f.latest = true, r
	f.runs.Add(1)
	go func() {
		defer f.runs.Done()
		r.m = LastCommits(f.ctx, f.dir)
		close(r.done)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.running = false
		if q := f.queued; q != nil {
			f.queued = nil
			f.start(q)
		}
	}()
}

// Dates waits for the answer of the read that started or waits after the
// last move, and returns it (nil outside a checkout, or once ctx is done).
func (f *Follower) Dates() map[string]time.Time {
	f.mu.Lock()
	r := f.latest
	f.mu.Unlock()
	<-r.done
	return r.m
}

// Wait waits for the reads to end, which they do soon after ctx is done:
// git is killed then, and a read that was waiting finds ctx done.
func (f *Follower) Wait() { f.runs.Wait() }
