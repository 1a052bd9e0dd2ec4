package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A build that fills the disk fails saying so and leaves public/ as it
// was; the files it had staged do not stay beside it as the spare folder,
// where they kept the disk full: the next build, of content that had
// built before, failed for want of space too, and only the one after it
// went through. The test needs a small file system of its own, a tmpfs
// it mounts (as root) or else skips.
func TestFullDiskLeavesNoSpare(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	disk := filepath.Join(dir, "levy")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", disk).Run() })
	build := func() (int, string) {
		code, _, stderr := helminauha(t, dir, "build", "--out", "levy/public", "--quiet")
		return code, stderr
	}
	if code, stderr := build(); code != 0 {
		t.Fatalf("the first build: exit status %d\n%s", code, stderr)
	}
	before := treeSum(t, filepath.Join(disk, "public"))
	// A pearl too large for the disk that is left.
	big := filepath.Join(dir, "content", "helmet", "iso.md")
	write(t, big, "---\ntitle: Iso\ntheme: johtaminen\nsummary: Iso helmi.\nkind: tieto\ndate: 2024-01-01\n---\n"+
		strings.Repeat(strings.Repeat("Pitkä kappale tekstiä, joka toistuu monta kertaa. ", 10)+"\n\n", 3000))
	code, stderr := build()
	if want := "the disk is full"; code != 1 || !strings.Contains(stderr, want) || !strings.HasSuffix(strings.TrimSpace(stderr), "levy/public was left as it was") {
		t.Errorf("the build of a pearl too large: exit status %d, want 1, %q and that levy/public was left as it was:\n%s", code, want, stderr)
	}
	if treeSum(t, filepath.Join(disk, "public")) != before {
		t.Errorf("the failed build changed levy/public")
	}
	os.Remove(big)
	if code, stderr := build(); code != 0 {
		t.Errorf("the build after the pearl was removed: exit status %d\n%s", code, stderr)
	}
}
