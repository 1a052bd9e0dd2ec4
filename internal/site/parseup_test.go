package site_test

import (
	"bytes"
	"cmp"
	"testing"

	"github.com/helminauha/helminauha/internal/site"
)

var parseUpSeeds = []struct{ dir, address string }{
	{"helmet", "../helmet/x.md"},
	{"helmet", "../helmet/x.md#otsikko"},
	{"helmet", "../helmet/x.md#"},
	{"helmet", "../helmet/./x.md"},
	{"helmet", "../helmet//x.md"},
	{"helmet", "../helmet/../../x.md"},
	{"helmet", "../../x.md"},
	{"helmet", "../helmet/x.md#a#b"},
	{"helmet", "../helmet/x%20y.md"},
	{"helmet", "../helmet/x y.md"},
	{"helmet", "../helmet/"},
	{"helmet", "../"},
	{"helmet", "../static/kuva.png"},
	{"helmet", "..//x.md"},
	{"opas", "../opas/_index.md#luku-1"},
	{"a/b", "../x.md"},
	{".", "../x.md"},
	{"", "../x.md"},
	{"helmet", "../helmet/x.md?q"},
	{"helmet", "../a:b/x.md"},
	{"helmet", "../helmet/Ä.md"},
}

// TestParseUpAgreesWithURL checks the short way of reading an address
// against url.Parse and path.Clean on the addresses it takes and those
// it must leave to them.
func TestParseUpAgreesWithURL(t *testing.T) {
	taken := 0
	for _, c := range parseUpSeeds {
		got, ok := site.ParseUp(c.dir, c.address)
		if !ok {
			continue
		}
		taken++
		if want := site.ParseURL(c.dir, c.address); got != want {
			t.Errorf("ParseUp(%q, %q) = %s, want %s", c.dir, c.address, got, want)
		}
	}
	if taken < 4 {
		t.Errorf("ParseUp read %d of the seeds, want the plain ones", taken)
	}
}

func FuzzParseUp(f *testing.F) {
	for _, c := range parseUpSeeds {
		f.Add(c.dir, c.address)
	}
	f.Fuzz(func(t *testing.T, dir, address string) {
		if got, ok := site.ParseUp(dir, address); ok {
			if want := site.ParseURL(dir, address); got != want {
				t.Errorf("ParseUp(%q, %q) = %s, want %s", dir, address, got, want)
			}
		}
	})
}

// TestKeyHeadOrdersAsKeys checks that two keys whose heads differ
// compare as their heads do, also when one is shorter than a head or a
// prefix of the other.
func TestKeyHeadOrdersAsKeys(t *testing.T) {
	keys := [][]byte{nil, {0}, {0, 0}, {1}, {0, 1}, []byte("abcdefgh"), []byte("abcdefgh\x00"), []byte("abcdefghi"),
		[]byte("abcdefghijklmnop"), []byte("abcdefghijklmnopq"), []byte("abcdefghijklmnoq"), {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}}
	for _, x := range keys {
		for _, y := range keys {
			hx, hy := site.KeyHead(x), site.KeyHead(y)
			if hx == hy {
				continue
			}
			got := cmp.Or(cmp.Compare(hx[0], hy[0]), cmp.Compare(hx[1], hy[1]))
			if want := bytes.Compare(x, y); got != want {
				t.Errorf("heads of %q and %q compare %d, keys %d", x, y, got, want)
			}
		}
	}
}
