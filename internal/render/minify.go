package render

import (
	"html/template"

	"github.com/helminauha/helminauha/internal/output"
)

// MinifyTemplates minifies the theme's templates once, with the same
// tdewolff/minify settings the output stage uses for pages, so that every
// page comes out minified without a minifying pass of its own: on a large
// portal that pass was a fifth of the build. Pages rendered this way are
// marked Minified. Errors are still reported on the templates as written
// (Render runs a failing page again on them). When a template cannot be
// minified and parsed again, the theme keeps rendering from the originals
// and the output stage minifies the pages instead.
func (t *Theme) MinifyTemplates() {
	src := make(map[string]string, len(t.src))
	for name, s := range t.src {
		m, err := output.MinifyTemplate(s)
		if err != nil {
			return
		}
		src[name] = m
	}
	root := template.New("").Funcs(funcs)
	for _, f := range t.shared {
		if _, err := root.New(f).Parse(src[f]); err != nil {
			return
		}
	}
	fast := make(map[string]*template.Template, len(t.pages))
	for kind := range t.pages {
		set, err := root.Clone()
		if err != nil {
			return
		}
		if _, err := set.New(kind + ".html").Parse(src[kind+".html"]); err != nil {
			return
		}
		fast[kind] = set.Lookup("base.html")
	}
	t.fast = fast
}

// withoutFast is the theme rendering from its templates as written.
func (t *Theme) withoutFast() *Theme {
	return &Theme{name: t.name, pages: t.pages, assets: t.assets, static: t.static, src: t.src, shared: t.shared, words: t.words}
}
