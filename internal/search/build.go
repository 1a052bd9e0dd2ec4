package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
)

// Doc is one page of the portal as the index sees it. FromSite makes them
// from the site model; tests make them by hand.
type Doc struct {
	URL       string // the page's URL as readers follow it, base path included
	Title     string
	Summary   string
	Headings  []string
	Body      string // plain text
	Tags      []string
	Area      string // theme area slug ("" for none)
	AreaTitle string
	Kind      string   // tieto | vinkki | menetelma | tyokalu ("" for none)
	Type      string   // helmi | case | luku | teema | sivu
	Audience  []string // johto | esihenkilot | paattajat | henkilosto | hanketoimijat
	Date      string   // YYYY-MM-DD or ""
}

// Options tune the index. The zero value is the default.
type Options struct {
	// Dir is the folder of the index under the site root; "haku".
	Dir string
	// SingleMax is the largest index, in bytes, written as one file;
	// 150,000.
	SingleMax int
	// ShardBytes is the size a term shard is filled to; 16,384.
	ShardBytes int
	// ChunkDocs is the number of documents per metadata chunk; 4.
	ChunkDocs int
	// Thesaurus is the portal's own thesaurus (content/sanasto.txt), nil
	// for none; the default thesaurus applies either way.
	Thesaurus *content.Thesaurus
	// Pause, when not nil, is called now and then during the build, every
	// few milliseconds of work; it may block to leave the CPU to more
	// urgent work (serve rebuilding pages). It changes nothing in the
	// output.
	Pause func()
}

// File is one file of the index.
type File struct {
	Path string // relative to the site root, with '/': "haku/index.json"
	Data []byte
}

// Kinds and audiences in the order the index numbers them. The codes of
// kt (a document's kind or, when it has none, its type) follow kinds.
var (
	kinds     = []string{"tieto", "vinkki", "menetelma", "tyokalu"}
	types     = []string{"helmi", "case", "luku", "teema", "sivu"}
	audiences = []string{"johto", "esihenkilot", "paattajat", "henkilosto", "hanketoimijat"}
)

// Field weights. The title gets a bonus of its own on top (see weigh).
const (
	weightTitle    = 2
	weightSummary  = 3
	weightTag      = 3
	weightHeading  = 3
	weightBody     = 1
	weightArea     = 0.5
	weightPart     = 0.5 // a part of a compound word, relative to the word
	excerptRunes   = 200
	bm25K1, bm25B  = 1.2, 0.75
	titleBonus     = 30
	titlePartBonus = 15
)

// b64 is the alphabet of the numbers packed into the index's strings.
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// manifest is index.json. With terms and docs inline it is the whole
// index; otherwise shards and dc say where the rest is.
type manifest struct {
	V      int         `json:"v"`
	H      string      `json:"h,omitempty"`
	N      int         `json:"n"`
	Areas  [][2]string `json:"areas"`
	AC     []int       `json:"ac"`
	KT     []string    `json:"kt"`
	Aud    []string    `json:"aud"`
	F      string      `json:"f"`
	Docs   [][3]string `json:"docs,omitempty"`
	Terms  *termSet    `json:"terms,omitempty"`
	Shards []string    `json:"shards,omitempty"`
	DC     int         `json:"dc,omitempty"`
	// Syn maps the key of a word a reader may type to the phrases it also
	// finds (their keys joined by spaces), those whose keys the index has.
	Syn map[string][]string `json:"syn,omitempty"`
}

// docWord is what one document has of one word of the vocabulary.
type docWord struct {
	id    int32
	tf    float32 // weighted count: a sum of halves, which float32 holds exactly up to 2^23
	title bool
}

// vocab numbers the distinct words of the corpus and their keys.
type vocab struct {
	ids     wordTable // folded word -> word number, and the words by number
	wordKey []int32   // word number -> key number
	keyIDs  map[string]int32
	keys    []string
	memo    map[string]string // keys of other strings (compound parts)
}

