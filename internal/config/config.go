// Package config reads and checks the portal's settings file, site.yaml
// (the README's "Content" section, site.yaml).
//
// Input: the content folder as an fs.FS. Output: a *Config with defaults
// filled in (language fi, theme helminauha) and the --baseurl override
// applied, or a diag.List naming each problem at its line and column.
// site.yaml is read through yamldoc, the one YAML front end.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

// File is the settings file's name inside the content folder.
const File = "site.yaml"

// Config is the portal's settings.
type Config struct {
	Title       string
	Description string
	Language    string // BCP 47, "fi" by default
	BaseURL     string // absolute, always ends in "/"; may be empty for a local build
	Theme       string // folder under themes/, "helminauha" by default
	// OwnURL is site.yaml's baseURL also when --baseurl overrides it
	// (a preview's build): an image written with it is the portal's own.
	OwnURL string
	// Keep lists paths in the output folder (files or folders, relative
	// to it) that builds never replace or remove: files put there by hand.
	Keep []string
	// EditURL, when set, is the address under which each page's source
	// file can be edited (https://github.com/org/portaali/edit/main/content/);
	// every page made from a file links to EditURL + its path in the
	// content folder. Always ends in "/" when set.
	EditURL string
	// PearlWords is the least and the most words a pearl should have;
	// check warns of a pearl outside it. [0, 0] turns the warning off.
	PearlWords [2]int
	// Languages are the portal's other languages (site.yaml's
	// languages:), in the order written; Language is not among them. A portal without
	// them is one language, built exactly as before they existed.
	Languages []Language
	// LangPath is "" in the default language's configuration and "sv/"
	// in the Swedish one (see For): every page URL of the language starts
	// with it under the base path, while theme assets and static files
	// are shared at the base path itself.
	LangPath string
	// Extra holds the keys the contract does not name, for templates.
	Extra map[string]any
	// rootPath is RootPath, worked out by Load for BaseURL rootFor: a
	// multilingual page asks for it at each of its links, and parsing
	// the address each time was a fifth of a title save's time in serve.
	rootPath, rootFor string
	// languagePos is where language: is (see CodePos).
	languagePos diag.Pos
}

// Language is one of the portal's other languages: its content is in
// the content folder's subfolder named by Code, its pages under /Code/.
type Language struct {
	Code        string // BCP 47, also the folder and the URL segment
	Title       string
	Description string
	Pos         diag.Pos // where site.yaml's languages: names the code
}

// Codes are the portal's languages, the default first.
func (c *Config) Codes() []string {
	codes := []string{c.Language}
	for _, l := range c.Languages {
		codes = append(codes, l.Code)
	}
	return codes
}

// For returns the configuration of the language code: the default
// language's is c itself; another's has its title, description and
// language, and its LangPath. nil when the portal has no such language.
func (c *Config) For(code string) *Config {
	if code == c.Language {
		return c
	}
	for _, l := range c.Languages {
		if l.Code == code {
			o := *c
			o.Title, o.Description, o.Language, o.LangPath = l.Title, l.Description, l.Code, l.Code+"/"
			return &o
		}
	}
	return nil
}

// CodePos is where site.yaml names the language code: the value of
// language: for the default language, the key under languages: for
// another; a Pos of site.yaml alone (or none) when it is not written.
func (c *Config) CodePos(code string) diag.Pos {
	for _, l := range c.Languages {
		if l.Code == code {
			return l.Pos
		}
	}
	return c.languagePos
}

// InLanguage is m's value for the language of the tag lang (sv-FI gets
// "sv"'s), or its Finnish one for a language m has none for: the words
// the generator writes into content, which the default language has all.
func InLanguage[T any](m map[string]T, lang string) T {
	if v, ok := m[BaseLanguage(lang)]; ok {
		return v
	}
	return m["fi"]
}

// BaseLanguage is the language of the BCP 47 tag, without its region or
// script, in lower case: sv for sv-FI, the Swedish of Finland, en for
// en-GB. The theme's words, the search's analysis and the sections of a
// case example follow it; a page's lang attribute keeps the tag whole.
func BaseLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base
}

// Folder is the language's folder in the content folder, as a document's
// Lang names it: "" for the default language, "sv" for Swedish.
func (c *Config) Folder() string { return strings.TrimSuffix(c.LangPath, "/") }

