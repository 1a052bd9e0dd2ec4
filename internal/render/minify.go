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
// and the output stage minifies the pages instead. Each language's
// templates (see localize) are minified the same way.
func (t *Theme) MinifyTemplates() {
	minified := func(src map[string]string) map[string]string {
		out := make(map[string]string, len(src))
		for name, s := range src {
			m, err := output.MinifyTemplate(s)
			if err != nil {
				return nil
			}
			out[name] = m
		}
		return out
	}
	src := minified(t.src)
	if src == nil {
		return
	}
	fast := t.parseSets(src)
	if fast == nil {
		return
	}
	fastLocal := map[string]map[string]*template.Template{}
	for lang := range t.local {
		m := minified(t.localize(t.src, lang))
		if m == nil {
			return
		}
		if fastLocal[lang] = t.parseSets(m); fastLocal[lang] == nil {
			return
		}
	}
	t.fast, t.fastLocal = fast, fastLocal
}

// parseSets parses the theme's template sources src (by file name) into
// one set per page kind, as LoadTheme does, or nil when one fails (the
// sources as written have been checked and reported already).
func (t *Theme) parseSets(src map[string]string) map[string]*template.Template {
	root := template.New("").Funcs(funcs)
	for _, f := range t.shared {
		if _, err := root.New(f).Parse(src[f]); err != nil {
			return nil
		}
	}
	sets := make(map[string]*template.Template, len(t.pages))
	for kind := range t.pages {
		set, err := root.Clone()
		if err != nil {
			return nil
		}
		if _, err := set.New(kind + ".html").Parse(src[kind+".html"]); err != nil {
			return nil
		}
		sets[kind] = set.Lookup("base.html")
	}
	return sets
}

// withoutFast is the theme rendering from its templates as written.
func (t *Theme) withoutFast() *Theme {
	return &Theme{name: t.name, pages: t.pages, assets: t.assets, static: t.static, src: t.src, shared: t.shared, words: t.words, local: t.local}
}
