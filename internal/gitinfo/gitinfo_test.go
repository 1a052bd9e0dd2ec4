package gitinfo_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/gitinfo"
)

func git(t *testing.T, dir string, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLastCommits: each file gets the time of the last commit that
// changed it, by its path inside the folder asked about, with one git
// call; outside a checkout the answer is empty.
func TestLastCommits(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: install it (apt-get install git)")
	}
	dir := t.TempDir()
	git(t, dir, "2024-01-01T10:00:00Z", "init", "-q")
	write(t, filepath.Join(dir, "content", "helmet", "a.md"), "a")
	write(t, filepath.Join(dir, "content", "helmet", "ä ö.md"), "b")
	write(t, filepath.Join(dir, "muu.txt"), "c")
	git(t, dir, "2024-01-01T10:00:00Z", "add", "-A")
	git(t, dir, "2024-01-01T10:00:00Z", "commit", "-qm", "1")
	write(t, filepath.Join(dir, "content", "helmet", "a.md"), "a2")
	git(t, dir, "2024-03-05T12:00:00Z", "commit", "-qam", "2")
	write(t, filepath.Join(dir, "content", "helmet", "a.md"), "a3, not committed")

	got := gitinfo.LastCommits(context.Background(), filepath.Join(dir, "content"))
	want := map[string]time.Time{
		"helmet/a.md":   time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC),
		"helmet/ä ö.md": time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC),
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, w := range want {
		if !got[k].Equal(w) {
			t.Errorf("%s: got %v, want %v", k, got[k], w)
		}
	}
	if m := gitinfo.LastCommits(context.Background(), t.TempDir()); len(m) != 0 {
		t.Errorf("outside a checkout: got %v, want nothing", m)
	}
}
