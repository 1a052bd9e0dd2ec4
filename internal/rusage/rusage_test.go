package rusage

import (
	"runtime"
	"testing"
)

// TestSelfGrows: the CPU time grows with work the process does, and the
// peak memory is at least what the Go heap has taken from the system.
func TestSelfGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	before := CPU()
	x := 0
	for i := range 200_000_000 {
		x ^= i
	}
	cpu, rss := Self()
	if cpu <= before {
		t.Errorf("CPU time %v after a loop, %v before (x %d)", cpu, before, x)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if rss < int64(m.HeapSys)/2 {
		t.Errorf("peak memory %d bytes, the heap alone has %d from the system", rss, m.HeapSys)
	}
}
