// The portal in Finnish and Swedish, built for and served under a subpath
// (/portaali/, as a project site on GitHub Pages): the Swedish pages pass
// axe at phone and desktop widths and are in Swedish words, the language
// switcher works by keyboard and has the names a screen reader reads, and
// every link of both languages leads to a page under the subpath.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { startSite, openPage, assertClean, axe, formatViolations, pagesOf, withoutEditorsText, WIDTHS, BUDGET } from './harness.mjs';

const PREFIX = '/portaali';
let site;
before(async () => { site = await startSite('content', PREFIX); });
after(async () => { await site?.stop(); });

// swedishPages are one Swedish page of each kind the default portal has
// in Swedish, and the generated ones.
async function swedishPages() {
  const first = async (folder) => (await pagesOf(site.out, folder))[0];
  return [
    { name: 'home', path: '/sv/' },
    { name: 'theme area', path: await first('sv/teemat') },
    { name: 'pearl', path: await first('sv/helmet') },
    { name: 'case example', path: await first('sv/caset') },
    { name: 'about', path: '/sv/tietoa/' },
    { name: 'accessibility statement', path: '/sv/saavutettavuusseloste/' },
    // Its text is the editors' own, which the budget leaves out (as
    // pages.test.mjs does for the guides).
    { name: 'editors\' guide, with code blocks wider than a phone', path: '/sv/toimittajalle/', editorsText: '.prose' },
    { name: 'topics', path: '/sv/tagit/' },
    { name: 'a kind', path: await first('sv/tyypit') },
    // Its script reads the width as it loads (the filters open on a wide
    // screen): each width loads it.
    { name: 'search with results', path: '/sv/haku/?q=n%C3%A4tverk', ready: 'ol#search-results li', widthAtLoad: true },
    { name: 'own necklace', path: '/sv/oma-helminauha/', ready: '#necklace-empty:not([hidden])' },
  ];
}

// reading is what the test below asks of a Swedish page loaded in page
// (watched by w), at the size it has now.
async function reading(page, w, target) {
  return {
    lang: await page.getAttribute('html', 'lang'),
    violations: await axe(page),
    problems: w.problems(),
    weight: await withoutEditorsText(page, await w.weight(), target.editorsText),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    skip: await page.locator('.skip-link').textContent(),
  };
}

// The desktop's test reads the pages the phone's test loaded, resized to
// its width, where a load of its own cost a navigation and an injection
// of axe a page: CSS applies its media queries anew on a resize, and no
// script of the theme reads the width as a page loads but the search
// page's (widthAtLoad), which each width loads. It loads a page itself
// where the phone's test did not read it (a run of the desktop's alone).
const wide = new Map();

for (const size of Object.keys(WIDTHS)) {
  test(`Swedish pages at ${WIDTHS[size].width} px: accessible, in Swedish, light`, async (t) => {
    const { page, w } = await openPage(site, t, { viewport: WIDTHS[size], reducedMotion: 'reduce' });
    for (const target of await swedishPages()) {
      await t.test(target.name, async () => {
        assert.ok(target.path, `the default portal has a Swedish ${target.name}`);
        let r = size === 'desktop' ? wide.get(target.name) : undefined;
        if (!r) {
          w.reset();
          const res = await page.goto(site.base + target.path, { waitUntil: 'load' });
          assert.equal(res.status(), 200, target.path);
          if (target.ready) await page.locator(target.ready).first().waitFor({ timeout: 10000 });
          r = await reading(page, w, target);
          if (size === 'phone' && !target.widthAtLoad) {
            await page.setViewportSize(WIDTHS.desktop);
            wide.set(target.name, await reading(page, w, target));
            await page.setViewportSize(WIDTHS.phone);
          }
        }
        assert.equal(r.lang, 'sv', `${target.path}: <html lang>`);
        assert.equal(r.violations.length, 0, `axe on ${target.path}:\n${formatViolations(r.violations)}`);
        assert.deepEqual(r.problems, [], 'the page broke a rule for every page:\n' + r.problems.join('\n'));
        const { code, parts } = r.weight;
        const heavy = `${target.path} weighs ${code} bytes of HTML+CSS+JS:\n  ${parts.join('\n  ')}`;
        assert.ok(code < BUDGET, heavy);
        assert.equal(r.overflow, 0, `${target.path} scrolls sideways at ${WIDTHS[size].width} px`);
        // The header's words are the Swedish table's.
        assert.equal(r.skip, 'Gå till innehållet');
      });
    }
  });
}

