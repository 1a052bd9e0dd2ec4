package content

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// MaxSlug is the longest file name, in characters without .md, that a page
// may have: it becomes the page's address, which readers see and share.
const MaxSlug = 100

// SlugOf is the file name (without .md) that CheckSlug suggests for s.
func SlugOf(s string) string { return markdown.Slugify(s) }

// Meant is the "did you mean" for s, a name not among allowed: the
// nearest of them, in any case and with or without ä and ö, or no text.
func Meant(s string, allowed []string) diag.Text { return markdown.Meant(s, allowed) }

// CheckSlug returns no message (a Text whose Message is nil) when slug may
// be a file name in the content format, and otherwise a message that says
// which name to use instead.
func CheckSlug(slug string) diag.Text {
	if n := utf8.RuneCountInString(slug); n > MaxSlug {
		return diag.ContentSlugTooLong.With(markdown.Shorten(slug)+".md", n, MaxSlug)
	}
	if slugRE.MatchString(slug) {
		if WindowsDevice(slug) {
			return diag.ContentSlugWindows.With(slug+".md", slug+"-sivu.md")
		}
		return diag.Text{}
	}
	want := markdown.Slugify(slug)
	if want == "" {
		return diag.ContentSlugNoLetters.With(slug + ".md")
	}
	// A letter may become two (œ, ß, æ as oe, ss, ae), so a name of
	// MaxSlug characters may be made one too long to suggest.
	if r := []rune(want); len(r) > MaxSlug {
		want = strings.TrimRight(string(r[:MaxSlug]), "-")
	}
	return diag.ContentSlugBad.With(slug+".md", want+".md")
}

// WindowsDevice tells whether Windows keeps a file name for a device
// (con, prn, aux, nul, com1–com9, lpt1–lpt9, in any case and with any
// extension): such a file cannot be checked out there.
func WindowsDevice(name string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), ".")
	base = strings.TrimRight(base, " ")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '1' && base[3] <= '9'
}

