// The reader's own necklace in headless Chromium: add pearls
// from their pages, reorder and annotate them, keep them over a reload,
// share them by a link, remove and empty; a shared link with unknown
// slugs or markup shows a notice and nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSite, pagesOf, openPage, assertClean } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

const open = (t, opts) => openPage(site, t, opts);

// listed returns the slugs the necklace list shows, in order.
function listed(page) {
  return page.locator('#necklace-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.slug));
}

async function badge(page) {
  const b = page.locator('[data-necklace-count]').first();
  return (await b.isVisible()) ? (await b.textContent()).trim() : '';
}

test('a reader collects, orders, annotates, shares and empties a necklace', async (t) => {
  const pearls = (await pagesOf(site.out, 'helmet')).slice(0, 3);
  const slugs = pearls.map((p) => p.split('/')[2]);
  const { page, w } = await open(t);

  // Add three pearls from their pages; the header counts them.
  for (const [i, p] of pearls.entries()) {
    await page.goto(site.base + p);
    const toggle = page.locator('button[data-necklace-toggle]');
    await toggle.waitFor({ state: 'visible' });
    assert.equal((await toggle.textContent()).trim(), 'Lisää omaan helminauhaan');
    await toggle.click();
    assert.equal((await toggle.textContent()).trim(), 'Poista omasta helminauhasta');
    await page.locator('[role="status"]', { hasText: `lisätty omaan helminauhaan. Siinä on nyt ${i + 1} helm` }).waitFor();
    assert.equal(await badge(page), String(i + 1));
  }
  // The button removes as well, and adds back.
  const toggle = page.locator('button[data-necklace-toggle]');
  await toggle.click();
  assert.equal(await badge(page), '2');
  await toggle.click();
  assert.equal(await badge(page), '3');

  await page.goto(site.base + '/oma-helminauha/');
  await page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(page), slugs);
  assert.equal(await page.locator('#necklace-svg svg .bead').count(), 3, 'the picture has a bead per pearl');
  assert.equal(await page.locator('#necklace-empty').isVisible(), false);

  // Reorder with the keyboard: the first pearl down, then the (new)
  // last one up. Focus stays with the pearl that moved.
  await page.locator(`#necklace-list > li[data-slug="${slugs[0]}"] button[data-action="down"]`).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]]);
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.slug), slugs[0], 'focus moved with the pearl');
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[2], slugs[0]]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'up', 'at the bottom, focus goes to "Siirrä ylös"');
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]]);

  // Annotate.
  const note = page.locator(`#necklace-list > li[data-slug="${slugs[0]}"] textarea`);
  await note.fill('Kokeillaan ensi viikon tiimipalaverissa.');
  assert.equal(await page.getByLabel('Oma muistiinpano').count(), 3, 'each pearl has a labelled note');

  await page.reload();
  await page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]], 'the order is kept');
  assert.equal(await note.inputValue(), 'Kokeillaan ensi viikon tiimipalaverissa.', 'the note is kept');

  // Markdown download of the necklace.
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa Markdown-tiedostona' }).click(),
  ]);
  const md = await readFile(await download.path(), 'utf8');
  assert.ok(md.startsWith('# Oma helminauha\n'), md.slice(0, 100));
  const titles = await page.locator('#necklace-list > li h2').allTextContents();
  let at = 0;
  for (const title of titles) {
    const i = md.indexOf('\n## ' + title.trim() + '\n');
    assert.ok(i > at, `the Markdown has "${title}" in order`);
    at = i;
  }
  assert.match(md, /Kokeillaan ensi viikon tiimipalaverissa\./);

  // Print: every pearl in full.
  await page.evaluate(() => { window.print = () => { window.__printed = document.querySelector('.necklace-print').innerText; }; });
  await page.getByRole('button', { name: 'Tulosta helmet' }).click();
  await page.waitForFunction(() => window.__printed);
  const printed = await page.evaluate(() => window.__printed);
  for (const title of titles) assert.ok(printed.includes(title.trim()), `the print has "${title}"`);
  assert.ok(printed.length > 1500, `the print has the pearls' bodies, got ${printed.length} characters`);
  assert.ok(fetched.some((p) => p.endsWith('/tuloste.json')), `the download and the print read the print bodies the build wrote: ${fetched}`);
  assert.ok(!fetched.some((p) => /\/helmet\/[^/]+\/$/.test(p)), `the download and the print fetch no pearl page: ${fetched}`);

  // Share: the link opens the same necklace in a fresh browser.
  const link = await page.locator('#necklace-share').inputValue();
  assert.equal(link, `${site.base}/oma-helminauha/?h=${[slugs[1], slugs[0], slugs[2]].join(',')}`);
  const other = await open(t);
  await other.page.goto(link);
  await other.page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(other.page), [slugs[1], slugs[0], slugs[2]]);
  assert.equal(await other.page.locator('textarea').count(), 0, 'notes are not shared');
  assert.equal(await badge(other.page), '', 'nothing is saved before the reader asks');
  await other.page.getByRole('button', { name: 'Tallenna omaksi helminauhaksi' }).click();
  assert.equal(await badge(other.page), '3');
  assert.equal(new URL(other.page.url()).search, '', 'once saved, the page is the own necklace');
  await other.page.reload();
  await other.page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(other.page), [slugs[1], slugs[0], slugs[2]]);
  assertClean(other.w);

  // Remove one, then empty; undo brings it back once.
  await page.getByRole('button', { name: `Poista: ${titles[1].trim()}` }).click();
  assert.deepEqual(await listed(page), [slugs[1], slugs[2]]);
  assert.equal(await badge(page), '2');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'remove', 'focus stays in the list');
  await page.getByRole('button', { name: 'Tyhjennä helminauha' }).click();
  assert.deepEqual(await listed(page), []);
  assert.equal(await page.locator('#necklace-empty').isVisible(), true);
  assert.equal(await badge(page), '');
  await page.getByRole('button', { name: 'Palauta helminauha' }).click();
  assert.deepEqual(await listed(page), [slugs[1], slugs[2]]);
  await page.getByRole('button', { name: 'Tyhjennä helminauha' }).click();
  await page.reload();
  await page.locator('#necklace-empty').waitFor({ state: 'visible' });
  assert.deepEqual(await listed(page), []);
  assert.equal(await badge(page), '');
  await page.goto(site.base + pearls[0]);
  assert.equal((await page.locator('button[data-necklace-toggle]').textContent()).trim(), 'Lisää omaan helminauhaan');
  assertClean(w);
});

