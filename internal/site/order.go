package site

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
)

// The orders of the model, which Build makes and PatchPearl keeps: both
// call these.

// sortKeys makes the sort keys of texts as a Finnish reader orders them
// (å, ä and ö after z, and numbers by their value: "Helmi 2" before
// "Helmi 10", as a list of numbered parts reads), each once: comparing with the collator in every
// step of a sort was most of the model's time on large portals.
type sortKeys struct {
	// col orders texts without digits, num those with: a numeric
	// collator gives a text without digits the same key, but looks for
	// digits in every character, which cost a fifth of the model's time
	// at 100,000 pearls. Each is made when first needed.
	col, num *collate.Collator
	// buf is the collator's scratch space, kept from key to key: a
	// Buffer holds 4 KiB inline, which a new one for each key allocated
	// and cleared.
	buf  *collate.Buffer
	keys map[string][]byte // the keys made or used, by text
	old  map[string][]byte // the keys of the last Build (Memo), read only
	// once tells that each text is asked for once, so keys are not kept.
	once bool
	// arena is where keys are copied when they are not kept (once): one
	// allocation for many, which lie side by side for the sort that
	// reads them.
	arena []byte
}

func (k *sortKeys) key(s string) []byte {
	if key, ok := k.keys[s]; ok {
		return key
	}
	key, ok := k.old[s]
	if !ok {
		if k.buf == nil {
			k.buf = new(collate.Buffer)
		}
		k.buf.Reset()
		made := k.collator(s).KeyFromString(k.buf, s)
		if !k.once {
			key = bytes.Clone(made)
		} else {
			if cap(k.arena)-len(k.arena) < len(made) {
				k.arena = make([]byte, 0, max(len(made), 64<<10))
			}
			n := len(k.arena)
			k.arena = append(k.arena, made...)
			key = k.arena[n:len(k.arena):len(k.arena)]
		}
	}
	if k.once {
		return key
	}
	if k.keys == nil {
		k.keys = map[string][]byte{}
	}
	k.keys[s] = key
	return key
}

// collator is the collator of s: the numeric one when s has a digit.
func (k *sortKeys) collator(s string) *collate.Collator {
	if !strings.ContainsFunc(s, unicode.IsDigit) {
		if k.col == nil {
			k.col = collate.New(language.Finnish)
		}
		return k.col
	}
	if k.num == nil {
		k.num = collate.New(language.Finnish, collate.Numeric)
	}
	return k.num
}

// keyHead is the first 16 bytes of key, with zeros after its end: two
// keys whose heads differ compare as their heads do.
func keyHead[K string | []byte](key K) [2]uint64 {
	var b [16]byte
	copy(b[:], key)
	return [2]uint64{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}
}

// compare orders two texts.
func (k *sortKeys) compare(x, y string) int { return bytes.Compare(k.key(x), k.key(y)) }

// newestFirst sorts keys by compare, which orders them first by the
// second sec gives (a Unix time), newest first. A portal's dates lie
// within a few thousand days: the keys are put in order of their days (a
// counting sort), and only each day's few are sorted by compare. Sorting
// them all took twenty times as long at 100,000 pearls as at 10,000. Keys
// spread over more days than twice their number are sorted whole. The
// slice returned may be keys or another.
func newestFirst[K any](keys []K, sec func(K) int64, compare func(x, y K) int) []K {
	if len(keys) < 2 {
		return keys
	}
	day := func(k K) int64 {
		s := sec(k)
		d := s / (24 * 60 * 60)
		if s%(24*60*60) < 0 {
			d--
		}
		return d
	}
	first, last := day(keys[0]), day(keys[0])
	for _, k := range keys[1:] {
		d := day(k)
		first, last = min(first, d), max(last, d)
	}
	if last-first >= 2*int64(len(keys))+1024 {
		slices.SortFunc(keys, compare)
		return keys
	}
	out, end := byGroup(keys, int(last-first)+1, func(k K) int { return int(last - day(k)) })
	for n := range len(end) - 1 {
		if end[n+1]-end[n] > 1 {
			slices.SortFunc(out[end[n]:end[n+1]], compare)
		}
	}
	return out
}

// byGroup returns keys in the order of their groups (0 to groups-1), each
// group's in the order they came (a counting sort), and where each group
// ends: group g is out[end[g]:end[g+1]].
func byGroup[K any](keys []K, groups int, group func(K) int) (out []K, end []int) {
	end = make([]int, groups+1)
	for _, k := range keys {
		end[group(k)+1]++
	}
	for g := range groups {
		end[g+1] += end[g]
	}
	next := slices.Clone(end[:groups])
	out = make([]K, len(keys))
	for _, k := range keys {
		g := group(k)
		out[next[g]] = k
		next[g]++
	}
	return out, end
}

// headOrder is a pearl in the first sort of all pearls (see pearls): its
// theme area, the first 16 bytes of its title's key (keyHead), and its
// place as loaded.
type headOrder struct {
	head [2]uint64
	area int32 // at most MaxAreas
	i    int32
}