// WindowsCannotHold tells whether a file or folder name cannot be one on
// Windows: a device name, one of the characters < > : " | ? * \ or a
// control character, or a dot or a space at its end.
func WindowsCannotHold(name string) bool {
	if WindowsDevice(name) || strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return true
	}
	return strings.ContainsFunc(name, func(r rune) bool { return r < 32 || strings.ContainsRune(`<>:"|?*\`, r) })
}

// decoder reads typed values from one document's front matter and
// collects a positioned problem for each value that breaks the contract.
type decoder struct {
	file  string
	doc   *markdown.Doc
	used  map[string]bool
	diags diag.List
}

// ValuePos is the position of key's value in c's front matter, where an
// editor's cursor goes for a problem of the value; the key's when it has
// none.
func (c *Common) ValuePos(key string) diag.Pos { return valuePos(c.File, c.Doc, key, noItem) }

// ItemPos is the position of the first item of key's list in c's front
// matter whose text is item; the value's when no item is (a list written
// as one word).
func (c *Common) ItemPos(key, item string) diag.Pos {
	return valuePos(c.File, c.Doc, key, itemOf(item))
}

// keyPos is the position of key's line in doc's front matter, for a
// problem of the key; the file's first line when it has no such key.
func keyPos(file string, doc *markdown.Doc, key string) diag.Pos {
	if line, ok := doc.KeyLine(key); ok {
		return diag.Pos{File: file, Line: line, Col: 1}
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}

// valuePos is where the part of key's value that part picks is, or the
// key's line when it has no value.
func valuePos(file string, doc *markdown.Doc, key string, part func(markdown.ValueAt) (line, col int)) diag.Pos {
	v, ok := doc.ValueAt(key)
	if !ok {
		return keyPos(file, doc, key)
	}
	line, col := part(v)
	return diag.Pos{File: file, Line: line, Col: col}
}

// The parts of a value: the whole, the i-th item of a list, the item
// whose text is item.
func noItem(v markdown.ValueAt) (int, int) { return v.Line, v.Col }

func nthItem(i int) func(markdown.ValueAt) (int, int) {
	return func(v markdown.ValueAt) (int, int) { return v.Item(i) }
}

func itemOf(item string) func(markdown.ValueAt) (int, int) {
	return func(v markdown.ValueAt) (int, int) { return v.ItemOf(item) }
}

// pos is where a problem of key itself is, its line; at where a problem
// of its value is, or of part of it.
func (d *decoder) pos(key string) diag.Pos { return keyPos(d.file, d.doc, key) }

func (d *decoder) at(key string, part func(markdown.ValueAt) (int, int)) diag.Pos {
	return valuePos(d.file, d.doc, key, part)
}

// written is the word the editor wrote for key's value v (its i-th item,
// or the value itself for i < 0), which YAML read as true or false: the
// message shows it quoted, as it should be written.
func (d *decoder) written(key string, i int, v any) string {
	part := noItem
	if i >= 0 {
		part = nthItem(i)
	}
	at := d.at(key, part)
	if w := d.doc.WordAt(at.Line, at.Col); w != "" {
		return w
	}
	return fmt.Sprint(v)
}

// get returns the value of key and whether it is present and not empty.
// A missing required key is reported at the front matter's first line.
func (d *decoder) get(key string, required bool) (any, bool) {
	d.used[key] = true
	v, ok := d.doc.Meta[key]
	if ok && v == nil {
		// `summary:` with nothing after it: YAML reads it as null, but
		// the editor wrote the key, so the problem is on its line.
		if required {
			d.diags.Report(d.pos(key), diag.ContentEmptyValue, key, key)
		}
		return nil, false
	}
	if !ok {
		if !required {
			return nil, false
		}
		// A required key is most often there, misspelt (titel): told at
		// that line, and not again as a key the portal does not know.
		if k := d.misspelt(key); k != "" {
			d.used[k] = true
			d.diags.Report(d.pos(k), diag.ContentKeyMisspelt, key, k, key)
			return nil, false
		}
		if what := valueOfKey(key); what.Message() != nil {
			d.diags.Report(diag.Pos{File: d.file, Line: 1, Col: 1}, diag.ContentKeyMissingValue, key, key, what)
		} else {
			d.diags.Report(diag.Pos{File: d.file, Line: 1, Col: 1}, diag.ContentKeyMissing, key, key)
		}
		return nil, false
	}
	return v, true
}

// valueOfKey is what the value of the required key is, for an editor who
// left the key out: a title or an organisation needs no telling, but the
// values a pearl's kind takes, or a date's form, are not in the file to
// copy from. A key it knows nothing of gives a Text with no message.
func valueOfKey(key string) diag.Text {
	switch key {
	case "kind":
		return diag.ValueOneOf.With(strings.Join(Kinds, ", "))
	case "date":
		return diag.ValueDate.With()
	case "weight":
		return diag.ValueWeight.With()
	case "theme":
		return diag.ValueArea.With()
	case "themes":
		return diag.ValueAreas.With()
	}
	return diag.Text{}
}

// misspelt is the first written key, in the order of their lines, that
// the contract does not name and that is key misspelt (suggestion's
// distance), or "".
func (d *decoder) misspelt(key string) string {
	found, line := "", 0
	for k := range d.doc.Meta {
		if d.used[k] || slices.Contains(knownKeys, k) || markdown.Meant(k, []string{key}).Message() == nil && keyNames[markdown.Slugify(k)] != key {
			continue
		}
		if l := d.pos(k).Line; found == "" || l < line {
			found, line = k, l
		}
	}
	return found
}

func (d *decoder) str(key string, required bool) string {
	v, ok := d.get(key, required)
	if !ok {
		return ""
	}
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case int, float64:
		// YAML turns `title: 2024` into a number; the editor meant text.
		s = fmt.Sprint(v)
	case bool:
		// YAML 1.1 reads yes, no, on and off as true and false: the
		// word the editor wrote is lost, and the page would say "true".
		d.diags.Report(d.at(key, noItem), diag.ContentTextYesNo, key, v, key, d.written(key, -1, v))
		return ""
	default:
		d.diags.Report(d.at(key, noItem), diag.ContentNotText, key, describe(v), key)
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		d.diags.Report(d.at(key, noItem), diag.ContentEmptyValue, key, key)
	}
	d.control(key, noItem, s)
	most := config.MaxFor(key)
	if n := config.TooLong(s, most); n > 0 {
		d.diags.Report(d.at(key, noItem), diag.ContentValueTooLong, key, n, most)
	}
	return s
}

// control reports an invisible character in s, the text of key's value
// or part of it. YAML refuses one typed as it is, but reads one written
// as an escape in double quotes ("\0", "\e", "\L"), and it would reach
// pages and feeds where it shows as nothing or breaks the XML.
func (d *decoder) control(key string, part func(markdown.ValueAt) (int, int), s string) {
	if r, ok := yamldoc.UnwantedIn(s); ok {
		d.diags.Report(d.at(key, part), diag.ContentControl, key, r)
	}
}

func (d *decoder) int(key string, required bool) int {
	v, ok := d.get(key, required)
	if !ok {
		return 0
	}
	switch v := v.(type) {
	case int:
		return v
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n
		}
	}
	d.diags.Report(d.at(key, noItem), diag.ContentNotNumber, key, key, describe(v))
	return 0
}

func (d *decoder) bool(key string) bool {
	v, ok := d.get(key, false)
	if !ok {
		return false
	}
	if b, ok := v.(bool); ok {
		return b
	}
	d.diags.Report(d.at(key, noItem), diag.ContentNotBool, key, describe(v))
	return false
}

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (d *decoder) color(key string) string {
	s := d.str(key, false)
	if s == "" {
		return ""
	}
	if !colorRE.MatchString(s) {
		d.diags.Report(d.at(key, noItem), diag.ContentBadColor, key, s)
		return ""
	}
	return strings.ToLower(s)
}

// chapterNumber is a number a chapter's title starts with, as a guide
// taken from a document numbers its chapters ("Luku 3", "3.", "3:",
// "3.2"), which the theme puts before it again ("Luku 3: 3. Roolit") and
// which the chapter's weight may contradict. A number of the title's own
// ("5 askelta verkostoon") is not one.
//
// A space is any of Unicode's (\p{Zs}): a document's numbering pasted
// into the title often carries a no-break space after it.
var chapterNumber = regexp.MustCompile(`^[\s\p{Zs}]*(?i:(?:luku|kapitel|chapter)[\s\p{Zs}]+\d+\b[.:]?|\d+(?:\.\d+)+\.?[\s\p{Zs}]|\d+[.:)][\s\p{Zs}])`)

// leadingDate is what chapterNumber takes for a number but a title's own
// date is ("1.5.2024 alkaen", "15.3. mennessä") or year ("2024: mitä
// muuttui"): a Finnish date always ends its day and month with a dot, so
// "3.2" stays a section number, while "3.2." cannot be told from 3
// February and is left alone rather than warned of falsely. ISO dates
// (2024-05-01) and a bare year ("2024 uudistus") are no match to begin
// with.
var leadingDate = regexp.MustCompile(`^(?:(\d{1,2})\.(\d{1,2})\.(\d{4})?|(\d{4})[.:])$`)

// chapterNumberOf is the chapter number the title starts with, trimmed,
// or "" when it starts with none.
func chapterNumberOf(title string) string {
	n := strings.TrimSpace(chapterNumber.FindString(title))
	m := leadingDate.FindStringSubmatch(n)
	if m == nil {
		return n
	}
	if year := m[3] + m[4]; year != "" {
		if y, _ := strconv.Atoi(year); y < firstYear || y > lastYear {
			return n
		}
	}
	if m[1] != "" {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if day < 1 || day > 31 || month < 1 || month > 12 {
			return n
		}
	}
	return ""
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Dates outside these years are a warning: most often a mistyped year
// (0224, 2204), which would put a page first or last in every list of
// the newest and in the feed for good; 0001-01-01 was also published
// with no date at all ("Julkaistu" over an empty <time>).
const firstYear, lastYear = 1900, 2100

// date reads a YYYY-MM-DD date. YAML may hand it over as text or as a
// timestamp, depending on quoting.
func (d *decoder) date(key string, required bool) time.Time {
	t, ok := d.readDate(key, required)
	if ok && (t.Year() < firstYear || t.Year() > lastYear) {
		d.diags.Warn(d.at(key, noItem), diag.ContentDateFar, key, t.Format(time.DateOnly))
	}
	return t
}

// readDate is date's value, and whether it is a date as written.
func (d *decoder) readDate(key string, required bool) (time.Time, bool) {
	v, ok := d.get(key, required)
	if !ok {
		return time.Time{}, false
	}
	switch v := v.(type) {
	case time.Time:
		return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC), true
	case string:
		s := strings.TrimSpace(v)
		if dateRE.MatchString(s) {
			if t, err := time.Parse(time.DateOnly, s); err == nil {
				return t, true
			}
			d.diags.Report(d.at(key, noItem), diag.ContentNoSuchDate, key, s)
			return time.Time{}, false
		}
		if t, ok := finnishDate(s); ok {
			d.diags.Report(d.at(key, noItem), diag.ContentDateForm, key, t.Format(time.DateOnly), s)
		} else {
			d.diags.Report(d.at(key, noItem), diag.ContentDateExample, key, s)
		}
	default:
		d.diags.Report(d.at(key, noItem), diag.ContentDateNotText, key, describe(v))
	}
	return time.Time{}, false
}

var (
	fiDateRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	// A date with the year first in other ways: 2022-6-1, 2022/06/01,
	// 2022.6.1, or with a time after it (2022-06-01T10:00, 2022-06-01 10:00).
	yearFirstRE = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\S.*)?$`)
)

