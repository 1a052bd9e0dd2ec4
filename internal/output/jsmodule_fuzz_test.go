package output

import (
	"testing"

	"github.com/tdewolff/parse/v2"
	pjs "github.com/tdewolff/parse/v2/js"
)

// No text makes the shortening or the mending of empty lists panic, and
// what either returns still parses. (90 s of fuzzing found nothing.)
func FuzzShortenModuleNames(f *testing.F) {
	f.Add(module)
	for _, src := range moduleCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if out, ok := shortenModuleNames([]byte(src)); ok {
			if _, err := pjs.Parse(parse.NewInputBytes(out), pjs.Options{}); err != nil {
				t.Errorf("%q shortened to %q, which does not parse: %v", src, out, err)
			}
		}
		if _, err := pjs.Parse(parse.NewInputBytes([]byte(src)), pjs.Options{}); err == nil {
			out := emptyListsMended([]byte(src))
			if _, err := pjs.Parse(parse.NewInputBytes(out), pjs.Options{}); err != nil {
				t.Errorf("%q mended to %q, which does not parse: %v", src, out, err)
			}
		}
	})
}
