package markdown

import (
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
)

// Meant returns ` (did you mean "x"?)` for the allowed value nearest to
// s, written as it is (in lower case) or as a slug (ä and ö folded), within
// two edits and fewer than the value's own length; or no text when none is
// that near, or the nearest is s itself. It is the suggestion of every
// message about a value from a short fixed list: a front matter key, a
// kind or an audience, a worksheet field's type.
func Meant(s string, allowed []string) diag.Text {
	best := Nearest(s, allowed)
	if best == "" || best == s {
		return diag.Text{}
	}
	return diag.DidYouMean.With(best)
}

// Nearest is the value Meant suggests, or "" (s itself when allowed).
func Nearest(s string, allowed []string) string {
	best, bestD := "", 3
	folded, lower := Slugify(s), strings.ToLower(s)
	for _, a := range allowed {
		if dist := diag.Distance(folded, a); dist < bestD && dist < len(a) {
			best, bestD = a, dist
		}
		if dist := diag.Distance(lower, a); dist < bestD && dist < len(a) {
			best, bestD = a, dist
		}
	}
	return best
}
