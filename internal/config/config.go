// Package config reads and checks the portal's settings file, site.yaml
// (the README's "Content" section, site.yaml).
//
// Input: the content folder as an fs.FS. Output: a *Config with defaults
// filled in (language fi, theme helminauha) and the --baseurl override
// applied, or a diag.List naming each problem at its line. config imports
// only diag from the project.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
	"gopkg.in/yaml.v2"
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
	// languages:), by code; Language is not among them. A portal without
	// them is one language, built exactly as before they existed.
	Languages []Language
	// LangPath is "" in the default language's configuration and "sv/"
	// in the Swedish one (see For): every page URL of the language starts
	// with it under the base path, while theme assets and static files
	// are shared at the base path itself.
	LangPath string
	// Extra holds the keys the contract does not name, for templates.
	Extra map[string]any
}

// Language is one of the portal's other languages: its content is in
// the content folder's subfolder named by Code, its pages under /Code/.
type Language struct {
	Code        string // BCP 47, also the folder and the URL segment
	Title       string
	Description string
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

// RootPath is the base path without the language's folder: where the
// assets, the static files and the default language's pages are.
func (c *Config) RootPath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(c.BaseURL)
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

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse checks the settings in src; name is the file's path in messages.
func Parse(name string, src []byte, baseURL string) (*Config, diag.List) {
	var diags diag.List
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if bad := invalidUTF8(src); bad >= 0 {
		// Said alone and first: YAML's words about the same bytes would
		// only hide what to do.
		line := bytes.Count(src[:bad], []byte{'\n'}) + 1
		start := bytes.LastIndexByte(src[:bad], '\n') + 1
		col := utf8.RuneCount(src[start:bad]) + 1
		var l diag.List
		l.Report(diag.Pos{File: name, Line: line, Col: col}, diag.MarkdownNotUTF8, src[bad])
		return nil, l
	}
	raw := map[string]any{}
	if err := yaml.Unmarshal(src, &raw); err != nil {
		line := 0
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
			msg = m[2]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		return nil, diag.List{diag.New(diag.Pos{File: name, Line: line}, diag.ConfigYAML, File, msg).Because(err)}
	}
	lines := keyLines(src)
	pos := func(key string) diag.Pos { return diag.Pos{File: name, Line: lines[key], Col: colOf(lines[key])} }
	str := func(key string, required bool) string {
		v, ok := raw[key]
		if !ok || v == nil {
			if required {
				diags.Report(diag.Pos{File: name, Line: 1}, diag.ConfigKeyMissing, File, key, key)
			}
			return ""
		}
		s, ok := v.(string)
		if !ok {
			diags.Report(pos(key), diag.ConfigNotText, key, describe(v))
			return ""
		}
		return strings.TrimSpace(s)
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
			diags.Report(pos("editURL"), diag.ConfigEditURL, e)
		} else {
			c.EditURL = strings.TrimSuffix(e, "/") + "/"
		}
	}
	c.PearlWords = DefaultPearlWords
	if v, ok := raw["pearlWords"]; ok {
		if w, ok := wordRange(v); ok {
			c.PearlWords = w
		} else {
			diags.Report(pos("pearlWords"), diag.ConfigPearlWords)
		}
	}
	if c.Language == "" {
		c.Language = "fi"
	} else if !langTag.MatchString(c.Language) {
		diags.Report(pos("language"), diag.ConfigLanguage, c.Language)
	}
	if c.Theme == "" {
		c.Theme = "helminauha"
	} else if !themeName.MatchString(c.Theme) {
		diags.Report(pos("theme"), diag.ConfigTheme, c.Theme)
	}
	if baseURL != "" {
		c.BaseURL = baseURL
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		p := pos("baseURL")
		if baseURL != "" {
			p = diag.Pos{File: "--baseurl"}
		}
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !validPort(u.Port()):
			diags.Report(p, diag.ConfigBaseURL, c.BaseURL)
		case u.User != nil:
			// Every page, the feed and the sitemap would publish it; the
			// message does not repeat the password either.
			user := u.User.Username()
			if _, ok := u.User.Password(); ok {
				user += ":***"
			}
			u.User = nil
			shown := strings.Replace(u.String(), "://", "://"+user+"@", 1)
			diags.Report(p, diag.ConfigBaseURLUser, shown, user+"@")
		case slices.Contains(strings.Split(u.Path, "/"), ".") || slices.Contains(strings.Split(u.Path, "/"), ".."):
			diags.Report(p, diag.ConfigBaseURLDots, c.BaseURL)
		default:
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			u.RawQuery, u.Fragment = "", ""
			c.BaseURL = u.String()
		}
	}
	c.Keep = keepList(raw["keep"], pos("keep"), &diags)
	c.Languages = languages(raw["languages"], c.Language, pos("languages"), &diags)
	known := map[string]bool{"languages": true, "title": true, "description": true, "language": true, "baseURL": true, "theme": true, "keep": true, "pearlWords": true, "editURL": true}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, "baseurl") && k != "baseURL" {
			diags.Report(pos(k), diag.ConfigBaseURLCase, k)
			continue
		}
		if !known[k] {
			c.Extra[k] = raw[k]
		}
	}
	diags.Sort()
	return c, diags
}

