// The search core of haku.js over the fixture portal's index, which
// `go test ./internal/search -update` writes into testdata/fixture/, both
// as one file and sharded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadIndex, highlight, editDistance, typoKeys, statusText } from '../../../themes/helminauha/assets/haku.js';
import { fsFetch } from './fsfetch.mjs';

const fixture = fileURLToPath(new URL('../testdata/fixture/', import.meta.url));

async function both() {
  const single = await loadIndex('/haku/', fsFetch(fixture + 'single'));
  const fetchSharded = fsFetch(fixture + 'sharded');
  const sharded = await loadIndex('/haku/', fetchSharded);
  return { single, sharded, fetchSharded };
}

const { single, sharded, fetchSharded } = await both();

async function urls(q, filters, idx = single) {
  const r = await idx.search(q, filters, { limit: 20 });
  return r.hits.map((h) => h.url);
}

const cases = [
  // [name, query, filters, the URLs that must come first, in order (a
  // trailing '...' allows more hits after them)]
  ['base form', 'verkosto', {}, ['/helmet/verkostojen-johtaminen/', '/helmet/verkoston-tavoitelomake/', '...']],
  ['another inflection', 'verkostoissa', {}, ['/helmet/verkostojen-johtaminen/', '/helmet/verkoston-tavoitelomake/', '...']],
  ['minen noun in another case', 'johtamisen', {}, ['/helmet/hyvinvoinnin-johtaminen/', '/helmet/verkostojen-johtaminen/', '...']],
  ['gradation nt/nn', 'hyvinvointi', {}, ['/helmet/hyvinvoinnin-johtaminen/', '...']],
  ['gradation k/v', 'työkyky', {}, ['/helmet/tyokyvyn-tuki/', '...']],
  ['gradation p/v', 'tavan', {}, ['/helmet/tapa-toimia/', '...']],
  ['without ä and ö', 'tyohyvinvointikysely', {}, ['/helmet/tyohyvinvointikysely/']],
  ['compound part in the index', 'ohjaus', {}, ['/helmet/etatyonohjaus/']],
  ['compound part: kysely', 'kysely', {}, ['/helmet/tyohyvinvointikysely/']],
  ['compound query over separate words', 'verkostojohtaminen', {}, ['/helmet/verkostojen-johtaminen/', '...']],
  ['hyphenated word whole', 'sote-organisaatio', {}, ['/helmet/sote-organisaation-muutos/']],
  ['hyphenated word part', 'organisaatio', {}, ['/helmet/sote-organisaation-muutos/', '...']],
  ['hyphenated word written together', 'soteorganisaatio', {}, ['/helmet/sote-organisaation-muutos/']],
  ['typo: wrong letter', 'tavoitelpmake', {}, ['/helmet/verkoston-tavoitelomake/', '...']],
  ['typo: missing letter', 'etätyönohjas', {}, ['/helmet/etatyonohjaus/']],
  ['typo: extra letter', 'luottamuksesa', {}, ['/helmet/verkostojen-johtaminen/']],
  ['prefix of the word being typed', 'tavoitelom', {}, ['/helmet/verkoston-tavoitelomake/', '...']],
  ['multi-word AND', 'verkosto luottamus', {}, ['/helmet/verkostojen-johtaminen/']],
  ['filter by area', 'johtaminen', { teema: 'tyohyvinvointi' }, ['/teemat/tyohyvinvointi/']],
  ['filter by kind', 'verkosto', { kind: 'tyokalu' }, ['/helmet/verkoston-tavoitelomake/']],
  ['filter by audience', 'johtaminen', { audience: 'johto' }, ['/helmet/hyvinvoinnin-johtaminen/', '/helmet/verkostojen-johtaminen/', '...']],
  ['thesaurus: another word', 'supervisio', {}, ['/helmet/etatyonohjaus/']],
  ['thesaurus: an abbreviation', 'tyky', {}, ['/helmet/tyokyvyn-tuki/', '...']],
  ['two typos in a long word, one a swap', 'tyohyvinviontikysly', {}, ['/helmet/tyohyvinvointikysely/']],
  ['a question: its words and fillers left out', 'kuinka voisin johtaa verkostoa', {}, ['/helmet/verkostojen-johtaminen/', '/teemat/verkostotyo/']],
  ['a verb finds its action noun', 'johdan', {}, ['/helmet/verkostojen-johtaminen/', '/helmet/hyvinvoinnin-johtaminen/', '...']],
  ['no hits', 'kvanttifysiikka', {}, []],
  ['stop words only', 'ja on se', {}, []],
  ['markup is a word like any other', '<img src=x onerror=alert(1)>', {}, ['/helmet/xss/']],
];

