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
	"sort"
	"strconv"
	"strings"

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
	// Extra holds the keys the contract does not name, for templates.
	Extra map[string]any
}

// BasePath returns the path part of BaseURL ("/" or "/portaali/"). Every
// URL the site emits starts with it, so that the portal works under a
// subpath.
func (c *Config) BasePath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// Absolute returns the absolute URL of a site path such as "/helmet/x/",
// or the path under BasePath when no base URL is set.
// Letters beyond ASCII (a tag's page in any script) are percent-encoded,
// as sitemaps and feeds require.
func (c *Config) Absolute(path string) string {
	rel := (&url.URL{Path: strings.TrimPrefix(path, "/")}).EscapedPath()
	if c.BaseURL == "" {
		return c.BasePath() + rel
	}
	return c.BaseURL + rel
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
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p := pos("baseURL")
			if baseURL != "" {
				p = diag.Pos{File: "--baseurl"}
			}
			diags.Report(p, diag.ConfigBaseURL, c.BaseURL)
		} else {
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			u.RawQuery, u.Fragment = "", ""
			c.BaseURL = u.String()
		}
	}
	c.Keep = keepList(raw["keep"], pos("keep"), &diags)
	known := map[string]bool{"title": true, "description": true, "language": true, "baseURL": true, "theme": true, "keep": true, "pearlWords": true, "editURL": true}
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
