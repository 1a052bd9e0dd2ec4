package site

import (
	"slices"
	"strings"
	"unicode"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
)

// tagKey is what makes two spellings of one address one tag: the
// letters and digits without case or diacritics (as a slug has them),
// a run of white space, dashes or underscores between words as one
// space, white space at either end dropped, and every other character
// kept. "Työhyvinvointi" and "työhyvinvointi", or "Sote-uudistus" and
// "sote uudistus", share a key; "C" and "C++", or "c--", do not: a slug
// drops the symbols that tell them apart, so they land on one page
// though they are other words.
func tagKey(tag string) string {
	var b strings.Builder
	var run strings.Builder // the characters since the last letter or digit
	spacing := true         // the run holds spacing only
	word := false           // a letter or digit came before the run
	flush := func(end bool) {
		switch {
		case run.Len() == 0:
		case spacing && word && !end:
			b.WriteByte(' ')
		case spacing && !strings.ContainsFunc(run.String(), func(r rune) bool { return !unicode.IsSpace(r) }):
			// White space at either end.
		default:
			b.WriteString(strings.TrimFunc(run.String(), unicode.IsSpace))
		}
		run.Reset()
		spacing = true
	}
	for _, r := range tag {
		switch {
		case unicode.Is(unicode.Mn, r) || markdown.Invisible(r):
			// A combining mark or an invisible character: no letter of
			// its own, as in the slug.
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			flush(false)
			word = true
			if s := markdown.Slugify(string(r)); s != "" && (r < 0x250 || unicode.In(r, unicode.Latin)) {
				b.WriteString(s)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			if !unicode.IsSpace(r) && !unicode.In(r, unicode.Pd, unicode.Pc) {
				spacing = false
			}
			run.WriteRune(r)
		}
	}
	flush(true)
	return b.String()
}

// tagSpellings warns of each spelling of the tag t in p that is another
// word than t's label (tagKey): the two share a page, which shows the
// label only, and the editor of p would look for a page of their own
// word in vain. Spellings that differ in case, diacritics or spacing
// only are one tag, quietly (the first spelling is the label). slugs
// is as tagsOf's.
func tagSpellings(p *Pearl, t *Term, slugs map[string]string, diags *diag.List) {
	var label string
	for tag, slug := range tagsOf(p.Pearl, nil, slugs) {
		if slug != t.Slug || tag == t.Label {
			continue
		}
		if label == "" {
			label = tagKey(t.Label)
		}
		if tagKey(tag) != label {
			diags.Warn(tagPos(p.Pearl, tag), diag.SiteTagSpelling, tag, t.Slug, t.Label, t.LabelPearl().File)
		}
	}
}

// IsTagSpelling tells a warning of tagSpellings' kind.
func IsTagSpelling(e *diag.Error) bool { return e.ID() == diag.SiteTagSpelling.ID() }

// TagSpellings tells anew, for a model s patched for a change of the
// front matter of the pearl at key (PatchPearl) from the model was, the
// warnings of tags spelt as other words than their page's label that the
// change may change: those of the pearl itself, and those of every pearl
// of a tag whose label or first pearl the change changed. files are the
// files of those pearls, whose warnings of the kind (IsTagSpelling)
// diags replaces. A tag whose label stays is looked at in the pearl
// alone: the warnings of its other pearls are as they were.
func (s *Site) TagSpellings(was *Site, key string) (files []string, diags diag.List) {
	p := s.PearlByKey(key)
	if p == nil {
		return nil, nil
	}
	pearls := []*Pearl{p}
	var slugs []string
	if w := was.PearlByKey(key); w != nil {
		for _, t := range w.Tags {
			slugs = append(slugs, t.Slug)
		}
	}
	for _, t := range p.Tags {
		slugs = append(slugs, t.Slug)
	}
	for _, slug := range unique(slugs) {
		old, now := termAt(was.Tags, slug), termAt(s.Tags, slug)
		if old != nil && now != nil && old.Label == now.Label && old.LabelPearl().File == now.LabelPearl().File {
			continue
		}
		// Its pearls before are those now but the pearl itself: a patch
		// moves only that one (and fails when a tag's page comes or goes).
		if now != nil {
			pearls = append(pearls, now.Pearls...)
		}
	}
	seen := make(map[*Pearl]bool, len(pearls))
	for _, q := range pearls {
		if seen[q] {
			continue
		}
		seen[q] = true
		files = append(files, q.File)
		for _, t := range q.Tags {
			tagSpellings(q, t, nil, &diags)
		}
	}
	return files, diags
}

// termAt is the term of list with slug, or nil.
func termAt(list []*Term, slug string) *Term {
	if i := slices.IndexFunc(list, func(t *Term) bool { return t.Slug == slug }); i >= 0 {
		return list[i]
	}
	return nil
}
