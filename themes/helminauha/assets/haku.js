// haku.js: the search of a Helminauha portal, an ES module whose one
// dependency is yhteiset.js (the page's words and the live region's
// announcements, which every page loads anyway). Its core (analyse,
// loadIndex, the index's search, highlight) runs in Node as well as in
// the browser; in a page that has <ol id="search-results"> it also runs
// the search page.
//
// The index is JSON written by the generator (internal/search). The
// core is the same for every language; the analysis of each language is
// a module of its own (haku-fi.js, haku-sv.js) that loadIndex loads for
// the index's language, so that a page carries one language's code; the
// code that reads an index cut into files (shards, rows in chunks,
// postings in tiers) is haku-shards.js, which loadIndex loads only for
// such an index. The
// text analysis must give exactly what the Go side gives (Analyze, Key,
// SplitQuery in internal/search); internal/search/jstest checks it on
// thousands of words.

import { announce, words, fill } from './yhteiset.js';

// ---------------------------------------------------------------------
// Analysis

const MAX_WORD_RUNES = 40;

// FOLDS maps a letter to its folded form (internal/search's folds): each
// group is the form, in ASCII, then the letters that fold to it, written
// this way to keep the search page's script small.
const FOLDS = Object.fromEntries('aàáâãäåāăą aeæ cçćč dďđð eèéêëēėęě gǥǧ iìíîïīįı kǩ lł nñńňŋ oòóôõöøōő oeœ rŕř sśšş ssß tťŧ thþ uùúûüūůűų yýÿ zźżžʒǯ ffﬀ fiﬁ flﬂ ffiﬃ fflﬄ stﬅﬆ'.split(' ').flatMap((g) => {
  const to = g.match(/^[a-z]+/)[0];
  return [...g.slice(to.length)].map((c) => [c, to]);
}));

const RE_LETTER = /^\p{L}$/u;
// Word runes are letters, digits, marks and the characters pasted text
// carries inside words that show as nothing (Unicode's format characters,
// \p{Cf}: a soft hyphen, a zero-width space, a left-to-right mark), as in
// analyze.go's isWordRune (markdown.Invisible); marks and those fold to
// nothing (RE_DROP). An undefined c is the text "undefined", no word rune.
const RE_WORD = /^[\p{L}\p{Nd}\p{M}\p{Cf}]$/u;
const RE_DROP = /^[\p{M}\p{Cf}]$/u;

function isWordRune(c) { return RE_WORD.test(c); }
function isHyphen(c) { return c === '-' || c === '\u2010' || c === '\u2011'; }

const lowerCache = new Map();
// foldRune returns the lower-cased, folded form of one code point.
function foldRune(c) {
  let f = lowerCache.get(c);
  if (f !== undefined) return f;
  if (RE_DROP.test(c)) {
    f = '';
  } else {
    // Go's unicode.ToLower maps one rune to one rune; toLowerCase may
    // give more (İ -> i + combining dot), of which the first is Go's.
    const l = String.fromCodePoint(c.toLowerCase().codePointAt(0));
    f = FOLDS[l] !== undefined ? FOLDS[l] : l;
  }
  lowerCache.set(c, f);
  return f;
}

function runeLen(s) {
  let n = 0;
  for (const _ of s) n++; // eslint-disable-line no-unused-vars
  return n;
}

// The analyses of the languages, { stop, fillers, key, derive, verbFirst,
// minCompoundKey, splitKnown } (see matchWord):
// the Finnish one comes from haku-fi.js and the Swedish one from
// haku-sv.js, and a page loads only the one of its index. LANGS holds
// those loaded, LOADING the promises of those asked for. A language other
// than Swedish is Finnish, as in the Go side's LanguageOf.
const LANGS = {};
const LOADING = {};
const code = (lang) => (lang === 'sv' ? 'sv' : 'fi');

// loadLanguage loads the analysis of lang ('fi' or 'sv'), which analyse,
// key, derive and splitQuery then take; loadIndex calls it for the
// index's language.
export function loadLanguage(lang) {
  const c = code(lang);
  if (!LOADING[c]) {
    const tools = { Env, among, isVowel };
    const mod = c === 'sv' ? import('./haku-sv.js').then((m) => m.swedish(tools)) : import('./haku-fi.js').then((m) => m.finnish(tools));
    LOADING[c] = mod.then((l) => { LANGS[c] = l; }, (e) => { delete LOADING[c]; throw e; });
  }
  return LOADING[c];
}

function langOf(lang) {
  const l = LANGS[code(lang)];
  if (!l) throw new Error(`the analysis of ${code(lang)} is not loaded (loadLanguage)`);
  return l;
}

function keep(w, lang) { return runeLen(w) >= 2 && !langOf(lang).stop.has(w); }

// analyse splits text into tokens {term, word, part} exactly as the Go
// function search.Analyze does (LanguageOf(lang).Analyze: lang is 'fi'
// or 'sv').
export function analyse(text, lang = 'fi') {
  const out = [];
  const rs = Array.from(String(text).normalize('NFC'));
  let i = 0;
  while (i < rs.length) {
    if (!isWordRune(rs[i])) { i++; continue; }
    const parts = [];
    for (;;) {
      let b = '';
      let n = 0;
      while (i < rs.length && isWordRune(rs[i])) {
        if (n < MAX_WORD_RUNES) {
          const f = foldRune(rs[i]);
          b += f;
          n += runeLen(f);
        }
        i++;
      }
      parts.push(b);
      if (i + 1 < rs.length && isHyphen(rs[i]) && isWordRune(rs[i + 1])) { i++; continue; }
      break;
    }
    if (i + 1 < rs.length && rs[i] === ':' && RE_LETTER.test(rs[i + 1])) {
      i++;
      while (i < rs.length && isWordRune(rs[i])) i++;
    }
    if (parts.length > 1) {
      const whole = parts.join('');
      if (keep(whole, lang)) out.push({ term: key(whole, lang), word: whole, part: false });
      for (const p of parts) if (keep(p, lang)) out.push({ term: key(p, lang), word: p, part: true });
      continue;
    }
    if (keep(parts[0], lang)) out.push({ term: key(parts[0], lang), word: parts[0], part: false });
  }
  return out;
}

// --- The Snowball machinery the stemmers share (haku-fi.js and
// haku-sv.js port blevesearch/snowballstem, BSD licence, Snowball
// project). They are only ever given words of the letters a–z, where a
// UTF-8 byte and a UTF-16 code unit are the same.

function among(s, a, b, f) { return { s, a, b, f }; }

