// A reader's way through the default portal in headless Chromium: the
// necklace, a pearl and the next one, the header search and a
// filter, the worksheet, the guide's chain of chapters, the 404 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, pagesOf, readPage, openPage, assertClean } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

const open = (t, opts) => openPage(site, t, opts);

test('the necklace leads to a pearl, and the pearl to the next one', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/');
  const beads = page.locator('svg.strand a.bead');
  assert.ok(await beads.count() >= 6, 'the home page has a necklace of pearls');
  const first = beads.first();
  const name = await first.getAttribute('aria-label');
  // By keyboard: focus the bead and press Enter.
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/helmet\/[a-z0-9-]+\/$/);
  assert.equal((await page.locator('main h1').first().textContent()).trim(), name);

  const next = page.locator('nav.prev-next a[rel="next"]');
  assert.equal(await next.count(), 1, 'the first pearl of a strand links to the next one');
  const nextTitle = (await next.locator('.pn-title').textContent()).trim();
  const before = page.url();
  await next.click();
  await page.waitForURL((u) => u.href !== before);
  assert.match(page.url(), /\/helmet\/[a-z0-9-]+\/$/);
  assert.equal((await page.locator('main h1').first().textContent()).trim(), nextTitle);
  assertClean(w);
});

test('keyboard: the skip link, and a focused pearl shows its title', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href') }));
  assert.equal(skip.text, 'Siirry sisältöön', 'the first Tab reaches the skip link');
  assert.equal(await page.locator('.skip-link').isVisible(), true, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), skip.href.slice(1), 'Enter moves focus to the content');

  // Each bead is a link named by its pearl; focus shows the title as
  // text under the strand, with a visible focus ring.
  const bead = page.locator('svg.strand a.bead').nth(2);
  const name = await bead.getAttribute('aria-label');
  const label = page.locator('svg.strand a.bead + .bead-label').nth(2);
  assert.equal(await label.isVisible(), false, 'the title is hidden until hover or focus');
  await bead.focus();
  await label.waitFor({ state: 'visible', timeout: 3000 }); // focus shows the title
  assert.ok(name.startsWith((await label.textContent()).replace(/…$/, '').trim()), 'the shown title is the pearl\'s');
  // The text alternative has the same links.
  const inSVG = await page.locator('svg.strand a.bead').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
  const inText = await page.locator('.necklace-text li li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
  assert.deepEqual(inText, inSVG, 'the necklace as text links to the same pearls');
  assertClean(w);
});

test('the header search box finds pearls and a filter narrows them', async (t) => {
  const { page, w } = await open(t);
  await page.goto(site.base + '/');
  await page.fill('#header-q', 'verkosto');
  await page.press('#header-q', 'Enter');
  await page.waitForURL(/\/haku\/\?q=verkosto/);
  const hits = page.locator('ol#search-results li');
  await hits.first().waitFor();
  const all = await hits.count();
  assert.ok(all >= 3, `"verkosto" finds several pages, got ${all}`);
  const firstHref = await page.locator('ol#search-results li a').first().getAttribute('href');
  assert.ok(firstHref, 'each hit links to its page');

  // A filter: the first facet control that is a checkbox or a button.
  const facet = page.locator('#search-facets input[type="checkbox"], #search-facets button').first();
  await facet.waitFor();
  await facet.click();
  await page.waitForFunction((n) => {
    const items = document.querySelectorAll('ol#search-results li');
    return items.length > 0 && items.length < n || /[?&](teema|kind|audience)=/.test(location.search);
  }, all);
  assert.match(page.url(), /[?&](teema|kind|audience)=[a-z0-9-]+/, 'the filter is in the URL');
  const filtered = await hits.count();
  assert.ok(filtered > 0 && filtered <= all, `the filter keeps some of the ${all} hits, got ${filtered}`);

  // The URL runs the same query on load.
  const url = page.url();
  const again = await open(t);
  await again.page.goto(url);
  await again.page.locator('ol#search-results li').first().waitFor();
  assert.equal(await again.page.locator('ol#search-results li').count(), filtered);
  assertClean(w);
  assertClean(again.w);
});

