package search

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestInflectionsMeet pins the known cases where the Snowball
// stemmer alone gives one word several stems: every group must share one
// key, and the keys of different groups must differ.
func TestInflectionsMeet(t *testing.T) {
	groups := []struct {
		name  string
		words string
	}{
		{"minen noun", "johtaminen johtamisen johtamista johtamiseen johtamisessa johtamiset johtamisten"},
		{"nt/nn", "hyvinvointi hyvinvoinnin hyvinvointia hyvinvoinnissa hyvinvointiin"},
		{"k/v", "työkyky työkyvyn työkykyä työkyvystä"},
		{"p/v", "tapa tavan tapaa tavat tapoja"},
		{"plain cases", "verkosto verkoston verkostossa verkostojen verkostoissa verkostoja"},
		{"nt/nn short", "kunta kunnan kunnassa kuntien kuntaan"},
		{"tt/t", "tavoite tavoitteen tavoitteet tavoitteita tavoitteiden"},
		{"t/d", "tieto tiedon tietoa tiedot tietojen"},
		{"k/v uku", "luku luvun lukuja"},
		{"inen adjective", "yhteinen yhteisen yhteistä yhteiset yhteisten"},
		{"us noun", "luottamus luottamuksen luottamusta luottamukseen"},
		{"uus noun", "vaikuttavuus vaikuttavuuden vaikuttavuutta"},
		{"short word", "työ työn työtä työssä työhön"},
		{"ht/hd", "lähde lähteen lähteet"},
		{"mp/mm", "lämpö lämmön"},
		{"nk/ng", "kenkä kengän"},
		{"kk/k", "hanke hankkeen hankkeessa hankkeita hankkeiden"},
		{"without ä and ö", "työhyvinvointi tyohyvinvointi TYÖHYVINVOINTI työhyvinvoinnin"},
		{"esihenkilö", "esihenkilö esihenkilön esihenkilöiden esihenkilot"},
	}
	seen := map[string]string{}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			var first string
			for i, w := range strings.Fields(g.words) {
				toks := Analyze(w)
				if len(toks) != 1 {
					t.Fatalf("Analyze(%q) gave %d tokens, want 1", w, len(toks))
				}
				k := toks[0].Term
				if i == 0 {
					first = k
					continue
				}
				if k != first {
					t.Errorf("%s: got key %q, want %q (the key of %s)", w, k, first, strings.Fields(g.words)[0])
				}
			}
			if other, ok := seen[first]; ok {
				t.Errorf("key %q is shared with group %q", first, other)
			}
			seen[first] = g.name
		})
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, in, want string // want: "term/word" tokens, parts marked with ~
	}{
		{"hyphenated word whole and in parts", "sote-organisaatio", "soteorganisaati/soteorganisaatio ~sot/sote ~organisaati/organisaatio"},
		{"folding", "Työhön Ääni", "tyo/tyohon aan/aani"},
		{"decomposed ä", "a\u0308iti", "ait/aiti"},
		{"case ending after colon", "THL:ssä on", "thl/thl"},
		{"stop words and one-letter words left out", "ja se on a B", ""},
		{"punctuation splits", "verkosto, verkostot.(verkostoissa)", "verkost/verkosto verkost/verkostot verkost/verkostoissa"},
		{"numbers", "vuonna 2017–2019", "vuont/vuonna 2017/2017 2019/2019"},
		{"dash is no hyphen", "etä–työ", "eta/eta tyo/tyo"},
		{"markup is text", "<img src=x onerror=alert(1)>", "img/img src/src onerror/onerror alert/alert"},
		{"other scripts", "Москва İstanbul", "москва/москва istanbul/istanbul"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tok := range Analyze(tc.in) {
				s := tok.Term + "/" + tok.Word
				if tok.Part {
					s = "~" + s
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestSplitQuery(t *testing.T) {
	vocab := map[string]bool{}
	for _, tok := range Analyze("verkostojen johtaminen työ ohjaus hyvinvointi kysely etä") {
		vocab[tok.Term] = true
	}
	has := func(k string) bool { return vocab[k] }
	tests := []struct{ in, want string }{
		{"verkostojohtaminen", "verkost johtam"},
		{"verkostojohtamisen", "verkost johtam"},
		{"tyohyvinvointikysely", "tyo hyvinvoint kysel"},
		{"etatyonohjaus", "eta tyo ohja"},
		{"verkosto", ""},
		{"ohjausverkostoxyz", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := strings.Join(SplitQuery(tc.in, has), " "); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// goldenCase is one input of testdata/analysis.golden.json and what
// Analyze makes of it; haku.js must make the same (jstest/analysis.test.mjs).
type goldenCase struct {
	In     string     `json:"in"`
	Tokens [][]string `json:"tokens"` // term, word, "1" for a part
}

type goldenSplit struct {
	Word  string   `json:"w"`
	Parts []string `json:"parts"`
	// Derived holds Derive(Word), when it has any.
	Derived []string `json:"derived,omitempty"`
}

type golden struct {
	Cases  []goldenCase  `json:"cases"`
	Vocab  []string      `json:"vocab"`
	Splits []goldenSplit `json:"splits"`
}

var backEndings = strings.Fields(`- n a ssa sta an lla lta lle ksi na t ja jen issa ista illa ille ineen iin kin kaan han ni si nsa mme nne ko pa`)
var frontEndings = strings.Fields(`- n ä ssä stä än llä ltä lle ksi nä t jä jen issä istä illä ille ineen iin kin kään hän ni si nsä mme nne kö pä`)

// parityInputs returns the inputs of the parity test: words.txt expanded
// with case endings, every tenth of them also decomposed (NFD), random
// strings, the words of the seed documents, each letter of folds, each
// stop word and each word of the default thesaurus.
func parityInputs(t *testing.T) (inputs, bases []string) {
	f, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			inputs = append(inputs, s)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(f))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "+"):
			base := line[1:]
			bases = append(bases, base)
			endings := backEndings
			if !strings.ContainsAny(strings.ToLower(base), "aou") {
				endings = frontEndings
			}
			for _, e := range endings {
				if e == "-" {
					e = ""
				}
				add(base + e)
			}
		default:
			add(line)
		}
	}
	for i, s := range append([]string(nil), inputs...) {
		if i%10 == 0 {
			add(norm.NFD.String(s))
		}
	}
	// Random strings over letters, marks, hyphens, colons, digits and other
	// scripts, to catch where the two tokenisers part.
	r := rand.New(rand.NewSource(7))
	alphabet := []rune("aäöåeiouyktnsmlrvhpdgjbcfwxzqAÄÖKTNS-‐‑:–  .,'\"0123456789\u0308\u0301éüßİΣσςжЖ東京ǅ🙂\u00ad\u200b")
	for i := 0; i < 300; i++ {
		rs := make([]rune, 1+r.Intn(24))
		for j := range rs {
			rs[j] = alphabet[r.Intn(len(alphabet))]
		}
		add(string(rs))
	}
	// Lower-case words of the seed documents (names left out).
	seedWords, err := os.ReadFile("testdata/seedwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range strings.Fields(string(seedWords)) {
		add(w)
	}
	// Each folded letter, small and capital, so that a change to folds
	// that haku.js's FOLDS does not have fails the JS test.
	var folded []rune
	for r := range folds {
		folded = append(folded, r)
	}
	slices.Sort(folded)
	for _, r := range folded {
		add("k" + string(r) + "ku")
		add("K" + string(unicode.ToUpper(r)) + "KU")
	}
	// The pasted text of testdata/pasted.json, and every character that
	// shows as nothing (Unicode's format characters, as Go's tables have
	// them) inside a word: haku.js's \p{Cf} must be the same set.
	for _, c := range pastedCases(t) {
		add(c.Pasted)
	}
	for _, rg := range unicode.Cf.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add("työ" + string(r) + "kyky")
		}
	}
	for _, rg := range unicode.Cf.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add("työ" + string(r) + "kyky")
		}
	}
	// Each stop word, for the same reason.
	for _, w := range slices.Sorted(maps.Keys(finnishStop.words)) {
		add(w)
	}
	// Each word and phrase of the default thesaurus: the index holds the
	// keys Go gives them, and haku.js looks them up with its own.
	for _, r := range DefaultThesaurus().Rules {
		for _, w := range r.Words {
			add(w)
		}
	}
	return inputs, bases
}

