// bench.mjs: what a cold search query costs a reader, Helminauha's index
// beside Pagefind's, on the same built portal (make bench-search).
//
//   node internal/search/bench/bench.mjs [-n 10000 | -content content] [-work .cache/bench-search] [-runs 3] [-q QUERY] [-reuse 1]
//   node internal/search/bench/bench.mjs -content DIR -quality QUERIES.json [-lang sv]
//
// (cd internal/search/bench && npm ci) installs Pagefind and playwright-core
// first. -reuse 1 keeps a portal and Pagefind index built by an earlier run.
//
// It writes a synthetic portal of n pearls (go -C internal/tools run ./cmd/corpus), builds it
// (go run ./cmd/helminauha build), indexes the built pages with Pagefind
// (npm pagefind, --root-selector main), serves the folder on a loopback
// port and, for each query, opens a fresh headless Chromium context (cold
// cache) on a bench page that imports the search module, loads the index,
// runs the query and fetches the first ten results. It prints the bytes
// the server sent (raw, and as gzip would send them), the requests, the
// time from the page's first script to ten results, and the time of the
// same query run again in the warm page (the search itself, once its
// files are loaded). The bench page's own HTML is not counted.
//
// With -quality it instead runs every judged query of QUERIES (see
// internal/search/jstest/metrics.mjs) in one warm page of each engine and
// prints recall@10, MRR and nDCG@10 per category, ours beside Pagefind's.
// The filtered queries are left out: Pagefind's index has no facets. Pagefind's
// hits are kept to the pages ours indexes (not tag or kind lists). With
// -lang sv the queries run on the Swedish pages: ours on the index under
// sv/haku/, Pagefind in a page of <html lang="sv">, which makes it search
// its Swedish index (Pagefind splits its index by the pages' language).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { score, summarise } from '../jstest/metrics.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('-') ? [...acc, [a.replace(/^-+/, ''), all[i + 1]]] : acc), []));
const n = Number(args.n || 10000);
const runs = Number(args.runs || 3);
const work = resolve(repo, args.work || '.cache/bench-search');
const queries = (args.q ? [args.q] : ['luottamus', 'verkostojen', 'esihenkilö työhyvinvointi', 'verkostojohtaminen']);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function step(msg, fn) {
  const t0 = Date.now();
  process.stderr.write(`${msg} ... `);
  const r = fn();
  process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return r;
}