// The sharded index matches compound heads only within the shards it
// fetched, so beyond the expected hits its list may differ from the single
// file's.
for (const [name, q, filters, want] of cases) {
  for (const [mode, idx] of [['single file', single], ['sharded', sharded]]) {
    test(`${name}: ${q} (${mode})`, async () => {
      const got = await urls(q, filters, idx);
      if (want[want.length - 1] === '...') {
        const head = want.slice(0, -1);
        assert.deepEqual(got.slice(0, head.length), head, `got ${JSON.stringify(got)}`);
      } else {
        assert.deepEqual(got, want);
      }
    });
  }
}

test('the names of kinds and audiences come with the index', () => {
  assert.equal(single.labels().kind.menetelma, 'Menetelmä');
  assert.equal(single.labels().kind.case, 'Case-esimerkki');
  assert.equal(sharded.labels().audience.esihenkilot, 'Esihenkilöt');
});

test('a synonym ranks below the word typed', async () => {
  const typed = await single.search('työnohjaus');
  const synonym = await single.search('supervisio');
  assert.ok(synonym.hits[0].score < typed.hits[0].score);
});

// A synonym of two words rarer than the word typed (here työ, on nine of
// the fifteen pages, and "sosiaali terveyspalvelut", on one) weighed by
// their own rarity outranked every page of the word; on a portal whose
// word is on nearly every page such pages filled the first ten, and to be
// sure of them a reader's first query read the whole of both words' long
// lists.
test('a synonym of two rarer words ranks below the word typed', async () => {
  for (const dir of ['single', 'sharded']) {
    const f = fsFetch(fixture + dir);
    const withSyn = async (url) => {
      const r = await f(url);
      if (!url.endsWith('index.json')) return r;
      const m = await r.json();
      m.syn = { ...m.syn, tyo: ['sosiaal terveyspalvel'] };
      return { ...r, text: async () => JSON.stringify(m), json: async () => m };
    };
    const idx = await loadIndex('/haku/', withSyn);
    const r = await idx.search('työ', {}, { limit: 20 });
    const phrase = r.hits.findIndex((h) => h.url === '/helmet/palveluketju/');
    assert.ok(phrase > 0, `${dir}: ${JSON.stringify(r.hits.map((h) => h.url))}`);
    assert.ok(r.hits[phrase].score < r.hits[0].score / 2, `${dir}: ${r.hits[phrase].score} vs ${r.hits[0].score}`);
  }
});

test('edit distance counts a swapped pair as one edit', () => {
  assert.equal(editDistance('hyvinvointi', 'hyvinviotni', 2), 2);
  assert.equal(editDistance('hyvinvointi', 'hyvinvionti', 2), 1);
  assert.equal(editDistance('kysely', 'kyselyt', 2), 1);
  assert.equal(editDistance('abcdefgh', 'hgfedcba', 2), 3);
});

test('two typos rank below one', async () => {
  const one = await single.search('tyohyvinvointikysly');
  const two = await single.search('tyohyvinviontikysly');
  assert.ok(two.hits[0].score < one.hits[0].score);
});