class Env {
  constructor(s) {
    this.cur = s; this.cursor = 0; this.limit = s.length; this.lb = 0; this.bra = 0; this.ket = s.length;
  }
  replaceS(bra, ket, s) {
    const adj = s.length - (ket - bra);
    const rsplit = ket < bra ? bra : ket;
    this.cur = this.cur.slice(0, bra) + s + this.cur.slice(rsplit);
    this.limit += adj;
    if (this.cursor >= ket) this.cursor += adj;
    else if (this.cursor > bra) this.cursor = bra;
    return adj;
  }
  eqSB(s) {
    if (this.cursor - this.lb < s.length) return false;
    if (this.cur.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  }
  sliceFrom(s) { this.replaceS(this.bra, this.ket, s); return true; }
  sliceDel() { return this.sliceFrom(''); }
  sliceTo() { return this.cur.slice(this.bra, this.ket); }
  // grouping is Snowball's in- and outgrouping, forward and backward
  // (back): whether the letter after the cursor (before it, back) is in g
  // (not in g, out), moving the cursor past it when it is.
  grouping(g, min, max, back, out) {
    if (back ? this.cursor <= this.lb : this.cursor >= this.limit) return false;
    const r = this.cur.charCodeAt(this.cursor - back) - min;
    if ((r >= 0 && r <= max - min && (g[r >> 3] & (1 << (r & 7))) !== 0) === out) return false;
    this.cursor += back ? -1 : 1;
    return true;
  }
  inGrouping(g, min, max) { return this.grouping(g, min, max, 0, false); }
  inGroupingB(g, min, max) { return this.grouping(g, min, max, 1, false); }
  outGrouping(g, min, max) { return this.grouping(g, min, max, 0, true); }
  outGroupingB(g, min, max) { return this.grouping(g, min, max, 1, true); }
  // pastRegion moves the cursor past the first letter outside g that
  // follows one inside it, as Snowball's "goto g gopast non-g" marking a
  // region; it returns false when the word ends first.
  pastRegion(g, min, max) {
    for (;;) {
      const c = this.cursor;
      const inside = this.inGrouping(g, min, max);
      this.cursor = c;
      if (inside) break;
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
    for (;;) {
      if (this.outGrouping(g, min, max)) return true;
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
  }
  // setLimitB narrows the backward limit to mark, as Snowball's setlimit
  // tomark does; it returns the old limit, or -1 when the cursor is
  // before mark.
  setLimitB(mark) {
    if (this.cursor < mark) return -1;
    const lb = this.lb;
    this.lb = mark;
    return lb;
  }
  findAmongB(v, ctx) {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const lb = this.lb;
    let commonI = 0;
    let commonJ = 0;
    let first = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(commonI, commonJ);
      const w = v[k];
      for (let l = w.s.length - common - 1; l >= 0; l--) {
        if (c - common === lb) { diff--; break; }
        diff = this.cur.charCodeAt(c - common - 1) - w.s.charCodeAt(l);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first) break;
        first = true;
      }
    }
    for (;;) {
      const w = v[i];
      if (commonI >= w.s.length) {
        this.cursor = c - w.s.length;
        if (w.f) {
          const res = w.f(this, ctx);
          this.cursor = c - w.s.length;
          if (res) return w.b;
        } else {
          return w.b;
        }
      }
      i = w.a;
      if (i < 0) return 0;
    }
  }
}

function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }
const RE_ASCII_LETTERS = /^[a-z]*$/;

const keyCache = { fi: new Map(), sv: new Map() };
// key returns the index key of one folded word, as search.Key does (or
// the Swedish key, swedishKey, for lang 'sv').
export function key(w, lang = 'fi') {
  if (w.length < 3 || !RE_ASCII_LETTERS.test(w)) return w;
  const cache = keyCache[code(lang)];
  let k = cache.get(w);
  if (k === undefined) {
    k = langOf(lang).key(w);
    if (cache.size > 50000) cache.clear();
    cache.set(w, k);
  }
  return k;
}

// derive returns the keys of the other forms of the verbs folded word w
// may come from (the verb, its action nouns), as search.Derive does.
export function derive(w, lang = 'fi') { return langOf(lang).derive(w); }

const MIN_PART = 3;
const MAX_PARTS = 4;

// splitQuery splits a folded word into the keys of known parts, as
// search.SplitQuery does; has(key) tells whether a key is known.
export function splitQuery(w, has, lang = 'fi') {
  if (!RE_ASCII_LETTERS.test(w) || w.length < 2 * MIN_PART) return null;
  const n = w.length;
  const best = new Array(n + 1).fill(null);
  best[n] = [];
  for (let i = n - MIN_PART; i >= 0; i--) {
    for (let j = n; j >= i + MIN_PART; j--) {
      if (i === 0 && j === n) continue;
      const rest = best[j];
      if (rest === null || rest.length + 1 > MAX_PARTS) continue;
      if (best[i] !== null && rest.length + 1 >= best[i].length) continue;
      const k = key(w.slice(i, j), lang);
      if (!has(k)) continue;
      best[i] = [k, ...rest];
    }
  }
  if (best[0] === null || best[0].length < 2) return null;
  return best[0];
}

// ---------------------------------------------------------------------
// The index (see internal/search/wire.go for the format)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64V = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64V[B64.charCodeAt(i)] = i;

// decodeKeys returns the keys front-coded in k (a term set's k, or the
// bounds of the shards): separated by spaces, each the number of UTF-16
// code units it shares with the key before (one b64 character) and the
// rest.
function decodeKeys(k) {
  if (!k) return [];
  const keys = [];
  let prev = '';
  for (const e of k.split(' ')) {
    prev = prev.slice(0, B64V[e.charCodeAt(0)]) + e.slice(1);
    keys.push(prev);
  }
  return keys;
}

// decodePostings returns the postings of a list, {ids, ws}, in document
// order: written per document (the gap from the one before as a base-32
// varint, then the weight), or, when it starts with '.', grouped by weight
// (for each weight '.', the weight and the gaps of its documents; see
// wireList in internal/search/wire.go).
function decodePostings(s) {
  if (s.charCodeAt(0) === 46) return decodeGrouped(s);
  const ids = new Int32Array(s.length >> 1);
  const ws = new Uint8Array(s.length >> 1);
  let n = 0;
  let prev = -1;
  let i = 0;
  while (i < s.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const v = B64V[s.charCodeAt(i++)];
      gap |= (v & 31) << shift;
      shift += 5;
      if ((v & 32) === 0) break;
    }
    prev += gap;
    ids[n] = prev;
    ws[n++] = B64V[s.charCodeAt(i++)];
  }
  return { ids: ids.subarray(0, n), ws: ws.subarray(0, n) };
}

function decodeGrouped(s) {
  const got = new Int32Array(s.length);
  const gw = new Uint8Array(s.length);
  let n = 0;
  let last = -1;
  let w = 0;
  let prev = -1;
  let i = 1;
  while (i < s.length) {
    if (s.charCodeAt(i) === 46) {
      w = B64V[s.charCodeAt(i + 1)];
      prev = -1;
      i += 2;
      continue;
    }
    let gap = 0;
    let shift = 0;
    for (;;) {
      const v = B64V[s.charCodeAt(i++)];
      gap |= (v & 31) << shift;
      shift += 5;
      if ((v & 32) === 0) break;
    }
    prev += gap;
    got[n] = prev;
    gw[n++] = w;
    if (prev > last) last = prev;
  }
  // A document has one weight (1-63, never 0): placed by document, the
  // postings come out in order without a sort.
  const at = new Uint8Array(last + 1);
  for (let j = 0; j < n; j++) at[got[j]] = gw[j];
  const ids = new Int32Array(n);
  const ws = new Uint8Array(n);
  for (let d = 0, j = 0; d <= last; d++) if (at[d]) { ids[j] = d; ws[j++] = at[d]; }
  return { ids, ws };
}

