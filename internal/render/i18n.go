package render

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/themes"
	"gopkg.in/yaml.v2"
)

// words are a theme's tables of interface words (i18n/<lang>.yaml), by
// language, with the line of each key in its file and where the theme's
// templates use each key.
type words struct {
	dir   string // the tables' folder as messages show it
	text  map[string]map[string]string
	lines map[string]map[string]int
	used  map[string]string // key -> "templates/x.html:12"
}

// codeWords are the keys the generator itself asks of every table: the
// words it writes outside the templates (titles, dates, counts, the
// names of kinds, audiences and page types, the scripts' words are the
// table's own js. keys).
func codeWords() []string {
	keys := []string{"lang.name", "date.months", "date.format", "pearls.one", "pearls.other",
		"page.of", "term.tag", "term.kind", "term.audience", "terms.title", "terms.description",
		"search.title", "necklace.title", "necklace.description", "notfound.title",
		"guide.whole.title", "chapter.number", "task.done", "task.todo"}
	for _, k := range content.Kinds {
		keys = append(keys, "kind."+k)
	}
	for _, a := range content.Audiences {
		keys = append(keys, "audience."+a)
	}
	return keys
}

// templateWord finds a template's use of a word: .T "key", $.N "key",
// $.TIn .Lang "key".
var templateWord = regexp.MustCompile(`\.(?:[TNF]|TIn \.Lang) "([a-z0-9_.-]+)"`)

// loadWords reads the theme's i18n/*.yaml. A theme without them writes
// its templates' own words and takes the generator's words (dates,
// counts, titles) from the built-in theme's tables.
func loadWords(fsys fs.FS, show func(string) string, src map[string]string) (words, diag.List) {
	w := words{dir: show("i18n/"), text: map[string]map[string]string{}, lines: map[string]map[string]int{}, used: map[string]string{}}
	var diags diag.List
	names, _ := fs.Glob(fsys, "i18n/*.yaml")
	if len(names) == 0 && src != nil {
		sub, err := fs.Sub(themes.FS, "helminauha")
		if err == nil {
			builtIn, _ := loadWords(sub, func(p string) string { return "themes/helminauha/" + p }, nil)
			w.dir, w.text, w.lines = builtIn.dir, builtIn.text, builtIn.lines
		}
	}
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			diags.Add(rootfs.Problem(diag.Pos{File: show(name)}, err))
			continue
		}
		m := map[string]string{}
		if err := yaml.UnmarshalStrict(data, &m); err != nil {
			diags.Report(diag.Pos{File: show(name)}, diag.RenderWordsYAML, err.Error())
			continue
		}
		lines := map[string]int{}
		for i, line := range strings.Split(string(data), "\n") {
			if k, _, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, " ") {
				lines[strings.TrimSpace(k)] = i + 1
			}
		}
		w.text[lang], w.lines[lang] = m, lines
	}
	for _, f := range slices.Sorted(maps.Keys(src)) {
		for i, line := range strings.Split(src[f], "\n") {
			for _, m := range templateWord.FindAllStringSubmatch(line, -1) {
				key := m[1]
				if strings.Contains(line, `.N "`+key+`"`) {
					for _, form := range []string{key + ".one", key + ".other"} {
						if _, ok := w.used[form]; !ok {
							w.used[form] = show("templates/"+f) + ":" + strconv.Itoa(i+1)
						}
					}
					continue
				}
				if _, ok := w.used[key]; !ok {
					w.used[key] = show("templates/"+f) + ":" + strconv.Itoa(i+1)
				}
			}
		}
	}
	return w, diags
}

