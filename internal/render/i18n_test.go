package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestLocalizeWritesWordsAsText: a word written into the templates is
// text, escaped for attributes and text alike, and never an action.
func TestLocalizeWritesWordsAsText(t *testing.T) {
	th := &Theme{words: words{text: map[string]map[string]string{
		"fi": {"a": `Sano "hei" <b> & {{.Secret}}`, "b": "Hae"},
		"sv": {"b": "Sök"},
	}}}
	src := map[string]string{"x.html": `<p title="{{$.T "a"}}">{{.T "a"}}</p><button>{{$.T "b"}}</button>{{$.N "pearls" 2}}`}
	for _, c := range []struct{ lang, want string }{
		{"fi", `<p title="Sano &#34;hei&#34; &lt;b&gt; &amp; &#123;&#123;.Secret}}">Sano &#34;hei&#34; &lt;b&gt; &amp; &#123;&#123;.Secret}}</p><button>Hae</button>`},
		// A word the language lacks is the Finnish one (check reports it).
		{"sv", `<p title="Sano &#34;hei&#34; &lt;b&gt; &amp; &#123;&#123;.Secret}}">Sano &#34;hei&#34; &lt;b&gt; &amp; &#123;&#123;.Secret}}</p><button>Sök</button>`},
	} {
		got := th.localize(src, c.lang)["x.html"]
		if !strings.HasPrefix(got, c.want) || !strings.HasSuffix(got, `{{$.N "pearls" 2}}`) {
			t.Errorf("%s:\n got %s\nwant %s{{$.N \"pearls\" 2}}", c.lang, got, c.want)
		}
		tmpl := template.Must(template.New("x").Parse(strings.TrimSuffix(got, `{{$.N "pearls" 2}}`)))
		var b strings.Builder
		if err := tmpl.Execute(&b, map[string]string{"Secret": "LEAK"}); err != nil || strings.Contains(b.String(), "LEAK") {
			t.Errorf("%s: %v %s", c.lang, err, b.String())
		}
	}
}

// TestBuiltInTablesAreWhole: the built-in theme's tables have every word
// its templates, its scripts and the generator use, in each language.
func TestBuiltInTablesAreWhole(t *testing.T) {
	th, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, codes := range [][]string{{"fi", "sv", "en"}, {"sv", "fi"}, {"en", "fi"}} {
		if d := th.CheckLanguages(codes, nil); len(d) > 0 {
			t.Errorf("%v: %v", codes, d)
		}
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		if pages, _ := th.pagesFor(lang); pages == nil || pages["home"] == th.pages["home"] {
			t.Errorf("%s: no templates with its words", lang)
		}
	}
	if d := th.CheckLanguages([]string{"fi", "de"}, nil); len(d) != 1 || !strings.Contains(d[0].Error(), "i18n/de.yaml") {
		t.Errorf("a language without a table: %v", d)
	}
}
