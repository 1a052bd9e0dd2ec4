// Every page type of the default portal, at phone and desktop widths:
// axe-core finds no WCAG 2.1 A/AA violation, the page loads under 60 KB of
// HTML + CSS + JS, asks no other host for anything, and logs no error
// (a Content-Security-Policy violation is logged as one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, watch, axe, formatViolations, pagesOf, readPage, WIDTHS, BUDGET } from './harness.mjs';

let site;
let targets;
before(async () => {
  site = await startSite();
  targets = await pageTypes(site.out);
});
after(async () => { await site?.stop(); });

// pageTypes picks one page of each type from the built site.
async function pageTypes(out) {
  const first = async (folder, pred = () => true) => {
    for (const p of await pagesOf(out, folder)) if (await pred(p)) return p;
    return null;
  };
  const standalone = await standalonePage(out);
  const list = [
    { name: 'home', path: '/' },
    { name: 'theme area', path: await first('teemat') },
    { name: 'pearl', path: await first('helmet', async (p) => !(await readPage(out, p)).includes('data-tyopohja')) },
    { name: 'pearl with a worksheet', path: await first('helmet', async (p) => (await readPage(out, p)).includes('data-tyopohja')) },
    { name: 'case example', path: await first('caset') },
    { name: 'guide cover', path: '/opas/' },
    { name: 'guide chapter', path: await first('opas', (p) => p !== '/opas/kokonaan/') },
    // The whole guide is every chapter's text on one page, and grows with
    // the guide as editors write it: the budget holds what the generator
    // adds around the chapters (editorsText), not the chapters themselves.
    { name: 'whole guide', path: '/opas/kokonaan/', editorsText: '.print-chapter .prose' },
    { name: 'search with results', path: '/haku/?q=verkosto', ready: 'ol#search-results li' },
    { name: 'search without results', path: '/haku/?q=xyzzyqwv', ready: '#search-status:not(:empty)' },
    { name: 'all tags', path: '/tagit/' },
    { name: 'one tag', path: await first('tagit') },
    { name: 'standalone page', path: standalone },
    // Its commands are wider than a phone: code blocks that scroll.
    { name: 'editors\' guide', path: '/toimittajalle/' },
    { name: '404', path: '/ei-tallaista-sivua/', status: 404 },
    { name: 'own necklace, empty', path: '/oma-helminauha/', ready: '#necklace-empty:not([hidden])' },
    { name: 'own necklace, full', path: '/oma-helminauha/', fill: true, ready: '#necklace-list li' },
    { name: 'shared necklace', path: '/oma-helminauha/?h=', share: true, ready: '#necklace-list li' },
  ];
  return list;
}

// standalonePage is a page from content/sivut/ in the build: a top-level
// folder that is none of the generated sections.
async function standalonePage(out) {
  const generated = new Set(['assets', 'helmet', 'teemat', 'caset', 'opas', 'haku', 'tagit', 'tyypit', 'kohderyhmat', 'oma-helminauha']);
  const entries = await readdir(out, { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && !generated.has(e.name)) {
      const p = await readPage(out, `/${e.name}/`).catch(() => null);
      if (p) return `/${e.name}/`;
    }
  }
  return null;
}

async function someSlugs(n) {
  return (await pagesOf(site.out, 'helmet')).slice(0, n).map((p) => p.split('/')[2]);
}