// CheckLanguages reports, for each language of codes (the default
// first), every word its table lacks: the words the templates use, those
// the generator writes and those of the default language's table. The
// error is at the table's file and names the key and where it is needed.
// A language's table is its own or that of its language without the
// region (see words.code); a language with neither is an error, in a
// portal of one language too, whose pages would be marked as in it and
// written in Finnish words. It is told where at (nil, or a Pos without a
// file, when unknown) says site.yaml names its code: most often a code
// mistyped there (se for sv), and the built-in theme's tables are not
// files the editor has.
func (t *Theme) CheckLanguages(codes []string, at func(code string) diag.Pos) diag.List {
	w := t.words
	if len(w.text) == 0 || len(codes) == 0 {
		return nil
	}
	ref := w.code(codes[0])
	if ref == "" {
		ref = "fi"
		if w.text[ref] == nil {
			ref = slices.Sorted(maps.Keys(w.text))[0]
		}
	}
	file := func(lang string) string { return w.dir + lang + ".yaml" }
	need := map[string]string{}
	for _, k := range codeWords() {
		need[k] = fmt.Sprintf("%s (%s)", file(ref), k)
		if l := w.lines[ref][k]; l > 0 {
			need[k] = file(ref) + ":" + strconv.Itoa(l)
		}
	}
	for k, l := range w.lines[ref] {
		need[k] = file(ref) + ":" + strconv.Itoa(l)
	}
	for k, at := range w.used {
		need[k] = at
	}
	var diags diag.List
	for _, code := range codes {
		table := w.table(code)
		if table == nil {
			var pos diag.Pos
			if at != nil {
				pos = at(code)
			}
			switch {
			case pos.File != "":
				diags.Report(pos, diag.RenderNoWordsCode, code, strings.Join(slices.Sorted(maps.Keys(w.text)), ", "), file(code), file(ref))
			default:
				diags.Report(diag.Pos{File: file(code)}, diag.RenderNoWords, code, file(ref))
			}
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(need)) {
			if _, ok := table[k]; !ok {
				diags.Report(diag.Pos{File: file(w.code(code))}, diag.RenderMissingWord, k, need[k])
			}
		}
	}
	return diags
}

// code is the language whose table lang's pages take their words from:
// lang's own, or else that of its language without the region or script
// (sv for sv-FI, en for en-GB), matched regardless of case as BCP 47 tags
// are. "" when the theme has neither: a portal whose language: is sv-FI,
// the Swedish of Finland, was written in Finnish words and searched as
// Finnish, its pages marked Swedish.
func (w *words) code(lang string) string {
	if _, ok := w.text[lang]; ok {
		return lang
	}
	base := config.BaseLanguage(lang)
	if _, ok := w.text[base]; ok {
		return base
	}
	return ""
}

// table is lang's table of words (see code), nil when there is none.
func (w *words) table(lang string) map[string]string {
	if m, ok := w.text[lang]; ok {
		return m
	}
	return w.text[w.code(lang)]
}

// word is the text of key in lang: from lang's table, else the Finnish
// one's (check has reported the gap), else the key itself.
func (t *Theme) word(lang, key string) string {
	if s, ok := t.words.table(lang)[key]; ok {
		return s
	}
	if s, ok := t.words.text["fi"][key]; ok {
		return s
	}
	return key
}

// plural is the word key.one or key.other for n, with n in it.
func (t *Theme) plural(lang, key string, n int) string {
	form := key + ".other"
	if n == 1 {
		form = key + ".one"
	}
	w := t.word(lang, form)
	if !strings.Contains(w, "%") {
		return w // the noun alone: "helmi", "helmeä"
	}
	return fmt.Sprintf(w, n)
}

// dateWords are the words a language writes a day with (see dateIn): its
// table's date.format, which has the day, the month's name, the year and
// the month's number as arguments 1 to 4, and date.months, split once per
// site (siteState.dates), not for every date of every page.
type dateWords struct {
	format string
	months []string // none unless there are twelve
}

func (t *Theme) dateWords(lang string) dateWords {
	w := dateWords{format: t.word(lang, "date.format")}
	if months := strings.Fields(t.word(lang, "date.months")); len(months) == 12 {
		w.months = months
	}
	return w
}

// dateIn writes the day d in w's language: 1.6.2022, 1 juni 2022.
func dateIn(w dateWords, d time.Time) string {
	if d.IsZero() {
		return ""
	}
	month := ""
	if w.months != nil {
		month = w.months[d.Month()-1]
	}
	return fmt.Sprintf(w.format, d.Day(), month, d.Year(), int(d.Month()))
}