// listLength is the length of the postings p ({ids, ws}, in order) written
// per document, whichever way the index wrote them: what encodedLength
// compares, as it did before lists were grouped.
function listLength(p) {
  let len = 0;
  let prev = -1;
  for (let i = 0; i < p.ids.length; i++) {
    for (let g = p.ids[i] - prev; g >= 32; g >>= 5) len++;
    len += 2;
    prev = p.ids[i];
  }
  return len;
}

// topK returns the k best of ids by score (descending, then by id), in
// order, without sorting them all.
function topK(ids, score, k) {
  const better = (a, b) => score[a] > score[b] || (score[a] === score[b] && a < b);
  if (ids.length <= 4 * k) return ids.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k);
  // A min-heap (the worst on top) of the k best so far.
  const heap = [];
  const down = (i) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w], heap[l])) w = l;
      if (r < heap.length && better(heap[w], heap[r])) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w], heap[i]];
      i = w;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!better(heap[p], heap[i])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    } else if (k > 0 && better(id, heap[0])) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

// How much a page matched another way than by the word typed weighs: a
// synonym or a derived form (the thesaurus and derive) less than any form
// of the word itself, a typo least.
// When the index lacks the word typed, its synonyms and derived forms are
// what it means, and weigh as much as a word of another part of the query
// (meant).
const MATCH = { exact: 1, hyphen: 0.8, meant: 0.8, compound: 0.7, prefix: 0.6, head: 0.5, synonym: 0.45, derived: 0.45, typo: 0.4, typo2: 0.3 };
const MIN_HEAD = 5;
const MAX_PREFIX_KEYS = 60;
const TYPO_MIN_LETTERS = 6;
const TYPO_MAX_LETTERS = 24;
const TYPO2_MIN_LETTERS = 10;
const MAX_QUERY_WORDS = 8;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

// FORMAT is the version of index.json this script reads: the Go side
// (internal/search, manifest.V) raises both together whenever the files'
// layout changes (2: the shard bounds front-coded in one string; 3: lists
// of postings grouped by weight where that is shorter; 4: the postings a
// list cut short leaves out also by page, w/N.json; 5: a shard's long
// lists in files of their own, t/lN.json).
const FORMAT = 5;

class SearchIndex {
  constructor(base, fetchFn, m) {
    if (!m || m.v !== FORMAT) throw new Error('unknown search index format');
    this.base = base;
    this.fetchFn = fetchFn;
    this.m = m;
    this.n = m.n;
    this.bytes = 0;
    this.terms = new Map();
    this.decoded = new Map();
    this.rows = new Array(m.n);
    this.area = new Int16Array(m.n).fill(-1);
    this.kt = new Uint8Array(m.n);
    this.aud = new Uint8Array(m.n);
    let d = 0;
    m.ac.forEach((count, a) => { for (let i = 0; i < count; i++) this.area[d++] = a; });
    // The facet codes come as runs (see facetCodes in
    // internal/search/facets.go): a code and how many documents have it.
    const f = m.fr || '';
    for (let i = 0, id = 0; i < f.length && id < m.n;) {
      const v = B64V[f.charCodeAt(i)] * 64 + B64V[f.charCodeAt(i + 1)];
      let count = 0;
      let shift = 0;
      for (i += 2; ;) {
        const c = B64V[f.charCodeAt(i++)];
        count |= (c & 31) << shift;
        shift += 5;
        if ((c & 32) === 0) break;
      }
      this.kt.fill(v >> 5, id, id + count);
      this.aud.fill(v & 31, id, id + count);
      id += count;
    }
    this.lang = m.lang === 'sv' ? 'sv' : 'fi';
    if (m.terms) {
      this.allKeys = this.addTerms(m.terms);
      (m.docs || []).forEach((row, i) => { this.rows[i] = row; });
    }
  }

  // tally counts page id in counts, under each facet's value it has when
  // it passes the other facets' filters (want: areaWant and kindWant, sets
  // of numbers or null; audWant, a bit mask or null), and tells whether it
  // passes them all.
  tally(counts, id, { areaWant, kindWant, audWant }) {
    const a = this.area[id];
    const kt = this.kt[id];
    const au = this.aud[id];
    const okArea = !areaWant || (a >= 0 && areaWant.has(a));
    const okKind = !kindWant || kindWant.has(kt);
    const okAud = audWant === null || (au & audWant) !== 0;
    if (okKind && okAud && a >= 0) counts.teema[a]++;
    if (okArea && okAud && kt < 4) counts.kind[kt]++;
    if (okArea && okKind) for (let b = 0; b < this.m.aud.length; b++) if (au & (1 << b)) counts.audience[b]++;
    return okArea && okKind && okAud;
  }

  // facetCounts tallies the pages whose score in acc is above 0 (every
  // page for acc null: which values of each facet some page of the index
  // has that passes the other facets' filters, whatever the query, those
  // a hit not yet read could have), and puts those that pass every filter
  // in hits.
  facetCounts(want, acc, hits = []) {
    const m = this.m;
    const counts = { teema: new Int32Array(m.areas.length), kind: new Int32Array(4), audience: new Int32Array(m.aud.length) };
    for (let id = 0; id < this.n; id++) if ((!acc || acc[id] > 0) && this.tally(counts, id, want)) hits.push(id);
    return counts;
  }

  async fetchJSON(path) {
    const url = this.base + path + (this.m.h ? '?v=' + this.m.h : '');
    const r = await this.fetchFn(url);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    const text = await r.text();
    this.bytes += text.length;
    return JSON.parse(text);
  }

  // ensure loads the keys given and keysWithPrefix those that start with
  // p: an index in one file has them all (haku-shards.js reads them for
  // an index in shards).
  async ensure() {}

  async keysWithPrefix(p) { return this.allKeys.filter((k) => k.startsWith(p)); }

  // addTerms adds a term set ({k, p}: front-coded keys and their postings,
  // see termSet in internal/search/wire.go) and returns its keys.
  addTerms(t) {
    const keys = decodeKeys(t.k);
    const ps = t.p.split(' ');
    keys.forEach((k, i) => this.terms.set(k, ps[i]));
    return keys;
  }

  has(k) { return this.terms.has(k); }

  // df is the number of pages key k (which the index has) is on.
  df(k) { return this.postings(k).df; }

  // loadLists loads the postings of the keys given, which scoreOps and
  // postings then read: an index in one file has them all (haku-shards.js
  // reads the lists a shard keeps in files of their own).
  async loadLists() {}

  // synonyms returns the phrases the thesaurus gives for key k, each a
  // list of keys (see Syn in internal/search/wire.go).
  synonyms(k) {
    const alts = this.m.syn && Object.hasOwn(this.m.syn, k) ? this.m.syn[k] : null;
    return alts ? alts.map((a) => a.split(' ')) : [];
  }

  // synonymKey returns the one-word synonym of k the index has, or ''.
  synonymKey(k) {
    const alt = this.synonyms(k).find((a) => a.length === 1);
    return alt ? alt[0] : '';
  }

