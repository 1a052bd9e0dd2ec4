package output

import (
	"bytes"
	"compress/gzip"
	"errors"
	"mime"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
)

// Minifier minifies files by media type. It is safe for concurrent use.
type Minifier struct{ m *minify.M }

// htmlMinifier keeps <html lang>, <head> and <body>, and end tags, so the
// page reads the same to validators and assistive technology.
var htmlMinifier = html.Minifier{
	KeepDocumentTags: true,
	KeepEndTags:      true,
	KeepQuotes:       true,
}

// MinifyTemplate minifies the source of an html/template file, leaving
// its {{actions}} as they are. A theme minified once this way renders
// pages that need no minifying of their own.
//
// Each action goes to the minifier as a short stand-in ({{_hnaN}}) and
// comes back as written: the minifier's template mode reads an action's
// ' and " as the start of a string, so that an apostrophe in a comment
// ({{/* the reader's own */}}) or a string ({{"it's"}}) hid from it
// everything after, which a theme then rendered unminified (or, in an
// attribute, broken) without a word. A source whose actions do not end
// is an error, as html/template would report it.
func MinifyTemplate(src string) (string, error) {
	masked, actions, err := maskActions(src)
	if err != nil {
		return "", err
	}
	m := minify.New()
	tm := htmlMinifier
	tm.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", &tm)
	out, err := m.String("text/html", masked)
	if err != nil {
		return "", err
	}
	return unmaskActions(out, actions), nil
}

// actionMark starts each action's stand-in; a source that holds it is
// not minified.
const actionMark = "{{_hna"

// maskActions returns src with each {{action}} replaced by actionMark,
// its number and "}}", and the actions.
func maskActions(src string) (string, []string, error) {
	if strings.Contains(src, actionMark) {
		return "", nil, errors.New("the template holds " + actionMark)
	}
	var b strings.Builder
	var actions []string
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			b.WriteString(src)
			return b.String(), actions, nil
		}
		end := actionEnd(src, i)
		if end < 0 {
			return "", nil, errors.New("an action without its }}")
		}
		b.WriteString(src[:i])
		b.WriteString(actionMark + strconv.Itoa(len(actions)) + "}}")
		actions = append(actions, src[i:end])
		src = src[end:]
	}
}

// actionEnd is the index past the "}}" that ends the action src[i:]
// starts, read as text/template reads it: a comment runs to "*/", and a
// "}}" inside a string ("…", `…`) or a character ('…') ends nothing;
// -1 when there is none.
func actionEnd(src string, i int) int {
	j := i + 2
	if k := strings.TrimLeft(src[j:], "- \t\r\n"); strings.HasPrefix(k, "/*") {
		c := strings.Index(k, "*/")
		if c < 0 {
			return -1
		}
		j = len(src) - len(k) + c + 2
		if e := strings.Index(src[j:], "}}"); e >= 0 {
			return j + e + 2
		}
		return -1
	}
	for j < len(src) {
		switch c := src[j]; c {
		case '"', '\'', '`':
			j++
			for j < len(src) && src[j] != c {
				if src[j] == '\\' && c != '`' {
					j++
				}
				j++
			}
			j++
		case '}':
			if strings.HasPrefix(src[j:], "}}") {
				return j + 2
			}
			j++
		default:
			j++
		}
	}
	return -1
}

// unmaskActions puts the actions back in place of their stand-ins.
func unmaskActions(s string, actions []string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, actionMark)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+len(actionMark):]
		n := 0
		for len(s) > 0 && '0' <= s[0] && s[0] <= '9' {
			n = n*10 + int(s[0]-'0')
			s = s[1:]
		}
		b.WriteString(actions[n])
		s = strings.TrimPrefix(s, "}}")
	}
}

// minifiers minify each media type the site writes that is minified.
var minifiers = map[string]minify.MinifierFunc{
	"text/html":            htmlMinifier.Minify,
	"text/css":             css.Minify,
	"text/javascript":      minifyJS,
	"application/json":     json.Minify,
	"image/svg+xml":        svg.Minify,
	"application/xml":      xml.Minify,
	"application/atom+xml": xml.Minify,
}

// NewMinifier sets up tdewolff/minify for the types of minifiers.
func NewMinifier() *Minifier {
	m := minify.New()
	for t, f := range minifiers {
		m.AddFunc(t, f)
	}
	return &Minifier{m: m}
}

