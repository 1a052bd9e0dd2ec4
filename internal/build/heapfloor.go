package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapFloor keeps the collector's heap goal at floor or above until stop
// is called, and never above the soft memory limit: after each
// collection it sets GOGC so that the goal is floor while the live heap
// is small, or back to the GOGC it found once that makes the larger
// goal. Stop puts that GOGC back. GOGC=off, or a floor of 0, is left
// alone.
//
// A floor, unlike a ballast, is no memory the runtime counts: the soft
// limit still holds the whole heap, and a large portal, whose heap is
// past the floor anyway, collects as it did without it.
func heapFloor(floor uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	// GOGC=off reads as -1 once converted back to int.
	base := int(sample[0].Value.Uint64())
	if base <= 0 || floor == 0 {
		return func() {}
	}
	// The runtime holds the goal under the limit as well; keeping the
	// floor under it too keeps GOGC from growing past any use.
	floor = min(floor, uint64(max(debug.SetMemoryLimit(-1), 0)))
	var mu sync.Mutex
	stopped := false
	set := func() {
		metrics.Read(sample)
		live := sample[1].Value.Uint64()
		pct := base
		if live > 0 && live*uint64(100+base)/100 < floor {
			// Rounded up; the runtime keeps GOGC in an int32.
			pct = int(min((floor*100+live-1)/live, math.MaxInt32)) - 100
		}
		debug.SetGCPercent(pct)
	}
	// A finalizer runs once after each collection that finds its object
	// gone; each run arms the next. The lock keeps a run that began
	// before stop from setting GOGC after it.
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			mu.Lock()
			defer mu.Unlock()
			if !stopped {
				set()
				arm()
			}
		})
	}
	mu.Lock()
	set()
	arm()
	mu.Unlock()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			stopped = true
			debug.SetGCPercent(base)
		}
	}
}
