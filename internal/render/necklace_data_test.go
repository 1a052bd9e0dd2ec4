package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

func TestNecklaceShards(t *testing.T) {
	for _, tc := range []struct{ pearls, shards int }{
		{0, 1}, {1, 1}, {45, 1}, {64, 1}, {65, 2}, {128, 2}, {129, 4},
		{1000, 16}, {10000, 256}, {16384, 256}, {16385, 512}, {100000, 2048},
	} {
		if got := NecklaceShards(tc.pearls); got != tc.shards {
			t.Errorf("NecklaceShards(%d) = %d, want %d", tc.pearls, got, tc.shards)
		}
	}
}

// TestNecklaceShardRule: the shard of a slug is FNV-1a (32 bits) of its
// bytes modulo the count, as testdata/necklace-shards.json states, which
// themes/jstest checks the script's necklaceShard against too.
func TestNecklaceShardRule(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "necklace-shards.json"))
	if err != nil {
		t.Fatal(err)
	}
	// Each case is [slug, shards, shard].
	var rule struct{ Cases [][3]any }
	if err := json.Unmarshal(data, &rule); err != nil {
		t.Fatal(err)
	}
	if len(rule.Cases) < 10 {
		t.Fatalf("testdata/necklace-shards.json has %d cases", len(rule.Cases))
	}
	for _, raw := range rule.Cases {
		slug, _ := raw[0].(string)
		shards, _ := raw[1].(float64)
		want, _ := raw[2].(float64)
		c := struct {
			Slug         string
			Shards, Want int
		}{slug, int(shards), int(want)}
		if c.Shards < 1 {
			t.Fatalf("testdata/necklace-shards.json: a case %v without its count", raw)
		}
		h := fnv.New32a()
		h.Write([]byte(c.Slug))
		if want := int(h.Sum32() % uint32(c.Shards)); want != c.Want {
			t.Errorf("testdata/necklace-shards.json: %q of %d is in shard %d by hash/fnv, not %d", c.Slug, c.Shards, want, c.Want)
		}
		if got := NecklaceShard(c.Slug, c.Shards); got != c.Want {
			t.Errorf("NecklaceShard(%q, %d) = %d, want %d", c.Slug, c.Shards, got, c.Want)
		}
	}
}

// TestNecklaceShardSameInScript: oma-helminauha.js finds the shard of a
// slug as the generator does, for 3,000 slugs (real ones, random ones
// of the slug alphabet, and other text) and the counts a portal gets.
func TestNecklaceShardSameInScript(t *testing.T) {
	node := testkit.Tool(t, "node", "HELMINAUHA_NEED_NODE", "make deps-test installs it (bash .ci/deps.sh)")
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
	type input struct {
		Slug   string `json:"slug"`
		Shards int    `json:"shards"`
	}
	var in []input
	for _, p := range loadSite(t, "site.txtar", "", false).Pearls {
		in = append(in, input{p.Slug, 4})
	}
	for i := range 3000 {
		b := make([]byte, 1+r.IntN(60))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		slug := string(b)
		if i%10 == 0 {
			slug = []string{"työhyvinvointi", "Åland", "日本語", "a\u2028b", ""}[i/10%5] + slug
		}
		in = append(in, input{slug, 1 << r.IntN(13)})
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "jstest/shard.mjs")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node jstest/shard.mjs: %v\n%s", err, out)
	}
	var got []int
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got) != len(in) {
		t.Fatalf("the script gave %d shards for %d slugs", len(got), len(in))
	}
	differ := 0
	for i, c := range in {
		if want := NecklaceShard(c.Slug, c.Shards); got[i] != want {
			if differ++; differ <= 10 {
				t.Errorf("shard of %q of %d: script %d, generator %d", c.Slug, c.Shards, got[i], want)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d slugs in another shard in the script", differ, len(in))
	}
}

var necklaceFile = regexp.MustCompile(`^oma-helminauha/helmet/(0|[1-9][0-9]*)\.json$`)

// necklaceFiles renders the shards of s's necklace data with th.
func necklaceFiles(t *testing.T, th *Theme, s *site.Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, j := range th.Jobs(s) {
		if j.Kind != "necklacedata" {
			continue
		}
		f, err := th.Render(s, j)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Path] = f.Data
	}
	return out
}