func newVocab() *vocab {
	return &vocab{keyIDs: map[string]int32{}, memo: map[string]string{}}
}

// analyseDocs analyses the documents on every core, each goroutine with
// a vocabulary of its own, and merges the vocabularies in document order,
// so that the numbers are those a single pass would give.
func analyseDocs(docs []Doc) (*vocab, [][]docWord, [][]ellipsis, []float64) {
	docWords := make([][]docWord, len(docs))
	docEllipses := make([][]ellipsis, len(docs))
	lengths := make([]float64, len(docs))
	p := max(1, min(runtime.GOMAXPROCS(0), len(docs)/256))
	locals := make([]*vocab, p)
	var wg sync.WaitGroup
	for g := range p {
		from, to := g*len(docs)/p, (g+1)*len(docs)/p
		locals[g] = newVocab()
		wg.Go(func() {
			var a analyser
			for i := from; i < to; i++ {
				docWords[i], docEllipses[i], lengths[i] = a.doc(docs[i], locals[g])
			}
		})
	}
	wg.Wait()
	// The first goroutine's vocabulary, its words numbered as one pass
	// would, takes in the others' words. Each word's key is found once,
	// here, not once by every goroutine that met the word.
	v := locals[0]
	v.keyWords()
	for g := 1; g < p; g++ {
		lv := locals[g]
		ids := make([]int32, len(lv.ids.words))
		for id, w := range lv.ids.words {
			if ids[id] = v.ids.findString(w); ids[id] < 0 {
				ids[id] = v.add(w, Key(w))
			}
		}
		for i := g * len(docs) / p; i < (g+1)*len(docs)/p; i++ {
			renumber(docWords[i], docEllipses[i], ids)
		}
	}
	return v, docWords, docEllipses, lengths
}

// renumber gives the words of ws and es, in place, the numbers ids has
// for them.
func renumber(ws []docWord, es []ellipsis, ids []int32) {
	for j := range ws {
		ws[j].id = ids[ws[j].id]
	}
	for j := range es {
		es[j].first, es[j].head = ids[es[j].first], ids[es[j].head]
	}
}

// analyser holds the scratch space of analysing one document after
// another.
type analyser struct {
	sc       scanner
	tf       []float64
	title    []bool
	touched  []int32
	pending  []int32    // dangling words waiting for their compound
	ellipses []ellipsis // of the document being analysed
}

// ellipsis is a word written with a dangling hyphen and the compound it
// shares its head with: "oppilas- ja opiskeluhuollon" stands for
// "oppilashuollon" too.
type ellipsis struct {
	first, head int32 // word numbers
	tf          float64
	title       bool
}

// doc returns the words of d with their weighted counts, its ellipses,
// and its length.
func (a *analyser) doc(d Doc, v *vocab) ([]docWord, []ellipsis, float64) {
	length := 0.0
	add := func(text string, w float64, isTitle bool) {
		a.sc.scan(text, func(b []byte, part, dangling bool) {
			id := v.word(b)
			if int(id) >= len(a.tf) {
				a.tf = append(a.tf, make([]float64, int(id)+1-len(a.tf))...)
				a.title = append(a.title, make([]bool, int(id)+1-len(a.title))...)
			}
			if a.tf[id] == 0 { // new in this document (every weight is above 0)
				a.touched = append(a.touched, id)
			}
			a.tf[id] += w
			a.title[id] = a.title[id] || isTitle
			length += w
			switch {
			case part:
			case dangling:
				a.pending = append(a.pending, id)
			default:
				for _, first := range a.pending {
					a.ellipses = append(a.ellipses, ellipsis{first: first, head: id, tf: w, title: isTitle})
				}
				a.pending = a.pending[:0]
			}
		})
		a.pending = a.pending[:0]
	}
	add(d.Title, weightTitle, true)
	add(d.Summary, weightSummary, false)
	for _, t := range d.Tags {
		add(t, weightTag, false)
	}
	for _, h := range d.Headings {
		add(h, weightHeading, false)
	}
	add(d.Body, weightBody, false)
	add(d.AreaTitle, weightArea, false)
	ws := make([]docWord, len(a.touched))
	for j, id := range a.touched {
		ws[j] = docWord{id: id, tf: float32(a.tf[id]), title: a.title[id]}
		a.tf[id], a.title[id] = 0, false
	}
	a.touched = a.touched[:0]
	ell := a.ellipses
	a.ellipses = nil
	return ws, ell, length
}

