package site_test

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/site"
)

// checkNewestFirst holds NewestFirst to a sort of the places by time,
// newest first, the earlier place first of equal times.
func checkNewestFirst(t *testing.T, secs []int64) {
	t.Helper()
	want := make([]int, len(secs))
	for i := range want {
		want[i] = i
	}
	slices.SortFunc(want, func(x, y int) int { return cmp.Or(cmp.Compare(secs[y], secs[x]), cmp.Compare(x, y)) })
	if got := site.NewestFirst(secs); !slices.Equal(got, want) {
		t.Errorf("NewestFirst(%v) = %v, want %v", secs, got, want)
	}
}

func TestNewestFirst(t *testing.T) {
	const day = 24 * 60 * 60
	for _, secs := range [][]int64{
		nil,
		{5},
		{0, day, 2 * day, day},
		{day + 5, day, day + 86399, day + 5, 2 * day}, // one day's times apart
		{-1, 0, -day, -day - 1, -day + 1, 1},          // before 1970, about midnight
		{1_700_000_000, 1_500_000_000, 1_600_000_000}, // more days apart than keys: sorted whole
		{math.MinInt64, math.MaxInt64, 0, 0},
		{3 * day, 3 * day, 3 * day, 3 * day},
	} {
		checkNewestFirst(t, secs)
	}
}

func FuzzNewestFirst(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Two bytes a time: a day of at most 256 near one another, and a
		// time of day; eight bytes after a zero byte, any time.
		var secs []int64
		for len(b) >= 2 {
			if b[0] == 0 && len(b) >= 9 {
				secs = append(secs, int64(binary.LittleEndian.Uint64(b[1:9])))
				b = b[9:]
				continue
			}
			secs = append(secs, int64(b[0])*24*60*60+int64(b[1])*337-20*24*60*60)
			b = b[2:]
		}
		checkNewestFirst(t, secs)
	})
}
