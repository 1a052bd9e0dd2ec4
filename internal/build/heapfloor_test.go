package build

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/testkit"
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

	stop := newHeapFloor(floor).stop
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
			stop := newHeapFloor(tt.floor).stop
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
	stop := newHeapFloor(1 << 30).stop
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

// TestHeapFloorFollowsTheContent: the content read raises the floor to
// three times its size (once an eighth of the documents are read, the
// size they tell of the whole), at once, and no higher than two thirds of
// the soft memory limit; a small portal's floor stays as it was.
func TestHeapFloorFollowsTheContent(t *testing.T) {
	const floor = 48 << 20
	tests := []struct {
		name     string
		limit    int64
		docs, of int
		size     int
		want     uint64
	}{
		{"an eighth read tells the whole", math.MaxInt64, 8, 64, 1 << 20, 3 * 64 << 20},
		{"before an eighth, what is read", math.MaxInt64, 7, 64, 16 << 20, 3 * 7 * 16 << 20},
		{"two thirds of the limit at most", 150 << 20, 8, 64, 1 << 20, 100 << 20},
		{"a small portal keeps the floor", math.MaxInt64, 64, 64, 128 << 10, floor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keepGC(t)
			debug.SetMemoryLimit(tt.limit)
			debug.SetGCPercent(100)
			// A live heap large enough that the goal is the floor give
			// or take a little (GOGC counts the stacks too).
			sink = make([]byte, 16<<20)
			defer func() { sink = nil }()
			runtime.GC()
			f := newHeapFloor(floor)
			defer f.stop()
			for range tt.docs {
				f.read(tt.size, tt.of)
			}
			// No collection between: the goal follows the read at once.
			if gogc, goal, live := gcState(); goal < tt.want || goal > tt.want+tt.want/10 {
				t.Errorf("%d documents of %d, %d bytes each: goal %d (GOGC %d, live %d), want %d", tt.docs, tt.of, tt.size, goal, gogc, live, tt.want)
			}
		})
	}
}

// TestBuildHeapFloorFollowsTheContent: a build's heap floor grows with
// the content the build loads.
func TestBuildHeapFloorFollowsTheContent(t *testing.T) {
	keepGC(t)
	debug.SetMemoryLimit(math.MaxInt64)
	// A low GOGC keeps the goal near the live heap without the floor.
	debug.SetGCPercent(10)
	dir, size := largePortal(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var goal, live uint64
	_, err := Build(ctx, Options{
		Content: os.DirFS(filepath.Join(dir, "content")), HeapFloor: 1 << 20,
		LastCommits: func() map[string]time.Time {
			_, goal, live = gcState()
			cancel() // the rest of the build is not this test's
			return nil
		},
	})
	if goal == 0 {
		t.Fatalf("the build did not load the portal: %v", err)
	}
	// Three times the content, less the eighth the floor may lag.
	if want := uint64(size) * 5 / 2; goal < want {
		t.Errorf("with %d bytes of content loaded: goal %d (live %d), want %d at least", size, goal, live, want)
	}
	if gogc, _, _ := gcState(); gogc != 10 {
		t.Errorf("after the build: GOGC %d, want 10", gogc)
	}
}

// TestBuildCollectsTheLoad: the model starts on a heap the load's garbage
// has left: a collection has run since the load began, and the heap holds
// little more than the live heap it found.
func TestBuildCollectsTheLoad(t *testing.T) {
	keepGC(t)
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
	// A floor far above what the load allocates keeps every collection
	// away while it runs.
	dir, _ := largePortal(t)
	cycles := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	inUse := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runtime.GC()
	before := cycles()
	var after, objects, live uint64
	_, err := Build(ctx, Options{
		Content: os.DirFS(filepath.Join(dir, "content")), HeapFloor: 4 << 30,
		LastCommits: func() map[string]time.Time {
			after, objects = cycles(), inUse()
			_, _, live = gcState()
			cancel() // the rest of the build is not this test's
			return nil
		},
	})
	if after == 0 {
		t.Fatalf("the build did not load the portal: %v", err)
	}
	if after == before || objects > 2*live {
		t.Errorf("as the model starts: %d collections since the build began, %d bytes of objects on a live heap of %d; want a collection after the load, and little more than the live heap", after-before, objects, live)
	}
}

// largePortal writes a portal with 8 MB of pearls into a temporary
// folder, in files, not in memory (an fstest.MapFS would keep them all
// live), and returns the folder and the pearls' size in bytes.
func largePortal(t *testing.T) (dir string, size int) {
	t.Helper()
	dir = t.TempDir()
	testkit.Write(t, "testdata/small.txtar", dir)
	body := strings.Repeat("Sana sanalta tavoite selkenee, kun sen kirjoittaa auki.\n\n", 256<<10/57)
	for i := range 32 {
		src := fmt.Sprintf("---\ntitle: Iso %d\ntheme: verkostotyo\nsummary: Pitkä helmi.\nkind: tyokalu\ndate: 2022-06-01\n---\n%s", i, body)
		if err := os.WriteFile(filepath.Join(dir, "content", "helmet", fmt.Sprintf("iso-%02d.md", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		size += len(src)
	}
	return dir, size
}
