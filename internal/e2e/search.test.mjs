// The search page where the reader's words are not the portal's, in
// headless Chromium over the default portal: a synonym finds the page, a
// query without hits says so with a suggestion that runs when followed,
// and each answer is announced to screen readers (once the reader pauses
// typing); axe passes in each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, assertClean, axe, formatViolations } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

const open = (t, opts) => openPage(site, t, opts);
const status = (page) => page.locator('#search-status');

test('an old term finds the pages that use the current one', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/haku/?q=esimies');
  await page.locator('ol#search-results li').first().waitFor();
  const titles = await page.locator('ol#search-results li a.search-hit-title').allTextContents();
  assert.ok(titles.slice(0, 5).some((x) => /esihenkilö/i.test(x)), `a page about esihenkilöt among the first five: ${titles.slice(0, 5)}`);
  assert.ok(!titles.some((x) => /esimies/i.test(x)), 'no page has the old term in its title');
  // Each hit's title a heading under the page's h1: a screen reader's
  // next-heading key goes from hit to hit.
  const heads = await page.locator('ol#search-results li > h2 > a.search-hit-title').count();
  assert.equal(heads, titles.length, 'every hit\'s title is an h2 of its own');
  assert.deepEqual(await page.locator('main h1').allTextContents().then((h) => h.length), 1, 'one h1 above the hits');
  assertClean(w);
});

test('no hits: "Ei osumia" with a suggestion that runs, announced, axe clean', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/haku/?q=hamke');
  await page.locator('#search-status a.search-suggestion').waitFor();
  assert.equal(await status(page).getAttribute('aria-live'), 'polite', 'the status is a live region');
  assert.equal((await status(page).textContent()).trim(), 'Ei osumia haulla ”hamke”. Tarkoititko ”hanke”?');
  assert.equal(await page.locator('ol#search-results li').count(), 0, 'no hits are listed');
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'axe:\n' + formatViolations(violations));

  await page.locator('#search-status a.search-suggestion').click();
  // Done once the status region says the answer (it is emptied first, so
  // that an answer like the one before is announced again).
  await page.locator('ol#search-results[data-state="done"] li').first().waitFor();
  assert.match(page.url(), /[?&]q=hanke(&|$)/, 'the suggestion is the query now, in the URL too');
  assert.equal(await page.inputValue('#search-input'), 'hanke');
  assert.match((await status(page).textContent()).trim(), /^\d+ osum(a|aa) haulla ”hanke”\.$/);
  assertClean(w);
});

test('typing announces each answer in the live region', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/haku/');
  // The live region is in the page, empty, before the first answer, so
  // that screen readers announce the change.
  assert.equal(await status(page).count(), 1);
  assert.equal((await status(page).textContent()).trim(), '');
  await page.fill('#search-input', 'palaveri');
  await page.waitForFunction(() => /haulla ”palaveri”/.test(document.getElementById('search-status').textContent));
  assert.match((await status(page).textContent()).trim(), /^\d+ osum(a|aa) haulla ”palaveri”\.$/);
  await page.fill('#search-input', 'xyzzyqwv');
  await page.waitForFunction(() => /xyzzyqwv/.test(document.getElementById('search-status').textContent));
  assert.equal((await status(page).textContent()).trim(), 'Ei osumia haulla ”xyzzyqwv”.');
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'axe:\n' + formatViolations(violations));
  assertClean(w);
});

