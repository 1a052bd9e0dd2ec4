//go:build unix

// Package rusage is this process's CPU time and peak memory so far, as
// getrusage(2) gives them: for build's --timings, the benchmarks of the
// tests and the measuring tools. On a shared machine CPU time varies
// less than wall time.
package rusage

import (
	"runtime"
	"syscall"
	"time"
)

// Self returns the CPU time the process has used so far, user and system
// on every thread, and its peak resident memory in bytes; 0 and 0 when
// the system does not tell.
func Self() (cpu time.Duration, maxRSS int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	maxRSS = int64(ru.Maxrss)
	if runtime.GOOS == "linux" {
		maxRSS *= 1024 // KiB on Linux, bytes on the BSDs and macOS
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), maxRSS
}