  // prefixes returns the first three letters of the known keys of four
  // letters or more.
  prefixes() {
    if (!this.pre3 || this.pre3Size !== this.terms.size) {
      this.pre3 = new Set();
      for (const k of this.terms.keys()) if (k.length >= 4) this.pre3.add(k.slice(0, 3));
      this.pre3Size = this.terms.size;
    }
    return this.pre3;
  }

  // postings returns the postings of key k that are loaded, {ids, ws},
  // with df, the number of pages the key has (haku-shards.js adds what
  // it needs of a list cut short).
  postings(k) {
    let p = this.decoded.get(k);
    if (p === undefined) {
      const s = this.terms.get(k);
      p = s === undefined ? null : decodePostings(s);
      if (p) p.df = p.ids.length;
      this.decoded.set(k, p);
    }
    return p;
  }

  // encodedLength is the length of the whole list of postings of key k as
  // the index writes it per document (a list grouped by weight is
  // shorter, not rarer).
  encodedLength(k) {
    const s = this.terms.get(k);
    return s.charCodeAt(0) === 46 ? listLength(this.postings(k)) : s.length;
  }

  idf(df) { return Math.log(1 + (this.n - df + 0.5) / (df + 0.5)); }

  // opIdf is the idf of a key of an op of keys a page must have all of,
  // no more than that of the word typed when the index has it (maxIdf).
  opIdf(df, op) { return Math.min(this.idf(df), op.maxIdf ?? Infinity); }

  // split splits a query word into known parts (splitQuery), once
  // loadParts has loaded the keys it may need; with load false, in the
  // shards already loaded.
  async split(w, load = true) {
    if (!RE_ASCII_LETTERS.test(w) || w.length < 2 * MIN_PART) return null;
    if (load) await this.loadParts(w);
    const parts = splitQuery(w, (k) => this.has(k) || this.synonymKey(k) !== '', this.lang);
    return parts && parts.map((k) => (this.has(k) ? k : this.synonymKey(k)));
  }

  async loadParts() {}

  // rowsOf returns the rows (url, title, excerpt) of the documents ids.
  async rowsOf(ids) {
    return ids.map((id) => this.rows[id]);
  }

  // matchWord finds the keys of one query word: its key, the parts of a
  // hyphenated or compound word, the compounds it is the head of, the
  // keys it is a prefix of (the word being typed, when it is not a known
  // word itself), and the keys one typo away. It returns those keys and
  // their weights (ops), which scoreOps scores once their postings are
  // loaded (loadLists); it reads only the keys and how many pages each is
  // on.
  async matchWord(w, typing) {
    // The keys matched and how much each weighs, as ops for scoreOps:
    // {key, f} for a key alone, {keys, factor} for keys a page must have
    // all of.
    const ops = [];
    // Other keys than the word's own never weigh more than it (a rare
    // compound that ends in the word would otherwise outrank the word, and
    // a synonym of two rarer words every page of a common one).
    let maxIdf = Infinity;
    const add = (k, factor) => {
      if (!this.has(k)) return false;
      ops.push({ key: k, f: (Math.min(this.idf(this.df(k)), maxIdf) * factor) / 63 });
      return true;
    };
    const addAll = (keys, factor) => {
      if (keys.some((k) => !this.has(k))) return;
      ops.push({ keys, factor, maxIdf });
    };
    await this.ensure([w.term, ...w.parts]);
    // The shards of the word's derived forms, its synonyms and the parts
    // it may split into load together, in one round, before any is looked
    // up: what a word finds must not depend on the shards an earlier query
    // (the same word typed letter by letter) happened to load, or a query
    // opened by its address lists fewer pages than the same query typed.
    const lang = langOf(this.lang);
    const known = this.has(w.term);
    const splits = (!known || lang.splitKnown) && RE_ASCII_LETTERS.test(w.word) && w.word.length >= 2 * MIN_PART;
    const derivedAll = derive(w.word, this.lang);
    await Promise.all([this.ensure([...derivedAll, ...this.synonyms(w.term).flat()]), splits ? this.loadParts(w.word) : null]);
    const derived = derivedAll.filter((k) => this.has(k));
    // A verb in -tua/-tyä (palautua, palaudun) has the key of the noun in
    // -te (palaute): when the index has one of its derived forms, that is
    // the surer reading, and the key weighs as a derived form.
    const vf = langOf(this.lang).verbFirst;
    const verbFirst = !!vf && vf(w.word) && derived.some((k) => this.has(k));
    const exact = add(w.term, verbFirst ? MATCH.derived : MATCH.exact);
    if (exact) maxIdf = this.idf(this.df(w.term));
    if (w.parts.length > 1) addAll(w.parts, MATCH.hyphen);
    // A compound word the index does not know matches pages that have its
    // parts; a Swedish one (splitKnown) also when the index knows it, so
    // that "distansmöten" finds pages of "distans" and "möten" below the
    // one that writes "distansmöte".
    if (!exact || lang.splitKnown) {
      const parts = await this.split(w.word, false);
      // Finnish parts of three letters are too often the stem of another
      // word (sähköauto -> sähk + aut); Swedish keys of three letters are
      // common words' (mötesregler -> mot + regl): minCompoundKey.
      if (parts && parts.every((k) => k.length >= (lang.minCompoundKey || 4))) addAll(parts, MATCH.compound);
    }
    // A verb finds its action nouns and back.
    for (const k of derived) add(k, exact && !verbFirst ? MATCH.derived : MATCH.meant);
    // The thesaurus: other words for the same thing rank below the word.
    let alts = this.synonyms(w.term);
    if (alts.length) {
      alts = alts.filter((alt) => alt.every((k) => this.has(k)));
      for (const alt of alts) {
        const f = exact ? MATCH.synonym : MATCH.meant;
        if (alt.length === 1) add(alt[0], f);
        else addAll(alt, f);
      }
    }
    // A word matches the compounds it ends ("ehkäisy" finds
    // "ennaltaehkäisy"); the sharded index looks only in the shards it has.
    if (w.term.length >= MIN_HEAD && RE_ASCII_LETTERS.test(w.term)) {
      const keys = this.allKeys || [...this.terms.keys()];
      for (const k of keys) if (k.length > w.term.length + 2 && k.endsWith(w.term)) add(k, MATCH.head);
    }
    if (typing && !exact && runeLen(w.word) >= 3) {
      const seen = new Set([w.term]);
      let keys = [];
      // The key as a prefix reaches the forms the word being typed may
      // become; a key of four letters or fewer reaches too much.
      for (const p of new Set(w.term.length >= 5 ? [w.word, w.term] : [w.word])) {
        for (const k of await this.keysWithPrefix(p)) if (!seen.has(k)) { seen.add(k); keys.push(k); }
      }
      if (keys.length > MAX_PREFIX_KEYS) {
        keys = keys.map((k) => [k, this.encodedLength(k)]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_PREFIX_KEYS).map((x) => x[0]);
      }
      for (const k of keys) add(k, MATCH.prefix);
    }
    // A word the thesaurus knows is no typo.
    if (!exact && !alts.length && w.word.length >= TYPO_MIN_LETTERS && w.word.length <= TYPO_MAX_LETTERS && RE_ASCII_LETTERS.test(w.word)) {
      let found = false;
      for (const k of typoKeys(w.word, w.term, (x) => this.has(x), this.prefixes(), this.lang)) found = add(k, MATCH.typo) || found;
      // Two edits in a long word, only when one edit found nothing, so
      // that they always rank below it.
      if (!found && w.word.length >= TYPO2_MIN_LETTERS) {
        const keys = await this.keysWithPrefix(w.term.slice(0, 1));
        for (const k of typo2Keys(w.term, keys)) add(k, MATCH.typo2);
      }
    }
    return ops;
  }

