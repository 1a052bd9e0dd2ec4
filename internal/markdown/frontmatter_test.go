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
	// Near what plainMeta decodes itself.
	"title: \"Miten selkeyttää kyselyä?\"\ntheme: osallisuus\naudience: [johto, hanketoimijat]\ntags: [\"kokoukset\", \"yhteistyö\"]\ndate: 2015-08-23\nweight: 14\n",
	"a: [ b , \"c d\" ,e f]\nb: []\nc: [ ]\nd: \"\"\ne: 0\n\nf: 2015-8-23\n",
	"a: 08\nb: 1234567890\nc: 2015-08-23x\nd: [1, 2015-01-01, 3a]\n",
	"a: Yes\nb: [on, Off]\nc: NULL\nd: n\n",
	"yes: a\nOn: b\n",
	"a: b  c\nd: e \nf: [g,]\nh: [i j, [k]]\n",
	"a: \"b\\\"c\"\nd: \"e\" \n",
	"a: b: c\nd: e # f\ng: h#i\n",
	"a: \"\u2028\"\nb: x\u2029y\nc: \ufeff\nd: \u00a0x\ne: \U0001F600\nf: \"\u0085\"\n",
	"a: b\r\nc: d\n",
	"a: \"\tb\"\nc: \td\n",
	"a:  b\nc:d\n d: e\n",
	"a: b\na: c\n",
	"a-b_c: d.e/f\nA9: ä ö\n",
	"a: \"\xff\"\nb: \xc3\n",
	"a: [\"b\", c\n",
	"a: \"b\n",
	"a: b\n- c\n",
	"a: [b]]\n",
	"a: -1\nb: 1-2\nc: 1.5\nd: .5\ne: x1.5e3\n",
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

// TestPlainMeta: a block as the portal's pearls and cases are written is
// decoded without yaml.v2, into what yaml.v2 gives; one with anything
// else in it is left to yaml.v2.
func TestPlainMeta(t *testing.T) {
	for _, c := range []struct {
		block string
		plain bool
	}{
		{"title: \"Miten selkeyttää kyselyä tiedossa?\"\ntheme: osallisuus\nsummary: \"Koordinaattorissa hyödynnetään verkostoa.\"\nkind: tieto\naudience: [johto, hanketoimijat]\ntags: [\"kokoukset\", \"perehdytys\"]\ndate: 2015-08-23\n", true},
		{"title: \"Tapaus\"\nperiod: \"2019–2021\"\npearls: [a-b, c-d]\nthemes: [johtaminen]\nweight: 3\n", true},
		{"title: Hei\n\nrelated: []\n", true},
		{"title: Hei\ndraft: true\n", false},
		{"title: Hei\ntitle: Moi\n", false},
		{"title: 'Hei'\n", false},
		{"title: Hei # huomio\n", false},
		{"tags:\n  - a\n", false},
		{"weight: 07\n", false},
		{"", false},
	} {
		got := plainMeta([]byte(c.block))
		if (got != nil) != c.plain {
			t.Errorf("%q: decoded without yaml.v2 %v, want %v", c.block, got != nil, c.plain)
			continue
		}
		if got == nil {
			continue
		}
		want := map[string]any{}
		if err := yaml.Unmarshal([]byte(c.block), &want); err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprintf("%#v %d", got.m, got.items), fmt.Sprintf("%#v %d", want, len(want)); g != w {
			t.Errorf("%q:\n got %s\nwant %s", c.block, g, w)
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
