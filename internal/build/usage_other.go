//go:build !unix

package build

import "time"

// usage is unknown here; --timings shows wall time only.
func usage() (cpu time.Duration, maxRSS int64) { return 0, 0 }