// add adds the folded word w with its key k, when new, and returns its
// number.
func (v *vocab) add(w, k string) int32 {
	if id := v.ids.findString(w); id >= 0 {
		return id
	}
	id := v.ids.add(w)
	v.wordKey = append(v.wordKey, v.keyID(k))
	return id
}

// word returns the number of the folded word b, adding it when new,
// without its key: keyWords gives the words so added their keys.
func (v *vocab) word(b []byte) int32 {
	if id := v.ids.find(b); id >= 0 {
		return id
	}
	return v.ids.add(string(b))
}

// keyWords gives the words added by word their keys, in the order they
// were added, which numbers the keys as if each had come with its word.
func (v *vocab) keyWords() {
	for id := len(v.wordKey); id < len(v.ids.words); id++ {
		v.wordKey = append(v.wordKey, v.keyID(Key(v.ids.words[id])))
	}
}

// keyID returns the number of key k, adding it when new.
func (v *vocab) keyID(k string) int32 {
	kid, ok := v.keyIDs[k]
	if !ok {
		kid = int32(len(v.keys))
		v.keyIDs[k] = kid
		v.keys = append(v.keys, k)
	}
	return kid
}

// key returns the key of any string, memoised.
func (v *vocab) key(s string) string {
	if id := v.ids.findString(s); id >= 0 {
		return v.keys[v.wordKey[id]]
	}
	return v.otherKey(s)
}

// otherKey is key for a string that is no word of the vocabulary.
func (v *vocab) otherKey(s string) string {
	k, ok := v.memo[s]
	if !ok {
		k = Key(s)
		v.memo[s] = k
	}
	return k
}

// splitter returns the compound splitter over the vocabulary, knowing the
// first corpusKeys keys (those of the corpus's words).
func (v *vocab) splitter(corpusKeys int) *splitter {
	return &splitter{v: v, corpusKeys: corpusKeys}
}

// Build makes the search index of docs. The output is deterministic: the
// same docs in any order give the same files.
//
// A small portal gets one file, Dir/index.json. A large one (whose single
// file would pass SingleMax) gets a manifest Dir/index.json, term shards
// Dir/t/N.json holding ranges of keys, and metadata chunks Dir/d/N.json
// holding ChunkDocs documents each; haku.js fetches only the shards of the
// query's words and the chunks of the hits it shows.
func Build(docs []Doc, opts Options) ([]File, error) {
	return build(docs, opts, analyseDocs)
}