func buildGolden(t *testing.T) golden {
	inputs, bases := parityInputs(t)
	return goldenOf(finnish, inputs, bases)
}

// goldenOf returns what the analysis l makes of inputs, splitting each
// word against the keys of bases.
func goldenOf(l *Language, inputs, bases []string) golden {
	var g golden
	vocab := map[string]bool{}
	for _, b := range bases {
		for _, tok := range l.Analyze(b) {
			vocab[tok.Term] = true
		}
	}
	for k := range vocab {
		g.Vocab = append(g.Vocab, k)
	}
	sort.Strings(g.Vocab)
	words := map[string]bool{}
	for _, in := range inputs {
		c := goldenCase{In: in, Tokens: [][]string{}}
		for _, tok := range l.Analyze(in) {
			part := ""
			if tok.Part {
				part = "1"
			}
			c.Tokens = append(c.Tokens, []string{tok.Term, tok.Word, part})
			words[tok.Word] = true
		}
		g.Cases = append(g.Cases, c)
	}
	var ws []string
	for w := range words {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	for _, w := range ws {
		parts := l.SplitQuery(w, func(k string) bool { return vocab[k] })
		if parts == nil {
			parts = []string{}
		}
		g.Splits = append(g.Splits, goldenSplit{Word: w, Parts: parts, Derived: l.Derive(w)})
	}
	return g
}

// svEndings are Swedish endings, inflectional and derivational, that the
// Swedish parity inputs add to each word of the Swedish pages.
var svEndings = strings.Fields(`en et ar er or na s arna erna ens ets ande ade het heten lig ig els ning ningar`)

// swedishParityInputs returns the inputs of the Swedish parity test: the
// words of the default portal's Swedish pages (testdata/words-sv.txt,
// taken from content/sv/ once, so that editing the pages leaves the
// golden file as it is), each also with the
// endings of svEndings and without its last letter, random strings, each
// stop word, each word of the Swedish default thesaurus and each form of
// swedishForms; and the words whose keys the splits are made against (those of the pages).
func swedishParityInputs(t *testing.T) (inputs, bases []string) {
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			inputs = append(inputs, s)
		}
	}
	f, err := os.ReadFile("testdata/words-sv.txt")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, line := range strings.Split(string(f), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			words = append(words, line)
		}
	}
	for _, w := range words {
		add(w)
		bases = append(bases, w)
	}
	// Every sixth word of the pages, in order of first appearance, with
	// the endings.
	distinct := map[string]bool{}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, "-"))
		if distinct[lw] {
			continue
		}
		distinct[lw] = true
		if len(distinct)%6 != 0 {
			continue
		}
		for _, e := range svEndings {
			add(lw + e)
		}
		if rs := []rune(lw); len(rs) > 3 {
			add(string(rs[:len(rs)-1]))
		}
	}
	r := rand.New(rand.NewSource(11))
	alphabet := []rune("aäöåeiouyktnsmlrvhpdgjbcfwxzqAÄÖÅKTNS-:  .,'0123456789\u0308éü")
	for i := 0; i < 300; i++ {
		rs := make([]rune, 1+r.Intn(24))
		for j := range rs {
			rs[j] = alphabet[r.Intn(len(alphabet))]
		}
		add(string(rs))
	}
	for _, c := range pastedCases(t) {
		add(c.Pasted)
	}
	for _, w := range slices.Sorted(maps.Keys(swedishStop.words)) {
		add(w)
	}
	for _, r := range swedish.DefaultThesaurus().Rules {
		for _, w := range r.Words {
			add(w)
		}
	}
	for _, forms := range swedishForms {
		for _, w := range forms {
			add(w)
		}
	}
	return inputs, bases
}