  // scoreOps returns the scores of a query word whose keys matched are
  // ops (see matchWord), from the postings loaded: a score for every
  // document (0 for none), the keys that matched some document, and
  // least, the most pages a key alone matched. For an index whose lists
  // are cut short, haku-shards.js adds what the postings not loaded could
  // give (bound).
  scoreOps(ops) {
    const n = this.n;
    const scores = new Float64Array(n);
    const matched = new Set();
    let least = 0;
    for (const op of ops) {
      if (op.key !== undefined) {
        const p = this.postings(op.key);
        const f = op.f;
        least = Math.max(least, p.df);
        for (let i = 0; i < p.ids.length; i++) {
          const s = p.ws[i] * f;
          if (s > scores[p.ids[i]]) scores[p.ids[i]] = s;
        }
        matched.add(op.key);
        continue;
      }
      const { keys, factor } = op;
      const ps = keys.map((k) => this.postings(k));
      const sum = new Float64Array(n);
      const count = new Uint8Array(n);
      ps.forEach((p, j) => {
        const f = this.opIdf(p.df, op) / 63;
        for (let i = 0; i < p.ids.length; i++) {
          const id = p.ids[i];
          if (count[id] === j) { count[id] = j + 1; sum[id] += p.ws[i] * f; }
        }
      });
      let any = false;
      for (let id = 0; id < n; id++) {
        if (count[id] !== keys.length) continue;
        any = true;
        const s = (sum[id] * factor) / keys.length;
        if (s > scores[id]) scores[id] = s;
      }
      if (any) keys.forEach((k) => matched.add(k));
    }
    return { scores, matched, least };
  }

