package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// module is an ES module with long top-level names of its own, a name
// given in a shorthand property, one a local hides, one it exports and
// one it imports.
const module = `import { shared } from './shared.mjs';

const LONG_CONSTANT_NAME = 'k';
const cacheOfResults = new Map();

class Environment {
  constructor(s) { this.s = s; }
  upper() { return this.s.toUpperCase(); }
}

function helperWithLongName(s) {
  const A = '<' + s + '>';
  return A + LONG_CONSTANT_NAME;
}

// hidden: a local of the same name as a top-level one.
function hidden(helperWithLongName) { return helperWithLongName + 1; }

export const tools = { Environment, helperWithLongName, hidden };

export function analyse(text) {
  if (!cacheOfResults.has(text)) cacheOfResults.set(text, helperWithLongName(text) + new Environment(text).upper() + shared);
  return cacheOfResults.get(text) + hidden(2);
}
`

func minifiedJS(t *testing.T, src string) string {
	t.Helper()
	f, err := NewMinifier().Minify(File{Path: "x.js", Data: []byte(src), Type: "text/javascript"})
	if err != nil {
		t.Fatal(err)
	}
	return string(f.Data)
}

// A module's own top-level names are shortened, as the minifier does
// inside functions; those it exports and imports, and a shorthand
// property's key, stay; a classic script's names, which other scripts
// may read, all stay. In Node, the module minified does what it did.
func TestModuleNamesAreShortened(t *testing.T) {
	got := minifiedJS(t, module)
	for _, gone := range []string{"LONG_CONSTANT_NAME", "cacheOfResults", "helperWithLongName(", "class Environment"} {
		if strings.Contains(got, gone) {
			t.Errorf("the minified module still has %q:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"import{shared}from", "export const tools", "export function analyse", "Environment:", "helperWithLongName:", "hidden:"} {
		if !strings.Contains(got, kept) {
			t.Errorf("the minified module lacks %q:\n%s", kept, got)
		}
	}
	script := "var LONG_GLOBAL_NAME = 1;\nfunction helperWithLongName(s) { return s + LONG_GLOBAL_NAME; }\n"
	if got := minifiedJS(t, script); !strings.Contains(got, "LONG_GLOBAL_NAME") || !strings.Contains(got, "function helperWithLongName") {
		t.Errorf("a classic script's global names were changed: %s", got)
	}

	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the minified module in")
	}
	dir := t.TempDir()
	for name, data := range map[string]string{
		"shared.mjs": "export const shared = '!';\n",
		"plain.mjs":  module,
		"small.mjs":  got,
		"run.mjs": `import * as plain from './plain.mjs';
import * as small from './small.mjs';
const out = (m) => JSON.stringify([m.analyse('ab'), m.analyse('ab'), Object.keys(m.tools), m.tools.helperWithLongName('c'), m.tools.hidden(1), new m.tools.Environment('d').upper()]);
console.log(out(plain));
console.log(out(small));
`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(node, filepath.Join(dir, "run.mjs")).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s\nthe minified module:\n%s", err, out, got)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] != lines[1] {
		t.Errorf("the minified module does otherwise:\n%s\nthe minified module:\n%s", out, got)
	}
}
