// The search page on a portal large enough that its index is split: a
// generated corpus of 4,000 pearls passes the search index's SingleMax
// (internal/search, Options), so the index is written as a manifest, term
// shards (haku/t/N.json) and row chunks (haku/d/N.json), and its commonest
// words (on more than Options.Head = 4,000 pages, with the case examples
// and guide chapters) have their postings cut into tiers (haku/t/pN.json).
// Only such an index makes haku.js import haku-shards.js; the other
// portals of the browser tests are small and get one file. 4,000 is about
// the smallest corpus with a tier file (3,900 has none), at the product's
// real thresholds; it builds in a few seconds.
//
// A reader's view: a one-word query lists hits and says how many, the best
// hit of a distinctive query is its pearl, "Näytä lisää osumia" lists
// further distinct hits and reads postings left out when they need them,
// a typo still finds, the filters of a first search that has not read
// every tier work and state their counts as lower bounds, nothing errs in
// the console and the page is accessible on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, corpus, openPage, assertClean, axe, formatViolations, typeQuery, WIDTHS } from './harness.mjs';
import { loadIndex } from '../../themes/helminauha/assets/haku.js';
import { fsFetch } from '../search/jstest/fsfetch.mjs';

const PEARLS = 4000;

let dir;
let site;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-split-'));
  await corpus(['-n', String(PEARLS)], join(dir, 'corpus'));
  site = await startSite(join(dir, 'corpus', 'content'));
});
after(async () => {
  await site?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// The files of the index, by kind, as the request paths below name them.
const SHARD = /\/haku\/t\/\d+\.json$/;
// The postings a shard leaves out: a tier of a word's, or the pages'
// weights in every list cut short (haku/w/N.json).
const TIER = /\/haku\/(t\/p|w\/)\d+\.json$/;
const CHUNK = /\/haku\/d\/\d+\.json$/;
const MODULE = /\/haku-shards(\.[0-9a-f]+)?\.js$/;

const paths = (w) => w.state.requests.map((u) => new URL(u).pathname);

// hitTitles gives the titles of the hits listed, best first.
const hitTitles = (page) => page.locator('ol#search-results li a.search-hit-title').allTextContents();

test('the portal is large enough for an index in shards with postings in tiers', async () => {
  const t = await readdir(join(site.out, 'haku', 't'));
  const d = await readdir(join(site.out, 'haku', 'd'));
  assert.ok(t.some((f) => /^\d+\.json$/.test(f)), 'haku/t/ has term shards');
  assert.ok(t.some((f) => /^p\d+\.json$/.test(f)), `haku/t/ has a tier of postings at ${PEARLS} pearls`);
  assert.ok(d.some((f) => /^\d+\.json$/.test(f)), 'haku/d/ has row chunks');
});

test('a one-word query lists hits and says how many, loading haku-shards.js, shards and chunks', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const { hits, text } = await typeQuery(page, 'luottamus');
  assert.equal(hits.length, 20, 'the first page lists 20 hits');
  assert.equal(new Set(hits).size, hits.length, 'no hit twice');
  assert.match(text, /^(Vähintään )?\d+ osumaa haulla ”luottamus”\.$/);
  const got = paths(w);
  for (const [name, re] of [['haku-shards.js', MODULE], ['a term shard', SHARD], ['a row chunk', CHUNK]]) {
    assert.ok(got.some((p) => re.test(p)), `the page fetched ${name}:\n${got.join('\n')}`);
  }
  const titles = await hitTitles(page);
  assert.ok(titles.every((x) => x.trim() !== ''), 'every hit has its title');
  assertClean(w);
});

test('the best hit of a distinctive query is its pearl', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const { hits } = await typeQuery(page, 'luottamus osallisuus');
  assert.equal(hits[0], '/helmet/luottamus-osallisuudessa/');
  assert.equal((await hitTitles(page))[0], 'Luottamus osallisuudessa');
  assertClean(w);
});

