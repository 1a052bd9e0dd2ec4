package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// Kinds and audiences in the order the index numbers them (the content
// format's), and the page types the index adds. The codes of kt (a
// document's kind or, when it has none, its type) follow kinds; a type
// added later goes last, so that the others keep their codes.
var (
	kinds     = content.Kinds
	types     = []string{"helmi", "case", "luku", "teema", "sivu", "opas"}
	audiences = content.Audiences
)

// typeLabels are the Finnish names readers see for each page type; the
// names of kinds and audiences are the site's (site.KindLabels,
// site.AudienceLabels). The manifest carries them all to haku.js.
var typeLabels = map[string]string{
	"helmi": "Helmi", "case": "Case-esimerkki", "luku": "Oppaan luku", "teema": "Teema-alue", "sivu": "Sivu", "opas": "Opas",
}

// ktLabels returns the labels of kinds and types in kt's order.
func ktLabels() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, site.KindLabels[k])
	}
	for _, t := range types {
		out = append(out, typeLabels[t])
	}
	return out
}

// audLabels returns the labels of audiences in their order.
func audLabels() []string {
	var out []string
	for _, a := range audiences {
		out = append(out, site.AudienceLabels[a])
	}
	return out
}

// facetCode returns the facet code of a document: kt*32 + the audience
// bit mask, where kt is its kind or, when it has none, its type.
func facetCode(d *Doc) int {
	kt := indexOf(kinds, d.Kind)
	if kt < 0 {
		kt = indexOf(types, d.Type)
		if kt < 0 {
			kt = indexOf(types, "sivu")
		}
		kt += len(kinds)
	}
	aud := 0
	for _, a := range d.Audience {
		if j := indexOf(audiences, a); j >= 0 {
			aud |= 1 << j
		}
	}
	return kt*32 + aud
}

// facetCodes returns the facet codes of the documents, in index order, as
// runs, and each document's result row ([url, title, excerpt]). The index
// orders documents by their code within an area and type (orderDocs), so
// the runs are at most one per area and code however many documents
// there are: each run is its code (two b64 characters) and its length (a
// base-32 varint as in postingList, low digits first).
func facetCodes(docs []Doc) (string, [][3]string) {
	var f []byte
	rows := make([][3]string, len(docs))
	for i := 0; i < len(docs); {
		v := facetCode(&docs[i])
		j := i + 1
		for j < len(docs) && facetCode(&docs[j]) == v {
			j++
		}
		f = append(f, b64[v>>6], b64[v&63])
		f = appendVarint(f, j-i)
		i = j
	}
	for i := range docs {
		rows[i] = [3]string{docs[i].URL, docs[i].Title, excerpt(docs[i])}
	}
	return string(f), rows
}

// appendVarint appends n as a base-32 varint of b64 characters, low
// digits first, 32 marking that more digits follow.
func appendVarint(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, b64[n&31|32])
		n >>= 5
	}
	return append(b, b64[n])
}

// excerpt is the text a hit shows: the summary, or the start of the body.
func excerpt(d Doc) string {
	if s := strings.TrimSpace(d.Summary); s != "" {
		return s
	}
	body := strings.Join(strings.Fields(d.body()), " ")
	if utf8.RuneCountInString(body) <= excerptRunes {
		return body
	}
	rs := []rune(body)[:excerptRunes]
	cut := len(rs)
	for cut > excerptRunes/2 && !unicode.IsSpace(rs[cut-1]) {
		cut--
	}
	return strings.TrimRightFunc(string(rs[:cut]), unicode.IsSpace) + "…"
}