const content = args.content ? resolve(repo, args.content) : null;
const corpus = join(work, `corpus-${n}`);
const site = join(work, content ? 'site-' + args.content.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') : `site-${n}`);
if (!content && !existsSync(join(corpus, 'content'))) {
  step(`writing ${n} synthetic pearls`, () => execFileSync('go', ['-C', 'internal/tools', 'run', './cmd/corpus', '-n', String(n), '-out', corpus], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] }));
}
const reuse = args.reuse && existsSync(join(site, '_pagefind'));
if (!reuse) step('building the portal', () => execFileSync('go', ['run', './cmd/helminauha', 'build', '--quiet', '--clean-out', '--content', content || join(corpus, 'content'), '--out', site, '--baseurl', 'http://127.0.0.1/'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] }));
if (!reuse) step('indexing the built portal with Pagefind', () => execFileSync(join(here, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--output-subdir', '_pagefind', '--root-selector', 'main', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] }));

const hakuJS = '/assets/' + readdirSync(join(site, 'assets')).find((f) => /^haku\.[0-9a-f]+\.js$/.test(f));

const pages = {
  ours: `<!doctype html><meta charset="utf-8"><title>ours</title><script type="module">
const q = new URLSearchParams(location.search).get('q');
const t0 = performance.now();
const m = await import(${JSON.stringify(hakuJS)});
const idx = await m.loadIndex('/haku/');
let r = await idx.search(q, {}, { limit: 10 });
const t1 = performance.now();
r = await idx.search(q, {}, { limit: 10 });
const t2 = performance.now();
window.__done = { total: r.total, first: r.hits.map((h) => h.title), cold: t1 - t0, warm: t2 - t1 };
</script>`,
  pagefind: `<!doctype html><meta charset="utf-8"><title>pagefind</title><script type="module">
const q = new URLSearchParams(location.search).get('q');
const t0 = performance.now();
const pf = await import('/_pagefind/pagefind.js');
await pf.init();
let s = await pf.search(q);
let data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
const t1 = performance.now();
s = await pf.search(q + ' ');
data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
const t2 = performance.now();
window.__done = { total: s.results.length, first: data.map((d) => d.meta && d.meta.title), cold: t1 - t0, warm: t2 - t1 };
</script>`,
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };
let counted = null;
const gz = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/__bench/')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(pages[url.pathname.slice(9)] || '');
    return;
  }
  let p = normalize(join(site, decodeURIComponent(url.pathname)));
  if (!p.startsWith(site + sep) && p !== site) { res.writeHead(403); res.end(); return; }
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  const body = readFileSync(p);
  if (!gz.has(p)) gz.set(p, gzipSync(body, { level: 6 }).length);
  if (counted) { counted.raw += body.length; counted.gzip += gz.get(p); counted.requests++; }
  res.writeHead(200, { 'content-type': TYPES[extname(p)] || 'application/octet-stream' });
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The pages -quality runs its queries in: window.__run(q) returns the
// URLs of the first ten hits.
const qlang = args.lang || '';
const qdir = qlang && qlang !== 'fi' ? `${qlang}/haku` : 'haku';
const qhtml = qlang ? `<html lang="${qlang}">` : '';
pages['quality-ours'] = `<!doctype html>${qhtml}<meta charset="utf-8"><title>ours</title><script type="module">
const m = await import(${JSON.stringify(hakuJS)});
const idx = await m.loadIndex('/${qdir}/');
window.__run = async (q) => (await idx.search(q, {}, { limit: 10 })).hits.map((h) => h.url);
window.__ready = true;
</script>`;
pages['quality-pagefind'] = `<!doctype html>${qhtml}<meta charset="utf-8"><title>pagefind</title><script type="module">
const pf = await import('/_pagefind/pagefind.js');
await pf.init();
window.__run = async (q) => {
  const s = await pf.search(q);
  const data = await Promise.all(s.results.slice(0, 40).map((r) => r.data()));
  return data.map((d) => d.url.replace(/index\\.html$/, ''));
};
window.__ready = true;
</script>`;

async function quality(file) {
  const { queries } = JSON.parse(readFileSync(resolve(repo, file), 'utf8'));
  const judged = queries.filter((q) => !q.filters);
  // Pagefind indexes every built page, lists of tags and kinds too; its
  // hits are kept to the pages ours indexes, so that both rank the same
  // pages.
  const m = JSON.parse(readFileSync(join(site, qdir, 'index.json'), 'utf8'));
  const rows = m.docs || readdirSync(join(site, qdir, 'd')).flatMap((f) => JSON.parse(readFileSync(join(site, qdir, 'd', f), 'utf8')));
  const indexed = new Set(rows.map((r) => new URL(r[0], 'http://127.0.0.1/').pathname));
  const by = {};
  for (const engine of ['ours', 'pagefind']) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${origin}/__bench/quality-${engine}`);
    await page.waitForFunction(() => window.__ready, null, { timeout: 120000 });
    const rows = [];
    for (const q of judged) {
      const got = (await page.evaluate((x) => window.__run(x), q.q)).filter((u) => indexed.has(u)).slice(0, 10);
      rows.push({ kind: q.kind, ...score(q, got) });
    }
    by[engine] = summarise(rows);
    await ctx.close();
  }
  const f = (x) => x.toFixed(2);
  console.log(`\n${file} over ${args.content}${qlang ? ` (lang ${qlang}, /${qdir}/)` : ''}: ${judged.length} queries (${queries.length - judged.length} filtered ones left out), ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| category | queries | ours recall@10 | ours MRR | ours nDCG@10 | Pagefind recall@10 | Pagefind MRR | Pagefind nDCG@10 |');
  console.log('|---|---|---|---|---|---|---|---|');
  const kinds = Object.keys(by.ours).filter((k) => k !== 'all').sort();
  for (const k of [...kinds, 'all']) {
    const o = by.ours[k];
    const p = by.pagefind[k];
    const name = k === 'all' ? '**all**' : k;
    console.log(`| ${name} | ${o.queries} | ${f(o.recall)} | ${f(o.mrr)} | ${f(o.ndcg)} | ${f(p.recall)} | ${f(p.mrr)} | ${f(p.ndcg)} |`);
  }
}

if (args.quality) {
  await quality(args.quality);
  await browser.close();
  server.close();
  process.exit(0);
}

async function measure(engine, q) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // The bench page itself (/__bench/) is not counted.
  counted = { raw: 0, gzip: 0, requests: 0 };
  await page.goto(`${origin}/__bench/${engine}?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__done, null, { timeout: 120000 });
  const done = await page.evaluate(() => window.__done);
  const c = counted;
  counted = null;
  await ctx.close();
  return { ...c, ...done };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (b) => (b / 1024).toFixed(0).padStart(4);
const ms = (x) => x.toFixed(0).padStart(5);
console.log(`\n${content ? args.content : n + ' pearls'}; bytes a cold query downloads (search JS, wasm, index, first ten results), requests, time to ten results, and the same query again warm. Median of ${runs}.\n`);
console.log('query                      | ours raw/gzip KiB  req |  pagefind raw/gzip KiB  req | ratio raw  gzip | ours cold/warm ms | pagefind cold/warm ms');
for (const q of queries) {
  const res = { ours: [], pagefind: [] };
  for (let i = 0; i < runs; i++) for (const e of ['ours', 'pagefind']) res[e].push(await measure(e, q));
  const m = {};
  for (const e of ['ours', 'pagefind']) {
    m[e] = {};
    for (const k of ['raw', 'gzip', 'requests', 'cold', 'warm', 'total']) m[e][k] = median(res[e].map((r) => r[k]));
  }
  console.log(`${q.padEnd(26)} | ${kib(m.ours.raw)} / ${kib(m.ours.gzip)}     ${String(m.ours.requests).padStart(3)} |      ${kib(m.pagefind.raw)} / ${kib(m.pagefind.gzip)}      ${String(m.pagefind.requests).padStart(3)} |      ${(m.ours.raw / m.pagefind.raw).toFixed(2)}  ${(m.ours.gzip / m.pagefind.gzip).toFixed(2)} | ${ms(m.ours.cold)} / ${ms(m.ours.warm)}    | ${ms(m.pagefind.cold)} / ${ms(m.pagefind.warm)}`);
  console.log(`${''.padEnd(26)}   hits: ours ${m.ours.total}, pagefind ${m.pagefind.total}`);
}
await browser.close();
server.close();