// finnishDate reads the Finnish way of writing dates (1.6.2022), and a
// date written year first in another way (2022-6-1, 2022/06/01, with a
// time after it), so the message can say exactly what to write instead.
func finnishDate(s string) (time.Time, bool) {
	if m := fiDateRE.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("2.1.2006", m[1]+"."+m[2]+"."+m[3])
		return t, err == nil
	}
	if m := yearFirstRE.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
		return t, err == nil
	}
	return time.Time{}, false
}

// list reads a list of words. A single word is accepted as a list of one,
// since `tags: johtaminen` is what an editor means.
func (d *decoder) list(key string, required bool) []string {
	v, ok := d.get(key, required)
	if !ok {
		return nil
	}
	var out []string
	switch v := v.(type) {
	case string:
		if strings.Contains(v, ",") {
			d.diags.Report(d.at(key, noItem), diag.ContentListNoBrackets, key, v)
			return nil
		}
		if s := strings.TrimSpace(v); s != "" {
			out = append(out, s)
			d.control(key, noItem, s)
		}
	case []any:
		for i, item := range v {
			switch item := item.(type) {
			case string:
				if s := strings.TrimSpace(item); s != "" {
					out = append(out, s)
					d.control(key, nthItem(i), s)
				}
			case int, float64:
				out = append(out, fmt.Sprint(item))
			case bool:
				// YAML 1.1 reads y, n, yes, no, on and off as true/false,
				// so the word the editor wrote is lost.
				d.diags.Report(d.at(key, nthItem(i)), diag.ContentListYesNo, key, item, d.written(key, i, item))
			default:
				d.diags.Report(d.at(key, nthItem(i)), diag.ContentListItem, key, describe(item))
			}
		}
	default:
		d.diags.Report(d.at(key, noItem), diag.ContentNotList, key, describe(v))
		return nil
	}
	if required && len(out) == 0 {
		d.diags.Report(d.at(key, noItem), diag.ContentEmptyList, key)
	}
	return out
}

