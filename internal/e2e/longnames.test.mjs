// A portal of another shape than the default one: the most theme areas a
// portal may have (50, site.MaxAreas), each named with long Finnish
// compounds, as are its pearls' titles, tags and projects, a case's
// organisation and the guide's chapters. Built by the command as an editor
// types it (in the portal's folder, relative paths, default flags), every
// kind of page must fit a phone's screen with the header's list of areas
// open: a word wider than the screen breaks instead of pushing the page
// sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, WIDTHS } from './harness.mjs';

let site;

const WORDS = [
  'työhyvinvointijohtamiskäytännöt', 'verkostoyhteistyökäytäntöjärjestelmä',
  'lähiesihenkilötyöskentelyosaaminen', 'palvelujärjestelmäuudistussuunnitelma',
  'asiakaslähtöisyysarviointimenetelmät', 'osaamisenjohtamisjärjestelmäkehitys',
];
const word = (i) => WORDS[i % WORDS.length];
const title = (s) => s[0].toUpperCase() + s.slice(1);

function portal() {
  const files = {
    'content/site.yaml': 'title: Sosiaali- ja terveydenhuollon johtamisosaamisen verkostoportaali\n' +
      'description: Viisikymmentä teema-aluetta pitkin nimin.\n',
    'content/caset/kokeilu.md': `---\ntitle: ${title(word(0))}kokeilu\norganization: ${title(word(1))}yhtymä\n` +
      `themes: [alue-00, alue-01]\nsummary: ${word(2)}.\ndate: 2024-01-01\npearls: [helmi-00]\n---\n## Tarve ja tavoitteet\n\n${word(3)}\n`,
    'content/opas/_index.md': `---\ntitle: ${title(word(2))}opas\n---\n${word(4)}\n`,
    'content/opas/luku.md': `---\ntitle: ${title(word(3))}luku\nweight: 1\nsummary: ${word(5)}.\n---\n${word(0)}\n`,
  };
  for (let i = 0; i < 50; i++) {
    const n = String(i).padStart(2, '0');
    files[`content/teemat/alue-${n}.md`] = `---\ntitle: ${title(word(i))} ja ${word(i + 1)}\nweight: ${i + 1}\nsummary: ${word(i)}.\n---\n`;
    files[`content/helmet/helmi-${n}.md`] = `---\ntitle: ${title(word(i + 2))}tutkimus\ntheme: alue-${n}\n` +
      `summary: ${word(i + 3)} ${word(i + 4)}.\nkind: tieto\naudience: [hanketoimijat, esihenkilot]\n` +
      `tags: [${word(i)}tutkimus, ${word(i + 1)}]\nprojects: [${word(i + 5)}hanke]\ndate: 2024-01-01\n` +
      `related: [helmi-${String((i + 1) % 50).padStart(2, '0')}]\n---\n${word(i)} ${word(i + 1)}.\n`;
  }
  return files;
}

before(async () => {
  site = await startPortal(portal());
});

after(async () => {
  await site?.stop();
});

test('50 areas with long Finnish names fit a phone on every kind of page', async () => {
  const context = await site.browser.newContext({ viewport: WIDTHS.phone });
  const page = await context.newPage();
  const tag = '/tagit/' + 'asiakaslähtöisyysarviointimenetelmättutkimus'.normalize('NFD').replace(/\p{M}/gu, '') + '/';
  const pages = ['/', '/teemat/alue-00/', '/helmet/helmi-00/', '/caset/kokeilu/', '/opas/', '/opas/luku/',
    '/opas/kokonaan/', '/tagit/', tag, '/tyypit/tieto/', '/kohderyhmat/hanketoimijat/', '/haku/?q=tutkimus', '/oma-helminauha/'];
  const wide = [];
  for (const p of pages) {
    const res = await page.goto(site.url + p, { waitUntil: 'load' });
    assert.equal(res.status(), 200, `${p} answers 200`);
    if (p.startsWith('/haku/')) await page.locator('#search-results li').first().waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const { overflow, past } = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const past = [];
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > w + 1) past.push(`<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}"> ${(e.textContent || '').trim().slice(0, 40)}`);
      }
      return { overflow: document.documentElement.scrollWidth - w, past: past.slice(0, 3) };
    });
    if (overflow > 0 || past.length) wide.push(`${p} scrolls sideways by ${overflow} px; past the screen: ${past.join('; ')}`);
  }
  assert.deepEqual(wide, [], `pages wider than a phone (${WIDTHS.phone.width} px):\n${wide.join('\n')}`);
  await context.close();
});