// RootPath is the base path without the language's folder: where the
// assets, the static files and the default language's pages are.
func (c *Config) RootPath() string {
	if c.rootPath != "" && c.rootFor == c.BaseURL {
		return c.rootPath
	}
	return rootPath(c.BaseURL)
}

// pageName is the last part of a baseURL's path when it names a page
// (index.html, index.htm, index.php), "" otherwise.
func pageName(p string) string {
	if strings.HasSuffix(p, "/") {
		return ""
	}
	name := path.Base(p)
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".php", ".asp", ".aspx":
		return name
	}
	return ""
}

func rootPath(baseURL string) string {
	if baseURL == "" {
		return "/"
	}
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// BasePath returns the path part of BaseURL ("/" or "/portaali/"). Every
// URL the site emits starts with it, so that the portal works under a
// subpath.
func (c *Config) BasePath() string { return c.RootPath() + c.LangPath }

// Absolute returns the absolute URL of a site path such as "/helmet/x/",
// or the path under BasePath when no base URL is set.
// Letters beyond ASCII (a tag's page in any script) are percent-encoded,
// as sitemaps and feeds require.
func (c *Config) Absolute(path string) string {
	rel := (&url.URL{Path: c.LangPath + strings.TrimPrefix(path, "/")}).EscapedPath()
	if c.BaseURL == "" {
		return c.RootPath() + rel
	}
	return c.BaseURL + rel
}

// RootAbsolute is Absolute of a path outside any language's folder
// (a static file, an asset).
func (c *Config) RootAbsolute(path string) string {
	d := *c
	d.LangPath = ""
	return d.Absolute(path)
}

var (
	themeName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	langTag   = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
)

// Load reads site.yaml from fsys (the content folder). prefix is how the
// folder is shown in messages ("content"). baseURL, when not empty,
// overrides the file's baseURL (the build's --baseurl flag).
func Load(fsys fs.FS, prefix, baseURL string) (*Config, diag.List) {
	name := File
	if prefix != "" {
		name = prefix + "/" + File
	}
	src, err := rootfs.ReadFile(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.List{diag.New(diag.Pos{File: name}, diag.ConfigMissing, File)}
		}
		return nil, diag.List{rootfs.Problem(diag.Pos{File: name}, err)}
	}
	return Parse(name, src, baseURL)
}

// misspelt is the key of keys that is key written with one letter wrong,
// missing, added or two letters swapped (titel, desciption), or nil: a
// setting site.yaml lacks is most often there, misspelt.
func misspelt(keys map[string]*yamldoc.Node, key string) *yamldoc.Node {
	var found *yamldoc.Node
	for k, n := range keys {
		if k != key && oneEdit(strings.ToLower(k), strings.ToLower(key)) && (found == nil || n.Line < found.Line) {
			found = n
		}
	}
	return found
}

// oneEdit tells whether a becomes b by one change of a letter, one letter
// added or left out, or two letters next to each other swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch len(b) - len(a) {
	case 0:
		if a[i:] == b[i:] {
			return true
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+2 <= len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i:] == b[i+1:]
	}
	return false
}

