// coldquery.mjs SITE QUERY... loads the search index of the built portal
// SITE afresh for each query, as a reader's first search does, runs the
// query for ten results and prints, as JSON, the bytes and files it
// fetched. benchscale runs it to see whether a query costs more on a
// larger portal.
import { loadIndex } from '../../../../themes/helminauha/assets/haku.js';
import { fsFetch } from '../../../search/jstest/fsfetch.mjs';

const [site, ...queries] = process.argv.slice(2);
const out = [];
for (const q of queries) {
  const f = fsFetch(site);
  const idx = await loadIndex('/haku/', f);
  const r = await idx.search(q, {}, { limit: 10 });
  out.push({ q, bytes: f.bytes, files: f.requests.length, hits: r.hits.length });
}
console.log(JSON.stringify(out));
