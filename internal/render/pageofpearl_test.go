package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// TestPageOfPearlDeps: a pearl page's deps are the keys uniqueKeys keeps
// of the common keys, the pearl, its area, neighbours, the first pearl
// of each tag, its related pearls and its cases, in that order, on
// random pearls whose lists repeat one another (the pearl itself among
// its tags' first pearls, a neighbour among its related, its area among
// the common keys), with lists past the 32 keys a scan compares.
func TestPageOfPearlDeps(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 7))
		areas := make([]*site.Area, 3)
		for i := range areas {
			areas[i] = &site.Area{Node: site.Node{Key: fmt.Sprintf("teemat/a%d", i)}}
		}
		pearls := make([]*site.Pearl, 2+r.IntN(60))
		for i := range pearls {
			pearls[i] = &site.Pearl{Pearl: &content.Pearl{}, Node: site.Node{Path: fmt.Sprintf("/helmet/p%d/", i), Key: fmt.Sprintf("helmet/p%d", i)}}
		}
		cases := make([]*site.Case, 4)
		for i := range cases {
			cases[i] = &site.Case{Node: site.Node{Key: fmt.Sprintf("caset/c%d", i)}}
		}
		pick := func() *site.Pearl { return pearls[r.IntN(len(pearls))] }
		p := pick()
		if r.IntN(4) > 0 {
			p.Area = areas[r.IntN(len(areas))]
		}
		if r.IntN(3) > 0 {
			p.Prev = pick()
		}
		if r.IntN(3) > 0 {
			p.Next = pick()
		}
		for range r.IntN(8) {
			p.Tags = append(p.Tags, &site.Term{Pearls: []*site.Pearl{pick()}})
		}
		for range r.IntN([]int{5, 50}[r.IntN(2)]) {
			p.Related = append(p.Related, pick())
		}
		for range r.IntN(4) {
			p.Cases = append(p.Cases, cases[r.IntN(len(cases))])
		}
		var common []string
		for range r.IntN(5) {
			common = append(common, []string{"teemat/a0", "teemat/a1", "opas/_index", "sivut/tietoa", ""}[r.IntN(5)])
		}

		all := slices.Clone(common)
		all = append(all, p.Key)
		if p.Area != nil {
			all = append(all, p.Area.Key)
		}
		for _, q := range []*site.Pearl{p.Prev, p.Next} {
			if q != nil {
				all = append(all, q.Key)
			}
		}
		for _, tag := range p.Tags {
			all = append(all, tag.Pearls[0].Key)
		}
		for _, q := range p.Related {
			all = append(all, q.Key)
		}
		for _, c := range p.Cases {
			all = append(all, c.Key)
		}
		want := uniqueKeys(all)
		var keys arena
		if got := pageOfPearl(p, common, nil, keys.alloc).Deps; !slices.Equal(got, want) {
			t.Fatalf("seed %d: deps\n%q, want\n%q", seed, got, want)
		}
	}
}
