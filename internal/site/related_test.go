package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// TestRelatedPairsAreASet: each pearl's Related is its own related list,
// resolved and once each, then the pearls that name it in theirs and are
// not on its own list, in the order of all pearls; so the relation is
// symmetric and no list holds a pearl twice, however often and from which
// side front matter names a pair. Build keeps the pairs in a set, not by
// searching the lists (a pearl that every other one names has a list as
// long as the portal); a search that looks in the wrong list, or only
// in one direction, or keeps the set for one loop but not the other,
// gives duplicates or a missing side, which this test shows. A right
// search of the lists gives the same lists in quadratic time, which
// allocates nothing more: only a clock or a counter in Build would see it.
func TestRelatedPairsAreASet(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n       int
		related map[int][]int // pearl i's related list, by pearl number
		want    map[int][]int // every pearl's Related; nil when only the invariants and the spec are checked
	}{
		{"named twice", 3, map[int][]int{0: {1, 1}}, map[int][]int{0: {1}, 1: {0}, 2: nil}},
		{"named from both sides", 2, map[int][]int{0: {1}, 1: {0}}, map[int][]int{0: {1}, 1: {0}}},
		{"named from both sides, twice each", 2, map[int][]int{0: {1, 1}, 1: {0, 0}}, map[int][]int{0: {1}, 1: {0}}},
		{"own list first, then those naming it in pearl order", 5,
			map[int][]int{0: {2}, 1: {2}, 2: {3, 0}, 4: {2}},
			map[int][]int{0: {2}, 1: {2}, 2: {3, 0, 1, 4}, 3: {2}, 4: {2}}},
		{"a pearl every other one names, some twice", 6,
			map[int][]int{1: {0, 0}, 2: {0}, 3: {0, 1}, 4: {0}, 5: {0, 4, 0}},
			map[int][]int{0: {1, 2, 3, 4, 5}, 1: {0, 3}, 2: {0}, 3: {0, 1}, 4: {0, 5}, 5: {0, 4}}},
		{"random lists", 60, randomRelated(60), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := portal(tc.n, func(i, n int) string {
				if len(tc.related[i]) == 0 {
					return ""
				}
				var b strings.Builder
				b.WriteString("related:\n")
				for _, j := range tc.related[i] {
					fmt.Fprintf(&b, "  - %s\n", slug(j))
				}
				return b.String()
			}, none, nil)
			cfg, diags := config.Load(fsys, "content", "")
			if cfg == nil {
				t.Fatal(diags)
			}
			set, _ := content.Load(context.Background(), fsys, "content")
			s, diags := site.Build(cfg, set, site.Options{})
			if diags.HasErrors() {
				t.Fatalf("errors:\n%v", diags.Err())
			}
			numOf := map[string]int{}
			for i := range tc.n {
				numOf[slug(i)] = i
			}
			num := map[*site.Pearl]int{}
			for _, p := range s.Pearls {
				num[p] = numOf[p.Slug]
			}
			got := map[int][]int{}
			for _, p := range s.Pearls {
				for _, r := range p.Related {
					got[num[p]] = append(got[num[p]], num[r])
				}
			}
			for _, p := range s.Pearls {
				i, rel := num[p], got[num[p]]
				seen := map[int]bool{}
				for _, j := range rel {
					if seen[j] {
						t.Errorf("pearl %d: Related %v holds %d twice", i, rel, j)
					}
					seen[j] = true
					if j == i {
						t.Errorf("pearl %d: Related %v holds the pearl itself", i, rel)
					}
					if !slices.Contains(got[j], i) {
						t.Errorf("pearl %d relates to %d, but %d's Related %v lacks %d", i, j, j, got[j], i)
					}
				}
			}
			want := tc.want
			if want == nil {
				want = relatedSpec(tc.n, tc.related, s.Pearls, num)
			}
			for i := range tc.n {
				if !slices.Equal(got[i], want[i]) {
					t.Errorf("pearl %d: Related %v, want %v (own list %v)", i, got[i], want[i], tc.related[i])
				}
			}
		})
	}
}

// relatedSpec is what Related should be, from the definition: pearl i's
// own list once each, then the pearls naming i that i does not name, in
// the order of all pearls.
func relatedSpec(n int, related map[int][]int, pearls []*site.Pearl, num map[*site.Pearl]int) map[int][]int {
	own := func(i int) []int {
		var l []int
		for _, j := range related[i] {
			if !slices.Contains(l, j) {
				l = append(l, j)
			}
		}
		return l
	}
	want := map[int][]int{}
	for i := range n {
		want[i] = own(i)
		for _, q := range pearls {
			if j := num[q]; slices.Contains(own(j), i) && !slices.Contains(want[i], j) {
				want[i] = append(want[i], j)
			}
		}
	}
	return want
}

// randomRelated gives each of n pearls up to five related pearls, never
// itself, with repeats and pairs named from both sides, the same lists
// every run.
func randomRelated(n int) map[int][]int {
	r := rand.New(rand.NewPCG(17, 2026))
	related := map[int][]int{}
	for i := range n {
		for range r.IntN(6) {
			if j := r.IntN(n); j != i {
				related[i] = append(related[i], j)
			}
		}
	}
	return related
}
