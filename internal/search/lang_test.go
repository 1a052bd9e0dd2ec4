package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
)

// TestSwedishFormsMeet: the forms of one Swedish word have one key, and
// other words keep theirs.
func TestSwedishFormsMeet(t *testing.T) {
	for _, forms := range swedishForms {
		want := swedish.Key(fold(forms[0]))
		for _, f := range forms[1:] {
			if got := swedish.Key(fold(f)); got != want {
				t.Errorf("%s: key %q, want %q (that of %s)", f, got, want, forms[0])
			}
		}
	}
	for _, pair := range [][2]string{
		{"arbete", "arbetsam"}, {"kvalitet", "kval"}, {"planering", "plan"}, {"person", "pers"}, {"förman", "form"},
		{"samspel", "samspl"}, {"spel", "spl"}, {"samarbets", "samarb"}, {"verksamhets", "verksam"}, {"kvalitets", "kval"},
		{"hälsa", "hal"}, {"process", "proces"}, {"stress", "stres"},
		// A participle in -en is cut to its root, not to a preposition.
		{"tillåten", "till"}, {"tillåtet", "till"}, {"överlåten", "över"}, {"uppäten", "upp"},
		{"tillsammans", "tillsam"}, {"tillåtande", "till"},
	} {
		if a, b := swedish.Key(fold(pair[0])), swedish.Key(fold(pair[1])); a == b {
			t.Errorf("%s and %s have one key, %q", pair[0], pair[1], a)
		}
	}
}

// swedishForms are the forms of Swedish words, a list a word, that have
// one key: definite forms (-en, -et, -na, -arna, -erna, -orna, and the
// genitive -ens, -ets, also of a word whose base form Snowball cuts), a
// doubled m before an ending, an -el that drops its e, the neuter -t of
// an adjective. The Swedish parity test gives them to haku.js too.
var swedishForms = [][]string{
	{"möte", "möten", "mötet", "mötena", "mote", "mötets", "mötes"},
	{"fråga", "frågan", "frågor", "frågorna"},
	{"skola", "skolan", "skolor"},
	{"arbete", "arbetet", "arbeten", "arbetena", "arbets", "arbetets"},
	{"nätverk", "nätverket", "nätverken", "nätverks", "natverk", "nätverkets", "nätverkens"},
	{"ledarskap", "ledarskapet", "ledarskapets"},
	{"utveckling", "utvecklingen", "utvecklingar", "utvecklingarna"},
	{"kvalitet", "kvaliteten", "kvaliteter"},
	{"verksamhet", "verksamheten", "verksamheter"},
	{"chef", "chefen", "chefer", "cheferna", "chefens", "chefernas"},
	{"mål", "målet", "målen", "målets"},
	{"belastning", "belastningen", "belastningar"},
	{"team", "teamet", "teamen", "teamets"},
	{"område", "området", "områden", "områdena"},
	{"temaområde", "temaområdet", "temaområden"},
	{"grupp", "gruppen", "grupper", "grupperna", "gruppens"},
	{"ledare", "ledaren", "ledarna", "ledarnas"},
	{"medarbetare", "medarbetaren", "medarbetarna"},
	{"kollega", "kollegan", "kollegor", "kollegorna"},
	{"regel", "regeln", "regler", "reglerna", "regelns"},
	{"spelregel", "spelregeln", "spelregler", "spelreglerna"},
	{"exempel", "exemplet", "exemplen", "exemplets"},
	{"nyckel", "nyckeln", "nycklar", "nycklarna"},
	{"enkel", "enkla"},
	{"gemensam", "gemensamt", "gemensamma"},
	{"viktig", "viktigt", "viktiga"},
	{"möjlig", "möjligt", "möjliga"},
	{"hållbar", "hållbart"},
	{"effektiv", "effektivt", "effektiva"},
	{"hjälpmedel", "hjälpmedlet", "hjälpmedlen"},
	{"rum", "rummet", "rummen"},
	{"mötesrum", "mötesrummet", "mötesrummen"},
	{"program", "programmet", "programmen"},
	{"medlem", "medlemmen", "medlemmar", "medlemmarna"},
	{"timme", "timmen", "timmar"},
	{"samtal", "samtalet", "samtalets", "samtalen"},
	{"ord", "ordet", "ordets", "orden"},
	{"kompetens", "kompetensen", "kompetenser", "kompetensens"},
	{"arbetsplats", "arbetsplatsen", "arbetsplatser", "arbetsplatserna"},
	{"resultat", "resultatet", "resultaten"},
	{"skillnad", "skillnaden", "skillnader"},
	{"verksamhet", "verksamheternas"},
	{"resurs", "resursen", "resurser"},
	{"arbetare", "arbetaren"},
	{"process", "processen", "processer", "processerna"},
	{"fråga", "frågans", "frågornas"},
	{"hälsa", "hälsan", "hälsans"},
	{"sida", "sidan", "sidans", "sidor"},
	{"pärla", "pärlan", "pärlans", "pärlor"},
	{"vecka", "veckan", "veckans"},
	{"miljö", "miljön", "miljöns", "miljöer", "miljöerna"},
	{"sjö", "sjön", "sjöns"},
	{"året", "årets", "åren", "årens"},
	{"tillåta", "tillåter", "tillåten", "tillåtet", "tillåts"},
	{"överlåta", "överlåten", "överlåtet"},
	{"distans", "distansen", "distanser"},
	{"månad", "månaden", "månader", "månaderna"},
	{"spontan", "spontana"},
}

// fold returns the folded form of one word, as the index has it.
func fold(w string) string {
	var b []byte
	for _, r := range w {
		b, _ = foldRune(b, r, 0)
	}
	return string(b)
}

