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

// Self returns what the process has used so far; zero where the system
// does not tell.
func Self() Usage {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return Usage{}
	}
	u := Usage{User: time.Duration(ru.Utime.Nano()), System: time.Duration(ru.Stime.Nano()), MaxRSS: int64(ru.Maxrss)}
	if runtime.GOOS == "linux" {
		u.MaxRSS *= 1024 // KiB on Linux, bytes on the BSDs and macOS
	}
	return u
}
