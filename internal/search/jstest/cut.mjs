// cut.mjs WHOLE CUT COUNT WORD [PAIR PAIRQUERY] runs COUNT random queries, made of the
// words of the pages of WHOLE/haku/ (an index in one file), against the
// sharded index CUT/haku/ of the same pages, whose long lists are cut
// short (Options.Head), and against the same index read with every
// list whole, and prints, as JSON, how many
// queries it ran, how many read the postings left out (in tiers or by
// page; in all, by page, and of
// those for the first page of one word without filters), how many filters
// were listed with no hit known yet ("(vähintään 0)") that have hits in
// the postings left out, the files of a
// cut index read beyond the manifest, shards, rows and postings left out
// (none should be), how many queries read lists a shard keeps in files of
// their own (t/lN.json), and every query whose hits differ; then, for WORD,
// the files its first page of hits reads and those of the pages after it
// until the postings left out are read; and the count the query PAIRQUERY
// says on the sharded index PAIR and the files of postings left out it
// reads. TestCutPostings in build_test.go runs it.
import { loadIndex } from '../../../themes/helminauha/assets/haku.js';
import { fsFetch } from './fsfetch.mjs';

const [whole, cut, count, word, pairCut, pairQuery] = process.argv.slice(2);

// Every reader of an index below is a new one, but the files stay the
// same: each is read from the disk once (fsFetch).
const files = new Map();

// A small deterministic generator (mulberry32), so that a failure repeats.
let seed = 17;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

// The reference reads every shard's postings whole: the same index and
// the same shards, with nothing left out.
async function reference(dir = cut) {
  const idx = await loadIndex('/haku/', fsFetch(dir, files));
  const loadShard = idx.loadShard.bind(idx);
  idx.loadShard = (i) => loadShard(i).then(async (keys) => {
    await idx.loadLists(keys);
    await Promise.all(keys.map(async (k) => {
      for (let c = idx.cuts.get(k); c && c.next < c.tiers.length;) await idx.loadTier(k);
    }));
    return keys;
  });
  return idx;
}

const ref = await loadIndex('/haku/', fsFetch(whole, files));
// The words of the pages' titles and excerpts are the queries' words.
const rows = await ref.rowsOf(Array.from({ length: ref.n }, (_, i) => i));
const vocab = [...new Set(rows.flatMap((r) => `${r[1]} ${r[2]}`.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 3))].sort();

function query() {
  const n = 1 + Math.floor(rnd() * 3);
  const ws = Array.from({ length: n }, () => {
    let w = pick(vocab);
    const r = rnd();
    if (r < 0.1 && w.length > 6) w = w.slice(0, w.length - 2); // being typed
    else if (r < 0.2 && w.length > 6) w = w.slice(0, 3) + w[4] + w[3] + w.slice(5); // a typo
    return w;
  });
  return ws.join(' ') + (rnd() < 0.5 ? ' ' : '');
}

function filters() {
  const r = rnd();
  if (r < 0.7) return {};
  if (r < 0.8) return { teema: pick(ref.m.areas)[0] };
  if (r < 0.9) return { kind: pick(ref.m.kt.slice(0, 4)) };
  return { audience: [pick(ref.m.aud), pick(ref.m.aud)] };
}

const out = { queries: 0, tails: 0, byPage: 0, lists: 0, first: 0, firstTails: 0, zeroListed: 0, other: [], differ: [], unordered: [] };

// lowerBounds tells whether facet counts got, of a search that has not read
// every posting, are lower bounds of the true ones, want: every value with
// a hit is listed (with 0 when none is known yet), none above its count.
function lowerBounds(got, want) {
  return Object.entries(want).every(([name, values]) => Object.entries(values).every(([v, n]) => got[name][v] !== undefined && got[name][v] <= n))
    && Object.entries(got).every(([name, values]) => Object.entries(values).every(([v, n]) => n <= (want[name][v] || 0)));
}
const known = /^\/haku\/(index\.json|t\/[pl]?\d+\.json|[dw]\/\d+\.json)$/;
for (let i = 0; i < Number(count); i++) {
  const q = query();
  const f = filters();
  const options = { limit: 10, offset: pick([0, 0, 0, 10, 20, 40]) };
  const fetchCut = fsFetch(cut, files);
  const idx = await loadIndex('/haku/', fetchCut);
  const got = await idx.search(q, f, options);
  const want = await (await reference()).search(q, f, options);
  out.queries++;
  const byPage = fetchCut.requests.some((p) => p.includes('/w/'));
  if (byPage) out.byPage++;
  if (fetchCut.requests.some((p) => p.includes('/t/l'))) out.lists++;
  const tails = byPage || fetchCut.requests.some((p) => p.includes('/t/p'));
  if (tails) out.tails++;
  // The first page of one word, unfiltered, as most searches are.
  if (options.offset === 0 && !Object.keys(f).length && q.trim().split(' ').length === 1) {
    out.first++;
    if (tails) out.firstTails++;
  }
  out.other.push(...fetchCut.requests.filter((p) => !known.test(p)));
  // Every list loaded holds each page once, in order, whatever was joined
  // to it (tiers, pages' weights) in whatever order.
  for (const [k, p] of idx.decoded) {
    if (p && p.ids.some((id, j) => j > 0 && id <= p.ids[j - 1])) out.unordered.push(`${q}: ${k}`);
  }
  const line = (r) => r.hits.map((h) => `${h.url} ${h.score}`).join('\n');
  const same = line(got) === line(want) && (got.exact ? got.total === want.total : got.total <= want.total) && (got.facetsExact ? JSON.stringify(got.facets) === JSON.stringify(want.facets) : lowerBounds(got.facets, want.facets));
  if (!same) out.differ.push({ q, filters: f, options, got: line(got), want: line(want), total: [got.total, want.total], exact: [got.exact, want.exact], facets: [got.facets, want.facets] });
  if (!got.facetsExact) {
    for (const [name, values] of Object.entries(want.facets)) {
      for (const v of Object.keys(values)) if (got.facets[name][v] === 0) out.zeroListed++;
    }
  }
}
// A query of two words every page of PAIR has, whose first page reads
// few of them: the count said must still come near the true one.
if (pairCut) {
  const fetchPair = fsFetch(pairCut, files);
  const pair = await (await loadIndex('/haku/', fetchPair)).search(pairQuery, {}, { limit: 10 });
  const pairWhole = await (await reference(pairCut)).search(pairQuery, {}, { limit: 10 });
  const same = pair.hits.map((h) => `${h.url} ${h.score}`).join('\n') === pairWhole.hits.map((h) => `${h.url} ${h.score}`).join('\n');
  if (!same) out.differ.push({ q: pairQuery, got: pair.hits, want: pairWhole.hits });
  const tiers = fetchPair.requests.filter((p) => p.includes('/t/p')).length;
  out.pair = { q: pairQuery, total: pair.total, exact: pair.exact, want: pairWhole.total, tiers };
}
// A reader pages through the hits of one common word, 20 more at a time.
const fetchPaged = fsFetch(cut, files);
const paged = await loadIndex('/haku/', fetchPaged);
out.pages = [];
for (let limit = 20; limit <= 400; limit += 20) {
  const before = fetchPaged.requests.length;
  const r = await paged.search(word, {}, { limit });
  out.pages.push({ limit, exact: r.exact, files: fetchPaged.requests.slice(before).filter((p) => !p.includes('/d/')) });
  if (r.exact) break;
}
console.log(JSON.stringify(out, null, 1));