// TestNecklaceDataSharded: a portal of 1,005 pearls gets 16 shards; each
// pearl is in exactly one, the one its slug hashes to, with the values
// the page shows; each shard is the bytes encoding/json writes of its
// map (keys sorted), the same in a build by another theme; and the
// necklace page names the shards' folder and count.
func TestNecklaceDataSharded(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	addPearls(s, 500)
	n := NecklaceShards(len(s.Pearls))
	if n != 16 {
		t.Fatalf("%d pearls give %d shards, the test wants 16", len(s.Pearls), n)
	}
	all := renderAll(t, theme(t), s)
	files := map[string][]byte{}
	for p, data := range all {
		if strings.HasPrefix(p, "oma-helminauha/") && p != "oma-helminauha/index.html" {
			if !necklaceFile.MatchString(p) {
				t.Errorf("the build writes %s", p)
			}
			files[p] = data
		}
	}
	if len(files) != n {
		t.Fatalf("%d shard files, want %d: %v", len(files), n, slices.Sorted(maps.Keys(files)))
	}
	// entry is a pearl's entry, its fields in the order of the file.
	type entry struct {
		Title     string `json:"title"`
		URL       string `json:"url"`
		Area      string `json:"area"`
		AreaSlug  string `json:"areaSlug"`
		AreaURL   string `json:"areaUrl"`
		Color     string `json:"color"`
		Kind      string `json:"kind"`
		KindLabel string `json:"kindLabel"`
		Summary   string `json:"summary"`
	}
	seen := map[string]int{}
	for i := range n {
		p := NecklaceDir + strconv.Itoa(i) + ".json"
		data, ok := files[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		var raw map[string]entry
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(raw) < 20 || len(raw) > 120 {
			t.Errorf("%s holds %d pearls, want a few dozen", p, len(raw))
		}
		want, err := json.Marshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, append(want, '\n')) {
			i := 0
			for i < len(data) && i < len(want) && data[i] == want[i] {
				i++
			}
			t.Errorf("%s is not the bytes encoding/json writes of it, from byte %d: %.80q", p, i, data[i:])
		}
		for slug := range raw {
			seen[slug]++
			if got := NecklaceShard(slug, n); got != i {
				t.Errorf("%s is in %s, its slug hashes to shard %d", slug, p, got)
			}
		}
	}
	for _, p := range s.Pearls {
		if seen[p.Slug] != 1 {
			t.Errorf("%s is in %d shards", p.Slug, seen[p.Slug])
		}
	}
	if len(seen) != len(s.Pearls) {
		t.Errorf("the shards hold %d slugs, the portal has %d pearls", len(seen), len(s.Pearls))
	}
	// One pearl's entry in full, as the page reads it.
	p := s.Pearls[len(s.Pearls)/2]
	var shard map[string]entry
	if err := json.Unmarshal(files[NecklaceDir+strconv.Itoa(NecklaceShard(p.Slug, n))+".json"], &shard); err != nil {
		t.Fatal(err)
	}
	want := entry{p.Title, p.URL, p.Area.Title, p.Area.Slug, p.Area.URL, areaColor(p.Area), p.Pearl.Kind, p.Kind.Label, p.Summary}
	if shard[p.Slug] != want {
		t.Errorf("the entry of %s is %+v, want %+v", p.Slug, shard[p.Slug], want)
	}
	// Deterministic: a theme that kept nothing writes the same bytes.
	th, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for path, data := range necklaceFiles(t, th, s) {
		if !bytes.Equal(data, files[path]) {
			t.Errorf("%s differs between two builds", path)
		}
	}
	mustContain(t, "oma-helminauha/index.html", string(all["oma-helminauha/index.html"]),
		fmt.Sprintf(`data-necklace-data="/portaali/oma-helminauha/helmet/" data-necklace-shards="%d"`, n))
}

