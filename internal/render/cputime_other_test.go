//go:build !unix

package render

import "time"

// cpuTime is not measured here: cpu-ns/page reads 0.
func cpuTime() time.Duration { return 0 }
