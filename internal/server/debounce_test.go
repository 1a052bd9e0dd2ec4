package server

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func runDebounce(t *testing.T, quiet, maxWait time.Duration) (chan<- change, <-chan batch) {
	in, _, out := runDebounceAgain(t, quiet, maxWait)
	return in, out
}

// runDebounceAgain is runDebounce with the channel that asks for a batch
// again.
func runDebounceAgain(t *testing.T, quiet, maxWait time.Duration) (chan<- change, chan<- struct{}, <-chan batch) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan change)
	again := make(chan struct{}, 1)
	out := make(chan batch)
	done := make(chan struct{})
	go func() {
		debounce(ctx, in, again, out, quiet, maxWait)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return in, again, out
}

func receive(t *testing.T, out <-chan batch) batch {
	t.Helper()
	select {
	case b := <-out:
		return b
	case <-time.After(deadline):
		t.Fatal("no batch")
	}
	return batch{}
}

func TestDebounceSendsOneBatchAfterQuiet(t *testing.T) {
	in, out := runDebounce(t, 5*time.Millisecond, time.Second)
	in <- change{content: "helmet/a.md"}
	b := receive(t, out)
	if b.n != 1 || !b.content.named["helmet/a.md"] || b.hurried {
		t.Errorf("got %+v, want one change to helmet/a.md, not hurried", b)
	}
}

func TestDebounceCoalescesWhileTheReceiverIsBusy(t *testing.T) {
	// The receiver (a rebuild) takes nothing until all 500 changes are
	// in: however the quiet windows fell, they make one batch.
	in, out := runDebounce(t, time.Microsecond, time.Microsecond)
	for i := range 500 {
		in <- change{content: fmt.Sprintf("helmet/p%d.md", i%100)}
	}
	in <- change{theme: true}
	b := receive(t, out)
	if b.n != 501 || len(b.content.named) != 100 || !b.theme || b.all {
		t.Errorf("got n=%d, %d paths, theme=%t, all=%t; want 501, 100, true, false", b.n, len(b.content.named), b.theme, b.all)
	}
	ch := b.changes()
	if len(ch.Content) != 100 || ch.Content[0] != "helmet/p0.md" {
		t.Errorf("changes: got %d paths starting %q, want 100 sorted", len(ch.Content), ch.Content[0])
	}
}

func TestDebounceNeverDropsAChangeAfterABatch(t *testing.T) {
	in, out := runDebounce(t, time.Millisecond, 10*time.Millisecond)
	for i := range 20 {
		name := fmt.Sprintf("helmet/p%d.md", i)
		in <- change{content: name}
		b := receive(t, out)
		if !b.content.named[name] {
			t.Fatalf("save %d: got %v, want %s", i, b.content.named, name)
		}
	}
}

func TestDebounceMaxWaitBoundsAStream(t *testing.T) {
	// Changes every millisecond never leave 200 ms of quiet; maxWait
	// still lets a batch through while the stream goes on, marked hurried.
	in, out := runDebounce(t, 200*time.Millisecond, 20*time.Millisecond)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				select {
				case in <- change{content: "helmet/a.md"}:
				case <-stop:
					return
				}
			}
		}
	}()
	for range 3 {
		if b := receive(t, out); !b.hurried {
			t.Errorf("a batch sent while changes arrive is not hurried: %+v", b)
		}
	}
}

// TestDebounceAgainWaitsForQuiet: asked again, the debouncer sends a
// batch once the folders are quiet, empty when nothing changed, and the
// changes that come first when something did.
func TestDebounceAgainWaitsForQuiet(t *testing.T) {
	in, again, out := runDebounceAgain(t, 100*time.Millisecond, time.Second)
	again <- struct{}{}
	if b := receive(t, out); b.n != 0 || b.hurried {
		t.Errorf("asked again on quiet folders: got %+v, want an empty batch, not hurried", b)
	}
	in <- change{content: "helmet/a.md"}
	again <- struct{}{}
	in <- change{content: "helmet/b.md"}
	if b := receive(t, out); b.n != 2 || b.hurried {
		t.Errorf("asked again among changes: got %+v, want both changes in one batch, not hurried", b)
	}
}

func TestDebounceFlushesWhenInputCloses(t *testing.T) {
	ctx := context.Background()
	in := make(chan change, 2)
	out := make(chan batch, 1)
	in <- change{all: true}
	close(in)
	debounce(ctx, in, nil, out, time.Hour, time.Hour)
	if b := <-out; !b.all {
		t.Errorf("got %+v, want the pending change", b)
	}
}

// TestDebounceSendsNoEmptyBatch: a batch sent at maxWait could leave its
// timer fired and unread, and the debouncer then sent an empty batch,
// whose rebuild printed a line that named no change ("build failed
// (0.5ms)"). A stream with no pause keeps a change waiting at every
// turn, where the timer fires unread most often.
func TestDebounceSendsNoEmptyBatch(t *testing.T) {
	in, out := runDebounce(t, time.Second, 50*time.Microsecond)
	got := make(chan batch, 100000)
	stop := make(chan struct{})
	go func() {
		defer close(got)
		for {
			select {
			case b := <-out:
				got <- b
			case <-stop:
				return
			}
		}
	}()
	for i := range 20000 {
		in <- change{content: fmt.Sprintf("helmet/p%d.md", i%100)}
	}
	close(stop)
	seen := 0
	for b := range got {
		if b.n == 0 {
			t.Fatalf("an empty batch was sent, after batches of %d changes", seen)
		}
		seen += b.n
	}
}
