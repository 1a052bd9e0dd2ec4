package output

import (
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/helminauha/helminauha/internal/diag"
)

// Layout gathers the paths of one build's files and finds those that
// cannot all be written, whatever order they come in: a file where
// another file needs a folder, and a file name.gz beside a text file
// name. With --gzip the build writes name.gz itself, and without it a
// hand-made one goes stale when name changes, while servers that prefer
// .gz (nginx's gzip_static) serve it instead of name; so it is a conflict
// with or without --gzip, and check and build agree. It is safe for
// concurrent use.
type Layout struct {
	mu    sync.Mutex
	files map[string]layoutFile
	dirs  map[string]bool
	clash bool
}

type layoutFile struct {
	source string // File.Source
	text   bool   // gzip would compress it
}

// Conflict is two files that cannot both be written.
type Conflict struct {
	// Source is where the file to rename or move comes from
	// ("content/static/x.gz"), or "" when both are generated.
	Source string
	Text   diag.Text
}

// Add records f and reports whether it may be written: false when it
// clashes with a file added before (Conflicts then says how).
func (l *Layout) Add(f File) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.files == nil {
		l.files, l.dirs = map[string]layoutFile{}, map[string]bool{}
	}
	p := f.Path
	ok := !l.dirs[p]
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if _, isFile := l.files[d]; isFile {
			ok = false
		}
		l.dirs[d] = true
	}
	text := compressible(f)
	if _, gz := l.files[p+".gz"]; gz && text {
		ok = false
	}
	if plain, isGz := strings.CutSuffix(p, ".gz"); isGz && l.files[plain].text {
		ok = false
	}
	l.files[p] = layoutFile{source: f.Source, text: text}
	if !ok {
		l.clash = true
	}
	return ok
}

// Conflicts lists every clash among the files added, sorted, one for
// each file in the way.
func (l *Layout) Conflicts() []Conflict {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.clash {
		return nil
	}
	var out []Conflict
	reported := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(l.files)) {
		f := l.files[p]
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			file, isFile := l.files[d]
			if !isFile || reported[d] {
				continue
			}
			reported[d] = true
			switch {
			case file.source != "":
				out = append(out, Conflict{file.source, diag.OutputFileOverFolder.With(d, d, p)})
			case f.source != "":
				out = append(out, Conflict{f.source, diag.OutputFolderOverFile.With(p, d, d)})
			default:
				out = append(out, Conflict{"", diag.OutputThemeClash.With(d, p)})
			}
		}
		if plain, ok := strings.CutSuffix(p, ".gz"); ok && l.files[plain].text {
			out = append(out, Conflict{f.source, diag.OutputGzClash.With(p, plain, plain)})
		}
	}
	return out
}
