package workers

import (
	"runtime"
	"sync"
)

// Cores is how many ranges to cut n items into when a range is worth a
// goroutine of its own only with at least least items in it: one a core,
// fewer for a few items, and one at least.
func Cores(n, least int) int { return max(1, min(runtime.GOMAXPROCS(0), n/least)) }

// Bounds is the g-th of the k ranges that cut [0, n) in order into parts
// whose sizes differ by one at most: [lo, hi).
func Bounds(n, k, g int) (lo, hi int) { return n * g / k, n * (g + 1) / k }

// Split calls fn(g, lo, hi) for each of the k ranges of [0, n) (see
// Bounds), each on a goroutine of its own, and returns when every call
// has returned. Unlike Run, each call gets a range it knows beforehand, for
// work whose parts are merged in order afterwards.
func Split(n, k int, fn func(g, lo, hi int)) {
	var wg sync.WaitGroup
	for g := range k {
		lo, hi := Bounds(n, k, g)
		wg.Go(func() { fn(g, lo, hi) })
	}
	wg.Wait()
}
