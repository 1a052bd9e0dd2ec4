package output

import (
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
	mu sync.Mutex
	// nodes are the files' paths and their folders'. Each file costs a
	// few lookups in this one map and no more: at 100,000 pearls the maps
	// outgrow the caches, and every lookup is a wait for memory
	// (BenchmarkLayout).
	nodes map[string]node
	// folds maps the folded form of a path to the first path of that
	// form (a folder's with a trailing /) only where the two differ: a
	// path that is its own folded form is found in nodes, so that a site
	// of lower-case paths keeps nothing here. cases lists the pairs that
	// fold alike.
	folds map[string]string
	cases [][2]string
	gz    int // files added whose name ends in .gz
	clash bool
}

// node is what Layout knows of one path.
type node struct {
	source string // the file's File.Source
	file   bool   // a file was added at the path
	dir    bool   // a file was added inside the path, which is a folder
	text   bool   // the file is one gzip would compress
	// firstDir says the path was first seen as a folder, which is how
	// a case clash names it (with a trailing /).
	firstDir bool
}

// NewLayout returns a Layout with room for about n files.
func NewLayout(n int) *Layout {
	// A page's folder beside each page's file.
	return &Layout{nodes: make(map[string]node, 2*n), folds: map[string]string{}}
}

// fold is the form of a path that case-insensitive, normalising file
// systems compare.
func fold(p string) string { return norm.NFC.String(strings.ToLower(p)) }

// sameFold records p (a folder's when dir) under its folded form and
// reports whether another file or folder already has that form; two
// folders that differ in case only merge, and lose nothing. It is called
// before p's node is stored; at is the node as it was.
func (l *Layout) sameFold(p string, dir bool, at node) bool {
	k := fold(p)
	other, seen := l.folds[k]
	if !seen {
		n := at
		if k != p {
			n = l.nodes[k]
		}
		if !n.file && !n.dir {
			if k != p {
				l.folds[k] = slashed(p, dir)
			}
			return false
		}
		other = slashed(k, n.firstDir)
	}
	if strings.TrimSuffix(other, "/") == p || dir && strings.HasSuffix(other, "/") {
		// The same path (a file where a folder goes is another
		// conflict), or two folders.
		return false
	}
	l.cases = append(l.cases, [2]string{other, slashed(p, dir)})
	return true
}

// slashed is p, with a trailing / when it is a folder's.
func slashed(p string, dir bool) string {
	if dir {
		return p + "/"
	}
	return p
}

// Conflict is two files that cannot both be written.
type Conflict struct {
	// Source is where the file to rename or move comes from
	// ("content/static/x.gz"), or "" when both are generated.
	Source string
	Text   diag.Text
}

// Add records f and reports whether it may be written: not when a file of
// its path was added before (again), nor when it clashes with a file
// added before (ok is false; Conflicts then says how).
func (l *Layout) Add(f File) (again, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.nodes == nil {
		l.nodes, l.folds = map[string]node{}, map[string]string{}
	}
	p := f.Path
	n := l.nodes[p]
	if n.file {
		return true, false
	}
	ok = !n.dir
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		dn := l.nodes[d]
		if dn.dir && !l.clash {
			// Its folders were looked at when it was first added, and a
			// file added at one of them since then was a clash.
			break
		}
		if dn.file {
			ok = false
		}
		if !dn.dir {
			if l.sameFold(d, true, dn) {
				ok = false
			}
			if !dn.file {
				dn.firstDir = true
			}
			dn.dir = true
			l.nodes[d] = dn
		}
	}
	if l.sameFold(p, false, n) {
		ok = false
	}
	text := compressible(f)
	if l.gz > 0 && text && l.nodes[p+".gz"].file {
		ok = false
	}
	if plain, isGz := strings.CutSuffix(p, ".gz"); isGz {
		l.gz++
		if n := l.nodes[plain]; n.file && n.text {
			ok = false
		}
	}
	n.source, n.file, n.text = f.Source, true, text
	l.nodes[p] = n
	if !ok {
		l.clash = true
	}
	return false, ok
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
	var files []string
	for p, n := range l.nodes {
		if n.file {
			files = append(files, p)
		}
	}
	slices.Sort(files)
	for _, p := range files {
		f := l.nodes[p]
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			file := l.nodes[d]
			if !file.file || reported[d] {
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
		if plain, ok := strings.CutSuffix(p, ".gz"); ok && l.nodes[plain].file && l.nodes[plain].text {
			out = append(out, Conflict{f.source, diag.OutputGzClash.With(p, plain, plain)})
		}
	}
	for _, c := range l.cases {
		a, b := min(c[0], c[1]), max(c[0], c[1])
		// The file to rename is the later static one.
		source := l.nodes[b].source
		if source == "" {
			source = l.nodes[a].source
		}
		out = append(out, Conflict{source, diag.OutputCaseClash.With(a, b)})
	}
	slices.SortFunc(out[len(out)-len(l.cases):], func(x, y Conflict) int { return strings.Compare(x.Source, y.Source) })
	return out
}