test('the scripts speak Swedish on Swedish pages', async (t) => {
  const { page, w } = await openPage(site, t);
  const pearl = (await pagesOf(site.out, 'sv/helmet'))[0];
  await page.goto(site.base + pearl);
  const add = page.getByRole('button', { name: 'Lägg till i mitt pärlband' });
  await add.click();
  await page.getByRole('button', { name: 'Ta bort ur mitt pärlband' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Där finns nu 1 pärla.' }).waitFor();
  // The Swedish necklace is kept apart from the Finnish one.
  const kept = await page.evaluate(() => [localStorage.getItem('helminauha.oma.sv'), localStorage.getItem('helminauha.oma')]);
  assert.match(kept[0], /"items":\[\{"slug":/);
  assert.equal(kept[1], null);
  await page.goto(site.base + '/sv/haku/?q=n%C3%A4tverk');
  await page.locator('ol#search-results[data-state="done"] li').first().waitFor();
  assert.match(await page.locator('#search-status').textContent(), /^\d+ träff(ar)? för ”nätverk”\.$/);
  assert.equal(await page.locator('#search-filters summary').textContent(), 'Avgränsa resultaten');
  assertClean(w);
});

test('the language switcher by keyboard: a named link with lang and hreflang, to the translation', async (t) => {
  const { page, w } = await openPage(site, t);
  const pearl = (await pagesOf(site.out, 'sv/helmet'))[0];
  const slug = pearl.split('/')[3];
  await page.goto(site.base + pearl);
  // Tab from the top: the skip link first, then the switcher.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return { text: a.textContent, lang: a.lang, hreflang: a.hreflang, nav: a.closest('nav')?.getAttribute('aria-label') };
  });
  assert.deepEqual(focused, { text: 'Suomeksi', lang: 'fi', hreflang: 'fi', nav: 'Språk' });
  // What a screen reader finds: a navigation landmark named Språk
  // holding a link named Suomeksi.
  const link = page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'Suomeksi' });
  assert.equal(await link.count(), 1);
  await Promise.all([page.waitForURL(`${site.base}/helmet/${slug}/`), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  // And back, from the Finnish page's switcher.
  const back = page.getByRole('navigation', { name: 'Kieli' }).getByRole('link', { name: 'På svenska' });
  assert.equal(await back.getAttribute('hreflang'), 'sv');
  await back.focus();
  await Promise.all([page.waitForURL(`${site.base}/sv/helmet/${slug}/`), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assertClean(w);
});

test('a page without a translation switches to the Swedish section or home, never a 404', async (t) => {
  const { page, w } = await openPage(site, t);
  const translated = new Set((await pagesOf(site.out, 'sv/helmet')).map((p) => p.replace('/sv/', '/')));
  const lone = (await pagesOf(site.out, 'helmet')).find((p) => !translated.has(p));
  assert.ok(lone, 'the default portal has an untranslated pearl');
  await page.goto(site.base + lone);
  const link = page.getByRole('navigation', { name: 'Kieli' }).getByRole('link', { name: 'På svenska' });
  const href = await link.getAttribute('href');
  assert.match(href, /^\/portaali\/sv\/(teemat\/[a-z0-9-]+\/)?$/, `the switcher of ${lone} leads to ${href}`);
  const [res] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(res.status(), 200, `${href} answers 200`);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assertClean(w);
});

// htmlFiles lists the built pages as URL paths under the prefix.
async function htmlFiles(dir) {
  const out = [];
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html')) out.push('/' + relative(dir, p).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out;
}

test('link checker: every link, alternate and feed of both languages resolves under the subpath', async () => {
  const files = await htmlFiles(site.out);
  assert.ok(files.some((f) => f.startsWith('/sv/')), 'the build has Swedish pages');
  const origin = new URL(site.base).origin;
  const seen = new Map(); // URL path -> status
  const broken = [];
  const attr = /\s(href|src|action)="([^"#]*)[^"]*"/g;
  for (const f of files) {
    const html = await readFile(join(site.out, f), 'utf8');
    const from = `${PREFIX}/${f.slice(1)}`.replace(/index\.html$/, '');
    for (const [, name, raw] of html.matchAll(attr)) {
      if (!raw || raw.startsWith('mailto:') || raw.startsWith('tel:')) continue;
      const u = new URL(raw.replace(/&amp;/g, '&'), origin + from);
      if (u.origin !== origin) continue;
      if (name === 'action') u.search = '';
      if (!u.pathname.startsWith(PREFIX + '/')) {
        broken.push(`${f}: ${raw} is outside ${PREFIX}/`);
        continue;
      }
      if (!seen.has(u.pathname)) {
        const res = await fetch(origin + u.pathname, { method: 'HEAD', redirect: 'manual' });
        seen.set(u.pathname, res.status);
      }
      if (seen.get(u.pathname) !== 200) broken.push(`${f}: ${raw} answers ${seen.get(u.pathname)}`);
    }
  }
  // The hreflang alternates and the sitemap's are absolute: on this
  // server too.
  const sitemap = await readFile(join(site.out, 'sitemap.xml'), 'utf8');
  for (const [, href] of sitemap.matchAll(/<(?:loc>|xhtml:link [^>]*href=")([^<"]+)/g)) {
    const u = new URL(href);
    if (!seen.has(u.pathname)) seen.set(u.pathname, (await fetch(origin + u.pathname, { method: 'HEAD' })).status);
    if (seen.get(u.pathname) !== 200) broken.push(`sitemap.xml: ${href} answers ${seen.get(u.pathname)}`);
  }
  assert.ok(sitemap.includes(`hreflang="sv" href="${site.base}/sv/`), 'the sitemap names Swedish alternates');
  const feeds = [...seen.keys()].filter((p) => p.endsWith('/feed.xml')).sort();
  assert.deepEqual(feeds, [`${PREFIX}/feed.xml`, `${PREFIX}/sv/feed.xml`], 'one feed per language, both linked');
  assert.deepEqual(broken, [], broken.slice(0, 20).join('\n'));
  assert.ok(seen.size > 100, `only ${seen.size} addresses checked`);
});

test('a missing Swedish address: the 404 page a static host serves says so in Swedish too, and leads to the Swedish home page', async (t) => {
  const { page, w } = await openPage(site, t);
  // GitHub Pages, as this server, serves the root 404.html for any
  // missing address.
  const res = await page.goto(site.base + '/sv/helmet/finns-inte/', { waitUntil: 'load' });
  assert.equal(res.status(), 404);
  const sv = page.locator('main [lang="sv"]');
  assert.equal(await sv.count(), 1, 'one part of the 404 page is in Swedish');
  assert.ok(await sv.isVisible(), 'the Swedish part is shown');
  assert.equal(await sv.getByRole('heading', { level: 2 }).textContent(), 'Sidan hittades inte');
  const home = sv.getByRole('link', { name: 'Till startsidan' });
  assert.equal(await home.getAttribute('hreflang'), 'sv');
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on the 404 page of a Swedish address:\n${formatViolations(violations)}`);
  const [nav] = await Promise.all([page.waitForNavigation(), home.click()]);
  assert.equal(nav.status(), 200);
  assert.equal(new URL(page.url()).pathname, `${PREFIX}/sv/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assertClean(w, (e) => /status of 404/.test(e));
});
