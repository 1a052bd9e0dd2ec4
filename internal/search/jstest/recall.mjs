// recall.mjs SITE QUERIES runs the judged queries of QUERIES
// (testdata/queries.json or queries2.json) against the search index under
// SITE/haku/ and prints, as JSON, recall@10, MRR and nDCG@10 in all and per
// category (see metrics.mjs), and the misses. The quality tests in
// quality_test.go run it.
import { readFileSync } from 'node:fs';
import { loadIndex } from '../../../themes/helminauha/assets/haku.js';
import { fsFetch } from './fsfetch.mjs';
import { score, summarise } from './metrics.mjs';

const [site, queriesFile] = process.argv.slice(2);
const { queries } = JSON.parse(readFileSync(queriesFile, 'utf8'));
const idx = await loadIndex('/haku/', fsFetch(site));
const rows = [];
const misses = [];
const times = [];
for (const q of queries) {
  const c0 = process.cpuUsage();
  const r = await idx.search(q.q, q.filters || {}, { limit: 10 });
  const c = process.cpuUsage(c0);
  times.push((c.user + c.system) / 1000);
  const got = r.hits.map((h) => h.url);
  const s = score(q, got);
  rows.push({ kind: q.kind, ...s });
  if (s.missing.length || s.rr < 1) misses.push({ q: q.q, kind: q.kind, filters: q.filters, missing: s.missing, rr: s.rr, got });
}
times.sort((a, b) => a - b);
const byKind = summarise(rows);
console.log(JSON.stringify({
  queries: queries.length,
  expected: rows.reduce((s, r) => s + r.expected, 0),
  found: rows.reduce((s, r) => s + r.found, 0),
  recall: byKind.all.recall,
  mrr: byKind.all.mrr,
  ndcg: byKind.all.ndcg,
  byKind,
  cpuMedianMs: times[Math.floor(times.length / 2)],
  cpuMaxMs: times[times.length - 1],
  misses,
}, null, 1));
