package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/helminauha/helminauha/internal/testkit"
)

func fixtureDocs(t *testing.T) []Doc {
	t.Helper()
	b, err := os.ReadFile("testdata/fixture-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

// writeFiles writes the index's files under dir.
func writeFiles(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkGoldenFiles compares files with the tree under dir, or writes them
// there with -update.
func checkGoldenFiles(t *testing.T, dir string, files []File) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, files)
		return
	}
	var onDisk []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			onDisk = append(onDisk, filepath.ToSlash(rel))
		}
		return nil
	})
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%v (run go test ./internal/search -update)", err)
			continue
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s/%s differs from the golden file; review and run go test ./internal/search -update", dir, f.Path)
		}
	}
	sort.Strings(paths)
	sort.Strings(onDisk)
	if strings.Join(paths, " ") != strings.Join(onDisk, " ") {
		t.Errorf("files: got %q, want %q", paths, onDisk)
	}
}

// TestFixtureIndexGolden writes the small fixture portal's index whole and
// sharded into testdata/fixture/; the node tests (jstest/search.test.mjs)
// search both.
func TestFixtureIndexGolden(t *testing.T) {
	docs := fixtureDocs(t)
	single, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(single) != 1 || single[0].Path != "haku/index.json" {
		t.Fatalf("a small portal should give one file haku/index.json, got %d files", len(single))
	}
	checkGoldenFiles(t, "testdata/fixture/single", single)
	sharded, err := Build(docs, Options{SingleMax: 1, ShardBytes: 400, ChunkDocs: 3, ListBytes: 12})
	if err != nil {
		t.Fatal(err)
	}
	if len(sharded) < 8 {
		t.Fatalf("the sharded fixture has %d files, want 8 or more", len(sharded))
	}
	checkGoldenFiles(t, "testdata/fixture/sharded", sharded)
}

// TestBuildIsDeterministic builds the fixture in shuffled orders that keep
// the order in which the areas first appear (which is the order the index
// lists them in) and expects the same bytes.
func TestBuildIsDeterministic(t *testing.T) {
	docs := fixtureDocs(t)
	a, err := Build(docs, Options{SingleMax: 1, ShardBytes: 300})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		shuffled := append([]Doc(nil), docs[3:]...)
		rand.New(rand.NewSource(int64(i))).Shuffle(len(shuffled), func(x, y int) { shuffled[x], shuffled[y] = shuffled[y], shuffled[x] })
		shuffled = append(docs[:3:3], shuffled...)
		b, err := Build(shuffled, Options{SingleMax: 1, ShardBytes: 300})
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("run %d: got %d files, want %d", i, len(b), len(a))
		}
		for j := range a {
			if a[j].Path != b[j].Path || !bytes.Equal(a[j].Data, b[j].Data) {
				t.Fatalf("run %d: %s differs", i, a[j].Path)
			}
		}
	}
}

