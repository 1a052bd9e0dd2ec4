package markdown

import (
	"strings"
	"testing"
)

// TextInto gives Text's bytes, in the caller's buffer when it has room,
// whether the body is kept packed in memory or in a Store.
func TestTextInto(t *testing.T) {
	store, err := NewStore()
	if err != nil {
		t.Skip("no temporary file:", err)
	}
	buf := make([]byte, 0, 1<<16)
	for _, src := range []string{
		"---\ntitle: x\n---\n",
		"---\ntitle: x\n---\n# Otsikko\n\nKappale, jossa on *korostus* ja [linkki](/x/).\n\n- yksi\n- kaksi\n",
		"---\ntitle: x\n---\n" + strings.Repeat("Pitkä kappale tekstiä. ", 2000) + "\n",
	} {
		for _, bodies := range []*Store{nil, store} {
			d, _ := ParseInto("x.md", []byte(src), bodies)
			want := d.Text()
			got := d.TextInto(buf)
			if string(got) != want {
				t.Errorf("TextInto = %q, want %q", got, want)
			}
			if len(got) > 0 && &got[0] != &buf[:1][0] {
				t.Errorf("TextInto did not use the buffer with room for %d bytes", len(got))
			}
		}
	}
	var d *Doc
	if got := d.TextInto(buf); len(got) != 0 {
		t.Errorf("nil Doc's TextInto = %q", got)
	}
}
