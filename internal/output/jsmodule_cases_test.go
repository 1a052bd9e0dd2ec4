package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// moduleCases are ES modules that each export run(); minified, each must
// return what it did. A function's or class's .name is not kept (the
// minifier renames local functions as well), so no case reads it.
var moduleCases = map[string]string{
	"empty export":    "export {};\nconst emptyListed = 1;\nexport function run() { return emptyListed; }",
	"empty import":    "import {} from './side.mjs';\nexport {} from './side.mjs';\nexport function run() { return globalThis.sideEffects; }",
	"top-level await": "const awaitedValue = await Promise.resolve(6);\nexport function run() { return awaitedValue; }",
	"re-export":       "export * from './side.mjs';\nexport { sideName as otherSide } from './side.mjs';\nconst localValue = 2;\nexport function run() { return localValue; }",
	"object accessors": `const baseValue = 3;
const withAccessors = { get twice() { return baseValue * 2; }, set twice(v) {}, [baseValue]: 'k', baseValue };
export function run() { return [withAccessors.twice, withAccessors[3], withAccessors.baseValue, Object.keys(withAccessors)]; }`,
	"private methods": `class Hidden { #secretMethod() { return outerValue; } static check(o) { return #secretMethod in o; } call() { return this.#secretMethod(); } }
const outerValue = 'o';
export function run() { return [new Hidden().call(), Hidden.check(new Hidden())]; }`,
	"escaped name": "const \\u0061bcdefName = 1;\nexport function run() { return abcdefName + \\u0061bcdefName; }",
	"destructuring": `const source = { alpha: 1, beta: { gamma: 2 }, list: [3, 4] };
const { alpha, beta: { gamma }, list: [first, second] } = source;
let [one, two = 9] = [1];
const { delta = 5 } = {};
const { ...restOfIt } = { zeta: 1 };
export function run() { return [alpha, gamma, first, second, one, two, delta, restOfIt]; }`,
	"default export": `const answerValue = 42;
export default answerValue;
export function run() { return answerValue; }`,
	"default function": `export default function () { return helperName(); }
function helperName() { return 7; }
export function run() { return helperName(); }`,
	"class fields": `class Counter { count = 0; static instances = 0; #secret = 3; static { Counter.instances = 10; } get double() { return this.count * 2 + this.#secret; } set value(v) { this.count = v; } }
const counterObj = new Counter();
counterObj.value = 4;
export function run() { return [counterObj.double, Counter.instances, typeof Counter]; }`,
	"labels": `let totalCount = 0;
outerLoop: for (let i = 0; i < 3; i++) { innerLoop: for (let j = 0; j < 3; j++) { if (j === 1) continue outerLoop; if (i === 2) break outerLoop; totalCount++; } }
export function run() { return totalCount; }`,
	"template": "const nameOf = 'x';\nconst tagged = (s, ...v) => s.raw.join('|') + v.join(',');\nexport function run() { return [`a${nameOf}b${nameOf + 1}\\n`, tagged`p${nameOf}q\\u0041`]; }",
	"regex": `const wordPattern = /[a-z]+\/x/giu;
const ratioOf = 4 / 2 / 1;
export function run() { return ['ab/x cd/x'.match(wordPattern), ratioOf, /\p{Cf}/u.test('\u200b')]; }`,
	"import.meta": `const metaType = typeof import.meta.url;
export function run() { return metaType; }`,
	"dynamic import": `const modulePath = 'data:text/javascript,export default 5';
export async function run() { return (await import(modulePath)).default; }`,
	"shadowing": `const valueOne = 1;
function shadowing() { let out = []; { const valueOne = 2; out.push(valueOne); } try { throw 3; } catch (valueOne) { out.push(valueOne); } out.push(valueOne); return out; }
export function run() { return shadowing(); }`,
	"shorthand": `const shortHand = 1;
const objectWith = { shortHand, ['computed' + shortHand]: shortHand };
export function run() { return objectWith; }`,
	"hoisting": `function useBefore() { return laterConst; }
const laterConst = 3;
export function run() { return [useBefore(), hoistedFunc()]; }
function hoistedFunc() { return 'h'; }`,
	"var in block": `if (true) { var blockVar = 5; }
for (var loopVar = 0; loopVar < 2; loopVar++) {}
export function run() { return [blockVar, loopVar]; }`,
	"global read": `const myJSON = JSON;
export function run() { return [myJSON.stringify(1), typeof A, typeof B]; }`,
	"asi": "let aaa = 1\nlet bbb = aaa\n++bbb\nconst ccc = () => {}\n;[1].forEach(x => aaa += x)\nexport function run() { return [aaa, bbb] }",
	"numbers and strings": `const bigOne = 10n ** 20n;
const numSep = 1_000_000;
const strWith = "it's \"q\" \u2028 \\";
export function run() { return [String(bigOne), numSep, strWith, 0x1F, .5, 1e21]; }`,
	"generators and async": `function* generatorOf() { yield 1; yield* [2, 3]; }
async function asyncOf() { for await (const x of [Promise.resolve(4)]) return x; }
export async function run() { return [[...generatorOf()], await asyncOf()]; }`,
	"optional and nullish": `const maybeObj = null;
const defaultsTo = maybeObj ?? { deep: { x: 1 } };
let assignLater = null; assignLater ??= 2; assignLater ||= 3;
export function run() { return [maybeObj?.x, defaultsTo?.deep?.x, maybeObj?.[0], maybeObj?.(), assignLater, (-2) ** 2, 2 ** -1]; }`,
	"new and comma": `class Box { constructor(v) { this.v = v; } }
const boxed = new Box((1, 2));
const fnMaker = () => Box;
export function run() { return [boxed.v, new (fnMaker())(3).v, typeof new Box]; }`,
	"export list": `const internalName = 1, otherName = 2;
export { internalName as publicName, otherName };
export function run() { return [internalName, otherName]; }`,
	"arguments and this": `function argsOf() { return arguments.length; }
const arrowThis = () => typeof this;
export function run() { return [argsOf(1, 2), arrowThis()]; }`,
	"in and instanceof": `const objWithKey = { k: 1 };
for (const keyOf in objWithKey) { globalThis.seen = keyOf; }
export function run() { return ['k' in objWithKey, objWithKey instanceof Object, globalThis.seen]; }`,
}