func TestBuildRejectsBadURLs(t *testing.T) {
	_, err := Build([]Doc{{URL: "/a/", Title: "A"}, {URL: "/a/", Title: "B"}, {Title: "C"}}, Options{})
	if err == nil {
		t.Fatal("got no error, want errors for the duplicate and the missing URL")
	}
	for _, want := range []string{`URL "/a/" appears twice`, `document 2 ("C") has no URL`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestBuildEmptyPortal(t *testing.T) {
	files, err := Build(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(files[0].Data), `{"v":5,"n":0,"areas":[],"ac":[],"kt":["tieto","vinkki","menetelma","tyokalu","helmi","case","luku","teema","sivu","opas"],"aud":["johto","esihenkilot","paattajat","henkilosto","hanketoimijat"],"ktl":["Tieto","Vinkki","Menetelmä","Työkalu","Helmi","Case-esimerkki","Oppaan luku","Teema-alue","Sivu","Opas"],"audl":["Johto","Esihenkilöt","Päättäjät","Henkilöstö","Hanketoimijat"],"fr":"","terms":{"k":"","p":""}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestPostingsRoundTrip(t *testing.T) {
	ps := []posting{{0, 1}, {1, 63}, {33, 5}, {34, 7}, {5000, 9}, {100000, 2}}
	var pl postingList
	for _, p := range ps {
		pl.add(p.doc, p.weight)
	}
	if got := decodePostings(pl.b); fmt.Sprint(got) != fmt.Sprint(ps) {
		t.Errorf("got %v, want %v", got, ps)
	}
}

// TestCutPostingsByPage writes the postings left out of the lists cut
// short a second time, by page: each document's list holds, for each list
// cut short that leaves it out, the list's number (its x entry's) and the
// document's weight in it, and nothing of the postings kept.
func TestCutPostingsByPage(t *testing.T) {
	var a, b, c postingList
	for d := 0; d < 12; d++ {
		a.add(d, 20-d) // the head keeps documents 0-3
	}
	for d := 0; d < 12; d += 3 {
		b.add(d, 5) // short: never cut
	}
	for d := 11; d >= 0; d-- {
		c.add(11-d, 1+d) // the head keeps documents 0-3 (weights 12-9)
	}
	out, _, byDoc := cutPostings([]term{{key: "a", postings: a.b}, {key: "b", postings: b.b}, {key: "c", postings: c.b}}, 4, 13)
	if out[0].cut == nil || out[0].cut.ord != 0 || out[1].cut != nil || out[2].cut == nil || out[2].cut.ord != 1 {
		t.Fatalf("cuts %+v %+v %+v, want a numbered 0 and c 1, b not cut", out[0].cut, out[1].cut, out[2].cut)
	}
	var lists []string
	for _, f := range byDoc {
		var l []string
		if err := json.Unmarshal(f, &l); err != nil || len(l) != weightDocs && len(lists)+len(l) != 13 {
			t.Fatalf("a file of weights by page: %s (%v)", f, err)
		}
		lists = append(lists, l...)
	}
	if len(lists) != 13 {
		t.Fatalf("%d documents' lists, want 13", len(lists))
	}
	for d, l := range lists {
		var want []posting
		if d >= 4 && d < 12 {
			want = []posting{{0, 20 - d}, {1, 12 - d}}
		}
		if got := decodePostings([]byte(l)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("document %d: %v, want %v", d, got, want)
		}
	}
}

// TestCutPostingsKeepsTheBest cuts lists to their best postings: a
// list's head never holds a posting that weighs less than one left out,
// and ends where the weight drops unless its best weigh all the same; the
// rest follows in tiers, best first, each twice as long as the one before
// it or so.
func TestCutPostingsKeepsTheBest(t *testing.T) {
	list := func(ps []posting) term {
		var pl postingList
		for _, p := range ps {
			pl.add(p.doc, p.weight)
		}
		return term{key: "k", postings: pl.b}
	}
	falling := make([]posting, 16) // document d weighs 20 - d
	for d := range falling {
		falling[d] = posting{d, 20 - d}
	}
	tests := []struct {
		name  string
		in    []posting
		head  []posting
		tiers [][]posting
		cut   cut
	}{
		{"the weight drops inside the head",
			[]posting{{0, 5}, {1, 9}, {2, 9}, {3, 5}, {4, 7}, {5, 5}, {6, 1}, {7, 1}, {8, 1}},
			[]posting{{1, 9}, {2, 9}, {4, 7}}, [][]posting{{{0, 5}, {3, 5}, {5, 5}, {6, 1}, {7, 1}, {8, 1}}},
			cut{df: 9, length: 18, tie: -1, tiers: [][2]int{{5, 0}}}},
		{"all weigh the same",
			[]posting{{0, 4}, {1, 4}, {2, 4}, {3, 4}, {4, 4}, {5, 4}},
			[]posting{{0, 4}, {1, 4}, {2, 4}, {3, 4}}, [][]posting{{{4, 4}, {5, 4}}},
			cut{df: 6, length: 12, tie: 3, tiers: [][2]int{{4, 0}}}},
		{"tiers", falling, falling[:4], [][]posting{falling[4:12], falling[12:]},
			cut{df: 16, length: 32, tie: -1, tiers: [][2]int{{16, 0}, {8, 1}}}},
		{"short enough", []posting{{3, 1}, {4, 1}, {9, 2}}, []posting{{3, 1}, {4, 1}, {9, 2}}, nil, cut{}},
	}
	for _, tt := range tests {
		out, files, _ := cutPostings([]term{list(tt.in)}, 4, 16)
		if got := decodePostings(out[0].postings); fmt.Sprint(got) != fmt.Sprint(tt.head) {
			t.Errorf("%s: head %v, want %v", tt.name, got, tt.head)
		}
		if tt.tiers == nil {
			if out[0].cut != nil || len(files) != 0 {
				t.Errorf("%s: cut %+v, want none", tt.name, out[0].cut)
			}
			continue
		}
		var got [][]posting
		for _, f := range files {
			got = append(got, decodePostings(f))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.tiers) {
			t.Errorf("%s: tiers %v, want %v", tt.name, got, tt.tiers)
		}
		if out[0].cut == nil || fmt.Sprint(*out[0].cut) != fmt.Sprint(tt.cut) {
			t.Errorf("%s: cut %+v, want %+v", tt.name, out[0].cut, tt.cut)
		}
	}
}

// synthetic makes n pearls of Finnish-looking text over the words of the
// parity test, deterministically.
func synthetic(t testing.TB, n int) []Doc {
	b, err := os.ReadFile("testdata/seedwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	vocab := strings.Fields(string(b))
	for _, base := range []string{"verkosto", "luottamus", "esihenkilö", "työhyvinvointi", "johtaminen"} {
		for _, e := range []string{"", "n", "ssa", "jen", "a"} {
			vocab = append(vocab, base+e)
		}
	}
	r := rand.New(rand.NewSource(1))
	words := func(k int) string {
		var sb strings.Builder
		for i := 0; i < k; i++ {
			// Zipf-like: earlier words are more common.
			j := int(float64(len(vocab)) * r.Float64() * r.Float64())
			sb.WriteString(vocab[j])
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	areas := []string{"verkostotyo", "johtaminen", "tyohyvinvointi", "muutos", "osaaminen", "teknologia"}
	docs := make([]Doc, n)
	for i := range docs {
		a := areas[i%len(areas)]
		docs[i] = Doc{
			URL: fmt.Sprintf("/helmet/helmi-%05d/", i), Title: words(5), Summary: words(25),
			Headings: []string{words(3), words(3)}, Body: words(150 + r.Intn(200)),
			Area: a, AreaTitle: strings.ToUpper(a[:1]) + a[1:], Kind: kinds[i%4], Type: "helmi",
			Audience: []string{audiences[i%5]},
		}
	}
	return docs
}

// TestLargePortalIsSharded builds 10,000 synthetic pearls and checks that
// a one-word query needs the manifest, one or two term shards and at most
// ten metadata chunks, and that these weigh far less than Pagefind's
// 218 KiB before its first index chunk.
func TestLargePortalIsSharded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10,000 pearls; skipped with -short")
	}
	files, err := Build(synthetic(t, 10000), Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	total := 0
	for _, f := range files {
		byPath[f.Path] = f.Data
		total += len(f.Data)
	}
	var m manifest
	if err := json.Unmarshal(byPath["haku/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	bounds := decodeKeys(m.Shards)
	if m.Terms != nil || len(bounds) < 10 || m.DC == 0 {
		t.Fatalf("got %d shards, want a sharded index", len(bounds))
	}
	shardOf := func(k string) int {
		i := sort.Search(len(bounds), func(i int) bool { return bounds[i] > k }) - 1
		return i
	}
	manifestBytes := len(byPath["haku/index.json"])
	t.Logf("%d files, %d bytes in all; manifest %d bytes, %d shards", len(files), total, manifestBytes, len(bounds))
	for _, q := range []string{"luottamus", "verkostojen", "esihenkilö työhyvinvointi"} {
		need := map[string]bool{}
		for _, tok := range Analyze(q) {
			need[fmt.Sprintf("haku/t/%d.json", shardOf(tok.Term))] = true
		}
		bytes := manifestBytes
		for p := range need {
			var ts termSet
			if err := json.Unmarshal(byPath[p], &ts); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			shard := decodeTermSet(ts)
			for _, tok := range Analyze(q) {
				if shardOf(tok.Term) == shardOf(tok.Term) && p == fmt.Sprintf("haku/t/%d.json", shardOf(tok.Term)) {
					if _, ok := shard[tok.Term]; !ok {
						t.Errorf("%q: key %q is not in its shard %s", q, tok.Term, p)
					}
				}
			}
			bytes += len(byPath[p])
		}
		// Ten results from at most ten chunks.
		for c := 0; c < 10; c++ {
			bytes += len(byPath[fmt.Sprintf("haku/d/%d.json", c*37)])
		}
		t.Logf("%q: %d shard files, %d bytes with ten chunks", q, len(need), bytes)
		if len(need) > 2 {
			t.Errorf("%q needs %d shards, want at most 2", q, len(need))
		}
		if bytes > 110*1024 {
			t.Errorf("%q needs %d bytes, want at most 110 KiB (half of Pagefind's cheapest query)", q, bytes)
		}
	}
}

// TestParallelBuildIsDeterministic builds the same portal on one core and
// on four and expects the same bytes.
func TestParallelBuildIsDeterministic(t *testing.T) {
	docs := synthetic(t, 2000)
	build := func(procs int) []File {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		files, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	one, four := build(1), build(4)
	if len(one) != len(four) {
		t.Fatalf("got %d files on one core, %d on four", len(one), len(four))
	}
	for i := range one {
		if one[i].Path != four[i].Path || !bytes.Equal(one[i].Data, four[i].Data) {
			t.Fatalf("%s differs between one core and four", one[i].Path)
		}
	}
}

// decodeTermSet decodes a termSet as haku.js does.
func decodeTermSet(ts termSet) map[string]string {
	out := map[string]string{}
	ps := strings.Split(ts.P, " ")
	for i, k := range decodeKeys(ts.K) {
		out[k] = ps[i]
	}
	return out
}

// decodeKeys decodes keys written by frontCode, as haku.js's decodeKeys
// does.
func decodeKeys(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	var prev []uint16
	for _, e := range strings.Split(s, " ") {
		n := strings.IndexByte(b64, e[0])
		u := append(append([]uint16(nil), prev[:n]...), utf16.Encode([]rune(e[1:]))...)
		out = append(out, string(utf16.Decode(u)))
		prev = u
	}
	return out
}

func TestTermSetRoundTrip(t *testing.T) {
	terms := map[string]string{"verkost": "AB", "verkostojohtam": "CD", "tyo": "EF", "ö": "GH", "𝔘𝔫": "IJ", "𝔘𝔞": "KL", "a": "MN"}
	var ts []term
	for k, p := range terms {
		ts = append(ts, term{key: k, postings: []byte(p)})
	}
	sort.Slice(ts, func(i, j int) bool { return lessUTF16(ts[i].key, ts[j].key) })
	set := encodeTermSet(ts)
	if got := decodeTermSet(*set); fmt.Sprint(got) != fmt.Sprint(terms) {
		t.Errorf("got %v, want %v (encoded %+v)", got, terms, set)
	}
}

// TestCutPostings builds 1,500 synthetic pearls twice, as one file (whose
// pages' words make the queries) and sharded with long lists cut to 40
// postings, and has
// haku.js run 200 random queries (words of the pages, typos, words being
// typed, filters, later pages) on the cut index and on the same index read
// with every list whole: the hits must be the same, with the same scores,
// the first page of one word without filters must not read the postings
// left out, and a reader paging through a common word's hits reads them
// once past the first pages.
func TestCutPostings(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 200 queries on 1,500 pearls; skipped with -short")
	}
	node := testkit.Tool(t, "node", "HELMINAUHA_NEED_NODE", "make deps-test installs it (bash .ci/deps.sh)")
	docs := synthetic(t, 1500)
	whole, err := Build(docs, Options{SingleMax: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	// Lists of more than 64 characters are files of their own: a query
	// reads them for the keys it uses, and must find what it finds with
	// them in their shards.
	cut, err := Build(docs, Options{SingleMax: 1, Head: 40, ListBytes: 64})
	if err != nil {
		t.Fatal(err)
	}
	pair, err := Build(pairDocs(600), Options{SingleMax: 1, Head: 60})
	if err != nil {
		t.Fatal(err)
	}
	wholeDir, cutDir, pairDir := t.TempDir(), t.TempDir(), t.TempDir()
	writeFiles(t, wholeDir, whole)
	writeFiles(t, cutDir, cut)
	writeFiles(t, pairDir, pair)
	out, err := exec.Command(node, "jstest/cut.mjs", wholeDir, cutDir, "200", "luottamus", pairDir, "kissa koira ").Output()
	if err != nil {
		t.Fatalf("node jstest/cut.mjs: %v\n%s", err, out)
	}
	var res struct {
		Queries, Tails    int
		ByPage            int
		Lists             int
		First, FirstTails int
		ZeroListed        int
		Other             []string
		Differ            []json.RawMessage
		Unordered         []string
		Pages             []struct {
			Limit int
			Exact bool
			Files []string
		}
		Pair struct {
			Q                  string
			Total, Want, Tiers int
			Exact              bool
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("%d queries, %d read postings left out, %d of them by page, %d read lists in files of their own; %d of %d first pages of one word without filters; %d filters listed with no hit known yet", res.Queries, res.Tails, res.ByPage, res.Lists, res.FirstTails, res.First, res.ZeroListed)
	for _, d := range res.Differ {
		t.Errorf("the cut index gives other hits: %s", d)
	}
	for _, u := range res.Unordered {
		t.Errorf("a list loaded has a page twice or out of order (query: key): %s", u)
	}
	if len(res.Other) > 0 {
		t.Errorf("queries read files other than the manifest, shards, rows and postings: %v", res.Other)
	}
	if res.Tails == 0 {
		t.Errorf("no query read the postings left out")
	}
	if res.Lists == 0 {
		t.Errorf("no query read a list a shard keeps in a file of its own (t/lN.json)")
	}
	// A query whose first hits wait on a few pages' weights in common
	// words reads those pages' postings left out (w/N.json), not the
	// words' tiers.
	if res.ByPage == 0 {
		t.Errorf("no query read the postings left out by page")
	}
	// A filter whose hits are all in the postings not read yet is listed,
	// its count a lower bound of 0, so that it can be chosen.
	if res.ZeroListed == 0 {
		t.Errorf("no search listed a filter with no hit known yet; the test needs one")
	}
	if res.First < 20 || res.FirstTails > 0 {
		t.Errorf("%d of %d first pages of one word without filters read the postings left out, want none", res.FirstTails, res.First)
	}
	// Two words on every page: the first page reads few of the pages
	// that have both, and "at least" that few would mislead.
	if p := res.Pair; p.Exact || p.Total > p.Want || 10*p.Total < 9*p.Want {
		t.Errorf("%q says %d hits (exact %v), want a lower bound of the %d it has, at least nine tenths of them", p.Q, p.Total, p.Exact, p.Want)
	} else {
		t.Logf("%q says at least %d hits of %d", p.Q, p.Total, p.Want)
	}
	// Its best pages wait only for koira's postings left out: one file of
	// each word's, not every one of kissa's first, whose postings left out
	// could give more.
	if p := res.Pair; p.Tiers > 2 {
		t.Errorf("%q read %d files of postings left out, want 2", p.Q, p.Tiers)
	}
	if len(res.Pages) < 2 || res.Pages[0].Exact || !res.Pages[len(res.Pages)-1].Exact {
		t.Fatalf("paging through luottamus: %+v, want a first page without the postings left out and a later one with them", res.Pages)
	}
	for _, p := range res.Pages[0].Files {
		if strings.Contains(p, "/t/p") {
			t.Errorf("the first page of luottamus read %s", p)
		}
	}
	if last := res.Pages[len(res.Pages)-1].Files; !slices.ContainsFunc(last, func(p string) bool { return strings.Contains(p, "/t/p") }) {
		t.Errorf("the page that made luottamus exact read %v, want its postings left out", last)
	}
}

// pairDocs makes n pages that all have the word koira and five in six
// the word kissa, each word once, twice or three times a page, and all
// pages as long: the lists of both are long and their weights few, so
// that the first page of a query of both, read with the lists cut short,
// knows few of the pages that have both, and its best pages wait for the
// postings of koira that are left out.
func pairDocs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		var w []string
		if i%6 != 5 {
			for range 1 + i%3 {
				w = append(w, "kissa")
			}
		}
		for range 1 + (i/7)%3 {
			w = append(w, "koira")
		}
		for len(w) < 8 {
			w = append(w, "lintu")
		}
		docs[i] = Doc{URL: fmt.Sprintf("/helmet/sivu-%04d/", i), Title: "Sivu", Summary: "Lemmikit", Body: strings.Join(w, " "), Area: "muutos", AreaTitle: "Muutos", Kind: "tieto", Type: "helmi"}
	}
	return docs
}

// posting is one document of a key's postings and its weight.
type posting struct{ doc, weight int }

// decodePostings reads a list written by postingList.
func decodePostings(b []byte) []posting {
	var out []posting
	eachPosting(b, func(doc, w int) { out = append(out, posting{doc, w}) })
	return out
}

func TestSeparator(t *testing.T) {
	for _, tc := range []struct{ prev, key, want string }{
		{"verkostojatkuvuut", "verkostojohtaj", "verkostojo"},
		{"a", "b", "b"},
		{"ab", "abc", "abc"}, // the key before is a start of the key
		{"tyohoitoty", "tyohyvinvoint", "tyohy"},
		{"z", "ä", "ä"},
		{"𝔘𝔞x", "𝔘𝔫a", "𝔘𝔫"}, // whole runes: a surrogate pair is never split
		{"𝔘", "ﬀa", "ﬀ"},     // U+FB00 comes after U+1D518 in UTF-16
		{"ö", "öa", "öa"},
	} {
		got := separator(tc.prev, tc.key)
		if got != tc.want {
			t.Errorf("separator(%q, %q) = %q, want %q", tc.prev, tc.key, got, tc.want)
		}
		if !lessUTF16(tc.prev, got) || lessUTF16(tc.key, got) {
			t.Errorf("separator(%q, %q) = %q is not between them", tc.prev, tc.key, got)
		}
	}
}

// TestLongListsInFilesOfTheirOwn builds a sharded index and checks that
// no shard holds a list longer than ListBytes (written per document), and
// that each list it leaves out is in the file its o entry names, with as
// many postings and as long per document as the entry says (of a list
// cut short, as its x entry says of the whole list).
func TestLongListsInFilesOfTheirOwn(t *testing.T) {
	for _, opts := range []Options{{SingleMax: 1, ShardBytes: 2048}, {SingleMax: 1, Head: 40, ListBytes: 48}} {
		t.Run(fmt.Sprintf("head %d", opts.Head), func(t *testing.T) { checkLongLists(t, opts) })
	}
}

func checkLongLists(t *testing.T, opts Options) {
	files, err := Build(synthetic(t, 300), opts)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	out, kept, cuts := 0, 0, 0
	for i := 0; ; i++ {
		b, ok := byPath[fmt.Sprintf("haku/t/%d.json", i)]
		if !ok {
			break
		}
		var ts termSet
		if err := json.Unmarshal(b, &ts); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		keys, ps := decodeKeys(ts.K), strings.Split(ts.P, " ")
		own, cut := map[int][]int{}, map[int][]int{}
		for _, o := range ts.O {
			own[o[0]] = o
		}
		for _, x := range ts.X {
			cut[x[0]] = x
		}
		for j, k := range keys {
			o, isOwn := own[j]
			list := []byte(ps[j])
			if isOwn {
				out++
				if _, ok := cut[j]; ok {
					cuts++
				}
				if ps[j] != "" {
					t.Errorf("%q: a list of its own, and %d characters in its shard", k, len(ps[j]))
				}
				var s string
				if err := json.Unmarshal(byPath[fmt.Sprintf("haku/t/l%d.json", o[1])], &s); err != nil {
					t.Fatalf("%q: t/l%d.json: %v", k, o[1], err)
				}
				list = []byte(s)
			} else {
				kept++
			}
			var pl postingList
			for _, p := range decodeWire(list) {
				pl.add(p.doc, p.weight)
			}
			n, length := len(decodeWire(list)), len(pl.b)
			if x, ok := cut[j]; ok {
				n, length = x[1], x[2]
			}
			if isOwn && (n != o[2] || length != o[3]) {
				t.Errorf("%q: %d postings, %d characters per document; o says %d and %d", k, n, length, o[2], o[3])
			}
			if !isOwn && len(pl.b) > opts.withDefaults().ListBytes {
				t.Errorf("%q: a list of %d characters per document in its shard, over ListBytes", k, len(pl.b))
			}
		}
	}
	if out == 0 || kept == 0 || opts.Head > 0 && cuts == 0 {
		t.Fatalf("%d lists in files of their own (%d cut short), %d in shards; want both, and some cut short", out, cuts, kept)
	}
}

// TestShardBounds builds a sharded index and checks that each key of each
// shard is found in that shard by the manifest's bounds, as haku.js
// looks for it, and that each bound is the shortest start of the shard's
// first key that does so.
func TestShardBounds(t *testing.T) {
	files, err := Build(synthetic(t, 300), Options{SingleMax: 1, ShardBytes: 2048})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var m manifest
	if err := json.Unmarshal(byPath["haku/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	bounds := decodeKeys(m.Shards)
	if len(bounds) < 10 || bounds[0] != "" {
		t.Fatalf("bounds %q, want 10 or more, the first empty", bounds)
	}
	shardOf := func(k string) int {
		i := len(bounds) - 1
		for i > 0 && lessUTF16(k, bounds[i]) {
			i--
		}
		return i
	}
	last := ""
	for i := range bounds {
		var ts termSet
		if err := json.Unmarshal(byPath[fmt.Sprintf("haku/t/%d.json", i)], &ts); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		keys := decodeKeys(ts.K)
		for _, k := range keys {
			if got := shardOf(k); got != i {
				t.Errorf("key %q of shard %d is found in shard %d", k, i, got)
			}
		}
		if i > 0 {
			b := []rune(bounds[i])
			if shorter := string(b[:len(b)-1]); lessUTF16(last, shorter) || !strings.HasPrefix(keys[0], bounds[i]) {
				t.Errorf("shard %d: bound %q of first key %q after %q, want the shortest start that follows it", i, bounds[i], keys[0], last)
			}
		}
		last = keys[len(keys)-1]
	}
}

// decodeWire reads a list as the index's files write it (see wireList),
// in document order, as haku.js's decodePostings does.
func decodeWire(b []byte) []posting {
	if len(b) == 0 || b[0] != '.' {
		return decodePostings(b)
	}
	var out []posting
	w, doc := 0, -1
	for i := 1; i < len(b); {
		if b[i] == '.' {
			w, doc, i = int(b64Value[b[i+1]]), -1, i+2
			continue
		}
		var gap int
		gap, i = readGap(b, i)
		doc += gap
		out = append(out, posting{doc, w})
	}
	slices.SortFunc(out, func(a, b posting) int { return a.doc - b.doc })
	return out
}

// TestWireList writes a list grouped by weight only when that is shorter,
// and either way as the same postings.
func TestWireList(t *testing.T) {
	many := make([]posting, 40) // every document, three weights
	for d := range many {
		many[d] = posting{d, 30 + d%3}
	}
	tests := []struct {
		name    string
		in      []posting
		want    string // the list as written, "" for the list itself
		grouped bool
	}{
		{"one posting", []posting{{7, 5}}, "", false},
		{"every weight its own", []posting{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}, "", false},
		{"one weight", []posting{{0, 9}, {1, 9}, {2, 9}, {3, 9}, {4, 9}, {40, 9}}, "..JBBBBBkB", true},
		{"two weights, the greatest first", []posting{{0, 9}, {1, 2}, {2, 9}, {3, 2}, {4, 9}, {5, 2}}, "..JBCC.CCCC", true},
		{"a gap of more digits", []posting{{0, 4}, {1, 4}, {2, 4}, {3, 4}, {100, 4}}, "..EBBBBhD", true},
		{"many", many, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pl postingList
			for _, p := range tt.in {
				pl.add(p.doc, p.weight)
			}
			got := wireList(slices.Clone(pl.b))
			if grouped := len(got) > 0 && got[0] == '.'; grouped != tt.grouped {
				t.Errorf("wireList(%s) = %s, grouped %v, want %v", pl.b, got, grouped, tt.grouped)
			}
			if want := cmp.Or(tt.want, string(got)); tt.grouped && string(got) != want || !tt.grouped && string(got) != string(pl.b) {
				t.Errorf("wireList(%s) = %s, want %s", pl.b, got, cmp.Or(tt.want, string(pl.b)))
			}
			if len(got) > len(pl.b) {
				t.Errorf("wireList(%s) = %s, longer", pl.b, got)
			}
			if fmt.Sprint(decodeWire(got)) != fmt.Sprint(tt.in) {
				t.Errorf("wireList(%s) = %s, reads %v, want %v", pl.b, got, decodeWire(got), tt.in)
			}
		})
	}
}

// FuzzWireList: any list written grouped reads as the same postings and
// is never longer.
func FuzzWireList(f *testing.F) {
	f.Add([]byte{0, 9, 1, 9, 1, 9, 1, 2, 40, 9})
	f.Add([]byte{255, 63, 3, 1})
	f.Fuzz(func(t *testing.T, in []byte) {
		// Pairs of bytes: a gap (from 1) and a weight (1-63).
		var pl postingList
		var want []posting
		doc := -1
		for i := 0; i+1 < len(in); i += 2 {
			doc += 1 + int(in[i])*int(in[i])
			w := 1 + int(in[i+1])%63
			pl.add(doc, w)
			want = append(want, posting{doc, w})
		}
		got := wireList(slices.Clone(pl.b))
		if len(got) > len(pl.b) {
			t.Fatalf("wireList(%s) = %s, longer", pl.b, got)
		}
		if fmt.Sprint(decodeWire(got)) != fmt.Sprint(want) {
			t.Fatalf("wireList(%s) = %s, reads %v, want %v", pl.b, got, decodeWire(got), want)
		}
	})
}
