//go:build testhooks

package output

import (
	"context"
	"os"
	"time"
)

// In a binary built with the testhooks tag, HELMINAUHA_HOLD_COMMIT names a
// file: while it exists, a commit waits at holdCommit, so that a test can
// signal the program there and then let the commit go on by removing it.
// Once the commit's context is done (the program has taken the signal),
// it writes the file named as the hold file with .done added: a test that
// lets the commit go on only then knows the commit will see the signal,
// where the program's signal handler may not have run yet on a busy
// machine when the hold is removed right after the signal.
func init() {
	hold := os.Getenv("HELMINAUHA_HOLD_COMMIT")
	if hold == "" {
		return
	}
	holdCommit = func(ctx context.Context) {
		done := false
		for {
			if _, err := os.Stat(hold); err != nil {
				return
			}
			if !done && ctx.Err() != nil {
				done = os.WriteFile(hold+".done", nil, 0o644) == nil
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}
