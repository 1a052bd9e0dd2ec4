// The Swedish search page (/sv/haku/) on a portal whose Swedish index is
// split into a manifest, term shards (sv/haku/t/N.json) and row chunks
// (sv/haku/d/N.json), as search-split.test.mjs does for the Finnish one.
// No generated corpus is Swedish, so the portal is the default one and
// FILLER pearls more in both languages, about squirrels (ekorre) in words
// of q, w, x, z, u and y that no query comes near: the Swedish index of
// the default portal is about 20 kB, and the filler takes it past the
// 150,000 bytes of the index's SingleMax (150 filler pearls do not). The
// portal builds in a few seconds.
//
// A reader's view: judged Swedish queries (the kinds search-sv.test.mjs
// types) list their page among the hits, each a Swedish page, from Swedish
// shards and chunks and no Finnish ones; "Visa fler träffar" lists further
// distinct hits; a subject the portal does not cover finds nothing and
// says so in Swedish. How high the judged page ranks is
// search-sv.test.mjs's question: the filler changes the counts ranking
// weighs (a query whose page ties for fifth on the default portal ranks
// eighth here), not what the split index must answer.
//
// The queries are typed, letter by letter, as search-sv.test.mjs types
// them; a query opened by its address, the page's first search, lists
// the same pages as the query typed (before, the derived forms, synonyms
// and Swedish split of a word the index knows were looked up only in the
// shards already read, and /sv/haku/?q=tillganglighet listed 1 page where
// typing it listed 6, as the index in one file does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, openPage, assertClean, repo, typeQuery } from './harness.mjs';

const FILLER = 250;

const judged = JSON.parse(await readFile(join(repo, 'internal/search/testdata/queries-sv.json'), 'utf8')).queries;

// filler is the text of filler pearl i, the same every run: 300 words,
// about as many as the default portal's Swedish pages have, so that the
// length a hit is ranked against stays about what it was.
function filler(i) {
  let x = i + 1;
  const syllable = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return 'qxzw'[(x >> 4) % 4] + 'uy'[(x >> 12) % 2];
  };
  const words = ['ekorre'];
  while (words.length < 300) words.push(syllable() + syllable() + syllable() + syllable() + syllable());
  return words.join(' ') + '.';
}

