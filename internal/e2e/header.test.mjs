// The header's main menu lists the theme areas once: on a phone behind a
// disclosure that opens by keyboard without script, on a wide screen as a
// row with no disclosure. What a screen reader gets is read from
// Chromium's own accessibility tree, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, assertClean, pagesOf, WIDTHS } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

const menus = [
  { lang: 'fi', home: '/', nav: 'Päävalikko', areas: 'teemat' },
  { lang: 'sv', home: '/sv/', nav: 'Huvudmeny', areas: 'sv/teemat' },
];

// exposed is the names of the links and buttons Chromium's accessibility
// tree holds inside the main menu, in document order.
async function exposed(page, nav) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const root = nodes.find((n) => !n.ignored && n.role?.value === 'navigation' && n.name?.value === nav);
  assert.ok(root, `the accessibility tree has a navigation named ${nav}`);
  const out = [];
  const walk = (n) => {
    if (!n) return;
    if (!n.ignored && ['link', 'DisclosureTriangle', 'button'].includes(n.role?.value)) {
      out.push({ role: n.role.value === 'link' ? 'link' : 'button', name: n.name?.value });
    }
    for (const c of n.childIds || []) walk(byId.get(c));
  };
  walk(root);
  return out;
}

// areaLinks is the area links the built page's header holds.
function areaLinks(page) {
  return page.locator('header .site-nav a[class^="teema-"]');
}

for (const m of menus) {
  test(`${m.lang}: the header lists each theme area once`, async (t) => {
    const { page, w } = await openPage(site, t);
    await page.goto(site.base + m.home);
    const hrefs = await areaLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0, 'the header has area links');
    assert.equal(new Set(hrefs).size, hrefs.length, `each area once in the header: ${hrefs.join(' ')}`);
    assertClean(w);
  });

  test(`${m.lang}: at ${WIDTHS.phone.width} px the areas open from a disclosure by keyboard, no script needed`, async (t) => {
    const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone, javaScriptEnabled: false });
    await page.goto(site.base + m.home);
    const summary = page.locator('.site-nav summary');
    assert.ok(await summary.isVisible(), 'the disclosure is shown');
    assert.equal(await areaLinks(page).first().isVisible(), false, 'the areas start collapsed');
    let tree = await exposed(page, m.nav);
    assert.equal(tree[0].role, 'button', 'the disclosure is the menu\'s first control');
    const closed = tree.filter((x) => x.role === 'link').length;

    // Tab to the disclosure, open it with Enter, and Tab into the areas.
    for (let i = 0; i < 40 && !(await summary.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await summary.evaluate((s) => s === document.activeElement), 'Tab reaches the disclosure');
    await page.keyboard.press('Enter');
    assert.ok(await areaLinks(page).first().isVisible(), 'Enter opens the disclosure');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), await areaLinks(page).first().getAttribute('href'), 'Tab goes on to the first area');
    tree = await exposed(page, m.nav);
    const count = await areaLinks(page).count();
    assert.equal(tree.filter((x) => x.role === 'link').length, closed + count, 'the opened areas reach the accessibility tree, once each');
    await summary.press('Space');
    assert.equal(await areaLinks(page).first().isVisible(), false, 'Space closes it again');
    assertClean(w);
  });

  test(`${m.lang}: at ${WIDTHS.desktop.width} px the areas are a row, without a disclosure, and the current area is marked`, async (t) => {
    const { page, w } = await openPage(site, t, { viewport: WIDTHS.desktop });
    const [area] = await pagesOf(site.out, m.areas);
    assert.ok(area, `the portal has an area page under /${m.areas}/`);
    await page.goto(site.base + area);
    assert.equal(await page.locator('.site-nav summary').isVisible(), false, 'no disclosure on a wide screen');
    const links = areaLinks(page);
    const count = await links.count();
    const boxes = [];
    for (let i = 0; i < count; i++) {
      assert.ok(await links.nth(i).isVisible(), `area ${i + 1} is shown`);
      boxes.push(await links.nth(i).boundingBox());
    }
    // The row wraps: the six areas of the default portal take two lines
    // at 1280 px (48 px apart, 44 px high). More than two is a fault.
    assert.ok(boxes.every((b) => Math.abs(b.y - boxes[0].y) < 2 * b.height), `the areas take at most two lines: ${JSON.stringify(boxes.map((b) => Math.round(b.y)))}`);
    const tree = await exposed(page, m.nav);
    assert.ok(!tree.some((x) => x.role === 'button'), `no disclosure in the accessibility tree: ${JSON.stringify(tree)}`);
    const names = await links.evaluateAll((as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(tree.slice(0, count).map((x) => x.name), names, 'every area reaches the accessibility tree, once');
    const current = page.locator('.site-nav a[aria-current="page"]');
    assert.equal(await current.count(), 1, 'one link in the menu is the current page');
    assert.equal(await current.getAttribute('href'), new URL(page.url()).pathname, 'the current area is marked');
    assert.ok(await current.isVisible(), 'the current area is shown');

    // Every area is reached by Tab, in order.
    await links.first().focus();
    for (let i = 1; i < count; i++) {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), names[i], `Tab reaches area ${i + 1}`);
    }
    assertClean(w);
  });
}

test('Escape closes the menu a reader opened on a phone and gives the focus back to it; on a wide screen the row stays', async (t) => {
  const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone });
  await page.goto(site.base + '/');
  const summary = page.locator('.site-nav summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.ok(await areaLinks(page).first().evaluate((a) => a === document.activeElement), 'the focus is on the first area');
  await page.keyboard.press('Escape');
  assert.equal(await areaLinks(page).first().isVisible(), false, 'Escape closes the menu');
  assert.ok(await summary.evaluate((s) => s === document.activeElement), 'the focus is back on the disclosure');
  await page.setViewportSize(WIDTHS.desktop);
  await areaLinks(page).first().focus();
  await page.keyboard.press('Escape');
  assert.ok(await areaLinks(page).first().isVisible(), 'the row of areas stays');
  assert.ok(await areaLinks(page).first().evaluate((a) => a === document.activeElement), 'and keeps the focus');
  assertClean(w);
});
