// Package content is the load stage: it walks the content folder and turns
// each Markdown file into one typed value (Area, Pearl, Case, Chapter,
// Page), checking everything that can be checked within one file: the
// slug's characters (the README's "Content" section), the required keys
// and their types, the allowed values of kind and audience, and dates in
// the form YYYY-MM-DD.
//
// Input: the content folder as an fs.FS and the prefix under which its
// paths are shown to the editor ("content"). Output: a *Set, and every
// problem found as a diag.List; files are read and parsed in parallel, and
// the list is sorted. Checks that need more than one file (does the theme
// area exist, does a related pearl exist) belong to package site.
//
// content imports diag, config and markdown, and nothing above them.
package content
