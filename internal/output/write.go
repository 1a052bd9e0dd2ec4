package output

import (
	"bytes"
	"compress/gzip"
	"fmt"

	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Options control how files are written.
type Options struct {
	Minify bool // minify HTML, CSS, JS, JSON, SVG and XML
	Gzip   bool // also write name.gz beside every text file
}

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
func MinifyTemplate(src string) (string, error) {
	m := minify.New()
	tm := htmlMinifier
	tm.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", &tm)
	return m.String("text/html", src)
}

// NewMinifier sets up tdewolff/minify for the types the site writes.
func NewMinifier() *Minifier {
	m := minify.New()
	hm := htmlMinifier
	m.Add("text/html", &hm)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	m.AddFunc("application/atom+xml", xml.Minify)
	return &Minifier{m: m}
}

// Minify returns f with its data minified when its type is known.
func (mf *Minifier) Minify(f File) (File, error) {
	if f.Data == nil || f.Minified || !minifiable(f.Type) {
		return f, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(f.Data))
	if err := mf.m.Minify(f.Type, &buf, bytes.NewReader(f.Data)); err != nil {
		return f, fmt.Errorf("minifying %s: %w", f.Path, err)
	}
	f.Data = buf.Bytes()
	return f, nil
}

func minifiable(t string) bool {
	switch t {
	case "text/html", "text/css", "text/javascript", "application/json", "image/svg+xml", "application/xml", "application/atom+xml":
		return true
	}
	return false
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

// Writer writes a new output folder beside the old one and swaps it into
// place on Commit. Until then the old folder is untouched.
type Writer struct {
	dir, tmp string
	opts     Options
	min      *Minifier
	mu       sync.Mutex
	written  int
	bytes    int64
	seen     map[string]bool
	dirs     sync.Map // folders already made, so each costs one syscall
}

func (w *Writer) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		if err := w.mkdir(filepath.Dir(dir)); err != nil {
			return err
		}
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			return err
		}
	}
	w.dirs.Store(dir, true)
	return nil
}

// Begin starts writing the folder dir.
func Begin(dir string, opts Options) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, fmt.Errorf("creating a folder beside %s: %w", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, tmp: tmp, opts: opts, seen: map[string]bool{}}
	if opts.Minify {
		w.min = NewMinifier()
	}
	return w, nil
}

// Write minifies f (when asked), writes it, and its .gz when asked. It is
// safe for concurrent use. Two files with the same path are an error.
func (w *Writer) Write(f File) error {
	rel := filepath.FromSlash(f.Path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("output path %q leaves the output folder", f.Path)
	}
	w.mu.Lock()
	if w.seen[f.Path] {
		w.mu.Unlock()
		return fmt.Errorf("two files would be written to %s", f.Path)
	}
	w.seen[f.Path] = true
	w.mu.Unlock()
	if w.min != nil {
		var err error
		if f, err = w.min.Minify(f); err != nil {
			return err
		}
	}
	name := filepath.Join(w.tmp, rel)
	if err := w.mkdir(filepath.Dir(name)); err != nil {
		return err
	}
	data := f.Data
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return err
	}
	n := 1
	if w.opts.Gzip && compressible(f) {
		if err := writeGzip(name+".gz", data); err != nil {
			return err
		}
		n++
	}
	w.mu.Lock()
	w.written += n
	w.bytes += int64(len(data))
	w.mu.Unlock()
	return nil
}

func writeGzip(name string, data []byte) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	// A fixed header (no name, no time) keeps builds byte-identical.
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}

// Written returns how many files and bytes (before gzip) were written.
func (w *Writer) Written() (files int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written, w.bytes
}

// Commit swaps the new folder into place and removes the old one.
func (w *Writer) Commit() error {
	old := ""
	if _, err := os.Lstat(w.dir); err == nil {
		old = w.tmp + ".old"
		if err := os.Rename(w.dir, old); err != nil {
			w.Abort()
			return fmt.Errorf("moving the previous %s aside: %w", w.dir, err)
		}
	}
	if err := os.Rename(w.tmp, w.dir); err != nil {
		if old != "" {
			os.Rename(old, w.dir)
		}
		w.Abort()
		return fmt.Errorf("putting the new %s in place: %w", w.dir, err)
	}
	if old != "" {
		return removeAll(old)
	}
	return nil
}

// removeAll removes dir like os.RemoveAll, with the folders two levels
// down (helmet/<slug>/) removed by several goroutines: removing the old
// output of a large portal is thousands of small syscalls that would
// otherwise wait on each other.
func removeAll(dir string) error {
	var subs []string
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			continue
		}
		inner, _ := os.ReadDir(p)
		for _, e2 := range inner {
			subs = append(subs, filepath.Join(p, e2.Name()))
		}
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for p := range work {
				os.RemoveAll(p)
			}
		})
	}
	for _, p := range subs {
		work <- p
	}
	close(work)
	wg.Wait()
	return os.RemoveAll(dir)
}

// Abort removes the half-written folder; the old one stays as it was.
func (w *Writer) Abort() {
	os.RemoveAll(w.tmp)
}
