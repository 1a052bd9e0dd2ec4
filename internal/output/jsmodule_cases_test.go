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
	"many names": `const topLevel0 = 0; const topLevel1 = 1; const topLevel2 = 2; const topLevel3 = 3; const topLevel4 = 4; const topLevel5 = 5; const topLevel6 = 6; const topLevel7 = 7; const topLevel8 = 8; const topLevel9 = 9; const topLevel10 = 10; const topLevel11 = 11; const topLevel12 = 12; const topLevel13 = 13; const topLevel14 = 14; const topLevel15 = 15; const topLevel16 = 16; const topLevel17 = 17; const topLevel18 = 18; const topLevel19 = 19; const topLevel20 = 20; const topLevel21 = 21; const topLevel22 = 22; const topLevel23 = 23; const topLevel24 = 24; const topLevel25 = 25; const topLevel26 = 26; const topLevel27 = 27; const topLevel28 = 28; const topLevel29 = 29; const topLevel30 = 30; const topLevel31 = 31; const topLevel32 = 32; const topLevel33 = 33; const topLevel34 = 34; const topLevel35 = 35; const topLevel36 = 36; const topLevel37 = 37; const topLevel38 = 38; const topLevel39 = 39;
function manyLocals() { let local0 = 0; let local1 = 1; let local2 = 2; let local3 = 3; let local4 = 4; let local5 = 5; let local6 = 6; let local7 = 7; let local8 = 8; let local9 = 9; let local10 = 10; let local11 = 11; let local12 = 12; let local13 = 13; let local14 = 14; let local15 = 15; let local16 = 16; let local17 = 17; let local18 = 18; let local19 = 19; let local20 = 20; let local21 = 21; let local22 = 22; let local23 = 23; let local24 = 24; let local25 = 25; let local26 = 26; let local27 = 27; let local28 = 28; let local29 = 29; let local30 = 30; let local31 = 31; let local32 = 32; let local33 = 33; let local34 = 34; let local35 = 35; let local36 = 36; let local37 = 37; let local38 = 38; let local39 = 39; let local40 = 40; let local41 = 41; let local42 = 42; let local43 = 43; let local44 = 44; let local45 = 45; let local46 = 46; let local47 = 47; let local48 = 48; let local49 = 49; let local50 = 50; let local51 = 51; let local52 = 52; let local53 = 53; let local54 = 54; let local55 = 55; let local56 = 56; let local57 = 57; let local58 = 58; let local59 = 59; let local60 = 60; let local61 = 61; let local62 = 62; let local63 = 63; let local64 = 64; let local65 = 65; let local66 = 66; let local67 = 67; let local68 = 68; let local69 = 69; return [local0+local1+local2+local3+local4+local5+local6+local7+local8+local9+local10+local11+local12+local13+local14+local15+local16+local17+local18+local19+local20+local21+local22+local23+local24+local25+local26+local27+local28+local29+local30+local31+local32+local33+local34+local35+local36+local37+local38+local39+local40+local41+local42+local43+local44+local45+local46+local47+local48+local49+local50+local51+local52+local53+local54+local55+local56+local57+local58+local59+local60+local61+local62+local63+local64+local65+local66+local67+local68+local69, (() => topLevel0+topLevel1+topLevel2+topLevel3+topLevel4+topLevel5+topLevel6+topLevel7+topLevel8+topLevel9+topLevel10+topLevel11+topLevel12+topLevel13+topLevel14+topLevel15+topLevel16+topLevel17+topLevel18+topLevel19+topLevel20+topLevel21+topLevel22+topLevel23+topLevel24+topLevel25+topLevel26+topLevel27+topLevel28+topLevel29+topLevel30+topLevel31+topLevel32+topLevel33+topLevel34+topLevel35+topLevel36+topLevel37+topLevel38+topLevel39)()]; }
export function run() { return manyLocals(); }`,
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
