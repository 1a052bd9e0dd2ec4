// metrics.mjs: recall@10, MRR and nDCG@10 of a judged query set, per
// category and in all, the way recall.mjs and bench.mjs report them.
//
// A query's relevant pages are rel (a URL to its grade: 2 the page the
// query is about, 1 a page that also answers it) or, in the first query
// set, expect (each of grade 1). A query with neither is a precision
// query: it is answered right when it finds nothing, and then counts as
// one relevant page found at rank 1.

export function judgements(q) {
  if (q.rel) return q.rel;
  return Object.fromEntries((q.expect || []).map((u) => [u, 1]));
}

// score returns the metrics of one query from the URLs it found, in order.
export function score(q, got) {
  const rel = judgements(q);
  const urls = Object.keys(rel);
  const top = got.slice(0, 10);
  if (urls.length === 0) {
    const ok = got.length === 0 ? 1 : 0;
    return { expected: 1, found: ok, rr: ok, ndcg: ok, missing: ok ? [] : ['(no hits)'] };
  }
  const missing = urls.filter((u) => !top.includes(u));
  const first = top.findIndex((u) => rel[u] > 0);
  let dcg = 0;
  top.forEach((u, i) => { if (rel[u]) dcg += (2 ** rel[u] - 1) / Math.log2(i + 2); });
  let ideal = 0;
  Object.values(rel).sort((a, b) => b - a).slice(0, 10).forEach((g, i) => { ideal += (2 ** g - 1) / Math.log2(i + 2); });
  return { expected: urls.length, found: urls.length - missing.length, rr: first < 0 ? 0 : 1 / (first + 1), ndcg: dcg / ideal, missing };
}

// summarise folds the per-query scores into totals per category (kind)
// and in all: recall over pages, MRR and nDCG as means over queries.
export function summarise(rows) {
  const groups = new Map([['all', []]]);
  for (const r of rows) {
    if (!groups.has(r.kind)) groups.set(r.kind, []);
    groups.get(r.kind).push(r);
    groups.get('all').push(r);
  }
  const out = {};
  for (const [k, rs] of groups) {
    const expected = rs.reduce((s, r) => s + r.expected, 0);
    const found = rs.reduce((s, r) => s + r.found, 0);
    out[k] = {
      queries: rs.length,
      recall: expected ? found / expected : 1,
      mrr: rs.reduce((s, r) => s + r.rr, 0) / rs.length,
      ndcg: rs.reduce((s, r) => s + r.ndcg, 0) / rs.length,
    };
  }
  return out;
}
