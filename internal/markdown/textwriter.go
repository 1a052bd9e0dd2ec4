package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's html.DefaultWriter with a shortcut: a text
// that holds no byte the default writer treats specially is written as
// it is, which is what the default writer writes for it, after looking
// at it byte by byte and through a table of pointers. Most of a page's
// text is such, and the default writer's loop was a quarter of
// rendering a body. Any other text goes to the default writer.
type textWriter struct{}

// textSpecial is 1 for the bytes html.DefaultWriter's Write does more
// with than copy: NUL (replaced), the HTML escapes (" & < >), and the
// backslash (an escape). rawSpecial is the same for RawWrite, which
// leaves backslashes alone.
var textSpecial, rawSpecial = func() (t, r [256]bool) {
	for _, c := range []byte("\x00\"&<>") {
		t[c], r[c] = true, true
	}
	t['\\'] = true
	return t, r
}()

// plain tells whether src holds no byte of special.
func plain(src []byte, special *[256]bool) bool {
	for _, c := range src {
		if special[c] {
			return false
		}
	}
	return true
}

func (textWriter) Write(w util.BufWriter, src []byte) {
	if plain(src, &textSpecial) {
		_, _ = w.Write(src)
		return
	}
	html.DefaultWriter.Write(w, src)
}

func (textWriter) RawWrite(w util.BufWriter, src []byte) {
	if plain(src, &rawSpecial) {
		_, _ = w.Write(src)
		return
	}
	html.DefaultWriter.RawWrite(w, src)
}

func (textWriter) SecureWrite(w util.BufWriter, src []byte) {
	html.DefaultWriter.SecureWrite(w, src)
}
