// The WCAG 2.1 AA checks axe-core cannot make, on the default portal's
// page types in headless Chromium: reflow at 320 px, also with the text
// spacing of 1.4.12 and with the text twice as large (1.4.10, 1.4.12,
// 1.4.4); the header search's placeholder at 4.5:1 (1.4.3) and the marks
// of the beads' kinds at 3:1 (1.4.11), and a bead's title shown on hover
// reachable by the pointer (1.4.13); the whole page by keyboard, in an
// order that follows the page, with no trap and with a focus ring of 3:1
// on every stop, in both colour schemes (2.1.1, 2.1.2, 2.4.3, 2.4.7,
// 1.4.11); the skip link (2.4.1); label in name (2.5.3) and pictures
// named or hidden (1.1.1); a status
// message that leaves the focus where it is (4.1.3); a Swedish page's
// controls in Swedish (3.1.2); titles and headings (2.4.2, 1.3.1); and
// no motion for a reader who asks for less.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, openPage, assertClean, pageTypes, pagesOf, someSlugs, goTarget, repo, WIDTHS } from './harness.mjs';

let site;
let targets;
let slugs;
before(async () => {
  site = await startSite();
  targets = await pageTypes(site.out);
  slugs = await someSlugs(site.out, 3);
});
after(async () => { await site?.stop(); });

const target = (name) => {
  const t = targets.find((x) => x.name === name);
  assert.ok(t?.path, `the default portal has a page of type ${name}`);
  return t;
};

// The text spacing WCAG 1.4.12 names, as its own test bookmarklet sets
// it; and text twice as large, as a phone's larger text setting makes it.
const SPACING = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
const LARGE_TEXT = 'html { font-size: 200% !important; }';

// restyle adds css to the page after its own stylesheet, as a reader's
// style does (a constructed sheet, which the page's CSP allows).
function restyle(page, css) {
  return page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = css ? [sheet] : [];
  }, css);
}

