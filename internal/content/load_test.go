package content

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/diag"
)

// FuzzLoad feeds any bytes to the loader as a pearl: it must not panic,
// and every problem must point inside the file and be one line in every
// language.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("---\ntitle: X\ntheme: a\nsummary: S\nkind: vinkki\ndate: 2022-06-01\n---\nTeksti.\n"))
	f.Add([]byte("---\ntitle: [X\n---\n"))
	f.Add([]byte("---\ntags: a, b\ndate: 1.6.2022\nkind: vinki\naudience: [x, y]\nrelated: yes\n---\n"))
	f.Add([]byte("\ufeff---\r\ntitle: X\r\n---\r\n"))
	f.Add([]byte("---\nweight: abc\ntitle: {a: b}\n---\n![](x.png)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"helmet/x.md": {Data: data}}
		_, diags := Load(context.Background(), fsys, "content")
		// CRLF and a lone CR end a line too, as in the editor's view.
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n")) + 1
		for _, d := range diags {
			if d.Pos.File != "content/helmet/x.md" {
				t.Errorf("problem in another file: %v", d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Errorf("line %d outside a file of %d lines: %v", d.Pos.Line, lines, d)
			}
			for _, l := range diag.Langs {
				if m := d.Message(l); strings.TrimSpace(m) == "" || strings.Contains(m, "%!") && !bytes.Contains(data, []byte("%!")) || strings.ContainsAny(m, "\n\r") || len(m) > 4000+16*diag.MaxArg {
					t.Errorf("message in %s at %v: %q", l, d.Pos, m)
				}
			}
		}
	})
}

// deniedFS refuses to open one file, as a file without read permission
// does (tests run as root here, where chmod 000 denies nothing).
type deniedFS struct {
	fstest.MapFS
	name string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func (d deniedFS) ReadFile(name string) ([]byte, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadFile(name)
}

func TestUnreadableFileIsReported(t *testing.T) {
	fsys := deniedFS{fstest.MapFS{
		"helmet/a.md": {Data: []byte("---\ntitle: A\n---\n")},
		"helmet/b.md": {Data: []byte("---\ntitle: B\n---\n")},
	}, "helmet/b.md"}
	_, diags := Load(context.Background(), fsys, "content")
	want := "content/helmet/b.md: cannot read the file: permission denied"
	found := false
	for _, d := range diags {
		if d.Error() == want {
			found = true
		}
	}
	if !found {
		t.Errorf("no %q in:\n%v", want, diags.Err())
	}
}

// A file saved as UTF-16 (Notepad's "Unicode"), with a byte-order mark
// or without, is told as such and nothing else: its front matter is there,
// in bytes the parser cannot read, so "the file has no front matter" or
// "byte 0xE4 is not UTF-8" further down would only mislead.
func TestUTF16IsOneProblem(t *testing.T) {
	text := "---\ntitle: Yhteistyö\n---\nTeksti.\n"
	for name, data := range map[string][]byte{
		"UTF-16 LE":               append([]byte{0xff, 0xfe}, utf16(text, false)...),
		"UTF-16 BE":               append([]byte{0xfe, 0xff}, utf16(text, true)...),
		"UTF-16 LE without a BOM": utf16(text, false),
		"UTF-16 BE without a BOM": utf16(text, true),
	} {
		_, diags := Load(context.Background(), fstest.MapFS{"helmet/x.md": {Data: data}}, "content")
		if len(diags) != 1 || diags[0].ID() != "yaml.utf16" || diags[0].Pos.Line != 1 || diags[0].Pos.Col != 1 {
			t.Errorf("%s: got %v, want the one problem that the file is UTF-16, at 1:1", name, diags)
		}
	}
	// A UTF-8 page with zero bytes in it is not UTF-16: its control
	// characters are errors at their places.
	if _, diags := Load(context.Background(), fstest.MapFS{"helmet/x.md": {Data: []byte("---\ntitle: X\n---\nTe\x00ksti.\n")}}, "content"); slices.ContainsFunc(diags, func(d *diag.Error) bool { return d.ID() == "yaml.utf16" }) {
		t.Errorf("a zero byte in UTF-8 text is told as UTF-16: %v", diags)
	}
}

func utf16(s string, bigEndian bool) []byte {
	var b []byte
	for _, r := range s {
		if bigEndian {
			b = append(b, byte(r>>8), byte(r))
		} else {
			b = append(b, byte(r), byte(r>>8))
		}
	}
	return b
}
