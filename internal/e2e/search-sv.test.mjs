// The Swedish search page (/sv/haku/) of the default portal, in headless
// Chromium: a reader types Swedish queries of the judged set
// (internal/search/testdata/queries-sv.json) into the search field, in
// their inflected forms, compounds and their parts, with and without å, ä
// and ö, with a typo, in other words (the Swedish thesaurus) and as
// questions, and the pearl the query is about is among the first hits,
// each a link to a Swedish page; a subject the portal does not cover finds
// nothing and says so in Swedish. The Go and Node tests judge the same
// queries on the index; this one judges what the reader sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, openPage, assertClean, repo, typeQuery } from './harness.mjs';

// TOP is how far down the list the page a query is about may be: the
// first screen of hits.
const TOP = 5;

const judged = JSON.parse(await readFile(join(repo, 'internal/search/testdata/queries-sv.json'), 'utf8')).queries;

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

// ask types q into the search field as a reader does (see typeQuery).
const ask = (page, q) => typeQuery(page, q, 'för');

for (const kind of ['inflection', 'compound-part', 'compound-query', 'no-diacritics', 'typo', 'synonym']) {
  const queries = judged.filter((q) => q.kind === kind);
  test(`${kind}: each of ${queries.length} Swedish queries typed on /sv/haku/ has its page among the first ${TOP} hits`, async (t) => {
    assert.ok(queries.length >= 4, `the set has queries of kind ${kind}`);
    const { page, w } = await openPage(site, t);
    await page.goto(site.base + '/sv/haku/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    const misses = [];
    for (const { q, rel } of queries) {
      const { hits } = await ask(page, q);
      // The pages the query is about: those of grade 2, or every relevant one.
      const top = Object.keys(rel).filter((p) => rel[p] === 2);
      const want = top.length ? top : Object.keys(rel);
      if (!want.some((p) => hits.slice(0, TOP).includes(p))) misses.push(`"${q}": want one of ${want.join(' ')}, got ${hits.slice(0, TOP).join(' ') || 'nothing'}`);
      const foreign = hits.filter((p) => !p.startsWith('/sv/'));
      if (foreign.length) misses.push(`"${q}" lists pages that are not Swedish: ${foreign.join(' ')}`);
    }
    assert.deepEqual(misses, [], `queries whose page is not among the first ${TOP} hits:\n${misses.join('\n')}`);
    assertClean(w);
  });
}

test('a question in Swedish finds its pearl, and the excerpt marks the word the page writes', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/sv/haku/');
  const { hits, text } = await ask(page, 'hur leder man ett team på distans');
  assert.equal(hits[0], '/sv/helmet/etajohtaminen/', `got ${hits.join(' ')}`);
  assert.match(text, /^\d+ träff(ar)? för ”hur leder man ett team på distans”\.$/);
  // "teammötena" is marked where the page writes "teammöte" or another form.
  await ask(page, 'teammötena');
  const marks = await page.locator('ol#search-results li mark').allTextContents();
  assert.ok(marks.some((m) => /^teammöte/i.test(m)), `marked: ${marks.join(', ')}`);
  assertClean(w);
});

test('precision: a subject the portal does not cover finds nothing on /sv/haku/ and says so in Swedish', async (t) => {
  const queries = judged.filter((q) => q.kind === 'precision');
  assert.ok(queries.length >= 5);
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/sv/haku/');
  const wrong = [];
  for (const { q } of queries) {
    const { hits, text } = await ask(page, q);
    if (hits.length) wrong.push(`"${q}" listed ${hits.join(' ')}`);
    if (!new RegExp(`^Inga träffar för ”${q}”\\.( Menade du ”[^”]+”\\?)?$`).test(text)) wrong.push(`"${q}": status "${text}"`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assertClean(w);
});
