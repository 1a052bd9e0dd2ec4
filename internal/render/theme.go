package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
	"github.com/helminauha/helminauha/themes"
)

// Kinds are the page kinds that have a template, templates/<kind>.html
// (see the package doc).
var Kinds = []string{"home", "area", "pearl", "case", "guide", "chapter", "guideprint",
	"page", "term", "terms", "search", "necklace", "notfound"}

// Theme is a loaded theme: its parsed templates, assets and static files.
// It is read-only after LoadTheme, apart from a cache of the last site's
// asset names.
type Theme struct {
	name  string
	pages map[string]*template.Template // by kind; each executes "base.html"
	// fast holds the same templates minified (see MinifyTemplates); nil
	// until then.
	fast   map[string]*template.Template
	src    map[string]string // template sources by file name
	shared []string          // base.html, then the partials
	assets []file            // assets/*, by name
	static []file            // static/**, by path
	cur    atomic.Pointer[siteState]
	// langs holds the state of each other language's site, by its
	// config.Config.LangPath.
	langs sync.Map
	words words // i18n/*.yaml
	// local holds pages and fast with each table's words written into
	// the templates (see localize), by language, parsed the first time a
	// site in that language is rendered: most portals use one language of
	// the theme's tables, and parsing every language's templates (twice,
	// when they are minified) was most of a small portal's build.
	local *localSets
	// necklace keeps the entries of the necklace data between builds.
	necklace necklaceMemo
	// wholeNecklace is set when the theme's templates or assets name
	// helmet.json, the single necklace data file of every pearl that
	// builds wrote before the shards (NecklaceDir): a theme copied from
	// the built-in one then still finds it (see WholeNecklace).
	wholeNecklace bool
	// progs are the page templates compiled (see program), by template.
	progs programs
}

// file is a theme file: its path inside its folder and its bytes.
type file struct {
	name string
	data []byte
}

// Name is how the theme is shown in messages ("themes/helminauha").
func (t *Theme) Name() string { return t.name }

// Default returns the theme compiled into the binary, helminauha.
func Default() (*Theme, diag.List) {
	sub, err := fs.Sub(themes.FS, "helminauha")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return LoadTheme(sub, "themes/helminauha")
}

// LoadTheme reads a theme from fsys, the theme's folder. name is how the
// folder is shown in messages ("themes/helminauha"). Every problem is
// reported: a template that does not parse (with the file and line), a
// missing page template, an unreadable file.
func LoadTheme(fsys fs.FS, name string) (*Theme, diag.List) {
	t := &Theme{name: name, pages: map[string]*template.Template{}}
	var diags diag.List
	show := func(p string) string { return name + "/" + p }

	tpl, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		diags.Add(diag.New(diag.Pos{File: show("templates")}, diag.RenderCannotReadTemplates, diag.Cause(err)).Because(err))
		return nil, diags
	}
	src := map[string]string{}
	for _, p := range tpl {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Add(rootfs.Problem(diag.Pos{File: show(p)}, err))
			continue
		}
		src[path.Base(p)] = string(b)
	}
	if _, ok := src["base.html"]; !ok {
		diags.Report(diag.Pos{File: show("templates/base.html")}, diag.RenderNoBase)
	}
	var shared []string // base.html, then the partials in name order
	for _, p := range tpl {
		if b := path.Base(p); strings.HasPrefix(b, "_") {
			shared = append(shared, b)
		}
	}
	slices.Sort(shared)
	shared = append([]string{"base.html"}, shared...)
	t.src, t.shared = src, shared

	// The shared files are parsed once, to report their errors once.
	root := template.New("").Funcs(funcs)
	sharedOK := true
	for _, f := range shared {
		s, ok := src[f]
		if !ok {
			sharedOK = false
			continue
		}
		if _, err := root.New(f).Parse(s); err != nil {
			diags.Add(t.templateError(err))
			sharedOK = false
		}
	}
	var escapes []escapeFailure
	for _, kind := range Kinds {
		f := kind + ".html"
		s, ok := src[f]
		if !ok {
			diags.Report(diag.Pos{File: show("templates/" + f)}, diag.RenderNoKind, kind, f)
			continue
		}
		if !sharedOK {
			continue
		}
		set, err := root.Clone()
		if err != nil {
			panic(err) // root has not been executed
		}
		if _, err := set.New(f).Parse(s); err != nil {
			diags.Add(t.templateError(err))
			continue
		}
		if m := set.Lookup("main"); m == nil || m.Tree == nil || m.Tree.ParseName != f {
			diags.Report(diag.Pos{File: show("templates/" + f), Line: 1}, diag.RenderNoMain, f)
			continue
		}
		layout := set.Lookup("base.html")
		// html/template escapes a template on its first execution; run it
		// once now so that an escaping error (such as an action inside a
		// <script> or an unquoted attribute) is a load error, not a
		// failure in the middle of a build. With nil data the execution
		// itself stops at the first field and is ignored.
		var escErr *template.Error
		if err := layout.Execute(io.Discard, nil); errors.As(err, &escErr) {
			escapes = append(escapes, escapeFailure{f, t.templateError(err)})
			continue
		}
		t.pages[kind] = layout
	}
	diags.Append(t.blame(escapes, src))
	for _, p := range tpl {
		b := path.Base(p)
		if _, isKind := kindFile(b); !isKind && !slices.Contains(shared, b) {
			diags.Warn(diag.Pos{File: show(p)}, diag.RenderUnusedTemplate, b, strings.Join(Kinds, ", "))
		}
	}

	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Add(diag.New(diag.Pos{File: show(p)}, diag.RenderCannotRead, diag.Cause(err)).Because(err))
			return nil
		}
		top, rest, _ := strings.Cut(p, "/")
		if hidden, report := content.HiddenName(p, d.IsDir(), top == "assets" || top == "static"); hidden {
			// As under the content's static/: never published nor
			// left out silently, but static/.well-known is published.
			if report != nil {
				diags.Report(diag.Pos{File: show(p)}, report, path.Base(p))
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || top != "assets" && top != "static" {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Add(rootfs.Problem(diag.Pos{File: show(p)}, err))
			return nil
		}
		if top == "assets" {
			if strings.Contains(rest, "/") {
				diags.Warn(diag.Pos{File: show(p)}, diag.RenderAssetSubfolder)
				return nil
			}
			t.assets = append(t.assets, file{rest, b})
		} else {
			t.static = append(t.static, file{rest, b})
		}
		return nil
	})
	if err != nil {
		diags.Add(diag.New(diag.Pos{File: name}, diag.RenderCannotReadTheme, diag.Cause(err)).Because(err))
	}
	// A theme made from the built-in one before the necklace data was
	// cut into shards reads the whole file (see WholeNecklace).
	whole := path.Base(WholeNecklace)
	named := func(file string, text []byte) {
		if i := bytes.Index(text, []byte(whole)); i >= 0 {
			t.wholeNecklace = true
			line := bytes.LastIndexByte(text[:i], '\n')
			diags.Warn(diag.Pos{File: show(file), Line: bytes.Count(text[:i], []byte("\n")) + 1, Col: utf8.RuneCount(text[line+1:i]) + 1}, diag.RenderWholeNecklace)
		}
	}
	for _, f := range slices.Sorted(maps.Keys(src)) {
		named("templates/"+f, []byte(src[f]))
	}
	for _, f := range t.assets {
		named("assets/"+f.name, f.data)
	}
	if !slices.ContainsFunc(t.assets, func(f file) bool { return f.name == "style.css" }) {
		diags.Report(diag.Pos{File: show("assets/style.css")}, diag.RenderNoStyle)
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	w, d := loadWords(fsys, show, src)
	t.words = w
	diags.Append(d)
	t.local = &localSets{}
	return t, diags
}

