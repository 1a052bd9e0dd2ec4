package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
)

// b64 is the alphabet of the numbers packed into the index's strings.
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// format is the version of the index's files, raised with haku.js's
// FORMAT whenever their layout changes (2: the shard bounds front-coded in
// one string; 3: a list of postings may be grouped by weight, see
// wireList; 4: a list cut short has a number, and w/N.json holds the
// weights of the postings left out by page, see termSet; 5: a shard's
// long lists are files of their own, t/lN.json, see termSet).
const format = 5

// manifest is index.json. With terms and docs inline it is the whole
// index; otherwise shards and dc say where the rest is.
type manifest struct {
	// V is format: haku.js reads one version (its FORMAT) and refuses
	// another, so an index.json a cache kept from the last build is asked
	// for again instead of being misread.
	V int `json:"v"`
	// Lang is the analysis of the index for haku.js, when it is not
	// Finnish: "sv".
	Lang  string      `json:"lang,omitempty"`
	H     string      `json:"h,omitempty"`
	N     int         `json:"n"`
	Areas [][2]string `json:"areas"`
	AC    []int       `json:"ac"`
	KT    []string    `json:"kt"`
	Aud   []string    `json:"aud"`
	// KTL and AudL are the names readers see for kt and aud, in the
	// same order.
	KTL  []string `json:"ktl"`
	AudL []string `json:"audl"`
	// FR is every document's facet code (see facetCodes) as runs.
	FR    string      `json:"fr"`
	Docs  [][3]string `json:"docs,omitempty"`
	Terms *termSet    `json:"terms,omitempty"`
	// Shards is the bound of each term shard (see separator), front-coded
	// as a term set's keys.
	Shards string `json:"shards,omitempty"`
	DC     int    `json:"dc,omitempty"`
	// WC is the number of documents in each file of the postings left
	// out by page (w/N.json), when the index has such files.
	WC int `json:"wc,omitempty"`
	// Syn maps the key of a word a reader may type to the phrases it also
	// finds (their keys joined by spaces), those whose keys the index has.
	Syn map[string][]string `json:"syn,omitempty"`
}

// newManifest makes the manifest of the index: everything but the terms
// and, for a sharded index, the rows.
func newManifest(docs []Doc, areas [][2]string, ac []int, f string, rows [][3]string, terms []term, l *Language, thesaurus *content.Thesaurus) manifest {
	known := make(map[string]bool, len(terms))
	for _, t := range terms {
		known[t.key] = true
	}
	m := manifest{
		V: format, N: len(docs), Areas: areas, AC: ac,
		KT: append(append([]string(nil), kinds...), types...), Aud: audiences, FR: f,
		KTL: ktLabels(), AudL: audLabels(),
		Docs: rows,
		Syn:  thesaurusTable(l, thesaurus).forIndex(func(k string) bool { return known[k] }),
	}
	if l != finnish {
		m.Lang = l.Code
	}
	if m.Areas == nil {
		m.Areas = [][2]string{}
		m.AC = []int{}
	}
	return m
}

// encode writes the index: one file when it fits in opts.SingleMax,
// otherwise a manifest, term shards and metadata chunks.
func encode(m manifest, terms []term, rows [][3]string, opts Options) ([]File, error) {
	// JSON never writes a string shorter than it is: when the strings
	// alone pass SingleMax, the single file would too, and need not be
	// made.
	//
	// Whether the index is one file is judged by its size with every list
	// written per document, as before lists were grouped by weight
	// (wireList), so that a portal's index is one file or in shards as it
	// was, and finds what it found; grouped, the file is smaller.
	least := len(m.FR)
	for _, t := range terms {
		least += len(t.key) + len(t.postings)
	}
	for _, r := range rows {
		least += len(r[0]) + len(r[1]) + len(r[2])
	}
	if least > opts.SingleMax {
		return shard(m, terms, opts)
	}
	wire, saved := wireTerms(terms)
	m.Terms = encodeTermSet(wire)
	single, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding the search index: %w", err)
	}
	// A list's characters need no escaping in JSON: the single file
	// written per document would be saved bytes longer.
	if len(single)+saved <= opts.SingleMax {
		return []File{{Path: opts.Dir + "/index.json", Data: single}}, nil
	}
	return shard(m, terms, opts)
}