  // search runs a query. filters holds teema, kind and audience, each a
  // slug or a list of slugs (any of them matches); options.limit and
  // options.offset choose the hits returned (10 from 0).
  //
  // A large index leaves out the weakest postings of its longest lists
  // (see termSet in internal/search/wire.go). The hits returned are those
  // all the postings give, in the same order: search reads the postings
  // left out when they could change them. Until it has read them, total
  // counts the hits it knows of and exact is false, and so is facetsExact,
  // which tells whether the facet counts are whole; with no hit at all
  // total is exact anyway (settle reads on while a page the filters let
  // through could score: none can, the filters let no page through).
  async search(query, filters = {}, options = {}) {
    const limit = options.limit === undefined ? 10 : options.limit;
    const offset = options.offset || 0;
    const q = String(query || '');
    const words = queryWords(q, this.lang).slice(0, MAX_QUERY_WORDS);
    const typing = q !== '' && !/[\s.,;:!?"'()]$/u.test(q);
    // The words' own shards load together; then each word is matched in
    // turn, so that what one word finds in the shards another loaded
    // (compounds it ends, typos) does not depend on which came first.
    await this.ensure(words.flatMap((w) => [w.term, ...w.parts]));
    const wordOps = [];
    for (const [i, w] of words.entries()) wordOps.push(await this.matchWord(w, typing && i === words.length - 1));
    // The lists of every word's keys load together, in one round.
    await this.loadLists(wordOps.flat().flatMap((op) => (op.key !== undefined ? [op.key] : op.keys)));
    let results = wordOps.map((ops) => ({ ops, ...this.scoreOps(ops) }));
    // Filters as area numbers, kind numbers and an audience bit mask.
    const m = this.m;
    const areaWant = indexSet(asSet(filters.teema), m.areas.map((a) => a[0]));
    const kindWant = indexSet(asSet(filters.kind), m.kt.slice(0, 4));
    const audList = asSet(filters.audience);
    let audWant = 0;
    if (audList) m.aud.forEach((a, b) => { if (audList.has(a)) audWant |= 1 << b; });
    const passes = (id) => {
      const a = this.area[id];
      return (!areaWant || (a >= 0 && areaWant.has(a))) && (!kindWant || kindWant.has(this.kt[id])) && (!audList || (this.aud[id] & audWant) !== 0);
    };
    results = await this.settle(results, passes, offset + limit);
    const exact = !results.some((r) => r.bound > 0);
    const acc = this.combine(results);
    const want = { areaWant, kindWant, audWant: audList ? audWant : null };
    const hits = [];
    // No scores (no word matched) count no page.
    const counts = this.facetCounts(want, acc || [], hits);
    let total = hits.length;
    const totalExact = exact || (hits.length === 0 && offset + limit > 0);
    // A word's pages are at least those of any key it matched alone; the
    // pages that have every word of several, at least the pages of the
    // words but those the others miss (n each at most): a two-word query
    // of common words has far more hits than the few its loaded postings
    // share.
    if (!exact && results.length && !areaWant && !kindWant && !audList) {
      total = Math.max(total, results.reduce((sum, r) => sum + r.least, 0) - (results.length - 1) * this.n);
    }
    // Until every posting is read, a value with no hit known may have some
    // in the postings not read: every value a page of the index has, with
    // the other filters, is listed, its count (0 too) a lower bound.
    const open = exact ? null : this.facetCounts(want, null);
    const facets = { teema: {}, kind: {}, audience: {} };
    m.areas.forEach((a, i) => { if (counts.teema[i] || open?.teema[i]) facets.teema[a[0]] = counts.teema[i]; });
    m.kt.slice(0, 4).forEach((k, i) => { if (counts.kind[i] || open?.kind[i]) facets.kind[k] = counts.kind[i]; });
    m.aud.forEach((k, i) => { if (counts.audience[i] || open?.audience[i]) facets.audience[k] = counts.audience[i]; });
    const page = topK(hits, acc, offset + limit).slice(offset);
    const rows = await this.rowsOf(page);
    const matched = new Set();
    for (const r of results) for (const k of r.matched) matched.add(k);
    return {
      lang: this.lang,
      total,
      exact: totalExact,
      facetsExact: exact,
      hits: page.map((id, i) => {
        const [url, title, excerpt] = rows[i];
        const a = this.area[id];
        return {
          url, title, excerpt, score: acc[id],
          teema: a >= 0 ? m.areas[a][0] : '',
          area: a >= 0 ? m.areas[a][1] : '',
          kind: m.kt[this.kt[id]],
          audience: m.aud.filter((_, b) => this.aud[id] & (1 << b)),
        };
      }),
      facets,
      terms: [...matched],
      words: words.map((w) => w.word),
      prefix: typing && words.length ? words[words.length - 1].word : '',
      suggestion: hits.length === 0 && !acc?.some((x) => x > 0) ? await this.suggest(q, results) : '',
    };
  }

  // settle returns the results of the query's words once sure of its
  // first k hits that pass: an index in one file has every posting
  // loaded (haku-shards.js reads the postings left out of a list cut
  // short when they could change them).
  async settle(results) { return results; }

  // combine adds up the scores of the query's words: a page must have
  // every word, or when none has, any of them (at half weight). It
  // returns null for no words.
  combine(results) {
    const n = this.n;
    let acc = null;
    for (const r of results) {
      if (acc === null) { acc = Float64Array.from(r.scores); continue; }
      for (let id = 0; id < n; id++) acc[id] = acc[id] > 0 && r.scores[id] > 0 ? acc[id] + r.scores[id] : 0;
    }
    if (results.length > 1 && !acc.some((s) => s > 0)) {
      // No page has every word: rank the pages that have some of them.
      acc.fill(0);
      for (const r of results) for (let id = 0; id < n; id++) acc[id] += r.scores[id] / 2;
    }
    return acc;
  }

  // suggest returns the query q with each word that matched nothing
  // replaced by a close word of the index ("kiree" -> "kiire"), for "Did
  // you mean"; '' when no word can be replaced. A replacement is written as
  // a page writes it: the word with that key in the title or excerpt of
  // the page that weighs it most, or else the edit of the typed word that
  // has the key.
  async suggest(q, results) {
    const pieces = q.split(/(\s+)/);
    let changed = false;
    let r = 0;
    const out = [];
    for (const piece of pieces) {
      const toks = analyse(piece, this.lang).filter((t) => !t.part && !fillers(this.lang).has(t.word));
      if (!toks.length) { out.push(piece); continue; }
      const res = results[r++];
      const w = toks[0];
      if (!res || res.matched.size > 0 || runeLen(w.word) < 4 || !RE_ASCII_LETTERS.test(w.word)) { out.push(piece); continue; }
      const near = await this.nearest(w.word, w.term);
      if (!near) { out.push(piece); continue; }
      out.push(near);
      changed = true;
    }
    return changed ? out.join('').trim() : '';
  }

  // nearest returns a word one edit from w (whose key is k) as a page
  // writes it in a title or excerpt (two edits from w at most, as an
  // inflected form may be), or a word of the thesaurus, or ''.
  // The keys one edit away are tried by the pages they have, most first;
  // a key no page writes where the index keeps text is passed over, since
  // the edit that reaches it is often no word at all ("taukp" -> "tauk",
  // "hanke" -> "hane"), and a word the reader cannot recognise helps less
  // than no suggestion.
  async nearest(w, k) {
    await this.keysWithPrefix(w.slice(0, 1));
    const found = new Map();
    for (const v of editsOf(w)) {
      const vk = key(v, this.lang);
      if (vk === k || vk.length < 3) continue;
      // A word the thesaurus knows counts by the pages of its synonym.
      const hk = this.has(vk) ? vk : this.synonymKey(vk);
      if (!hk || found.has(hk)) continue;
      found.set(hk, { variant: v, thesaurus: hk !== vk });
    }
    // A synonym's key may be in a shard not loaded yet (the manifest
    // names it): its pages are counted once it is.
    await this.ensure([...found.keys()]);
    for (const [hk, c] of found) c.df = this.df(hk);
    const order = [...found.entries()].sort((a, b) => b[1].df - a[1].df).slice(0, SUGGEST_KEYS);
    for (const [hk, c] of order) {
      if (c.thesaurus) return c.variant;
      await this.loadLists([hk]);
      const p = this.postings(hk);
      const top = Array.from(p.ids, (id, i) => [id, p.ws[i]]).sort((a, b) => b[1] - a[1]).slice(0, SUGGEST_PAGES).map((x) => x[0]);
      for (const row of await this.rowsOf(top)) {
        for (const text of [row[1], row[2]]) {
          for (const span of String(text).split(/[^\p{L}\p{Nd}-]+/u)) {
            const t = analyse(span, this.lang)[0];
            if (t && !t.part && t.term === hk && editDistance(t.word, w, 2) <= 2) return span.toLowerCase();
          }
        }
      }
    }
    return '';
  }

  // labels returns the names readers see for kinds and page types (kind)
  // and audiences (audience), as the index gives them.
  labels() {
    const m = this.m;
    return {
      kind: Object.fromEntries(m.kt.map((k, i) => [k, (m.ktl || [])[i] || k])),
      audience: Object.fromEntries(m.aud.map((a, i) => [a, (m.audl || [])[i] || a])),
    };
  }

  // areaTitles maps area slugs to their titles.
  areaTitles() { return Object.fromEntries(this.m.areas); }
}

// indexSet turns a set of names into the set of their positions in list.
function indexSet(names, list) {
  if (!names) return null;
  const out = new Set();
  list.forEach((v, i) => { if (names.has(v)) out.add(i); });
  return out;
}

function asSet(v) {
  if (v === undefined || v === null || v === '') return null;
  const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== '');
  return list.length ? new Set(list) : null;
}

// fillers are the words of a question that say nothing of what is asked
// ("miten voisin tukea", "hur ska man ordna"): a query leaves them out
// unless it has nothing else.
function fillers(lang) { return langOf(lang).fillers; }

// queryWords groups a query's tokens into words, fillers left out; a
// hyphenated word keeps its parts.
function queryWords(q, lang) {
  const words = [];
  const tokens = analyse(q, lang);
  const meant = tokens.filter((t) => !fillers(lang).has(t.word));
  for (const t of meant.length ? meant : tokens) {
    const last = words[words.length - 1];
    if (t.part && last && last.word.includes(t.word) && last.hyphen) {
      last.parts.push(t.term);
      continue;
    }
    words.push({ term: t.term, word: t.word, parts: [], hyphen: !t.part });
  }
  return words;
}

// typo2Keys returns the keys among keys at most two edits from the key t
// (a letter wrong, missing or extra, or two letters swapped, each one
// edit: optimal string alignment), both of seven letters or more.
export function typo2Keys(t, keys) {
  const out = [];
  if (t.length < 7) return out;
  for (const k of keys) {
    if (k === t || k.length < 7 || Math.abs(k.length - t.length) > 2) continue;
    if (editDistance(t, k, 2) <= 2) out.push(k);
  }
  return out.sort();
}

