package search

import (
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/testkit"
)

// reportCPU reports the CPU time per op since start (a testkit.CPUTime),
// which on a shared machine varies less than the wall time, as
// cpu-ms/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(testkit.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