// termSet is a set of keys and their postings: k holds the keys in order,
// separated by spaces, each written as the number of UTF-16 code units it
// shares with the key before it (one b64 character, at most 63) and the
// rest; p holds the postings of each key in the same order, separated by
// spaces, each list as wireList writes it.
//
// In a sharded index, a key with more than Options.Head postings keeps
// only its best ones in p (at most Head, by weight, then by document; in
// document order as any list), and x says so: for each such key, [its
// position in k, its number of postings, the length of its whole list as
// p would write it, the last document of p's list when all in it weigh
// the same (any left out with that weight comes after it) or -1, its
// number among the lists cut short (in the order of their keys), then for
// each tier of the postings left out, best first, the greatest weight in
// it and N], where the file t/pN.json holds the tier (a JSON string, a
// list of its own). haku.js reads a tier only when the postings in it
// could change the hits it shows.
//
// The same postings left out are also written by page: w/N.json holds,
// for each of the manifest's wc documents from the N·wc-th, a list of the numbers
// of the lists cut short that leave the document out and its weight in
// each, written as a list of postings (the number for the document). A
// query whose first hits wait on a few pages' weights in common words
// reads those pages' files instead of the words' tiers, which at 100,000
// pages hold tens of thousands of postings each.
//
// In a sharded index, a list (the head of a list cut short) longer than
// Options.ListBytes, written per document, is not in p (its place there
// is empty) but in a file of its own, t/lN.json (a JSON string, the list
// as wireList writes it), and o says so: for each such key, [its position
// in k, N, its number of postings, the length of its whole list written
// per document (of a list cut short, as in x)]. A query reads such a file
// only for a key it uses: a shard is mostly read for a key or two, or
// only to learn that a key is not in it (a derived form the index lacks),
// and at 100,000 pages a few lists of thousands of postings fill a shard.
type termSet struct {
	K string  `json:"k"`
	P string  `json:"p"`
	X [][]int `json:"x,omitempty"`
	O [][]int `json:"o,omitempty"`
}

// term is one key of the index and its postings (see postingList).
type term struct {
	key      string
	postings []byte
	// cut, for a key whose postings a sharded index cuts short, says what
	// is left out.
	cut *cut
	// out, for a list a sharded index writes in a file of its own, says
	// where it is (see termSet).
	out *listFile
}

// listFile is a list in a file of its own, t/lN.json: N, the key's number
// of postings and its whole list's length written per document (of a list
// cut short, as in x).
type listFile struct{ file, df, length int }

func encodeTermSet(terms []term) *termSet {
	var pb strings.Builder
	keys := make([]string, len(terms))
	for i, t := range terms {
		if i > 0 {
			pb.WriteByte(' ')
		}
		pb.Write(t.postings)
		keys[i] = t.key
	}
	ts := &termSet{K: frontCode(keys), P: pb.String()}
	for i, t := range terms {
		if t.cut != nil {
			x := []int{i, t.cut.df, t.cut.length, t.cut.tie, t.cut.ord}
			for _, tier := range t.cut.tiers {
				x = append(x, tier[0], tier[1])
			}
			ts.X = append(ts.X, x)
		}
		if t.out != nil {
			ts.O = append(ts.O, []int{i, t.out.file, t.out.df, t.out.length})
		}
	}
	return ts
}

// wireTerms returns terms with their lists as the files write them (see
// wireList), and how many bytes shorter those are than the lists.
func wireTerms(terms []term) ([]term, int) {
	out := make([]term, len(terms))
	saved := 0
	for i, t := range terms {
		out[i] = t
		out[i].postings = wireList(t.postings)
		saved += len(t.postings) - len(out[i].postings)
	}
	return out, saved
}

