// The reader's own necklace on a portal large enough that the necklace
// data is in several shards: a generated corpus of 600 pearls gets 16
// (render.NecklaceShards). A shared link (?h=) shows its pearls with
// their titles, and the page fetches only the shards that hold them:
// not every pearl of the portal. An empty necklace fetches none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, corpus, openPage, assertClean, pagesOf, readPage } from './harness.mjs';
import { necklaceShard } from '../../themes/helminauha/assets/oma-helminauha.js';

const PEARLS = 600;

let dir;
let site;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-shards-'));
  await corpus(['-n', String(PEARLS)], join(dir, 'corpus'));
  site = await startSite(join(dir, 'corpus', 'content'));
});
after(async () => {
  await site?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const SHARD = /\/oma-helminauha\/helmet\/(\d+)\.json$/;

// shardCount is the number of shards the necklace page names.
async function shardCount() {
  const html = await readPage(site.out, '/oma-helminauha/');
  const m = /data-necklace-data="([^"]*)" data-necklace-shards="(\d+)"/.exec(html);
  assert.ok(m, 'the necklace page names the shards');
  assert.equal(m[1], '/oma-helminauha/helmet/');
  return Number(m[2]);
}

// fetched lists the shard files the page asked for, in order.
const fetched = (w) => w.state.requests.map((u) => new URL(u).pathname).filter((p) => SHARD.test(p) || p.endsWith('/helmet.json'));

