// Package search builds the portal's prebuilt search index, the stage
// after the site model: its input is the model (FromSite turns it into
// Docs), its output the JSON files under /haku/ that
// themes/helminauha/assets/haku.js loads in the reader's browser. It
// imports site and markdown only, and nothing imports it but build.
//
// # Analysis
//
// Analyze turns text into tokens: NFC, lower case, ä/ö/å and other
// diacritics folded to ASCII, hyphenated words whole and in parts, stop
// words left out. Key turns a folded word into the key the index holds:
// the Snowball Finnish stemmer (github.com/blevesearch/snowballstem) plus
// rules for what it gets wrong on Finnish (consonant gradation of the last
// syllable, -minen/-inen/-us nouns, short words). haku.js has the same
// analysis, ported line by line (the Finnish parts in haku-fi.js, which it
// loads for a Finnish index); testdata/analysis.golden.json pins both
// on some 4,000 inputs (go test -update rewrites it, jstest/analysis.test.mjs
// checks the JS side against it).
//
// That is the Finnish analysis. The language of an index
// (Options.Language) chooses its analysis, a Language (lang.go): Swedish
// for "sv" and a Swedish tag with a region ("sv-FI"), with the Snowball Swedish stemmer and mending of the definite
// forms it leaves, Swedish stop words, compound parts that may end in a
// linking -s-, -ing/-ning derivation and a default thesaurus of its own
// (sanasto.sv.txt). The manifest of a Swedish index says "lang":"sv", and
// haku.js loads the same analysis from haku-sv.js;
// testdata/analysis-sv.golden.json pins the two.
//
// The build's stages are files of their own: the documents in index order
// (build.go), the vocabulary and parallel analysis (vocab.go), the keys
// and their BM25-ranked postings (rank.go), facet codes and result rows
// (facets.go), the wire format (wire.go), and the thesaurus
// (thesaurus.go, sanasto.txt). Derive (derive.go) is the query side's
// verb/noun derivation, kept here beside its JavaScript twin's reference.
//
// Compound words are split with the portal's own vocabulary: at build
// time each word that is a run of other words of the corpus is indexed
// under its parts' keys too, at half weight ("etätyönohjaus" under
// "ohjaus"), and a word with a dangling hyphen under the compound it
// shares a head with ("sosiaali- ja terveyspalvelut" under
// "sosiaalipalvelut"); at query time haku.js splits an unknown word into known keys
// ("verkostojohtaminen" finds "verkostojen johtaminen"), matches the
// compounds a word ends, the keys the word being typed starts, and the
// keys one typo away (for words of six letters or more), each ranked
// below an exact match.
//
// # Index format
//
// index.json (the manifest) holds v (the format, 3), n (documents), areas
// ([slug, title] in necklace order), ac (documents per area; documents are
// ordered by area, those without one last), kt (the kind or page type
// names), lang (the analysis, when not Finnish: "sv"), aud (the audience
// names), ktl and audl (the names readers see
// for them, in the same order), f: two characters of the b64 alphabet per
// document encoding kt*32 + the audience bit mask, and syn (the thesaurus:
// the key of a word a reader may type -> the phrases it also finds, their
// keys joined by spaces, those the index has; see thesaurus.go). A portal
// whose whole index fits in Options.SingleMax bytes has everything in
// this one file: docs ([url, title, excerpt] per document) and terms, a
// term set: {"k": keys, "p": postings}, where k holds the keys in order,
// separated by spaces, each written as the number of UTF-16 code units it
// shares with the key before (one b64 character) and the rest, and p the
// postings of each key in the same order, separated by spaces. A larger
// portal instead has h (a build hash, sent as ?v=
// when fetching the other files), shards (the bound of each term shard
// t/N.json, each a term set, "" first: the shortest start of its first key
// that comes after the last key of the shard before, so that a key is in
// the last shard whose bound is not after it; keys are ordered by UTF-16
// code units, as JavaScript compares strings; the bounds are front-coded
// in one string as a term set's k), dc (documents per chunk d/N.json)
// and, when some list is cut short, wc (documents per file w/N.json of
// the postings left out by page, since format 4; see termSet). Postings are
// b64 text: per document, the gap from the previous document number as a
// little-endian base-32 varint (32 = more digits follow), then a weight
// 1–63 (BM25-saturated field-weighted frequency plus a title bonus). A
// list that is shorter so (since format 3, see wireList) is grouped by
// weight instead: it starts with '.', and for each weight, greatest first,
// has '.', the weight, then the gaps between the documents of that weight
// (the first from -1) as varints.
package search
