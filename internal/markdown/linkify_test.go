package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/helminauha/helminauha/internal/yamldoc"
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

// quietCases are bodies the quiet parser takes (bodyScan.linkify is false
// for them) with what differs in goldmark's tree without linkify: text
// cut at spaces and at the end of each line, after emphasis, links, code
// and images, with one space or two before a line's end, in headings,
// lists, quotes, tables, footnotes, definitions and alt texts.
var quietCases = []string{
	"Yksi kaksi kolme.\nNeljä viisi  \nkuusi seitsemän \nkahdeksan.\n",
	"*korostus* ja **vahva** teksti `koodi ` sana [linkki](a.md) sana ![kuva alt](k.png) loppu\n",
	"# Otsikko kaksi sanaa\n\n## Toinen *otsikko* tässä\n\n- kohta yksi\n  - sisempi kohta\n- [ ] tehtävä kaksi\n",
	"> lainaus rivi\n> toinen rivi  \n> kolmas\n\n| a b | c d |\n|---|:-:|\n| e f | g h |\n",
	"Teksti[^1] ja lisää.\n\n[^1]: Alaviite jossa sanoja.\n\nTermi sana\n: selitys monella sanalla\n",
	"a *b c\nd* e (f g) h\\\ni ~~j k~~ l \"m n\" o -- p... q\n",
	"![kuva kaksi sanaa](x.png) ja `a ` b c\n",
	"    koodi kahdella\n\n```\naita koodi\n```\n  - sisennys\n",
}

// FuzzQuietParser checks that a body parsed without linkify, where
// bodyScan.linkify says it does not matter, comes out as with it: the same
// HTML, text, words, headings, links and problems.
func FuzzQuietParser(f *testing.F) {
	for _, s := range quietCases {
		f.Add(s)
	}
	seeds(f, func(src []byte) { f.Add(string(src)) })
	f.Fuzz(func(t *testing.T, src string) {
		quietMatchesFull(t, quieten(src))
	})
}

// quieten makes src one the quiet parser takes, so that the fuzzer
// spends its time on those: what bodyScan.linkify looks for is written
// otherwise.
func quieten(src string) string {
	src = strings.NewReplacer("@", "a", "\t", "x", "tp:", "tp;", "tps:", "tps;", "www.", "ww.", "&#", "&x").Replace(src)
	b := []byte(src)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == ' ' && b[i+1] == ' ' && b[i-1] != ' ' && b[i-1] != '\n' && !(i+2 < len(b) && b[i+2] == '\n' && b[i-1] != ' ') {
			b[i+1] = 'x'
		}
	}
	return string(b)
}

func TestQuietParser(t *testing.T) {
	for _, src := range quietCases {
		if scanBody([]byte(src)).linkify {
			t.Errorf("scanBody(%q).linkify is true", src)
		}
		quietMatchesFull(t, src)
	}
	for _, src := range []string{"a@b.fi", "http://x", "https://x", "ftp://x", "www.x", "a\tb", "a  b", "a   \nb", "a&#32;b", "a  ", "![a  b](c.png)"} {
		if !scanBody([]byte(src)).linkify {
			t.Errorf("scanBody(%q).linkify is false", src)
		}
	}
}

func quietMatchesFull(t *testing.T, src string) {
	t.Helper()
	if scanBody([]byte(src)).linkify {
		return
	}
	sameOutput(t, src, nil, md.Parser())
}

// sameOutput checks that src parsed with a and with b comes out the same:
// HTML, text, words, headings, links and problems.
func sameOutput(t *testing.T, src string, a, b parser.Parser) {
	t.Helper()
	opts := RenderOptions{
		Rewrite:   func(dest string) string { return "/x/" + dest },
		ImageSize: func(string) (int, int, bool) { return 4, 3, true },
	}
	d1, p1 := parseDocWith(file, []byte(src), nil, a)
	d2, p2 := parseDocWith(file, []byte(src), nil, b)
	if got, want := string(d1.Render(opts)), string(d2.Render(opts)); got != want {
		t.Errorf("%q: HTML\nquiet %s\nfull  %s", src, got, want)
	}
	if got, want := d1.Text(), d2.Text(); got != want {
		t.Errorf("%q: Text\nquiet %q\nfull  %q", src, got, want)
	}
	if d1.Words() != d2.Words() || d1.HasWorksheet() != d2.HasWorksheet() || d1.Refused() != d2.Refused() {
		t.Errorf("%q: words, worksheet or refused differ", src)
	}
	if got, want := sprint([]any{d1.Headings, d1.Links, d1.TitleLinks, d1.Meta}), sprint([]any{d2.Headings, d2.Links, d2.TitleLinks, d2.Meta}); got != want {
		t.Errorf("%q:\nquiet %s\nfull  %s", src, got, want)
	}
	if got, want := sprint(diagStrings(p1.diags)), sprint(diagStrings(p2.diags)); got != want {
		t.Errorf("%q: problems\nquiet %s\nfull  %s", src, got, want)
	}
}

