package output

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/parse/v2"
	pjs "github.com/tdewolff/parse/v2/js"
)

// minifyJS is tdewolff's JS minifier, which shortens the names inside
// functions but leaves a script's top-level names as they are: in a
// classic script they are globals that another script may use. In an ES
// module (a file with an import or export statement, which only a module
// may have) they are the module's own, so the names it neither exports
// nor imports are shortened first. The theme's modules are written with
// names that say what they are (RE_ASCII_LETTERS, decodePostings,
// MAX_PREFIX_KEYS); the search page's haku.js lost 1.2 KB of them.
func minifyJS(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	src, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if short, ok := shortenModuleNames(src); ok {
		src = short
	}
	return js.Minify(m, w, bytes.NewBuffer(emptyListsMended(src)), params)
}

// emptyListsMended returns src with the import and export statements of
// an empty list written so that tdewolff's minifier keeps what they do:
// it writes export {} as "export;", a syntax error, export {} from 'x' as
// "exportfrom", and drops import {} from 'x', which still runs x. The
// first marks a module only to the parser and goes; the others become
// import 'x', which runs x as they do.
func emptyListsMended(src []byte) []byte {
	ast, err := pjs.Parse(parse.NewInputBytes(bytes.Clone(src)), pjs.Options{})
	if err != nil {
		return src
	}
	mended := false
	for i, s := range ast.List {
		switch s := s.(type) {
		case *pjs.ImportStmt:
			if s.Default == nil && s.List != nil && len(s.List) == 0 {
				s.List, mended = nil, true
			}
		case *pjs.ExportStmt:
			if s.Decl == nil && len(s.List) == 0 {
				if s.Module == nil {
					ast.List[i] = &pjs.EmptyStmt{}
				} else {
					ast.List[i] = &pjs.ImportStmt{Module: s.Module}
				}
				mended = true
			}
		}
	}
	if !mended {
		return src
	}
	return []byte(ast.JSString())
}

// shortenModuleNames returns the module src with its own top-level names
// shortened, and false when src is no module, does not parse, or might
// reach its names other than through its code (eval) or by a spelling the
// parser does not match (a \u escape).
func shortenModuleNames(src []byte) ([]byte, bool) {
	ast, err := pjs.Parse(parse.NewInputBytes(bytes.Clone(src)), pjs.Options{})
	if err != nil {
		return nil, false
	}
	// keep holds the names the module's import and export statements
	// name, which other modules reach by name and so keep theirs; used
	// (below) holds every identifier of the file. A new name is none of
	// either, so it neither takes the place of a global the code reads
	// nor is hidden by a local of the same name.
	keep := map[string]bool{}
	module := false
	for _, s := range ast.List {
		switch s := s.(type) {
		case *pjs.ImportStmt:
			module = true
			keep[string(s.Default)] = true
			for _, a := range s.List {
				keep[string(a.Name)], keep[string(a.Binding)] = true, true
			}
		case *pjs.ExportStmt:
			module = true
			for _, a := range s.List {
				keep[string(a.Name)], keep[string(a.Binding)] = true, true
			}
			switch d := s.Decl.(type) {
			case *pjs.FuncDecl:
				if d.Name != nil {
					keep[string(d.Name.Data)] = true
				}
			case *pjs.ClassDecl:
				if d.Name != nil {
					keep[string(d.Name.Data)] = true
				}
			case *pjs.VarDecl:
				for _, b := range d.List {
					if v, ok := b.Binding.(*pjs.Var); ok {
						keep[string(v.Data)] = true
					} else {
						return nil, false // export const {a, b} = …: left as it is
					}
				}
			}
		}
	}
	if !module {
		return nil, false
	}
	used := map[string]bool{}
	l := pjs.NewLexer(parse.NewInputBytes(bytes.Clone(src)))
	for {
		tt, data := l.Next()
		if tt == pjs.ErrorToken {
			break
		}
		if tt == pjs.IdentifierToken || pjs.IsIdentifierName(tt) {
			used[string(data)] = true
		}
	}
	// The lexer reads a '/' without the parser's context, and may take
	// code for a regular expression's text: every name the parser met
	// is added too.
	pjs.Walk(namer(used), ast)
	if used["eval"] {
		return nil, false
	}
	// The parser keeps a name as written, so \u0061bc and abc are two
	// names to it and one to the browser: one of them renamed would no
	// longer reach the other.
	for name := range used {
		if strings.Contains(name, `\`) {
			return nil, false
		}
	}
	var own []*pjs.Var
	for _, v := range ast.Scope.Declared {
		switch v.Decl {
		case pjs.VariableDecl, pjs.FunctionDecl, pjs.LexicalDecl:
			if v.Link == nil && !keep[string(v.Data)] && len(v.Data) > 2 {
				own = append(own, v)
			}
		}
	}
	// The names used most get the shortest new names.
	sort.SliceStable(own, func(i, j int) bool { return own[i].Uses > own[j].Uses })
	renamed := map[*pjs.Var]bool{}
	next := 0
	for _, v := range own {
		var name string
		for {
			name = shortName(next)
			next++
			if _, kw := pjs.Keywords[name]; !kw && !used[name] && !keep[name] {
				break
			}
		}
		if len(name) >= len(v.Data) {
			continue
		}
		v.Data = []byte(name)
		renamed[v] = true
	}
	if len(renamed) == 0 {
		return nil, false
	}
	// A use linked to a renamed declaration takes its name too, so that
	// a shorthand property ({Env}) is written with its key ({Env: a}).
	pjs.Walk(linker(renamed), ast)
	out := []byte(ast.JSString())
	if _, err := pjs.Parse(parse.NewInputBytes(bytes.Clone(out)), pjs.Options{}); err != nil {
		return nil, false
	}
	return out, true
}

// shortName is the n-th name of A…Z, then A0…Z9 and on: capitals, which
// the theme's code uses for no name of one letter.
func shortName(n int) string {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if n < len(letters) {
		return letters[n : n+1]
	}
	n -= len(letters)
	return letters[n%len(letters):n%len(letters)+1] + strconv.Itoa(n/len(letters))
}

// linker gives each use of a renamed declaration that links to it the
// declaration's new name.
type linker map[*pjs.Var]bool

func (k linker) Enter(n pjs.INode) pjs.IVisitor {
	if v, ok := n.(*pjs.Var); ok && v.Link != nil {
		d := v
		for d.Link != nil {
			d = d.Link
		}
		if k[d] {
			v.Data = d.Data
		}
	}
	return k
}

func (k linker) Exit(pjs.INode) {}

// namer adds the name of every variable, declared or not, to itself.
type namer map[string]bool

func (k namer) Enter(n pjs.INode) pjs.IVisitor {
	if v, ok := n.(*pjs.Var); ok {
		k[string(v.Data)] = true
	}
	return k
}

func (k namer) Exit(pjs.INode) {}
