package build

import (
	"context"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcState is what the collector is set to: GOGC (-1 when off), the heap
// goal and the live heap, in bytes.
func gcState() (gogc int, goal, live uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64()), s[1].Value.Uint64(), s[2].Value.Uint64()
}

// keepGC puts GOGC and the soft memory limit back as they were when the
// test ends.
func keepGC(t *testing.T) {
	gogc := debug.SetGCPercent(100)
	debug.SetGCPercent(gogc)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(gogc)
		debug.SetMemoryLimit(limit)
	})
}

// settle collects, then waits until the floor's finalizer has run after
// that collection (it runs on its own goroutine), which ok tells.
func settle(t *testing.T, ok func() bool) {
	t.Helper()
	runtime.GC()
	for range 2000 {
		if ok() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	gogc, goal, live := gcState()
	t.Fatalf("the floor did not follow the collection: GOGC %d, goal %d, live %d", gogc, goal, live)
}

var sink []byte

func TestHeapFloor(t *testing.T) {
	keepGC(t)
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
	runtime.GC()
	const floor = 64 << 20
	if _, goal, _ := gcState(); goal >= floor {
		t.Fatalf("the test's heap goal is %d before the floor; it needs one under %d", goal, floor)
	}

	stop := heapFloor(floor)
	gogc, goal, live := gcState()
	if goal < floor || gogc <= 100 {
		t.Fatalf("with a floor of %d: GOGC %d, goal %d (live %d); want the goal at the floor", floor, gogc, goal, live)
	}

	// The live heap grows: after the next collection the goal is the
	// floor again, not the old GOGC times the larger heap.
	sink = make([]byte, 16<<20)
	settle(t, func() bool {
		_, goal, live := gcState()
		return live >= 16<<20 && goal >= floor && goal < floor+floor/10
	})
	// It shrinks: the goal stays at the floor.
	sink = nil
	settle(t, func() bool {
		_, goal, live := gcState()
		return live < 16<<20 && goal >= floor
	})
	// A live heap whose own goal is past the floor collects at GOGC.
	sink = make([]byte, 48<<20)
	settle(t, func() bool {
		gogc, _, live := gcState()
		return live >= 48<<20 && gogc == 100
	})
	sink = nil
	settle(t, func() bool {
		gogc, _, _ := gcState()
		return gogc > 100
	})

	stop()
	runtime.GC()
	// After stop, no finalizer sets GOGC again.
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if gogc, goal, live := gcState(); gogc != 100 || goal >= floor {
		t.Errorf("after stop: GOGC %d, goal %d (live %d); want GOGC 100 and the goal under %d", gogc, goal, live, floor)
	}
	stop() // a second stop changes nothing
	if gogc, _, _ := gcState(); gogc != 100 {
		t.Errorf("after a second stop: GOGC %d, want 100", gogc)
	}
}

func TestHeapFloorLeavesTheCollectorAlone(t *testing.T) {
	tests := []struct {
		name  string
		gogc  int
		floor uint64
	}{
		{"GOGC=off", -1, 64 << 20},
		{"no floor", 150, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keepGC(t)
			debug.SetGCPercent(tt.gogc)
			stop := heapFloor(tt.floor)
			for range 3 {
				runtime.GC()
				time.Sleep(10 * time.Millisecond)
			}
			if gogc, _, _ := gcState(); gogc != tt.gogc {
				t.Errorf("with the floor: GOGC %d, want %d", gogc, tt.gogc)
			}
			stop()
			if gogc, _, _ := gcState(); gogc != tt.gogc {
				t.Errorf("after stop: GOGC %d, want %d", gogc, tt.gogc)
			}
		})
	}
}

// TestHeapFloorStaysUnderTheMemoryLimit: a floor past the soft memory
// limit raises the goal to the limit at most.
func TestHeapFloorStaysUnderTheMemoryLimit(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	const limit = 48 << 20
	debug.SetMemoryLimit(limit)
	stop := heapFloor(1 << 30)
	defer stop()
	settle(t, func() bool {
		gogc, _, _ := gcState()
		return gogc > 100
	})
	if gogc, goal, live := gcState(); goal > limit {
		t.Errorf("with a floor of 1 GiB under a limit of %d: goal %d (GOGC %d, live %d)", limit, goal, gogc, live)
	}
}

// TestBuildHeapFloor: a build with a floor has the collector at it while
// it runs (here once the content is loaded) and as it found it after.
func TestBuildHeapFloor(t *testing.T) {
	keepGC(t)
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(200)
	const floor = 256 << 20
	var during struct {
		gogc int
		goal uint64
	}
	res, err := Build(context.Background(), Options{
		Content: os.DirFS("../../content"), ContentName: "content",
		HeapFloor: floor,
		LastCommits: func() map[string]time.Time {
			during.gogc, during.goal, _ = gcState()
			return nil
		},
	})
	if err != nil {
		t.Fatalf("the default portal does not build: %v\n%v", err, res.Diags.Err())
	}
	// The goal may lag the floor between a collection and its finalizer;
	// GOGC raised above 200 is the floor at work either way.
	if during.gogc <= 200 || during.goal < floor/2 {
		t.Errorf("during the build: GOGC %d, goal %d; want GOGC raised for a goal of %d", during.gogc, during.goal, floor)
	}
	if gogc, _, _ := gcState(); gogc != 200 {
		t.Errorf("after the build: GOGC %d, want 200", gogc)
	}
}
