// Package output is the write stage: it turns the build's files into the
// output folder.
//
// Input: a list of File values (rendered pages, search index, theme
// assets, static files to copy). Output: the folder. The folder is the
// generator's: a record inside it (RecordName) lists the files builds
// wrote, and a build replaces or removes those and no others; it refuses
// a folder holding other files (but the kept ones: .git, CNAME,
// .nojekyll, site.yaml's keep) and folders it must never write (Place).
// Changed files are staged beside the folder (".public.new-N", marked as
// the generator's by StagingMark, so that a killed build's leftover is
// removed and a folder of the user's of that name is not) and renamed
// into place one by one only when every file was written, so a failed build leaves the
// previous public/ exactly as it was and the folder is never missing. A
// commit that fails or is stopped half way puts back what it changed;
// when it cannot, its error says the folder may be mixed and names what
// it could not put back.
// Text files are minified by media type with tdewolff/minify (an ES
// module's own top-level names shortened first, which tdewolff leaves;
// a template's actions handed to it as stand-ins, MinifyTemplate) and, on
// request, gzipped beside themselves. Layout finds files that cannot all
// be written (a file where a folder goes, a static x.gz beside a text
// file x).
//
// output imports nothing from the project.
package output
