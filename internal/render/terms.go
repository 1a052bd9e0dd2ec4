package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/helminauha/helminauha/internal/site"
)

// TermsPath, TagPageSize and TagPageCount are the model's
// (site.TermsPath).
const (
	TermsPath   = site.TermsPath
	TagPageSize = site.TagPageSize
)

// TagPageCount is site.TagPageCount.
func TagPageCount(n int) int { return site.TagPageCount(n) }

// Letter is an initial letter of the tags, in the letter index of the
// list of terms and as the heading of its tags.
type Letter struct {
	// Letter is the letter as the page shows it ("A", "Ä"), or "" for
	// the tags that start with no letter (a digit), which the page calls
	// by the word "terms.other".
	Letter string
	// ID is the id of its heading ("kirjain-a"); URL is the address of
	// the heading on the page where its first tag is.
	ID, URL string
}

// TagGroup is the tags of one initial letter on one page of the list of
// terms.
type TagGroup struct {
	Letter
	Tags []*site.Term
	// Continued tells that the letter's first tags are on an earlier page.
	Continued bool
}

// initial is the letter the label of a tag is listed under: its first
// letter in upper case without its accents ("É" is "E"), but "Å", "Ä"
// and "Ö", letters of their own in Finnish and Swedish, as they are; ""
// for a label that starts with no letter.
func initial(label string) string {
	r, _ := utf8.DecodeRuneInString(label)
	r = unicode.ToUpper(r)
	switch r {
	case 'Å', 'Ä', 'Ö':
		return string(r)
	}
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeRuneInString(norm.NFD.String(string(r)))
	}
	if !unicode.IsLetter(r) {
		return ""
	}
	return string(r)
}

// letterID is the id of the heading of a letter: "kirjain-a" for a
// letter a–z, the code point in hex for another ("kirjain-e4" for "Ä"),
// "kirjain-muut" for the tags that start with no letter.
func letterID(letter string) string {
	if letter == "" {
		return "kirjain-muut"
	}
	r, _ := utf8.DecodeRuneInString(strings.ToLower(letter))
	if r >= 'a' && r <= 'z' {
		return "kirjain-" + string(r)
	}
	return fmt.Sprintf("kirjain-%x", r)
}

// tagLetters returns the letter index of the tags (each initial once, in
// the order of the tags, with the page where its first tag is) and the
// groups of page n.
func tagLetters(s *site.Site, n int) (letters []Letter, groups []*TagGroup) {
	seen := map[string]bool{}
	lo, hi := (n-1)*TagPageSize, min(len(s.Tags), n*TagPageSize)
	var last *TagGroup
	for i, t := range s.Tags {
		l := initial(t.Label)
		id := letterID(l)
		if !seen[l] {
			seen[l] = true
			page := i/TagPageSize + 1
			letters = append(letters, Letter{Letter: l, ID: id, URL: s.Config.BasePath() + PagePath(TermsPath, page)[1:] + "#" + id})
		}
		if i < lo || i >= hi {
			continue
		}
		if last == nil || last.Letter.Letter != l {
			last = &TagGroup{Letter: Letter{Letter: l, ID: id}, Continued: i == lo && i > 0 && initial(s.Tags[i-1].Label) == l}
			groups = append(groups, last)
		}
		last.Tags = append(last.Tags, t)
	}
	// A letter whose tags the order does not keep together (the
	// collation's and initial's ideas of a letter differ) heads a second
	// group without an id, so that the page's ids stay unique.
	ids := map[string]bool{}
	for _, g := range groups {
		if ids[g.ID] {
			g.ID = ""
		}
		ids[g.ID] = true
	}
	return letters, groups
}