test('no hits: a close word of the index is suggested, as a page writes it', async () => {
  for (const idx of [single, sharded]) {
    const r = await idx.search('kysly');
    assert.equal(r.total, 0);
    assert.equal(r.suggestion, 'kysely');
    // A word the thesaurus knows is suggested too.
    assert.equal((await idx.search('palavri')).suggestion, 'palaveri');
    // The words that matched stay as typed.
    assert.equal((await idx.search('kvanttifysiikka')).suggestion, '');
  }
  // A word one edit away whose synonym is in a shard not loaded yet: the
  // sharded index suggests what the index in one file does.
  for (const q of ['feedbak', 'kotikonttorr']) {
    const want = (await single.search(q)).suggestion;
    assert.ok(want, `${q} has a suggestion`);
    const idx = await loadIndex('/haku/', fsFetch(fixture + 'sharded'));
    assert.equal((await idx.search(q)).suggestion, want, q);
  }
  assert.equal((await single.search('verkosto')).suggestion, '');
});

test('a typo whose key is another word cut short is no typo', () => {
  assert.deepEqual(typoKeys('verotus', 'verot', (k) => k === 'vert', null), []);
  assert.deepEqual(typoKeys('luottamuksesa', 'luottamuks', (k) => k === 'luottam', null), ['luottam']);
});

test('a compound of three-letter stems finds nothing', async () => {
  assert.equal((await single.search('sotetyo')).total, 0);
});

test('a typo ranks below the exact word', async () => {
  const exact = await single.search('tavoitelomake');
  const typo = await single.search('tavoitelpmake');
  assert.ok(typo.hits[0].score < exact.hits[0].score);
});

test('a word split from a query ranks below the whole word', async () => {
  const r = await single.search('verkostojohtaminen');
  const whole = await single.search('verkostojen johtaminen');
  assert.ok(r.hits[0].score < whole.hits[0].score);
});

test('facets count the hits of the query, each facet under the other filters', async () => {
  const r = await single.search('johtaminen', { kind: 'tieto' });
  assert.equal(r.total, 4);
  assert.equal(r.facets.kind.tieto, 4);
  assert.ok(r.facets.kind.vinkki > 0, 'the kind facet ignores the kind filter');
  assert.deepEqual(Object.keys(r.facets.teema).sort(), ['johtaminen', 'verkostotyo']);
  assert.equal(r.facets.teema.johtaminen + r.facets.teema.verkostotyo, 4);
  const all = await single.search('johtaminen');
  assert.ok(all.total > r.total);
  assert.equal(all.facets.kind.tieto, 4);
  const both = await single.search('johtaminen', { kind: 'tieto', teema: 'verkostotyo' });
  assert.equal(both.total, both.facets.teema.verkostotyo);
  assert.equal(both.total, both.facets.kind.tieto);
});

test('a hit carries what the result list shows', async () => {
  const r = await single.search('etätyönohjaus');
  assert.deepEqual(r.hits[0], {
    ...r.hits[0],
    url: '/helmet/etatyonohjaus/',
    title: 'Etätyönohjaus',
    excerpt: 'Työnohjaus verkossa: käytännöt ja vinkit.',
    teema: 'tyohyvinvointi',
    area: 'Työhyvinvointi',
    kind: 'vinkki',
    audience: ['esihenkilot', 'henkilosto'],
  });
  const page = await single.search('saavutettavuus');
  assert.equal(page.hits[0].kind, 'sivu');
  assert.match(page.hits[0].excerpt, /…$/);
});

test('highlight marks the matched words, compounds and the typed prefix', async () => {
  const r = await single.search('ohjaus');
  const marked = (text) => highlight(text, r).filter((s) => s.mark).map((s) => s.text);
  assert.deepEqual(marked('Työnohjaus verkossa: ohjauksen käytännöt.'), ['Työnohjaus', 'ohjauksen']);
  const typing = await single.search('tavoitelom');
  assert.deepEqual(highlight('Tavoitelomakkeet ja tavoitteet', typing).map((s) => [s.text, s.mark]), [['Tavoitelomakkeet', true], [' ja tavoitteet', false]]);
});

