// Package markdown is the Markdown stage of the build: it reads one
// content file and hands the later stages everything they need of it.
//
// Input: the bytes of one file and its path relative to the site root.
// Output: a Doc with the decoded front matter (and the line of each
// top-level key), the headings with their ids, the links and images with
// their positions, and the body as HTML (with destinations rewritten by
// the caller, on every Render) and as plain text for search. The syntax
// tree lives only inside Parse: the body is kept rendered, with holes
// where destinations go, which takes a tenth of the tree's memory; it and
// the text are kept packed, in memory or, with ParseInto, in a Store (a
// temporary file, for a build that keeps nothing). Problems come back
// as a diag.List with file:line:col positions (columns in runes).
//
// There is one goldmark setup, built once (and its parser without
// linkify, for the bodies where that changes nothing): goldmark-meta for the front
// matter, GFM (tables, strikethrough, autolinks, task lists), footnotes,
// definition lists, Finnish typography (”näin”, ’näin’, »näin»), and
// heading ids made from the heading text with Slugify, unique in the page
// (tyohyvinvointi, tyohyvinvointi-1, …). Raw HTML is never passed through,
// and javascript:, vbscript: and data: destinations are never emitted.
// Images are lazy (loading="lazy", decoding="async", and width and height
// when RenderOptions.ImageSize knows them) and must have alt text. A fenced
// block ```tyopohja holds a worksheet in YAML and renders as an accessible
// form; the theme's script is written against that markup (worksheet.go).
//
// Errors: invalid UTF-8, front matter not closed, not YAML or not a
// mapping, a front matter key written twice, an image without alt text, a
// malformed worksheet. Warnings: a skipped heading level (or a # heading in
// the body, where the page title is the h1), a dropped script URL, raw
// HTML left out (not a closing tag or a comment).
//
// Byte-order marks and CRLF line endings are accepted as they are. YAML
// reports lines relative to the front matter block; Parse adds the offset
// so that every position is a line in the file.
//
// markdown imports only diag from the project: it knows nothing of pages,
// URLs or the site, which is why link resolution is a callback.
package markdown