// Labels are the names of the kinds and audiences in lang's words, by
// "kind.<slug>" and "audience.<slug>", and the guide's by "nav.guide"
// (the title of a guide without a cover), for the site model.
func (t *Theme) Labels(lang string) map[string]string {
	if t == nil || len(t.words.text) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, k := range content.Kinds {
		out["kind."+k] = t.word(lang, "kind."+k)
	}
	for _, a := range content.Audiences {
		out["audience."+a] = t.word(lang, "audience."+a)
	}
	out["nav.guide"] = t.word(lang, "nav.guide")
	return out
}

// scriptWords is the JSON object of lang's words whose keys start with
// prefix ("js.oma."), without it, and of those starting with one of
// also ("kind."), whole, for a script's data-words attribute.
func (t *Theme) scriptWords(lang, prefix string, also ...string) string {
	m := map[string]string{}
	for _, table := range []map[string]string{t.words.text["fi"], t.words.table(lang)} {
		for k := range table {
			if rest, ok := strings.CutPrefix(k, prefix); ok {
				m[rest] = t.word(lang, k)
			}
			for _, p := range also {
				if strings.HasPrefix(k, p) {
					m[k] = t.word(lang, k)
				}
			}
		}
	}
	b, _ := json.Marshal(m) // strings marshal
	return string(b)
}

// plainWord is a template's action that writes one word and nothing
// else: {{$.T "key"}} or {{.T "key"}}.
var plainWord = regexp.MustCompile(`\{\{\$?\.T "([a-z0-9_.-]+)"\}\}`)

// localize is the template sources src with each plainWord action
// replaced by lang's word, escaped for HTML text and attributes alike:
// a call html/template makes through reflection on every page becomes
// text parsed once. (Measured on a pearl page: the calls were a third
// of its rendering.)
func (t *Theme) localize(src map[string]string, lang string) map[string]string {
	out := make(map[string]string, len(src))
	for name, s := range src {
		out[name] = plainWord.ReplaceAllStringFunc(s, func(m string) string {
			w := html.EscapeString(t.word(lang, plainWord.FindStringSubmatch(m)[1]))
			// A word is text, never an action of the template.
			return strings.ReplaceAll(w, "{", "&#123;")
		})
	}
	return out
}

// T is the theme's word key in the page's language (i18n/<lang>.yaml).
func (v *View) T(key string) string { return v.st.t.word(v.st.lang, key) }

// TIn is the theme's word key in the language lang, for a part of the
// page in another language (its element has lang="…"): the 404 page
// speaks each language of the portal, since a host serves one 404 page
// for every missing address.
func (v *View) TIn(lang, key string) string { return v.st.t.word(lang, key) }

// N is the count n of key (key.one or key.other) in the page's
// language: "1 helmi", "3 pärlor".
func (v *View) N(key string, n int) string { return v.st.t.plural(v.st.lang, key, n) }

// F is the word key in the page's language with args put in its
// verbs: {{.F "area.cases.more" 12 8}}.
func (v *View) F(key string, args ...any) string {
	return fmt.Sprintf(v.st.t.word(v.st.lang, key), args...)
}

// Date is the day d as the page's language writes it.
func (v *View) Date(d time.Time) string { return dateIn(v.st.dates, d) }

// Words is the JSON of the page language's words for a script: those
// under js.<name>., and those under each of also whole, for a
// <script type="application/json" id="words-search">{{.Words "search"
// "kind."}}</script>. encoding/json writes <, > and & as \u escapes, so
// the JSON cannot end the element.
func (v *View) Words(name string, also ...string) template.JS {
	key := chromeKey{name: "words:" + name, kind: strings.Join(also, " ")}
	if h, ok := v.st.chrome.Load(key); ok {
		return template.JS(h.(template.HTML))
	}
	s := v.st.t.scriptWords(v.st.lang, "js."+name+".", also...)
	v.st.chrome.Store(key, template.HTML(s))
	return template.JS(s)
}
