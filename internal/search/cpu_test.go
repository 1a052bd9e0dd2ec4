package search

import (
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/rusage"
)

// reportCPU reports the CPU time per op since start (an rusage.CPU),
// which on a shared machine varies less than the wall time, as
// cpu-ms/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(rusage.CPU()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
