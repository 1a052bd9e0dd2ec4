package server

import (
	"context"
	"time"
)

// debounce coalesces the changes read from in into batches sent on out.
// A batch is ready once no change arrived for quiet, or once its first
// change is maxWait old, whichever comes first; it is hurried when
// changes were still arriving as it was sent (see batch.hurried). A
// ready batch waits for the receiver, and every change arriving meanwhile
// joins it: a rebuild that is running when a save happens is always
// followed by one that includes that save. A receive from again asks for
// a batch, empty if no change comes, once the folders are quiet: the
// receiver held back a hurried build's errors and wants them told unless
// the changes go on (see server.hold). debounce returns when ctx is done
// or in is closed (after sending what is pending).
func debounce(ctx context.Context, in <-chan change, again <-chan struct{}, out chan<- batch, quiet, maxWait time.Duration) {
	var (
		pending     batch
		has         bool
		first, last time.Time
		timer       = time.NewTimer(time.Hour)
		ready       bool
	)
	timer.Stop()
	defer timer.Stop()
	for {
		var send chan<- batch
		if ready {
			send = out
			pending.hurried = time.Since(last) < quiet
		}
		select {
		case <-ctx.Done():
			return
		case <-again:
			if has {
				break // the batch pending is sent anyway
			}
			now := time.Now()
			has, first = true, now
			if wait := quiet - now.Sub(last); wait > 0 {
				timer.Reset(wait)
			} else {
				ready = true
			}
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
			last = now
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
			// A batch sent at maxWait may leave its quiet timer fired
			// and unread: that is no batch to send.
			ready = has
		case send <- pending:
			pending, has, ready = batch{}, false, false
			timer.Stop()
		}
	}
}