// TestSwedishAnalysisGolden pins the Swedish Analyze, SplitQuery and
// Derive on the words of the Swedish pages and their forms; haku.js is
// checked against the same file by jstest/analysis.test.mjs.
func TestSwedishAnalysisGolden(t *testing.T) {
	inputs, bases := swedishParityInputs(t)
	checkGolden(t, "testdata/analysis-sv.golden.json", goldenOf(swedish, inputs, bases))
}

// TestAnalysisGolden pins Analyze, SplitQuery and Derive on a few
// thousand words.
// haku.js is checked against the same file by jstest/analysis.test.mjs.
func TestAnalysisGolden(t *testing.T) {
	checkGolden(t, "testdata/analysis.golden.json", buildGolden(t))
}

// checkGolden compares g with the golden file path, or writes it with
// -update.
func checkGolden(t *testing.T, path string, g golden) {
	t.Helper()
	if n := len(g.Cases); n < 2000 {
		t.Fatalf("the parity test has %d inputs, want 2000 or more", n)
	}
	got, err := marshalGolden(g)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/search -update)", err)
	}
	var w golden
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		for i := range g.Cases {
			if i < len(w.Cases) && !reflect.DeepEqual(g.Cases[i], w.Cases[i]) {
				t.Errorf("%q: got %q, want %q", g.Cases[i].In, g.Cases[i].Tokens, w.Cases[i].Tokens)
				break
			}
		}
		t.Errorf("%s is out of date; review the change and run go test ./internal/search -update", path)
	}
}

