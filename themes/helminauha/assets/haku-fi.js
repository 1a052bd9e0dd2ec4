// haku-fi.js: the Finnish analysis of the search, which haku.js loads
// (loadLanguage) when an index is Finnish, so that a Swedish page does
// not carry it. It must give exactly what the Go side gives (Key,
// Derive and the stop words of internal/search); internal/search/jstest
// checks it on thousands of words.

// STOP_WORDS are the Finnish stop words (folded), written from
// internal/search's finnishStop by `go generate ./internal/search`: edit them
// there (TestThemeStopWords fails when the two differ).
const STOP_WORDS = new Set(`
  ja tai on ei se etta kun jos niin kuin myos mutta seka eli eika
  ole ovat oli olla olisi ollut olivat olen olet olemme olette
  en et emme ette eivat
  voi sen sita siita siihen sille siina silla ne niita niiden niista niihin niille
  joka jotka jonka joita joiden jota jossa joissa josta joista johon joihin jolla joilla
  mika mita miten mihin missa mista
  tama taman tata tassa tasta tahan talla nama naita naiden naissa
  han he me te mina sina heidan meidan teidan hanen minun sinun
  vain jo viela kanssa mukaan nyt sitten siis kuten mm esim ym jne tms
  alla alle alta ali yli ohi pois vaan`.trim().split(/\s+/));

// FILLERS are the words of a question that say nothing of what is asked
// (folded): question words and the verbs that carry them ("miten voisin
// tukea", "mitä tehdä kun"). A query leaves them out unless it has nothing
// else.
const FILLERS = new Set(`
  kuinka miksi milloin kuka ketka keneen kenelle kenen millainen millaiset millaista millaisia
  minkalainen minkalaisia montako paljonko mihinka mista missa mika mita miten
  onko onks voiko voinko voimme voisin voisiko voisimme voitko saako saanko saisinko
  pitaa pitaako pitaisi pitaisiko kannattaa kannattaako tulee tuleeko tulisi tulisiko
  tehda tehdaan teen teemme pitaisin osaisin
  tai jne ym`.trim().split(/\s+/));

const RE_ASCII_LETTERS = /^[a-z]*$/;