test('a reader who types slowly hears the count once, when they pause, not one for each letter; Escape closes the filters', async (t) => {
  const { page, w } = await open(t, { viewport: { width: 375, height: 812 } });
  await page.goto(site.base + '/haku/');
  await page.evaluate(() => {
    const region = document.getElementById('search-status');
    window.said = [];
    new MutationObserver(() => region.textContent && window.said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  // Four keys a second, as on a phone: each answer is on screen before
  // the next key, but the reader is still typing.
  await page.locator('#search-input').pressSequentially('verkostotyö', { delay: 250 });
  await page.waitForFunction(() => /haulla ”verkostotyö”/.test(document.getElementById('search-status').textContent));
  assert.deepEqual(await page.evaluate(() => window.said), [(await status(page).textContent())]);
  assert.match(await status(page).textContent(), /^\d+ osumaa haulla ”verkostotyö”\.$/);
  // The filters open by keyboard, and Escape closes them again.
  const summary = page.locator('.search-filters summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'Tab goes on to the first filter');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.search-filters').evaluate((d) => d.open), false, 'Escape closes the filters');
  assert.ok(await summary.evaluate((s) => s === document.activeElement), 'the focus is back on their disclosure');
  assertClean(w);
});

test('a filter that leaves the count as it was is announced again, once for each change', async (t) => {
  const { page, w } = await open(t);
  // A query, one theme area's filter, and a kind or audience that every
  // hit left has: checking it leaves the status word for word as it was.
  let found = null;
  for (const q of ['pelisäännöt', 'hybridikokous', 'luottamus']) {
    for (const teema of ['eta-ja-hybridityo', 'verkostotyo', 'esihenkilotyo']) {
      await page.goto(site.base + `/haku/?q=${encodeURIComponent(q)}&teema=${teema}`);
      await page.waitForFunction(() => document.getElementById('search-results').dataset.state === 'done');
      const n = /^(\d+) osum/.exec((await status(page).textContent()).trim());
      if (!n) continue;
      const labels = await page.locator('#search-facets fieldset:not(:first-child) label').allTextContents();
      const all = labels.find((l) => l.endsWith(` (${n[1]})`));
      if (all) { found = all; break; }
    }
    if (found) break;
  }
  assert.ok(found, 'a query and area whose hits all have one kind or audience');
  const before = (await status(page).textContent()).trim();
  // What the region says after each change that a screen reader is told of.
  await page.evaluate(() => {
    const region = document.getElementById('search-status');
    window.said = [];
    new MutationObserver(() => window.said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  const box = page.getByRole('checkbox', { name: found });
  for (const checked of [true, false]) {
    await box.setChecked(checked);
    await page.waitForFunction((c) => document.getElementById('search-results').dataset.state === 'done'
      && new URL(location.href).searchParams.getAll('teema').length + new URL(location.href).searchParams.getAll('kind').length
        + new URL(location.href).searchParams.getAll('audience').length === (c ? 2 : 1), checked);
    assert.equal((await status(page).textContent()).trim(), before, 'the filter leaves the status as it was');
  }
  // Each change empties the region and then fills it once: a screen
  // reader reads a live region when its text changes, and only then.
  assert.deepEqual(await page.evaluate(() => window.said), ['', before, '', before]);
  assertClean(w);
});

test('"Näytä lisää osumia" takes the reader to the first hit it adds, and does not announce the count again', async (t) => {
  const { page, w } = await open(t);
  let q = null;
  for (const word of ['verkosto', 'työ', 'kokous']) {
    await page.goto(site.base + `/haku/?q=${encodeURIComponent(word)}`);
    await page.waitForFunction(() => document.getElementById('search-results').dataset.state === 'done');
    if (/^\d+ osumaa haulla/.test((await status(page).textContent()).trim()) && await page.locator('button.search-more').isVisible()) { q = word; break; }
  }
  assert.ok(q, 'a query of more hits than a page lists, counted exactly');
  const before = (await status(page).textContent()).trim();
  const shown = await page.locator('ol#search-results li').count();
  await page.evaluate(() => {
    const region = document.getElementById('search-status');
    window.said = [];
    new MutationObserver(() => window.said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  // A keyboard user, as a screen reader's is.
  await page.getByRole('button', { name: 'Näytä lisää osumia' }).focus();
  await page.keyboard.press('Enter');
  // The results are done once the region has said what it says of them.
  await page.waitForFunction((n) => document.querySelectorAll('ol#search-results li').length > n
    && document.getElementById('search-results').dataset.state === 'done', shown);
  assert.deepEqual(await page.evaluate(() => window.said), [], 'the region, which says the same count, says nothing again');
  assert.equal((await status(page).textContent()).trim(), before, 'the status still says the count');
  const first = page.locator('ol#search-results li a.search-hit-title').nth(shown);
  assert.ok(await first.evaluate((a) => a === document.activeElement), 'the focus is on the first hit added, which a screen reader reads');
  // Until the last hits: the focus is never left on the hidden button.
  for (let n = await page.locator('ol#search-results li').count(); await page.locator('button.search-more').isVisible(); n = await page.locator('ol#search-results li').count()) {
    await page.getByRole('button', { name: 'Näytä lisää osumia' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('ol#search-results li').length > n
      && document.getElementById('search-results').dataset.state === 'done', n);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), await page.locator('ol#search-results li a.search-hit-title').nth(n).textContent());
  }
  assert.deepEqual(await page.evaluate(() => window.said), []);
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'axe:\n' + formatViolations(violations));
  assertClean(w);
});
