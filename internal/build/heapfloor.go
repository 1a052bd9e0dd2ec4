package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// contentScale is how many times the size of its content files a
// portal's heap floor is raised to while the content loads (see
// heapFloor.read): the live heap at the end of the load is about the
// size of the files (1.0 at 100,000 pearls), so a floor of three times
// that is the goal GOGC 200 gives the heap the load ends with. Collecting
// earlier only marks a growing heap again and again: thirteen of the 18
// collections of a 100,000-pearl build, every one over a larger heap.
const contentScale = 3

// heapFloor keeps the collector's heap goal at floor or above until stop
// is called, and never above the soft memory limit: after each
// collection it sets GOGC so that the goal is floor while the live heap
// is small, or back to the GOGC it found once that makes the larger
// goal. Stop puts that GOGC back. GOGC=off, or a floor of 0, is left
// alone (and newHeapFloor returns nil, whose methods do nothing).
//
// A floor, unlike a ballast, is no memory the runtime counts: the soft
// limit still holds the whole heap, and a large portal, whose heap is
// past the floor anyway, collects as it did without it.
type heapFloor struct {
	mu      sync.Mutex
	sample  []metrics.Sample
	base    int // the GOGC found
	floor   atomic.Uint64
	most    uint64 // the most read raises the floor to
	stopped bool
	// The content read so far: documents and bytes.
	docs, bytes atomic.Int64
}

func newHeapFloor(floor uint64) *heapFloor {
	f := &heapFloor{sample: []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/heap/live:bytes"}}}
	metrics.Read(f.sample)
	// GOGC=off reads as -1 once converted back to int.
	f.base = int(f.sample[0].Value.Uint64())
	if f.base <= 0 || floor == 0 {
		return nil
	}
	// The runtime holds the goal under the limit as well; keeping the
	// floor under it too keeps GOGC from growing past any use. A floor
	// the content raised stays a third under it, so that the heap has
	// room to grow while a collection marks it before the limit makes
	// the collector hurry.
	limit := uint64(max(debug.SetMemoryLimit(-1), 0))
	f.floor.Store(min(floor, limit))
	f.most = max(min(floor, limit), limit/3*2)
	// A finalizer runs once after each collection that finds its object
	// gone; each run arms the next. The lock keeps a run that began
	// before stop from setting GOGC after it.
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			f.mu.Lock()
			defer f.mu.Unlock()
			if !f.stopped {
				f.set()
				arm()
			}
		})
	}
	f.mu.Lock()
	f.set()
	arm()
	f.mu.Unlock()
	return f
}

// set sets GOGC for the floor and the live heap of the last collection;
// f.mu is held.
func (f *heapFloor) set() {
	metrics.Read(f.sample)
	live := f.sample[1].Value.Uint64()
	floor := f.floor.Load()
	pct := f.base
	if live > 0 && live*uint64(100+f.base)/100 < floor {
		// Rounded up; the runtime keeps GOGC in an int32.
		pct = int(min((floor*100+live-1)/live, math.MaxInt32)) - 100
	}
	debug.SetGCPercent(pct)
}

// read is the content loader's (content.LoadLanguages): one more
// document of size bytes read, of so many. It raises the floor to
// contentScale times the content's size, up to two thirds of the soft
// limit, at once rather than at the next collection, which would come at
// the old floor. Once an eighth of the documents are read, the size is
// the whole content's, told from theirs: the load allocates about nine
// bytes a byte it reads, so a floor that only followed what was read
// would stay a step behind and a large portal would still collect again
// and again while it loads.
func (f *heapFloor) read(size, of int) {
	if f == nil {
		return
	}
	docs, bytes := f.docs.Add(1), f.bytes.Add(int64(size))
	if docs*8 >= int64(of) {
		bytes = bytes * int64(of) / docs
	}
	to := min(uint64(bytes)*contentScale, f.most)
	// Raised by an eighth at least, or not at all: GOGC is set a dozen
	// times at most, not once a document.
	if floor := f.floor.Load(); to < floor+floor/8 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.stopped && to > f.floor.Load() {
		f.floor.Store(to)
		f.set()
	}
}

// loaded is told that the content has loaded, and collects the load's
// garbage then. The load keeps a small part of what it allocates, and the
// floor keeps the collector away while it runs, so the heap ends the load
// full: the model and the pages were made in memory the heap grew for
// them (at 100,000 pearls, page faults were a fifth of the model's CPU
// time) until the next collection freed the load's. Collected here, they
// reuse it: the build's peak memory is 6 % lower at 10,000 pearls and 8 %
// at 100,000, its CPU time the same within the runs' scatter.
func (f *heapFloor) loaded() {
	if f == nil {
		return
	}
	runtime.GC()
}

// stop puts back the GOGC the floor found; a second stop does nothing.
func (f *heapFloor) stop() {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.stopped {
		f.stopped = true
		debug.SetGCPercent(f.base)
	}
}
