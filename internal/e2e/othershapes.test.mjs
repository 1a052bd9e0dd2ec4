// What an audit of portals of other shapes than the default one found in
// a browser, in one small portal built by the command as an editor types
// it (in the portal's folder, relative paths, default flags).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, typeQuery, axe, formatViolations } from './harness.mjs';

let site;

// nested is a list of depth levels, bullets and numbers by turns, each
// item a short sentence.
function nested(depth) {
  let md = '';
  for (let i = 0; i < depth; i++) md += '   '.repeat(i) + (i % 2 ? '1. ' : '- ') + `Taso ${i + 1}, vähän tekstiä tällä tasolla\n`;
  return md;
}

const HEADINGS = '## Kaksi\n\nx\n\n### Kolme\n\nx\n\n#### Neljä\n\nx\n\n##### Viisi\n\nx\n\n###### Kuusi\n\nx\n';
const body = `Johdanto.\n\n${nested(3)}\nVäli.\n\n${nested(16)}\n${HEADINGS}`;

// A table of long compounds is wider than a phone's screen however its
// words wrap.
const TABLE = '| Vaihe | Kuvaus | Vastuu |\n|---|---|---|\n'
  + '| Käynnistysvaihe | Verkostoyhteistyösopimuksen allekirjoittaminen ja toimintasuunnitelmaluonnoksen hyväksyminen | Palvelualuejohtaja |\n'
  + '| Arviointi | Asiakaskokemuskyselyn tulosten läpikäyminen verkostotapaamisessa | Kehittämiskoordinaattori |\n';

before(async () => {
  const files = {
    'content/site.yaml': 'title: Syvät listat\ndescription: Sisäkkäisiä listoja.\n',
    'content/teemat/verkostotyo.md': '---\ntitle: Verkostotyö\nweight: 1\nsummary: Verkostoista.\n---\nJohdanto.\n',
    'content/helmet/listat.md': `---\ntitle: Listat\ntheme: verkostotyo\nsummary: Listoja.\nkind: tieto\ndate: 2024-01-01\n---\n${body}`,
    'content/helmet/otsikot.md': `---\ntitle: Otsikot\ntheme: verkostotyo\nsummary: Kaikki tasot.\nkind: tieto\ndate: 2024-01-01\n---\n${HEADINGS}`,
    'content/helmet/taulukko.md': `---\ntitle: Taulukko\ntheme: verkostotyo\nsummary: Pitkiä sanoja taulukossa.\nkind: tieto\ndate: 2024-01-01\n---\n${TABLE}`,
    'content/opas/_index.md': '---\ntitle: Kumppanuusopas\nsummary: Opas kumppanuuksista.\n---\nKansi.\n',
    'content/opas/luku.md': `---\ntitle: Luku\nweight: 1\nsummary: Listoja.\n---\n${body}`,
  };
  site = await startPortal(files);
});

after(async () => {
  await site?.stop();
});

// Lists nested deeper than any editor means to, in a pearl, a chapter and
// the guide's print page: at 320 px (WCAG 1.4.10 Reflow) no depth may push
// the page sideways. Each level indented by the browser's 40 px, eight
// levels scrolled the page 27 px sideways. An ordinary list (three levels)
// keeps its indent.
test('lists nested 16 levels deep reflow at 320 px; a list of three levels keeps its indent', async () => {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const wide = [];
  for (const p of ['/helmet/listat/', '/opas/luku/', '/opas/kokonaan/']) {
    const res = await page.goto(site.url + p, { waitUntil: 'load' });
    assert.equal(res.status(), 200, `${p} answers 200`);
    const { overflow, past, deepest, indents } = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const past = [];
      for (const e of document.querySelectorAll('main *')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > w + 1) past.push(`<${e.tagName.toLowerCase()}> ${(e.textContent || '').trim().slice(0, 30)}`);
      }
      const items = [...document.querySelectorAll('.prose li')];
      const deepest = items.filter((li) => !li.querySelector('li')).map((li) => li.getBoundingClientRect().width);
      const first = document.querySelector('.prose ul');
      const indents = [first, first.querySelector('ol'), first.querySelector('ol ul')].map((l) => getComputedStyle(l).paddingLeft);
      return { overflow: document.documentElement.scrollWidth - w, past: past.slice(0, 3), deepest, indents };
    });
    if (overflow > 0 || past.length) wide.push(`${p} scrolls sideways by ${overflow} px; past the screen: ${past.join('; ')}`);
    // The deepest item still has room for a word or two on a line.
    for (const width of deepest) assert.ok(width >= 100, `${p}: the deepest item is ${width} px wide`);
    assert.deepEqual(indents, ['40px', '40px', '40px'], `${p}: a list of three levels keeps the browser's indent`);
  }
  assert.deepEqual(wide, [], `pages wider than 320 px:\n${wide.join('\n')}`);
  await context.close();
});

