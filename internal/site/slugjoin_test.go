package site

import (
	"fmt"
	"slices"
	"testing"
)

func TestFindSlugs(t *testing.T) {
	seeded := slugHash
	hashes := map[string]func(string) uint64{
		"seeded": seeded,
		// Every slug one hash: the bytes alone tell them apart.
		"one hash": func(string) uint64 { return 42 },
		// Slugs of one length one hash, in one bucket with others.
		"length": func(s string) uint64 { return uint64(len(s)) << 60 },
		// Hashes that differ below the bucket's bits only.
		"low bits": func(s string) uint64 { return uint64(len(s)) },
	}
	cases := []struct {
		name         string
		have, wanted []string
		want         []int32
	}{
		{"nothing wanted", []string{"a"}, nil, []int32{}},
		{"nothing had", nil, []string{"a", "b"}, []int32{-1, -1}},
		{"found", []string{"kela", "vero", "asumistuki"}, []string{"vero", "asumistuki", "kela"}, []int32{1, 2, 0}},
		{"absent", []string{"kela", "vero"}, []string{"verot", "kel", "", "vero"}, []int32{-1, -1, -1, 1}},
		{"asked twice", []string{"kela", "vero"}, []string{"vero", "kela", "vero", "vero"}, []int32{1, 0, 1, 1}},
		{"had twice: the later", []string{"kela", "vero", "kela", "tuki"}, []string{"kela", "tuki"}, []int32{2, 3}},
		{"empty slug had", []string{"", "a"}, []string{"", "a", "b"}, []int32{0, 1, -1}},
		{"same length, other bytes", []string{"abc", "abd", "abe"}, []string{"abe", "abf", "abc", "abd"}, []int32{2, -1, 0, 1}},
	}
	for hname, h := range hashes {
		for _, c := range cases {
			t.Run(hname+"/"+c.name, func(t *testing.T) {
				slugHash = h
				defer func() { slugHash = seeded }()
				if got := findSlugs(c.have, c.wanted); !slices.Equal(got, c.want) {
					t.Errorf("findSlugs(%q, %q) = %v, want %v", c.have, c.wanted, got, c.want)
				}
			})
		}
	}
}

// TestFindSlugsAsMap finds many slugs, most of them had and some twice,
// as a map of the slugs filled in order finds them, with hashes of few
// bits so that buckets hold many slugs and hashes collide.
func TestFindSlugsAsMap(t *testing.T) {
	seeded := slugHash
	defer func() { slugHash = seeded }()
	for _, hashBits := range []int{0, 3, 12, 64} {
		slugHash = func(s string) uint64 {
			h := seeded(s)
			if hashBits < 64 {
				h &= 1<<hashBits - 1
				h |= h << (64 - hashBits) // some in the top bits too
			}
			return h
		}
		var have, wanted []string
		for i := range 3000 {
			have = append(have, fmt.Sprintf("helmi-%d", i%2500))
		}
		for i := range 9000 {
			wanted = append(wanted, fmt.Sprintf("helmi-%d", (i*7919)%3100))
		}
		at := map[string]int32{}
		for i, s := range have {
			at[s] = int32(i)
		}
		got := findSlugs(have, wanted)
		for i, s := range wanted {
			want, ok := at[s]
			if !ok {
				want = -1
			}
			if got[i] != want {
				t.Fatalf("%d bits of hash: %q found at %d, want %d", hashBits, s, got[i], want)
			}
		}
	}
}
