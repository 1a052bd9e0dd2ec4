package workers

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestRunCallsEachOnce: every index is called exactly once, whatever n is
// beside the number of workers.
func TestRunCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		for _, run := range []func(context.Context, int, func(int)){Run, RunOrAbandon} {
			calls := make([]atomic.Int32, n)
			run(context.Background(), n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("n %d: index %d called %d times", n, i, c)
				}
			}
		}
	}
}

// TestCancelStopsCalls: after cancellation no call starts, and Run waits
// for the calls under way where RunOrAbandon does not.
func TestCancelStopsCalls(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	Run(ctx, 1000, func(i int) {
		if started.Add(1) == 1 {
			cancel()
		}
	})
	if n := started.Load(); n > int32(PerCore*runtime.GOMAXPROCS(0)) {
		t.Errorf("%d calls started, most after the cancellation", n)
	}

	ctx, cancel = context.WithCancel(context.Background())
	release := make(chan struct{})
	var finished atomic.Bool
	RunOrAbandon(ctx, 1, func(int) {
		cancel()
		<-release
		finished.Store(true)
	})
	if finished.Load() {
		t.Errorf("RunOrAbandon waited for a call under way")
	}
	close(release)
}