// browse opens a page for one size and colour scheme that visits
// targets one after another (a context per target would cost more than
// the checks): before each, it sets up the reader's necklace in storage
// as the target needs.
async function browse(size, colorScheme = 'light') {
  const context = await site.browser.newContext({ viewport: WIDTHS[size], colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const w = watch(page, site.base);
  // Start on the origin (for localStorage) with an HTML page: a text file
  // would make the browser ask for /favicon.ico, which the site does not
  // have (its pages name favicon.svg).
  await page.goto(site.base + '/');
  await page.waitForLoadState('networkidle');
  const slugs = await someSlugs(3);
  return {
    close: () => context.close(),
    async visit(target) {
      const items = target.fill ? slugs.map((slug, i) => ({ slug, note: i === 0 ? 'Kokeillaan tiimissä.' : '' })) : [];
      await page.evaluate((items) => {
        localStorage.clear();
        if (items.length) localStorage.setItem('helminauha.oma', JSON.stringify({ v: 1, items }));
      }, items);
      w.reset();
      const url = site.base + target.path + (target.share ? slugs.join(',') : '');
      const res = await page.goto(url, { waitUntil: 'load' });
      assert.equal(res.status(), target.status || 200, `${target.path} answers ${target.status || 200}`);
      if (target.ready) await page.locator(target.ready).first().waitFor({ timeout: 10000 });
      const shift = await layoutShift(page);
      const violations = await axe(page);
      const weight = await w.weight();
      if (target.editorsText) {
        const text = await page.evaluate((sel) => [...document.querySelectorAll(sel)]
          .reduce((n, el) => n + new TextEncoder().encode(el.outerHTML).length, 0), target.editorsText);
        assert.ok(text > 0, `${target.path} has the editors' text ${target.editorsText}`);
        weight.code -= text;
        weight.parts.push(`the editors' text (${target.editorsText}), not counted: ${text}`);
      }
      const problems = w.problems((e) => target.status === 404 && /status of 404/.test(e));
      // Scrolling sideways on a phone is a reflow failure (WCAG 1.4.10).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      return { violations, weight, problems, overflow, shift };
    },
  };
}

// layoutShift is the page's cumulative layout shift so far (the sum of
// the shifts not caused by input) and the elements that moved.
function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let sum = 0;
    const moved = new Set();
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        sum += e.value;
        for (const s of e.sources || []) if (s.node) moved.add(s.node.nodeName.toLowerCase() + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ').join('.') : ''));
      }
    });
    po.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => { po.disconnect(); resolve({ value: Math.round(sum * 1000) / 1000, moved: [...moved] }); }, 150);
  }));
}

for (const size of Object.keys(WIDTHS)) {
  test(`every page type at ${WIDTHS[size].width} px: accessible, light, self-contained`, async (t) => {
    const b = await browse(size);
    t.after(() => b.close());
    for (const target of targets) {
      await t.test(target.name, async () => {
        assert.ok(target.path, `the default portal has a page of type ${target.name}`);
        const r = await b.visit(target);
        const msgs = [];
        if (r.violations.length) msgs.push(`axe found WCAG 2.1 A/AA violations on ${target.path}:\n${formatViolations(r.violations)}`);
        if (r.problems.length) msgs.push(`${target.path}:\n  ${r.problems.join('\n  ')}`);
        if (r.weight.code >= BUDGET) msgs.push(`${target.path} weighs ${r.weight.code} bytes of HTML+CSS+JS, over ${BUDGET}:\n  ${r.weight.parts.join('\n  ')}`);
        // "No layout shift": Google's threshold for a good CLS is 0.1.
        if (r.shift.value > 0.1) msgs.push(`${target.path} shifts its layout while loading (CLS ${r.shift.value}): ${r.shift.moved.join(', ')}`);
        if (r.overflow > 0) msgs.push(`${target.path} scrolls sideways by ${r.overflow} px at ${WIDTHS[size].width} px`);
        assert.equal(msgs.length, 0, msgs.join('\n'));
        if (size === 'desktop') t.diagnostic(`${target.name} ${target.path}: ${r.weight.code} B HTML+CSS+JS, ${r.weight.data} B data`);
      });
    }
  });
}

test('dark colour scheme: home, pearl and search pass axe too', async (t) => {
  const b = await browse('phone', 'dark');
  t.after(() => b.close());
  for (const name of ['home', 'pearl with a worksheet', 'search with results', 'own necklace, full']) {
    const target = targets.find((x) => x.name === name);
    await t.test(name, async () => {
      const r = await b.visit(target);
      assert.equal(r.violations.length, 0, `axe in dark mode on ${target.path}:\n${formatViolations(r.violations)}`);
      assert.deepEqual(r.problems, []);
    });
  }
});