// TestNecklaceDataKeptForEachLanguage: the entries of the necklace data
// are kept for the next build in each language of a portal, however
// many pearls (and shards) each has, and the files stay the same; a
// title edit writes anew the one entry, and its plan renders only the
// shard that holds it.
func TestNecklaceDataKeptForEachLanguage(t *testing.T) {
	fi := loadSite(t, "site.txtar", "", false)
	addPearls(fi, 100)
	sv := loadSite(t, "site.txtar", "", false)
	sv.Lang = "sv"
	th, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	// made tells, of each entry of each language, the entry written last:
	// a kept entry is the same bytes, not bytes equal to them.
	made := func() map[string]*byte {
		m := map[string]*byte{}
		for lang, shards := range th.necklace.langs {
			for _, sh := range shards {
				for url, e := range sh.m {
					m[lang+" "+url] = unsafe.SliceData(e.data)
				}
			}
		}
		return m
	}
	var first [2]map[string][]byte
	var kept map[string]*byte
	for round := range 3 {
		for i, s := range []*site.Site{fi, sv} {
			files := necklaceFiles(t, th, s)
			if len(files) != NecklaceShards(len(s.Pearls)) {
				t.Errorf("%s: %d shards", s.Lang, len(files))
			}
			if round == 0 {
				first[i] = files
			} else if !maps.EqualFunc(files, first[i], bytes.Equal) {
				t.Errorf("round %d: the necklace data of %s differs from the first build's", round, s.Lang)
			}
		}
		now := made()
		if round == 0 {
			if want := len(fi.Pearls) + len(sv.Pearls); len(now) != want {
				t.Errorf("the first build kept %d entries, want %d", len(now), want)
			}
			kept = now
			continue
		}
		anew := 0
		for k, p := range now {
			if kept[k] != p {
				anew++
			}
		}
		if anew > 0 || len(now) != len(kept) {
			t.Errorf("round %d wrote %d of %d entries anew, want none", round, anew, len(now))
		}
	}

	// A title edit: the entry is written anew, and of the shards only
	// the pearl's depends on it.
	p := fi.Pearls[7]
	p.Title = "Uusi otsikko"
	files := necklaceFiles(t, th, fi)
	now := made()
	for k, b := range now {
		if edited := k == "fi "+p.URL; (kept[k] != b) != edited {
			t.Errorf("after a title edit, %s written anew: %v", k, kept[k] != b)
		}
	}
	shard := NecklaceDir + strconv.Itoa(NecklaceShard(p.Slug, len(files))) + ".json"
	for path, data := range files {
		if changed := !bytes.Equal(data, first[0][path]); changed != (path == shard) {
			t.Errorf("after a title edit of %s (in %s), %s changed: %v", p.Slug, shard, path, changed)
		}
	}
	for _, j := range th.Jobs(fi) {
		if j.Kind == "necklacedata" && slices.Contains(j.Deps, p.Key) != (j.Path == shard) {
			t.Errorf("%s depends on %s: %v", j.Path, p.Key, slices.Contains(j.Deps, p.Key))
		}
	}
}