// Parse checks the settings in src; name is the file's path in messages.
func Parse(name string, src []byte, baseURL string) (*Config, diag.List) {
	var diags diag.List
	root, prob := yamldoc.Parse(yamldoc.Normalise(src))
	if prob == nil {
		prob = yamldoc.Keys(root)
	}
	if prob == nil {
		// An anchor, an alias, a merge key or a type tag: settings are
		// plain keys and values, read as written.
		prob = yamldoc.Plain(root)
	}
	if prob != nil {
		return nil, diag.List{prob.Error(diag.Pos{File: name, Line: prob.Line, Col: prob.Col}, diag.ConfigYAML, File)}
	}
	yamldoc.Twice(root, func(k, first *yamldoc.Node) {
		diags.Report(diag.Pos{File: name, Line: k.Line, Col: k.Column}, diag.YAMLKeyTwice, k.Value, first.Line)
	})
	yamldoc.CurlyQuotes(root, func(line, col int, r rune) {
		diags.Warn(diag.Pos{File: name, Line: line, Col: col}, diag.YAMLCurlyQuote, r)
	})
	keys := map[string]*yamldoc.Node{}
	for k := range yamldoc.Pairs(root) {
		if _, seen := keys[k.Value]; !seen && k.Kind == yamldoc.Scalar {
			keys[k.Value] = k
		}
	}
	pos := func(key string) diag.Pos {
		if k := keys[key]; k != nil {
			return diag.Pos{File: name, Line: k.Line, Col: k.Column}
		}
		return diag.Pos{File: name}
	}
	// valuePos is where key's value starts, where an editor goes to
	// correct it (a value on the lines below its key starts there), or
	// else where the key is.
	valuePos := func(key string) diag.Pos {
		if v := yamldoc.Get(root, key); v != nil && v.Line > 0 {
			return diag.Pos{File: name, Line: v.Line, Col: v.Column}
		}
		return pos(key)
	}
	str := func(key string, required bool) string {
		v := yamldoc.Get(root, key)
		if yamldoc.Empty(v) {
			switch k := keys[key]; {
			case !required:
			case k != nil:
				// `description:` with nothing after it.
				diags.Report(diag.Pos{File: name, Line: k.Line, Col: k.Column}, diag.ContentEmptyValue, key, key)
			case misspelt(keys, key) != nil:
				m := misspelt(keys, key)
				diags.Report(diag.Pos{File: name, Line: m.Line, Col: m.Column}, diag.ConfigKeyMisspelt, File, key, m.Value, key)
			default:
				diags.Report(diag.Pos{File: name, Line: 1}, diag.ConfigKeyMissing, File, key, key)
			}
			return ""
		}
		s, ok := yamldoc.Str(v)
		switch at := (diag.Pos{File: name, Line: v.Line, Col: v.Column}); {
		case !ok:
			diags.Report(at, diag.ConfigNotText, key, yamldoc.Describe(v))
		case s == "" && required:
			diags.Report(at, diag.ContentEmptyValue, key, key)
		}
		return visible(name, key, v, s, &diags)
	}
	c := &Config{
		Title:       str("title", true),
		Description: str("description", true),
		Language:    str("language", false),
		BaseURL:     str("baseURL", false),
		Theme:       str("theme", false),
		Extra:       map[string]any{},
	}
	if e := str("editURL", false); e != "" {
		u, err := url.Parse(e)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			diags.Report(valuePos("editURL"), diag.ConfigEditURL, e)
		} else {
			c.EditURL = strings.TrimSuffix(e, "/") + "/"
		}
	}
	c.PearlWords = DefaultPearlWords
	if v := yamldoc.Get(root, "pearlWords"); v != nil {
		if w, ok := wordRange(v); ok {
			c.PearlWords = w
		} else {
			diags.Report(valuePos("pearlWords"), diag.ConfigPearlWords)
		}
	}
	c.languagePos = valuePos("language")
	if c.Language == "" {
		c.Language = "fi"
	} else if !langTag.MatchString(c.Language) {
		diags.Report(c.languagePos, diag.ConfigLanguage, c.Language)
	}
	if c.Theme == "" {
		c.Theme = "helminauha"
	} else if !themeName.MatchString(c.Theme) {
		diags.Report(valuePos("theme"), diag.ConfigTheme, c.Theme)
	}
	c.OwnURL = c.BaseURL
	if baseURL != "" {
		c.BaseURL = baseURL
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		p := valuePos("baseURL")
		if baseURL != "" {
			p = diag.Pos{File: "--baseurl"}
		}
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !validPort(u.Port()):
			diags.Report(p, diag.ConfigBaseURL, hidePassword(c.BaseURL))
		case u.User != nil:
			// Every page, the feed and the sitemap would publish it; the
			// message does not repeat the password either.
			user := u.User.Username()
			if _, ok := u.User.Password(); ok {
				user += ":***"
			}
			diags.Report(p, diag.ConfigBaseURLUser, hidePassword(c.BaseURL), user+"@")
		case slices.Contains(strings.Split(u.Path, "/"), ".") || slices.Contains(strings.Split(u.Path, "/"), ".."):
			diags.Report(p, diag.ConfigBaseURLDots, hidePassword(c.BaseURL))
		case strings.Contains(u.Path, "//"):
			// Every address would have it, and a host may answer the
			// folder of one slash or none.
			one := *u
			for strings.Contains(one.Path, "//") {
				one.Path = strings.ReplaceAll(one.Path, "//", "/")
			}
			one.RawPath = ""
			diags.Report(p, diag.ConfigBaseURLSlashes, hidePassword(c.BaseURL), hidePassword(one.String()))
		case pageName(u.Path) != "":
			// The home page's address, copied from the browser: every
			// address would go under a folder of that name.
			folder := *u
			folder.Path = strings.TrimSuffix(u.Path, pageName(u.Path))
			folder.RawPath, folder.RawQuery, folder.ForceQuery, folder.Fragment, folder.RawFragment = "", "", false, "", ""
			diags.Report(p, diag.ConfigBaseURLFile, hidePassword(c.BaseURL), pageName(u.Path), hidePassword(folder.String()))
		default:
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			// A query or fragment is no part of the folder the site is
			// served from; one ending in a bare ? (ForceQuery) put
			// "?" between it and every path.
			u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
			c.BaseURL = u.String()
		}
	}
	c.rootPath, c.rootFor = rootPath(c.BaseURL), c.BaseURL
	c.Keep = keepList(yamldoc.Get(root, "keep"), pos("keep"), &diags)
	c.Languages = languages(name, yamldoc.Get(root, "languages"), c.Language, pos("languages"), &diags)
	for k, v := range yamldoc.Pairs(root) {
		switch {
		case keys[k.Value] != k:
		case strings.EqualFold(k.Value, "baseurl") && k.Value != "baseURL":
			diags.Report(pos(k.Value), diag.ConfigBaseURLCase, k.Value)
		case !slices.Contains(known, k.Value) && slices.ContainsFunc(known, func(n string) bool { return strings.EqualFold(n, k.Value) }):
			// Title: for title; a key of templates' own is any other.
			i := slices.IndexFunc(known, func(n string) bool { return strings.EqualFold(n, k.Value) })
			diags.Report(pos(k.Value), diag.ConfigKeyCase, known[i], k.Value)
		case !slices.Contains(known, k.Value):
			c.Extra[k.Value] = yamldoc.Value(v)
		}
	}
	diags.Sort()
	return c, diags
}

