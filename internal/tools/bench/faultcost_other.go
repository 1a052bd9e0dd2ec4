//go:build !linux

package bench

import "time"

// FaultCost is measured on Linux only (RUSAGE_THREAD).
func FaultCost(size int) (time.Duration, bool) { return 0, false }
