package markdown

import (
	"fmt"
	"testing"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v2"
)

// withMeta is goldmark with goldmark-meta as it comes: its Close decodes
// the front matter that ours must decode the same.
var withMeta = goldmark.New(goldmark.WithExtensions(meta.Meta))

// sameAsMeta parses src with our setup and with goldmark-meta's, and
// tells how what frontMatter reads differs from meta.TryGet and
// meta.GetItems: the map (as %#v prints it, which sorts keys and shows a
// NaN as NaN), the error's text, and the number of items, which counts
// only without an error, as frontMatter reads it.
func sameAsMeta(t *testing.T, src []byte) {
	t.Helper()
	pc := parser.NewContext()
	md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	ours, _ := pc.Get(decodedKey).(*yamlMeta)
	if ours == nil {
		ours = &yamlMeta{}
	}
	pc = parser.NewContext()
	withMeta.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	m, err := meta.TryGet(pc)
	theirs := &yamlMeta{m: m, items: len(meta.GetItems(pc)), err: err}
	show := func(d *yamlMeta) string {
		if d.err != nil {
			return "error " + d.err.Error()
		}
		return fmt.Sprintf("%#v, %d items", d.m, d.items)
	}
	if got, want := show(ours), show(theirs); got != want {
		t.Errorf("%q:\n got %s\nwant %s", src, got, want)
	}
}

// metaCases are front matter blocks of each kind decodeMeta tells apart:
// the map built from the list, the map decoded again (keys not text, a
// mapping inside, nothing), goldmark-meta's own Close (alias, tag,
// merge key) and errors of either decode.
var metaCases = []string{
	"title: Hei\nsummary: \"Osa: alku\"\ntags: [a, b]\ndate: 2022-06-01\nweight: 5\ndraft: yes\n",
	"title: Hei\ntitle: Moi\n",
	"1: a\n\"1\": b\n",
	"0x1F: a\n1.0: b\ntrue: c\n~: d\n: e\n2022-06-01: f\n",
	"nested:\n  a: 1\n  a: 2\n",
	"list:\n  - a: 1\n  - [b, {c: d}]\n",
	"a: {[x]: 1}\n",
	"a: {1: x, \"1\": y}\n",
	"a: .nan\nb: [.inf, -0.0, 0o17, 1_000]\n",
	"",
	"# only a comment\n",
	"~\n",
	"null\n",
	"\"~\"\n",
	"'null'\n",
	"\"\"\n",
	"{}\n",
	"[]\n",
	"- a\n- b\n",
	"just text\n",
	"title: \"unclosed\n",
	"a: b\n c: d\n",
	"&x a: *x\n",
	"a: &x [1, 2]\nb: *x\n",
	"base: &b {x: 1}\nc:\n  <<: *b\n  z: 2\n",
	"<<: {x: 1}\nz: 2\n",
	"<<: [{a: 1}, {b: 2}]\nc: 3\n",
	"a: !!binary aGVp\nb: !!str 1\n",
	"a: !!binary x\n",
	"? [a, b]\n: c\n",
	"? a\n: b\n",
	"a: |\n  text\n  more\nb: >\n  folded\n",
	"a: b\n---\nc: d\n",
	"a: b\n...\n",
	"%YAML 1.1\n---\na: 1\n",
}

// TestFrontMatterAsGoldmarkMeta: the front matter is decoded from one
// parse into what goldmark-meta's two Unmarshal calls give.
func TestFrontMatterAsGoldmarkMeta(t *testing.T) {
	for _, c := range metaCases {
		sameAsMeta(t, []byte("---\n"+c+"---\n\nTeksti.\n"))
	}
	// Not closed: goldmark-meta decodes what there is.
	sameAsMeta(t, []byte("---\ntitle: Hei\n"))
}

// TestDecodeMetaOneParse: a block as editors write them is decoded into
// the list only, and the map is built from it; a mapping inside takes a
// second decode.
func TestDecodeMetaOneParse(t *testing.T) {
	for _, c := range []struct {
		block string
		built bool
	}{
		{"title: Hei\ntags: [a, b]\n", true},
		{"title: Hei\nnested: {a: 1}\n", false},
		{"1: a\n", false},
		{"", false},
	} {
		var items yaml.MapSlice
		if err := yaml.Unmarshal([]byte(c.block), &items); err != nil {
			t.Fatal(err)
		}
		if _, built := mapOf(items); built != c.built {
			t.Errorf("%q: built from the list %v, want %v", c.block, built, c.built)
		}
	}
}

// FuzzFrontMatterAsGoldmarkMeta: for any front matter, the map, error and
// item count are goldmark-meta's.
func FuzzFrontMatterAsGoldmarkMeta(f *testing.F) {
	for _, c := range metaCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, block []byte) {
		sameAsMeta(t, append(append([]byte("---\n"), block...), "\n---\n"...))
	})
}

// BenchmarkDecodeMeta is one front matter block decoded as our Close
// does, against goldmark-meta's two Unmarshal calls.
func BenchmarkDecodeMeta(b *testing.B) {
	block := []byte(`title: Yhteinen tavoite verkostossa
theme: verkostotyo
summary: "Verkoston jäsenet sitoutuvat työhön, kun tavoite on yhteinen: näin se sanotaan ääneen."
kind: menetelma
audience: [johto, esihenkilot]
tags: [tavoitteet, verkostot, yhteistyö]
projects: [Verkostoloikka]
date: 2022-06-01
related: [luottamus, roolit]
`)
	b.Run("one", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if d := decodeMeta(block); d.err != nil {
				b.Fatal(d.err)
			}
		}
	})
	b.Run("goldmark-meta", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m, items := map[string]any{}, yaml.MapSlice{}
			if err := yaml.Unmarshal(block, &m); err != nil {
				b.Fatal(err)
			}
			if err := yaml.Unmarshal(block, &items); err != nil {
				b.Fatal(err)
			}
		}
	})
}
