package markdown

import "testing"

// TestDestAsWritten: a destination is written bare when CommonMark reads
// it so, in angle brackets otherwise, and either way Parse reads the link
// written with it back as the same destination.
func TestDestAsWritten(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a page", "../helmet/x.md", "../helmet/x.md"},
		{"an escaped #", "/liitteet/opas%20%232.pdf", "/liitteet/opas%20%232.pdf"},
		{"a space", "/liitteet/opas %232.pdf", "</liitteet/opas %232.pdf>"},
		{"a tab", "a\tb.pdf", "<a\tb.pdf>"},
		{"parentheses that pair", "/liitteet/opas (2).pdf", "</liitteet/opas (2).pdf>"},
		{"parentheses that pair without a space", "/liitteet/opas(2).pdf", "/liitteet/opas(2).pdf"},
		{"a parenthesis alone", "/liitteet/opas2).pdf", "</liitteet/opas2).pdf>"},
		{"a first <", "<x.pdf", `<\<x.pdf>`},
		{"a > inside", "a b>.pdf", `<a b\>.pdf>`},
		{"ä and a no-break space", "/liitteet/työ\u00a01.pdf", "/liitteet/työ\u00a01.pdf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := DestAsWritten(tc.in)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			d, _ := Parse("a.md", []byte("[x]("+got+")\n"))
			if len(d.Links) != 1 || d.Links[0].Dest != tc.in {
				t.Errorf("[x](%s) is read as the links %+v, want one to %q", got, d.Links, tc.in)
			}
		})
	}
}