// finnish returns the Finnish analysis, { stop, fillers, key, derive,
// verbFirst }, built on haku.js's Snowball machinery (Env, among) and
// isVowel.
export function finnish({ Env, among, isVowel }) {
  // --- The Snowball Finnish stemmer, ported line by line from
  // github.com/blevesearch/snowballstem/finnish (BSD licence, Snowball
  // project). It is only ever given words of the letters a–z, where a UTF-8
  // byte and a UTF-16 code unit are the same.

  const A_0 = [
    among('pa', -1, 1), among('sti', -1, 2), among('kaan', -1, 1), among('han', -1, 1),
    among('kin', -1, 1), among('h\u00E4n', -1, 1), among('k\u00E4\u00E4n', -1, 1), among('ko', -1, 1),
    among('p\u00E4', -1, 1), among('k\u00F6', -1, 1),
  ];
  const A_1 = [among('lla', -1, -1), among('na', -1, -1), among('ssa', -1, -1), among('ta', -1, -1), among('lta', 3, -1), among('sta', 3, -1)];
  const A_2 = [among('ll\u00E4', -1, -1), among('n\u00E4', -1, -1), among('ss\u00E4', -1, -1), among('t\u00E4', -1, -1), among('lt\u00E4', 3, -1), among('st\u00E4', 3, -1)];
  const A_3 = [among('lle', -1, -1), among('ine', -1, -1)];
  const A_4 = [
    among('nsa', -1, 3), among('mme', -1, 3), among('nne', -1, 3), among('ni', -1, 2), among('si', -1, 1),
    among('an', -1, 4), among('en', -1, 6), among('\u00E4n', -1, 5), among('ns\u00E4', -1, 3),
  ];
  const A_5 = [among('aa', -1, -1), among('ee', -1, -1), among('ii', -1, -1), among('oo', -1, -1), among('uu', -1, -1), among('\u00E4\u00E4', -1, -1), among('\u00F6\u00F6', -1, -1)];
  // A_6 refers to rVI and rLONG, defined below (hoisted functions).
  const A_6 = [
    among('a', -1, 8), among('lla', 0, -1), among('na', 0, -1), among('ssa', 0, -1), among('ta', 0, -1),
    among('lta', 4, -1), among('sta', 4, -1), among('tta', 4, 9), among('lle', -1, -1), among('ine', -1, -1),
    among('ksi', -1, -1), among('n', -1, 7), among('han', 11, 1), among('den', 11, -1, rVI),
    among('seen', 11, -1, rLONG), among('hen', 11, 2), among('tten', 11, -1, rVI), among('hin', 11, 3),
    among('siin', 11, -1, rVI), among('hon', 11, 4), among('h\u00E4n', 11, 5), among('h\u00F6n', 11, 6),
    among('\u00E4', -1, 8), among('ll\u00E4', 22, -1), among('n\u00E4', 22, -1), among('ss\u00E4', 22, -1),
    among('t\u00E4', 22, -1), among('lt\u00E4', 26, -1), among('st\u00E4', 26, -1), among('tt\u00E4', 26, 9),
  ];
  const A_7 = [
    among('eja', -1, -1), among('mma', -1, 1), among('imma', 1, -1), among('mpa', -1, 1), among('impa', 3, -1),
    among('mmi', -1, 1), among('immi', 5, -1), among('mpi', -1, 1), among('impi', 7, -1), among('ej\u00E4', -1, -1),
    among('mm\u00E4', -1, 1), among('imm\u00E4', 10, -1), among('mp\u00E4', -1, 1), among('imp\u00E4', 12, -1),
  ];
  const A_8 = [among('i', -1, -1), among('j', -1, -1)];
  const A_9 = [among('mma', -1, 1), among('imma', 0, -1)];

  const G_AEI = [17, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8];
  const G_V1 = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];
  const G_V2 = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];
  const G_PARTICLE_END = [17, 97, 24, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];

  function rMarkRegions(env, ctx) {
    ctx.p1 = env.limit;
    ctx.p2 = env.limit;
    if (!env.pastRegion(G_V1, 97, 246)) return false;
    ctx.p1 = env.cursor;
    if (!env.pastRegion(G_V1, 97, 246)) return false;
    ctx.p2 = env.cursor;
    return true;
  }

  function rR2(env, ctx) { return ctx.p2 <= env.cursor; }

  function rParticleEtc(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    env.ket = env.cursor;
    const av = env.findAmongB(A_0, ctx);
    if (av === 0) { env.lb = v2; return false; }
    env.bra = env.cursor;
    env.lb = v2;
    if (av === 1) {
      if (!env.inGroupingB(G_PARTICLE_END, 97, 246)) return false;
    } else if (av === 2) {
      if (!rR2(env, ctx)) return false;
    }
    return env.sliceDel();
  }

  function rPossessive(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    env.ket = env.cursor;
    const av = env.findAmongB(A_4, ctx);
    if (av === 0) { env.lb = v2; return false; }
    env.bra = env.cursor;
    env.lb = v2;
    if (av === 1) {
      const v3 = env.limit - env.cursor;
      if (env.eqSB('k')) return false;
      env.cursor = env.limit - v3;
      env.sliceDel();
    } else if (av === 2) {
      env.sliceDel();
      env.ket = env.cursor;
      if (!env.eqSB('kse')) return false;
      env.bra = env.cursor;
      env.sliceFrom('ksi');
    } else if (av === 3) {
      env.sliceDel();
    } else if (av === 4) {
      if (env.findAmongB(A_1, ctx) === 0) return false;
      env.sliceDel();
    } else if (av === 5) {
      if (env.findAmongB(A_2, ctx) === 0) return false;
      env.sliceDel();
    } else if (av === 6) {
      if (env.findAmongB(A_3, ctx) === 0) return false;
      env.sliceDel();
    }
    return true;
  }

  function rLONG(env, ctx) { return env.findAmongB(A_5, ctx) !== 0; }

  function rVI(env) {
    if (!env.eqSB('i')) return false;
    return env.inGroupingB(G_V2, 97, 246);
  }

  function rCaseEnding(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    env.ket = env.cursor;
    const av = env.findAmongB(A_6, ctx);
    if (av === 0) { env.lb = v2; return false; }
    env.bra = env.cursor;
    env.lb = v2;
    switch (av) {
      case 1: if (!env.eqSB('a')) return false; break;
      case 2: if (!env.eqSB('e')) return false; break;
      case 3: if (!env.eqSB('i')) return false; break;
      case 4: if (!env.eqSB('o')) return false; break;
      case 5: if (!env.eqSB('\u00E4')) return false; break;
      case 6: if (!env.eqSB('\u00F6')) return false; break;
      case 7: {
        const v3 = env.limit - env.cursor;
        lab0: {
          const v4 = env.limit - env.cursor;
          lab1: {
            const v5 = env.limit - env.cursor;
            if (rLONG(env, ctx)) break lab1;
            env.cursor = env.limit - v5;
            if (!env.eqSB('ie')) { env.cursor = env.limit - v3; break lab0; }
          }
          env.cursor = env.limit - v4;
          if (env.cursor <= env.lb) { env.cursor = env.limit - v3; break lab0; }
          env.cursor--;
          env.bra = env.cursor;
        }
        break;
      }
      case 8:
        if (!env.inGroupingB(G_V1, 97, 246)) return false;
        if (!env.outGroupingB(G_V1, 97, 246)) return false;
        break;
      case 9: if (!env.eqSB('e')) return false; break;
      default: break;
    }
    env.sliceDel();
    ctx.endingRemoved = true;
    return true;
  }

  function rOtherEndings(env, ctx) { return rEndingR2(env, ctx, A_7); }

  // rEndingR2 deletes an ending of table within R2, but not one of result 1
  // after "po": Snowball's other_endings, and the end of t_plural.
  function rEndingR2(env, ctx, table) {
    const lb = env.setLimitB(ctx.p2);
    if (lb < 0) return false;
    env.ket = env.cursor;
    const av = env.findAmongB(table, ctx);
    if (av === 0) { env.lb = lb; return false; }
    env.bra = env.cursor;
    env.lb = lb;
    if (av === 1) {
      const v = env.limit - env.cursor;
      if (env.eqSB('po')) return false;
      env.cursor = env.limit - v;
    }
    return env.sliceDel();
  }

  function rIPlural(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    env.ket = env.cursor;
    if (env.findAmongB(A_8, ctx) === 0) { env.lb = v2; return false; }
    env.bra = env.cursor;
    env.lb = v2;
    return env.sliceDel();
  }

  function rTPlural(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    env.ket = env.cursor;
    if (!env.eqSB('t')) { env.lb = v2; return false; }
    env.bra = env.cursor;
    const v3 = env.limit - env.cursor;
    if (!env.inGroupingB(G_V1, 97, 246)) { env.lb = v2; return false; }
    env.cursor = env.limit - v3;
    env.sliceDel();
    env.lb = v2;
    return rEndingR2(env, ctx, A_9);
  }

  function rTidy(env, ctx) {
    const v2 = env.setLimitB(ctx.p1);
    if (v2 < 0) return false;
    const v3 = env.limit - env.cursor;
    lab0: {
      const v4 = env.limit - env.cursor;
      if (!rLONG(env, ctx)) break lab0;
      env.cursor = env.limit - v4;
      env.ket = env.cursor;
      if (env.cursor <= env.lb) break lab0;
      env.cursor--;
      env.bra = env.cursor;
      env.sliceDel();
    }
    env.cursor = env.limit - v3;
    const v5 = env.limit - env.cursor;
    lab1: {
      env.ket = env.cursor;
      if (!env.inGroupingB(G_AEI, 97, 228)) break lab1;
      env.bra = env.cursor;
      if (!env.outGroupingB(G_V1, 97, 246)) break lab1;
      env.sliceDel();
    }
    env.cursor = env.limit - v5;
    const v6 = env.limit - env.cursor;
    lab2: {
      env.ket = env.cursor;
      if (!env.eqSB('j')) break lab2;
      env.bra = env.cursor;
      lab3: {
        const v7 = env.limit - env.cursor;
        if (env.eqSB('o')) break lab3;
        env.cursor = env.limit - v7;
        if (!env.eqSB('u')) break lab2;
      }
      env.sliceDel();
    }
    env.cursor = env.limit - v6;
    const v8 = env.limit - env.cursor;
    lab5: {
      env.ket = env.cursor;
      if (!env.eqSB('o')) break lab5;
      env.bra = env.cursor;
      if (!env.eqSB('j')) break lab5;
      env.sliceDel();
    }
    env.cursor = env.limit - v8;
    env.lb = v2;
    for (;;) {
      const v9 = env.limit - env.cursor;
      if (env.outGroupingB(G_V1, 97, 246)) { env.cursor = env.limit - v9; break; }
      env.cursor = env.limit - v9;
      if (env.cursor <= env.lb) return false;
      env.cursor--;
    }
    env.ket = env.cursor;
    if (env.cursor <= env.lb) return false;
    env.cursor--;
    env.bra = env.cursor;
    ctx.x = env.sliceTo();
    if (ctx.x === '') return false;
    if (!env.eqSB(ctx.x)) return false;
    return env.sliceDel();
  }

  // snowballStem is finnish.Stem.
  function snowballStem(word) {
    const env = new Env(word);
    const ctx = { endingRemoved: false, x: '', p1: 0, p2: 0 };
    const v1 = env.cursor;
    rMarkRegions(env, ctx);
    env.cursor = v1;
    ctx.endingRemoved = false;
    env.lb = env.cursor;
    env.cursor = env.limit;
    let v = env.limit - env.cursor;
    rParticleEtc(env, ctx);
    env.cursor = env.limit - v;
    v = env.limit - env.cursor;
    rPossessive(env, ctx);
    env.cursor = env.limit - v;
    v = env.limit - env.cursor;
    rCaseEnding(env, ctx);
    env.cursor = env.limit - v;
    v = env.limit - env.cursor;
    rOtherEndings(env, ctx);
    env.cursor = env.limit - v;
    if (ctx.endingRemoved) {
      v = env.limit - env.cursor;
      rIPlural(env, ctx);
      env.cursor = env.limit - v;
    } else {
      v = env.limit - env.cursor;
      rTPlural(env, ctx);
      env.cursor = env.limit - v;
    }
    v = env.limit - env.cursor;
    rTidy(env, ctx);
    env.cursor = env.limit - v;
    return env.cur;
  }

  // --- Key: Snowball plus the Finnish fixes of internal/search/key.go.

  const SHORT_ENDINGS = ['ssa', 'sta', 'lla', 'lta', 'lle', 'ksi', 'tta', 'hin', 'han', 'hen', 'hon', 'hun', 'hyn', 'ta', 'na', 'n', 't'];
  const GRADATIONS = { kk: 'k', pp: 'p', tt: 't', nn: 'nt', mm: 'mp', ll: 'lt', rr: 'rt', ng: 'nk', d: 't', hd: 'ht' };

  function stripShort(w, s) {
    for (const e of SHORT_ENDINGS) {
      if (w.endsWith(e)) {
        const r = w.slice(0, w.length - e.length);
        if (r.length >= 3 && r.length <= 4 && isVowel(r[r.length - 1])) return r;
      }
    }
    return s;
  }

  function restoreDouble(w, s) {
    let i = 0;
    while (i < s.length && i < w.length && s[i] === w[i]) i++;
    if (i === 0 || i >= w.length || w[i] !== w[i - 1] || isVowel(w[i])) return s;
    if (!w.slice(i + 1).startsWith(s.slice(i))) return s;
    return w.slice(0, i + 1) + s.slice(i);
  }

  function extendCluster(w, s) {
    if (s.length === 0 || s.length >= w.length || !w.startsWith(s)) return s;
    switch (s[s.length - 1] + w[s.length]) {
      case 'nt': case 'mp': case 'lt': case 'rt': case 'nk': case 'ht':
        return w.slice(0, s.length + 1);
      default:
        return s;
    }
  }

  function nenNoun(w, s) {
    const n = s.length;
    let cut = 0;
    if (s.endsWith('in') && w.slice(Math.min(n - 2, w.length)).startsWith('inen')) cut = 2;
    else if (s.endsWith('is')) cut = 2;
    else if (s.endsWith('ist') && w.slice(Math.min(n - 3, w.length)).startsWith('isten')) cut = 3;
    if (cut === 0 || n - cut < 3 || s[n - cut - 1] === 'i') return s;
    return s.slice(0, n - cut);
  }

  function usNoun(s) {
    const n = s.length;
    if (s.endsWith('uus') || s.endsWith('yys')) return s.slice(0, n - 1) + 't';
    if (n >= 5 && s.endsWith('ks') && isVowel(s[n - 3]) && s[n - 3] !== 'i') return s.slice(0, n - 2);
    if (n >= 4 && s[n - 1] === 's' && isVowel(s[n - 2]) && s[n - 2] !== 'i') return s.slice(0, n - 1);
    return s;
  }

  function gradate(s) {
    let i = s.length;
    while (i > 0 && isVowel(s[i - 1])) i--;
    let j = i;
    while (j > 0 && !isVowel(s[j - 1])) j--;
    if (j === 0 || j === i) return s;
    const c = s.slice(j, i);
    if (c === 'v') {
      const prev = s[j - 1];
      if (i < s.length && s[i] === prev && (prev === 'u' || prev === 'y')) return s.slice(0, j) + 'k' + s.slice(i);
      return s.slice(0, j) + 'p' + s.slice(i);
    }
    const g = GRADATIONS[c];
    if (g !== undefined) return s.slice(0, j) + g + s.slice(i);
    const n = c.length;
    if (n >= 2 && c[n - 1] === c[n - 2] && (c[n - 1] === 'k' || c[n - 1] === 'p' || c[n - 1] === 't')) {
      return s.slice(0, j) + c.slice(0, n - 1) + s.slice(i);
    }
    return s;
  }

  function normalise(w, s) {
    s = restoreDouble(w, s);
    if (s.length + 1 >= w.length && w.startsWith(s)) s = stripShort(w, s);
    s = extendCluster(w, s);
    s = nenNoun(w, s);
    s = usNoun(s);
    s = gradate(s);
    if (s.length >= 4 && isVowel(s[s.length - 1])) s = s.slice(0, s.length - 1);
    return s;
  }

  // key returns the index key of one folded word, as search.Key does.
  function key(w) {
    if (w.length < 3 || !RE_ASCII_LETTERS.test(w)) return w;
    return normalise(w, snowballStem(w));
  }

  // --- Derivation: a verb and its action nouns meet (kehittää,
  // kehitän ↔ kehittäminen, ohjata ↔ ohjaus, suunnitella ↔ suunnittelu,
  // delegoida ↔ delegointi, palkita ↔ palkitseminen). derive finds the verb
  // stems a word may come from and returns the keys of the other forms of
  // each; the search looks up only those the index has, so an invented
  // form costs nothing. internal/search/derive.go is the same, line by line,
  // and testdata/derivation.json holds the pairs that must and must not meet.

  // STRONG maps a weak consonant cluster to its strong grade (tiedän →
  // tietää, kuunnella → kuuntelu).
  const STRONG = { d: 't', t: 'tt', k: 'kk', p: 'pp', nn: 'nt', ll: 'lt', rr: 'rt', mm: 'mp', ng: 'nk', v: 'p', hd: 'ht' };

  // strong returns v with the consonants before its last vowels in the
  // strong grade, or '' when it has no gradation; a type 3 stem (kuunnele)
  // grades before its -le, -ne or -re.
  function strong(v) {
    let tail = '';
    if (/[aeiouy][lnr]e$/.test(v)) { tail = v.slice(-2); v = v.slice(0, -2); }
    let i = v.length;
    while (i > 0 && isVowel(v[i - 1])) i--;
    let j = i;
    while (j > 0 && !isVowel(v[j - 1])) j--;
    if (j === 0 || j === i || i === v.length) return '';
    const g = STRONG[v.slice(j, i)];
    return g === undefined ? '' : v.slice(0, j) + g + v.slice(i) + tail;
  }

  const RE_MINEN = /^(.{3,}[aeiouy])mi(nen|sen|sta|seen|sessa|sesta|sella|selle|set|sia|sten|siin)$/;
  const RE_NTI = /^(.{3,}oi)n(ti|nin|tia|tiin|nissa|nista|nilla|nit|teja)$/;
  const RE_US = /^(.{3,}?)(t?)(us|uksen|usta|ukseen|uksessa|uksesta|uksella|ukset|uksia|ys|yksen|ysta|ykseen|yksessa|yksesta|ykset|yksia)$/;
  const RE_LU = /^(.{3,}[aeiouy]l)(u|un|ua|uun|ussa|usta|ulla|ut|uja|y|yn|ya|yyn|yssa|ysta|ylla|yt|yja)$/;
  const RE_SU = /^(.{3,}[aeiouy]s)(u|un|ua|uun|ussa|usta|ut|uja|y|yn|ya|yyn|yssa|ysta|yt|yja)$/;
  const RE_TUA = /[td](ua|ya|uu|yy|un|yn|uin|yin|ui|yi)$/;
  const RE_NUT = /^(.{3,}[aeiouy])(nut|nyt|neet|neen|nutta|nytta|neita|neiden)$/;
  const RE_NTA = /^(.{3,}i)nna?(a|n|ssa|sta|an)?$|^(.{3,}i)nta(a|an|na)?$/;

  // verbStems returns the stems (strong grade, ending in a vowel) of the
  // verbs folded word w may be a form or an action noun of.
  function verbStems(w) {
    const out = new Set();
    const both = (v) => { out.add(v); const s = strong(v); if (s) out.add(s); };
    let m;
    if ((m = RE_MINEN.exec(w))) out.add(m[1]);
    if ((m = RE_NTI.exec(w))) out.add(m[1]);
    if ((m = RE_NUT.exec(w))) both(m[1]);
    if ((m = RE_US.exec(w)) && !RE_MINEN.test(w)) {
      if (m[2] === 't') out.add(m[1] + 'tta');
      else if (/[ao]$/.test(m[1])) out.add(m[1] + 'a');
    }
    if ((m = RE_LU.exec(w)) || (m = RE_SU.exec(w))) out.add(m[1] + 'e');
    if ((m = RE_NTA.exec(w))) out.add((m[1] || m[3]) + 'tse');
    if (/[aeiouy]da$/.test(w)) out.add(w.slice(0, -2));
    else if (/[aeiouy]ta$/.test(w)) {
      if (w[w.length - 3] === 'i') out.add(w.slice(0, -2) + 'tse');
      else { out.add(w.slice(0, -2) + 'a'); const g = strong(w.slice(0, -2)); if (g) out.add(g + 'a'); }
    } else if (/[aeiouy]sta$/.test(w)) out.add(w.slice(0, -2) + 'e');
    else if (/(lla|nna|rra)$/.test(w)) both(w.slice(0, -2) + 'e');
    else if (/[aeiouy]a$/.test(w)) out.add(w.slice(0, -1));
    if (/[aeiouy]n$/.test(w) && w.length >= 5 && !RE_MINEN.test(w)) both(w.slice(0, -1));
    return [...out].filter((v) => v.length >= 4);
  }

  // derive returns the keys of the other forms of the verbs folded word w
  // may come from: the verb, its -minen noun and its other action nouns.
  function derive(w) {
    const out = new Set();
    if (w.length < 5 || !RE_ASCII_LETTERS.test(w)) return [];
    for (const v of verbStems(w)) {
      const forms = [v + 'minen'];
      if (v.endsWith('oi')) forms.push(v + 'nti', v + 'da');
      else if (v.endsWith('tse')) forms.push(v.slice(0, -3) + 'ta', v.slice(0, -3) + 'nta');
      else if (/[aeiouy][lnr]e$/.test(v)) forms.push(v.slice(0, -1) + 'u', v.slice(0, -1) + 'y', v.slice(0, -1) + v[v.length - 2] + 'a');
      else if (/[aeiouy]se$/.test(v)) forms.push(v.slice(0, -1) + 'u', v.slice(0, -1) + 'y', v.slice(0, -1) + 'ta');
      else if (/[ao]a$/.test(v)) forms.push(v.slice(0, -1) + 'us', v.slice(0, -1) + 'ta', v.slice(0, -1) + 'nta');
      else {
        forms.push(v + 'a');
        if (v.endsWith('tta')) forms.push(v.slice(0, -3) + 'tus', v.slice(0, -3) + 'tys');
      }
      for (const f of forms) out.add(key(f));
    }
    out.delete(key(w));
    return [...out].sort();
  }

  // A verb in -tua/-tyä (palautua, palaudun) has the key of the noun in
  // -te (palaute): matchWord reads such a word first as the verb.
  return { stop: STOP_WORDS, fillers: FILLERS, key, derive, verbFirst: (w) => RE_TUA.test(w) };
}
