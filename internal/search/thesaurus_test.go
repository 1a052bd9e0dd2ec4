package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
)

// TestDefaultThesaurus holds the shipped thesaurus to its format and its
// size, and checks that every rule gives a word something to find.
func TestDefaultThesaurus(t *testing.T) {
	th, diags := content.ParseThesaurus("sanasto.txt", defaultThesaurusSource)
	if len(diags) > 0 {
		t.Fatalf("sanasto.txt: %v", diags.Err())
	}
	if n := len(th.Rules); n < 200 {
		t.Errorf("the default thesaurus has %d rules, want 200 or more", n)
	}
	syn := thesaurusTable(finnish, nil)
	for _, r := range th.Rules {
		if len(finnish.phraseKeys(r.Words[0])) == 1 && len(syn[finnish.phraseKeys(r.Words[0])[0]]) == 0 {
			t.Errorf("sanasto.txt:%d: %q finds nothing", r.Line, r.Words[0])
		}
	}
}

// manifestOf builds the index of docs and returns its manifest.
func manifestOf(t *testing.T, docs []Doc, opts Options) manifest {
	t.Helper()
	files, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(files[0].Data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestThesaurusInTheManifest(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "Toimivat kokouskäytännöt", Body: "Kokous alkaa asialistasta."},
		{URL: "/b/", Title: "Kehityskeskustelu", Body: "Esihenkilö ja työntekijä."},
		{URL: "/c/", Title: "Sosiaali- ja terveydenhuollon palvelut", Body: "Palvelut hyvinvointialueella."},
	}
	m := manifestOf(t, docs, Options{})
	for _, c := range []struct{ word, want string }{
		{"palaveri", Key("kokous")},          // both ways
		{"kehari", Key("kehityskeskustelu")}, // an abbreviation
		{"esimies", Key("esihenkilo")},       // an old term
		{"sote", Key("sosiaali") + " " + Key("terveydenhuolto")},
	} {
		if got := m.Syn[Key(c.word)]; !slices.Contains(got, c.want) {
			t.Errorf("%s: got %q, want %q among them", c.word, got, c.want)
		}
	}
	// A phrase whose words the index lacks is left out.
	if got := m.Syn[Key("burnout")]; got != nil {
		t.Errorf("burnout: got %q, want nothing (no page has työuupumus)", got)
	}
	// The one-way rules do not lead back.
	if got := m.Syn[Key("kehityskeskustelu")]; slices.Contains(got, Key("kehari")) {
		t.Errorf("kehityskeskustelu leads to kehari: %q", got)
	}

	// A portal's thesaurus drops and adds.
	portal, diags := content.ParseThesaurus("content/sanasto.txt", []byte("- palaveri\nkokoontuminen > kokous\n"))
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	m = manifestOf(t, docs, Options{Thesaurus: portal})
	if got := m.Syn[Key("palaveri")]; got != nil {
		t.Errorf("palaveri after - palaveri: got %q, want nothing", got)
	}
	if got := m.Syn[Key("kokoontuminen")]; !slices.Equal(got, []string{Key("kokous")}) {
		t.Errorf("kokoontuminen: got %q, want [%s]", got, Key("kokous"))
	}
}

// TestPortalThesaurusLeavesDefault checks that a portal's rules, which
// add to and drop from the default table made once per language, change
// only the table of that build.
func TestPortalThesaurusLeavesDefault(t *testing.T) {
	before := thesaurusTable(finnish, nil)
	table := func(src string) synonyms {
		portal, diags := content.ParseThesaurus("sanasto.txt", []byte(src))
		if len(diags) > 0 {
			t.Fatal(diags.Err())
		}
		return thesaurusTable(finnish, portal)
	}
	// Every word of the default thesaurus gets one more phrase in a
	// build, and another in the next build, which must not write into the
	// first's table.
	var a, b strings.Builder
	var words []string
	for _, r := range finnish.DefaultThesaurus().Rules {
		if w := r.Words[0]; len(finnish.phraseKeys(w)) == 1 && !r.Drop && w != "esimies" {
			words = append(words, w)
			fmt.Fprintf(&a, "%s > kokoontuminen\n", w)
			fmt.Fprintf(&b, "%s > istunto\n", w)
		}
	}
	a.WriteString("- esimies\n")
	got := table(a.String())
	table(b.String())
	for _, w := range words {
		if p := got[finnish.phraseKeys(w)[0]]; !slices.ContainsFunc(p, func(x []string) bool { return slices.Equal(x, []string{Key("kokoontuminen")}) }) {
			t.Errorf("%s: got %q, want the portal's kokoontuminen among them", w, p)
		}
	}
	if p := got[Key("esimies")]; len(p) != 0 {
		t.Errorf("esimies: got %q after the portal dropped it", p)
	}
	after := thesaurusTable(finnish, nil)
	for k, v := range before {
		if !slices.EqualFunc(v, after[k], slices.Equal) {
			t.Errorf("%s: the default table changed from %q to %q", k, v, after[k])
		}
	}
	if len(after) != len(before) {
		t.Errorf("the default table has %d words, had %d", len(after), len(before))
	}
}
