package render

import (
	stdhtml "html"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/helminauha/helminauha/internal/output"
)

// visibleText is what a reader sees of a page: its text, entities
// decoded, with white space folded, and the values of the attributes that
// are read aloud or shown.
func visibleText(page string) string {
	var words []string
	l := html.NewLexer(parse.NewInputString(page))
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return strings.Join(words, " ")
		case html.TextToken:
			words = append(words, strings.Fields(stdhtml.UnescapeString(string(data)))...)
		case html.AttributeToken:
			switch string(l.AttrKey()) {
			case "alt", "aria-label", "title", "content", "href", "value", "placeholder":
				v := strings.Trim(string(l.AttrVal()), `"'`)
				words = append(words, strings.Fields(stdhtml.UnescapeString(v))...)
			}
		}
	}
}

// TestMinifiedTemplatesRenderMinifiedPages checks that pages rendered from
// the theme minified once read exactly like the pages minified one by
// one, and that minifying them again gains next to nothing.
func TestMinifiedTemplatesRenderMinifiedPages(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	plain, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	fast, _ := Default()
	fast.MinifyTemplates()
	if fast.fast == nil {
		t.Fatal("the default theme's templates could not be minified")
	}
	mf := output.NewMinifier()
	pages := 0
	for _, j := range plain.Jobs(s) {
		a, err := plain.Render(s, j)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fast.Render(s, j)
		if err != nil {
			t.Fatal(err)
		}
		if a.Type != "text/html" {
			continue
		}
		pages++
		if !b.Minified {
			t.Errorf("%s is not marked minified", j.Path)
		}
		one, err := mf.Minify(a)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := visibleText(string(b.Data)), visibleText(string(one.Data)); got != want {
			t.Errorf("%s reads differently:\n%s", j.Path, firstDiff(want, got))
		}
		if bad := unclosedShapes(string(b.Data)); len(bad) > 0 {
			t.Errorf("%s: SVG shapes without their end, which a browser nests in one another: %q", j.Path, bad)
		}
		b.Minified = false
		again, _ := mf.Minify(b)
		if gain := len(b.Data) - len(again.Data); gain*100 > len(b.Data)*3 {
			t.Errorf("%s: minifying the page again saves %d of %d bytes", j.Path, gain, len(b.Data))
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
}

var shapeTag = regexp.MustCompile(`<(circle|polygon|path|rect|ellipse|line)\b[^>]*>`)

// unclosedShapes returns the SVG shape tags of page that neither close
// themselves ("/>") nor are followed by their end tag: in HTML, such a
// shape stays open and the next one becomes its (invisible) child.
func unclosedShapes(page string) []string {
	var bad []string
	for _, m := range shapeTag.FindAllStringSubmatchIndex(page, -1) {
		tag, name := page[m[0]:m[1]], page[m[2]:m[3]]
		if strings.HasSuffix(tag, "/>") || strings.HasPrefix(page[m[1]:], "</"+name+">") {
			continue
		}
		bad = append(bad, tag)
	}
	return bad
}
