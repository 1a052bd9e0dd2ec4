package markdown

import (
	"fmt"
	"testing"
)

// TestMovedTo: a key, a value, an item of a list and a link are followed
// from one version of a file to the next, and a place that is none of
// them, or whose key, item or link is gone, is not.
func TestMovedTo(t *testing.T) {
	const was = "---\ntitle: Dialogi\ntags: [a, b, a]\nrelated: [x]\n---\nKatso [x](/helmet/x/).\n"
	tests := []struct {
		name      string
		now       string
		line, col int
		want      string // "line:col", or "none"
	}{
		{"the first line", "---\n# huom\ntitle: Dialogi\n---\n", 1, 1, "1:1"},
		{"a title under a comment", "---\n# huom\ntitle: Dialogi\ntags: [a, b, a]\nrelated: [x]\n---\nKatso [x](/helmet/x/).\n", 2, 8, "3:8"},
		{"a key's line", "---\n# huom\ntitle: Dialogi\ntags: [a, b, a]\nrelated: [x]\n---\n", 3, 1, "4:1"},
		{"a value after spaces", "---\ntitle:   Dialogi\n---\n", 2, 8, "2:10"},
		{"an item of a block list", "---\ntitle: Dialogi\ntags:\n  - a\n  - b\n  - a\n---\n", 3, 8, "4:5"},
		{"the second item of one text", "---\ntitle: Dialogi\ntags:\n  - a\n  - b\n  - a\n---\n", 3, 14, "6:5"},
		{"a link under a paragraph", "---\ntitle: Dialogi\ntags: [a, b, a]\nrelated: [x]\n---\nAluksi.\n\nKatso [x](/helmet/x/).\n", 6, 7, "8:7"},
		{"a link to another address", "---\ntitle: Dialogi\n---\nKatso [y](/helmet/y/).\n", 6, 7, "none"},
		{"an item no longer there", "---\ntitle: Dialogi\ntags: [a, b, a]\nrelated: [y]\n---\n", 4, 11, "none"},
		{"a key no longer there", "---\ntitle: Dialogi\n---\n", 3, 1, "none"},
		{"a place that is none of them", "---\ntitle: Dialogi\n---\n", 2, 3, "none"},
	}
	d, _ := Parse("a.md", []byte(was))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now, _ := Parse("a.md", []byte(tc.now))
			got := "none"
			if line, col, ok := d.MovedTo(now, tc.line, tc.col); ok {
				got = fmt.Sprintf("%d:%d", line, col)
			}
			if got != tc.want {
				t.Errorf("%d:%d: got %q, want %q", tc.line, tc.col, got, tc.want)
			}
		})
	}
}
