// The theme's scripts are ES modules: each imports in Node, where there is
// no window, no document and no localStorage, and touches nothing global
// until a page runs it. Their pure parts are tested here; the browser
// tests (internal/e2e) run them in pages.
import { test, beforeEach, mock } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

import { store, pearls, fill, announce } from '../helminauha/assets/yhteiset.js';
import { KEY, readItems, writeItems, indexOf } from '../helminauha/assets/oma.js';
import { sharedSlugs, safeColor, MAX_SHARED, markdownOf, prefixedAttr, ID_ATTRS, necklaceShard, NecklaceData } from '../helminauha/assets/oma-helminauha.js';
import { asciiName } from '../helminauha/assets/tyopohja.js';

const assets = new URL('../helminauha/assets/', import.meta.url);

// A localStorage of this test's own; null stands for a browser that has none.
function fakeStorage({ refuse = false } = {}) {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { if (refuse) throw new Error('QuotaExceededError'); m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
  };
}

beforeEach(() => { delete globalThis.localStorage; });

test('no script of the theme sets a global', () => {
  for (const name of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const src = readFileSync(new URL(name, assets), 'utf8');
    assert.doesNotMatch(src, /\bwindow\.[A-Z][A-Za-z]*\s*=/, `${name} sets a global on window`);
    assert.doesNotMatch(src, /^\(function\s*\(/m, `${name} is a script in a function wrapper, not a module`);
  }
});

test('store works without localStorage and when it refuses writes', () => {
  assert.equal(store.get('x'), null);
  assert.equal(store.set('x', '1'), false);
  globalThis.localStorage = fakeStorage({ refuse: true });
  assert.equal(store.set('x', '1'), false);
  globalThis.localStorage = fakeStorage();
  assert.equal(store.set('x', '1'), true);
  assert.equal(store.get('x'), '1');
  store.remove('x');
  assert.equal(store.get('x'), null);
});

// scriptWords reads the words of the script name (js.NAME.*) from the
// theme's table of lang, as the generator gives them to a page: the
// tables are flat, one "key: text" a line.
function scriptWords(lang, name) {
  const src = readFileSync(new URL(`../helminauha/i18n/${lang}.yaml`, import.meta.url), 'utf8');
  const out = {};
  for (const line of src.split('\n')) {
    const m = /^js\.([a-z]+)\.([^:]+): (.*)$/.exec(line);
    if (m && m[1] === name) out[m[2]] = m[3].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

test('pearls counts with the words of the page, singular and plural', () => {
  const fi = scriptWords('fi', 'oma');
  assert.equal(pearls(0, fi), '0 helmeä');
  assert.equal(pearls(1, fi), '1 helmi');
  assert.equal(pearls(2, fi), '2 helmeä');
  const sv = scriptWords('sv', 'oma');
  assert.equal(pearls(1, sv), '1 pärla');
  assert.equal(pearls(3, sv), '3 pärlor');
});

test('a live region ends up saying the newest message, an older one waiting for its moment is dropped', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const region = { textContent: 'Helmi lisätty.' };
  const seen = [];
  const after = (ms) => { t.mock.timers.tick(ms); seen.push(region.textContent); };
  announce(region, 'Haetaan helmiä tulostusta varten…');
  assert.equal(region.textContent, '', 'emptied at once, so that the same text twice is read twice');
  after(50);
  assert.deepEqual(seen, ['Haetaan helmiä tulostusta varten…']);
  // The pages came back before the first message had its moment: the
  // print is done and "loading" is never said after it.
  announce(region, 'Haetaan helmiä tulostusta varten…');
  after(20);
  announce(region, '');
  after(30);
  after(100);
  assert.deepEqual(seen.slice(1), ['', '', '']);
  announce(region, 'Haetaan helmiä tulostusta varten…');
  after(20);
  announce(region, '2 helmen tekstiä ei saatu haettua.');
  after(30);
  after(20);
  after(100);
  assert.deepEqual(seen.slice(4), ['', '', '2 helmen tekstiä ei saatu haettua.', '2 helmen tekstiä ei saatu haettua.']);
});

test('fill puts the values in a word and leaves unknown places be', () => {
  const w = { added: 'Helmi lisätty. Siinä on nyt {pearls}.', odd: '{x} ja {y}' };
  assert.equal(fill(w, 'added', { pearls: '2 helmeä' }), 'Helmi lisätty. Siinä on nyt 2 helmeä.');
  assert.equal(fill(w, 'odd', { x: 1 }), '1 ja {y}');
  assert.equal(fill(w, 'missing'), 'missing');
});

test('every table gives the scripts the same words', () => {
  for (const name of ['oma', 'necklace', 'worksheet', 'search']) {
    const fi = Object.keys(scriptWords('fi', name)).sort();
    assert.ok(fi.length > 0, name);
    for (const lang of ['sv', 'en']) {
      assert.deepEqual(Object.keys(scriptWords(lang, name)).sort(), fi, `${lang}: js.${name}`);
    }
  }
});

test('the necklace in storage is read back checked', () => {
  globalThis.localStorage = fakeStorage();
  assert.deepEqual(readItems(), []);
  localStorage.setItem(KEY, '{not json');
  assert.deepEqual(readItems(), []);
  localStorage.setItem(KEY, JSON.stringify({ v: 1, items: [
    { slug: 'hyva', note: 'muista', title: 'Hyvä', area: 'a', color: '#112233' },
    { slug: 'hyva' },
    { slug: '../etc/passwd' },
    { slug: 'Iso' },
    null,
    { slug: 'toinen', note: 5, title: ['x'] },
  ] }));
  assert.deepEqual(readItems(), [
    { slug: 'hyva', note: 'muista', title: 'Hyvä', area: 'a', color: '#112233' },
    { slug: 'toinen', note: '', title: '', area: '', color: '' },
  ]);
  assert.equal(indexOf(readItems(), 'toinen'), 1);
  assert.equal(indexOf(readItems(), 'ei-ole'), -1);
});

test('an emptied necklace leaves nothing in storage', () => {
  globalThis.localStorage = fakeStorage();
  assert.equal(writeItems([{ slug: 'a', note: '' }]), true);
  assert.notEqual(localStorage.getItem(KEY), null);
  assert.equal(writeItems([]), true);
  assert.equal(localStorage.getItem(KEY), null);
  delete globalThis.localStorage;
  assert.equal(writeItems([{ slug: 'a' }]), false);
});

test('a shared link keeps distinct well-formed slugs, in order, and counts the rest', () => {
  assert.equal(sharedSlugs(''), null);
  assert.equal(sharedSlugs('?x=1'), null);
  assert.deepEqual(sharedSlugs('?h='), { slugs: [], bad: 0 });
  assert.deepEqual(sharedSlugs('?h=b,a,b,,%3Cimg%3E,Iso, c '), { slugs: ['b', 'a', 'c'], bad: 2 });
  const many = Array.from({ length: MAX_SHARED + 5 }, (_, i) => 'p' + i).join(',');
  const got = sharedSlugs('?h=' + many);
  assert.equal(got.slugs.length, MAX_SHARED);
  assert.equal(got.bad, 5);
});

test('a colour from storage reaches SVG only when it is #rrggbb', () => {
  assert.equal(safeColor('#1f6f8b'), '#1f6f8b');
  for (const bad of ['red', 'url(#x)', '#12345', '"><script>', undefined]) assert.equal(safeColor(bad), '#6b7280');
});

test('a worksheet downloads under an ASCII name made of its title', () => {
  assert.equal(asciiName('Verkoston yhteiset tavoitteet'), 'verkoston-yhteiset-tavoitteet.md');
  assert.equal(asciiName('Työhyvinvoinnin älykäs Åland'), 'tyohyvinvoinnin-alykas-aland.md');
  assert.equal(asciiName('!!!'), 'tyopohja.md');
  assert.equal(asciiName(''), 'tyopohja.md');
});

// E is an element of a tiny tree: as much of the DOM as markdownOf reads.
function E(tag, attrs = {}, ...kids) {
  const classes = (attrs.class || '').split(' ').filter(Boolean);
  const node = {
    nodeType: 1,
    tagName: tag.toUpperCase(),
    childNodes: kids.map((k) => (typeof k === 'string' ? { nodeType: 3, nodeValue: k } : k)),
    getAttribute: (a) => attrs[a] ?? null,
    matches: (sel) => sel.split(',').map((x) => x.trim()).some((x) =>
      x.startsWith('.') ? classes.includes(x.slice(1)) : x === '[hidden]' ? 'hidden' in attrs : x === tag),
    get textContent() { return node.childNodes.map((c) => (c.nodeType === 3 ? c.nodeValue : c.textContent)).join(''); },
    querySelectorAll: (sel) => {
      const names = sel.split(',');
      const found = [];
      const walk = (n) => n.childNodes.forEach((c) => {
        if (c.nodeType !== 1) return;
        if (names.includes(c.tagName.toLowerCase())) found.push(c);
        walk(c);
      });
      walk(node);
      return found;
    },
  };
  return node;
}

test('a print body as Markdown: headings, links made absolute, lists, a table, a worksheet without its controls', () => {
  const body = E('div', {},
    E('h3', { id: 'x-otsikko' }, 'Otsikko'),
    E('p', {}, 'Katso ', E('a', { href: '/portaali/helmet/toinen/' }, 'toinen'), ' ja ', E('strong', {}, 'tee'), '.'),
    E('ul', {}, E('li', {}, 'yksi'), E('li', {}, 'kaksi', E('ol', {}, E('li', {}, 'alakohta')))),
    E('table', {}, E('tr', {}, E('th', {}, 'A'), E('th', {}, 'B')), E('tr', {}, E('td', {}, '1'), E('td', {}, 'x|y'))),
    E('form', { class: 'tyopohja' },
      E('h4', {}, 'Lomake'),
      E('div', { class: 'tp-field' }, E('label', {}, 'Mikä on tavoite?'), E('textarea', {})),
      E('fieldset', {}, E('legend', {}, 'Kuinka hyvin?'), E('span', { class: 'tp-scale-options' }, E('input', {}), E('label', {}, '1'))),
      E('div', { class: 'tp-actions' }, E('button', {}, 'Tyhjennä'))),
    E('p', {}, E('img', { src: '/kuva.png', alt: 'Kuva' }), 'Kuvan jälkeen.'));
  assert.equal(markdownOf(body, 'https://esim.fi/portaali/helmet/x/'), [
    '### Otsikko',
    '',
    'Katso [toinen](https://esim.fi/portaali/helmet/toinen/) ja **tee**.',
    '',
    '- yksi',
    '- kaksi',
    '  1. alakohta',
    '',
    '| A | B |',
    '| --- | --- |',
    '| 1 | x\\|y |',
    '',
    '#### Lomake',
    '',
    '**Mikä on tavoite?**',
    '',
    '**Kuinka hyvin?**',
    '',
    'Kuvan jälkeen.',
  ].join('\n'));
});

test('a body in print gets its ids, and references to them, under the pearl\'s prefix, by render\'s rule', () => {
  // The rule render's prefixIDs is checked against too (TestIDPrefixRule).
  const rule = JSON.parse(readFileSync(new URL('../../internal/render/testdata/id-prefix.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(ID_ATTRS).sort(), [...rule.idAttributes].sort(), 'ID_ATTRS and id-prefix.json\'s idAttributes');
  for (const [name, value, want] of rule.cases) assert.equal(prefixedAttr(name, value, 'x-'), want, `${name}="${value}"`);
});

test('a slug is in the shard of the necklace data the generator puts it in', () => {
  // The rule render.NecklaceShard is checked against too (TestNecklaceShardRule).
  const rule = JSON.parse(readFileSync(new URL('../../internal/render/testdata/necklace-shards.json', import.meta.url), 'utf8'));
  assert.ok(rule.cases.length >= 10);
  for (const [slug, shards, want] of rule.cases) assert.equal(necklaceShard(slug, shards), want, `${slug} of ${shards}`);
});

// fakeShards serves the shards of the necklace data from files (URL ->
// JSON, or an Error to fail with), records each URL asked for, and
// holds every answer until release() is called.
function fakeShards(files) {
  const asked = [];
  const waiting = [];
  const get = (url) => {
    asked.push(url);
    return new Promise((ok, fail) => waiting.push(() => {
      const f = files[url];
      if (f instanceof Error || f === undefined) fail(f || new Error('404'));
      else ok(f);
    }));
  };
  const release = () => { waiting.splice(0).forEach((w) => w()); };
  return { get, asked, release };
}

test('the necklace page fetches only the shards of the slugs it shows, all at once and each once', async () => {
  const n = 16;
  const slugs = ['luottamus', 'dialogi', 'tauot', 'fasilitointi', 'ei-ole'];
  const files = {};
  for (const s of slugs.slice(0, 4)) {
    const url = `/oma-helminauha/helmet/${necklaceShard(s, n)}.json`;
    files[url] = { ...files[url], [s]: { title: s.toUpperCase() } };
  }
  // The shard of 'ei-ole' is there, without it.
  files[`/oma-helminauha/helmet/${necklaceShard('ei-ole', n)}.json`] ??= {};
  const f = fakeShards(files);
  const data = new NecklaceData('/oma-helminauha/helmet/', n, f.get);
  const want = [...new Set(slugs.map((s) => `/oma-helminauha/helmet/${necklaceShard(s, n)}.json`))];
  assert.ok(want.length >= 2, 'the slugs fall in several shards');
  const done = data.load(slugs);
  const again = data.load(slugs.slice(0, 2));
  assert.deepEqual(f.asked.slice().sort(), want.slice().sort(), 'every shard asked for before any answer, and once');
  assert.equal(data.loaded('luottamus'), false);
  f.release();
  await Promise.all([done, again]);
  for (const s of slugs) assert.equal(data.loaded(s), true, s);
  assert.deepEqual(Object.keys(data.pearls).sort(), slugs.slice(0, 4).sort());
  assert.equal(data.pearls.tauot.title, 'TAUOT');
  assert.equal('ei-ole' in data.pearls, false, 'a slug missing from its shard is unknown');
  await data.load(slugs);
  assert.equal(f.asked.length, want.length, 'nothing is fetched twice');
  await data.load([]);
  assert.equal(f.asked.length, want.length, 'an empty necklace fetches nothing');
});

test('a shard that fails or is not an object rejects the load, and a later load asks again', async () => {
  const n = 4;
  const url = (s) => `/d/${necklaceShard(s, n)}.json`;
  const [a, b] = ['a', 'b', 'c', 'd', 'e', 'f'].reduce((acc, s) => (acc.length < 2 && !acc.some((x) => url(x) === url(s)) ? [...acc, s] : acc), []);
  for (const bad of [new Error('offline'), ['x'], null, 'text']) {
    const f = fakeShards({ [url(a)]: { [a]: { title: 'A' } }, [url(b)]: bad });
    const data = new NecklaceData('/d/', n, f.get);
    const p = data.load([a, b]);
    f.release();
    await assert.rejects(p);
    assert.equal(data.loaded(b), false);
    const retry = data.load([b]);
    f.release();
    await assert.rejects(retry);
    assert.equal(f.asked.filter((u) => u === url(b)).length, 2, 'the failed shard is asked for again');
  }
});