test('highlight keeps markup as text', async () => {
  const r = await single.search('img');
  const segs = highlight('<img src=x onerror=alert(1)>', r);
  assert.equal(segs.map((s) => s.text).join(''), '<img src=x onerror=alert(1)>');
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ['img']);
});

test('the sharded index fetches only the shards of the query, the lists of its keys and the chunks of its hits', async () => {
  const idx = await loadIndex('/haku/', fsFetch(fixture + 'sharded'));
  const f = idx.fetchFn;
  await idx.search('luottamus', {}, { limit: 1 });
  const shards = f.requests.filter((p) => /\/t\/\d+\.json$/.test(p));
  const lists = f.requests.filter((p) => p.includes('/t/l'));
  const chunks = f.requests.filter((p) => p.includes('/d/'));
  assert.equal(f.requests[0], '/haku/index.json');
  assert.ok(shards.length <= 2, `fetched ${shards}`);
  assert.deepEqual(lists, [], 'luottamus has its list in its shard');
  // johtam's list is a file of its own in the fixture (ListBytes 12), read
  // for the query that uses it; the other lists of the fixture are not.
  const g = fsFetch(fixture + 'sharded');
  const r = await (await loadIndex('/haku/', g)).search('johtaminen', {}, { limit: 1 });
  assert.deepEqual(g.requests.filter((p) => p.includes('/t/l')), ['/haku/t/l0.json']);
  assert.deepEqual(r.hits.map((h) => h.url), (await single.search('johtaminen', {}, { limit: 1 })).hits.map((h) => h.url));
  assert.equal(chunks.length, 1);
  assert.ok(fetchSharded.requests.length > 0);
});

test('a long pasted text is searched quickly', async () => {
  const text = 'verkostojen johtaminen luottamus työhyvinvointikyselyn tulokset '.repeat(200) + 'xyzzyplughwibblewobble';
  const t0 = performance.now();
  const r = await single.search(text);
  assert.ok(performance.now() - t0 < 2000);
  assert.ok(r.total >= 0);
});

test('the first hits are the best ones however many match', async () => {
  const all = await single.search('verkosto', {}, { limit: 100 });
  for (const limit of [1, 2, 3]) {
    const r = await single.search('verkosto', {}, { limit });
    assert.deepEqual(r.hits.map((h) => h.url), all.hits.slice(0, limit).map((h) => h.url));
  }
  const second = await single.search('verkosto', {}, { limit: 2, offset: 2 });
  assert.deepEqual(second.hits.map((h) => h.url), all.hits.slice(2, 4).map((h) => h.url));
});

test('a word with a dangling hyphen stands for the compound it shares a head with', async () => {
  for (const idx of [single, sharded]) {
    assert.deepEqual(await urls('sosiaalipalvelut', {}, idx), ['/helmet/palveluketju/']);
    assert.ok((await urls('etätyö', {}, idx)).includes('/helmet/palveluketju/'));
  }
});

test('front-coded keys never split a surrogate pair', async () => {
  const manifest = {
    v: 5, n: 2, areas: [], ac: [], kt: ['tieto', 'vinkki', 'menetelma', 'tyokalu', 'helmi', 'case', 'luku', 'teema', 'sivu'],
    aud: ['johto', 'esihenkilot', 'paattajat', 'henkilosto', 'hanketoimijat'], f: 'EAEA',
    docs: [['/a/', 'A', ''], ['/b/', 'B', '']],
    terms: { k: 'A𝔘𝔞 C𝔫', p: 'BB CB' },
  };
  const fetchFn = async () => ({ ok: true, text: async () => JSON.stringify(manifest) });
  const idx = await loadIndex('/haku/', fetchFn);
  assert.deepEqual((await idx.search('𝔘𝔞')).hits.map((h) => h.url), ['/a/']);
  assert.deepEqual((await idx.search('𝔘𝔫')).hits.map((h) => h.url), ['/b/']);
});

