package rusage

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestSelfGrows: the user time grows with work the process does itself,
// the system time with work the kernel does for it (writing a file), and
// the peak memory is at least what the Go heap has taken from the system.
func TestSelfGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	before := Self()
	x := 0
	for i := range 200_000_000 {
		x ^= i
	}
	after := Self()
	if after.User <= before.User {
		t.Errorf("user time %v after a loop, %v before (x %d)", after.User, before.User, x)
	}
	if after.CPU() != after.User+after.System || CPU() < after.CPU() {
		t.Errorf("CPU %v is not user %v + system %v, or went back (now %v)", after.CPU(), after.User, after.System, CPU())
	}
	// The kernel's time is counted by the clock's ticks: the file is
	// written over until a tick has fallen in the kernel, up to 2 GiB.
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for i := 0; Self().System <= after.System; i++ {
		if i == 2048 {
			t.Fatalf("system time still %v after writing 2 GiB", after.System)
		}
		if _, err := f.WriteAt(chunk, int64(i%64)<<20); err != nil {
			t.Fatal(err)
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if rss := Self().MaxRSS; rss < int64(m.HeapSys)/2 {
		t.Errorf("peak memory %d bytes, the heap alone has %d from the system", rss, m.HeapSys)
	}
}
