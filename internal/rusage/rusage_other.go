//go:build !unix

// Package rusage is this process's CPU time and peak memory so far, as
// getrusage(2) gives them; on this system it tells neither.
package rusage

import "time"

// Self returns 0 and 0: the system does not tell (--timings shows wall
// time only, benchmarks report no CPU time).
func Self() (cpu time.Duration, maxRSS int64) { return 0, 0 }
