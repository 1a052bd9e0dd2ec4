package rusage

import "time"

// Usage is what the process has used so far.
type Usage struct {
	// User is the CPU time spent in the process's own code, System the
	// CPU time the kernel spent on its behalf (files, page cache, faults),
	// both on every thread.
	User, System time.Duration
	// MaxRSS is the peak resident memory, in bytes.
	MaxRSS int64
}

// CPU is u's user and system time.
func (u Usage) CPU() time.Duration { return u.User + u.System }

// CPU is Self's CPU time.
func CPU() time.Duration { return Self().CPU() }