// worksheetPage finds the pearl whose page has a worksheet.
async function worksheetPage() {
  for (const p of await pagesOf(site.out, 'helmet')) {
    if ((await readPage(site.out, p)).includes('data-tyopohja')) return p;
  }
  throw new Error('no pearl of the default portal has a worksheet');
}

test('the worksheet keeps its answers over a reload, and clears them', async (t) => {
  const path = await worksheetPage();
  const { page, w } = await open(t);
  await page.goto(site.base + path);
  const form = page.locator('form[data-tyopohja]').first();
  const text = form.locator('textarea').first();
  const line = form.locator('input[type="text"], input:not([type])').first();
  const date = form.locator('input[type="date"]').first();
  const scale = form.locator('input[type="radio"][value="4"]').first();
  await text.fill('Yhteinen tavoite: asiakas saa avun yhdeltä luukulta.');
  await line.fill('Koollekutsuja');
  await date.fill('2027-03-15');
  // The scale is radio buttons: choose 4 by its label.
  await form.locator(`label[for="${await scale.getAttribute('id')}"]`).click();

  // Enter in a line field must not submit the form anywhere.
  await line.press('Enter');
  assert.equal(new URL(page.url()).search, '', 'the form is not submitted');

  await page.reload();
  assert.equal(await text.inputValue(), 'Yhteinen tavoite: asiakas saa avun yhdeltä luukulta.');
  assert.equal(await line.inputValue(), 'Koollekutsuja');
  assert.equal(await date.inputValue(), '2027-03-15');
  assert.equal(await scale.isChecked(), true);

  // Download as Markdown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: 'Lataa Markdown-tiedostona' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^[a-z0-9-]+\.md$/);
  const md = await readFile(await download.path(), 'utf8');
  const title = (await form.locator('.tyopohja-title').textContent()).trim();
  assert.ok(md.startsWith('# ' + title + '\n'), 'the title is the # heading:\n' + md.slice(0, 200));
  assert.match(md, /\n## .+\n\nYhteinen tavoite: asiakas saa avun yhdeltä luukulta\.\n/);
  assert.match(md, /\n4 \/ 5\n/);

  // Clear: the answers go, from the page and from storage; undo is offered.
  await form.getByRole('button', { name: 'Tyhjennä vastaukset' }).click();
  assert.equal(await text.inputValue(), '');
  assert.equal(await scale.isChecked(), false);
  await page.waitForFunction(() => /tyhjennetty/i.test(document.querySelector('form[data-tyopohja] [role="status"]').textContent));
  const undo = form.getByRole('button', { name: 'Palauta vastaukset' });
  assert.equal(await undo.isVisible(), true);
  await undo.click();
  assert.equal(await line.inputValue(), 'Koollekutsuja');
  await form.getByRole('button', { name: 'Tyhjennä vastaukset' }).click();
  await page.reload();
  assert.equal(await text.inputValue(), '');
  assert.equal(await line.inputValue(), '');
  assert.equal(await scale.isChecked(), false);
  assertClean(w);
});

test('the worksheet prints alone on one page', async (t) => {
  const path = await worksheetPage();
  const { page, w } = await open(t);
  await page.goto(site.base + path);
  const form = page.locator('form[data-tyopohja]').first();
  await form.locator('textarea').first().fill('Tavoite, joka tulostuu kokonaan.\nToinen rivi.\nKolmas rivi.\nNeljäs rivi.\nViides rivi.');
  // Do what the print button does, without the dialog: mark the page and
  // render it as PDF with print media.
  await page.evaluate(() => { window.print = () => {}; });
  await form.getByRole('button', { name: 'Tulosta' }).click();
  // printAlone cleans up after print() returns (in a timeout, which may
  // still be pending when click() resolves); then mark again for the PDF.
  await page.waitForFunction(() => !document.documentElement.classList.contains('tp-printing'));
  await page.evaluate(() => {
    const form = document.querySelector('form[data-tyopohja]');
    for (let el = form; el && el !== document.body; el = el.parentElement) {
      for (const s of el.parentElement.children) if (s !== el) s.setAttribute('data-tp-hide', '');
    }
    document.documentElement.classList.add('tp-printing');
    form.classList.add('tp-print-target');
  });
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('form[data-tyopohja]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && el.children.length === 0 && el.textContent.trim()) out.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40));
    }
    return out;
  });
  assert.deepEqual(visible, [], 'only the worksheet shows in print');
  assert.equal(await page.locator('.tp-actions button').first().isVisible(), false, 'the buttons do not print');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the worksheet prints on one A4 page, got ${pages}`);
  assertClean(w);
});

test('without JavaScript the worksheet prints empty, with its questions and boxes', async (t) => {
  const path = await worksheetPage();
  const { page } = await open(t, { javaScriptEnabled: false });
  await page.goto(site.base + path);
  await page.emulateMedia({ media: 'print' });
  const form = page.locator('form[data-tyopohja]');
  assert.equal(await form.isVisible(), true);
  assert.equal(await form.locator('.tp-actions button').count(), 0, 'no buttons without the script');
  for (const ta of await form.locator('textarea').all()) {
    assert.equal(await ta.isVisible(), true, 'each text area prints as an empty box');
    assert.equal(await ta.inputValue(), '');
  }
  assert.equal(await page.locator('.site-header').isVisible(), false, 'the header does not print');
});

test('the guide chain reaches every chapter, forwards and back', async (t) => {
  const chapters = (await pagesOf(site.out, 'opas')).filter((p) => p !== '/opas/kokonaan/');
  assert.ok(chapters.length >= 3, `the default guide has chapters, got ${chapters.length}`);
  const { page, w } = await open(t);
  await page.goto(site.base + '/opas/');
  const firstLink = page.locator('ol.toc-list a').first();
  await firstLink.click();
  const seen = [];
  for (let i = 0; i < chapters.length + 2; i++) {
    await page.waitForLoadState();
    seen.push(new URL(page.url()).pathname);
    assert.equal(await page.locator('a[href$="/opas/kokonaan/"]').count() > 0, true, `${page.url()} links to the whole guide`);
    const next = page.locator('nav.prev-next a[rel="next"]');
    if (await next.count() === 0) break;
    await next.click();
  }
  assert.deepEqual([...seen].sort(), chapters, 'following "next" from the first chapter visits every chapter once');
  const back = [];
  for (let i = 0; i < chapters.length + 2; i++) {
    back.push(new URL(page.url()).pathname);
    const prev = page.locator('nav.prev-next a[rel="prev"]');
    if (await prev.count() === 0) break;
    await prev.click();
    await page.waitForLoadState();
  }
  assert.deepEqual(back, [...seen].reverse(), '"previous" walks the same chain back');
  assertClean(w);
});

test('an unknown address gets the 404 page', async (t) => {
  const { page, w } = await open(t);
  const res = await page.goto(site.base + '/ei-tallaista-sivua/');
  assert.equal(res.status(), 404);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Sivua ei löytynyt');
  // Its links and styles work from any depth.
  const css = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.notEqual(css, '', 'the stylesheet loads');
  assert.ok(await page.locator('main a[href="/"]').count() >= 1, 'it links to the home page');
  const deep = await open(t);
  const res2 = await deep.page.goto(site.base + '/helmet/ei-ole/syvalla/');
  assert.equal(res2.status(), 404);
  assert.equal(await deep.page.locator('link[rel="stylesheet"]').evaluate((l) => !!l.sheet), true, 'the stylesheet loads on a deep 404');
  const allow404 = (e) => /status of 404/.test(e);
  assertClean(w, allow404);
  assertClean(deep.w, allow404);
});
