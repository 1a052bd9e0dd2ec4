package search

import (
	"time"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/site"
)

// FromSite returns the documents of the portal to index: the theme
// areas, pearls, case examples, the guide's cover and chapters, and the
// standalone pages, in that order (areas by weight, so the index lists
// them on the necklace's order).
//
// Their Body is left empty and each document's text is read from the model
// only when it is analysed: a portal's texts unpacked all at once would
// hold as much memory as the packed bodies of the whole portal.
func FromSite(s *site.Site) []Doc {
	return fromSite(s, nil)
}

// fromSite is FromSite with the function that gives a document's text
// for its Body, or nil for none (the text is read when needed).
func fromSite(s *site.Site, text func(*markdown.Doc) string) []Doc {
	body := func(d *markdown.Doc) string {
		if text == nil {
			return ""
		}
		return text(d)
	}
	// The documents are counted first: at 100,000 pearls, growing the
	// list (224 bytes a document) as they came copied it over and over,
	// under the collector's write barriers: 0.2 s of CPU in a profile.
	var docs []Doc
	if n := len(s.Areas) + len(s.Pearls) + len(s.Cases) + len(s.Pages); n > 0 {
		if s.Guide != nil {
			n += 1 + len(s.Guide.Chapters)
		}
		docs = make([]Doc, 0, n)
	}
	for _, a := range s.Areas {
		docs = append(docs, Doc{
			URL: a.URL, Title: a.Title, Summary: a.Summary,
			Headings: headings(a.Doc), Body: body(a.Doc), from: a.Doc,
			Area: a.Slug, AreaTitle: a.Title, Type: "teema",
		})
	}
	for _, p := range s.Pearls {
		d := Doc{
			URL: p.URL, Title: p.Title, Summary: p.Summary,
			Headings: headings(p.Doc), Body: body(p.Doc), from: p.Doc,
			Kind: p.Pearl.Kind, Type: "helmi",
			Audience: p.Pearl.Audience, Date: date(p.Pearl.Date),
		}
		if p.Area != nil {
			d.Area, d.AreaTitle = p.Area.Slug, p.Area.Title
		}
		if n := len(p.Tags) + len(p.Projects); n > 0 {
			d.Tags = make([]string, 0, n)
		}
		for _, t := range p.Tags {
			d.Tags = append(d.Tags, t.Label)
		}
		d.Tags = append(d.Tags, p.Projects...)
		docs = append(docs, d)
	}
	for _, c := range s.Cases {
		d := Doc{
			URL: c.URL, Title: c.Title, Summary: c.Summary,
			Headings: headings(c.Doc), Body: body(c.Doc), from: c.Doc,
			Tags: []string{c.Organization}, Type: "case", Date: date(c.Case.Date),
		}
		if len(c.Areas) > 0 {
			d.Area, d.AreaTitle = c.Areas[0].Slug, c.Areas[0].Title
		}
		docs = append(docs, d)
	}
	if g := s.Guide; g != nil {
		if g.Cover != nil {
			docs = append(docs, Doc{
				URL: g.URL, Title: g.Title, Summary: g.Cover.Summary,
				Headings: headings(g.Cover.Doc), Body: body(g.Cover.Doc), from: g.Cover.Doc, Type: "opas",
			})
		}
		for _, ch := range g.Chapters {
			docs = append(docs, Doc{
				URL: ch.URL, Title: ch.Title, Summary: ch.Summary,
				Headings: headings(ch.Doc), Body: body(ch.Doc), from: ch.Doc, Type: "luku",
			})
		}
	}
	for _, p := range s.Pages {
		docs = append(docs, Doc{
			URL: p.URL, Title: p.Title, Summary: p.Summary,
			Headings: headings(p.Doc), Body: body(p.Doc), from: p.Doc, Type: "sivu",
		})
	}
	return docs
}

func headings(d *markdown.Doc) []string {
	if d == nil || len(d.Headings) == 0 {
		return nil
	}
	hs := make([]string, 0, len(d.Headings))
	for _, h := range d.Headings {
		hs = append(hs, h.Text)
	}
	return hs
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