// visible is s, the text of key's value v, with a problem at the value
// when s holds a character that shows as nothing: YAML reads one
// written as an escape in double quotes ("\x07", "\u0007"), and from
// the title it would reach every page, the feed and the search index.
func visible(name, key string, v *yamldoc.Node, s string, diags *diag.List) string {
	if r, ok := yamldoc.UnwantedIn(s); ok {
		diags.Report(diag.Pos{File: name, Line: v.Line, Col: v.Column}, diag.ContentControl, key, r)
	}
	most := MaxFor(key)
	if n := TooLong(s, most); n > 0 {
		diags.Report(diag.Pos{File: name, Line: v.Line, Col: v.Column}, diag.ContentValueTooLong, key, n, most)
	}
	return s
}

// MaxTitle and MaxText are the most characters of a title (the portal's,
// a page's) and of any other text value (a description, a summary, an
// organisation). Such a value is repeated on every page that shows it:
// the portal's title and description on every page, an area's title in
// every page's header, a pearl's on its area's, tags' and neighbours'
// pages. Before the limits, a title of 1.5 MB in one theme area (a page
// may be 2 MB) made the default portal's 2.3 MB of output 596 MB, and one
// in site.yaml's description 373 MB (by hand, 2026-12-07); at 100,000
// pages, terabytes. The longest title of the default portal is 67
// characters, its longest summary 245.
const (
	MaxTitle = 200
	MaxText  = 1000
)

// MaxFor is the most characters of the value of key: MaxTitle for a
// title (title, or a key of site.yaml's such as languages.sv.title),
// MaxText for any other text.
func MaxFor(key string) int {
	if key == "title" || strings.HasSuffix(key, ".title") {
		return MaxTitle
	}
	return MaxText
}

// TooLong is the number of characters of s when it has more than most,
// else 0.
func TooLong(s string, most int) int {
	// A text of no more bytes than most has no more characters.
	if len(s) <= most {
		return 0
	}
	if n := utf8.RuneCountInString(s); n > most {
		return n
	}
	return 0
}

// known are the keys of site.yaml that Config names.
var known = []string{"languages", "title", "description", "language", "baseURL", "theme", "keep", "pearlWords", "editURL"}