// build is Build with the analysis step given (analyseDocs, or an
// Indexer's).
func build(docs []Doc, opts Options, analyse func([]Doc) (*vocab, [][]docWord, [][]ellipsis, []float64)) ([]File, error) {
	if opts.Dir == "" {
		opts.Dir = "haku"
	}
	if opts.SingleMax <= 0 {
		opts.SingleMax = 150_000
	}
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = 16_384
	}
	if opts.ChunkDocs <= 0 {
		opts.ChunkDocs = 4
	}
	var errs []error
	seen := map[string]bool{}
	for i, d := range docs {
		switch {
		case d.URL == "":
			errs = append(errs, fmt.Errorf("search document %d (%q) has no URL", i, d.Title))
		case seen[d.URL]:
			errs = append(errs, fmt.Errorf("search document URL %q appears twice", d.URL))
		}
		seen[d.URL] = true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// Areas in the order they first appear; documents by area, type, URL.
	var areas [][2]string
	areaIndex := map[string]int{}
	for _, d := range docs {
		if d.Area == "" {
			continue
		}
		i, ok := areaIndex[d.Area]
		if !ok {
			i = len(areas)
			areaIndex[d.Area] = i
			areas = append(areas, [2]string{d.Area, ""})
		}
		if areas[i][1] == "" {
			areas[i][1] = d.AreaTitle
		}
	}
	areaOf := func(d *Doc) int {
		if i, ok := areaIndex[d.Area]; ok {
			return i
		}
		return len(areas)
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &docs[order[i]], &docs[order[j]]
		if x, y := areaOf(a), areaOf(b); x != y {
			return x < y
		}
		if x, y := indexOf(types, a.Type), indexOf(types, b.Type); x != y {
			return x < y
		}
		return a.URL < b.URL
	})
	sorted := make([]Doc, len(docs))
	for i, j := range order {
		sorted[i] = docs[j]
	}
	docs = sorted
	ac := make([]int, len(areas))
	for i := range docs {
		if i := areaOf(&docs[i]); i < len(areas) {
			ac[i]++
		}
	}

	// Words of every document, weighted by field: each distinct word of
	// the corpus gets a number, each document a list of its words.
	pause := func() {
		if opts.Pause != nil {
			opts.Pause()
		}
	}
	pause()
	v, docWords, docEllipses, lengths := analyse(docs)
	pause()
	var avgLen float64
	for _, l := range lengths {
		avgLen += l
	}
	if len(docs) > 0 {
		avgLen /= float64(len(docs))
	}
	if avgLen == 0 {
		avgLen = 1
	}

	// Keys of every document: its words' keys and the keys of their parts.
	// The keys of the parts of word id are
	// partKeys[partStart[id]:partStart[id+1]]; every word is in some
	// document.
	sp := v.splitter(len(v.keys))
	splitMemo := map[string][]string{}
	partStart := make([]int32, len(v.ids.words)+1)
	var partKeys []int32
	for id, w := range v.ids.words {
		if id%1024 == 1023 {
			pause()
		}
		for _, pk := range sp.partKeys(w, splitMemo) {
			partKeys = append(partKeys, v.keyID(pk))
		}
		partStart[id+1] = int32(len(partKeys))
	}
	pause()
	ktf := make([]float64, len(v.keys))
	kWhole := make([]bool, len(v.keys))
	kPart := make([]bool, len(v.keys))
	postings := make([]postingList, len(v.keys))
	// grow makes room for the keys of parts that are no words of the corpus.
	grow := func() {
		if n := len(v.keys); n > len(ktf) {
			ktf = append(ktf, make([]float64, n-len(ktf))...)
			kWhole = append(kWhole, make([]bool, n-len(kWhole))...)
			kPart = append(kPart, make([]bool, n-len(kPart))...)
			postings = append(postings, make([]postingList, n-len(postings))...)
		}
	}
	var touched []int32
	for i, ws := range docWords {
		if i%512 == 511 {
			pause()
		}
		touched = touched[:0]
		touch := func(k int32) {
			if ktf[k] == 0 {
				touched = append(touched, k)
			}
		}
		for _, w := range ws {
			k := v.wordKey[w.id]
			touch(k)
			ktf[k] += float64(w.tf)
			kWhole[k] = kWhole[k] || w.title
			for _, p := range partKeys[partStart[w.id]:partStart[w.id+1]] {
				touch(p)
				ktf[p] += float64(w.tf) * weightPart
				kPart[p] = kPart[p] || w.title
			}
		}
		for _, e := range docEllipses[i] {
			h := sp.head(v.ids.words[e.head])
			if h == "" {
				continue
			}
			k := v.keyID(sp.key(v.ids.words[e.first] + h))
			grow()
			touch(k)
			ktf[k] += e.tf * weightPart
			kPart[k] = kPart[k] || e.title
		}
		norm := bm25K1 * (1 - bm25B + bm25B*lengths[i]/avgLen)
		for _, k := range touched {
			sat := ktf[k] * (bm25K1 + 1) / (ktf[k] + norm)
			w := 1 + int(math.Round(30*sat/(bm25K1+1)))
			switch {
			case kWhole[k]:
				w += titleBonus
			case kPart[k]:
				w += titlePartBonus
			}
			postings[k].add(i, min(w, 63))
			ktf[k], kWhole[k], kPart[k] = 0, false, false
		}
	}
	pause()
	var terms []term
	for k, ps := range postings {
		if len(ps.b) > 0 {
			terms = append(terms, term{key: v.keys[k], postings: ps.b})
		}
	}

	// Facet codes and result rows.
	var f strings.Builder
	rows := make([][3]string, len(docs))
	for i, d := range docs {
		kt := indexOf(kinds, d.Kind)
		if kt < 0 {
			kt = indexOf(types, d.Type)
			if kt < 0 {
				kt = indexOf(types, "sivu")
			}
			kt += len(kinds)
		}
		aud := 0
		for _, a := range d.Audience {
			if j := indexOf(audiences, a); j >= 0 {
				aud |= 1 << j
			}
		}
		v := kt*32 + aud
		f.WriteByte(b64[v>>6])
		f.WriteByte(b64[v&63])
		rows[i] = [3]string{d.URL, d.Title, excerpt(d)}
	}
	known := make(map[string]bool, len(terms))
	for _, t := range terms {
		known[t.key] = true
	}
	m := manifest{
		V: 1, N: len(docs), Areas: areas, AC: ac,
		KT: append(append([]string(nil), kinds...), types...), Aud: audiences, F: f.String(),
		Docs: rows,
		Syn:  thesaurusTable(opts.Thesaurus).forIndex(func(k string) bool { return known[k] }),
	}
	sort.Slice(terms, func(i, j int) bool { return lessUTF16(terms[i].key, terms[j].key) })
	if m.Areas == nil {
		m.Areas = [][2]string{}
		m.AC = []int{}
	}
	pause()
	// JSON never writes a string shorter than it is: when the strings
	// alone pass SingleMax, the single file would too, and need not be
	// made.
	least := len(m.F)
	for _, t := range terms {
		least += len(t.key) + len(t.postings)
	}
	for _, r := range rows {
		least += len(r[0]) + len(r[1]) + len(r[2])
	}
	if least > opts.SingleMax {
		return shard(m, terms, opts)
	}
	m.Terms = encodeTermSet(terms)
	single, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding the search index: %w", err)
	}
	if len(single) <= opts.SingleMax {
		return []File{{Path: opts.Dir + "/index.json", Data: single}}, nil
	}
	return shard(m, terms, opts)
}