// editDistance is the optimal string alignment distance of a and b, or
// max + 1 once it is sure to pass max.
export function editDistance(a, b, max) {
  const n = b.length;
  let pp = null;
  let p = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const c = new Array(n + 1);
    c[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
      if (pp && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, pp[j - 2] + 1);
      c[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    pp = p;
    p = c;
  }
  return p[n];
}

// editsOf returns the words one edit from w: a letter wrong, missing or
// extra, or two letters swapped.
// A suggestion looks at the SUGGEST_KEYS keys one edit away that have
// the most pages, and in the titles and excerpts of the SUGGEST_PAGES
// pages that weigh each most.
const SUGGEST_KEYS = 3;
const SUGGEST_PAGES = 4;

function editsOf(w) {
  const out = new Set();
  for (let i = 0; i < w.length; i++) {
    out.add(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const c of ALPHABET) if (c !== w[i]) out.add(w.slice(0, i) + c + w.slice(i + 1));
  }
  for (let i = 0; i <= w.length; i++) for (const c of ALPHABET) out.add(w.slice(0, i) + c + w.slice(i));
  out.delete(w);
  return out;
}

// typoKeys returns the known keys of the words one letter away from w:
// one letter wrong, missing, extra, or two letters swapped. Only variants
// whose first three letters start some known key of four letters or more
// are stemmed (prefixes, a Set of those first three letters).
export function typoKeys(w, self, has, prefixes, lang = 'fi') {
  const out = new Set();
  for (const v of editsOf(w)) {
    if (prefixes && !prefixes.has(v.slice(0, 3))) continue;
    const k = key(v, lang);
    // A key much shorter than the word, and not its start, is the stem of
    // another word the stemmer cut short (verotus -> vertus -> vert), not a
    // typo; a typo in a long ending keeps the start (luottamuksesa).
    const near = 5 * k.length >= 3 * w.length || (k.length >= 5 && w.startsWith(k));
    if (k !== self && k.length >= 4 && near && has(k)) out.add(k);
  }
  return [...out].sort();
}

// loadIndex fetches baseURL + "index.json" (baseURL ends in "/") with
// fetchFn (fetch by default), loads the analysis of the index's language
// (loadLanguage), and haku-shards.js for an index in shards, and returns
// the index, whose search method runs a query.
export async function loadIndex(baseURL, fetchFn = globalThis.fetch.bind(globalThis)) {
  const base = baseURL.endsWith('/') ? baseURL : baseURL + '/';
  let r = await fetchFn(base + 'index.json');
  if (!r.ok) throw new Error(`${base}index.json: ${r.status}`);
  let text = await r.text();
  let m = JSON.parse(text);
  if (m && m.v !== FORMAT) {
    // An index.json of another build, kept by a cache after the site was
    // published anew: asked for once more, past the cache.
    r = await fetchFn(base + 'index.json', { cache: 'reload' });
    if (!r.ok) throw new Error(`${base}index.json: ${r.status}`);
    text = await r.text();
    m = JSON.parse(text);
  }
  // An index in shards (no terms in the manifest) needs the code that
  // reads them, loaded along with the language's.
  const [Index] = await Promise.all([
    m && m.v === FORMAT && !m.terms ? import('./haku-shards.js').then((s) => s.sharded({ SearchIndex, decodeKeys, decodePostings, topK, key, MIN_PART, MAX_PARTS })) : SearchIndex,
    loadLanguage(m && m.lang),
  ]);
  const idx = new Index(base, fetchFn, m);
  idx.bytes += text.length;
  return idx;
}

// highlight splits text into [{text, mark}] segments, marking the words
// a search result matched: words whose key it matched, compounds that
// hold a matched key, and words that start with the word being typed.
export function highlight(text, result) {
  const terms = new Set(result.terms || []);
  const long = [...terms].filter((k) => k.length >= 4);
  const prefix = result.prefix || '';
  const cps = Array.from(String(text));
  const out = [];
  let plain = '';
  let i = 0;
  while (i < cps.length) {
    if (!isWordRune(cps[i])) { plain += cps[i++]; continue; }
    let j = i;
    for (;;) {
      while (j < cps.length && isWordRune(cps[j])) j++;
      if (j + 1 < cps.length && isHyphen(cps[j]) && isWordRune(cps[j + 1])) { j++; continue; }
      break;
    }
    const span = cps.slice(i, j).join('');
    const hit = analyse(span, result.lang).some((t) => terms.has(t.term) ||
      (prefix.length >= 3 && t.word.startsWith(prefix)) ||
      long.some((k) => t.word.includes(k)));
    if (hit) {
      if (plain) out.push({ text: plain, mark: false });
      plain = '';
      out.push({ text: span, mark: true });
    } else {
      plain += span;
    }
    i = j;
  }
  if (plain) out.push({ text: plain, mark: false });
  return out;
}

// ---------------------------------------------------------------------
// The search page

// WORDS are the page's words for the search (the JSON of
// <script type="application/json" id="words-search">, from the theme's table): the facets' names, the status
// sentences, and the names of kinds, page types and audiences, which
// take the place of those the index carries (SearchIndex.labels). Empty
// outside a page.
const WORDS = words('search');
const t = (key, vars) => fill(WORDS, key, vars);
// labels are the index's names of kinds, types and audiences, with the
// page's own words in their place where it has them (kind.tieto,
// audience.johto, type.helmi).
function labels(idx) {
  const l = idx.labels();
  const out = { kind: { ...l.kind }, audience: { ...l.audience } };
  for (const [f, names] of [['kind', out.kind], ['type', out.kind], ['audience', out.audience]]) {
    for (const k of Object.keys(names)) names[k] = WORDS[f + '.' + k] || names[k];
  }
  return out;
}

const FACETS = ['teema', 'kind', 'audience'];
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;
// A reader who types slowly, as many do on a phone or with a screen
// reader's echo, would hear the count of every prefix they pass ("52
// osumaa haulla ”ver”"...): the count waits until they pause for three
// of their own keystrokes' time, at most QUIET_MS (and that long after a
// first keystroke, whose rhythm is not known yet).
const QUIET_MS = 1200;

// statusText is the sentence announced after a search; total is a
// lower bound when exact is false.
export function statusText(total, q, exact = true) {
  if (!exact) return t('status.many', { n: total, q });
  return t(total === 0 ? 'status.none' : total === 1 ? 'status.one' : 'status.other', { n: total, q });
}

function startPage(doc, win) {
  const byId = (id) => doc.getElementById('search-' + id);
  const results = byId('results');
  const input = byId('input');
  const form = byId('form');
  const facetsBox = byId('facets');
  // On a phone the filters would push the hits below the fold: they start
  // folded there, open on a wide screen or when a filter is already on.
  const filters = byId('filters');
  const filterSummary = filters && filters.querySelector('summary');
  const status = byId('status');
  const script = doc.querySelector('script[data-index]');
  const base = script && script.dataset.index ? script.dataset.index : 'index/';
  const params = new URLSearchParams(win.location.search);
  const state = { q: params.get('q') || '', shown: PAGE_SIZE };
  for (const f of FACETS) state[f] = params.getAll(f).filter((v) => v !== '');
  if (filters) {
    const wide = win.matchMedia && win.matchMedia('(min-width: 48em)').matches;
    filters.open = wide || FACETS.some((f) => state[f].length > 0);
  }
  if (input) input.value = state.q;

  let index = null;
  const getIndex = () => {
    if (!index) {
      // The index is in the page's language: its analysis loads while
      // the index does, not after it.
      loadLanguage(doc.documentElement.lang).catch(() => {});
      index = loadIndex(base).catch((e) => { index = null; throw e; });
    }
    return index;
  };
  let seq = 0;
  let more = null;
  // added is where the hits "more" asks for start, 0 for a new search.
  let added = 0;

  const el = (tag, cls, text) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function syncURL() {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const f of FACETS) for (const v of state[f]) p.append(f, v);
    const qs = p.toString();
    const url = win.location.pathname + (qs ? '?' + qs : '') + win.location.hash;
    try { win.history.replaceState(win.history.state, '', url); } catch { /* file:// */ }
  }

  function renderHits(res, labels) {
    const items = res.hits.map((h) => {
      const li = el('li', 'search-hit');
      // A heading each, so that a screen reader's next-heading key goes
      // from hit to hit.
      const a = el('a', 'search-hit-title', h.title);
      a.href = h.url;
      const head = el('h2', 'search-hit-head');
      head.append(a);
      li.append(head);
      const meta = [h.area, labels.kind[h.kind] || ''].filter(Boolean).join(' · ');
      if (meta) li.append(el('p', 'search-hit-meta', meta));
      if (h.excerpt) {
        const p = el('p', 'search-hit-excerpt');
        for (const s of highlight(h.excerpt, res)) p.append(s.mark ? el('mark', '', s.text) : doc.createTextNode(s.text));
        li.append(p);
      }
      return li;
    });
    results.replaceChildren(...items);
    if (!more) {
      more = el('button', 'search-more', t('more'));
      more.type = 'button';
      more.addEventListener('click', () => { added = results.children.length; state.shown += PAGE_SIZE; run(); });
      results.after(more);
    }
    more.hidden = res.exact !== false && res.total <= res.hits.length;
  }

  function renderFacets(res, idx) {
    if (!facetsBox) return;
    const active = doc.activeElement;
    const focus = active && facetsBox.contains(active) ? [active.name, active.value] : null;
    const titles = idx.areaTitles();
    const order = {
      teema: idx.m.areas.map((a) => a[0]),
      kind: idx.m.kt.slice(0, 4),
      audience: idx.m.aud,
    };
    const names = labels(idx);
    const label = {
      teema: (v) => titles[v] || v,
      kind: (v) => names.kind[v] || v,
      audience: (v) => names.audience[v] || v,
    };
    const groups = [];
    for (const f of FACETS) {
      const values = order[f].filter((v) => res.facets[f][v] !== undefined || state[f].includes(v));
      if (!values.length) continue;
      const fs = el('fieldset', 'search-facet');
      fs.append(el('legend', '', t('facet.' + f)));
      for (const v of values) {
        const id = `search-facet-${f}-${v}`;
        const box = el('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = f;
        box.value = v;
        box.checked = state[f].includes(v);
        box.addEventListener('change', () => {
          state[f] = box.checked ? [...state[f], v] : state[f].filter((x) => x !== v);
          rerun();
        });
        // Until every posting that could count is read (a large index's
        // first search of a common word), a count is of the hits known:
        // the page says it is a lower bound, "(vähintään 660)", and lists
        // the values with none known yet as "(vähintään 0)".
        const n = res.facets[f][v] || 0;
        const lab = el('label', '', res.facetsExact === false ? t('facet.least', { label: label[f](v), n }) : `${label[f](v)} (${n})`);
        lab.htmlFor = id;
        const row = el('div', 'search-facet-option');
        row.append(box, lab);
        fs.append(row);
      }
      groups.push(fs);
    }
    facetsBox.replaceChildren(...groups);
    if (filters) {
      filters.hidden = groups.length === 0;
      const on = FACETS.reduce((n, f) => n + state[f].length, 0);
      filterSummary.textContent = on ? t('filters.on', { n: on }) : t('filters');
    }
    if (focus) {
      const again = facetsBox.querySelector(`input[name="${focus[0]}"][value="${CSS.escape(focus[1])}"]`);
      if (again) again.focus();
    }
  }

  async function run() {
    const my = ++seq;
    const from = added;
    added = 0;
    syncURL();
    const q = state.q.trim();
    if (!q) {
      results.replaceChildren();
      if (facetsBox) facetsBox.replaceChildren();
      if (filters) filters.hidden = true;
      if (more) more.hidden = true;
      if (status) announce(status, []);
      results.dataset.state = 'empty';
      return;
    }
    results.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    const t0 = win.performance.now();
    let idx;
    let res;
    try {
      idx = await getIndex();
      res = await idx.search(q, { teema: state.teema, kind: state.kind, audience: state.audience }, { limit: state.shown });
    } catch (e) {
      if (my !== seq) return;
      results.removeAttribute('aria-busy');
      results.dataset.state = 'error';
      if (status) announce(status, [t('failed')]);
      return;
    }
    if (my !== seq) return;
    renderHits(res, labels(idx));
    renderFacets(res, idx);
    results.removeAttribute('aria-busy');
    // "More" takes the reader to the first hit it added, which a screen
    // reader reads, and the button may go with the last hits.
    if (from) results.children[from]?.querySelector('a')?.focus();
    const ms = win.performance.now() - t0;
    const done = () => {
      if (my !== seq) return;
      results.dataset.state = 'done';
      results.dispatchEvent(new win.CustomEvent('haku:results', { detail: { total: res.total, ms, bytes: idx.bytes } }));
    };
    if (!status) {
      done();
      return;
    }
    // Every answer is announced, also one that says what the one before
    // it said; the results count as done when the region says so.
    const said = [statusText(res.total, q, res.exact)];
    // The count said again after "more" would tell nothing new.
    if (from && status.textContent === said[0]) return done();
    // No hits, but a close word: "Tarkoititko ”hanke”?" runs it.
    if (res.total === 0 && res.suggestion) {
      const a = el('a', 'search-suggestion', res.suggestion);
      a.href = '?q=' + encodeURIComponent(res.suggestion);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        state.q = res.suggestion;
        if (input) input.value = state.q;
        rerun();
      });
      const [before, after] = t('suggest').split('{word}');
      said.push(' ' + before, a, after || '');
    }
    const wait = typedAt ? Math.min(QUIET_MS, 3 * rhythm) - (win.performance.now() - typedAt) : 0;
    if (wait > 0) {
      // Not the count of a query typed before, beside this one's hits.
      announce(status, []);
      quiet = win.setTimeout(() => my === seq && announce(status, said, done), wait);
    } else announce(status, said, done);
  }

  // rerun searches again from the first page of hits.
  function rerun() {
    state.shown = PAGE_SIZE;
    run();
  }

  let timer = 0;
  let quiet = 0;
  let typedAt = 0;
  let rhythm = QUIET_MS;
  if (input) {
    input.addEventListener('input', () => {
      const now = win.performance.now();
      rhythm = typedAt && now - typedAt < QUIET_MS ? now - typedAt : QUIET_MS;
      typedAt = now;
      win.clearTimeout(quiet);
      state.q = input.value;
      state.shown = PAGE_SIZE;
      win.clearTimeout(timer);
      timer = win.setTimeout(run, DEBOUNCE_MS);
    });
  }
  if (form) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      win.clearTimeout(timer);
      typedAt = 0;
      if (input) state.q = input.value;
      rerun();
    });
  }
  run();
}

if (typeof document !== 'undefined' && typeof window !== 'undefined' && document.getElementById('search-results')) {
  startPage(document, window);
}