// titleOf is the title a pearl's page shows in its h1.
async function titleOf(path) {
  const m = /<h1[^>]*>([^<]*)<\/h1>/.exec(await readPage(site.out, path));
  assert.ok(m, `${path} has an h1`);
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

test('the portal has its necklace data in shards, every pearl in one', async () => {
  const n = await shardCount();
  assert.equal(n, 16, `${PEARLS} pearls`);
  const files = (await readdir(join(site.out, 'oma-helminauha', 'helmet'))).sort();
  assert.deepEqual(files, Array.from({ length: n }, (_, i) => `${i}.json`).sort());
  assert.equal(await stat(join(site.out, 'oma-helminauha', 'helmet.json')).catch(() => null), null, 'no file of every pearl');
  const slugs = (await pagesOf(site.out, 'helmet')).map((p) => p.split('/')[2]);
  const seen = new Map();
  for (const f of files) {
    const data = JSON.parse(await readFile(join(site.out, 'oma-helminauha', 'helmet', f), 'utf8'));
    for (const s of Object.keys(data)) {
      assert.equal(`${necklaceShard(s, n)}.json`, f, `${s} is in the shard the script fetches it from`);
      seen.set(s, (seen.get(s) || 0) + 1);
    }
  }
  assert.deepEqual([...seen.keys()].sort(), slugs.sort());
  assert.ok([...seen.values()].every((c) => c === 1));
});

test('a shared link shows its pearls by title and fetches only their shards', async (t) => {
  const n = await shardCount();
  const pearls = await pagesOf(site.out, 'helmet');
  // Five pearls from across the portal, in an order that is not the
  // folder's, and a slug the portal does not have.
  const paths = [pearls[500], pearls[7], pearls[321], pearls[42], pearls[199]];
  const slugs = paths.map((p) => p.split('/')[2]);
  const h = [...slugs.slice(0, 3), 'ei-tallaista-helmea', ...slugs.slice(3)];
  const shards = [...new Set(h.map((s) => necklaceShard(s, n)))].sort((a, b) => a - b);
  assert.ok(shards.length >= 3 && shards.length < n, `the link needs ${shards.length} of ${n} shards`);

  const { page, w } = await openPage(site, t);
  await page.goto(`${site.base}/oma-helminauha/?h=${h.join(',')}`);
  await page.locator('#necklace-list > li').nth(slugs.length - 1).waitFor();
  const listed = await page.locator('#necklace-list > li').evaluateAll((lis) => lis.map((li) => ({
    slug: li.dataset.slug,
    title: li.querySelector('h2').textContent.trim(),
    href: li.querySelector('h2 a')?.getAttribute('href'),
  })));
  assert.deepEqual(listed.map((l) => l.slug), slugs, 'the pearls in the link\'s order, the unknown one left out');
  for (const [i, l] of listed.entries()) {
    assert.equal(l.title, await titleOf(paths[i]), `${l.slug}: its title`);
    assert.equal(l.href, paths[i]);
  }
  assert.equal(await page.locator('#necklace-svg svg .bead').count(), slugs.length);
  assert.match((await page.locator('#necklace-notice').textContent()).trim(), /ohitettiin/, 'the unknown pearl is said to be skipped');

  const got = fetched(w);
  assert.deepEqual(got.map((p) => Number(SHARD.exec(p)[1])).sort((a, b) => a - b), shards, `only the shards of the link, each once: ${got.join(' ')}`);
  const weight = await w.weight();
  const shardBytes = weight.parts.filter((p) => SHARD.test(p.split(' ')[1])).reduce((sum, p) => sum + Number(p.split(' ')[2]), 0);
  let whole = 0;
  for (let i = 0; i < n; i++) whole += (await stat(join(site.out, 'oma-helminauha', 'helmet', `${i}.json`))).size;
  assert.ok(shardBytes > 0 && shardBytes * 2 < whole, `fetched ${shardBytes} bytes of necklace data of ${whole}`);

  // Saved, the own necklace shows the same pearls, from the same shards.
  await page.getByRole('button', { name: 'Tallenna omaksi helminauhaksi' }).click();
  w.reset();
  await page.reload();
  await page.locator('#necklace-list > li').nth(slugs.length - 1).waitFor();
  assert.deepEqual(await page.locator('#necklace-list > li h2').allTextContents(), listed.map((l) => l.title));
  const again = [...new Set(slugs.map((s) => necklaceShard(s, n)))].sort((a, b) => a - b);
  assert.deepEqual(fetched(w).map((p) => Number(SHARD.exec(p)[1])).sort((a, b) => a - b), again);

  // Another tab adds a pearl from a shard the page has not fetched: the
  // next change fetches that shard and shows the pearl, and does not
  // drop it as one the portal no longer has.
  const extra = pearls.find((p) => !again.includes(necklaceShard(p.split('/')[2], n)));
  const extraSlug = extra.split('/')[2];
  await page.evaluate((s) => {
    const d = JSON.parse(localStorage.getItem('helminauha.oma'));
    d.items.push({ slug: s, note: '' });
    localStorage.setItem('helminauha.oma', JSON.stringify(d));
  }, extraSlug);
  w.reset();
  await page.locator(`#necklace-list > li[data-slug="${slugs[0]}"] button[data-action="down"]`).click();
  await page.locator(`#necklace-list > li[data-slug="${extraSlug}"]`).waitFor();
  assert.deepEqual(await page.locator('#necklace-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.slug)),
    [slugs[1], slugs[0], ...slugs.slice(2), extraSlug]);
  assert.equal((await page.locator(`#necklace-list > li[data-slug="${extraSlug}"] h2`).textContent()).trim(), await titleOf(extra));
  assert.deepEqual(fetched(w), [`/oma-helminauha/helmet/${necklaceShard(extraSlug, n)}.json`]);
  assert.equal((await page.locator('#necklace-notice').textContent()).trim(), '', 'nothing was dropped');
  assertClean(w);
});

test('an empty necklace fetches no shard, and a shard that fails says so', async (t) => {
  const { page, w } = await openPage(site, t);
  await page.goto(`${site.base}/oma-helminauha/`);
  await page.locator('#necklace-empty').waitFor({ state: 'visible' });
  assert.deepEqual(fetched(w), []);
  assertClean(w);

  const n = await shardCount();
  const [slug] = (await pagesOf(site.out, 'helmet')).map((p) => p.split('/')[2]);
  await page.route(`${site.base}/oma-helminauha/helmet/${necklaceShard(slug, n)}.json`, (r) => r.fulfill({ status: 500, body: 'ei' }));
  await page.goto(`${site.base}/oma-helminauha/?h=${slug}`);
  await page.waitForFunction(() => document.getElementById('necklace-notice').textContent.trim() !== '');
  assert.match((await page.locator('#necklace-notice').textContent()).trim(), /^Helmien tietoja ei saatu ladattua/);
  assert.equal(await page.locator('#necklace-list > li').count(), 0);
  assertClean(w, (e) => /status of 500/.test(e));
});