// frontCode writes keys (in order, none with a space) as a term set's k
// does: separated by spaces, each as the number of UTF-16 code units it
// shares with the key before it (one b64 character, at most 63) and the
// rest.
func frontCode(keys []string) string {
	var kb strings.Builder
	var prev []uint16
	for i, k := range keys {
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
		}
		kb.WriteByte(b64[n])
		kb.WriteString(string(utf16.Decode(u[n:])))
		prev = u
	}
	return kb.String()
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
		b, ok := v.([]byte) // JSON already
		if !ok {
			var err error
			if b, err = json.Marshal(v); err != nil {
				return fmt.Errorf("encoding %s: %w", path, err)
			}
		}
		sum.Write([]byte(path))
		sum.Write(b)
		files = append(files, File{Path: opts.Dir + "/" + path, Data: b})
		return nil
	}
	terms, tiers, byDoc := cutPostings(terms, opts.Head, len(m.Docs))
	for i, tier := range tiers {
		if err := emit("t/p"+strconv.Itoa(i)+".json", string(wireList(tier))); err != nil {
			return nil, err
		}
	}
	if len(tiers) > 0 {
		for i, b := range byDoc {
			if err := emit("w/"+strconv.Itoa(i)+".json", b); err != nil {
				return nil, err
			}
		}
		m.WC = weightDocs
	}
	var starts []string
	from, size, lists := 0, 0, 0
	for i, t := range terms {
		if i == from {
			if len(starts) == 0 {
				starts = append(starts, "")
			} else {
				starts = append(starts, separator(terms[i-1].key, t.key))
			}
		}
		size += len(t.key) + len(t.postings) + 3
		if size >= opts.ShardBytes || i == len(terms)-1 {
			// A shard is filled by its lists' length written per
			// document, as before lists were grouped by weight, so that
			// it holds the keys it held and a query reads the shards it
			// read and finds what it found, in fewer bytes; a list cut
			// short keeps that length in x (cut.length), which haku.js
			// compares.
			wire, _ := wireTerms(terms[from : i+1])
			for j := range wire {
				if len(terms[from+j].postings) <= opts.ListBytes {
					continue
				}
				out := &listFile{file: lists, length: len(terms[from+j].postings)}
				if c := terms[from+j].cut; c != nil {
					out.df, out.length = c.df, c.length
				} else {
					eachPosting(terms[from+j].postings, func(int, int) { out.df++ })
				}
				wire[j].out = out
				if err := emit("t/l"+strconv.Itoa(lists)+".json", string(wire[j].postings)); err != nil {
					return nil, err
				}
				wire[j].postings = nil
				lists++
			}
			if err := emit("t/"+strconv.Itoa(len(starts)-1)+".json", encodeTermSet(wire)); err != nil {
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
	m.Shards, m.DC = frontCode(starts), opts.ChunkDocs
	m.H = hex.EncodeToString(sum.Sum(nil))[:10]
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding the search manifest: %w", err)
	}
	return append([]File{{Path: opts.Dir + "/index.json", Data: b}}, files...), nil
}

// separator returns the shortest start of key (whole runes) that comes
// after prev, the last key of the shard before: the shard's bound in the
// manifest. Every key of the index falls in the same shard by it as by the
// whole key, and a key the index lacks that starts as key does (the stem
// of a derived form, "verkostojoht" beside "verkostojohtam") falls in the
// shard of key, which a query loads anyway, not in the one before it; and
// the manifest is shorter.
func separator(prev, key string) string {
	for i := range key {
		if i > 0 && lessUTF16(prev, key[:i]) {
			return key[:i]
		}
	}
	return key
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

// weightDocs is the number of documents in a file of the postings left
// out by page (w/N.json): a query reads such a file for one page it waits
// on, and the pages it waits on are seldom neighbours, so a file of two
// costs half the bytes of one of four; at 100,000 pages a document has
// some 200 postings left out, 400 bytes or so.
const weightDocs = 2

// cutPostings returns terms with each list of more than head postings cut
// to at most its head best ones (by weight, then by document), and the
// rest of the lists cut in tiers, each a list of its own (see termSet):
// the next 2·head postings or so of a list, then the next 4·head, and so
// on, each tier ending where the weight drops. Weights are small numbers,
// so the cuts come from counting each weight's postings, not sorting. It
// also returns the postings left out by document, as the files w/N.json
// hold them (see termSet and byDocument), or nil when no list is cut.
func cutPostings(terms []term, head, docs int) ([]term, [][]byte, [][]byte) {
	var files [][]byte
	var ords []int // the number of the list cut short of each of files
	cuts := 0
	out := make([]term, len(terms))
	for i, t := range terms {
		out[i] = t
		if len(t.postings) <= 2*head { // each posting takes two bytes or more
			continue
		}
		var count [64]int
		n := 0
		eachPosting(t.postings, func(_, w int) { count[w]++; n++ })
		if n <= head {
			continue
		}
		c := &cut{df: n, length: len(t.postings), tie: -1, ord: cuts}
		cuts++
		// tierOf[w] is the tier of the postings of weight w, 0 for the
		// head; the head ends where the weight drops, so that any posting
		// left out weighs less than every one kept, unless the best weigh
		// all the same: then the head is the first head of them.
		var tierOf [64]int
		w := 63
		for count[w] == 0 {
			w--
		}
		top, split := w, 0
		if count[w] > head {
			split = head
		} else {
			for kept := 0; w > 0 && kept+count[w] <= head; w-- {
				kept += count[w]
			}
		}
		// The tiers after the head: whole weights, until each holds its
		// size or more (the rest of the best weight first, when split).
		for size := 2 * head; w > 0; size *= 2 {
			for w > 0 && count[w] == 0 {
				w--
			}
			if w == 0 {
				break
			}
			c.tiers = append(c.tiers, [2]int{w, len(files) + len(c.tiers)})
			in := 0
			if w == top && split > 0 {
				in = count[w] - split
				tierOf[w] = len(c.tiers)
				w--
			}
			for ; w > 0 && in < size; w-- {
				in += count[w]
				tierOf[w] = len(c.tiers)
			}
		}
		lists := make([]postingList, len(c.tiers)+1)
		seen := 0 // postings of the best weight so far, when split
		eachPosting(t.postings, func(doc, w int) {
			j := tierOf[w]
			if w == top && split > 0 {
				if seen < split {
					j = 0
					c.tie = doc
				}
				seen++
			}
			lists[j].add(doc, w)
		})
		out[i].postings = lists[0].b
		out[i].cut = c
		for _, l := range lists[1:] {
			files = append(files, l.b)
			ords = append(ords, c.ord)
		}
	}
	if cuts == 0 {
		return out, files, nil
	}
	return out, files, byDocument(files, ords, docs)
}

// byDocument returns the files w/N.json: for each weightDocs documents of
// the docs, a JSON array of, for each, its postings in the tiers (each a
// list of postings; ords[i] the number of the list cut short that tiers[i]
// is of, in order) as a list of postings written by postingList, with the
// lists' numbers for documents. A counting sort by document: the tiers are
// read twice, to count and to place, so that each slice is made once at
// its size (appending the postings of 10,000 pages one by one allocated
// five times their size as the slice grew), and the files are written
// from it straight away, in one buffer.
func byDocument(tiers [][]byte, ords []int, docs int) [][]byte {
	start := make([]int32, docs+1)
	for _, b := range tiers {
		eachPosting(b, func(doc, _ int) { start[doc+1]++ })
	}
	for d := range docs {
		start[d+1] += start[d]
	}
	sorted := make([]int32, start[docs]) // list number << 6 | weight
	at := slices.Clone(start[:docs])
	for t, b := range tiers {
		ord := int32(ords[t]) << 6
		eachPosting(b, func(doc, w int) {
			sorted[at[doc]] = ord | int32(w)
			at[doc]++
		})
	}
	// The lists are b64 characters, which JSON writes as they are; the
	// buffer is made at the size of all the files (at 100,000 pages some
	// 44 MB), not grown.
	size := (docs/weightDocs + 1) * (1 + 3*weightDocs)
	for d := range docs {
		prev := -1
		for _, e := range sorted[start[d]:start[d+1]] {
			size += gapLen(int(e>>6)-prev) + 1
			prev = int(e >> 6)
		}
	}
	buf := make([]byte, 0, size)
	out := make([][]byte, 0, docs/weightDocs+1)
	for d := range docs {
		if d%weightDocs == 0 {
			if d > 0 {
				buf = append(buf, ']')
				out = append(out, buf[:len(buf):len(buf)])
				buf = buf[len(buf):]
			}
			buf = append(buf, '[', '"')
		} else {
			buf = append(buf, ',', '"')
		}
		prev := -1
		for _, e := range sorted[start[d]:start[d+1]] {
			ord := int(e >> 6)
			n := gapLen(ord-prev) + 1
			j := len(buf)
			buf = buf[:j+n]
			buf[putGap(buf, j, ord-prev)] = b64[e&63]
			prev = ord
		}
		buf = append(buf, '"')
	}
	if docs > 0 {
		out = append(out, append(buf, ']'))
	}
	return out
}

// cut is what a term shard says of a list cut short (see termSet).
type cut struct {
	df     int      // the number of postings
	length int      // the length of the whole list as postingList writes it
	tie    int      // the last document of the head, when all weigh the same; or -1
	ord    int      // its number among the lists cut short, in the order of their keys
	tiers  [][2]int // [the greatest weight in it, its file number] of each tier
}

// eachPosting calls f with each document of a list written by postingList
// and its weight, in order.
func eachPosting(b []byte, f func(doc, weight int)) {
	doc := -1
	for i := 0; i < len(b); {
		gap, next := readGap(b, i)
		doc += gap
		f(doc, int(b64Value[b[next]]))
		i = next + 1
	}
}

// readGap reads the gap postingList wrote at b[i:] (base-32 digits, least
// first, 32 marking that more follow) and returns it and where it ends.
// Small enough to be inlined: the loops over a list's postings call it
// for each one.
func readGap(b []byte, i int) (gap, next int) {
	for shift := 0; ; shift += 5 {
		v := int(b64Value[b[i]])
		i++
		gap |= (v & 31) << shift
		if v&32 == 0 {
			return gap, i
		}
	}
}

// putGap writes gap at b[j:] as postingList does (gapLen characters) and
// returns where it ends.
func putGap(b []byte, j, gap int) int {
	for ; gap >= 32; gap >>= 5 {
		b[j] = b64[gap&31|32]
		j++
	}
	b[j] = b64[gap]
	return j + 1
}

// wireList returns the list b (written by postingList) as the index's
// files write it: b itself, or, when that is shorter, its postings
// grouped by weight, as '.' and then, for each weight, greatest first,
// '.', the weight and the gaps between its documents (the first from -1)
// as postingList writes gaps. A list's weights are few and a long list's
// documents close together, so a gap mostly stays one character and the
// weight is written once, not once a posting: the long lists of a large
// index, what a query of common words reads most, shrink by about two
// fifths.
func wireList(b []byte) []byte {
	if len(b) < 8 {
		return b
	}
	// Two passes over the list, not eachPosting's (a closure called for
	// every posting took twice as long): the first sizes each weight's
	// group, the second writes the groups when they are shorter.
	var size [64]int // the bytes of each weight's group; 0 for none
	var prev [64]int
	for w := range prev {
		prev[w] = -1
	}
	for i, doc := 0, -1; i < len(b); {
		gap, next := readGap(b, i)
		doc += gap
		w := b64Value[b[next]]
		i = next + 1
		if size[w] == 0 {
			size[w] = 2
		}
		size[w] += gapLen(doc - prev[w])
		prev[w] = doc
	}
	grouped := 1
	for _, n := range size {
		grouped += n
	}
	if grouped >= len(b) {
		return b
	}
	out := make([]byte, grouped)
	out[0] = '.'
	var at [64]int // where each weight's next gap goes
	for w, from := 63, 1; w > 0; w-- {
		if size[w] == 0 {
			continue
		}
		out[from], out[from+1] = '.', b64[w]
		at[w], prev[w] = from+2, -1
		from += size[w]
	}
	for i, doc := 0, -1; i < len(b); {
		gap, next := readGap(b, i)
		doc += gap
		w := b64Value[b[next]]
		i = next + 1
		at[w] = putGap(out, at[w], doc-prev[w])
		prev[w] = doc
	}
	return out
}

// gapLen is the number of characters postingList writes gap in.
func gapLen(gap int) int {
	n := 1
	for ; gap >= 32; gap >>= 5 {
		n++
	}
	return n
}

// b64Value is the number of each b64 character.
var b64Value = func() (v [256]byte) {
	for i := range len(b64) {
		v[b64[i]] = byte(i)
	}
	return v
}()