// cutOff runs in the page: what reaches past the screen's sides. The page
// must not scroll sideways, and no element (hidden ones too: they show on
// hover or focus) may reach past the screen's edge where nothing scrolls
// to it, unless it is inside a box that scrolls (a table, code) or is
// hidden on purpose (1 px, as .visually-hidden).
function cutOff() {
  const de = document.documentElement;
  const vw = de.clientWidth;
  const out = [];
  if (de.scrollWidth > vw) out.push(`the page scrolls sideways by ${de.scrollWidth - vw} px`);
  const tiny = (el) => { const r = el.getBoundingClientRect(); return r.width <= 1 && r.height <= 1; };
  const inBox = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(p).overflowX) || tiny(p)) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || tiny(el)) continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !inBox(el)) {
      const name = el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class').split(' ')[0] : '');
      out.push(`${name} "${(el.textContent || '').trim().slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    }
  }
  return out.slice(0, 10);
}

test('1.4.10, 1.4.12, 1.4.4: every page type at 320 px, with text spacing and with large text, keeps to the screen', async (t) => {
  const { page, w } = await openPage(site, t, { viewport: { width: 320, height: 640 } });
  await page.goto(site.base + '/');
  const failures = [];
  for (const tg of targets) {
    assert.ok(tg.path, `the default portal has a page of type ${tg.name}`);
    await goTarget(page, site, tg, slugs);
    // Every disclosure open: the menu, the filters, the necklace as text.
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    for (const [how, css] of [['as it is', ''], ['with the text spacing of 1.4.12', SPACING], ['with text at 200 %', LARGE_TEXT]]) {
      await restyle(page, css);
      for (const f of await page.evaluate(cutOff)) failures.push(`${tg.name} ${tg.path} ${how}: ${f}`);
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  assertClean(w, (e) => /status of 404/.test(e));
});

// contrast is the WCAG contrast ratio of two CSS colours rgb(…)/rgba(…).
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// focused runs in the page: the focused element as one Tab stop, or null
// when focus has left the page's content (after its last stop). Same is
// true when the element had the focus already (the parts of a date
// field), again when it is the first stop again (focus went round the
// page), after says whether it follows the last stop in the document.
// Each new stop is kept (window.__stops) for inDark. With mode 'here' it
// reads the focused element alone, as whichever stop (index) it is; with
// 'stops' it focuses each kept stop in turn and reads it.
function focused(mode) {
  const read = (a) => {
    const r = a.getBoundingClientRect();
    const s = getComputedStyle(a);
    let behind = 'rgb(255, 255, 255)';
    for (let p = a.parentElement; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(bg)) { behind = bg; break; }
    }
    const cls = a.getAttribute('class');
    return {
      name: a.tagName.toLowerCase() + (a.id ? '#' + a.id : cls ? '.' + cls.split(' ')[0] : '') + ` "${(a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 30)}"`,
      shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && s.visibility !== 'hidden',
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineColor : null,
      shadow: s.boxShadow !== 'none',
      behind,
      skip: a.matches('a.skip-link'),
    };
  };
  if (mode === 'stops') return window.__stops.map((a) => { a.focus(); return { ...read(a), focused: document.activeElement === a }; });
  const a = document.activeElement;
  if (!a || a === document.body || a === document.documentElement) return null;
  if (mode === 'here') return { ...read(a), index: window.__stops.indexOf(a) };
  const prev = window.__stop;
  window.__stop = a;
  window.__first ||= a;
  const again = a === window.__first && !!prev;
  if (a !== prev && !again) window.__stops.push(a);
  return {
    ...read(a),
    same: a === prev,
    again,
    after: !prev || !!(prev.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
  };
}

// ring adds to wrong what is wrong with the focus ring of stop f (read
// by focused): none of 3 px (or a shadow), or one under 3:1 against what
// is behind it.
function ring(f, name, wrong) {
  if (f.outline) {
    const c = contrast(f.outline, f.behind);
    if (c < 3) wrong.push(`${name}: focus ring ${f.outline} on ${f.behind} is ${c.toFixed(2)}:1, under 3:1`);
  } else if (!f.shadow) wrong.push(`${name} shows no focus ring`);
}

// tabThrough presses Tab from the top of the page until focus leaves the
// page (at most limit times) and returns the stops and what is wrong: a
// stop not on screen, one without a focus ring of 3 px (or a shadow) at
// 3:1 against what is behind it, one that goes back up the page (the tab
// order must follow the document), and a trap (no way on). Each stop
// counts its parts (Tab stops within it).
async function tabThrough(page, limit = 400) {
  await page.evaluate(() => { window.__stop = window.__first = null; window.__stops = []; document.activeElement?.blur(); });
  const stops = [];
  const wrong = [];
  let run = 0;
  for (let i = 0; ; i++) {
    if (i === limit) { wrong.push(`focus never left the page in ${limit} Tabs (a trap?), at ${stops.at(-1)?.name}`); break; }
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focused);
    if (!f || f.again) break;
    // A date field's parts are stops of one element, the day, month,
    // year and calendar button: each keeps the theme's ring around the
    // field (the browser's own on the calendar button is 1 px, and in
    // the dark scheme hardly seen).
    if (f.same) {
      if (++run > 5) { wrong.push(`Tab does not leave ${f.name} (a trap)`); break; }
      stops.at(-1).parts++;
      ring(f, `${f.name}, its part ${run + 1}`, wrong);
      continue;
    }
    run = 0;
    stops.push({ ...f, parts: 1 });
    if (!f.shown) wrong.push(`${f.name} is focused off screen or unseen`);
    if (!f.after) wrong.push(`${f.name} comes before the stop ahead of it in the page (tab order)`);
    ring(f, f.name, wrong);
  }
  return { stops, wrong };
}

// tabbable runs in the page: the elements Tab may stop at, those a
// stylesheet shows and lets take the focus, in the order of the page.
// With 'light' it keeps them; with 'dark' it gives how they differ from
// those kept, each as what is wrong.
function tabbable(scheme) {
  const sel = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]';
  const now = [...document.querySelectorAll(sel)]
    .filter((e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]') && e.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }));
  if (scheme === 'light') {
    window.__tabbable = now;
    return [];
  }
  const name = (e) => {
    const cls = e.getAttribute('class');
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : cls ? '.' + cls.split(' ')[0] : '') + ` "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30)}"`;
  };
  const was = new Set(window.__tabbable);
  const is = new Set(now);
  return [
    ...now.filter((e) => !was.has(e)).map((e) => `${name(e)} takes the focus in the dark scheme alone`),
    ...window.__tabbable.filter((e) => !is.has(e)).map((e) => `${name(e)} takes the focus in the light scheme alone`),
  ];
}

// skipLink is 2.4.1 on a walked page: the first stop is the skip link,
// and it moves the focus to the content, where the next Tab goes on.
async function skipLink(page, stops) {
  const bad = [];
  if (!stops[0].skip) bad.push(`the first Tab reaches ${stops[0].name}, not the skip link`);
  await page.locator('a.skip-link').focus();
  await page.keyboard.press('Enter');
  if (!(await page.evaluate(() => document.activeElement?.id === 'sisalto'))) bad.push('the skip link does not move the focus to the content');
  await page.keyboard.press('Tab');
  if (!(await page.evaluate(() => !!document.activeElement?.closest('main')))) bad.push('after the skip link, Tab does not go on in the content');
  return bad;
}

// inDark reads a page tabThrough has walked (its stops) in the dark
// colour scheme, switched in place (emulateMedia), without a walk of its
// own: 80 Tabs took Chromium 1 to 2 s here, focusing and reading 80
// stops in one evaluate 0.1 s, and a walk in the dark took as long as
// the light one, on a load of its own.
// Tab reaches the same stops in the same order in both schemes when the
// same elements can take the focus (tabbable): the order is the page's.
// What the scheme changes is read at each stop, focused in turn: it is
// on screen and its ring (at each part of a date field, by Tab) is 3:1.
// The skip link and the names are checked again in the dark.
async function inDark(page, stops) {
  const bad = [];
  await page.evaluate(tabbable, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  if (!(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))) bad.push('the page is not in the dark colour scheme');
  bad.push(...await page.evaluate(tabbable, 'dark'));
  const read = await page.evaluate(focused, 'stops');
  for (const [i, f] of read.entries()) {
    if (!f.focused) { bad.push(`${f.name} does not take the focus`); continue; }
    if (!f.shown) bad.push(`${f.name} is focused off screen or unseen`);
    ring(f, f.name, bad);
    if (stops[i].parts > 1) await page.evaluate((i) => window.__stops[i].focus(), i);
    for (let part = 2; part <= stops[i].parts; part++) {
      await page.keyboard.press('Tab');
      const p = await page.evaluate(focused, 'here');
      if (p?.index !== i) { bad.push(`Tab leaves ${f.name} after ${part - 1} parts, not ${stops[i].parts}`); break; }
      ring(p, `${f.name}, its part ${part}`, bad);
    }
  }
  bad.push(...await skipLink(page, stops));
  bad.push(...await page.evaluate(named));
  await page.emulateMedia({ colorScheme: 'light' });
  return bad;
}

// named runs in the page: 2.5.3 and 1.1.1 for what it shows. A control's
// visible words are in its accessible name (aria-label, or the label of a
// field whose placeholder is what shows), and every picture is named
// (role and aria-label) or hidden (aria-hidden).
function named() {
  const out = [];
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  for (const e of document.querySelectorAll('a[aria-label], button[aria-label], summary[aria-label]')) {
    const shown = norm(e.innerText);
    if (shown && !norm(e.getAttribute('aria-label')).includes(shown)) out.push(`"${shown}" is not in the name "${e.getAttribute('aria-label')}"`);
  }
  for (const e of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const name = e.getAttribute('aria-label') || [...(e.labels || [])].map((l) => l.textContent).join(' ');
    if (!norm(name).includes(norm(e.placeholder))) out.push(`#${e.id}: its placeholder "${e.placeholder}" is not in its name "${name}"`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.closest('[aria-hidden="true"]')) continue;
    if (!svg.getAttribute('role') || !svg.getAttribute('aria-label')) out.push(`a picture with neither a role and a name nor aria-hidden: ${svg.outerHTML.slice(0, 80)}`);
  }
  for (const img of document.querySelectorAll('img:not([alt])')) out.push(`an image without alt: ${img.src}`);
  return out;
}

