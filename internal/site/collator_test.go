package site

import (
	"bytes"
	"slices"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortKeys takes a text without digits to the plain collator and one with
// digits to the numeric one: the order must be the numeric collator's
// alone, which it is only while the two give a text without digits the
// same key.
func TestTwoCollatorsOrderAsTheNumericOne(t *testing.T) {
	texts := []string{"Osa", "Osa 2", "Osa 10", "Osa 1a", "Osaaminen", "osa", "Öljy", "Zeta", "Åland", "Ääni", "aalto",
		"5 vinkkiä", "12 tapaa", "12", "", " ", "Työ- ja hyvinvointi", "Työhyvinvointi", "työ ja hyvinvointi",
		"“Lainaus”", "Sámi: juŋká", "Emoji 🙂", "Ⅻ luku", "٣ arabialaista", "Ｆｕｌｌ", "A/B", "a-b", "x\u0301"}
	numeric := collate.New(language.Finnish, collate.Numeric)
	plain := collate.New(language.Finnish)
	var buf collate.Buffer
	for _, s := range texts {
		buf.Reset()
		n := bytes.Clone(numeric.KeyFromString(&buf, s))
		buf.Reset()
		p := plain.KeyFromString(&buf, s)
		var k sortKeys
		if k.collator(s) == k.col && !bytes.Equal(n, p) {
			t.Errorf("%q: the plain collator's key %x is not the numeric one's %x", s, p, n)
		}
	}
	want := slices.Clone(texts)
	slices.SortStableFunc(want, func(x, y string) int { return numeric.CompareString(x, y) })
	got := slices.Clone(texts)
	var k sortKeys
	slices.SortStableFunc(got, k.compare)
	if !slices.Equal(got, want) {
		t.Errorf("ordered\n%q\nwant\n%q", got, want)
	}
}
