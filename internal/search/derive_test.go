package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// derivationPairs is testdata/derivation.json, which
// jstest/derivation.test.mjs reads too.
type derivationPairs struct {
	Meet  [][2]string `json:"meet"`
	Apart [][2]string `json:"apart"`
}

// TestDerivationPairs checks Derive on the pairs that must meet (a query
// for either word finds a page with the other, through its key or Derive)
// and on those that must not (Derive leads from neither to the other).
// The limits are what Derive reaches today: most misses are verbs whose
// infinitive the stemmer cuts short (tehdä, nähdä), and most merges words
// whose Key is already the same (palautua, palaute), which Derive cannot
// undo; the test logs each.
func TestDerivationPairs(t *testing.T) {
	b, err := os.ReadFile("testdata/derivation.json")
	if err != nil {
		t.Fatal(err)
	}
	var p derivationPairs
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Meet) < 100 || len(p.Apart) < 100 {
		t.Fatalf("%d pairs that meet and %d apart, want 100 of each", len(p.Meet), len(p.Apart))
	}
	word := func(s string) Token { return Analyze(s)[0] }
	finds := func(a, b string) bool {
		return word(a).Term == word(b).Term || slices.Contains(Derive(word(a).Word), word(b).Term)
	}
	derives := func(a, b string) bool { return slices.Contains(Derive(word(a).Word), word(b).Term) }
	miss, merged, same := 0, 0, 0
	for _, m := range p.Meet {
		if !finds(m[0], m[1]) || !finds(m[1], m[0]) {
			miss++
			t.Logf("do not meet: %s %s", m[0], m[1])
		}
	}
	for _, a := range p.Apart {
		if derives(a[0], a[1]) || derives(a[1], a[0]) {
			merged++
			t.Logf("merged by Derive: %s %s", a[0], a[1])
		}
		if word(a[0]).Term == word(a[1]).Term {
			same++
		}
	}
	t.Logf("%d of %d pairs meet; %d of %d apart are merged by Derive, %d share a key", len(p.Meet)-miss, len(p.Meet), merged, len(p.Apart), same)
	if miss > 4 {
		t.Errorf("%d pairs do not meet, want 4 at most", miss)
	}
	if merged > 11 {
		t.Errorf("%d pairs are merged by Derive, want 11 at most", merged)
	}
}

func TestDeriveExamples(t *testing.T) {
	for _, c := range []struct {
		w    string
		want []string
	}{
		{"kehittaa", []string{Key("kehittaminen")}},
		{"johdan", []string{Key("johtaminen")}},
		{"ohjaus", []string{Key("ohjata"), Key("ohjaaminen")}},
		{"delegoida", []string{Key("delegointi")}},
		{"suunnitella", []string{Key("suunnittelu")}},
		{"palkita", []string{Key("palkitseminen")}},
		{"uupunut", []string{Key("uupuminen")}},
	} {
		got := Derive(c.w)
		for _, k := range c.want {
			if !slices.Contains(got, k) {
				t.Errorf("Derive(%q) = %q, want %q among them", c.w, got, k)
			}
		}
	}
	if got := Derive("palaute"); len(got) != 0 {
		t.Errorf("Derive(palaute) = %q, want none (a noun in -te is no verb)", got)
	}
}

// A hyphenated run of any length is one word to the index ("a-a-…" of
// 20,000 parts is a word of 20,000 letters), and splitting a word asks of
// parts in numbers that grow with the square of its length, each part's
// key taking time with its letters: a pearl of a 1.8 MB line of them did
// not build in 5 minutes. So a word longer than the longest compound
// (maxParts words of maxWordRunes) is not split and has no head. The
// letters of the parts asked of (counted through the splitter's part) in
// splitting a word and finding its head are, for words of 4 and 64 times
// that length, at most those of a word of that length, which must not be
// 0, so that the count counts something.
func TestSplitterWorkOnALongWord(t *testing.T) {
	docs := []Doc{{URL: "/a/", Title: "Työ", Body: strings.Repeat("a-", 1000) + " työ aaa aaaa aaaaaa " + strings.Repeat("ko-", 1000) + "ta"}}
	v, _, _, _ := analyseDocs(docs, finnish)
	// letters returns the letters asked of for the words of n letters:
	// a's, which split into many parts, and "koko…ta", whose tails are
	// no parts.
	letters := func(n int) int {
		sp := v.splitter(len(v.keys))
		count, ok := 0, sp.part
		sp.part = func(p string) bool {
			count += len(p)
			return ok(p)
		}
		for _, w := range []string{strings.Repeat("a", n), strings.Repeat("ko", n/2-1) + "ta"} {
			sp.partKeys(w, map[string][]string{})
			sp.head(w)
		}
		return count
	}
	const longest = maxParts * maxWordRunes
	most := letters(longest)
	if most == 0 {
		t.Fatalf("no letters asked of for words of %d letters", longest)
	}
	for _, n := range []int{4 * longest, 64 * longest} {
		if got := letters(n); got > most {
			t.Errorf("%d letters asked of for words of %d letters, more than the %d for words of %d", got, n, most, longest)
		}
	}
}
