// The search page where the reader's words are not the portal's, in
// headless Chromium over the default portal: a synonym finds the page, a
// query without hits says so with a suggestion that runs when followed,
// and each answer is announced to screen readers; axe passes in each state.
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
  await page.locator('ol#search-results li').first().waitFor();
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
