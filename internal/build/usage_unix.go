//go:build unix

package build

import (
	"runtime"
	"syscall"
	"time"
)

// usage is the process's CPU time so far (user + system) and its peak
// resident memory, for --timings.
func usage() (cpu time.Duration, maxRSS int64) {
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