// escapeFailure is an escaping error met while checking the page
// template file.
type escapeFailure struct {
	file string
	err  *diag.Error
}

// blame reports escaping errors where the editor can fix them. The escaper
// notices a broken context (an unclosed quote or tag) where it hurts,
// which may be in base.html after the page's own "main" was expanded into
// it. When only some pages fail in a shared file, the fault is in those
// pages' templates, and the error names them; when most pages fail, the
// shared files are at fault and one error says so.
func (t *Theme) blame(fails []escapeFailure, src map[string]string) diag.List {
	var out diag.List
	checked := 0
	for _, k := range Kinds {
		if _, ok := src[k+".html"]; ok {
			checked++
		}
	}
	if checked > 1 && 2*len(fails) > checked {
		// A page template can break only its own page: when most pages
		// fail, the layout or a partial is at fault.
		first := fails[0].err
		if f := path.Base(first.Pos.File); f != fails[0].file {
			return diag.List{first}
		}
		return diag.List{diag.New(diag.Pos{File: t.name + "/templates/base.html"}, diag.RenderLayoutBroken, first.Pos.String()+": "+first.Text.String()).Because(first.Err)}
	}
	for _, f := range fails {
		errFile := path.Base(f.err.Pos.File)
		if errFile == f.file {
			out.Add(f.err)
			continue
		}
		out.Add(diag.New(diag.Pos{File: t.name + "/templates/" + f.file}, diag.RenderPageBroken, errFile, f.err.Text).Because(f.err.Err))
	}
	return out
}

func kindFile(name string) (string, bool) {
	kind, ok := strings.CutSuffix(name, ".html")
	return kind, ok && slices.Contains(Kinds, kind)
}

// tplPos matches the location text/template and html/template put in
// their errors: "template: pearl.html:12: …", "template: pearl.html:12:5:
// executing …", "html/template:pearl.html:12:5: …".
var tplPos = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+)(?::(\d+))?(?::(\d+))?: (.*)$`)

// templateError turns a template parse or execution error into a
// diag.Error naming the theme's template file and line.
func (t *Theme) templateError(err error) *diag.Error {
	msg := err.Error()
	m := tplPos.FindStringSubmatch(msg)
	if m == nil {
		return diag.New(diag.Pos{File: t.name + "/templates"}, diag.RenderTemplate, strings.TrimPrefix(msg, "template: ")).Because(err)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	pos := diag.Pos{File: t.name + "/templates/" + m[1], Line: line, Col: col}
	var te diag.TextError
	if errors.As(err, &te) {
		// A function of the theme's said what is wrong in the
		// editor's language (an asset that is not there).
		return (&diag.Error{Pos: pos, Text: te.Text}).Because(err)
	}
	return diag.New(pos, diag.RenderTemplate, m[4]).Because(err)
}

// mediaTypes are the types of the files a theme ships. Others are written
// with an empty type (as is).
var mediaTypes = map[string]string{
	".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
	".ico": "image/x-icon", ".json": "application/json", ".txt": "text/plain", ".woff2": "font/woff2",
	".xml": "application/xml", ".html": "text/html", ".webmanifest": "application/manifest+json",
}

func mediaType(name string) string { return mediaTypes[strings.ToLower(path.Ext(name))] }