// languages checks site.yaml's languages: a mapping from each other
// language's code to its title and description.
func languages(v any, def string, pos diag.Pos, diags *diag.List) []Language {
	if v == nil {
		return nil
	}
	m, ok := v.(map[any]any)
	if !ok {
		diags.Report(pos, diag.ConfigLanguagesShape)
		return nil
	}
	var out []Language
	for k, v := range m {
		code, _ := k.(string)
		if !langTag.MatchString(code) || code == def || slices.Contains(reservedFolders, code) {
			diags.Report(pos, diag.ConfigLanguageCode, fmt.Sprint(k), def)
			continue
		}
		fields, _ := v.(map[any]any)
		str := func(key string) string { s, _ := fields[key].(string); return strings.TrimSpace(s) }
		l := Language{Code: code, Title: str("title"), Description: str("description")}
		if l.Title == "" || l.Description == "" {
			diags.Report(pos, diag.ConfigLanguageFields, code)
			continue
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b Language) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// reservedFolders are the content folders no language may be named as.
var reservedFolders = []string{"teemat", "helmet", "caset", "opas", "sivut", "static"}

// keepList checks site.yaml's keep: a list of paths inside the output
// folder.
func keepList(v any, pos diag.Pos, diags *diag.List) []string {
	if v == nil {
		return nil
	}
	items, ok := v.([]any)
	if !ok {
		diags.Report(pos, diag.ConfigKeepNotList)
		return nil
	}
	var keep []string
	for _, item := range items {
		s, ok := item.(string)
		p := strings.TrimSuffix(strings.TrimSpace(s), "/")
		if !ok || p == "" || p == "." || strings.Contains(p, "\\") || !fs.ValidPath(p) {
			diags.Report(pos, diag.ConfigKeepItem, describeItem(item))
			continue
		}
		keep = append(keep, p)
	}
	return keep
}

func describeItem(v any) any {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return describe(v)
}

// DefaultPearlWords is the length of the default portal's pearls: a
// short practical tip, read in a few minutes.
var DefaultPearlWords = [2]int{150, 500}

// wordRange reads [least, most].
func wordRange(v any) ([2]int, bool) {
	list, ok := v.([]any)
	if !ok || len(list) != 2 {
		return [2]int{}, false
	}
	lo, ok1 := list[0].(int)
	hi, ok2 := list[1].(int)
	if !ok1 || !ok2 || lo < 0 || hi < lo {
		return [2]int{}, false
	}
	return [2]int{lo, hi}, true
}

// invalidUTF8 is the offset of the first byte of src that is not UTF-8,
// or -1.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func describe(v any) diag.Text {
	switch v.(type) {
	case []any:
		return diag.DescList.With()
	case map[any]any, map[string]any:
		return diag.DescMapping.With()
	case int, int64, float64:
		return diag.DescNumber.With(v)
	case bool:
		return diag.DescBool.With(v)
	}
	return diag.DescType.With(fmt.Sprintf("%T", v))
}

// keyLines finds the 1-based line of each top-level key.
func keyLines(src []byte) map[string]int {
	out := map[string]int{}
	for i, line := range strings.Split(string(src), "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue
		}
		if k, _, ok := strings.Cut(line, ":"); ok {
			k = strings.Trim(strings.TrimSpace(k), `"'`)
			if _, seen := out[k]; !seen {
				out[k] = i + 1
			}
		}
	}
	return out
}

func colOf(line int) int {
	if line == 0 {
		return 0
	}
	return 1
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
