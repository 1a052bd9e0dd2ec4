// haku-sv.js: the Swedish analysis of the search, which haku.js loads
// (loadLanguage) when an index is Swedish, so that a Finnish page does
// not carry it. It must give exactly what the Go side gives
// (internal/search/lang.go: swedishKey, swedishDerive, swedishStop);
// internal/search/jstest checks it on the words of the Swedish pages.

// STOP_WORDS are the Swedish stop words (folded), written from
// internal/search's swedishStop by `go generate ./internal/search`: edit them
// there (TestThemeStopWords fails when the two differ).
const STOP_WORDS = new Set(`
  och det att en jag hon som han pa den med var sig for sa till ar men ett om
  hade de av icke mig du henne da sin nu har inte hans honom skulle hennes dar
  min man ej vid kunde nagot fran ut nar efter upp vi dem vara vad over an dig
  kan sina har ha mot alla under nagon eller allt mycket sedan ju denna sjalv
  detta at utan varit hur ingen mitt ni bli blev oss din dessa nagra deras blir
  mina samma vilken er sadan var blivit dess inom mellan sadant varfor varje
  vilka ditt vem vilket sitta sadana vart dina vars vart vara ert era vilkas`.trim().split(/\s+/));

// FILLERS are the Swedish question words and fillers that are no stop
// words ("hur ska man ordna", "vad betyder"): a query leaves them out.
const FILLERS = new Set(`
  ska skall bor borde maste kunna kunnat far fa gora gor gjorde
  vilken vilket vilka varfor betyder innebar finns`.trim().split(/\s+/));

const RE_ASCII_LETTERS = /^[a-z]*$/;
const RE_NEUTER_ADJ = /(?:igt|samt|bart|ivt)$/;
const SECOND_PASS = ['en', 'er', 'erna', 'ens', 'ernas'];
const RE_SHORT_DEF4 = /e[tn]$/;
const RE_SHORT_DEF5 = /e[tn]s$/;

