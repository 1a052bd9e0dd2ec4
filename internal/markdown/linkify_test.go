package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// linkifyCases hold URLs and e-mail addresses where goldmark's Linkify
// finds them and where it does not: after each of its triggers, at a
// line's start, inside emphasis, links and code, with an '@' on the line
// or on the next.
var linkifyCases = []string{
	"Katso www.example.fi ja https://example.fi/a?b=1.",
	"Kirjoita osoitteeseen matti.meikalainen@example.fi tai (maija@example.fi).",
	"matti@example.fi alussa, *matti@example.fi* korostettuna, _a@b.fi_ ja ~a@b.fi~",
	"ei osoitetta @ tässä, eikä tässä: a@b, mutta a@b.c on",
	"rivi ilman\nmatti@example.fi seuraavalla rivillä\n",
	"[linkki a@b.fi](https://example.fi) ja `koodi a@b.fi` ja <a@b.fi>",
	"ftp://example.fi/x, http:/ei, wwwx.fi, www.a.fi.",
	"- kohta a@b.fi\n- kohta www.b.fi\n\n> lainaus c@d.fi\n",
	"| a@b.fi | www.c.fi |\n|---|---|\n| x | e@f.fi |\n",
	"a@b.fi-x ja a@b.fi_ ja .@a.fi ja a.@b.fi ja a@.b.fi",
	"@@@ a@@b.fi\n\n@\n",
	"Sähköposti: äiti@esimerkki.fi, isä@example.fi",
}

func linkifyPair() (ours, theirs goldmark.Markdown) {
	ext := func(l goldmark.Extender) goldmark.Option {
		return goldmark.WithExtensions(extension.Table, extension.Strikethrough, l, extension.TaskList,
			extension.Footnote, extension.DefinitionList, extension.NewTypographer())
	}
	return goldmark.New(ext(linkify{})), goldmark.New(ext(extension.Linkify))
}

func TestLinkifyFindsWhatGoldmarksDoes(t *testing.T) {
	ours, theirs := linkifyPair()
	for _, src := range linkifyCases {
		var a, b bytes.Buffer
		if err := ours.Convert([]byte(src), &a); err != nil {
			t.Fatal(err)
		}
		if err := theirs.Convert([]byte(src), &b); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%q:\nours   %s\ntheirs %s", src, a.String(), b.String())
		}
	}
}

func FuzzLinkify(f *testing.F) {
	for _, s := range linkifyCases {
		f.Add(s)
	}
	ours, theirs := linkifyPair()
	f.Fuzz(func(t *testing.T, src string) {
		var a, b bytes.Buffer
		if ours.Convert([]byte(src), &a) != nil || theirs.Convert([]byte(src), &b) != nil {
			return
		}
		if a.String() != b.String() {
			t.Errorf("%q:\nours   %s\ntheirs %s", src, a.String(), b.String())
		}
	})
}
