package rusage

import "time"

// CPU is Self's CPU time.
func CPU() time.Duration {
	cpu, _ := Self()
	return cpu
}
