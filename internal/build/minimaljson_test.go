package build

import (
	"bytes"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/json"
)

// minimalJSON must say true only of JSON the minifier leaves as it is,
// since the writer then skips the minifier.
func TestMinimalJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{`{"v":1,"n":10217,"docs":[["/helmet/x/","Otsikko","Tiivistelmä"]]}`, true},
		{`[0,-1,12,999,100]`, true},
		{`{"n":10000}`, false}, // written 1e4
		{`[1000]`, false},
		{`[0.5]`, false}, // written .5 with a 0 put back: the same, but not asked
		{`[1.50]`, false},
		{`{"a": 1}`, false},
		{"[1,\n2]", false},
		{`["1000 \" 0.50 {\"a\": 1}","\\"]`, true},
		{`{"s":"\u003cb\u003e 1e3"}`, true},
		{`[true,false,null]`, true},
		{`[]`, true},
	} {
		m := minify.New()
		m.AddFunc("application/json", json.Minify)
		var out bytes.Buffer
		if err := m.Minify("application/json", &out, bytes.NewReader([]byte(tc.in))); err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		got := minimalJSON([]byte(tc.in))
		if got != tc.want {
			t.Errorf("minimalJSON(%s) = %v, want %v", tc.in, got, tc.want)
		}
		if got && out.String() != tc.in {
			t.Errorf("minimalJSON(%s) = true, but the minifier writes %s", tc.in, out.String())
		}
	}
}
