// Package workers is the build's one worker pool: it calls a function
// for each of 0…n-1 on every core, for loading the content folder and for
// making and writing the output files; and it cuts [0, n) into one range
// a core for work whose parts are merged in order (Split).
package workers

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// PerCore is the workers a core. Both users wait for the disk and the
// kernel (a file read, a body written to the Store; a folder or a file
// made and written), and a worker waiting leaves its core to another:
// with one worker a core, a fifth of the loading workers' time at 10,000
// pearls went to read and pwrite, and a third of the writing workers' to
// mkdir, open and write (go tool trace, on a busy machine).
const PerCore = 4

// Run calls fn(i) for each i in [0, n), each worker taking the next i,
// and returns when every call has returned. Once ctx is cancelled no
// further call starts.
func Run(ctx context.Context, n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(PerCore*runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// RunOrAbandon is Run that also returns as soon as ctx is cancelled,
// without waiting for the calls under way (a large file takes seconds to
// parse): what they leave must not be read.
func RunOrAbandon(ctx context.Context, n int, fn func(i int)) {
	done := make(chan struct{})
	go func() {
		Run(ctx, n, fn)
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
}