test('a shared link with unknown pearls or markup shows a notice and nothing else', async (t) => {
  const [good] = (await pagesOf(site.out, 'helmet')).map((p) => p.split('/')[2]);
  const cases = [
    { name: 'a bogus slug', h: 'ei-tallaista-helmea', shown: [] },
    { name: 'a script tag', h: '<script>alert(1)</script>', shown: [] },
    { name: 'markup and a real pearl', h: `<img src=x onerror=alert(1)>,${good},ei-ole`, shown: [good] },
    { name: 'an empty list', h: ',,,', shown: [] },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const { page, w, dialogs } = await open(t);
      const before = await (async () => {
        await page.goto(site.base + '/oma-helminauha/');
        return page.evaluate(() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length);
      })();
      await page.goto(site.base + '/oma-helminauha/?h=' + encodeURIComponent(c.h).replace(/%2C/g, ','));
      const notice = page.locator('#necklace-notice');
      await page.waitForFunction(() => document.getElementById('necklace-notice').textContent.trim() !== '');
      const text = (await notice.textContent()).trim();
      assert.match(text, /ohitettiin|ei ollut yhtään/, `a notice says what happened: ${text}`);
      assert.ok(!/[<>]/.test(text), 'the notice does not echo the markup');
      assert.deepEqual(await listed(page), c.shown);
      assert.equal(await page.locator('#necklace-svg .bead').count(), c.shown.length);
      const after = await page.evaluate(() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length);
      assert.equal(after, before, 'no element came from the link');
      assert.equal(await page.evaluate(() => document.body.innerHTML.includes('alert(1)')), false, 'the link text is not in the page');
      assert.deepEqual(dialogs, []);
      assert.equal(await page.evaluate(() => localStorage.getItem('helminauha.oma')), null, 'nothing is saved');
      assertClean(w);
    });
  }
});

test('without JavaScript the pearl page works and shows no necklace button', async (t) => {
  const [p] = await pagesOf(site.out, 'helmet');
  const { page } = await open(t, { javaScriptEnabled: false });
  await page.goto(site.base + p);
  assert.equal(await page.locator('button[data-necklace-toggle]').isVisible(), false);
  assert.equal(await page.locator('[data-necklace-count]').isVisible(), false);
  assert.ok((await page.locator('main h1').textContent()).trim().length > 0);
  assert.ok((await page.locator('[data-pearl-body]').innerText()).length > 200, 'the body is there');
});

test('the whole guide prints with each chapter on a new page and no navigation', async (t) => {
  const chapters = (await pagesOf(site.out, 'opas')).filter((p) => p !== '/opas/kokonaan/');
  const { page, w } = await open(t);
  await page.goto(site.base + '/opas/kokonaan/');
  const sections = page.locator('main section.print-chapter');
  assert.equal(await sections.count(), chapters.length, 'every chapter is on the page');
  const toc = await page.locator('main .toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = await sections.evaluateAll((ss) => ss.map((s) => '#' + s.id));
  assert.deepEqual(toc, ids, 'the table of contents lists the chapters in order');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header', '.site-footer', 'nav.breadcrumb']) {
    const n = await page.locator(sel).count();
    if (n) assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} does not print`);
  }
  const breaks = await sections.evaluateAll((ss) => ss.map((s) => getComputedStyle(s).breakBefore));
  assert.deepEqual(breaks, breaks.map(() => 'page'), 'each chapter starts a new page');
  const after = await page.evaluate(() => {
    const a = [...document.querySelectorAll('main a[href^="http"]')][0];
    return a ? getComputedStyle(a, '::after').content : null;
  });
  if (after !== null) assert.match(after, /attr\(href\)|http/, 'link URLs print after links');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages > chapters.length, `the guide prints on more pages than it has chapters, got ${pages}`);
  assertClean(w);
});