// The guide's cover is found as the guide, where its hit was labelled
// "Oppaan luku" (a chapter of the guide).
test('the search labels the guide\'s cover as the guide and a chapter as a chapter', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + '/haku/', { waitUntil: 'load' });
  for (const [q, url, label] of [['kumppanuusopas', '/opas/', 'Opas'], ['luku', '/opas/luku/', 'Oppaan luku']]) {
    const { hits } = await typeQuery(page, q);
    assert.ok(hits.includes(url), `${q} finds ${url}: ${hits}`);
    const meta = await page.locator(`ol#search-results li:has(a.search-hit-title[href="${url}"]) .search-hit-meta`).textContent();
    assert.equal(meta, label, `the hit ${url} is labelled`);
  }
  await context.close();
});

// The reader's necklace prints a pearl's headings one level below its
// title (an h2), as the guide's print page does a chapter's: a ##### and
// a ###### both became h6 and the outline lost its deepest level.
test('the necklace\'s print keeps every level of a pearl\'s headings', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + '/helmet/otsikot/', { waitUntil: 'load' });
  const toggle = page.locator('button[data-necklace-toggle]');
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('button[data-necklace-toggle]').textContent.includes('Poista'));
  await page.goto(site.url + '/oma-helminauha/', { waitUntil: 'load' });
  await page.evaluate(() => { window.__printed = false; window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Tulosta helmet' }).click();
  await page.waitForFunction(() => window.__printed && document.querySelector('.necklace-print-body'));
  const outline = await page.locator('.necklace-print article').evaluate((a) => [...a.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .map((h) => `${h.getAttribute('aria-level') || h.tagName[1]} ${h.textContent.trim()}`));
  assert.deepEqual(outline, ['2 Otsikot', '3 Kaksi', '4 Kolme', '5 Neljä', '6 Viisi', '7 Kuusi']);
  await context.close();
});

// The pages of this portal, with their deep lists and headings of level 7,
// pass axe's WCAG 2.1 A/AA rules.
test('the deep lists and headings of level 7 pass axe', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const msgs = [];
  for (const p of ['/helmet/listat/', '/opas/luku/', '/opas/kokonaan/']) {
    await page.goto(site.url + p, { waitUntil: 'load' });
    const v = await axe(page);
    if (v.length) msgs.push(`${p}:\n${formatViolations(v)}`);
  }
  assert.deepEqual(msgs, []);
  await context.close();
});

// A table wider than the screen scrolls inside itself (the page does
// not), and a keyboard reaches it to scroll it (2.1.1): axe passes at
// 320 px.
test('a table wider than a phone scrolls inside itself, and by keyboard too', async () => {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(site.url + '/helmet/taulukko/', { waitUntil: 'load' });
  const box = await page.locator('.prose table').evaluate((t) => ({ scrolls: t.scrollWidth > t.clientWidth, page: document.documentElement.scrollWidth }));
  assert.deepEqual(box, { scrolls: true, page: 320 }, 'the table scrolls inside itself, not the page');
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement.matches('.prose table'))); i++) await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('.prose table')), 'Tab reaches the table');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.prose table').scrollLeft > 0);
  const v = await axe(page);
  assert.deepEqual(v, [], formatViolations(v));
  await context.close();
});