// Each module of moduleCases is run in Node as written and minified, each
// in a process of its own.
func TestMinifiedModulesBehaveTheSame(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the modules in")
	}
	for name, src := range moduleCases {
		t.Run(name, func(t *testing.T) {
			got := minifiedJS(t, src)
			dir := t.TempDir()
			files := map[string]string{
				"side.mjs":  "globalThis.sideEffects = (globalThis.sideEffects || 0) + 1;\nexport const sideName = 1;\n",
				"plain.mjs": src,
				"small.mjs": got,
				"run.mjs": `const out = async (p) => { const m = await import(p); return JSON.stringify(await m.run(), (k, v) => typeof v === 'bigint' ? String(v) : v); };
console.log(await out(process.argv[2]));
`,
			}
			for n, d := range files {
				if err := os.WriteFile(filepath.Join(dir, n), []byte(d), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// A process each, so that a module both import runs in each.
			var outs []string
			for _, m := range []string{"plain.mjs", "small.mjs"} {
				out, err := exec.Command(node, filepath.Join(dir, "run.mjs"), "./"+m).CombinedOutput()
				if err != nil {
					t.Fatalf("node %s: %v\n%s\nminified:\n%s", m, err, out, got)
				}
				outs = append(outs, strings.TrimSpace(string(out)))
			}
			if outs[0] != outs[1] {
				t.Errorf("as written: %s\nminified:   %s\nthe minified module:\n%s", outs[0], outs[1], got)
			}
		})
	}
}