// walk loads the named page types one after another at one size in the
// light colour scheme and walks each by keyboard; those also named in
// dark it reads in the dark scheme too (inDark). It gives what is wrong
// in each scheme, each line naming the scheme, width and page, a note of
// the stops of each page, and the page's watch.
async function walk(t, size, names, dark = []) {
  const { page, w } = await openPage(site, t, { viewport: WIDTHS[size], colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(site.base + '/');
  const out = { light: { wrong: [], notes: [] }, dark: { wrong: [], notes: [] }, w };
  for (const name of names) {
    const tg = target(name);
    await goTarget(page, site, tg, slugs);
    const { stops, wrong: bad } = await tabThrough(page);
    assert.ok(stops.length > 5, `${tg.path} has stops for Tab, got ${stops.length}`);
    bad.push(...await skipLink(page, stops));
    bad.push(...await page.evaluate(named));
    const schemes = [['light', bad]];
    if (dark.includes(name)) schemes.push(['dark', await inDark(page, stops)]);
    for (const [scheme, wrong] of schemes) {
      const at = `${scheme} ${WIDTHS[size].width} px, ${tg.name}`;
      out[scheme].notes.push(`${at}: ${stops.length} stops`);
      for (const b of wrong) out[scheme].wrong.push(`${at} ${tg.path}: ${b}`);
    }
  }
  return out;
}

const everyKind = ['home', 'theme area', 'pearl with a worksheet', 'case example', 'guide chapter', 'one tag', 'search with results',
  'editors\' guide', '404', 'own necklace, full', 'shared necklace'];
// The phone's walk serves both tests below: it reads these in the dark
// scheme on its own loads of them (inDark).
const darkKinds = ['home', 'pearl with a worksheet', 'search with results', 'own necklace, full'];
let phone;
const phoneWalk = (t) => (phone ||= walk(t, 'phone', everyKind, darkKinds));
const allow404 = (e) => /status of 404/.test(e);

test(`2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7, 2.5.3, 1.1.1: by keyboard at ${WIDTHS.phone.width} px, light`, async (t) => {
  const { light, w } = await phoneWalk(t);
  for (const n of light.notes) t.diagnostic(n);
  assert.deepEqual(light.wrong, [], light.wrong.join('\n'));
  assertClean(w, allow404);
});
test(`the same in the dark colour scheme, and at ${WIDTHS.desktop.width} px`, async (t) => {
  const { dark, w } = await phoneWalk(t);
  const desktop = await walk(t, 'desktop', ['pearl with a worksheet', 'search with results']);
  const wrong = [...dark.wrong, ...desktop.light.wrong];
  for (const n of [...dark.notes, ...desktop.light.notes]) t.diagnostic(n);
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assertClean(w, allow404);
  assertClean(desktop.w, allow404);
});

test('4.1.3: adding a pearl by keyboard is announced in a status region, and the focus stays on the button', async (t) => {
  const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone });
  await page.goto(site.base + target('pearl').path);
  const toggle = page.locator('button[data-necklace-toggle]');
  await toggle.waitFor({ state: 'visible' });
  const region = page.locator('button[data-necklace-toggle] ~ [role="status"]');
  assert.equal(await region.count(), 1, 'the status region is in the page before the message');
  assert.equal((await region.textContent()).trim(), '');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('button[data-necklace-toggle] ~ [role="status"]').textContent.trim() !== '');
  assert.match(await region.textContent(), /lisätty omaan helminauhaan/);
  assert.equal(await toggle.evaluate((b) => b === document.activeElement), true, 'the focus stays on the button');
  assertClean(w);
});

