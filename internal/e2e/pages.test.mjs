// Every page type of the default portal, at phone and desktop widths:
// axe-core finds no WCAG 2.1 A/AA violation, the page loads under 60 KB of
// HTML + CSS + JS, asks no other host for anything, and logs no error
// (a Content-Security-Policy violation is logged as one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, watch, axe, formatViolations, pageTypes, someSlugs, goTarget, withoutEditorsText, WIDTHS, BUDGET } from './harness.mjs';

let site;
let targets;
before(async () => {
  site = await startSite();
  targets = await pageTypes(site.out);
});
after(async () => { await site?.stop(); });

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
  // have (its pages name favicon.svg). What it asked for has come before
  // the first target's requests are counted: it waits until none is open,
  // where networkidle waited half a second more for nothing.
  let open = 0;
  let idle = () => {};
  const done = () => { if (--open === 0) idle(); };
  page.on('request', () => open++);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.goto(site.base + '/');
  if (open > 0) await new Promise((ok) => { idle = ok; });
  const slugs = await someSlugs(site.out, 3);
  return {
    close: () => context.close(),
    async visit(target) {
      await goTarget(page, site, target, slugs, () => w.reset());
      const shifts = await layoutShift(page);
      const violations = await axe(page);
      const weight = await withoutEditorsText(page, await w.weight(), target.editorsText);
      const problems = w.problems((e) => target.status === 404 && /status of 404/.test(e));
      // Scrolling sideways on a phone is a reflow failure (WCAG 1.4.10).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      return { violations, weight, problems, overflow, shift: await shifts() };
    },
    // inDark reads the page visit loaded last in the dark colour scheme.
    async inDark(target) {
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'the page is in the dark scheme');
      const violations = await axe(page);
      const problems = w.problems((e) => target.status === 404 && /status of 404/.test(e));
      await page.emulateMedia({ colorScheme });
      return { violations, problems };
    },
  };
}

// The dark colour scheme of these is read on the phone's load of each,
// after the light one (emulateMedia switches prefers-color-scheme in
// place, as in paging.test.mjs), where a load of its own cost a second
// navigation, layout-shift count and axe injection a page: nothing in the
// theme asks for the scheme while a page loads (its scripts read no
// colour media query, and no stylesheet or picture is chosen by it), so
// the dark load showed the same page.
const DARK = ['home', 'pearl with a worksheet', 'search with results', 'own necklace, full'];
const dark = new Map();

// layoutShift starts counting the page's layout shifts, those since it
// began loading included, and gives a function that ends the count: the
// cumulative layout shift (the sum of the shifts not caused by input) and
// the elements that moved. The count runs at least 150 ms after the page
// is ready, for a shift that comes just after; the checks run in that
// time, where a fixed wait before them would add it to every page.
async function layoutShift(page) {
  await page.evaluate(() => {
    const cls = { sum: 0, moved: new Set(), since: performance.now() };
    const add = (list) => {
      for (const e of list) {
        if (e.hadRecentInput) continue;
        cls.sum += e.value;
        for (const s of e.sources || []) if (s.node) cls.moved.add(s.node.nodeName.toLowerCase() + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ').join('.') : ''));
      }
    };
    cls.po = new PerformanceObserver((list) => add(list.getEntries()));
    cls.po.observe({ type: 'layout-shift', buffered: true });
    cls.end = () => {
      add(cls.po.takeRecords());
      cls.po.disconnect();
      return { value: Math.round(cls.sum * 1000) / 1000, moved: [...cls.moved] };
    };
    window.__cls = cls;
  });
  return () => page.evaluate(() => new Promise((resolve) => {
    const cls = window.__cls;
    setTimeout(() => resolve(cls.end()), Math.max(0, cls.since + 150 - performance.now()));
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
        if (size === 'phone' && DARK.includes(target.name)) dark.set(target.name, await b.inDark(target));
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
  // A load in dark of its own only where the phone's test did not read
  // the page (a run of this test alone).
  let b;
  t.after(() => b?.close());
  for (const name of DARK) {
    const target = targets.find((x) => x.name === name);
    await t.test(name, async () => {
      let r = dark.get(name);
      if (!r) {
        b ||= await browse('phone', 'dark');
        r = await b.visit(target);
      }
      assert.equal(r.violations.length, 0, `axe in dark mode on ${target.path}:\n${formatViolations(r.violations)}`);
      assert.deepEqual(r.problems, []);
    });
  }
});
