package server

import (
	"bytes"
	"fmt"
	"html"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
)

// ServeHTTP serves the files of the last good build from memory. Only
// those files exist: a request is a lookup in the build's own list after
// the path is cleaned, so no path can reach a file outside the site. A
// folder's path serves its index.html, and an unknown path the site's
// 404.html with status 404. HTML pages get the reload script, and the
// error overlay while the last build failed. Until a build has succeeded
// there is nothing to show but the errors: every page is an error page
// with the overlay, which reloads when they are fixed. Requests naming
// the server by a name it does not know get 403 (see hostCheck).
func (srv *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !srv.hosts.allows(r.Host) {
		srv.hosts.refuse(w, r, srv.opts.Log, srv.current().lang)
		return
	}
	// Checked before the reload paths too: a POST to the events opened a
	// stream that held a connection until serve stopped.
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, diag.ServeMethod.In(srv.current().lang), http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		srv.serveEvents(w, r)
		return
	case scriptPath:
		serveBytes(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
		return
	case stylePath:
		serveBytes(w, r, http.StatusOK, "text/css; charset=utf-8", overlayCSS)
		return
	}
	name, ok := siteName(r)
	if !ok {
		http.Error(w, diag.ServeBadPath.In(srv.current().lang), http.StatusBadRequest)
		return
	}
	for {
		st := srv.current()
		if st.gen > 0 && srv.serveFrom(w, r, name, st) {
			return
		}
		// Nothing built yet, or the build under way cannot tell: the
		// next state will.
		select {
		case <-st.replaced:
		case <-r.Context().Done():
			return
		case <-srv.hub.closed:
			// Shutting down before a build could answer.
			http.Error(w, diag.ServeStopping.In(st.lang), http.StatusServiceUnavailable)
			return
		}
	}
}

// serveFrom answers the request for the file name from the state st;
// false, having written nothing, when st's build under way cannot tell
// what the file is (see state.file).
func (srv *server) serveFrom(w http.ResponseWriter, r *http.Request, name string, st *state) bool {
	if len(st.files) == 0 && st.errs != nil {
		serveNoSite(w, r, name, st)
		return true
	}
	f, found, ok := st.file(name)
	if !ok {
		return false
	}
	if !found && st.search == nil && build.SearchFile(name) {
		// The first search index is made after the first build's pages
		// are served: a search page opened then waits for it, where a
		// 404 had it say that search does not work until reloaded.
		return false
	}
	if !found && name != "" && !strings.HasSuffix(name, "/") && st.has(name+"/index.html") {
		// As a static file server would: a folder's address ends in /.
		target := "/" + name + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return true
	}
	if !found && (name == "" || strings.HasSuffix(name, "/")) {
		if f, found, ok = st.file(name + "index.html"); !ok {
			return false
		}
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		if f, found, ok = st.file("404.html"); !ok {
			return false
		}
		if !found {
			f = output.File{Path: "404.html", Type: "text/html", Data: []byte(notFoundPage(st.lang))}
		}
	}
	typ := contentType(f)
	data := f.Data
	if strings.HasPrefix(typ, "text/html") {
		data = inject(data, st)
	}
	serveBytes(w, r, status, typ, data)
	return true
}

// serveNoSite answers while no build has succeeded. 503, not 500: the
// site is not there yet, and nothing is wrong with the server. A page
// gets the errors and the reload script; another file (a stylesheet, an
// image) the errors as text.
func serveNoSite(w http.ResponseWriter, r *http.Request, name string, st *state) {
	if isPage(r, name) {
		page := inject([]byte(noSitePage(st.lang)), st)
		serveBytes(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", page)
		return
	}
	var b strings.Builder
	b.WriteString(diag.NoSiteTitle.In(st.lang) + ":\n\n")
	for _, e := range st.errs {
		b.WriteString(e.In(st.lang))
		b.WriteByte('\n')
	}
	if st.more > 0 {
		fmt.Fprintln(&b, diag.OverlayMore.In(st.lang, st.more))
	}
	serveBytes(w, r, http.StatusServiceUnavailable, "text/plain; charset=utf-8", []byte(b.String()))
}

// isPage tells whether a request is for a page: a browser asking for
// HTML, or a path a page would have (a folder, .html, no extension).
func isPage(r *http.Request, name string) bool {
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		return true
	}
	base := path.Base("/" + name)
	return name == "" || strings.HasSuffix(name, "/") || path.Ext(base) == "" || path.Ext(base) == ".html"
}

