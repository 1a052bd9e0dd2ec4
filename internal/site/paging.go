package site

import "strconv"

// The model owns the addresses of the paged lists, not only of their
// first pages: the links to them and the static files in their way are
// the model's to check, and render lays its pages out by the same
// numbers.

// PageSize is the number of pearls a list page shows. A longer list (a
// theme area's, a tag's, a kind's or an audience's) goes on several
// pages: the first at the list's own path, the others at PagePath.
const PageSize = 60

// PagePath is the site path of page n (from 1) of the list at site path p
// ("/teemat/x/"): p itself for the first page, "/teemat/x/sivu/2/" for
// the second.
func PagePath(p string, n int) string {
	if n <= 1 {
		return p
	}
	return p + "sivu/" + strconv.Itoa(n) + "/"
}

// PageCount is the number of pages a list of n pearls takes: at least one,
// so that an empty list still has its page.
func PageCount(n int) int { return max(1, (n+PageSize-1)/PageSize) }

// TermsPath is the site path of the list of terms: every tag, kind and
// audience.
const TermsPath = "/tagit/"

// TagPageSize is the number of tags a page of the list of terms shows. A
// portal of more tags has the list on several pages, as a long list of
// pearls (see PageSize): the first at TermsPath, with the kinds and the
// audiences, the others at PagePath(TermsPath, n), each with the tags
// alone, by initial letter, and a letter index that leads to the page
// where each letter's tags start.
const TagPageSize = 200

// TagPageCount is the number of pages the list of terms takes for n tags:
// at least one.
func TagPageCount(n int) int { return max(1, (n+TagPageSize-1)/TagPageSize) }