// TestSwedishCompounds: a compound of the Swedish pages is found by its
// parts, the linking -s- included, and a compound query by the words of
// the pages it is made of.
func TestSwedishCompounds(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "Arbetsmiljöarbete på arbetsplatsen", Body: "En god arbetsmiljö är ett arbete för hela miljö."},
		{URL: "/b/", Title: "Nätverksledarskap", Body: "Ledarskap i ett nätverk."},
		{URL: "/c/", Title: "Gemenskap och utvärdering", Body: "Arbetsgemenskapen och hybridmötet, ett möte."},
	}
	v, _, _, _ := analyseDocs(docs, swedish)
	sp := v.splitter(len(v.keys))
	memo := map[string][]string{}
	for _, c := range []struct {
		word string
		want []string // among the keys of its parts
		not  []string
	}{
		{"arbetsmiljoarbete", []string{"arbetsmiljo", "arbet", "miljo"}, nil},
		{"natverksledarskap", []string{"natverk", "ledarskap"}, nil},
		{"arbetsgemenskapen", []string{"arbet", "gemenskap"}, nil},
		{"gemenskap", nil, []string{"gem"}},
	} {
		got := sp.partKeys(c.word, memo)
		for _, k := range c.want {
			if !slices.Contains(got, k) {
				t.Errorf("%s: parts %q, want %q among them", c.word, got, k)
			}
		}
		for _, k := range c.not {
			if slices.Contains(got, k) {
				t.Errorf("%s: parts %q, want no %q", c.word, got, k)
			}
		}
	}
	has := func(k string) bool { return v.keyIDs[k] != 0 || len(v.keys) > 0 && v.keys[0] == k }
	for w, want := range map[string]string{
		"natverksarbete":  "natverk arbet",
		"miljoledarskap":  "miljo ledarskap",
		"ledarskapsmotet": "ledarskap mot",
	} {
		if got := strings.Join(swedish.SplitQuery(w, has), " "); got != want {
			t.Errorf("SplitQuery(%q): %q, want %q", w, got, want)
		}
	}
}

// TestSwedishIndex: an index of Swedish documents says so to haku.js and
// holds the Swedish keys and thesaurus; a Finnish one says nothing.
func TestSwedishIndex(t *testing.T) {
	docs := []Doc{{URL: "/sv/a/", Title: "Teammöte", Body: "Mötet och chefen."}}
	files, err := Build(docs, Options{Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	sv := string(files[0].Data)
	for _, want := range []string{`"lang":"sv"`, `"sammantr":["mot"]`, `"forman":["chef"]`} {
		if !strings.Contains(sv, want) {
			t.Errorf("the Swedish index lacks %s:\n%s", want, sv)
		}
	}
	files, err = Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fi := string(files[0].Data); strings.Contains(fi, `"lang"`) {
		t.Errorf("the Finnish index names its language:\n%s", fi)
	}
}

// TestSwedishDefaultThesaurus holds the Swedish default thesaurus to its
// format, and checks each rule against the Swedish pages of the default
// portal: the pages have what at least one of its words finds.
func TestSwedishDefaultThesaurus(t *testing.T) {
	th, diags := content.ParseThesaurus("sanasto.sv.txt", swedishThesaurusSource)
	if len(diags) > 0 {
		t.Fatalf("sanasto.sv.txt: %v", diags.Err())
	}
	if n := len(th.Rules); n < 50 {
		t.Errorf("the Swedish default thesaurus has %d rules, want 50 or more", n)
	}
	m := manifestOf(t, FromSite(swedishSite(t)), Options{Language: "sv"})
	for _, r := range th.Rules {
		found := false
		for _, w := range r.Words {
			if ks := swedish.phraseKeys(w); len(ks) == 1 && len(m.Syn[ks[0]]) > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("sanasto.sv.txt:%d: %q finds nothing on the Swedish pages", r.Line, strings.Join(r.Words, " "))
		}
	}
}

// TestSwedishDerivation: a verb and its -ing or -ning noun meet, both
// ways; words of three letters that only look alike do not, and so
// neither do "leda" and "ledning", whose key is "led". (A noun of
// four letters or more meets the -ning word of its letters, as a verb
// would: "bild" meets "bildning", which is "bilda"'s.)
func TestSwedishDerivation(t *testing.T) {
	meet := func(a, b string) bool {
		ka, kb := swedish.Key(fold(a)), swedish.Key(fold(b))
		return ka == kb || slices.Contains(swedish.Derive(fold(a)), kb) || slices.Contains(swedish.Derive(fold(b)), ka)
	}
	for _, p := range [][2]string{
		{"utveckla", "utveckling"}, {"utvecklar", "utvecklingen"}, {"ordna", "ordning"}, {"planera", "planering"},
		{"utvärdera", "utvärdering"}, {"utvärderar", "utvärderingar"}, {"förändra", "förändring"},
		{"samordna", "samordning"}, {"handleda", "handledning"}, {"belasta", "belastning"}, {"reflektera", "reflektering"},
	} {
		if !meet(p[0], p[1]) {
			t.Errorf("%s and %s do not meet: keys %q, %q; derived %q, %q", p[0], p[1],
				swedish.Key(fold(p[0])), swedish.Key(fold(p[1])), swedish.Derive(fold(p[0])), swedish.Derive(fold(p[1])))
		}
	}
	for _, p := range [][2]string{
		{"tid", "tidning"}, {"plan", "planering"}, {"mat", "matning"}, {"ord", "ordning"}, {"led", "ledning"},
	} {
		if meet(p[0], p[1]) {
			t.Errorf("%s and %s meet", p[0], p[1])
		}
	}
}
