package search

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestIndexerMatchesBuild edits a portal step by step, as an editor does
// while serve runs, and checks that an Indexer, which re-analyses only
// what changed, writes the same files, byte for byte, as a cold Build.
func TestIndexerMatchesBuild(t *testing.T) {
	base := synthetic(t, 600)
	edits := []struct {
		name string
		edit func([]Doc) []Doc
	}{
		{"unchanged", func(d []Doc) []Doc { return d }},
		{"a word in one body", func(d []Doc) []Doc {
			d[10].Body = "muokkaus verkostojohtaminen " + d[10].Body
			return d
		}},
		{"a title", func(d []Doc) []Doc {
			d[20].Title = "Uusi otsikko: työnohjaus ja esihenkilötyö"
			return d
		}},
		{"a dangling hyphen", func(d []Doc) []Doc {
			d[30].Body += " oppilas- ja opiskeluhuollon"
			return d
		}},
		{"tags, headings, area title", func(d []Doc) []Doc {
			d[40].Tags = append(slices.Clone(d[40].Tags), "etätyö")
			d[41].Headings = []string{"Ensimmäinen vaihe", "toinen"}
			d[42].AreaTitle = "Verkostotyö ja yhteistyö"
			return d
		}},
		{"a document added", func(d []Doc) []Doc {
			n := d[5]
			n.URL, n.Title = "/helmet/uusi/", "Aivan uusi helmi zxqvyys"
			return append(d, n)
		}},
		{"documents deleted", func(d []Doc) []Doc { return append(d[:50:50], d[60:]...) }},
		{"two documents with the same text", func(d []Doc) []Doc {
			n := d[7]
			n.URL = "/helmet/kopio/"
			return append(d, n)
		}},
		{"order shuffled", func(d []Doc) []Doc {
			slices.Reverse(d)
			return d
		}},
		{"a metadata-only change", func(d []Doc) []Doc {
			d[3].Kind, d[3].Date, d[3].Audience = "tyokalu", "2030-01-01", []string{"johto", "henkilosto"}
			return d
		}},
		{"every body rewritten", func(d []Doc) []Doc {
			for i := range d {
				d[i].Body = fmt.Sprintf("uusi teksti %d ", i%17) + d[i].Title
			}
			return d
		}},
		{"every body of words never seen", func(d []Doc) []Doc {
			for i := range d {
				d[i].Body = fmt.Sprintf("sana%d uusi%d uudempi%d uusin%d tuorein%d", i, i, i, i, i)
			}
			return d
		}},
		// This build drops the words no document has any more and numbers
		// the rest in an order other than the first build's.
		{"the first text back, reversed", func([]Doc) []Doc {
			d := slices.Clone(base)
			slices.Reverse(d)
			return d
		}},
		{"a title after the unused words are dropped", func(d []Doc) []Doc {
			d[20].Title = "Uusi otsikko: työnohjaus ja esihenkilötyö"
			return d
		}},
		{"the first text back", func([]Doc) []Doc { return slices.Clone(base) }},
	}
	// One indexer for each way of writing the index, fed the same edits;
	// the vocabulary a cold analysis makes does not depend on it.
	all := []Options{{}, {SingleMax: 1 << 30}}
	ixs := []*Indexer{NewIndexer(), NewIndexer()}
	docs := slices.Clone(base)
	for _, e := range edits {
		docs = e.edit(docs)
		v, _, _, _ := analyseDocs(docs, finnish)
		for k, opts := range all {
			ix := ixs[k]
			name := fmt.Sprintf("%s (SingleMax %d)", e.name, opts.SingleMax)
			got, err := ix.Build(docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Build(docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d files, want %d", name, len(got), len(want))
			}
			for i := range want {
				if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Fatalf("%s: %s differs from a cold build's (%d bytes, want %d)", name, got[i].Path, len(got[i].Data), len(want[i].Data))
				}
			}
			if len(ix.docs) > len(docs) {
				t.Errorf("%s: %d analyses kept for %d documents", name, len(ix.docs), len(docs))
			}
			if len(ix.v.ids.words) > 2*len(v.ids.words)+1024 {
				t.Errorf("%s: %d words kept for a vocabulary of %d", name, len(ix.v.ids.words), len(v.ids.words))
			}
		}
	}
}

// TestIndexerReanalysesOnlyChanges checks that the Indexer keeps its
// promise: after one edit only one document is analysed again.
func TestIndexerReanalysesOnlyChanges(t *testing.T) {
	docs := synthetic(t, 300)
	ix := NewIndexer()
	if _, err := ix.Build(docs, Options{}); err != nil {
		t.Fatal(err)
	}
	kept := map[*analysis]bool{}
	for _, a := range ix.docs {
		kept[a] = true
	}
	docs[100].Body += " lisäys"
	if _, err := ix.Build(docs, Options{}); err != nil {
		t.Fatal(err)
	}
	fresh := 0
	for _, a := range ix.docs {
		if !kept[a] {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d documents analysed again after one edit, want 1", fresh)
	}
}

// TestIndexerFromSite checks that the Indexer's FromSite, which keeps the
// texts of documents between calls, gives what FromSite gives, and that
// the index of the default portal is the same as Build's.
func TestIndexerFromSite(t *testing.T) {
	s := defaultSite(t)
	want := FromSite(s)
	for i := range want {
		want[i].Body = want[i].body() // FromSite's are read when analysed
	}
	ix := NewIndexer()
	for range 2 {
		got := ix.FromSite(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Indexer.FromSite differs from FromSite")
		}
		files, err := ix.Build(got, Options{})
		if err != nil {
			t.Fatal(err)
		}
		cold, err := Build(want, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(files, cold) {
			t.Fatalf("Indexer.Build of the default portal differs from Build")
		}
	}
	if len(ix.texts) == 0 {
		t.Errorf("no texts kept")
	}
}

// TestPauseChangesNothing checks that a build calls Options.Pause while
// it works, and that the output is the same with it.
func TestPauseChangesNothing(t *testing.T) {
	docs := synthetic(t, 1500)
	want, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, build := range map[string]func(Options) ([]File, error){
		"Build":   func(o Options) ([]File, error) { return Build(docs, o) },
		"Indexer": func(o Options) ([]File, error) { return NewIndexer().Build(docs, o) },
	} {
		calls := 0
		got, err := build(Options{Pause: func() { calls++ }})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the index differs with Pause set", name)
		}
		if calls < 5 {
			t.Errorf("%s: Pause called %d times, want at least 5", name, calls)
		}
	}
}
