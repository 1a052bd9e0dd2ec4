package render

import (
	"html/template"
	"sync"

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
	src := minifiedSources(t.src)
	if src == nil {
		return
	}
	if fast := t.parseSets(src); fast != nil {
		t.fast, t.local = fast, &localSets{}
	}
}

// minifiedSources is the template sources minified, or nil if one cannot be.
func minifiedSources(src map[string]string) map[string]string {
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

// localSets are a theme's templates with one language's words in them,
// by language, parsed when first asked for (Theme.pagesFor).
type localSets struct {
	mu   sync.Mutex
	sets map[string]localSet
}

// localSet is one language's pages and, when the theme's templates are
// minified, their minified versions; pages is nil when the language has
// no table of words or its templates would not parse.
type localSet struct {
	pages, fast map[string]*template.Template
}

// pagesFor is the templates a site in lang renders with, as written and
// minified (nil when they are not).
func (t *Theme) pagesFor(lang string) (pages, fast map[string]*template.Template) {
	t.local.mu.Lock()
	defer t.local.mu.Unlock()
	l, ok := t.local.sets[lang]
	if !ok {
		if t.words.table(lang) != nil {
			src := t.localize(t.src, lang)
			if l.pages = t.parseSets(src); l.pages != nil && t.fast != nil {
				if m := minifiedSources(src); m != nil {
					l.fast = t.parseSets(m)
				}
			}
		}
		if t.local.sets == nil {
			t.local.sets = map[string]localSet{}
		}
		t.local.sets[lang] = l
	}
	if l.pages == nil {
		return t.pages, t.fast
	}
	return l.pages, l.fast
}

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
	return &Theme{name: t.name, pages: t.pages, assets: t.assets, static: t.static, src: t.src, shared: t.shared, words: t.words, local: &localSets{}}
}
