package output

// File is one file of the built site.
type File struct {
	// Path is relative to the output folder, with '/' separators and no
	// leading slash: "helmet/x/index.html".
	Path string
	Data []byte
	// Type is the media type ("text/html", "text/css", …); files whose
	// type minify knows are minified when minification is on. Empty means
	// "write as is".
	Type string
	// Minified says the data is minified already (pages rendered from
	// minified templates), so the writer leaves it as it is.
	Minified bool
	// Source is the content file it is a copy of ("content/static/x.pdf"),
	// for messages; empty for the pages and files the portal generates.
	Source string
}
