package render

import (
	"encoding/json"
	"testing"
)

// TestAppendJSONIsEncodingJSON: the necklace data is written by hand, and must
// read as encoding/json would write it.
func TestAppendJSONIsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "Luottamus verkostossa", `"lainaus" ja \ kenoviiva`, "<script>&amp;</script>", "rivi\nrivi\r\tsarkain",
		"\x00\x01\x1f\x7f\b\f", "Äänestys – ööö", "rivinvaihto\u2028kappale\u2029", "rikki \xff\xfe utf-8 \xe2\x82", "😀 emoji", "\u00ad\ufeff",
	} {
		want, _ := json.Marshal(s)
		if got := appendJSON([]byte("x"), s); string(got[1:]) != string(want) || got[0] != 'x' {
			t.Errorf("appendJSON(%q) = %s, want %s", s, got[1:], want)
		}
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("Äänestys <b>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if want, _ := json.Marshal(s); string(appendJSON(nil, s)) != string(want) {
			t.Errorf("appendJSON(%q) = %s, want %s", s, appendJSON(nil, s), want)
		}
	})
}