// marshalGolden writes g with one case or split a line, for readable diffs.
func marshalGolden(g golden) ([]byte, error) {
	var b bytes.Buffer
	line := func(v any, last bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(j)
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	b.WriteString("{\"cases\": [\n")
	for i, c := range g.Cases {
		if err := line(c, i == len(g.Cases)-1); err != nil {
			return nil, err
		}
	}
	vocab, err := json.Marshal(g.Vocab)
	if err != nil {
		return nil, err
	}
	b.WriteString("],\n\"vocab\": ")
	b.Write(vocab)
	b.WriteString(",\n\"splits\": [\n")
	for i, s := range g.Splits {
		if err := line(s, i == len(g.Splits)-1); err != nil {
			return nil, err
		}
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// FuzzAnalyze checks that Analyze never panics, is deterministic, and
// gives tokens with non-empty, folded terms.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"sote-organisaatio", "THL:ssä", "Työhön Ääni", "a\u0308iti", "2017–2019", "a-b-c", "x:", "İ", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b := Analyze(s), Analyze(s)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("Analyze(%q) is not deterministic", s)
		}
		for _, tok := range a {
			if tok.Term == "" || tok.Word == "" {
				t.Fatalf("Analyze(%q) gave an empty token %+v", s, tok)
			}
			if strings.ContainsAny(tok.Word, "ÄÖäöå -") {
				t.Fatalf("Analyze(%q) gave an unfolded word %q", s, tok.Word)
			}
		}
	})
}

// pastedCase is one case of testdata/pasted.json: text as pasted from
// Word, a web page or a PDF, and as a reader types it.
type pastedCase struct {
	Name   string `json:"name"`
	Pasted string `json:"pasted"`
	Typed  string `json:"typed"`
}

func pastedCases(t *testing.T) []pastedCase {
	f, err := os.ReadFile("testdata/pasted.json")
	if err != nil {
		t.Fatal(err)
	}
	var cs []pastedCase
	if err := json.Unmarshal(f, &cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestPastedTextIsAnalysedAsTyped: Word's optional hyphen, a web page's
// zero-width space or word joiner, a left-to-right mark and every other
// character that shows as nothing inside a word (markdown.Invisible), and
// a PDF's ligatures, give the words a reader types, in the search's
// analyses, in slugs and in tags' addresses alike: before, a
// left-to-right mark joined a word in a slug and split it in search.
// jstest/analysis.test.mjs runs the same cases (testdata/pasted.json)
// through haku.js, and the golden file holds them, so that the browser's
// analysis of a query splits words where the index did.
func TestPastedTextIsAnalysedAsTyped(t *testing.T) {
	for _, c := range pastedCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			for _, l := range []*Language{finnish, swedish} {
				if got, want := l.Analyze(c.Pasted), l.Analyze(c.Typed); !slices.Equal(got, want) {
					t.Errorf("%s Analyze(%q) = %v, want %v as of %q", l.Code, c.Pasted, got, want, c.Typed)
				}
			}
			if got, want := markdown.Slugify(c.Pasted), markdown.Slugify(c.Typed); got != want {
				t.Errorf("Slugify(%q) = %q, want %q as of %q", c.Pasted, got, want, c.Typed)
			}
			if got, want := site.TagSlug(c.Pasted), site.TagSlug(c.Typed); got != want {
				t.Errorf("TagSlug(%q) = %q, want %q as of %q", c.Pasted, got, want, c.Typed)
			}
		})
	}
}