// siteName turns the request's path into the name of a file of the site
// ("helmet/x/index.html", or "helmet/x/" for a folder, "" for the root).
// It refuses paths with "..", backslashes or NUL, decoded or not, rather
// than guessing what they meant.
func siteName(r *http.Request) (string, bool) {
	raw := r.URL.EscapedPath()
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	for _, s := range []string{raw, p} {
		low := strings.ToLower(s)
		if strings.ContainsAny(s, "\x00\\") || strings.Contains(low, "%00") || strings.Contains(low, "%5c") {
			return "", false
		}
		for _, seg := range strings.Split(s, "/") {
			if seg == ".." || strings.EqualFold(seg, "%2e%2e") || strings.EqualFold(seg, ".%2e") || strings.EqualFold(seg, "%2e.") {
				return "", false
			}
		}
	}
	if strings.Contains(strings.ToLower(raw), "%2f") {
		// An encoded slash inside a segment names no file of the site.
		return "", false
	}
	clean := path.Clean(p)
	name := strings.TrimPrefix(clean, "/")
	if name == "." {
		name = ""
	}
	if strings.HasSuffix(p, "/") && name != "" {
		name += "/"
	}
	return name, true
}

func contentType(f output.File) string {
	t := f.Type
	if t == "" {
		t = mime.TypeByExtension(path.Ext(f.Path))
	}
	if t == "" {
		return "application/octet-stream"
	}
	if strings.HasPrefix(t, "text/") || t == "application/json" || t == "application/xml" || t == "image/svg+xml" {
		if !strings.Contains(t, "charset") {
			t += "; charset=utf-8"
		}
	}
	return t
}

// serveBytes answers with data. A file that is there answers a request
// for a range of its bytes too (206), as a static host does: Safari plays
// a video only from a server that does, and a PDF viewer may ask for the
// pages it shows first.
func serveBytes(w http.ResponseWriter, r *http.Request, status int, typ string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", typ)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if status == http.StatusOK {
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the reload script, and the overlay when the last build
// failed, before </body> (or at the end when there is none).
func inject(page []byte, st *state) []byte {
	var b bytes.Buffer
	if st.errs != nil {
		b.WriteString(overlay(st.errs, st.more, len(st.files) > 0, st.lang))
	}
	fmt.Fprintf(&b, `<script src="%s" data-gen="%d" defer></script>`, scriptPath, st.gen)
	at := bytes.LastIndex(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:at]...)
	out = append(out, b.Bytes()...)
	return append(out, page[at:]...)
}

// overlay is the element listing the errors of a failed build. Every
// message is escaped: it quotes the editor's text. good tells whether a
// last good version is what the page under it shows.
func overlay(errs diag.List, more int, good bool, l diag.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<link rel="stylesheet" href="%s">`, stylePath)
	fmt.Fprintf(&b, `<div id="helminauha-overlay" role="alert" lang="%s">`, l)
	fmt.Fprintf(&b, `<button type="button">%s</button>`, html.EscapeString(diag.OverlayClose.In(l)))
	fmt.Fprintf(&b, `<h2>%s</h2>`, html.EscapeString(diag.OverlayHeading.In(l, len(errs)+more)))
	if good {
		fmt.Fprintf(&b, `<p>%s</p><pre>`, html.EscapeString(diag.OverlayGood.In(l)))
	} else {
		fmt.Fprintf(&b, `<p>%s</p><pre>`, html.EscapeString(diag.OverlayNoGood.In(l)))
	}
	for i, e := range errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(html.EscapeString(e.In(l)))
	}
	if more > 0 {
		b.WriteString("\n" + html.EscapeString(diag.OverlayMore.In(l, more)))
	}
	b.WriteString(`</pre></div>`)
	return b.String()
}

// notFoundPage is the answer to an address the site has no page for,
// when the site has no 404.html (a build that failed before writing one).
func notFoundPage(l diag.Lang) string { return plainPage(l, diag.ServeNotFound.In(l), "") }

// noSitePage is what every page is until a build succeeds; inject adds
// the overlay with the errors and the reload script.
func noSitePage(l diag.Lang) string {
	return plainPage(l, diag.NoSiteTitle.In(l), diag.NoSiteText.In(l))
}

// plainPage is a page of the server's own in language l: a title as its
// heading, and text under it when there is any.
func plainPage(l diag.Lang, title, text string) string {
	title = html.EscapeString(title)
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="` + l.String() + `"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>`)
	b.WriteString(title + `</title><body><main><h1>` + title + `</h1>`)
	if text != "" {
		b.WriteString(`<p>` + html.EscapeString(text) + `</p>`)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}