// termSet is a set of keys and their postings: k holds the keys in order,
// separated by spaces, each written as the number of UTF-16 code units it
// shares with the key before it (one b64 character, at most 63) and the
// rest; p holds the postings of each key in the same order, separated by
// spaces.
type termSet struct {
	K string `json:"k"`
	P string `json:"p"`
}

// term is one key of the index and its postings (see postingList).
type term struct {
	key      string
	postings []byte
}

func encodeTermSet(terms []term) *termSet {
	var kb, pb strings.Builder
	var prev []uint16
	for i, t := range terms {
		k := t.key
		u := utf16.Encode([]rune(k))
		n := 0
		for n < len(u) && n < len(prev) && n < 63 && u[n] == prev[n] {
			n++
		}
		if n > 0 && utf16.IsSurrogate(rune(u[n-1])) && u[n-1] < 0xDC00 {
			n-- // never split a surrogate pair
		}
		if i > 0 {
			kb.WriteByte(' ')
			pb.WriteByte(' ')
		}
		kb.WriteByte(b64[n])
		kb.WriteString(string(utf16.Decode(u[n:])))
		pb.Write(t.postings)
		prev = u
	}
	return &termSet{K: kb.String(), P: pb.String()}
}

// shard splits the single index m, whose terms are terms (in order), into
// a manifest, term shards and metadata chunks.
func shard(m manifest, terms []term, opts Options) ([]File, error) {
	var files []File
	sum := sha256.New()
	emit := func(path string, v any) error {
		if len(files)%64 == 63 && opts.Pause != nil {
			opts.Pause()
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encoding %s: %w", path, err)
		}
		sum.Write([]byte(path))
		sum.Write(b)
		files = append(files, File{Path: opts.Dir + "/" + path, Data: b})
		return nil
	}
	var starts []string
	from, size := 0, 0
	for i, t := range terms {
		if i == from {
			if len(starts) == 0 {
				starts = append(starts, "")
			} else {
				starts = append(starts, t.key)
			}
		}
		size += len(t.key) + len(t.postings) + 3
		if size >= opts.ShardBytes || i == len(terms)-1 {
			if err := emit("t/"+strconv.Itoa(len(starts)-1)+".json", encodeTermSet(terms[from:i+1])); err != nil {
				return nil, err
			}
			from, size = i+1, 0
		}
	}
	for i := 0; i < len(m.Docs); i += opts.ChunkDocs {
		if err := emit("d/"+strconv.Itoa(i/opts.ChunkDocs)+".json", m.Docs[i:min(i+opts.ChunkDocs, len(m.Docs))]); err != nil {
			return nil, err
		}
	}
	m.Terms, m.Docs = nil, nil
	if starts == nil {
		starts = []string{""}
	}
	m.Shards, m.DC = starts, opts.ChunkDocs
	m.H = hex.EncodeToString(sum.Sum(nil))[:10]
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding the search manifest: %w", err)
	}
	return append([]File{{Path: opts.Dir + "/index.json", Data: b}}, files...), nil
}

