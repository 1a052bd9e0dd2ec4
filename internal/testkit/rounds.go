package testkit

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// Rounds is how many rounds of random edits a test makes and the seed it
// draws them from. Under the long build tag (make test-go) it is all of
// them (many) from the test's own seed (fixed), so every run checks the
// same large sample. In plain go test ./... it is few, from a seed that
// changes from run to run, so that runs together still cover much more
// than a few fixed rounds; the seed is logged, and HELMINAUHA_SEED=n
// draws the same rounds from n again: as many as the run it repeats (a
// failure of the few rounds that all of them hid was not repeated when
// the seed gave all of them).
func Rounds(t testing.TB, many, few int, fixed uint64) (int, uint64) {
	t.Helper()
	if s := os.Getenv("HELMINAUHA_SEED"); s != "" {
		seed, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("HELMINAUHA_SEED=%s: %v", s, err)
		}
		n := few
		if Long {
			n = many
		}
		t.Logf("%d rounds from HELMINAUHA_SEED=%d", n, seed)
		return n, seed
	}
	if Long {
		return many, fixed
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("%d of %d rounds (all of them under -tags long) from seed %d: HELMINAUHA_SEED=%d repeats them", few, many, seed, seed)
	return few, seed
}
