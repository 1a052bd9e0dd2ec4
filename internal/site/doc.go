// Package site is the model stage: it takes the loaded documents and
// builds the portal's read-only graph.
//
// Input: a *config.Config and a *content.Set. Output: a *Site in which
// every reference is resolved to a pointer — a pearl to its theme area,
// its related pearls both ways, the case examples that use it, its
// neighbours within the area; every document has its URL; theme areas and
// guide chapters are in weight order; drafts are left out unless asked
// for; every internal Markdown link is resolved to the URL it must point
// to. Every broken reference is a positioned diag.Error.
//
// URLs: a Node's Path is the site path ("/helmet/x/") that decides where
// the page is written; its URL is the same path under the base URL's path
// ("/portaali/helmet/x/" for https://org.github.io/portaali/), which is
// what pages link to, so the portal works under a subpath.
//
// The model knows every site path the build writes in its language
// (Site.Has): the pages of the documents, every page of a paged list
// (PageSize, PagePath), the generated pages and files, the guide's print
// page when the guide has chapters, and the root's own files (sitemap,
// robots.txt, _headers) in the default language's site alone. The links
// and the static files in the way of a generated file are checked
// against it, so check tells them with every other problem.
//
// The Site is not changed after Build returns, so render may read it from
// many goroutines. site imports diag, config, content and markdown.
package site