// swedish returns the Swedish analysis, { stop, fillers, key, derive,
// minCompoundKey, splitKnown } (see matchWord in haku.js),
// built on haku.js's Snowball machinery (Env, among) and isVowel.
export function swedish({ Env, among, isVowel }) {
  // --- The Snowball Swedish stemmer, ported line by line from
  // github.com/blevesearch/snowballstem/swedish (BSD licence, Snowball
  // project). It is only given words of a–z.
  const SV_A0 = [
    among('a', -1, 1), among('arna', 0, 1), among('erna', 0, 1), among('heterna', 2, 1), among('orna', 0, 1),
    among('ad', -1, 1), among('e', -1, 1), among('ade', 6, 1), among('ande', 6, 1), among('arne', 6, 1),
    among('are', 6, 1), among('aste', 6, 1), among('en', -1, 1), among('anden', 12, 1), among('aren', 12, 1),
    among('heten', 12, 1), among('ern', -1, 1), among('ar', -1, 1), among('er', -1, 1), among('heter', 18, 1),
    among('or', -1, 1), among('s', -1, 2), among('as', 21, 1), among('arnas', 22, 1), among('ernas', 22, 1),
    among('ornas', 22, 1), among('es', 21, 1), among('ades', 26, 1), among('andes', 26, 1), among('ens', 21, 1),
    among('arens', 29, 1), among('hetens', 29, 1), among('erns', 21, 1), among('at', -1, 1), among('andet', -1, 1),
    among('het', -1, 1), among('ast', -1, 1),
  ];
  const SV_A1 = [among('dd', -1, -1), among('gd', -1, -1), among('nn', -1, -1), among('dt', -1, -1), among('gt', -1, -1), among('kt', -1, -1), among('tt', -1, -1)];
  const SV_A2 = [among('ig', -1, 1), among('lig', 0, 1), among('els', -1, 1), among('fullt', -1, 3), among('l\u00F6st', -1, 2)];
  const SV_G_V = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 0, 32];
  const SV_G_S_ENDING = [119, 127, 149];

  function svMarkRegions(env, ctx) {
    ctx.p1 = env.limit;
    const v1 = env.cursor;
    const c = env.cursor + 3; // hop 3: one code unit a letter
    if (c > env.limit) return false;
    env.cursor = c;
    ctx.x = env.cursor;
    env.cursor = v1;
    if (!env.pastRegion(SV_G_V, 97, 246)) return false;
    ctx.p1 = env.cursor;
    if (ctx.p1 < ctx.x) ctx.p1 = ctx.x;
    return true;
  }

  function svMainSuffix(env, ctx) {
    const lb = env.setLimitB(ctx.p1);
    if (lb < 0) return false;
    env.ket = env.cursor;
    const a = env.findAmongB(SV_A0, ctx);
    if (a === 0) { env.lb = lb; return false; }
    env.bra = env.cursor;
    env.lb = lb;
    if (a === 2 && !env.inGroupingB(SV_G_S_ENDING, 98, 121)) return false;
    return env.sliceDel();
  }

  function svConsonantPair(env, ctx) {
    const lb = env.setLimitB(ctx.p1);
    if (lb < 0) return false;
    const v3 = env.limit - env.cursor;
    if (env.findAmongB(SV_A1, ctx) === 0) { env.lb = lb; return false; }
    env.cursor = env.limit - v3;
    env.ket = env.cursor;
    if (env.cursor <= env.lb) { env.lb = lb; return false; }
    env.cursor--;
    env.bra = env.cursor;
    env.sliceDel();
    env.lb = lb;
    return true;
  }

  function svOtherSuffix(env, ctx) {
    const lb = env.setLimitB(ctx.p1);
    if (lb < 0) return false;
    env.ket = env.cursor;
    const a = env.findAmongB(SV_A2, ctx);
    if (a === 0) { env.lb = lb; return false; }
    env.bra = env.cursor;
    if (a === 1) env.sliceDel();
    else if (a === 2) env.sliceFrom('l\u00F6s');
    else if (a === 3) env.sliceFrom('full');
    env.lb = lb;
    return true;
  }

  // stem is swedish.Stem.
  function stem(word) {
    const env = new Env(word);
    const ctx = { x: 0, p1: 0 };
    const v1 = env.cursor;
    svMarkRegions(env, ctx);
    env.cursor = v1;
    env.lb = env.cursor;
    env.cursor = env.limit;
    for (const step of [svMainSuffix, svConsonantPair, svOtherSuffix]) {
      const v = env.limit - env.cursor;
      step(env, ctx);
      env.cursor = env.limit - v;
    }
    return env.cur;
  }

  // definiteNeuter drops the -et of the definite form of a neuter noun
  // ("mötet", "arbetet") and the -ets of its genitive ("mötets"), which
  // Snowball leaves, as definiteNeuter in
  // internal/search/lang.go does; normaliseSv mends the stem of a definite
  // plural in -ena ("mötena" -> "möten" -> "mot") and of a definite
  // singular in -an ("frågan" -> "frag") and keeps "område" with "områden",
  // as swedishNormalise.
  function definiteNeuter(w) {
    const n = w.length;
    if (n >= 6 && w.endsWith('ets') && !w.endsWith('arbets')) {
      const d = definiteNeuter(w.slice(0, -1));
      return d.length < n - 1 ? d : w;
    }
    if (n < 5 || !w.endsWith('et') || isVowel(w[n - 3]) || w[n - 3] === 'h' || w.endsWith('itet')) return w;
    return w.slice(0, -2);
  }

  // neuterAdjective drops the -t of the neuter of an adjective in -ig,
  // -lig, -sam, -bar or -iv ("viktigt", "gemensamt"), as neuterAdjective.
  function neuterAdjective(w) {
    return w.length >= 6 && RE_NEUTER_ADJ.test(w) ? w.slice(0, -1) : w;
  }

  // anEnds tells that the -an of s ends a form of w, as anEnds.
  function anEnds(w, s) {
    if (!w.startsWith(s)) return false;
    const rest = w.slice(s.length);
    return rest === '' || rest === 'a' || rest[0] === 's' || rest[0] === 'e';
  }

  function normaliseSv(w, s) {
    if (s.endsWith('omr') && w.startsWith('omrad', s.length - 3)) return s + 'ad';
    if (w.endsWith('ena') && s.length === w.length - 1 && s.length >= 5) s = s.slice(0, -2);
    else if (s.length >= 5 && s.endsWith('an') && !s.endsWith('man') && anEnds(w, s)) s = s.slice(0, -2);
    return stemEnd(s);
  }

  // stemEnd makes a doubled m at the end of a stem single ("rummet" ->
  // "rum"), makes -jon -jo ("miljön" -> "miljo", as "miljö") and drops the e of an -el or -eln after one or two consonants
  // after a vowel ("regel", "regeln" -> "regl", as "regler"), as
  // swedishStemEnd.
  function stemEnd(s) {
    if (s.length >= 4 && (s.endsWith('mm') || s.endsWith('jon'))) return s.slice(0, -1);
    const t = s.endsWith('n') ? s.slice(0, -1) : s;
    const n = t.length;
    if (n >= 5 && t.endsWith('el') && !isVowel(t[n - 3])) {
      let i = n - 3;
      if (!isVowel(t[i - 1])) i--;
      if (isVowel(t[i - 1])) return t.slice(0, -2) + 'l';
    }
    return s;
  }

  // deriveSv lets a Swedish verb and its action noun in -ing or -ning meet
  // (utveckla, utvecklar ↔ utveckling; ordna ↔ ordning; planera ↔ planering),
  // as swedishDerive in internal/search/lang.go does.
  function deriveSv(w) {
    if (w.length < 5 || !RE_ASCII_LETTERS.test(w)) return [];
    const k = key(w);
    const out = [];
    const add = (f, least) => {
      const fk = key(f);
      if (fk !== k && fk.length >= least && !out.includes(fk)) out.push(fk);
    };
    if (k.endsWith('ing') && k.length - 3 >= 4) {
      const x = k.slice(0, -3);
      add(x + 'a', 4);
      if (x.endsWith('n') && x.length - 1 >= 3) add(x.slice(0, -1) + 'a', 4);
    } else if (k.length >= 4) {
      add(k + 'ing', 4);
      add(k + 'ning', 4);
    }
    return out.sort();
  }

  // pluralOrDefinite tells that Snowball stemmed w to s by taking off
  // -en, -er, -erna, -ens or -ernas alone: s is then the base form, whose
  // own stem is the key ("kompetensen" -> "kompetens" -> "kompet"), as
  // pluralOrDefinite in internal/search/lang.go.
  function pluralOrDefinite(w, s) {
    return SECOND_PASS.some((e) => w.length === s.length + e.length && w.endsWith(e));
  }

  // shortDefinite takes the -et, -en, -ets or -ens off a word of four or
  // five letters whose stem is a vowel and a consonant ("året", "årets",
  // "åren" -> "ar"), as shortDefinite in internal/search/lang.go.
  function shortDefinite(w) {
    const n = w.length;
    const end = n === 4 ? RE_SHORT_DEF4 : n === 5 ? RE_SHORT_DEF5 : null;
    return end && end.test(w) && isVowel(w[0]) && !isVowel(w[1]) ? w.slice(0, 2) : w;
  }

  // notCutTooFar keeps the -at of the root of a participle of låta or
  // äta ("tillåten" -> "tillåt", not "till"), as notCutTooFar.
  function notCutTooFar(w, s) {
    return s.length === w.length - 2 && w.endsWith('at') && (w.endsWith('lat') || STOP_WORDS.has(s)) ? w : s;
  }

  // key is the key of a folded Swedish word, as swedishKey.
  function key(w) {
    if (w.length < 3 || !RE_ASCII_LETTERS.test(w)) return w;
    const b = neuterAdjective(definiteNeuter(shortDefinite(w)));
    let s = stem(b);
    if (b !== w) s = notCutTooFar(b, s);
    if (pluralOrDefinite(b, s)) s = notCutTooFar(s, stem(s));
    return normaliseSv(w, s);
  }
  return { stop: STOP_WORDS, fillers: FILLERS, key, derive: deriveSv, minCompoundKey: 3, splitKnown: true };
}
