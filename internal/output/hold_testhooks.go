//go:build testhooks

package output

import (
	"os"
	"time"
)

// In a binary built with the testhooks tag, HELMINAUHA_HOLD_COMMIT names a
// file: while it exists, a commit waits at holdCommit, so that a test can
// signal the program there and then let the commit go on by removing it.
func init() {
	hold := os.Getenv("HELMINAUHA_HOLD_COMMIT")
	if hold == "" {
		return
	}
	holdCommit = func() {
		for {
			if _, err := os.Stat(hold); err != nil {
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}