// FuzzScanBody checks scanBody's one pass against the searches it
// stands for, and against yamldoc.InvalidUTF8.
func FuzzScanBody(f *testing.F) {
	for _, s := range quietCases {
		f.Add(s)
	}
	for _, s := range []string{"a@b", "x\ty", "http://a", "ftp:", "https:", "www.", "&#32;", "a  b", "  a\n", "a  \n", "a   \n", "a\x07b", "\u0085 \u00a0", "\xc2", "\xc2a", "ä\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "€\xff", "tp:", "ps:", "ww.", "a--b", "a - b", "...", "..", "a.b.", ">>", "> >", "a@b -- c", "www... >>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScanBody(t, s)
	})
}

// TestScanBodyEveryOffset puts each byte scanBody looks at, and two
// spaces, at every offset of a text longer than the eight bytes it
// passes at once.
func TestScanBodyEveryOffset(t *testing.T) {
	text := "Verkostotyö on yhteistä tekemistä ja oppimista"
	for _, in := range []string{"@", "\t", "http:", "ftp:", "https:", "www.", "&#", "  ", "   ", "  \n", "\n  ", "--", "...", ">>", "-", "..", ">", "\x07", "\x0b", "\x7f", "\u0085", "\u00a0", "\xc3", "\xc2", "\xe2\x82", "\xff", "\xed\xb0\x80", "\n", "\n\x0b", " ", ".", ":", "&"} {
		for i := range len(text) + 1 {
			checkScanBody(t, text[:i]+in+text[i:])
		}
	}
}

func checkScanBody(t *testing.T, s string) {
	t.Helper()
	b := []byte(s)
	scan := scanBody(b)
	ctrl, bad, linkify := scan.ctrl, scan.bad, scan.linkify
	if want := bytes.Contains(b, []byte("--")) || bytes.Contains(b, []byte("...")) || bytes.Contains(b, []byte(">>")); scan.typography != want {
		t.Errorf("scanBody(%q) tells typography %v, want %v", s, scan.typography, want)
	}
	if want := yamldoc.InvalidUTF8(b); bad != want {
		t.Errorf("scanBody(%q) finds bad UTF-8 at %d; yamldoc.InvalidUTF8 at %d", s, bad, want)
	}
	want := bytes.IndexByte(b, '@') >= 0 || bytes.IndexByte(b, '\t') >= 0 || bytes.Contains(b, []byte("tp:")) ||
		bytes.Contains(b, []byte("tps:")) || bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("&#"))
	for _, m := range regexp.MustCompile(` {2,}`).FindAllIndex(b, -1) {
		indent := m[0] == 0 || b[m[0]-1] == '\n'
		lineBreak := m[1]-m[0] == 2 && m[1] < len(b) && b[m[1]] == '\n'
		want = want || !indent && !lineBreak
	}
	wantCtrl := -1
	for i, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			wantCtrl = i
			break
		}
	}
	if linkify != want || utf8.ValidString(s) && ctrl != wantCtrl {
		t.Errorf("scanBody(%q) = %d, %v; want %d, %v", s, ctrl, linkify, wantCtrl, want)
	}
}

// FuzzLinkRefs checks md's parser, with linkRefs, against one with
// goldmark's own LinkReferenceParagraphTransformer.
func FuzzLinkRefs(f *testing.F) {
	for _, s := range []string{
		"[a]: /b\n\n[a] ja [c]\n", "  [a]: /b \"t\"\n[c]: <d>\nteksti [a]\n", "x\n[a]: /b\n", "\\[a]: /b\n[a]\n",
		"> [a]: /b\n> [a]\n", "- [a]: /b\n- [a]\n", "[a]:\n/b\n'otsikko'\n[a]\n", "[ei]\n[a]: /b\n",
	} {
		f.Add(s)
	}
	for _, s := range quietCases {
		f.Add(s)
	}
	seeds(f, func(src []byte) { f.Add(string(src)) })
	theirs := newMarkdown(true, typographer{finnishTypography, "'\"-.,<>"}, parser.LinkReferenceParagraphTransformer).Parser()
	f.Fuzz(func(t *testing.T, src string) {
		sameOutput(t, src, md.Parser(), theirs)
	})
}
