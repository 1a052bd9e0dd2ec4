package content

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/diag"
)

func TestParseThesaurus(t *testing.T) {
	src := "# kommentti\n" +
		"kokous = palaveri = tapaaminen\n" +
		"\n" +
		"kehari > kehityskeskustelu, kehityskeskustelut  # arkikieli\n" +
		"sote > sosiaali- ja terveydenhuolto\n" +
		"- palaveri\n"
	th, diags := ParseThesaurus("content/sanasto.txt", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("unexpected problems: %v", diags.Err())
	}
	want := []ThesaurusRule{
		{Line: 2, Equal: true, Words: []string{"kokous", "palaveri", "tapaaminen"}},
		{Line: 4, Words: []string{"kehari", "kehityskeskustelu", "kehityskeskustelut"}},
		{Line: 5, Words: []string{"sote", "sosiaali- ja terveydenhuolto"}},
		{Line: 6, Drop: true, Words: []string{"palaveri"}},
	}
	if !slices.EqualFunc(th.Rules, want, func(a, b ThesaurusRule) bool {
		return a.Line == b.Line && a.Equal == b.Equal && a.Drop == b.Drop && slices.Equal(a.Words, b.Words)
	}) {
		t.Errorf("got %+v\nwant %+v", th.Rules, want)
	}
}

// TestThesaurusMistakesNameTheLine checks that each kind of mistake in a
// portal's sanasto.txt is reported by Load (and so by check) at its line
// and column, in Finnish first.
func TestThesaurusMistakesNameTheLine(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"kokous palaveri", "content/sanasto.txt:2:1: rivi ei ole sanaston muotoa"},
		{"  kokous = palaveri > tapaaminen", "content/sanasto.txt:2:3: rivillä on sekä = että >"},
		{"kokous = ", "content/sanasto.txt:2:1: rivillä on tyhjä kohta"},
		{"kehari > a > b", "content/sanasto.txt:2:1: rivillä saa olla vain yksi >"},
		{"sosiaali- ja terveydenhuolto > sote", "content/sanasto.txt:2:1: > -merkin vasemmalla puolella saa olla vain yksi sana"},
		{"hyvä ilmapiiri = hyvä henki", "content/sanasto.txt:2:1: = -rivillä ainakin yhden puolen on oltava yksi sana"},
		{"- kaksi sanaa", "content/sanasto.txt:2:1: poistorivillä on yksi sana"},
	} {
		fsys := fstest.MapFS{
			"helmet/a.md": {Data: []byte("---\ntitle: A\n---\n")},
			"sanasto.txt": {Data: []byte("kokous = palaveri\n" + c.line + "\n")},
		}
		_, diags := Load(context.Background(), fsys, "content")
		found := false
		for _, d := range diags {
			found = found || strings.HasPrefix(d.In(diag.Finnish), c.want)
		}
		if !found {
			t.Errorf("%q: no problem starting %q in:\n%v", c.line, c.want, diags.Err())
		}
	}
}

func TestThesaurusIsNoStrayFile(t *testing.T) {
	fsys := fstest.MapFS{
		"helmet/a.md": {Data: []byte("---\ntitle: A\n---\n")},
		"sanasto.txt": {Data: []byte("kokous = palaveri\n")},
	}
	set, diags := Load(context.Background(), fsys, "content")
	for _, d := range diags {
		if strings.Contains(d.Pos.File, "sanasto") {
			t.Errorf("problem reported: %v", d)
		}
	}
	if set.Thesaurus == nil || len(set.Thesaurus.Rules) != 1 || set.Thesaurus.File != "content/sanasto.txt" {
		t.Errorf("thesaurus: got %+v", set.Thesaurus)
	}
}

// FuzzParseThesaurus feeds any bytes to the thesaurus parser: it must not
// panic, every problem must point at a line of the file, and every rule
// must hold words that are not empty.
func FuzzParseThesaurus(f *testing.F) {
	f.Add([]byte("kokous = palaveri\nkehari > kehityskeskustelu, kehkes\n- palaveri\n# kommentti\n"))
	f.Add([]byte("a > b > c\n= =\n>\n- \n-x\nsote > sosiaali- ja terveydenhuolto\r\n"))
	f.Add([]byte("\xff\xfe = x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		th, diags := ParseThesaurus("content/sanasto.txt", data)
		lines := strings.Count(string(data), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != "content/sanasto.txt" || d.Pos.Line < 0 || d.Pos.Line > lines {
				t.Errorf("problem outside the file: %v", d)
			}
		}
		for _, r := range th.Rules {
			if r.Line < 1 || r.Line > lines || len(r.Words) == 0 || (!r.Drop && len(r.Words) < 2) {
				t.Errorf("rule %+v", r)
			}
			for _, w := range r.Words {
				if strings.TrimSpace(w) == "" {
					t.Errorf("an empty word in rule %+v", r)
				}
			}
		}
	})
}

// TestLanguageThesaurus: another language's folder may have a thesaurus
// of its own (content/sv/sanasto.txt), which goes to its translation set,
// is no stray file, and has its mistakes reported at its own lines.
func TestLanguageThesaurus(t *testing.T) {
	fsys := fstest.MapFS{
		"helmet/a.md":    {Data: []byte("---\ntitle: A\n---\n")},
		"sanasto.txt":    {Data: []byte("kokous = palaveri\n")},
		"sv/helmet/a.md": {Data: []byte("---\ntitle: A\n---\n")},
		"sv/sanasto.txt": {Data: []byte("möte = sammanträde\nsiktmål mål\n")},
	}
	set, diags := LoadLanguages(context.Background(), fsys, "content", Options{Langs: []string{"sv"}})
	var got []string
	for _, d := range diags {
		if strings.Contains(d.Pos.File, "sanasto") {
			got = append(got, d.In(diag.Finnish))
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/sv/sanasto.txt:2:1: rivi ei ole sanaston muotoa") {
		t.Errorf("problems: got %q, want one at content/sv/sanasto.txt:2:1", got)
	}
	sv := set.Translations["sv"]
	if sv == nil || sv.Thesaurus == nil || len(sv.Thesaurus.Rules) != 1 || sv.Thesaurus.File != "content/sv/sanasto.txt" {
		t.Errorf("the Swedish thesaurus: got %+v", sv)
	}
	if set.Thesaurus == nil || len(set.Thesaurus.Rules) != 1 {
		t.Errorf("the default language's thesaurus: got %+v", set.Thesaurus)
	}
}