test('"Näytä lisää osumia" lists further distinct hits and reads postings left out when they need them', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const q = 'luottamus osallisuus';
  const first = (await typeQuery(page, q)).hits;
  assert.equal(first.length, 20);
  const more = page.getByRole('button', { name: 'Näytä lisää osumia' });
  let tier = false;
  let hits = first;
  // The hits past the postings each shard keeps need some of those left
  // out; on this portal the third page of this query does.
  for (let click = 0; click < 4 && !tier; click++) {
    assert.ok(await more.isVisible(), `the button is there after ${hits.length} hits`);
    w.reset();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ol#search-results li').length > n
      && document.getElementById('search-results').dataset.state === 'done', hits.length);
    const now = await page.locator('ol#search-results li a.search-hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.equal(now.length, hits.length + 20, 'each click lists 20 more');
    assert.deepEqual(now.slice(0, hits.length), hits, 'the hits listed before stay, in their order');
    assert.equal(new Set(now).size, now.length, 'no hit twice');
    hits = now;
    tier = paths(w).some((p) => TIER.test(p));
    assertClean(w);
  }
  assert.ok(tier, `paging to ${hits.length} hits of "${q}" read none of the postings left out (haku/t/pN.json, haku/w/N.json)`);
  assert.match((await page.locator('#search-status').textContent()).trim(), new RegExp(`^(Vähintään )?\\d+ osumaa haulla ”${q}”\\.$`));
});

test('a query with a typo finds what the word does', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const right = await typeQuery(page, 'luottamus');
  const typo = await typeQuery(page, 'luottamuz');
  assert.ok(typo.hits.length > 0, `"luottamuz" finds nothing: ${typo.text}`);
  assert.equal(typo.hits[0], right.hits[0], 'the typo\'s best hit is the word\'s');
  assertClean(w);
});

test('a link filtering by a kind no page has says there are no hits, not "at least 0"', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/?q=luottamus&kind=case');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.state === 'done');
  assert.equal((await page.locator('#search-status').textContent()).trim(), 'Ei osumia haulla ”luottamus”.');
  assert.equal(await page.locator('ol#search-results li').count(), 0);
  assert.equal(await page.locator('button', { hasText: 'Näytä lisää osumia' }).filter({ visible: true }).count(), 0, 'no button for more hits');
  assertClean(w);
});

test('the search page with hits from a split index is accessible on a phone', async (t) => {
  const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone });
  await page.goto(site.base + '/haku/');
  await typeQuery(page, 'esihenkilö työhyvinvointi');
  const violations = await axe(page);
  assert.deepEqual(violations, [], `the search page at 375 px has accessibility violations:\n${formatViolations(violations)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the search page scrolls sideways by ${overflow}px at 375 px`);
  assertClean(w);
});

// truth runs query q with filters on the built index in Node, reading every
// tier (a limit past every hit makes the search settle on all of them):
// the total and facet counts a reader should see once all is read, and
// the first 20 hits.
async function truth(q, filters = {}) {
  const idx = await loadIndex('/haku/', fsFetch(site.out));
  const r = await idx.search(q, filters, { limit: 1e6 });
  assert.ok(r.exact && r.facetsExact, `the search of "${q}" in Node read every tier`);
  return { total: r.total, facets: r.facets, hits: r.hits.slice(0, 20).map((h) => h.url) };
}

// facetsShown gives the filters the page lists, as a reader (and a screen
// reader, by the checkbox's label) gets them: facet, value, name, the
// count and whether the count is a lower bound ("(vähintään 660)").
async function facetsShown(page) {
  return page.locator('#search-facets input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => {
    const text = b.labels[0].textContent;
    const m = /^(.*) \((vähintään )?(\d+)\)$/.exec(text);
    return { f: b.name, v: b.value, checked: b.checked, text, name: m ? m[1] : text, n: m ? Number(m[3]) : null, least: !!(m && m[2]) };
  }));
}

