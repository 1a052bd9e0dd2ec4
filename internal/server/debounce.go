package server

import (
	"context"
	"time"
)

// debounce coalesces the changes read from in into batches sent on out.
// A batch is ready once no change arrived for quiet, or once its first
// change is maxWait old, whichever comes first. A ready batch waits for
// the receiver, and every change arriving meanwhile joins it: a rebuild
// that is running when a save happens is always followed by one that
// includes that save. debounce returns when ctx is done or in is closed
// (after sending what is pending).
func debounce(ctx context.Context, in <-chan change, out chan<- batch, quiet, maxWait time.Duration) {
	var (
		pending batch
		has     bool
		first   time.Time
		timer   = time.NewTimer(time.Hour)
		ready   bool
	)
	timer.Stop()
	defer timer.Stop()
	for {
		var send chan<- batch
		if ready {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case c, ok := <-in:
			if !ok {
				if has {
					select {
					case out <- pending:
					case <-ctx.Done():
					}
				}
				return
			}
			now := time.Now()
			if !has {
				has, first = true, now
			}
			pending.add(c)
			if !ready {
				wait := min(quiet, maxWait-now.Sub(first))
				if wait <= 0 {
					ready = true
				} else {
					timer.Reset(wait)
				}
			}
		case <-timer.C:
			ready = true
		case send <- pending:
			pending, has, ready = batch{}, false, false
		}
	}
}
