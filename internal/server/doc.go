// Package server is the dev server behind "helminauha serve": it builds
// the portal with drafts shown, serves the last good build from memory,
// watches the content and theme folders, rebuilds on every save and
// reloads the open browser tabs.
//
// Input: the content folder, the themes folder and an address (loopback
// by default). Output: HTTP responses and lines on the terminal; it
// writes no files.
//
// Watching: fsnotify watches each folder of the content and themes trees
// (folders created later are added as they appear). Events are coalesced
// into one rebuild after Options.Quiet of stillness, or after
// Options.MaxWait during a long burst such as a git checkout; the errors
// of a build made during a burst are held back until the folders are
// still, when the next build tells them (see server.hold). Whatever
// way an editor saves (in place, a temp file renamed over, delete and
// recreate) the last event names the file, and a save that arrives
// during a rebuild is always followed by another rebuild. The line
// printed for a rebuild counts a save as one change: a file that came
// and went within the batch (the temporary file of sed -i, vim's backup)
// is not counted. When the kernel
// drops events, everything is rebuilt from scratch. The folders holding
// the content and theme folders are watched too, for those folders'
// names only: when one is deleted and made again or another is renamed
// over it (a git checkout of another branch, a sync tool), the new folder
// is watched, reopened (see liveRoot) and built from scratch; while the
// content folder is missing, that is the build's error.
//
// Rebuilds go through build.Session, which re-parses only the files the
// events named and re-renders only the pages whose inputs changed; since
// the watcher names every change, an edit of known files does not walk
// the content folder again (build.Changes.Exact).
//
// Serving a build under way: the server answers from the start, and a
// request waits until a build can answer it. Once a build has listed its
// files (build.Session.RebuildShowing), it is served and the reload is
// sent, while it renders on: a page it has not rendered yet is rendered
// for the request that asks for it (or waited for, when a worker is
// rendering it), so the first page of a large portal is served as soon as
// the model exists, and after a save the tab's own page comes before the
// lists, the sitemap and the reader's-necklace data. What is served is
// always the build's own bytes, never a page of the build before it. A
// build that fails after it was shown is a build of its own, with a new
// number, so the tabs reload to its errors. The search index is
// built after the pages are served and the reload is sent, once the
// folders have been still for Options.SearchDelay, and swapped in when
// ready (a request for one of its files before the first index is made
// waits for it). It re-analyses only the documents whose text changed
// (search.Indexer), and it waits at each of its pauses while a rebuild
// runs (search.Options.Pause), so a save during it gets every core.
//
// Reloading: every HTML response gets
// <script src="/__helminauha/reload.js" data-gen="N" defer> before
// </body> (an external script, which the theme's CSP script-src 'self'
// allows). It listens to Server-Sent Events on /__helminauha/events: one
// "reload" event per build (sent when the build is shown), carrying the
// build number, and one on
// connecting, so a tab that missed a build while disconnected reloads
// too. The script keeps the scroll position in sessionStorage.
//
// Errors: a failed build keeps the last good site served, prints the
// errors on the terminal, and shows them on every page in an overlay
// (file:line:col: message, escaped) until a good build; the reload is
// sent either way. Content never stops the server. Until a build has
// succeeded there is no site: every page request gets 503 and an error
// page with the overlay, which reloads like any page; other files get the
// errors as text.
//
// Safety: only the built site's files are served, by a lookup in the
// build's list after cleaning the path; requests with "..", encoded dots
// or slashes, backslashes or NUL get 400. A file found answers HEAD and
// Range requests as a static host does. The build reads the content
// through os.Root, so symbolic links out of the content folder are not
// followed. Requests whose Host header is not a loopback name or
// address, the address listened at, or a name in Options.AllowedHosts get
// 403, so a web page cannot read the drafts by pointing its own domain
// name at 127.0.0.1 (DNS rebinding).
//
// server imports build and the packages of the values a build returns
// (diag, output, site); nothing imports server but the command.
package server
