package build_test

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/helminauha/helminauha/internal/output"
)

// page is what the link checker needs to know of one HTML file.
type page struct {
	ids   map[string]bool
	links []string // href and src values, as written
}

// scan reads the ids and links of an HTML page.
func scan(data []byte) page {
	p := page{ids: map[string]bool{}}
	l := html.NewLexer(parse.NewInputBytes(data))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return p
		case html.AttributeToken:
			key := string(l.AttrKey())
			val := string(bytes.Trim(l.AttrVal(), `"'`))
			switch key {
			case "id":
				p.ids[val] = true
			case "href", "src":
				p.links = append(p.links, htmlUnescape(val))
			}
		}
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&#34;", `"`).Replace(s)
}

// checkLinks serves files as a static host would under basePath
// ("/" or "/portaali/") and returns every internal href or src that does
// not resolve to a file, and every #fragment that names no id on its page.
func checkLinks(files []output.File, basePath string) []string {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	pages := map[string]page{}
	for p, data := range byPath {
		if strings.HasSuffix(p, ".html") {
			pages[p] = scan(data)
		}
	}
	// resolve maps a URL path to the file a static host would answer with.
	resolve := func(urlPath string) (string, bool) {
		rel, ok := strings.CutPrefix(urlPath, basePath)
		if !ok {
			return "", false
		}
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		_, exists := byPath[rel]
		return rel, exists
	}
	var broken []string
	for from, pg := range pages {
		self := "/" + strings.TrimPrefix(basePath, "/") + strings.TrimSuffix(from, "index.html")
		for _, link := range pg.links {
			u, err := url.Parse(link)
			if err != nil {
				broken = append(broken, from+": unparsable "+link)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // another host: not ours to check here
			}
			target := from
			if u.Path != "" {
				abs := u.Path
				if !strings.HasPrefix(abs, "/") {
					abs = path.Join(path.Dir(self), abs)
					if strings.HasSuffix(u.Path, "/") {
						abs += "/"
					}
				}
				rel, ok := resolve(abs)
				if !ok {
					broken = append(broken, from+": "+link)
					continue
				}
				target = rel
			}
			if u.Fragment != "" {
				if tp, ok := pages[target]; ok && !tp.ids[u.Fragment] {
					broken = append(broken, from+": "+link+" (no id "+u.Fragment+")")
				}
			}
		}
	}
	return broken
}