// checkCounts fails on a filter whose count is wrong: an exact count must
// be the true one, a lower bound at most the true one; while the total is
// not known (the status says "Vähintään"), every count is a lower bound,
// and every value with a hit in the whole index is listed, known or not
// ("(vähintään 0)").
function checkCounts(shown, want, exact, where) {
  assert.ok(shown.length > 0, `${where}: the page lists filters`);
  for (const x of shown) {
    const real = want.facets[x.f][x.v] || 0;
    assert.notEqual(x.n, null, `${where}: the filter "${x.text}" shows a count`);
    if (x.least) assert.ok(x.n >= 0 && x.n <= real || x.checked && x.n === 0, `${where}: "${x.text}" claims at least ${x.n}, there are ${real}`);
    else assert.equal(x.n, real, `${where}: "${x.text}" shows ${x.n}, there are ${real}`);
    if (!exact) assert.ok(x.least, `${where}: "${x.text}" shows an exact count while the total is a lower bound`);
  }
  for (const [f, values] of Object.entries(want.facets)) {
    for (const v of Object.keys(values)) {
      assert.ok(shown.some((x) => x.f === f && x.v === v), `${where}: the filter ${f}=${v} (${values[v]} hits in the whole index) is not listed`);
    }
  }
}

test('a first search that has not read every tier has usable filters whose counts are true or stated as lower bounds', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const q = 'luottamus';
  const want = await truth(q);
  const { hits, text } = await typeQuery(page, q);
  // The premise: this word's postings are cut, and a first page of hits
  // does not need them all.
  const least = /^Vähintään (\d+) osumaa haulla ”luottamus”\.$/.exec(text);
  assert.ok(least, `the first search of "${q}" reads every tier (status "${text}"); the test needs a word whose tiers wait`);
  assert.ok(Number(least[1]) <= want.total, `"${text}": there are ${want.total}`);
  assert.deepEqual(hits, want.hits, 'the first 20 hits are those of the whole index');
  assert.ok(await page.locator('#search-filters').isVisible(), 'the filters show');
  let shown = await facetsShown(page);
  checkCounts(shown, want, false, `"${q}"`);
  assert.ok(shown.some((x) => x.least && x.n < (want.facets[x.f][x.v] || 0)), 'some count is below the true one, so the page must say "vähintään"');

  // A filter chosen by its accessible name works as it does on a small
  // index: the hits are the area's, the count the area's, and the box
  // stays checked and focused.
  const area = shown.find((x) => x.f === 'teema');
  const box = page.getByRole('checkbox', { name: area.text });
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction((v) => new URL(location.href).searchParams.get('teema') === v
    && document.getElementById('search-results').dataset.state === 'done', area.v);
  const inArea = await truth(q, { teema: area.v });
  const after = await page.locator('ol#search-results li a.search-hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(after, inArea.hits, `the hits of "${q}" in ${area.name} are those of the whole index`);
  const status = (await page.locator('#search-status').textContent()).trim();
  const m = /^(Vähintään )?(\d+) osumaa haulla ”luottamus”\.$/.exec(status);
  assert.ok(m, `status "${status}"`);
  if (m[1]) assert.ok(Number(m[2]) <= inArea.total, `"${status}": there are ${inArea.total}`);
  else assert.equal(Number(m[2]), inArea.total, `"${status}"`);
  shown = await facetsShown(page);
  assert.ok(shown.find((x) => x.f === 'teema' && x.v === area.v)?.checked, 'the chosen area stays checked');
  assert.equal(await page.evaluate(() => document.activeElement?.value), area.v, 'the focus stays on the box');
  checkCounts(shown, inArea, !m[1], `"${q}" in ${area.name}`);
  assertClean(w);
});

test('a search that reads what it needs shows the exact counts', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(site.base + '/haku/');
  const q = 'tiimi';
  const want = await truth(q);
  const { text } = await typeQuery(page, q);
  assert.equal(text, `${want.total} osumaa haulla ”${q}”.`);
  checkCounts(await facetsShown(page), want, true, `"${q}"`);
  assertClean(w);
});