// Minify returns f with its data minified when its type is known.
func (mf *Minifier) Minify(f File) (File, error) {
	if asIs(f) {
		return f, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(f.Data))
	if err := mf.m.Minify(f.Type, &buf, bytes.NewReader(f.Data)); err != nil {
		return f, minifyError(f, err)
	}
	f.Data = buf.Bytes()
	return f, nil
}

// minifyTemp is Minify for a file that is dropped once written: the
// data is minified into a buffer of a pool, which done gives back. The
// parsers read a reader that has a Bytes method without copying it (by
// io.ReadAll, into a buffer grown again and again), and put a NUL after
// its end for the time they read it, in the spare byte here. At 100,000
// pearls the copies and the buffers, 0.3 GB for the search index's
// 27,000 files, were made while the collector marked a heap of 3 GB,
// and the writers paid for it in assists: nearly half their time
// minifying.
func (mf *Minifier) minifyTemp(f File) (File, func(), error) {
	if asIs(f) {
		return f, func() {}, nil
	}
	in, out := scratch.Get().(*bytes.Buffer), scratch.Get().(*bytes.Buffer)
	done := func() { putScratch(in); putScratch(out) }
	in.Grow(len(f.Data) + 1)
	in.Write(f.Data)
	out.Grow(len(f.Data))
	if err := mf.m.Minify(f.Type, out, in); err != nil {
		done()
		return f, nil, minifyError(f, err)
	}
	f.Data = out.Bytes()
	return f, done, nil
}

// minifyError is why f could not be minified. A file of the editor's
// (a static one) that the minifier's parser could not read is told at the
// place in its source where the parser stopped, as a problem of that file
// (a *diag.Error): a browser would most likely stumble there too.
func minifyError(f File, err error) error {
	var pe *parse.Error
	if f.Source == "" || !errors.As(err, &pe) {
		return diag.OutputMinify.Err(f.Path, err.Error())
	}
	kind := strings.ToUpper(strings.TrimPrefix(path.Ext(f.Path), "."))
	if kind == "JS" || kind == "MJS" {
		kind = "JavaScript"
	}
	return &diag.Error{Pos: diag.Pos{File: f.Source, Line: pe.Line, Col: pe.Column}, Text: diag.OutputMinifyStatic.With(kind, pe.Message), Err: err}
}

// scratch are the buffers of minifyTemp.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putScratch gives b back to scratch, unless it is large: a few files
// (the sitemap, the own necklace's data) are megabytes, and the pool
// would keep them for a page's few kilobytes.
func putScratch(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		b.Reset()
		scratch.Put(b)
	}
}

// MaxMinified is the size of the largest static file that is minified;
// a larger one is published as it is. The minifiers hold many times a
// file's size while they read it: a JavaScript file of 62 MB took a build
// 2.5 GB and 48 s, one of 10 MB 0.6 GB, and five CSS files of 60 MB
// 2.8 GB and 38 s. A static file that large is most often a library's
// bundle, minified already.
const MaxMinified = 4 << 20

// asIs tells whether f is published as it is, not minified: one already
// minified, one of a type not minified, a static file larger than
// MaxMinified, and one in UTF-16 (an editor's file saved as Notepad's
// "Unicode"), which a browser reads by its byte order mark but the
// minifiers, reading UTF-8, cannot: before 2026-12-07 the build of such
// a drawing failed at its first character.
func asIs(f File) bool {
	return f.Data == nil || f.Minified || !minifiable(f.Type) ||
		f.Source != "" && len(f.Data) > MaxMinified ||
		bytes.HasPrefix(f.Data, []byte("\xFE\xFF")) || bytes.HasPrefix(f.Data, []byte("\xFF\xFE"))
}

func minifiable(t string) bool {
	_, ok := minifiers[t]
	return ok
}

// TypeOf is the media type of a static file by its name, which decides
// whether it is minified and compressed.
func TypeOf(name string) string {
	t := mime.TypeByExtension(path.Ext(name))
	t, _, _ = strings.Cut(t, ";")
	return t
}

func compressible(f File) bool {
	if f.Type != "" {
		return minifiable(f.Type) || strings.HasPrefix(f.Type, "text/")
	}
	switch strings.ToLower(filepath.Ext(f.Path)) {
	case ".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".md":
		return true
	}
	return false
}

func gzipped(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzippers.Get().(*gzip.Writer)
	defer gzippers.Put(zw)
	// Reset leaves the header fixed (no name, no time), which keeps
	// builds byte-identical.
	zw.Reset(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gzippers are the compressors of gzipped: each holds most of a
// megabyte of tables, which a new one for every file of the site made
// and dropped.
var gzippers = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestCompression)
	return zw
}}
