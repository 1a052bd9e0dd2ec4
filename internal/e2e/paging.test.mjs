// Long lists on a large portal: a generated corpus of 400 pearls puts
// more than 60 pearls in every theme area, kind and audience, so their
// pages are split (render.PageSize); its varied shape gives them some 300
// tags, so the list of terms takes two pages (render.TagPageSize). The
// pages and their pager must be accessible, light and usable with a
// keyboard like every other page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, generator, corpus, serve, launch, BUDGET, WIDTHS, watch, axe, formatViolations } from './harness.mjs';

const run = promisify(execFile);
let dir;
let srv;
let browser;
let root;

before(async () => {
  const launching = launch();
  dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-paging-'));
  root = dir;
  srv = await serve(() => root);
  try {
    const bin = await generator(dir);
    await corpus(['-n', '400', '-shape', 'varied'], join(dir, 'corpus'));
    await run(bin, ['build', '--content', join(dir, 'corpus', 'content'), '--out', join(dir, 'public'), '--baseurl', srv.url + '/', '--quiet'], { cwd: repo, maxBuffer: 1 << 24 });
  } catch (err) {
    await launching.then((b) => b.close(), () => {});
    throw err;
  }
  root = join(dir, 'public');
  browser = await launching;
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// The first area of the generated corpus; every area has more than 60
// pearls at this size.
async function firstArea(page) {
  await page.goto(srv.url + '/', { waitUntil: 'load' });
  return page.locator('.nav-areas a').first().getAttribute('href');
}

test('paged lists are accessible and light, in light and dark, on a phone and a desktop', async () => {
  // Each page is loaded once a width and read in both schemes
  // (emulateMedia switches prefers-color-scheme in place): a navigation
  // costs Chromium about 0.2 s of CPU, and the weight does not depend on
  // the scheme.
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({ viewport, colorScheme: 'light' });
    const page = await context.newPage();
    const w = watch(page, srv.url);
    const area = await firstArea(page);
    const pages = [area, area + 'sivu/2/', '/tyypit/tieto/sivu/2/', '/kohderyhmat/johto/', '/tagit/', '/tagit/sivu/2/'];
    for (const p of pages) {
      await page.emulateMedia({ colorScheme: 'light' });
      w.reset();
      const res = await page.goto(srv.url + p, { waitUntil: 'load' });
      assert.equal(res.status(), 200, `${p} answers 200`);
      const { code, parts } = await w.weight();
      assert.ok(code <= BUDGET, `${p} weighs ${code} bytes of HTML, CSS and JS, over ${BUDGET}:\n${parts.join('\n')}`);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${p} (${name}, ${colorScheme}) has accessibility violations:\n${formatViolations(violations)}`);
        assert.deepEqual(w.problems(), [], `${p}: ${w.problems().join('\n')}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px on ${name}`);
        // axe skips text of one character, such as a page number: check
        // the filled current page's contrast here.
        const ratio = await page.evaluate(contrastOfCurrentPage);
        assert.ok(ratio >= 4.5, `${p} (${colorScheme}): the current page number has contrast ${ratio.toFixed(2)}:1, under 4.5:1`);
      }
    }
    await context.close();
  }
});

test('the pager leads from page to page by keyboard, and says which page is open', async () => {
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  const page = await context.newPage();
  const area = await firstArea(page);
  await page.goto(srv.url + area, { waitUntil: 'load' });
  const pager = page.getByRole('navigation', { name: 'Sivutus' });
  assert.equal(await pager.getByRole('link', { name: 'Edellinen sivu' }).count(), 0, 'the first page has no previous page');
  assert.equal(await pager.locator('[aria-current="page"]').textContent(), 'Sivu 1');

  const next = pager.getByRole('link', { name: 'Seuraava sivu' });
  await next.focus();
  await Promise.all([page.waitForURL(srv.url + area + 'sivu/2/'), page.keyboard.press('Enter')]);
  const pager2 = page.getByRole('navigation', { name: 'Sivutus' });
  assert.equal(await pager2.locator('[aria-current="page"]').textContent(), 'Sivu 2');
  assert.match(await page.title(), /, sivu 2\/\d+ – /);
  assert.equal(await page.locator('link[rel="prev"]').getAttribute('href'), area);

  // The last page, reached from the pager's last number, has no next page.
  const last = pager2.getByRole('link').filter({ hasText: /^Sivu \d+$/ }).last();
  await Promise.all([page.waitForURL(/sivu\/\d+\/$/), last.click()]);
  const pager3 = page.getByRole('navigation', { name: 'Sivutus' });
  assert.equal(await pager3.getByRole('link', { name: 'Seuraava sivu' }).count(), 0, 'the last page has no next page');
  assert.equal(await page.locator('link[rel="next"]').count(), 0);
  await context.close();
});

test('the letter index of the list of terms leads by keyboard to the letter\'s heading, on the page where it starts', async () => {
  const context = await browser.newContext({ viewport: WIDTHS.phone });
  const page = await context.newPage();
  await page.goto(srv.url + '/tagit/', { waitUntil: 'load' });
  const letters = page.getByRole('navigation', { name: 'Aiheet alkukirjaimen mukaan' });
  const links = letters.getByRole('link');
  const endsIn = (await page.getByRole('heading', { level: 3 }).last().textContent()).trim();
  assert.ok(await links.count() >= 10, 'the index has the letters of some 300 tags');
  // The last letter starts on the second page.
  const last = links.last();
  const letter = (await last.textContent()).trim();
  await last.focus();
  await Promise.all([page.waitForURL(/\/tagit\/sivu\/2\/#kirjain-/), page.keyboard.press('Enter')]);
  const id = new URL(page.url()).hash.slice(1);
  // A later page is its tags alone: its h1 names the tags and the page,
  // and each letter is the next level under it.
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /^Aiheet .+ – .+, sivu 2\/2$/);
  const heading = page.getByRole('heading', { level: 2, name: letter, exact: true });
  assert.equal(await heading.getAttribute('id'), id, `the letter ${letter} leads to its heading`);
  // The page scrolls (smoothly) to the heading.
  await page.waitForFunction(() => {
    const r = document.getElementById(location.hash.slice(1)).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.equal(await page.getByRole('navigation', { name: 'Sivutus' }).locator('[aria-current="page"]').textContent(), 'Sivu 2');
  assert.match(await page.title(), /^Aiheet, sivu 2\/2 – /);
  // The second page starts with the letter the first page ended in,
  // said to continue, or with the next letter.
  const startsWith = (await page.getByRole('heading', { level: 2 }).first().textContent()).trim();
  assert.ok(startsWith === `${endsIn} (jatkuu)` || !startsWith.startsWith(endsIn), `the first page ends in ${endsIn}, the second starts with "${startsWith}"`);
  await context.close();
});

// contrastOfCurrentPage runs in the page: the WCAG contrast ratio of the
// current page link's text on its background.
function contrastOfCurrentPage() {
  const a = document.querySelector('nav[aria-label="Sivutus"] [aria-current="page"]');
  const s = getComputedStyle(a);
  const lum = (c) => {
    const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [l1, l2] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