test('a list grouped by weight finds what the same list written per document finds', async () => {
  // The lists of TestWireList (internal/search/build_test.go): kissa (its
  // key kiss) on pages 0-4 and 40, all of weight 9; koira (koir) on pages
  // 0-5, weights 9 and 2 in turn.
  const lists = {
    perDoc: { kissa: 'BJBJBJBJBJkBJ', koira: 'BJBCBJBCBJBC' },
    grouped: { kissa: '..JBBBBBkB', koira: '..JBCC.CCCC' },
  };
  const docs = Array.from({ length: 41 }, (_, i) => [`/p${i}/`, `P${i}`, '']);
  const open = (l) => loadIndex('/haku/', async () => ({
    ok: true,
    text: async () => JSON.stringify({
      v: 5, n: docs.length, areas: [], ac: [], kt: ['tieto', 'vinkki', 'menetelma', 'tyokalu', 'helmi', 'case', 'luku', 'teema', 'sivu'],
      aud: ['johto', 'esihenkilot', 'paattajat', 'henkilosto', 'hanketoimijat'], fr: '', docs,
      terms: { k: 'Akiss Boir', p: `${l.kissa} ${l.koira}` },
    }),
  }));
  const perDoc = await open(lists.perDoc);
  const grouped = await open(lists.grouped);
  for (const q of ['kissa', 'koira', 'kissa koira']) {
    const want = await perDoc.search(q, {}, { limit: 50 });
    const got = await grouped.search(q, {}, { limit: 50 });
    assert.deepEqual(got.hits.map((h) => [h.url, h.score]), want.hits.map((h) => [h.url, h.score]), q);
    assert.equal(got.total, want.total, q);
  }
  assert.deepEqual((await grouped.search('kissa', {}, { limit: 50 })).hits.map((h) => h.url), ['/p0/', '/p1/', '/p2/', '/p3/', '/p4/', '/p40/']);
  assert.deepEqual((await grouped.search('koira', {}, { limit: 3 })).hits.map((h) => h.url), ['/p0/', '/p2/', '/p4/']);
  // The length of a list, which orders the keys a prefix matches, is the
  // same however it is written.
  for (const [k, l] of [['kiss', 'kissa'], ['koir', 'koira']]) assert.equal(grouped.encodedLength(k), lists.perDoc[l].length, k);
});

test('an index.json of another format, kept by a cache, is asked for again past the cache', async () => {
  const manifest = (v) => ({
    v, n: 1, areas: [], ac: [], kt: ['tieto', 'vinkki', 'menetelma', 'tyokalu', 'helmi', 'case', 'luku', 'teema', 'sivu'],
    aud: ['johto', 'esihenkilot', 'paattajat', 'henkilosto', 'hanketoimijat'], f: 'EA',
    docs: [['/a/', 'Luottamus', '']], terms: { k: 'Aluottamus', p: 'BB' },
  });
  const asked = [];
  const serving = (first, then) => async (url, opts) => {
    asked.push(opts && opts.cache);
    const m = asked.length === 1 ? first : then;
    return { ok: true, text: async () => JSON.stringify(m) };
  };
  const idx = await loadIndex('/haku/', serving(manifest(4), manifest(5)));
  assert.deepEqual(asked, [undefined, 'reload']);
  assert.deepEqual((await idx.search('luottamus')).hits.map((h) => h.url), ['/a/']);

  asked.length = 0;
  await assert.rejects(loadIndex('/haku/', serving(manifest(4), manifest(4))), /unknown search index format/);
  assert.deepEqual(asked, [undefined, 'reload']);

  asked.length = 0;
  await loadIndex('/haku/', serving(manifest(5), manifest(5)));
  assert.deepEqual(asked, [undefined], 'an index of this format is fetched once');
});

test('a total that counts only the hits known so far is said as a lower bound', () => {
  // Outside a page the words are their keys.
  assert.equal(statusText(12, 'luottamus'), 'status.other');
  assert.equal(statusText(12, 'luottamus', true), 'status.other');
  assert.equal(statusText(12, 'luottamus', false), 'status.many');
});
