// recall.mjs SITE QUERIES runs the queries of QUERIES (testdata/queries.json)
// against the search index under SITE/haku/ and prints, as JSON, recall@10
// (the share of expected pages found among the first ten hits) and the
// misses. TestQualityRecall in quality_test.go runs it.
import { readFileSync } from 'node:fs';
import { loadIndex } from '../../../themes/helminauha/assets/haku.js';
import { fsFetch } from './fsfetch.mjs';

const [site, queriesFile] = process.argv.slice(2);
const { queries } = JSON.parse(readFileSync(queriesFile, 'utf8'));
const idx = await loadIndex('/haku/', fsFetch(site));
let expected = 0;
let found = 0;
const misses = [];
const times = [];
for (const q of queries) {
  const c0 = process.cpuUsage();
  const r = await idx.search(q.q, q.filters || {}, { limit: 10 });
  const c = process.cpuUsage(c0);
  times.push((c.user + c.system) / 1000);
  const got = r.hits.map((h) => h.url);
  const missing = q.expect.filter((u) => !got.includes(u));
  expected += q.expect.length;
  found += q.expect.length - missing.length;
  if (missing.length) misses.push({ q: q.q, kind: q.kind, filters: q.filters, missing, got });
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  queries: queries.length,
  expected,
  found,
  recall: expected ? found / expected : 1,
  cpuMedianMs: times[Math.floor(times.length / 2)],
  cpuMaxMs: times[times.length - 1],
  misses,
}, null, 1));