let dir;
let site;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-split-sv-'));
  const content = join(dir, 'content');
  await cp(join(repo, 'content'), content, { recursive: true });
  for (let i = 0; i < FILLER; i++) {
    for (const folder of ['helmet', join('sv', 'helmet')]) {
      await writeFile(join(content, folder, `ekorre-${i}.md`), `---
title: Ekorre ${i}
theme: verkostotyo
summary: Ekorre ${i}.
kind: tieto
date: 2020-01-01
---
${filler(i)}
`);
    }
  }
  site = await startSite(content);
});
after(async () => {
  await site?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const MODULE = /\/haku-shards(\.[0-9a-f]+)?\.js$/;
const paths = (w) => w.state.requests.map((u) => new URL(u).pathname);


// ask types q into the search field as a reader does (see typeQuery).
const ask = (p, q) => typeQuery(p, q, 'för');

test('the portal is large enough for a Swedish index in shards', async () => {
  const t = await readdir(join(site.out, 'sv', 'haku', 't'));
  const d = await readdir(join(site.out, 'sv', 'haku', 'd'));
  assert.ok(t.some((f) => /^\d+\.json$/.test(f)), `sv/haku/t/ has term shards with ${FILLER} filler pearls`);
  assert.ok(d.some((f) => /^\d+\.json$/.test(f)), 'sv/haku/d/ has row chunks');
});

test('judged Swedish queries typed on /sv/haku/ list their page, read from Swedish shards', async (t) => {
  const kinds = ['inflection', 'compound-part', 'compound-query', 'no-diacritics', 'typo', 'synonym'];
  const queries = judged.filter((q) => kinds.includes(q.kind));
  const { page: p, w } = await openPage(site, t);
  await p.goto(site.base + '/sv/haku/');
  assert.equal(await p.locator('html').getAttribute('lang'), 'sv');
  const misses = [];
  for (const { q, kind, rel } of queries) {
    const { hits } = await ask(p, q);
    const top = Object.keys(rel).filter((x) => rel[x] === 2);
    const want = top.length ? top : Object.keys(rel);
    if (!want.some((x) => hits.includes(x))) misses.push(`${kind} "${q}": want one of ${want.join(' ')}, got ${hits.join(' ') || 'nothing'}`);
    const foreign = hits.filter((x) => !x.startsWith('/sv/'));
    if (foreign.length) misses.push(`"${q}" lists pages that are not Swedish: ${foreign.join(' ')}`);
  }
  assert.deepEqual(misses, [], misses.join('\n'));
  const got = paths(w);
  for (const [name, re] of [['haku-shards.js', MODULE], ['a Swedish term shard', /^\/sv\/haku\/t\/\d+\.json$/], ['a Swedish row chunk', /^\/sv\/haku\/d\/\d+\.json$/]]) {
    assert.ok(got.some((x) => re.test(x)), `the page fetched ${name}:\n${got.join('\n')}`);
  }
  const finnish = got.filter((x) => x.startsWith('/haku/'));
  assert.deepEqual(finnish, [], 'the Swedish page reads no file of the Finnish index');
  assertClean(w);
});

test('"Visa fler träffar" lists further distinct Swedish hits', async (t) => {
  const { page: p, w } = await openPage(site, t);
  await p.goto(site.base + '/sv/haku/');
  const q = 'ekorre';
  const { hits, text } = await ask(p, q);
  assert.equal(hits.length, 20, 'the first page lists 20 hits');
  assert.match(text, new RegExp(`^(Minst )?\\d+ träffar för ”${q}”\\.$`));
  await p.getByRole('button', { name: 'Visa fler träffar' }).click();
  await p.waitForFunction((n) => document.querySelectorAll('ol#search-results li').length > n
    && document.getElementById('search-results').dataset.state === 'done', hits.length);
  const now = await p.locator('ol#search-results li a.search-hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.equal(now.length, 40, 'the click lists 20 more');
  assert.deepEqual(now.slice(0, 20), hits, 'the hits listed before stay, in their order');
  assert.equal(new Set(now).size, now.length, 'no hit twice');
  assert.ok(now.every((x) => x.startsWith('/sv/')), `every hit is a Swedish page: ${now.join(' ')}`);
  assertClean(w);
});

test('a subject the portal does not cover finds nothing in the split index and says so in Swedish', async (t) => {
  const queries = judged.filter((q) => q.kind === 'precision');
  assert.ok(queries.length >= 5);
  const { page: p, w } = await openPage(site, t);
  await p.goto(site.base + '/sv/haku/');
  const wrong = [];
  for (const { q } of queries) {
    const { hits, text } = await ask(p, q);
    if (hits.length) wrong.push(`"${q}" listed ${hits.join(' ')}`);
    if (!new RegExp(`^Inga träffar för ”${q}”\\.( Menade du ”[^”]+”\\?)?$`).test(text)) wrong.push(`"${q}": status "${text}"`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assertClean(w);
});

// Queries whose derived forms (tillgänglighet -> tillgänglig), synonyms
// (sammanträde = möte, förman = chef) or split (distansmöten -> distans
// + möten) are in other shards than the word's own.
const FAR = ['tillganglighet', 'sammanträde', 'distansmöten', 'förman'];

// hitsOf returns every hit listed for the search on page p, clicking
// "Visa fler träffar" until there are no more, and the status.
async function hitsOf(p) {
  for (;;) {
    const more = p.getByRole('button', { name: 'Visa fler träffar' });
    if (!(await more.isVisible())) break;
    const n = await p.locator('ol#search-results li').count();
    await more.click();
    await p.waitForFunction((n) => document.querySelectorAll('ol#search-results li').length > n
      && document.getElementById('search-results').dataset.state === 'done', n);
  }
  const hits = await p.locator('ol#search-results li a.search-hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  return { hits, text: (await p.locator('#search-status').textContent()).trim() };
}

test('a query opened by its address lists the pages the same query typed lists', async (t) => {
  const wrong = [];
  for (const q of FAR) {
    const opened = await openPage(site, t);
    await opened.page.goto(site.base + '/sv/haku/?q=' + encodeURIComponent(q));
    await opened.page.waitForFunction((q) => document.getElementById('search-status').textContent.includes(`”${q}”`)
      && document.getElementById('search-results').dataset.state === 'done', q);
    const byAddress = await hitsOf(opened.page);
    const typed = await openPage(site, t);
    await typed.page.goto(site.base + '/sv/haku/');
    await ask(typed.page, q);
    const byTyping = await hitsOf(typed.page);
    if (byAddress.hits.length < 2) wrong.push(`"${q}" by its address lists ${byAddress.hits.length} page(s); the portal has more`);
    if (JSON.stringify(byAddress) !== JSON.stringify(byTyping)) {
      wrong.push(`"${q}" by its address: ${byAddress.text} ${byAddress.hits.join(' ')}\n  typed: ${byTyping.text} ${byTyping.hits.join(' ')}`);
    }
    assertClean(opened.w);
    assertClean(typed.w);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});