// words are the values of a language's table of the theme's words whose
// keys start with one of prefixes, each as a pattern its {name}s match.
async function words(lang, ...prefixes) {
  const table = await readFile(join(repo, 'themes/helminauha/i18n', lang + '.yaml'), 'utf8');
  const out = [];
  for (const line of table.split('\n')) {
    const m = line.match(/^([a-z0-9._]+):\s*(.*)$/);
    if (!m || !prefixes.some((p) => m[1].startsWith(p))) continue;
    const v = m[2].replace(/^"(.*)"$/, '$1');
    out.push(new RegExp('^' + v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+') + '$'));
  }
  return out;
}

test('3.1.2: the Swedish necklace page names every button in Swedish', async (t) => {
  const sv = (await pagesOf(site.out, 'sv/helmet')).slice(0, 2).map((p) => p.split('/')[3]);
  const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone });
  await page.goto(site.base + '/sv/');
  await page.evaluate((sv) => localStorage.setItem('helminauha.oma.sv', JSON.stringify({ v: 1, items: sv.map((slug) => ({ slug, note: '' })) })), sv);
  await page.goto(site.base + '/sv/oma-helminauha/');
  await page.locator('#necklace-list li').nth(1).waitFor();
  const swedish = await words('sv', 'js.necklace.', 'js.oma.');
  const buttons = await page.locator('main button').evaluateAll((bs) => bs.map((b) => [b.textContent.trim(), b.getAttribute('aria-label')]));
  assert.ok(buttons.length >= 6, `the page has the buttons of two pearls, got ${buttons.length}`);
  const wrong = buttons.flat().filter((s) => s !== null && !swedish.some((re) => re.test(s)));
  assert.deepEqual(wrong, [], 'words on the Swedish page that are not the Swedish table\'s');
  assertClean(w);
});

