// haku-shards.js: what the search (haku.js) needs of an index cut into
// files, which loadIndex loads only for such an index: the keys in
// shards (t/N.json), the long lists of a shard in files of their own
// (t/lN.json), read only for the keys a query uses, the rows of the
// documents in chunks (d/N.json) and
// the postings a shard leaves out of its longest lists, in tiers
// (t/pN.json), read only when they could change the hits asked for, and
// the same postings by page (w/N.json), read for the few pages whose
// weights in common words the first hits wait on (see termSet in
// internal/search/wire.go). An index in one file, as a small portal has,
// never loads it.
//
// sharded takes what it needs of haku.js (which it cannot import: that
// would be a cycle) and returns the index class for a sharded index.

// At most this many shards a word's prefix and its split into parts
// load.
const MAX_PREFIX_SHARDS = 2;
const MAX_SPLIT_SHARDS = 3;

// When the first hits wait only on pages that some loaded postings name,
// in at most this many files of weights by page (w/N.json), settle reads
// those files rather than the next tier of a word: a file holds two
// pages' weights in every list cut short (under 1 KB at 100,000 pages),
// a tier of a common word thousands of pages' weights in one.
const MAX_VERIFY_FILES = 16;

export function sharded({ SearchIndex, decodeKeys, decodePostings, topK, key, MIN_PART, MAX_PARTS }) {
  return class ShardedIndex extends SearchIndex {
    constructor(base, fetchFn, m) {
      super(base, fetchFn, m);
      // The bound of each shard: a key is in the last shard whose bound
      // is not after it.
      this.bounds = decodeKeys(m.shards);
      this.cuts = new Map(); // key -> {df, len, tie, ord, tiers, next} of a list cut short
      this.outs = new Map(); // key -> {file, df, len, p: Promise of the list, loaded} of a list in a file of its own
      this.tiers = new Map(); // "key tier" -> Promise of the tier joined to the list
      this.shards = new Map(); // shard number -> Promise of its keys
      this.chunks = new Map();
      this.weights = new Map(); // file number -> Promise of its pages' postings left out
      // The pages whose weights in every list cut short are known: their
      // postings left out are joined to the lists loaded (and to those
      // loaded later), so that their scores are whole.
      this.verified = new Map(); // page -> its postings left out, {ids: list numbers, ws}
    }

    shardOf(k) {
      const s = this.bounds;
      let lo = 0;
      let hi = s.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid] <= k) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    loadShard(i) {
      let p = this.shards.get(i);
      if (!p) {
        p = this.fetchJSON(`t/${i}.json`).then((t) => this.addTerms(t));
        this.shards.set(i, p);
        p.catch(() => this.shards.delete(i));
      }
      return p;
    }

    // ensure loads the shards that hold the given keys.
    async ensure(keys) {
      const want = new Set(keys.map((k) => this.shardOf(k)));
      await Promise.all([...want].map((i) => this.loadShard(i)));
    }

    // keysWithPrefix returns the loaded keys that start with p, loading the
    // shards of p's range first (at most MAX_PREFIX_SHARDS of them).
    async keysWithPrefix(p) {
      const from = this.shardOf(p);
      const to = Math.min(this.shardOf(p + '\uffff'), from + MAX_PREFIX_SHARDS - 1);
      const lists = await Promise.all(Array.from({ length: to - from + 1 }, (_, i) => this.loadShard(from + i)));
      return lists.flat().filter((k) => k.startsWith(p));
    }

    // addTerms adds a shard's term set, the lists it cuts short (x) and
    // those it keeps in files of their own (o).
    addTerms(t) {
      const keys = super.addTerms(t);
      for (const [i, file, df, len] of t.o || []) {
        if (!this.outs.has(keys[i])) this.outs.set(keys[i], { file, df, len, p: null });
      }
      for (const [i, df, len, tie, ord, ...rest] of t.x || []) {
        if (this.cuts.has(keys[i])) continue;
        const tiers = [];
        for (let j = 0; j < rest.length; j += 2) tiers.push({ thr: rest[j], file: rest[j + 1] });
        this.cuts.set(keys[i], { df, len, tie, ord, tiers, next: 0 });
      }
      return keys;
    }

    // postings adds to those of haku.js, of a list cut short, df, the
    // number of pages the key has; and of every list max, the greatest
    // weight, thr, the greatest weight of those not loaded (0 when all
    // are), and tie, the last page loaded with that weight (any not loaded
    // that has it comes after it) or -1.
    postings(k) {
      const out = this.outs.get(k);
      if (out && !out.loaded) throw new Error(`the postings of ${k} are not loaded (loadLists)`);
      const fresh = !this.decoded.has(k);
      const p = super.postings(k);
      if (p && fresh) {
        const cut = this.cuts.get(k);
        if (cut) p.df = cut.df;
        p.thr = cut ? cut.tiers[0].thr : 0;
        p.tie = cut ? cut.tie : -1;
        p.max = p.ws.reduce((a, b) => Math.max(a, b), 0);
        if (cut && this.verified.size) {
          const add = [];
          for (const [id, left] of this.verified) {
            const w = weightOf(left, cut.ord);
            if (w) add.push([id, w]);
          }
          this.join(k, add);
        }
      }
      return p;
    }

    // join adds the postings add ([page, weight], any order) to the loaded
    // postings of key k, those of pages it lacks.
    join(k, add) {
      if (!add.length) return;
      const have = this.decoded.get(k);
      add.sort((a, b) => a[0] - b[0]);
      const m = merge(have, { ids: add.map((a) => a[0]), ws: add.map((a) => a[1]) });
      have.ids = m.ids;
      have.ws = m.ws;
    }

    // verify reads the weights of the pages ids in the lists cut short
    // (w/N.json) and joins them to the postings loaded: the pages' scores
    // are then whole, whatever tiers are not read.
    async verify(ids) {
      const dc = this.m.wc;
      const need = [...new Set(ids.map((id) => Math.floor(id / dc)))];
      const got = await Promise.all(need.map((c) => {
        let p = this.weights.get(c);
        if (!p) {
          p = this.fetchJSON(`w/${c}.json`).then((ls) => ls.map((s) => decodePostings(s)));
          this.weights.set(c, p);
          p.catch(() => this.weights.delete(c));
        }
        return p;
      }));
      const add = new Map(); // key -> [page, weight]
      for (const id of ids) {
        if (this.verified.has(id)) continue;
        const left = got[need.indexOf(Math.floor(id / dc))][id % dc];
        this.verified.set(id, left);
        for (const [k, p] of this.decoded) {
          const cut = p && this.cuts.get(k);
          if (!cut) continue;
          const w = weightOf(left, cut.ord);
          if (w) add.set(k, [...(add.get(k) || []), [id, w]]);
        }
      }
      for (const [k, a] of add) this.join(k, a);
    }

    encodedLength(k) {
      const cut = this.cuts.get(k);
      const out = this.outs.get(k);
      return cut ? cut.len : out ? out.len : super.encodedLength(k);
    }

    df(k) {
      const cut = this.cuts.get(k);
      const out = this.outs.get(k);
      return cut ? cut.df : out ? out.df : super.df(k);
    }

    // loadLists fetches the lists of the keys given that their shards
    // keep in files of their own (the shards are loaded).
    async loadLists(keys) {
      await Promise.all(keys.map((k) => {
        const out = this.outs.get(k);
        if (!out || out.loaded) return null;
        if (!out.p) {
          out.p = this.fetchJSON(`t/l${out.file}.json`).then((s) => {
            this.terms.set(k, s);
            out.loaded = true;
          });
          out.p.catch(() => { out.p = null; });
        }
        return out.p;
      }));
    }

    // loadTier fetches the next tier of the postings of key k that its
    // shard leaves out and joins it to those loaded.
    loadTier(k) {
      const cut = this.cuts.get(k);
      if (!cut || cut.next >= cut.tiers.length) return Promise.resolve();
      const j = cut.next;
      let p = this.tiers.get(k + ' ' + j);
      if (!p) {
        p = this.fetchJSON(`t/p${cut.tiers[j].file}.json`).then((s) => {
          const have = this.postings(k);
          // A page verified has its postings of the tier loaded already.
          const { ids, ws } = merge(have, decodePostings(s));
          cut.next = j + 1;
          const thr = cut.next < cut.tiers.length ? cut.tiers[cut.next].thr : 0;
          this.decoded.set(k, { ids, ws, df: cut.df, thr, tie: -1, max: have.max });
        });
        this.tiers.set(k + ' ' + j, p);
        p.catch(() => this.tiers.delete(k + ' ' + j));
      }
      return p;
    }

    // loadParts fetches the shards of the parts a word may split into, at
    // most MAX_SPLIT_SHARDS new ones a word, and waits for those of them
    // already being fetched.
    async loadParts(w) {
      let budget = MAX_SPLIT_SHARDS;
      let frontier = [0];
      const reached = new Set([0]);
      for (let depth = 0; depth < MAX_PARTS && frontier.length; depth++) {
        const keys = [];
        for (const i of frontier) for (let j = i + MIN_PART; j <= w.length; j++) keys.push([i, j, key(w.slice(i, j), this.lang)]);
        // A shard another search is still fetching is waited for too, or
        // the keys it holds would be missed (typing runs searches at once).
        const load = [];
        for (const [, , k] of keys) {
          const sh = this.shardOf(k);
          if (load.includes(sh)) continue;
          if (!this.shards.has(sh)) {
            if (budget === 0) continue;
            budget--;
          }
          load.push(sh);
        }
        await Promise.all(load.map((sh) => this.loadShard(sh)));
        const next = [];
        for (const [, j, k] of keys) {
          if (j < w.length && this.has(k) && !reached.has(j)) { reached.add(j); next.push(j); }
        }
        frontier = next;
      }
    }

    // rowsOf fetches the chunks of rows of the documents ids first.
    async rowsOf(ids) {
      const need = new Set(ids.filter((id) => !this.rows[id]).map((id) => Math.floor(id / this.m.dc)));
      await Promise.all([...need].map((c) => {
        let p = this.chunks.get(c);
        if (!p) {
          p = this.fetchJSON(`d/${c}.json`).then((rows) => rows.forEach((row, i) => { this.rows[c * this.m.dc + i] = row; }));
          this.chunks.set(c, p);
          p.catch(() => this.chunks.delete(c));
        }
        return p;
      }));
      return super.rowsOf(ids);
    }

    // scoreOps adds to the scores of haku.js, when some postings are not
    // loaded, bound, the most a page could score from those (0 when all
    // are), cut, the keys they are of with the most each could give, and
    // tie, the page after which any page not loaded that scores bound
    // comes (-1 when that is not known).
    scoreOps(ops) {
      let bound = 0;
      let tie = -1;
      const cut = new Map(); // key -> the most its postings not loaded could give
      const cutBy = (k, b) => cut.set(k, Math.max(cut.get(k) || 0, b));
      for (const op of ops) {
        if (op.key !== undefined) {
          const p = this.postings(op.key);
          if (p.thr > 0) {
            const b = p.thr * op.f;
            tie = b > bound ? p.tie : b === bound ? -1 : tie;
            bound = Math.max(bound, b);
            cutBy(op.key, b);
          }
          continue;
        }
        const { keys, factor } = op;
        const ps = keys.map((k) => this.postings(k));
        // A page missing from a list cut short may have all the keys: it
        // weighs at most what the keys' best postings do.
        if (ps.some((p) => p.thr > 0)) {
          let most = 0;
          for (const p of ps) most += (this.opIdf(p.df, op) * p.max) / 63;
          const b = (most * factor) / keys.length;
          ps.forEach((p, j) => { if (p.thr > 0) cutBy(keys[j], b); });
          if (b >= bound) tie = -1;
          bound = Math.max(bound, b);
        }
      }
      return { ...super.scoreOps(ops), bound, tie, cut };
    }

    // settle reads, until the first k hits that pass are sure, the next
    // tier of the key whose postings left out could give the most: of the
    // words the page that keeps the hits unsure (settled's blocker) may
    // still gain in, when there is one; a common word's postings left out
    // could give more than a rarer one's, yet a page's missing rarer word
    // is what a query of both waits for.
    async settle(results, passes, k) {
      const block = { words: null, verify: null };
      while (results.some((r) => r.bound > 0) && !this.settled(results, passes, k, block)) {
        if (block.verify) {
          await this.verify(block.verify);
          results = results.map((r) => ({ ops: r.ops, ...this.scoreOps(r.ops) }));
          continue;
        }
        let next = null;
        for (const [i, r] of results.entries()) {
          if (block.words && !block.words.includes(i)) continue;
          for (const [c, b] of r.cut) if (!next || b > next[1]) next = [c, b];
        }
        if (!next) for (const r of results) for (const [c, b] of r.cut) if (!next || b > next[1]) next = [c, b];
        if (!next) break;
        await this.loadTier(next[0]);
        // Only the words with that key among those cut short score anew.
        results = results.map((r) => (r.cut.has(next[0]) ? { ops: r.ops, ...this.scoreOps(r.ops) } : r));
      }
      return results;
    }

    // settled reports whether the first k hits that pass are sure to be
    // the same and in the same order with the postings left out as without
    // them: each of them has its whole score (every word's score at least
    // the most the left-out postings could give it, as a word's score is
    // the best of its keys'), and no other page could score as much. When
    // not, block.words tells the words (their indexes in results) in which
    // the page that could score the most of those not sure may gain, or
    // is null; and block.verify the pages not sure that could still be
    // among the first k, when they are few and each is named by some
    // postings loaded (a page no posting loaded names stands for
    // thousands), or null.
    settled(results, passes, k, block = {}) {
      block.words = null;
      block.verify = null;
      if (k <= 0) return true;
      const n = this.n;
      const sure = [];
      const score = new Float64Array(n); // of a page sure, its score; of one not, the most it could score
      let most = 0;
      let blocker = -1;
      let every = false; // some page is sure to have every word
      const open = []; // the pages not sure that some postings loaded name
      const verified = this.verified;
      for (let id = 0; id < n; id++) {
        let up = 0;
        let whole = true;
        let known = true;
        let named = false;
        const v = verified.size > 0 && verified.has(id);
        for (const r of results) {
          const s = r.scores[id];
          const u = v ? s : Math.max(s, r.bound);
          if (u === 0) { up = 0; break; }
          up += u;
          if (s === 0) known = false; else named = true;
          if (!v && (s === 0 || s < r.bound)) whole = false;
        }
        if (up === 0) continue;
        if (known) every = true;
        if (!passes(id)) continue;
        score[id] = up;
        if (whole) {
          sure.push(id);
        } else {
          if (up > most) { most = up; blocker = id; }
          if (named) open.push(id);
        }
      }
      if (blocker >= 0) block.words = results.flatMap((r, i) => (r.scores[blocker] < r.bound ? [i] : []));
      // Only when no page has every word are pages with some of them hits.
      if (results.length > 1 && !every) return false;
      if (most === 0) return true;
      let least = 0; // the score the k-th hit has at least
      if (sure.length >= k) {
        const last = topK(sure, score, k)[k - 1];
        // A page not loaded that scores as much as the last hit shown comes
        // after it when it comes after the pages loaded with that weight.
        if (results.length === 1 && most === score[last] && last <= results[0].tie) return true;
        if (most * (1 + 1e-9) < score[last]) return true;
        least = score[last];
      }
      // A page no posting loaded names could score the bounds' sum: its
      // like are thousands, which only the tiers tell apart.
      const unseen = results.every((r) => r.bound > 0) ? results.reduce((sum, r) => sum + r.bound, 0) : 0;
      if (unseen > 0 && unseen * (1 + 1e-9) >= least) return false;
      // The pages named by some postings loaded that keep the hits unsure:
      // when they are in few files, their weights are read; else those
      // of them that could be among the first k, when they are few.
      const unsure = open.filter((id) => score[id] * (1 + 1e-9) >= least);
      if (!unsure.length) return false;
      const fits = (ids) => new Set(ids.map((id) => Math.floor(id / this.m.wc))).size <= MAX_VERIFY_FILES;
      if (fits(unsure)) { block.verify = unsure; return false; }
      const best = topK([...sure, ...unsure], score, k);
      const bar = score[best[best.length - 1]];
      const first = unsure.filter((id) => score[id] * (1 + 1e-9) >= bar);
      if (fits(first)) block.verify = first;
      return false;
    }
  };
}

// weightOf returns the weight in the list cut short numbered ord of a
// page whose postings left out are left ({ids: list numbers, ws}), or 0.
function weightOf(left, ord) {
  const i = indexOf(left.ids, ord);
  return i < 0 ? 0 : left.ws[i];
}

// merge returns the postings of have ({ids, ws}, in order of page) and
// those of more (in order too) of the pages have lacks, in order of page.
function merge(have, more) {
  let n = 0;
  const ids = new Int32Array(have.ids.length + more.ids.length);
  const ws = new Uint8Array(ids.length);
  for (let a = 0, b = 0; a < have.ids.length || b < more.ids.length; n++) {
    const fromHave = b >= more.ids.length || (a < have.ids.length && have.ids[a] <= more.ids[b]);
    if (fromHave) {
      if (b < more.ids.length && have.ids[a] === more.ids[b]) b++;
      ids[n] = have.ids[a]; ws[n] = have.ws[a++];
    } else { ids[n] = more.ids[b]; ws[n] = more.ws[b++]; }
  }
  return { ids: ids.subarray(0, n), ws: ws.subarray(0, n) };
}

function indexOf(ids, id) {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}
