// Package render is the render stage: it turns the site model into the
// bytes of every page, using a theme.
//
// Input: a *Theme (LoadTheme reads a theme folder: templates/*.html,
// assets/*, static/...; Default is the helminauha theme compiled into the
// binary) and a *site.Site. Output: output.File values — one per Job
// (Theme.Jobs lists every page the site has, in a stable order, with the
// documents each page shows, for incremental rebuilds; Theme.JobsToRender
// lists the same pages without them, for a build that renders each page
// once) and the theme's assets with fingerprinted names (Theme.Assets).
//
// # The template lookup rule
//
// There is exactly one rule, and no fallback. templates/base.html is the
// layout every HTML page is rendered through, and templates/_*.html hold
// shared partials ({{define "name"}}); both are parsed into every page's
// template set. Each page kind has exactly one template,
// templates/<kind>.html, which defines {{define "main"}} (the page's
// content) and may define {{define "head"}} (extra elements for <head>).
// The kinds are:
//
//	home        the front page, /
//	area        a theme area, /teemat/<slug>/
//	pearl       a pearl, /helmet/<slug>/
//	case        a case example, /caset/<slug>/
//	guide       the guide's cover and contents, /opas/
//	chapter     a guide chapter, /opas/<slug>/
//	guideprint  the whole guide on one page, /opas/kokonaan/
//	page        a standalone page, /<slug>/
//	term        a tag, kind or audience: /tagit/<x>/, /tyypit/<x>/, /kohderyhmat/<x>/
//	terms       all tags, kinds and audiences, /tagit/ (paged by TagPageSize tags)
//	search      the search page, /haku/
//	necklace    the reader's own necklace, /oma-helminauha/
//	notfound    404.html
//
// A missing template, a template that does not define "main", and a
// template that does not parse or escape are errors (diag.Errors naming
// the template file and line). There is no lookup by section, type or
// layout name and no default for a missing kind.
//
// The feed (feed.xml), sitemap.xml, robots.txt, _headers and the data of
// the reader's necklace (oma-helminauha/helmet/<n>.json, in shards by a
// hash of the slug: NecklaceShards, NecklaceShard) are written by Go
// code, not by templates: they are formats, not design.
//
// # Safety
//
// Pages are rendered with html/template only, so every value from front
// matter or site.yaml is escaped for its context. Markdown bodies are
// passed to templates as template.HTML: the markdown stage drops raw HTML
// and script URLs, so its output is already safe. The layout sends a
// strict Content-Security-Policy in a meta tag; templates therefore hold
// no inline script, no style attribute and no event handler attribute.
// Colours that vary by theme area come from a small stylesheet generated
// per site and appended to assets/style.css, and from SVG presentation
// attributes (fill="#…"), which the policy does not block.
//
// # Templates' data
//
// Every page template gets a *View (see its fields and methods): .Site,
// the node the page is about (.Area, .Pearl, …), .Body (the document as
// HTML), and helpers such as {{.Asset "style.css"}} (the fingerprinted URL
// of a theme asset) and {{.Base}} (the base path, "/" or "/portaali/").
// What every page reads (.Base, .FullTitle, .Canonical, …) is a field:
// html/template calls a method far more slowly than it reads a field.
// Always link with a node's .URL, which carries the base path. A pearl
// page also has .Facts, the pearl's values in plain fields, which
// html/template reads without the allocating search that fields promoted
// from the model's embedded structs cost on every access. List pages of
// more than PageSize pearls are paged: .Pager, and .Groups (area) or
// .Pearls (term) for the page's share.
//
// # Cached partials
//
// A portal may have 10,000 pearls, and html/template spends most of a
// page's time on actions, not bytes. Two kinds of partials are therefore
// rendered once per site and reused, and may use only what their cache
// key covers:
//
//   - chrome: partials printed with {{.Chrome "name"}}, such as
//     "header" and "footer" (the default theme also has "site-head" and
//     "site-script", the parts of <head> that every page shares): once
//     per page kind and, for the pages the header and footer link to, per
//     page. They may use .Site, .Kind, .Base, .OGLocale, .Asset and
//     .Current.
//   - partials printed with {{.Cached "name" pointer}} or {{.CachedEach
//     "name" list}}: once per partial and pointer. They may use only that
//     value. The default theme caches "pearl-card" (a *Card;
//     {{.PearlCards list}} joins the cards of a list of pearls),
//     "case-card", "term-link", and "pearl-crumbs" and "pearl-kicker" (a
//     *Place, what the pearls of one area and kind show alike).
//
// # Compiled templates
//
// The first page of each kind (and the first execution of each cached
// partial) is executed by html/template, which escapes its templates
// then. The escaped templates are then compiled into closures (exec.go)
// that write the same bytes without most of text/template's reflection:
// a pearl page's execution went from 55 to 21 µs. Whatever a program does
// not handle (a map, a value of a type its escapers are not written for,
// an error, a panic) makes it leave the page to html/template from the
// start, so a page's bytes and errors are always html/template's.
//
// Render is safe for concurrent use: templates are parsed once, by
// LoadTheme, and the site model is read-only.
//
// render imports diag, config, site, markdown and output, and the leaf
// package themes (the embedded default theme); nothing above them.
package render
