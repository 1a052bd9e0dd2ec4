package markdown

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/yamldoc"
)

// sameKeys checks that KeyLine and ValueAt, which a line scan may answer,
// give for every key of src's front matter (and for keys it lacks) what
// the YAML parse of the block gives, and tells whether the scan answered.
func sameKeys(t *testing.T, src []byte) (scanned bool) {
	t.Helper()
	d, _ := Parse(file, src)
	root, _ := yamldoc.Parse(d.keys.block)
	lines, values := topKeys(root)
	s := d.keys.scan()
	keys := []string{"title", "summary", "tags", "x", ""}
	for k := range lines {
		keys = append(keys, k)
	}
	if s != nil {
		for _, k := range s.keys {
			keys = append(keys, string(s.block[k.key[0]:k.key[1]]))
		}
	}
	for _, key := range keys {
		line, ok := d.KeyLine(key)
		wantLine, wantOK := lines[key]
		if line != wantLine || ok != wantOK {
			t.Errorf("%q: KeyLine(%q) = %d, %v; the parse has %d, %v", src, key, line, ok, wantLine, wantOK)
		}
		at, ok := d.ValueAt(key)
		wantAt, wantOK := values[key]
		if !reflect.DeepEqual(at, wantAt) || ok != wantOK {
			t.Errorf("%q: ValueAt(%q) = %+v, %v; the parse has %+v, %v", src, key, at, ok, wantAt, wantOK)
		}
	}
	return s != nil
}

func frontMatter(block string) []byte { return []byte("---\n" + block + "---\nTeksti.\n") }

func TestKeyScan(t *testing.T) {
	for _, tc := range []struct {
		block string
		scan  bool // the line scan reads the block
	}{
		{"title: Hei\nsummary: Osa yksi\n", true},
		{"title: \"Aika ammattilaisessa\"\ntheme: kehittaminen\nsummary: \"Kumppanissa helpotetaan.\"\nkind: menetelma\n" +
			"audience: [hanketoimijat]\ntags: [\"työhyvinvointi\", \"vuorovaikutus\"]\ndate: 2018-12-16\nrelated: [a-b, c]\n", true},
		{"title:    'It''s ä'   # kommentti\nweight: -3\n", true},
		{"title: \"a \\\" b\"\nsummary: x\n", true},
		{"title:\nsummary: x\n", true},
		{"title:   # ei arvoa\n\n# kommentti\nsummary: x\n", true},
		{"title:\n  # kommentti\nsummary:\n", true},
		{"tags:\n  - a\n  - b\ntitle: x\n", true},
		{"summary: |\n  title: ei avain\n\n  toinen\ntitle: x\n", true},
		{"summary: >-\n  pitkä\n  teksti\ntitle: x\n", true},
		{"summary: monta\n  riviä\n  tekstiä\ntitle: x\n", true},
		{"meta:\n  title: sisällä\ntitle: ulkona\n", true},
		{"links: {a: b, c: [d, e]}\ntitle: x\n", true},
		{"tags: [it's, 'a, b', \"c]\"]\ntitle: x\n", true},
		{"title: http://example.com/a:b\n", true},
		{"1: yksi\ntrue: tosi\n", true},
		{"", true},
		{"# vain kommentti\n", true},
		{"title: x\r\nsummary: y\r\n", true}, // Parse reads the lines without \r
		{"title:\tx\n", false},
		{"  title: x\n  summary: y\n", false},
		{"\"title\": x\n", false},
		{"? title\n: x\n", false},
		{"tags:\n- a\n- b\ntitle: x\n", false},
		{"summary: \"monta\nriviä\"\ntitle: x\n", false},
		{"tags: [a,\ntitle: x]\n", false},
		{"tags: [a, # kommentti\n  b]\ntitle: x\n", false},
		{"title: x\nsummary: y\ntitle: z\n", false}, // twice: the block is parsed at once
		{"title: Hyvä & paha\n", false},             // yamldoc.Suspect
		{"päivä: x\n", false},
		{"title: a: b\n", false},
	} {
		if got := sameKeys(t, frontMatter(tc.block)); got != tc.scan {
			t.Errorf("%q: scanned %v, want %v", tc.block, got, tc.scan)
		}
	}
}

// TestKeyScanPortal: every front matter of the portal in the
// repository is read by the line scan, with the parse's places.
func TestKeyScanPortal(t *testing.T) {
	n, scanned := 0, 0
	err := filepath.WalkDir("../../content", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(name, ".md") {
			return err
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		n++
		if sameKeys(t, src) {
			scanned++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || scanned < n*9/10 {
		t.Errorf("the line scan read %d of %d files", scanned, n)
	}
}

// keyParts are lines a front matter block is made of in
// TestKeyScanMixed: plain ones the scan reads and those it must leave to
// the parse, or must see as part of a value above.
var keyParts = []string{
	"title: Hei", "title: \"Hei\"", "title: 'Hei'", "title:", "title: # k", "title: [a, b]", "title: {a: b}",
	"summary: a b c", "summary: \"a # b\" # c", "summary: 'a''b'", "summary: |", "summary: >", "summary: |-",
	"tags: [\"a\", 'b', c]", "tags: [a, [b, c]]", "tags:", "tags: [a,", "tags: {a: [b,", "tags: \"a", "tags: 'a",
	"weight: 3", "weight: -1", "weight: ~", "date: 2024-01-02", "a-b_c: 1", "x: y:z", "x: -a", "x: ?a", "x: :a",
	"  - a", "  - \"b\"", "  - [c, d]", "- a", "  jatkuu", "  title: sisällä", "  b]", "  c\"", "b]", "c'",
	"# kommentti", "  # kommentti", "", "   ", "title: a: b", "x: \"a\" b", "x: [a] b", "x: 'a'#b", "x: \"\\\"\"",
	"x: \"a\\", "ä: b", "x: ä", "? x", ": y", "\"x\": y", "x:y", "x : y", "x: &a b", "x: *a", "x: !t b", "...",
	"%YAML 1.1", "x: @", "x: `a`", "x: ,a", "x: a,b", "x: [a, 'b]", "x: [a'b, c]", "x: {'a': \"b\"}", "x: - a",
}

// TestKeyScanMixed checks the scan against the parse on blocks of lines
// drawn from keyParts, most of which YAML reads and some it does not.
func TestKeyScanMixed(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 2026))
	scanned := 0
	const runs = 20000
	for range runs {
		lines := make([]string, 1+r.IntN(6))
		for i := range lines {
			lines[i] = keyParts[r.IntN(len(keyParts))]
		}
		if sameKeys(t, frontMatter(strings.Join(lines, "\n")+"\n")) {
			scanned++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("the line scan read %d of %d blocks", scanned, runs)
	if scanned < runs/10 {
		t.Errorf("the line scan read only %d of %d blocks", scanned, runs)
	}
}

// FuzzKeyScan: whatever the front matter, the line scan gives the places
// the parse gives, or leaves them to it.
func FuzzKeyScan(f *testing.F) {
	for _, s := range slices.Concat(keyParts, []string{
		"title: Hei\nsummary: Osa yksi\n", "tags:\n  - a\ntitle: x\n", "summary: |\n  title: y\ntitle: x\n",
		"title: x\ntags: [a, b]\nrelated: [c]\n", "title:\n  # k\nsummary:\n",
	}) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, block []byte) {
		sameKeys(t, frontMatter(string(block)))
	})
}
