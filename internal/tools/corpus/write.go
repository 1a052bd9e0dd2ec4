package corpus

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// File is one generated file; Path is slash-separated and relative to the
// folder it is written into.
type File struct {
	Path string
	Data []byte
}

// hugoSkeleton holds the Hugo site's hand-written layouts and its CSS.
//
//go:embed all:hugo
var hugoSkeleton embed.FS

// hugoVaried holds the render hooks only the Varied shape needs (images
// and worksheets).
//
//go:embed all:hugo-varied
var hugoVaried embed.FS

// css is the small stylesheet written into both sites.
//
//go:embed hugo/static/tyyli.css
var css []byte

// Write generates the corpus that opts describe into dir: dir/content in
// our content format and dir/hugo as the equivalent Hugo site.
func Write(dir string, opts Options) (*Corpus, error) {
	c, err := Generate(opts)
	if err != nil {
		return nil, err
	}
	var hugoErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		var hf []File
		if hf, hugoErr = c.HugoFiles(); hugoErr == nil {
			hugoErr = WriteFiles(filepath.Join(dir, "hugo"), hf)
		}
	})
	err = WriteFiles(filepath.Join(dir, "content"), c.ContentFiles())
	wg.Wait()
	if err := errors.Join(err, hugoErr); err != nil {
		return nil, err
	}
	return c, nil
}

