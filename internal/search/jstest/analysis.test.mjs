// The analysis of haku.js must equal the Go analysis (search.Analyze,
// search.SplitQuery, search.Derive) on every input of testdata/analysis.golden.json,
// which `go test ./internal/search -update` writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse, splitQuery, derive, loadLanguage } from '../../../themes/helminauha/assets/haku.js';

const golden = JSON.parse(readFileSync(new URL('../testdata/analysis.golden.json', import.meta.url), 'utf8'));
// The Finnish analysis is haku-fi.js, which a page loads for a Finnish
// index (loadIndex does it); here it loads by hand.
await loadLanguage('fi');

test('the golden file has 2,000 inputs or more', () => {
  assert.ok(golden.cases.length >= 2000, `only ${golden.cases.length} inputs`);
});

test('analyse gives the Go tokens for every input', () => {
  const diffs = [];
  for (const c of golden.cases) {
    const got = analyse(c.in).map((t) => [t.term, t.word, t.part ? '1' : '']);
    if (JSON.stringify(got) !== JSON.stringify(c.tokens)) diffs.push({ in: c.in, got, want: c.tokens });
  }
  assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${golden.cases.length} inputs differ`);
});

test('splitQuery gives the Go parts for every word', () => {
  const vocab = new Set(golden.vocab);
  const has = (k) => vocab.has(k);
  const diffs = [];
  for (const s of golden.splits) {
    const got = splitQuery(s.w, has) || [];
    if (JSON.stringify(got) !== JSON.stringify(s.parts)) diffs.push({ w: s.w, got, want: s.parts });
  }
  assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${golden.splits.length} words differ`);
});

test('derive gives the Go keys for every word', () => {
  const diffs = [];
  let some = 0;
  for (const s of golden.splits) {
    const got = derive(s.w);
    const want = s.derived || [];
    if (want.length) some++;
    if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push({ w: s.w, got, want });
  }
  assert.ok(some >= 500, `only ${some} words have derived forms`);
  assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${golden.splits.length} words differ`);
});

// The Swedish analysis (LanguageOf("sv") in Go, lang 'sv' here) on the
// words of the Swedish pages and their forms: testdata/analysis-sv.golden.json.
const sv = JSON.parse(readFileSync(new URL('../testdata/analysis-sv.golden.json', import.meta.url), 'utf8'));
await loadLanguage('sv');

test('the Swedish analysis gives the Go tokens, parts and derived forms for every input', () => {
  assert.ok(sv.cases.length >= 2000, `only ${sv.cases.length} inputs`);
  const diffs = [];
  for (const c of sv.cases) {
    const got = analyse(c.in, 'sv').map((t) => [t.term, t.word, t.part ? '1' : '']);
    if (JSON.stringify(got) !== JSON.stringify(c.tokens)) diffs.push({ in: c.in, got, want: c.tokens });
  }
  const vocab = new Set(sv.vocab);
  let split = 0;
  let derived = 0;
  for (const s of sv.splits) {
    const got = splitQuery(s.w, (k) => vocab.has(k), 'sv') || [];
    if (got.length) split++;
    if (JSON.stringify(got) !== JSON.stringify(s.parts)) diffs.push({ w: s.w, got, want: s.parts });
    const d = derive(s.w, 'sv');
    if (d.length) derived++;
    if (JSON.stringify(d) !== JSON.stringify(s.derived || [])) diffs.push({ w: s.w, derived: d, want: s.derived });
  }
  assert.ok(split >= 500 && derived >= 500, `only ${split} words split and ${derived} derive`);
  assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${sv.cases.length + 2 * sv.splits.length} differ`);
});

// The cases of testdata/pasted.json, which TestPastedTextIsAnalysedAsTyped
// runs through the Go analyses, slugs and tags' addresses: a character
// that shows as nothing inside a word (Unicode's format characters, a
// left-to-right mark among them) and a PDF's ligatures give the words a
// reader types, in both languages. The golden files hold the same inputs,
// and each format character inside a word, with what Go makes of them.
const pasted = JSON.parse(readFileSync(new URL('../testdata/pasted.json', import.meta.url), 'utf8'));

test('pasted text gives the words a reader types', () => {
  assert.ok(pasted.length >= 10, `only ${pasted.length} cases`);
  for (const c of pasted) {
    for (const lang of ['fi', 'sv']) {
      assert.deepEqual(analyse(c.pasted, lang), analyse(c.typed, lang), `${c.name} (${lang}): ${JSON.stringify(c.pasted)}`);
    }
  }
});

// Every character this JavaScript engine reads as a format character
// (\p{Cf}, which haku.js drops inside a word) is one Go's tables read so:
// the golden file holds each of Go's inside a word ("työ\u200ekyky").
test("the engine's format characters are Go's", () => {
  const gos = new Set(golden.cases.map((c) => c.in).filter((s) => /^työ.+kyky$/u.test(s) && [...s].length === 8).map((s) => [...s][3]));
  assert.ok(gos.size >= 150, `only ${gos.size} of Go's format characters in the golden file`);
  const extra = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (/\p{Cf}/u.test(c) && !gos.has(c)) extra.push('U+' + cp.toString(16).toUpperCase());
  }
  assert.deepEqual(extra, [], 'format characters that Go does not know as such');
});
