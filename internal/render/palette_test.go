package render

import (
	"testing"

	"github.com/helminauha/helminauha/internal/site"
)

// TestPaletteCarriesWhiteText: each colour an area is given when it names
// none carries the white text the theme writes on it at 4.5:1 or more
// (WCAG 1.4.3), as site.Palette promises, and all are different.
func TestPaletteCarriesWhiteText(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range site.Palette {
		if ratio := 1.05 / (luminance(c) + 0.05); ratio < 4.5 || inkOn(c) != "#ffffff" {
			t.Errorf("the palette's colour %d, %s, has %.2f:1 against white text (ink %s), want 4.5:1 or more", i+1, c, ratio, inkOn(c))
		}
		if seen[c] {
			t.Errorf("the palette has %s twice", c)
		}
		seen[c] = true
	}
}