// languages checks site.yaml's languages: a mapping from each other
// language's code to its title and description.
func languages(name string, v *yamldoc.Node, def string, pos diag.Pos, diags *diag.List) []Language {
	if yamldoc.Empty(v) {
		return nil
	}
	if v.Kind != yamldoc.Mapping {
		diags.Report(pos, diag.ConfigLanguagesShape)
		return nil
	}
	var out []Language
	for k, v := range yamldoc.Pairs(v) {
		// The code names a folder and a part of every address, which
		// a case-sensitive file system and server tell from its lower
		// case: with SV, content/sv/ was refused as named by no
		// language. It is an error, and the language is read as the
		// code in lower case all the same, so that its folder is not
		// also reported as named by none.
		lang, _, _ := strings.Cut(k.Value, "-")
		code := strings.ToLower(lang) + k.Value[len(lang):]
		pos := diag.Pos{File: name, Line: k.Line, Col: k.Column}
		if !langTag.MatchString(code) || code == def || slices.Contains(reservedFolders, code) {
			diags.Report(pos, diag.ConfigLanguageCode, k.Value, def)
			continue
		}
		if code != k.Value {
			diags.Report(pos, diag.ConfigLanguageCodeCase, k.Value, code, code, code)
		}
		if slices.ContainsFunc(out, func(l Language) bool { return l.Code == code }) {
			// SV beside sv: one language, already told of.
			continue
		}
		str := func(key string) string {
			n := yamldoc.Get(v, key)
			s, _ := yamldoc.Text(n)
			return visible(name, code+"."+key, n, s, diags)
		}
		l := Language{Code: code, Title: str("title"), Description: str("description"), Pos: pos}
		if l.Title == "" || l.Description == "" {
			diags.Report(pos, diag.ConfigLanguageFields, code)
			continue
		}
		out = append(out, l)
	}
	// In the order written: an editor who names Swedish before English
	// expects the switcher, the 404 page and the alternates to list them
	// so (they were sorted by code until 2026-12-07).
	return out
}

// reservedFolders are the content folders no language may be named as.
var reservedFolders = []string{"teemat", "helmet", "caset", "opas", "sivut", "static"}

// keepList checks site.yaml's keep: a list of paths inside the output
// folder. pos is keep's; an item's problem is at the item.
func keepList(v *yamldoc.Node, pos diag.Pos, diags *diag.List) []string {
	if yamldoc.Empty(v) {
		return nil
	}
	if v.Kind != yamldoc.Sequence {
		diags.Report(pos, diag.ConfigKeepNotList)
		return nil
	}
	var keep []string
	for _, item := range v.Content {
		s, ok := yamldoc.Str(item)
		p := strings.TrimSuffix(s, "/")
		if !ok || p == "" || p == "." || strings.Contains(p, "\\") || !fs.ValidPath(p) {
			var what any = yamldoc.Describe(item)
			if ok {
				what = strconv.Quote(s)
			}
			diags.Report(diag.Pos{File: pos.File, Line: item.Line, Col: item.Column}, diag.ConfigKeepItem, what)
			continue
		}
		keep = append(keep, p)
	}
	return keep
}

// DefaultPearlWords is the length of the default portal's pearls: a
// short practical tip, read in a few minutes.
var DefaultPearlWords = [2]int{150, 500}

// wordRange reads [least, most].
func wordRange(v *yamldoc.Node) ([2]int, bool) {
	if v.Kind != yamldoc.Sequence || len(v.Content) != 2 {
		return [2]int{}, false
	}
	var w [2]int
	for i, n := range v.Content {
		var err error
		if n.ShortTag() != "!!int" {
			return [2]int{}, false
		}
		if w[i], err = strconv.Atoi(n.Value); err != nil {
			return [2]int{}, false
		}
	}
	return w, w[0] >= 0 && w[1] >= w[0]
}

// validPort tells whether a URL's port (without the colon, "" for none)
// is one a server can listen at.
func validPort(port string) bool {
	if port == "" {
		return true
	}
	n, err := strconv.Atoi(port)
	return err == nil && n > 0 && n <= 65535
}

// hidePassword is the address s with the password in it, if any, written
// as ***: an address that does not parse (a user name with ä in it) may
// still hold one, and a message shown in CI logs must not repeat it.
func hidePassword(s string) string {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return s
	}
	user, _, hasPassword := strings.Cut(authority[:at], ":")
	if !hasPassword {
		return s
	}
	start := len(s) - len(rest)
	return s[:start] + user + ":***" + s[start+at:]
}
