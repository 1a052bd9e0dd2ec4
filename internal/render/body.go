package render

import (
	"html/template"
	"regexp"
	"strings"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
)

// body is a document's body as HTML with its internal links rewritten to
// built URLs. The markdown stage leaves raw HTML and script URLs out, so
// the result is safe to insert as is.
// Images under static/ get their width and height, so the page does not
// shift as they load.
// A task list's boxes are named in the page's language.
func (v *View) body(doc *markdown.Doc, links site.Links) template.HTML {
	if doc == nil {
		return ""
	}
	s := v.Site
	return template.HTML(doc.Render(markdown.RenderOptions{
		Done: v.T("task.done"), ToDo: v.T("task.todo"),
		Rewrite: links.Rewrite,
		ImageSize: func(dest string) (int, int, bool) {
			size, ok := s.ImageSizes[dest]
			return size[0], size[1], ok
		},
	}))
}

func hasWorksheet(doc *markdown.Doc) bool { return doc.HasWorksheet() }

// idAttr matches the attributes of markdown's output that hold ids or
// references to ids. Attribute values in that output are always
// double-quoted, and text never holds a bare `"` (it is escaped), so the
// pattern cannot match inside text or code.
var idAttr = regexp.MustCompile(`( (?:id|for|aria-describedby|aria-labelledby|aria-controls)=")([^"]*)"|( href="#)([^"]*)"|</?h[1-6]\b`)

// prefixIDs makes a body's ids unique on a page that holds several bodies
// (the whole guide): every id, and every reference to one, gets prefix.
// shift moves headings down that many levels (an h2 of a chapter becomes
// an h3 under the chapter's own h2), stopping at h6.
func prefixIDs(h template.HTML, prefix string, shift int) template.HTML {
	s := string(h)
	return template.HTML(idAttr.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case strings.HasPrefix(m, "<"):
			// "<h2" or "</h2": the level is the last byte.
			level := min(int(m[len(m)-1]-'0')+shift, 6)
			return m[:len(m)-1] + string(rune('0'+level))
		case strings.HasPrefix(m, ` href="#`):
			return ` href="#` + prefix + m[len(` href="#`):]
		default:
			eq := strings.IndexByte(m, '"')
			ids := strings.Fields(m[eq+1 : len(m)-1])
			for i := range ids {
				ids[i] = prefix + ids[i]
			}
			return m[:eq+1] + strings.Join(ids, " ") + `"`
		}
	}))
}

// hrefAttr matches a link's destination in markdown's output.
var hrefAttr = regexp.MustCompile(` href="([^"#]*)(#[^"]*)?"`)

// localLinks points links to pages that are also on this page at their
// place on it: local maps a page URL ("/opas/x/") to its anchor here
// ("luku-2"), and a fragment of that page to the same id under the
// anchor's prefix (as prefixIDs gave it).
func localLinks(h template.HTML, local map[string]string) template.HTML {
	return template.HTML(hrefAttr.ReplaceAllStringFunc(string(h), func(m string) string {
		sub := hrefAttr.FindStringSubmatch(m)
		anchor, ok := local[sub[1]]
		if !ok {
			return m
		}
		if frag := strings.TrimPrefix(sub[2], "#"); frag != "" {
			return ` href="#` + anchor + "-" + frag + `"`
		}
		return ` href="#` + anchor + `"`
	}))
}