// sortHeads sorts list, which is in the order of i, by area, then head,
// then i. A large list is sorted by a radix sort of 16-bit digits, from
// the last digit to the first, each pass keeping the order of equals:
// sorting 100,000 pearls by comparison took 17 times as long as 10,000,
// and the passes take 10 times as long.
func sortHeads(list []headOrder) []headOrder {
	if len(list) < 4096 {
		slices.SortFunc(list, func(x, y headOrder) int {
			return cmp.Or(cmp.Compare(x.area, y.area), cmp.Compare(x.head[0], y.head[0]), cmp.Compare(x.head[1], y.head[1]), cmp.Compare(x.i, y.i))
		})
		return list
	}
	digit := func(o headOrder, d int) int {
		switch {
		case d < 4:
			return int(o.head[1] >> (16 * d) & 0xffff)
		case d < 8:
			return int(o.head[0] >> (16 * (d - 4)) & 0xffff)
		}
		return int(o.area)
	}
	other := make([]headOrder, len(list))
	count := make([]int32, 1<<16)
	for d := range 9 {
		clear(count)
		for _, o := range list {
			count[digit(o, d)]++
		}
		if count[digit(list[0], d)] == int32(len(list)) {
			continue // a digit they all share moves nothing
		}
		sum := int32(0)
		for k, c := range count {
			count[k] = sum
			sum += c
		}
		for _, o := range list {
			k := digit(o, d)
			other[count[k]] = o
			count[k]++
		}
		list, other = other, list
	}
	return list
}

// rank is a pearl's place in the order of all pearls: by theme area
// (those without one last), title and slug. Slugs are unique, so the
// order is total.
type rank struct {
	area int
	key  []byte
	slug string
}

// rankOf is p's rank in a site of areas theme areas.
func rankOf(p *Pearl, areas int, k *sortKeys) rank {
	r := rank{area: areas, key: k.key(p.Title), slug: p.Slug}
	if p.Area != nil {
		r.area = p.Area.Index
	}
	return r
}

func (x rank) compare(y rank) int {
	return cmp.Or(cmp.Compare(x.area, y.area), bytes.Compare(x.key, y.key), strings.Compare(x.slug, y.slug))
}

// tagOrder is the order of Site.Tags: by label, then slug.
func tagOrder(k *sortKeys) func(x, y *Term) int {
	return func(x, y *Term) int { return cmp.Or(k.compare(x.Label, y.Label), strings.Compare(x.Slug, y.Slug)) }
}

// joinArea puts p, next in the order of all pearls, at the end of its
// theme area's list, after its previous neighbour.
func joinArea(p *Pearl) {
	a := p.Area
	p.Prev, p.Next = nil, nil
	if n := len(a.Pearls); n > 0 {
		p.Prev = a.Pearls[n-1]
		p.Prev.Next = p
	}
	a.Pearls = append(a.Pearls, p)
}

// tagsOf gives each tag of p that makes a term, in order, with its slug:
// at most MaxTags, none too long or without letters. problem, when not
// nil, is told of each that makes none, with the tag ("" for the tags
// past MaxTags). slugs, when not nil, keeps each tag's slug: a large
// portal's few thousand tags are written hundreds of thousands of times.
func tagsOf(p *content.Pearl, problem func(tag string, m *diag.Message, args ...any), slugs map[string]string) iter.Seq2[string, string] {
	return func(yield func(tag, slug string) bool) {
		tags := p.Tags
		if len(tags) > MaxTags {
			if problem != nil {
				problem("", diag.SiteTooManyTags, len(tags), MaxTags)
			}
			tags = tags[:MaxTags]
		}
		for _, tag := range tags {
			if n := utf8.RuneCountInString(tag); n > MaxTag {
				if problem != nil {
					problem(tag, diag.SiteTagTooLong, markdown.Shorten(tag), n, MaxTag)
				}
				continue
			}
			slug, ok := slugs[tag]
			if !ok {
				slug = TagSlug(tag)
				if slugs != nil {
					slugs[tag] = slug
				}
			}
			if slug == "" {
				if problem != nil {
					problem(tag, diag.SiteTagNoLetters, tag)
				}
				continue
			}
			if !yield(tag, slug) {
				return
			}
		}
	}
}

// tagLabel is how the tag t is shown: as LabelPearl spells it.
func tagLabel(t *Term) string {
	for tag, slug := range tagsOf(t.LabelPearl().Pearl, nil, nil) {
		if slug == t.Slug {
			return tag
		}
	}
	return t.Label
}

// LabelPearl is the pearl whose spelling labels the tag t: the first on
// its list that is published, or the first draft when only drafts have
// the tag. A draft comes into the model of check and serve, not into the
// published one, and a draft first on the list would give the tag another
// label there (and tell its published pearls' spellings as other words
// than that label) than the published site has.
func (t *Term) LabelPearl() *Pearl {
	for _, p := range t.Pearls {
		if !p.Draft {
			return p
		}
	}
	return t.Pearls[0]
}
