package output

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/rusage"
)

// TestSortPathsAsSlicesSort holds sortPaths to slices.Sort on lists of
// paths with long shared prefixes, runs of equal heads at every depth,
// paths that end inside a head, zero bytes and repeats, small and large.
func TestSortPathsAsSlicesSort(t *testing.T) {
	words := []string{"palautteen", "palautteiden", "seuranta", "suunnittelu", "tyohyvinvointi", "a", "", "\x00", "ä", "verkostossa"}
	for _, tc := range []struct {
		name string
		n    int
		path func(r *rand.Rand, i int) string
	}{
		{"few", 7, func(r *rand.Rand, i int) string { return "helmet/" + words[r.IntN(len(words))] }},
		{"pearls", 5000, func(r *rand.Rand, i int) string {
			return "helmet/" + words[r.IntN(len(words))] + "-" + words[r.IntN(len(words))] + "-" + words[r.IntN(len(words))] + "/index.html"
		}},
		{"numbered", 30000, func(r *rand.Rand, i int) string { return "haku/d/" + strconv.Itoa(r.IntN(40000)) + ".json" }},
		{"one prefix of 40 bytes", 9000, func(r *rand.Rand, i int) string {
			return strings.Repeat("x", 40) + strconv.Itoa(r.IntN(100000))
		}},
		{"zeros at the ends", 6000, func(r *rand.Rand, i int) string {
			return "a/b" + strings.Repeat("\x00", r.IntN(40))
		}},
		{"mixed", 50000, func(r *rand.Rand, i int) string {
			var b []byte
			for range r.IntN(60) {
				b = append(b, "ab/\x00\xffz"[r.IntN(6)])
			}
			return string(b)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tc.n)))
			paths := make([]string, tc.n)
			for i := range paths {
				paths[i] = tc.path(r, i)
			}
			want := slices.Sorted(slices.Values(paths))
			sortPaths(paths)
			if !slices.Equal(paths, want) {
				for i := range paths {
					if paths[i] != want[i] {
						t.Fatalf("at %d of %d: got %q, want %q", i, len(paths), paths[i], want[i])
					}
				}
			}
		})
	}
}

// BenchmarkSortPaths sorts the paths of the record HELMINAUHA_BENCH_RECORD
// names (a build's .helminauha-files), in an order of their own (a
// shuffle from a fixed seed: a build's workers write them nearly in the
// order of its pages), by sortPaths and by slices.Sort, reporting the CPU
// time of each sort. The collector is left out: in a build the record is
// sorted in a large heap that does not collect while it sorts.
func BenchmarkSortPaths(b *testing.B) {
	name := os.Getenv("HELMINAUHA_BENCH_RECORD")
	if name == "" {
		b.Skip("set HELMINAUHA_BENCH_RECORD to a build's " + RecordName)
	}
	files, ok := readRecord(filepath.Dir(name))
	if !ok {
		b.Fatalf("%s is no record", name)
	}
	paths := slices.Sorted(maps.Keys(files))
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for _, s := range []struct {
		name string
		sort func([]string)
	}{{"radix", sortPaths}, {"slices", slices.Sort[[]string]}} {
		b.Run(fmt.Sprintf("%s-%d", s.name, len(paths)), func(b *testing.B) {
			work := make([]string, len(paths))
			var cpu time.Duration
			for b.Loop() {
				copy(work, paths)
				cpu0 := rusage.CPU()
				s.sort(work)
				cpu += rusage.CPU() - cpu0
			}
			b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
