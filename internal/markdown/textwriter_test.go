package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// FuzzTextWriter checks textWriter against goldmark's DefaultWriter,
// which it stands for: the same bytes for every text.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{
		"", "tavallinen teksti", "a < b & c > d \"e\"", `\*ei korostusta\*`, "a\\", "\\\\",
		"&amp; &auml; &#228; &#xE4; &#0; &nope; &", "nul\x00nul", "ä\xff\xfe", "\\ \\a \\!",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var got, want htmlWriter
		textWriter{}.Write(&got, src)
		html.DefaultWriter.Write(&want, src)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("Write(%q) = %q, DefaultWriter writes %q", src, got.Bytes(), want.Bytes())
		}
		got.Reset()
		want.Reset()
		textWriter{}.RawWrite(&got, src)
		html.DefaultWriter.RawWrite(&want, src)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("RawWrite(%q) = %q, DefaultWriter writes %q", src, got.Bytes(), want.Bytes())
		}
	})
}