// WriteFiles writes files under dir, creating folders, on a few goroutines.
func WriteFiles(dir string, files []File) error {
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[path.Dir(f.Path)] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		next = make(chan File)
	)
	for range min(8, 2*runtime.NumCPU()) {
		wg.Go(func() {
			for f := range next {
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("writing %s: %w", p, err))
					mu.Unlock()
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// frontMatter builds a YAML front matter block key by key; empty values
// are left out, so optional keys appear only when set.
type frontMatter struct{ b bytes.Buffer }

func newFrontMatter() *frontMatter {
	fm := &frontMatter{}
	fm.b.WriteString("---\n")
	return fm
}

func (fm *frontMatter) str(key, val string) *frontMatter {
	if val != "" {
		fmt.Fprintf(&fm.b, "%s: %s\n", key, yamlQuote(val))
	}
	return fm
}

// raw writes val unquoted: slugs, enums, dates and numbers.
func (fm *frontMatter) raw(key, val string) *frontMatter {
	if val != "" {
		fmt.Fprintf(&fm.b, "%s: %s\n", key, val)
	}
	return fm
}

func (fm *frontMatter) list(key string, vals []string, quote bool) *frontMatter {
	if len(vals) == 0 {
		return fm
	}
	fm.b.WriteString(key + ": [")
	for i, v := range vals {
		if i > 0 {
			fm.b.WriteString(", ")
		}
		if quote {
			v = yamlQuote(v)
		}
		fm.b.WriteString(v)
	}
	fm.b.WriteString("]\n")
	return fm
}

// body closes the block and appends the Markdown body.
func (fm *frontMatter) body(md string) []byte {
	fm.b.WriteString("---\n\n")
	fm.b.WriteString(md)
	return fm.b.Bytes()
}

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// ContentFiles renders the corpus in our content format (README, "Content"),
// paths relative to the content folder, in a stable order.
func (c *Corpus) ContentFiles() []File {
	files := make([]File, 0, len(c.Pearls)+len(c.Cases)+32)
	add := func(p string, data []byte) { files = append(files, File{p, data}) }

	var site bytes.Buffer
	fmt.Fprintf(&site, "title: %s\ndescription: %s\nlanguage: %s\nbaseURL: %s\ntheme: %s\n",
		c.Site.Title, yamlQuote(c.Site.Description), c.Site.Language, c.Site.BaseURL, c.Site.Theme)
	if c.Options.Swedish > 0 {
		site.WriteString("languages:\n  sv:\n    title: Helminauha på svenska\n    description: \"Kunskapspärlor för nätverk.\"\n")
	}
	add("site.yaml", site.Bytes())
	for _, a := range c.Areas {
		add("teemat/"+a.Slug+".md", newFrontMatter().str("title", a.Title).
			raw("weight", strconv.Itoa(a.Weight)).str("summary", a.Summary).
			str("color", a.Color).body(a.Body+"\n"))
	}
	for _, p := range c.Pearls {
		add("helmet/"+p.Slug+".md", newFrontMatter().str("title", p.Title).raw("theme", p.Area).
			str("summary", p.Summary).raw("kind", p.Kind).list("audience", p.Audience, false).
			list("tags", p.Tags, true).list("projects", p.Projects, true).raw("date", p.Date).
			raw("updated", p.Updated).list("related", p.Related, false).body(p.Body))
	}
	for _, cs := range c.Cases {
		add("caset/"+cs.Slug+".md", newFrontMatter().str("title", cs.Title).
			str("organization", cs.Organization).str("period", cs.Period).
			list("themes", cs.Themes, false).list("pearls", cs.Pearls, false).
			str("summary", cs.Summary).raw("date", cs.Date).body(cs.Body))
	}
	add("opas/_index.md", newFrontMatter().str("title", c.Guide.Title).
		str("summary", c.Guide.Summary).body(c.Guide.Body))
	for _, ch := range c.Chapters {
		add("opas/"+ch.Slug+".md", newFrontMatter().str("title", ch.Title).
			raw("weight", strconv.Itoa(ch.Weight)).str("summary", ch.Summary).body(ch.Body))
	}
	for _, pg := range c.Pages {
		add("sivut/"+pg.Slug+".md", newFrontMatter().str("title", pg.Title).
			str("summary", pg.Summary).body(pg.Body))
	}
	add("static/tyyli.css", css)
	for _, img := range c.Images {
		add("static/"+img.Path, img.Data)
	}
	return append(files, c.swedishFiles()...)
}

// swedishFiles are the Swedish translations of Options.Swedish percent of
// the pearls, spread over the portal, and of every theme area, under
// sv/: the original's slug, front matter and body (a stand-in for a
// translation: the sizes are what the measurements need), the title
// marked as Swedish, related pearls only among the translated ones.
func (c *Corpus) swedishFiles() []File {
	pct := c.Options.Swedish
	if pct <= 0 {
		return nil
	}
	var files []File
	for _, a := range c.Areas {
		files = append(files, File{"sv/teemat/" + a.Slug + ".md", newFrontMatter().str("title", "På svenska: "+a.Title).
			raw("weight", strconv.Itoa(a.Weight)).str("summary", a.Summary).
			str("color", a.Color).body(a.Body + "\n")})
	}
	translated := func(i int) bool { return i*pct/100 != (i+1)*pct/100 }
	in := map[string]bool{}
	for i, p := range c.Pearls {
		if translated(i) {
			in[p.Slug] = true
		}
	}
	for i, p := range c.Pearls {
		if !translated(i) {
			continue
		}
		var related []string
		for _, r := range p.Related {
			if in[r] {
				related = append(related, r)
			}
		}
		files = append(files, File{"sv/helmet/" + p.Slug + ".md", newFrontMatter().str("title", "På svenska: "+p.Title).raw("theme", p.Area).
			str("summary", p.Summary).raw("kind", p.Kind).list("audience", p.Audience, false).
			list("tags", p.Tags, true).list("projects", p.Projects, true).raw("date", p.Date).
			raw("updated", p.Updated).list("related", related, false).body(p.Body)})
	}
	return files
}

// HugoFiles renders the same corpus as a Hugo site (Hugo 0.111): the same
// Markdown bodies, front matter adapted to Hugo (a pearl's theme area,
// kind, audiences and tags become terms of the taxonomies teemat, tyypit,
// kohderyhmat and tagit, whose term pages stand for ours; updated becomes
// lastmod; theme areas become the terms' _index.md), plus the layouts and
// CSS under internal/corpus/hugo. Paths are relative to the site's root.
func (c *Corpus) HugoFiles() ([]File, error) {
	files := make([]File, 0, len(c.Pearls)+len(c.Cases)+64)
	add := func(p string, data []byte) { files = append(files, File{p, data}) }

	skeleton := func(fsys embed.FS, dir string) error {
		return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fsys.ReadFile(p)
			if err != nil {
				return err
			}
			add(strings.TrimPrefix(p, dir+"/"), data)
			return nil
		})
	}
	if err := skeleton(hugoSkeleton, "hugo"); err != nil {
		return nil, fmt.Errorf("reading the embedded Hugo layouts: %w", err)
	}
	if c.Options.varied() {
		if err := skeleton(hugoVaried, "hugo-varied"); err != nil {
			return nil, fmt.Errorf("reading the embedded Hugo layouts: %w", err)
		}
		for _, img := range c.Images {
			add("static/"+img.Path, img.Data)
		}
	}

	var cfg bytes.Buffer
	fmt.Fprintf(&cfg, hugoConfig, c.Site.BaseURL, c.Site.Language, c.Site.Language,
		yamlQuote(c.Site.Title), yamlQuote(c.Site.Description))
	add("hugo.toml", cfg.Bytes())
	add("content/teemat/_index.md", newFrontMatter().str("title", "Teema-alueet").body(""))
	for _, a := range c.Areas {
		add("content/teemat/"+a.Slug+"/_index.md", newFrontMatter().str("title", a.Title).
			raw("weight", strconv.Itoa(a.Weight)).str("summary", a.Summary).
			str("color", a.Color).body(a.Body+"\n"))
	}
	// Our generator writes no /helmet/ or /caset/ list pages, so Hugo does not either.
	noList := "_build:\n  render: never\n"
	add("content/helmet/_index.md", []byte("---\ntitle: \"Helmet\"\n"+noList+"---\n"))
	add("content/caset/_index.md", []byte("---\ntitle: \"Caset\"\n"+noList+"---\n"))
	// Kinds and audiences are taxonomies in Hugo, as they have term pages
	// in ours (/tyypit/<kind>/, /kohderyhmat/<audience>/); their _index.md
	// gives the terms their Finnish labels.
	for _, k := range kinds {
		add("content/tyypit/"+k+"/_index.md", newFrontMatter().str("title", kindLabels[k]).body(""))
	}
	for _, a := range audiences {
		add("content/kohderyhmat/"+a+"/_index.md", newFrontMatter().str("title", audienceLabels[a]).body(""))
	}
	for _, p := range c.Pearls {
		add("content/helmet/"+p.Slug+".md", newFrontMatter().str("title", p.Title).
			raw("date", p.Date).raw("lastmod", p.Updated).str("summary", p.Summary).
			list("teemat", []string{p.Area}, false).list("tyypit", []string{p.Kind}, false).
			list("kohderyhmat", p.Audience, false).list("tagit", p.Tags, true).
			list("projects", p.Projects, true).list("related", p.Related, false).body(p.Body))
	}
	for _, cs := range c.Cases {
		add("content/caset/"+cs.Slug+".md", newFrontMatter().str("title", cs.Title).
			raw("date", cs.Date).str("summary", cs.Summary).str("organization", cs.Organization).
			str("period", cs.Period).list("themes", cs.Themes, false).
			list("pearls", cs.Pearls, false).body(cs.Body))
	}
	add("content/opas/_index.md", newFrontMatter().str("title", c.Guide.Title).
		str("summary", c.Guide.Summary).body(c.Guide.Body))
	for _, ch := range c.Chapters {
		add("content/opas/"+ch.Slug+".md", newFrontMatter().str("title", ch.Title).
			raw("weight", strconv.Itoa(ch.Weight)).str("summary", ch.Summary).body(ch.Body))
	}
	// sivut/<slug>.md is served at /<slug>/ in our format: a root page in Hugo.
	for _, pg := range c.Pages {
		add("content/"+pg.Slug+".md", newFrontMatter().str("title", pg.Title).
			str("summary", pg.Summary).body(pg.Body))
	}
	return files, nil
}

// hugoConfig is hugo.toml. Outputs are limited to what our generator writes:
// HTML pages, one RSS feed for the home page (50 newest items), the sitemap
// and 404.html.
const hugoConfig = `baseURL = %q
languageCode = %q
defaultContentLanguage = %q
title = %s
enableRobotsTXT = false
disableHugoGeneratorInject = true
# Lists are paged as ours are (render.PageSize), at /x/sivu/2/.
paginate = 60
paginatePath = "sivu"

[params]
description = %s

[taxonomies]
teema = "teemat"
tyyppi = "tyypit"
kohderyhma = "kohderyhmat"
tagi = "tagit"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]

[services.rss]
limit = 50

[markup.goldmark.renderer]
unsafe = false
`
