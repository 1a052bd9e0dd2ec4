package site

import (
	"strings"
	"unicode"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/markdown"
)

// MaxTag is the longest tag, in characters. A tag is a word or a short
// phrase shown in lists; its slug becomes a folder name, which file
// systems cap at 255 bytes.
const MaxTag = 60

// MaxTags is the most tags a pearl may have: each is a page, and all are
// on the pearl's page.
const MaxTags = 50

// MaxAreas is the most theme areas a portal may have: every page lists
// them, so each one more makes every page longer, and the necklace draws
// each as a strand of its own.
const MaxAreas = 50

// PrintSlug is the guide's print page, /opas/kokonaan/, which no chapter
// may be named.
const PrintSlug = "kokonaan"

// TagSlug is the URL segment of a tag. Latin letters become their
// lowercase ASCII base, as in markdown.Slugify, so Finnish tags keep the
// addresses they have always had; letters and digits of other scripts
// (Greek, Cyrillic, Japanese …) and symbols such as emoji are kept as they
// are, with the marks that belong to them, so that a tag in any script has
// a page. Everything else separates words with '-'.
//
// A slug Windows keeps for a device (con, prn, aux, nul, com1–com9,
// lpt1–lpt9) gets '_' after it (con_): a folder tagit/con/ could not be
// checked out on an editor's Windows machine, and no other tag's slug
// ends in '_', so it names no other tag's page.
func TagSlug(tag string) string {
	s := tagSlug(tag)
	if content.WindowsDevice(s) {
		s += "_"
	}
	return s
}

func tagSlug(tag string) string {
	latin := true
	for _, r := range tag {
		if r >= 0x250 {
			latin = false
			break
		}
	}
	if latin {
		return markdown.Slugify(tag)
	}
	var b strings.Builder
	dash, kept, emoji := false, false, false
	put := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range tag {
		if r < 0x250 || unicode.In(r, unicode.Latin) {
			if s := markdown.Slugify(string(r)); s != "" {
				put(s)
				kept = false
				continue
			}
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.So, r):
			put(string(unicode.ToLower(r)))
			kept, emoji = true, unicode.Is(unicode.So, r)
		case kept && (unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Sk) || emoji && r == '\u200d'):
			// A vowel sign, a variation selector, a skin tone or an emoji's
			// joiner (👩‍💻) belongs to the character before it. Inside a
			// word a joiner is the invisible character it is in the
			// search, dropped (markdown.Invisible).
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r) || markdown.Invisible(r):
			// An invisible format character (a soft hyphen, a zero-width
			// space) is no separator, as in markdown.Slugify.
		default:
			dash, kept = true, false
		}
	}
	return strings.TrimRight(b.String(), "\u200d")
}
