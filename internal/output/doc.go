// Package output is the write stage: it turns the build's files into the
// output folder.
//
// Input: a list of File values (rendered pages, search index, theme
// assets, static files to copy). Output: the folder, written next to the
// old one and swapped into place only when every file was written, so a
// failed build leaves the previous public/ exactly as it was. The folder
// a build replaces is kept beside as .public.spare and the next build
// writes into it, so that a rebuild reuses the files (inodes) it can.
// Text files are minified by media type with tdewolff/minify and, on
// request, gzipped beside themselves.
//
// output imports nothing from the project.
package output
