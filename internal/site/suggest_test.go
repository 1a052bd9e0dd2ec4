package site

import (
	"fmt"
	"slices"
	"testing"
)

func TestSuggestions(t *testing.T) {
	small := []string{"johtaminen", "verkostotyo", "tyohyvinvointi", "osaaminen"}
	var large []string
	for i := range 5000 {
		large = append(large, fmt.Sprintf("helmi-%04d-aihe", i))
	}
	large = append(large, "luottamus-verkostossa", "yhteinen-tavoite", "dialoginen-johtaminen")
	for _, c := range []struct {
		names      []string
		word, want string
	}{
		{small, "tyohyvinvonti", "tyohyvinvointi"},
		{small, "johtamine", "johtaminen"},
		{small, "talous", ""},
		{large, "luotamus-verkostossa", "luottamus-verkostossa"},  // in the middle
		{large, "kuottamus-verkostossa", "luottamus-verkostossa"}, // at the start
		{large, "yhteinen-tavoit", "yhteinen-tavoite"},            // at the end
		{large, "helmi-0042-aihee", "helmi-0042-aihe"},
		{large, "dialogi", ""},
		// A file renamed by adding or cutting whole words: the links to
		// its old name are told its new one, ahead of a name a few edits off.
		{small, "osaaminen-2024", "osaaminen"},
		{small, "tyo", ""},
		{slices.Concat(small, []string{"johtaminen-verkostossa", "johtaminen-uusi"}), "johtaminen-vanha", "johtaminen"},
		{[]string{"etajohtaminen-uusi", "metaosaaminen"}, "etajohtaminen", "etajohtaminen-uusi"},
		{[]string{"etajohtaminen-uusi", "etajohtaminen-uusin", "etajohtaminen-2"}, "etajohtaminen", "etajohtaminen-2"},
		{[]string{"uusi-etajohtaminen", "metaosaaminen"}, "etajohtaminen", "uusi-etajohtaminen"},
		{[]string{"johtaminen", "johtamisen"}, "johtamisen-tuki", "johtamisen"},
		{[]string{"etajohtaminen", "etajohtamine"}, "etajohtamine-uusi", "etajohtamine"},
		{slices.Concat(large, []string{"etajohtaminen-uusi", "metaosaaminen"}), "etajohtaminen", "etajohtaminen-uusi"},
		{slices.Concat(large, []string{"uusi-etajohtaminen", "metaosaaminen"}), "etajohtaminen", "uusi-etajohtaminen"},
		{slices.Concat(large, []string{"etajohtaminen"}), "etajohtaminen-uusi", "etajohtaminen"},
		{slices.Concat(large, []string{"etajohtaminen"}), "etajohtamine", "etajohtaminen"}, // one typo
		// A name of two letters has no typo to spare, but may be renamed.
		{[]string{"ai-opas", "metaosaaminen"}, "ai", "ai-opas"},
		{slices.Concat(large, []string{"ai-opas"}), "ai", "ai-opas"},
		{[]string{"ai"}, "ai-vanha", "ai"},
	} {
		if got := newSuggester(c.names).nearest(c.word).String(); got != suggestion(c.want) {
			t.Errorf("%d names, %q: got %q, want %q", len(c.names), c.word, got, suggestion(c.want))
		}
	}
}

func suggestion(name string) string {
	if name == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", name)
}

// TestSuggestionWorkIsBounded asks for the nearest name in sets of 1,000
// and 16,000 names as alike as names get; the work per question must not
// grow with the set.
func TestSuggestionWorkIsBounded(t *testing.T) {
	cells := func(n int) int {
		var names []string
		for i := range n {
			names = append(names, fmt.Sprintf("a-%08d-b", i))
		}
		s := newSuggester(names)
		for i := range 100 {
			s.nearest(fmt.Sprintf("a-%08d-c", i*n/100))
		}
		return s.dist.Cells
	}
	if small, large := cells(1000), cells(16000); large > 2*small {
		t.Errorf("%d steps for 1,000 names, %d for 16,000", small, large)
	}
}
