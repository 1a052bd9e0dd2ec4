package output

import (
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

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
//
// Two paths that differ only in upper and lower case, or in how a letter
// such as ä is encoded (NFC or NFD), are one file on Windows and macOS:
// written or synced there, one of the two would be lost. They are a
// conflict too.
type Layout struct {
	mu    sync.Mutex
	files map[string]layoutFile
	dirs  map[string]bool
	// folds maps the folded form of each file's path, and each folder's,
	// to the path (a folder's with a trailing /); cases lists the pairs
	// that fold alike.
	folds map[string]string
	cases [][2]string
	clash bool
}

// fold is the form of a path that case-insensitive, normalising file
// systems compare.
func fold(p string) string { return norm.NFC.String(strings.ToLower(p)) }

// sameFold records p (a folder's path ending in /) under its folded form
// and reports whether another file or folder already has that form; two
// folders that differ in case only merge, and lose nothing.
func (l *Layout) sameFold(p string) bool {
	k := fold(strings.TrimSuffix(p, "/"))
	other, seen := l.folds[k]
	if !seen {
		l.folds[k] = p
		return false
	}
	if strings.TrimSuffix(other, "/") == strings.TrimSuffix(p, "/") || strings.HasSuffix(other, "/") && strings.HasSuffix(p, "/") {
		// The same path (a file where a folder goes is another
		// conflict), or two folders.
		return false
	}
	l.cases = append(l.cases, [2]string{other, p})
	return true
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
		l.files, l.dirs, l.folds = map[string]layoutFile{}, map[string]bool{}, map[string]string{}
	}
	p := f.Path
	ok := !l.dirs[p]
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if _, isFile := l.files[d]; isFile {
			ok = false
		}
		if !l.dirs[d] && l.sameFold(d+"/") {
			ok = false
		}
		l.dirs[d] = true
	}
	if _, again := l.files[p]; !again && l.sameFold(p) {
		ok = false
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
	for _, c := range l.cases {
		a, b := min(c[0], c[1]), max(c[0], c[1])
		// The file to rename is the later static one.
		source := l.files[b].source
		if source == "" {
			source = l.files[a].source
		}
		out = append(out, Conflict{source, diag.OutputCaseClash.With(a, b)})
	}
	slices.SortFunc(out[len(out)-len(l.cases):], func(x, y Conflict) int { return strings.Compare(x.Source, y.Source) })
	return out
}
