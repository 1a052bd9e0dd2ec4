package search

import (
	"encoding/json"
	"slices"
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
