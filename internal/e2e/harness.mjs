// The browser tests' harness: build the default portal once per test
// file, serve it on a free loopback port, drive Debian's Chromium with
// playwright-core, and check every page a test opens for what the README
// (The reading side) asks of all pages: no request to another host, no console error (a CSP
// violation is one), and under 60 KB of HTML + CSS + JS.
//
// Nothing here downloads a browser: playwright-core only talks to
// /usr/bin/chromium (or $CHROMIUM).
import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, stat, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The page-weight budget: HTML + CSS + JS, uncompressed.
export const BUDGET = 60 * 1024;

export const WIDTHS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

// serve serves the folder root() returns (asked per request, so that
// the server can listen before the site is built) on a free loopback port
// the way a static host does: /x/ is /x/index.html, /x redirects to /x/
// when that is a folder, and an unknown path is 404.html with status 404.
// With a prefix ("/portaali"), the folder is served under that path only,
// as a project site on GitHub Pages is, and every other path is 404.
export async function serve(root, prefix = '') {
  const server = createServer((req, res) => handle(root(), req, res, prefix));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, port, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

// generator gives the helminauha command the tests run: the one
// $HELMINAUHA_E2E_BIN names (make test-e2e builds it once for every test
// file, where a build per file linked the same command a dozen times), or
// else one built from the working tree into dir.
export async function generator(dir) {
  if (process.env.HELMINAUHA_E2E_BIN) return process.env.HELMINAUHA_E2E_BIN;
  const bin = join(dir, 'helminauha');
  await run('go', ['build', '-o', bin, './cmd/helminauha'], { cwd: repo, maxBuffer: 1 << 24 });
  return bin;
}

// corpus writes a generated portal (internal/tools' cmd/corpus, given
// args such as -n 600) into out: with the command $HELMINAUHA_E2E_CORPUS
// names (make test-e2e builds it once), or else with go run.
export async function corpus(args, out) {
  const tools = join(repo, 'internal', 'tools');
  const opts = { cwd: tools, maxBuffer: 1 << 24 };
  if (process.env.HELMINAUHA_E2E_CORPUS) await run(process.env.HELMINAUHA_E2E_CORPUS, [...args, '-out', out], opts);
  else await run('go', ['run', './cmd/corpus', ...args, '-out', out], opts);
}

// buildSite builds the generator and a portal (the default one, content/,
// unless content names another folder relative to the repository) into a
// temporary folder, for the address base.
export async function buildSite(base, content = 'content') {
  const dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-'));
  const out = join(dir, 'public');
  try {
    const bin = await generator(dir);
    await run(bin, ['build', '--content', content, '--out', out, '--baseurl', base + '/', '--quiet'], { cwd: repo, maxBuffer: 1 << 24 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`building the portal ${content}: ${err.message}`);
  }
  return { dir, out };
}

// launch starts the browser. startSite and startPortal (and a test file
// that builds a portal of its own) start it while the portal builds, not
// after: the launch is the browser's own process starting up, the build
// the generator's, and one need not wait for the other (some 0.3 to
// 0.5 s a test file). A launch that fails is told where it is awaited.
export function launch() {
  const p = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  p.catch(() => {});
  return p;
}

// startSite serves a fresh build of a portal (the default one unless
// content names another, see buildSite) and starts the browser; stop()
// undoes both. With prefix ("/portaali") the portal is built for and
// served under that path, and base ends in it. A test that needs a
// second portal beside its file's passes the file's browser, which
// stop() leaves running: a browser of its own cost a launch.
export async function startSite(content, prefix = '', shared = null) {
  // The address must be known before the build, so that the site's
  // absolute URLs (canonical, feed) point at this server: listen first on
  // an empty folder, then build into it.
  const tmp = await mkdtemp(join(tmpdir(), 'helminauha-e2e-serve-'));
  let root = tmp;
  const srv = await serve(() => root, prefix);
  const launching = shared ? Promise.resolve(shared) : launch();
  let built;
  try {
    built = await buildSite(srv.url + prefix, content);
  } catch (err) {
    if (!shared) await launching.then((b) => b.close(), () => {});
    await srv.close();
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  root = built.out;
  let browser;
  try {
    browser = await launching;
  } catch (err) {
    await srv.close();
    await rm(built.dir, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return {
    base: srv.url + prefix,
    out: built.out,
    browser,
    async stop() {
      if (!shared) await browser.close();
      await srv.close();
      await rm(built.dir, { recursive: true, force: true });
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

// startPortal writes a portal of files (paths relative to its folder,
// content/site.yaml and the pages) into a temporary folder, builds it
// with the generator from that folder as an editor would (build, default
// flags), serves its public/ and starts the browser; stop() undoes all.
export async function startPortal(files) {
  const dir = await mkdtemp(join(tmpdir(), 'helminauha-e2e-portal-'));
  const launching = launch();
  let browser;
  try {
    const bin = await generator(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, dirname(name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    await run(bin, ['build'], { cwd: dir, maxBuffer: 1 << 24 });
    browser = await launching;
  } catch (err) {
    await launching.then((b) => b.close(), () => {});
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const srv = await serve(() => join(dir, 'public'));
  return {
    url: srv.url,
    browser,
    async stop() {
      await browser.close();
      await srv.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function handle(rootDir, req, res, prefix) {
  const root = resolve(rootDir);
  const notFound = async () => {
    const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  };
  try {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    if (prefix) {
      if (p !== prefix && !p.startsWith(prefix + '/')) return notFound();
      p = p.slice(prefix.length) || '/';
    }
    const file = normalize(join(root, p));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    let target = file;
    let st = await stat(target).catch(() => null);
    if (st && st.isDirectory()) {
      if (!p.endsWith('/')) {
        res.writeHead(301, { Location: prefix + p + '/' + url.search });
        return res.end();
      }
      target = join(target, 'index.html');
      st = await stat(target).catch(() => null);
    }
    if (!st || !st.isFile()) return notFound();
    const body = await readFile(target);
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(err));
  }
}

// openPage gives a fresh browser context and page on site, with watch
// attached and every dialog recorded (and dismissed); the context closes
// when the test t ends.
export async function openPage(site, t, opts = {}) {
  const context = await site.browser.newContext({ viewport: WIDTHS.desktop, ...opts });
  const page = await context.newPage();
  const w = watch(page, site.base);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  t.after(() => context.close());
  return { context, page, w, dialogs };
}

// assertClean fails with every rule the watched page broke (see watch).
export function assertClean(w, allow) {
  const p = w.problems(allow);
  assert.deepEqual(p, [], 'the page broke a rule for every page:\n' + p.join('\n'));
}

// watch records, for one page, every request, the console errors and page
// errors, and the bytes of each response; check() fails with a list of
// what went wrong since the last reset().
export function watch(page, base) {
  const origin = new URL(base).origin;
  const state = { requests: [], foreign: [], errors: [], responses: [] };
  page.on('request', (req) => {
    const u = req.url();
    state.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return;
    if (new URL(u).origin !== origin) state.foreign.push(u);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') state.errors.push(`console: ${msg.text()} (${msg.location().url || ''})`);
  });
  page.on('pageerror', (err) => state.errors.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    const req = res.request();
    const type = req.resourceType();
    const p = res.body().then((b) => ({ url: res.url(), type, status: res.status(), bytes: b.length }), () => ({ url: res.url(), type, status: res.status(), bytes: 0 }));
    state.responses.push(p);
  });
  return {
    state,
    reset() {
      state.requests.length = 0;
      state.foreign.length = 0;
      state.errors.length = 0;
      state.responses.length = 0;
    },
    // weight is the bytes of HTML, CSS and JS the page loaded (and,
    // separately, of other data such as JSON), uncompressed.
    async weight() {
      const all = await Promise.all(state.responses);
      let code = 0;
      let data = 0;
      const parts = [];
      for (const r of all) {
        if (r.status >= 300 && r.status < 400) continue;
        if (['document', 'stylesheet', 'script'].includes(r.type)) {
          code += r.bytes;
          parts.push(`${r.type} ${new URL(r.url).pathname} ${r.bytes}`);
        } else if (['fetch', 'xhr'].includes(r.type)) {
          data += r.bytes;
          parts.push(`${r.type} ${new URL(r.url).pathname} ${r.bytes}`);
        }
      }
      return { code, data, parts };
    },
    // problems lists what breaks the rules for every page; allow filters
    // out console errors a test expects (such as a 404 document).
    problems(allow = () => false) {
      const out = [];
      for (const f of state.foreign) out.push(`request to another host: ${f}`);
      for (const e of state.errors) if (!allow(e)) out.push(e);
      return out;
    },
  };
}

let axeSource;
const sessions = new WeakMap();
// axe runs axe-core in the page with the WCAG 2.0/2.1 A and AA rules and
// returns its violations. The source goes in through the DevTools
// protocol, which the page's CSP does not govern, so the policy stays on
// for the page itself. It goes in by Runtime.evaluate on a session of the
// page's own: page.evaluate hands the half-megabyte source through
// Playwright's protocol as the argument of an eval in its utility script,
// which takes about three times as long, and every page a test checks
// with axe pays it.
export async function axe(page) {
  if (!axeSource) axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) {
    let cdp = sessions.get(page);
    if (!cdp) {
      cdp = await page.context().newCDPSession(page);
      sessions.set(page, cdp);
    }
    const r = await cdp.send('Runtime.evaluate', { expression: axeSource });
    if (r.exceptionDetails) throw new Error(`axe-core did not load in ${page.url()}: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.split('\n').slice(1, 2).join('').trim() : '')),
      count: v.nodes.length,
    }));
  });
}

// withoutEditorsText is a page's weight (watch().weight()) less the
// editors' own text, the elements sel finds: a page whose text grows with
// what editors write (the whole guide, the editors' guide) is held to the
// budget for what the generator adds around it. sel may be undefined.
export async function withoutEditorsText(page, weight, sel) {
  if (!sel) return weight;
  const text = await page.evaluate((s) => [...document.querySelectorAll(s)]
    .reduce((n, el) => n + new TextEncoder().encode(el.outerHTML).length, 0), sel);
  assert.ok(text > 0, `the page has the editors' text ${sel}`);
  return { ...weight, code: weight.code - text, parts: [...weight.parts, `the editors' text (${sel}), not counted: ${text}`] };
}

export function formatViolations(list) {
  return list.map((v) => `  ${v.id} (${v.impact}, ${v.count} nodes): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

// pagesOf lists the built site's pages under a folder of the output, as
// URL paths (/helmet/x/), sorted.
export async function pagesOf(out, folder) {
  const entries = await readdir(join(out, folder), { withFileTypes: true }).catch(() => []);
  const list = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const st = await stat(join(out, folder, e.name, 'index.html')).catch(() => null);
    if (st) list.push(`/${folder}/${e.name}/`);
  }
  return list.sort();
}

export async function readPage(out, urlPath) {
  return readFile(join(out, urlPath, 'index.html'), 'utf8');
}

// pageTypes picks one page of each type from the built site.
export async function pageTypes(out) {
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
    // Its commands are wider than a phone: code blocks that scroll. Its
    // text is the editors' own and grows with what they add to it, as the
    // whole guide's does: the budget holds what the generator adds.
    { name: 'editors\' guide', path: '/toimittajalle/', editorsText: '.prose' },
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

// someSlugs is the slugs of the first n pearls of the built site.
export async function someSlugs(out, n) {
  return (await pagesOf(out, 'helmet')).slice(0, n).map((p) => p.split('/')[2]);
}

// goTarget opens one of pageTypes' targets in page, on a page of the
// site's origin: it sets up the reader's necklace in storage as the
// target needs (fill: the pearls slugs, share: a link to them), calls
// before (if given) just before it loads the target, checks the status
// and waits for what the target is ready by.
export async function goTarget(page, site, target, slugs, before) {
  const items = target.fill ? slugs.map((slug, i) => ({ slug, note: i === 0 ? 'Kokeillaan tiimissä.' : '' })) : [];
  await page.evaluate((items) => {
    localStorage.clear();
    if (items.length) localStorage.setItem('helminauha.oma', JSON.stringify({ v: 1, items }));
  }, items);
  if (before) before();
  const url = site.base + target.path + (target.share ? slugs.join(',') : '');
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res.status(), target.status || 200, `${target.path} answers ${target.status || 200}`);
  if (target.ready) await page.locator(target.ready).first().waitFor({ timeout: 10000 });
  return res;
}

// typeQuery types q into the search field of a search page as a reader
// does and waits for the answer to it, whose status names the query after
// the word by ("haulla" on a Finnish page, "för" on a Swedish one); it
// gives the hits' paths, best first, and the status text.
export async function typeQuery(page, q, by = 'haulla') {
  await page.fill('#search-input', '');
  await page.locator('#search-input').pressSequentially(q);
  await page.waitForFunction(([q, by]) => {
    const s = document.getElementById('search-status').textContent;
    return s.includes(`${by} ”${q}”`) && document.getElementById('search-results').dataset.state === 'done';
  }, [q, by]);
  const hrefs = await page.locator('ol#search-results li a.search-hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  return { hits: hrefs, text: (await page.locator('#search-status').textContent()).trim() };
}
