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
