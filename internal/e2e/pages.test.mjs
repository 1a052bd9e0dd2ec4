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
  // have (its pages name favicon.svg).
  await page.goto(site.base + '/');
  await page.waitForLoadState('networkidle');
  const slugs = await someSlugs(site.out, 3);
  return {
    close: () => context.close(),
    async visit(target) {
      await goTarget(page, site, target, slugs, () => w.reset());
      const shift = await layoutShift(page);
      const violations = await axe(page);
      const weight = await withoutEditorsText(page, await w.weight(), target.editorsText);
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