func (d *decoder) enum(key string, required bool, allowed []string) string {
	s := d.str(key, required)
	if s == "" {
		return ""
	}
	i := slices.Index(allowed, s)
	if i < 0 {
		d.diags.Report(d.at(key, noItem), diag.ContentUnknownValue, key, s, valueMeant(s, allowed, false), strings.Join(allowed, ", "))
		return ""
	}
	// The allowed value itself: one string for every document.
	return allowed[i]
}

func (d *decoder) enumList(key string, allowed []string) []string {
	var out []string
	for _, s := range d.list(key, false) {
		i := slices.Index(allowed, s)
		if i < 0 {
			d.diags.Report(d.at(key, itemOf(s)), diag.ContentUnknownValue, key, s, valueMeant(s, allowed, true), strings.Join(allowed, ", "))
			continue
		}
		out = append(out, allowed[i])
	}
	return out
}

// knownKeys are the keys of any kind in the contract; a key close to one
// of them is most likely a typo.
var knownKeys = []string{"title", "summary", "weight", "color", "theme", "themes", "kind", "audience", "tags",
	"projects", "date", "updated", "related", "draft", "organization", "period", "pearls"}

// keyNames are the contract's keys as an editor may write them in
// Finnish or Swedish, the words the guide and the site use for them, by
// their file-name form (markdown.Slugify: ä as a, in lower case): a
// pearl's tags written as asiasanat were kept for the theme without a
// word, and its title as otsikko was told missing at the first line.
var keyNames = map[string]string{
	"otsikko": "title", "rubrik": "title", "titel": "title",
	"tiivistelma": "summary", "kuvaus": "summary", "sammanfattning": "summary", "beskrivning": "summary",
	"teema": "theme", "teema-alue": "theme", "tema": "theme", "temaomrade": "theme",
	"teema-alueet": "themes", "teemat": "themes", "temaomraden": "themes",
	"laji": "kind", "tyyppi": "kind", "typ": "kind",
	"kohderyhma": "audience", "kohderyhmat": "audience", "malgrupp": "audience", "malgrupper": "audience",
	"asiasanat": "tags", "avainsanat": "tags", "tagit": "tags", "nyckelord": "tags", "taggar": "tags",
	"hankkeet": "projects", "projektit": "projects", "projekt": "projects",
	"paivamaara": "date", "pvm": "date", "julkaistu": "date", "datum": "date", "publicerad": "date",
	"paivitetty": "updated", "uppdaterad": "updated",
	"liittyvat": "related", "relaterade": "related",
	"luonnos": "draft", "utkast": "draft",
	"organisaatio": "organization", "organisation": "organization",
	"ajanjakso": "period", "tidsperiod": "period",
	"helmet": "pearls", "parlor": "pearls",
	"jarjestys": "weight", "paino": "weight", "ordning": "weight", "vikt": "weight",
	"vari": "color", "farg": "color",
}