// TestNecklaceLayoutKeptWhileTrue: the shards' jobs listed from the
// layout the last listing kept are those listed anew (the same paths,
// deps and pearls) after each change a save makes to the site's pearls
// (none, a pearl moved by a title edit, renamed, added, removed, two
// removed, the last removed, a listing of a part of the site as after a
// body save, enough added that the shards double), and a shard none of
// whose pearls changed keeps its deps, the same slice.
func TestNecklaceLayoutKeptWhileTrue(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	addPearls(s, 300)
	th, diags := Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	shards := func() map[string]Job {
		m := map[string]Job{}
		for _, j := range th.Jobs(s) {
			if j.Kind == "necklacedata" {
				m[j.Path] = j
			}
		}
		return m
	}
	slugs := func(j Job) []string {
		var out []string
		for _, p := range j.node.(necklaceShard).pearls {
			out = append(out, p.Slug)
		}
		return out
	}
	// renamed is a copy of p under another file name.
	renamed := func(p *site.Pearl, slug string) *site.Pearl {
		doc := *p.Pearl
		doc.Slug = slug
		q := *p
		q.Pearl = &doc
		q.Node = site.Node{Path: "/helmet/" + slug + "/", URL: "/portaali/helmet/" + slug + "/", Key: "helmet/" + slug}
		return &q
	}
	shardOf := func(p *site.Pearl) string {
		return NecklaceDir + strconv.Itoa(NecklaceShard(p.Slug, NecklaceShards(len(s.Pearls)))) + ".json"
	}
	last := shards()
	for _, step := range []struct {
		name   string
		change func() []string // the shards whose pearls change
		all    bool            // every shard changes
	}{
		{"none", func() []string { return nil }, false},
		{"moved", func() []string {
			p := s.Pearls[3]
			s.Pearls = slices.Insert(slices.Delete(s.Pearls, 3, 4), len(s.Pearls)-6, p)
			return []string{shardOf(p)}
		}, false},
		{"moved back", func() []string {
			p := s.Pearls[len(s.Pearls)-6]
			s.Pearls = slices.Insert(slices.Delete(s.Pearls, len(s.Pearls)-6, len(s.Pearls)-5), 3, p)
			return []string{shardOf(p)}
		}, false},
		{"renamed", func() []string {
			i := len(s.Pearls) / 2
			was := shardOf(s.Pearls[i])
			s.Pearls[i] = renamed(s.Pearls[i], "uusi-nimi-helmelle")
			return []string{was, shardOf(s.Pearls[i])}
		}, false},
		{"added", func() []string {
			p := renamed(s.Pearls[10], "lisatty-helmi")
			s.Pearls = slices.Insert(s.Pearls, 11, p)
			return []string{shardOf(p)}
		}, false},
		{"removed", func() []string {
			was := shardOf(s.Pearls[20])
			s.Pearls = slices.Delete(s.Pearls, 20, 21)
			return []string{was}
		}, false},
		{"two removed", func() []string {
			was := []string{shardOf(s.Pearls[30]), shardOf(s.Pearls[31])}
			s.Pearls = slices.Delete(s.Pearls, 30, 32)
			return was
		}, false},
		{"last removed", func() []string {
			was := shardOf(s.Pearls[len(s.Pearls)-1])
			s.Pearls = s.Pearls[:len(s.Pearls)-1]
			return []string{was}
		}, false},
		{"a part listed", func() []string {
			th.JobsIn(s, s.Only([]content.Doc{s.Pearls[5].Pearl}))
			return nil
		}, false},
		{"doubled", func() []string {
			for i := range NecklaceShards(len(s.Pearls)) * necklacePerShard {
				s.Pearls = append(s.Pearls, renamed(s.Pearls[i%40], fmt.Sprintf("kaksinkertainen-%04d", i)))
			}
			return nil
		}, true},
	} {
		changed := step.change()
		now := shards()
		want := necklaceJobs(s, th.state(s).deps, nil, true)
		if len(now) != len(want) {
			t.Fatalf("%s: %d shards, listed anew %d", step.name, len(now), len(want))
		}
		for _, w := range want {
			j := now[w.Path]
			if !slices.Equal(j.Deps, w.Deps) {
				t.Errorf("%s: %s depends on %v, listed anew on %v", step.name, w.Path, j.Deps, w.Deps)
			}
			if !slices.Equal(slugs(j), slugs(w)) {
				t.Errorf("%s: %s holds %v, listed anew %v", step.name, w.Path, slugs(j), slugs(w))
			}
			if step.all {
				continue
			}
			if kept, was := unsafe.SliceData(j.Deps) == unsafe.SliceData(last[w.Path].Deps), !slices.Contains(changed, w.Path); kept != was {
				t.Errorf("%s: %s kept its deps: %v, want %v", step.name, w.Path, kept, was)
			}
		}
		last = now
	}
}
