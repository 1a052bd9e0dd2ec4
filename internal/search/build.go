package search

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/markdown"
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

	from *markdown.Doc // the body whose text is Body when Body is empty
}

// body is the document's plain text: Body, or when that is empty, the
// text of the body it was made from.
func (d *Doc) body() string {
	if d.Body == "" && d.from != nil {
		return d.from.Text()
	}
	return d.Body
}

// bodyIn is body, read into *buf when it is the text of the body d was
// made from: the string is good until *buf is used again.
func (d *Doc) bodyIn(buf *[]byte) string {
	if d.Body == "" && d.from != nil {
		*buf = d.from.TextInto(*buf)
		return unsafe.String(unsafe.SliceData(*buf), len(*buf))
	}
	return d.Body
}

// Dir is the folder of the index under the site root, or under a
// language's folder ("sv/haku").
const Dir = "haku"

// Options tune the index. The zero value is the default.
type Options struct {
	// Dir is the folder of the index under the site root; "haku"
	// ("sv/haku" for the Swedish pages of a portal in several languages).
	Dir string
	// Language is the language of the documents (site.yaml's language,
	// or one of its languages:), which chooses the analysis (see
	// LanguageOf): "sv" is analysed as Swedish, any other as Finnish.
	Language string
	// SingleMax is the largest index, in bytes, written as one file
	// (its lists counted as written per document); 150,000.
	SingleMax int
	// ShardBytes is the size a term shard is filled to, its lists
	// counted as written per document (grouped by weight, the shard is
	// smaller); 16,384.
	ShardBytes int
	// ChunkDocs is the number of documents per metadata chunk; 4.
	ChunkDocs int
	// ListBytes is the longest list a term shard holds, written per
	// document; a longer one (a cut list's head) is a file of its own,
	// which a query reads only when it uses the key: ShardBytes/16 (1,024).
	ListBytes int
	// Head is the most postings a key keeps in its term shard; the rest
	// of a longer list is a file of its own, which a query reads only
	// when it could change the hits shown (see termSet); 4,000.
	Head int
	// Thesaurus is the portal's own thesaurus (content/sanasto.txt), nil
	// for none; the default thesaurus applies either way.
	Thesaurus *content.Thesaurus
	// Pause, when not nil, is called now and then during the build, every
	// few milliseconds of work; it may block to leave the CPU to more
	// urgent work (serve rebuilding pages). It changes nothing in the
	// output.
	Pause func()
	// Once says that the documents' bodies are read by nothing after this
	// index (a one-shot build): each body's text is released as soon as
	// the index has read it for the last time (see markdown.Doc.ReleaseText),
	// so that a large portal does not keep every text to the end.
	Once bool
	// Analysed, when not nil, is called once the documents are analysed
	// and their bodies read for the last time: the rest of the build
	// (ranking and writing the index) reads no more of the portal. A
	// build that keeps nothing lets the analysis, whose word lists are
	// the largest part of the index's memory, run alone on every core
	// and finish before the pages are rendered beside the rest.
	Analysed func()
}

// File is one file of the index.
type File struct {
	Path string // relative to the site root, with '/': "haku/index.json"
	Data []byte
}

// Build makes the search index of docs. The output is deterministic: the
// same docs in any order give the same files.
//
// A small portal gets one file, Dir/index.json. A large one (whose single
// file would pass SingleMax) gets a manifest Dir/index.json, term shards
// Dir/t/N.json holding ranges of keys with at most Head postings each (a
// list longer than ListBytes in Dir/t/lN.json), the rest of longer lists
// in Dir/t/pN.json, and metadata chunks Dir/d/N.json holding ChunkDocs
// documents each; haku.js fetches only the shards of the query's words,
// the lists of the keys it uses, the rest of a list only when it could
// change the hits, and the chunks of the hits it shows.
func Build(docs []Doc, opts Options) ([]File, error) {
	l := LanguageOf(opts.Language)
	return build(docs, opts, func(docs []Doc) analysed { return analyse(docs, l) })
}

// build is Build with the analysis step given (analyse, or an
// Indexer's). Its stages, each in its own file: the documents in index
// order (here), the vocabulary and analysis (vocab.go), the keys and their
// ranked postings (rank.go), the facet codes and result rows (facets.go),
// and the wire format (wire.go).
func build(docs []Doc, opts Options, analyse func([]Doc) analysed) ([]File, error) {
	opts = opts.withDefaults()
	if err := checkURLs(docs); err != nil {
		return nil, err
	}
	docs, areas, ac := orderDocs(docs)
	pause := func() {
		if opts.Pause != nil {
			opts.Pause()
		}
	}
	pause()
	a := analyse(docs)
	f, rows := facetCodes(docs) // the last reading of the bodies
	if opts.Once {
		for i := range docs {
			docs[i].from.ReleaseText()
		}
		// Nothing after reads the documents but their number: the
		// ranking and the files are made beside the rendering, which
		// at 100,000 pearls needs the memory (60 MB of titles,
		// addresses and headings).
		clear(docs)
	}
	if opts.Analysed != nil {
		opts.Analysed()
	}
	pause()
	terms := rank(a, pause)
	pause()
	m := newManifest(docs, areas, ac, f, rows, terms, a.v.lang, opts.Thesaurus)
	sort.Slice(terms, func(i, j int) bool { return lessUTF16(terms[i].key, terms[j].key) })
	pause()
	return encode(m, terms, rows, opts)
}

// withDefaults fills in the zero fields of opts.
func (opts Options) withDefaults() Options {
	if opts.Dir == "" {
		opts.Dir = Dir
	}
	if opts.SingleMax <= 0 {
		opts.SingleMax = 150_000
	}
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = 16_384
	}
	if opts.ListBytes <= 0 {
		opts.ListBytes = opts.ShardBytes / 16
	}
	if opts.ChunkDocs <= 0 {
		opts.ChunkDocs = 4
	}
	if opts.Head <= 0 {
		opts.Head = 4000
	}
	return opts
}

// checkURLs reports every document without a URL or with another's.
func checkURLs(docs []Doc) error {
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
	return errors.Join(errs...)
}

// orderDocs returns the documents in index order: by area (areas in the
// order they first appear, documents without one last), type, facet code
// (kind and audiences, see facetCode) and URL;
// the areas as [slug, title]; and the number of documents of each area.
func orderDocs(docs []Doc) ([]Doc, [][2]string, []int) {
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
	// Each document's place is worked out once, not in every comparison
	// of the sort.
	type place struct {
		area, typ, facet int
		url              string
		doc              int
	}
	order := make([]place, len(docs))
	for i := range docs {
		d := &docs[i]
		order[i] = place{areaOf(d), indexOf(types, d.Type), facetCode(d), d.URL, i}
	}
	// No two documents have the same URL (checkURLs), so the order is
	// total and needs no stable sort, which took 2.4 times as long on
	// 100,000 places in random order; and the URLs, the costliest to
	// compare, are compared only when the rest is the same.
	slices.SortFunc(order, func(a, b place) int {
		if c := cmp.Compare(a.area, b.area); c != 0 {
			return c
		}
		if c := cmp.Compare(a.typ, b.typ); c != 0 {
			return c
		}
		if c := cmp.Compare(a.facet, b.facet); c != 0 {
			return c
		}
		return strings.Compare(a.url, b.url)
	})
	sorted := make([]Doc, len(docs))
	for i, p := range order {
		sorted[i] = docs[p.doc]
	}
	docs = sorted
	ac := make([]int, len(areas))
	for i := range docs {
		if i := areaOf(&docs[i]); i < len(areas) {
			ac[i]++
		}
	}
	return docs, areas, ac
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
