// The search page on the second fixture portal (internal/search/testdata/
// portal2), in headless Chromium: for every judged query of the categories
// synonym, derivation, question and two-typo (testdata/queries2.json) a
// reader types the query into the search field, and the page the query is
// about is among the first hits on the page; a precision query (a subject
// the portal does not cover) lists nothing and says "Ei osumia" in the live
// region, with a "Tarkoititko …?" suggestion that runs when followed where
// the index has a close word. The Go and Node tests judge the same queries
// on the index; this one judges what the reader sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, openPage, assertClean, axe, formatViolations, repo, typeQuery } from './harness.mjs';

// TOP is how far down the list the page a query is about may be: the
// first screen of hits.
const TOP = 5;

const judged = JSON.parse(await readFile(join(repo, 'internal/search/testdata/queries2.json'), 'utf8')).queries;

let site;
before(async () => { site = await startSite('internal/search/testdata/portal2/content'); });
after(async () => { await site?.stop(); });

const status = (page) => page.locator('#search-status');

// ask types q into the search field as a reader does (see typeQuery).
const ask = (page, q) => typeQuery(page, q);

// expected is the pages a query is about: those of grade 2, or every
// relevant page when none has grade 2 (a broad query such as "sote").
function expected(rel) {
  const top = Object.keys(rel).filter((p) => rel[p] === 2);
  return top.length ? top : Object.keys(rel);
}

for (const kind of ['synonym', 'derivation', 'question', 'two-typo']) {
  // The filtered queries need the facets clicked; the Go and Node tests judge them.
  const queries = judged.filter((q) => q.kind === kind && !q.filters);
  test(`${kind}: each of ${queries.length} typed queries has its page among the first ${TOP} hits`, async (t) => {
    assert.ok(queries.length >= 5, `the set has queries of kind ${kind}`);
    const { page, w } = await openPage(site, t);
    await page.goto(site.base + '/haku/');
    const misses = [];
    for (const { q, rel } of queries) {
      const { hits } = await ask(page, q);
      const want = expected(rel);
      if (!want.some((p) => hits.slice(0, TOP).includes(p))) misses.push(`"${q}": want one of ${want.join(' ')}, got ${hits.slice(0, TOP).join(' ') || 'nothing'}`);
    }
    assert.deepEqual(misses, [], `queries whose page is not among the first ${TOP} hits:\n${misses.join('\n')}`);
    assertClean(w);
  });
}

test('precision: a subject the portal does not cover finds nothing and says so in the live region', async (t) => {
  const queries = judged.filter((q) => q.kind === 'precision');
  assert.ok(queries.length >= 5);
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  assert.equal(await status(page).getAttribute('aria-live'), 'polite', 'the status is a live region');
  const wrong = [];
  for (const { q } of queries) {
    const { hits, text } = await ask(page, q);
    if (hits.length) wrong.push(`"${q}" listed ${hits.join(' ')}`);
    if (!new RegExp(`^Ei osumia haulla ”${q}”\\.( Tarkoititko ”[^”]+”\\?)?$`).test(text)) wrong.push(`"${q}": status "${text}"`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assertClean(w);
});

// written is every word the portal's pages and the thesaurus write, in
// lower case: a suggestion is a word a reader can recognise, never a stem.
async function written() {
  const { readdir } = await import('node:fs/promises');
  const words = new Set();
  const add = (text) => { for (const w of text.toLowerCase().split(/[^\p{L}\p{Nd}-]+/u)) if (w) words.add(w); };
  const dir = join(repo, 'internal/search/testdata/portal2/content');
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.md')) add(await readFile(join(e.parentPath, e.name), 'utf8'));
  }
  add((await readFile(join(repo, 'internal/search/sanasto.txt'), 'utf8')).replace(/^#.*$/gm, ''));
  return words;
}

test('precision: a near miss says "Ei osumia" and suggests a word the portal writes, never a stem', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const words = await written();
  const wrong = [];
  // Short words with a typo (fuzzy matching starts at six letters), and
  // words the portal does not have beside ones it has.
  for (const q of ['taukp', 'hanke', 'johro', 'laen', 'arvoo', 'tuie', 'riitq', 'kiree', 'kiirw']) {
    const { hits, text } = await ask(page, q);
    if (hits.length) { wrong.push(`"${q}" listed ${hits.join(' ')}`); continue; }
    const m = text.match(/^Ei osumia haulla ”([^”]+)”\.(?: Tarkoititko ”([^”]+)”\?)?$/);
    if (!m || m[1] !== q) wrong.push(`"${q}": status "${text}"`);
    else if (m[2] && !words.has(m[2])) wrong.push(`"${q}": suggests "${m[2]}", which no page writes`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assertClean(w);
});

test('precision: the suggestion is announced, passes axe, and runs when followed', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  // A short word with a typo; a page's title writes "Tauot".
  const q = 'taukp';
  const { hits, text } = await ask(page, q);
  assert.deepEqual(hits, []);
  assert.equal(text, `Ei osumia haulla ”${q}”. Tarkoititko ”tauot”?`);
  assert.equal(await status(page).getAttribute('aria-live'), 'polite', 'the status is a live region');
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'axe:\n' + formatViolations(violations));
  await page.locator('#search-status a.search-suggestion').click();
  await page.locator('ol#search-results[data-state="done"] li').first().waitFor();
  assert.equal(await page.inputValue('#search-input'), 'tauot', 'the suggestion is the query now');
  assert.match(page.url(), /[?&]q=tauot(&|$)/);
  assert.match((await status(page).textContent()).trim(), /^\d+ osum(a|aa) haulla ”tauot”\.$/);
  assertClean(w);
});
