package render

import (
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

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
	bp := bodyBuffers.Get().(*[]byte)
	v.held = append(v.held, bp)
	b := doc.AppendRender((*bp)[:0], markdown.RenderOptions{
		Done: v.T("task.done"), ToDo: v.T("task.todo"),
		Rewrite:  links.Rewrite,
		LinkLang: v.linkLang,
		ImageSize: func(dest string) (int, int, bool) {
			// The file's own address: a link keeps its query (?v=2).
			dest, _, _ = strings.Cut(dest, "#")
			dest, _, _ = strings.Cut(dest, "?")
			size, ok := s.ImageSizes[dest]
			return size[0], size[1], ok
		},
	})
	*bp = b
	// The buffer is the page's alone until it is rendered (View.release):
	// made a string without a copy, which was a tenth of a page's
	// allocation.
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}

// linkLang is the language and title of the page at address u (a body's
// link, rewritten) when that page is in another language of the portal
// than v's (site.Site.LinkedElsewhere). lang "" for a page of v's own
// language, a static file or a portal of one language.
func (v *View) linkLang(u string) (lang, title string) {
	if v.Site == nil {
		return "", ""
	}
	in, _, title := v.Site.LinkedElsewhere(u)
	if in == nil {
		return "", ""
	}
	return in.Config.Language, title
}

// bodyBuffers are the buffers of the bodies of pages being rendered. A
// body new for every page was half of what rendering allocated, and at
// 100,000 pearls, with a live heap ten times larger, every byte allocated
// costs the collector several times more than at 10,000.
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// release gives back the buffers of the page's bodies once the page is
// written: v.Body and what was made of it without a copy are not to be
// read afterwards.
func (v *View) release() {
	for _, bp := range v.held {
		bodyBuffers.Put(bp)
	}
	v.held = nil
}

func hasWorksheet(doc *markdown.Doc) bool { return doc.HasWorksheet() }

// idAttrs are the attributes of markdown's output that hold ids or
// references to ids (href holds one when it starts with #).
var idAttrs = []string{" id", " for", " aria-describedby", " aria-labelledby", " aria-controls"}

// prefixIDs makes a body's ids unique on a page that holds several bodies
// (the whole guide; oma-helminauha.js does the same in the browser for
// the reader's necklace in print): every id, and every reference to one,
// gets prefix. shift moves headings down that many levels (an h2 of a
// chapter becomes an h3 under the chapter's own h2). HTML has no h7, and
// an h5 and an h6 that both became h6 lost the outline's deepest level
// for a screen reader, so a heading pushed past h6 becomes a div with
// role="heading" and its aria-level, which ARIA allows above 6.
// Attribute values in markdown's output are always double-quoted, and
// text never holds a bare `"` (it is escaped), so one pass that skips
// each value finds them all and nothing in text or code.
func prefixIDs(h template.HTML, prefix string, shift int) template.HTML {
	src := string(h)
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	last := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '<': // "<h2" or "</h2"
			j := i + 1
			if j < len(src) && src[j] == '/' {
				j++
			}
			if j+1 < len(src) && src[j] == 'h' && src[j+1] >= '1' && src[j+1] <= '6' && (j+2 == len(src) || !isWordByte(src[j+2])) {
				level := int(src[j+1]-'0') + shift
				switch {
				case level <= 6:
					b.WriteString(src[last : j+1])
					b.WriteByte(byte('0' + level))
				case j == i+1:
					b.WriteString(src[last:i])
					b.WriteString(`<div role="heading" aria-level="`)
					b.WriteString(strconv.Itoa(level))
					b.WriteByte('"')
				default:
					b.WriteString(src[last:i])
					b.WriteString("</div")
				}
				last = j + 2
				i = j + 1
			}
		case '"': // a value's opening quote, after =
			if i == 0 || src[i-1] != '=' {
				continue
			}
			end := strings.IndexByte(src[i+1:], '"')
			if end < 0 {
				i = len(src)
				continue
			}
			end += i + 1
			name, value := src[:i-1], src[i+1:end]
			switch {
			case strings.HasSuffix(name, " href") && strings.HasPrefix(value, "#"):
				b.WriteString(src[last : i+2])
				b.WriteString(prefix)
				last = i + 2
			case slices.ContainsFunc(idAttrs, func(a string) bool { return strings.HasSuffix(name, a) }):
				b.WriteString(src[last : i+1])
				for k, id := range strings.Fields(value) {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(prefix)
					b.WriteString(id)
				}
				last = end
			}
			i = end
		}
	}
	b.WriteString(src[last:])
	return template.HTML(b.String())
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
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
