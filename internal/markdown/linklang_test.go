package markdown

import (
	"strings"
	"testing"
)

// TestLinkLangMarksTitleInAnotherLanguage: a link to a page in another
// language gets hreflang, and lang too when its text, tags aside, is that
// page's title (case and runs of white space aside); other links are as
// they were.
func TestLinkLangMarksTitleInAnotherLanguage(t *testing.T) {
	other := func(dest string) (string, string) {
		if strings.HasPrefix(dest, "/fi/") {
			return "fi", "Verkoston tavoitelomake"
		}
		return "", ""
	}
	for _, tc := range []struct{ src, want string }{
		{"[Verkoston tavoitelomake](/fi/x/)", `<a href="/fi/x/" hreflang="fi" lang="fi">Verkoston tavoitelomake</a>`},
		{"[*verkoston*  tavoitelomake](/fi/x/)", `<a href="/fi/x/" hreflang="fi" lang="fi"><em>verkoston</em>  tavoitelomake</a>`},
		{`[den finska blanketten](/fi/x/ "titel")`, `<a href="/fi/x/" title="titel" hreflang="fi">den finska blanketten</a>`},
		{"[Verkoston tavoitelomake](/sv/x/)", `<a href="/sv/x/">Verkoston tavoitelomake</a>`},
		{"[a [Verkoston tavoitelomake](/fi/x/) b](/sv/y/)", `<a href="/fi/x/" hreflang="fi" lang="fi">Verkoston tavoitelomake</a>`},
	} {
		doc, diags := Parse("x.md", []byte("---\ntitle: X\n---\n"+tc.src+"\n"))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if got := string(doc.Render(RenderOptions{LinkLang: other})); !strings.Contains(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}