// htmlFiles lists the built site's pages, as paths under out.
async function htmlFiles(out) {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name)).sort();
}

test('2.4.2, 1.3.1: every page has a title of its own that starts with its one h1, and no heading level is skipped', async () => {
  const text = (s) => s.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
  const seen = new Map();
  const wrong = [];
  const files = await htmlFiles(site.out);
  assert.ok(files.length > 100, `the default portal has its pages, got ${files.length}`);
  for (const f of files) {
    const html = await readFile(f, 'utf8');
    const p = f.slice(site.out.length);
    const title = text(html.match(/<title>([^<]*)<\/title>/)?.[1] || '');
    if (seen.has(title)) wrong.push(`${p} has the title of ${seen.get(title)}: "${title}"`);
    seen.set(title, p);
    const h1 = [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/gs)].map((m) => text(m[1]));
    if (h1.length !== 1) wrong.push(`${p} has ${h1.length} h1`);
    else if (!title.startsWith(h1[0])) wrong.push(`${p}: the title "${title}" does not start with the h1 "${h1[0]}"`);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++) {
      if (levels[i] > levels[i - 1] + 1) { wrong.push(`${p}: h${levels[i - 1]} is followed by h${levels[i]}`); break; }
    }
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

// marks runs in the page: each bead's mark of its kind (the hole of a
// method, the shine of a tip) against the bead around it, 1.4.11: the
// mark's fill at 3:1 to the bead's, or a ring (its stroke) at 3:1 to both.
function marks() {
  const lum = (c) => {
    const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  const out = new Set();
  for (const m of document.querySelectorAll('.bead-hole, .bead-shine')) {
    const bead = getComputedStyle(m.parentElement.querySelector('.bead-shape')).fill;
    const s = getComputedStyle(m);
    const ring = /rgb/.test(s.stroke) && parseFloat(s.strokeWidth) > 0 && ratio(s.stroke, bead) >= 3 && ratio(s.stroke, s.fill) >= 3;
    if (ratio(s.fill, bead) < 3 && !ring) out.add(`${m.getAttribute('class')} ${s.fill} in a bead of ${bead}: ${ratio(s.fill, bead).toFixed(2)}:1, and no ring`);
  }
  return [...out];
}

test('1.4.3, 1.4.11, 1.4.13: the header search\'s placeholder and the mark of a bead\'s kind stand out in both colour schemes; the title a hover shows can be reached and stays', async (t) => {
  // Less motion asked for: the title waits for the pointer all the same.
  const { page, w } = await openPage(site, t, { viewport: WIDTHS.phone, reducedMotion: 'reduce' });
  await page.goto(site.base + '/');
  assert.ok(await page.locator('.strand .bead-hole').count() > 0, 'the home page has beads of methods');
  const wrong = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const m of await page.evaluate(marks)) wrong.push(`${colorScheme}: ${m}`);
    // The placeholder is what shows of the field's label: text, 4.5:1
    // (axe does not measure a placeholder).
    const [ph, bg] = await page.locator('#header-q').evaluate((i) => [getComputedStyle(i, '::placeholder').color, getComputedStyle(i).backgroundColor]);
    if (contrast(ph, bg) < 4.5) wrong.push(`${colorScheme}: the header search's placeholder ${ph} on ${bg} is ${contrast(ph, bg).toFixed(2)}:1`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  // The first bead's title shows under the strand when the pointer is on
  // the bead. A reader who magnifies the screen moves the pointer down
  // onto the title to read it: it is still shown there, and stays (no
  // delay left to hide it) while the pointer is on it.
  const strand = page.locator('svg.strand').first();
  await strand.evaluate((x) => x.scrollIntoView({ block: 'center' }));
  const bead = strand.locator('a.bead').first();
  const title = strand.locator('a.bead:first-of-type + text');
  const b = await bead.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  assert.ok(await title.isVisible(), 'hovering the bead shows its title');
  // The middle of the title's second letter, on the screen.
  const at = await title.evaluate((x) => {
    const r = x.getExtentOfChar(1);
    const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(x.getScreenCTM());
    return { x: p.x, y: p.y };
  });
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const shown = await strand.locator('text').evaluateAll((ts) => ts.filter((x) => getComputedStyle(x).visibility === 'visible')
    .map((x) => `${x.textContent.trim()} (${getComputedStyle(x).transitionDelay})`));
  assert.deepEqual(shown, [`${(await title.textContent()).trim()} (0s)`], 'the pointer on the title keeps it, and it alone, shown');
  // The pointer goes, and the keyboard takes the reader to the next bead:
  // its title shows at once, alone.
  await page.mouse.move(0, 0);
  await strand.locator('a.bead').first().focus();
  await page.keyboard.press('Tab');
  const next = await strand.locator('a.bead:nth-of-type(2) + text').textContent();
  assert.deepEqual(await strand.locator('text').evaluateAll((ts) => ts.filter((x) => getComputedStyle(x).visibility === 'visible').map((x) => x.textContent.trim())),
    [next.trim()], 'the focused bead\'s title alone is shown');
  // That bead keeps the keyboard's focus, and the pointer goes to the
  // third bead and down onto its title: that title alone shows. Before
  // 2026-12-07 the focused bead's title took their one place as the
  // pointer left the third bead, and it alone could be reached.
  const third = strand.locator('a.bead').nth(2);
  const thirdTitle = strand.locator('a.bead:nth-of-type(3) + text');
  const b3 = await third.boundingBox();
  await page.mouse.move(b3.x + b3.width / 2, b3.y + b3.height / 2);
  const at3 = await thirdTitle.evaluate((x) => {
    const r = x.getExtentOfChar(1);
    const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(x.getScreenCTM());
    return { x: p.x, y: p.y };
  });
  // Straight down below the beads, then along the line of the titles:
  // a way across the other beads would show theirs.
  await page.mouse.move(b3.x + b3.width / 2, at3.y, { steps: 4 });
  await page.mouse.move(at3.x, at3.y, { steps: 4 });
  assert.deepEqual(await strand.locator('text').evaluateAll((ts) => ts.filter((x) => getComputedStyle(x).visibility === 'visible').map((x) => x.textContent.trim())),
    [(await thirdTitle.textContent()).trim()], 'the title under the pointer alone is shown, though another bead has the focus');
  // A key pressed, the keyboard's bead shows its title again.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Shift');
  assert.deepEqual(await strand.locator('text').evaluateAll((ts) => ts.filter((x) => getComputedStyle(x).visibility === 'visible').map((x) => x.textContent.trim())),
    [next.trim()], 'after a key, the focused bead\'s title alone is shown');
  assertClean(w);
});

test('no motion for a reader who asks for less: no smooth scrolling, transition or animation', async (t) => {
  const motion = () => {
    const moving = [];
    for (const el of document.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      const long = (v) => v.split(',').some((x) => parseFloat(x) > 0);
      if (long(s.transitionDuration) || long(s.animationDuration)) moving.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || ''));
    }
    return { scroll: getComputedStyle(document.documentElement).scrollBehavior, moving: [...new Set(moving)] };
  };
  const calm = await openPage(site, t, { reducedMotion: 'reduce' });
  await calm.page.goto(site.base + '/');
  assert.deepEqual(await calm.page.evaluate(motion), { scroll: 'auto', moving: [] });
  // The same page without the wish moves, so the check above sees motion.
  const lively = await openPage(site, t, { reducedMotion: 'no-preference' });
  await lively.page.goto(site.base + '/');
  const m = await lively.page.evaluate(motion);
  assert.equal(m.scroll, 'smooth');
  assert.ok(m.moving.length > 0, 'the beads grow in a transition');
  assertClean(calm.w);
  assertClean(lively.w);
});
