package testkit

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// ReadOnly makes the folder dir one that no process of the test's user
// may add a name to or remove one from, as a folder of another owner is:
// its mode 0555 and, for root, whom modes do not stop, its immutable
// attribute where the system has one. The test is skipped where neither
// stops a file being made in it. writable gives the folder back before
// the test ends; the test's cleanup does too.
func ReadOnly(t testing.TB, dir string) (writable func()) {
	t.Helper()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	undo := func() { os.Chmod(dir, 0o755) }
	if os.Geteuid() == 0 {
		if err := immutable(dir, true); err == nil {
			undo = func() { immutable(dir, false); os.Chmod(dir, 0o755) }
		}
	}
	writable = sync.OnceFunc(undo)
	t.Cleanup(writable)
	probe := filepath.Join(dir, ".readonly-probe")
	if f, err := os.Create(probe); err == nil {
		f.Close()
		os.Remove(probe)
		writable()
		t.Skipf("a file could be made in %s after making it read-only (root, on a file system without the immutable attribute)", dir)
	}
	return writable
}