// MaxExtraKeys is how many keys of its own, beside the contract's, one
// page's front matter may hand to templates.
const MaxExtraKeys = 200

// extra returns the keys the decoder did not read, for templates, and
// warns about the ones that look like a misspelt contract key.
func (d *decoder) extra() map[string]any {
	var keys []string
	for k := range d.doc.Meta {
		if !d.used[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		// Most documents have none: no map for each.
		return nil
	}
	if len(keys) > MaxExtraKeys {
		// Told once, at the first of them, and none looked into: each
		// is compared with every key of the contract for a misspelling,
		// and 150,000 of them in each of four pearls took a build 11 s
		// of CPU and 850 MB.
		lines := d.doc.KeyLines()
		first := keys[0]
		for _, k := range keys {
			if lines[k] < lines[first] {
				first = k
			}
		}
		d.diags.Report(d.pos(first), diag.ContentTooManyKeys, len(keys), MaxExtraKeys)
		return nil
	}
	sort.Strings(keys)
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		out[k] = d.doc.Meta[k]
		s := markdown.Meant(k, knownKeys)
		if key, ok := keyNames[markdown.Slugify(k)]; ok && s.Message() == nil {
			s = diag.DidYouMean.With(key)
		}
		if s.Message() != nil {
			d.diags.Warn(d.pos(k), diag.ContentUnknownKey, k, s)
		}
	}
	return out
}

func describe(v any) diag.Text {
	switch v := v.(type) {
	case []any:
		return diag.DescList.With()
	case map[any]any, map[string]any:
		return diag.DescGroup.With()
	case string:
		return diag.DescText.With(v)
	case time.Time:
		return diag.DescDate.With()
	case nil:
		return diag.DescNothing.With()
	default:
		return diag.DescValue.With(v)
	}
}