// postingList is the postings of one key, packed as b64 characters as
// documents are added, in increasing order: for each document, the gap
// from the previous one (the first from -1) as a base-32 varint, low
// digits first, with 32 marking "more digits follow"; then the weight.
type postingList struct {
	b    []byte
	next int // the document after the last one added
}

// add adds document doc, greater than any added before, with its weight
// (1..63).
func (pl *postingList) add(doc, weight int) {
	gap := doc - (pl.next - 1)
	pl.next = doc + 1
	for gap >= 32 {
		pl.b = append(pl.b, b64[gap&31|32])
		gap >>= 5
	}
	pl.b = append(pl.b, b64[gap], b64[weight])
}

// excerpt is the text a hit shows: the summary, or the start of the body.
func excerpt(d Doc) string {
	if s := strings.TrimSpace(d.Summary); s != "" {
		return s
	}
	body := strings.Join(strings.Fields(d.Body), " ")
	if utf8.RuneCountInString(body) <= excerptRunes {
		return body
	}
	rs := []rune(body)[:excerptRunes]
	cut := len(rs)
	for cut > excerptRunes/2 && !unicode.IsSpace(rs[cut-1]) {
		cut--
	}
	return strings.TrimRightFunc(string(rs[:cut]), unicode.IsSpace) + "…"
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// lessUTF16 orders strings as JavaScript compares them, by UTF-16 code
// units, so that haku.js finds a key's shard by comparing strings.
func lessUTF16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := utf16.AppendRune(nil, ra), utf16.AppendRune(nil, rb)
			for i := 0; i < len(ua) && i < len(ub); i++ {
				if ua[i] != ub[i] {
					return ua[i] < ub[i]
				}
			}
			return len(ua) < len(ub)
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}
