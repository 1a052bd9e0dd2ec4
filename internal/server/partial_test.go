package server

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/render"
)

// The files a reader asks for while a build is under way are the files
// of that build: asked for as serve starts, each waits for its page
// (rendered for the request when the build has not reached it), and
// right after the reload event of a title edit the same; either way the
// bytes are those a full build of the same content writes, with the
// reload script.
func TestServedDuringABuildAreTheFullBuildsBytes(t *testing.T) {
	content := portal(t)
	// More pearls, so that the build is still rendering when the pages
	// are asked for.
	for i := range 400 {
		area := []string{"verkostotyo", "johtaminen"}[i%2]
		text := fmt.Sprintf("---\ntitle: Lisähelmi %03d\ntheme: %s\nsummary: Lisää.\nkind: tieto\ntags: [tavoitteet, ryhmä %d]\ndate: 2024-01-%02d\n---\nTeksti %d.\n",
			i, area, i%7, 1+i%28, i)
		if err := os.WriteFile(filepath.Join(content, "helmet", fmt.Sprintf("lisa-%03d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The shard of the necklace data that holds the pearl edited below.
	pearls, err := os.ReadDir(filepath.Join(content, "helmet"))
	if err != nil {
		t.Fatal(err)
	}
	shards := render.NecklaceShards(len(pearls))
	if shards < 2 {
		t.Fatalf("%d pearls, %d shard of necklace data: want several", len(pearls), shards)
	}
	necklace := "/" + render.NecklaceDir + strconv.Itoa(render.NecklaceShard(strings.TrimSuffix(path.Base(pearlFile), ".md"), shards)) + ".json"
	paths := []string{"/", "/helmet/lisa-399/", "/helmet/lisa-399/tuloste.json", pearlPath, "/teemat/verkostotyo/",
		"/teemat/verkostotyo/sivu/2/", "/tagit/tavoitteet/", "/tagit/", "/sitemap.xml", "/feed.xml", "/oma-helminauha/", necklace,
		"/liitteet/lomake.pdf", "/ei-ole/"}
	ts := launch(t, content, "")
	got := getAll(ts, paths)
	if strings.Contains(ts.log.String(), "Built") {
		t.Log("the first build ended before the pages were served")
	}
	sameAsFullBuild(t, ts, content, paths, got)

	// A title edit moves the pearl in every list it is on.
	ts.subscribe()
	ts.gen = ts.next()
	edited := strings.Replace(pearl("Teksti."), "title: Yhteinen tavoite", "title: Aivan yhteinen tavoite", 1)
	tmp := filepath.Join(filepath.Dir(content), "tmp.md")
	if err := os.WriteFile(tmp, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(content, filepath.FromSlash(pearlFile))); err != nil {
		t.Fatal(err)
	}
	for {
		n := ts.next()
		if n <= ts.gen {
			t.Fatalf("build number went from %d to %d", ts.gen, n)
		}
		ts.gen = n
		if got = getAll(ts, paths); strings.Contains(got[pearlPath], "Aivan yhteinen tavoite") {
			break
		}
	}
	sameAsFullBuild(t, ts, content, paths, got)
	if !strings.HasPrefix(got[necklace], "200 ") || !strings.Contains(got[necklace], `"title":"Aivan yhteinen tavoite"`) {
		t.Errorf("%s after the title edit: %.300s", necklace, got[necklace])
	}
}

// getAll asks for every path at once and returns the bodies by path.
func getAll(ts *testServer, paths []string) map[string]string {
	got := make(map[string]string, len(paths))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Go(func() {
			status, body := ts.get(p)
			mu.Lock()
			got[p] = fmt.Sprintf("%d %s", status, body)
			mu.Unlock()
		})
	}
	wg.Wait()
	return got
}

var reloadScript = regexp.MustCompile(`<script src="/__helminauha/reload.js" data-gen="\d+" defer></script>`)

// sameAsFullBuild compares what serve gave for each path with the file a
// full build of content writes there (404.html for a path it has not).
func sameAsFullBuild(t *testing.T, ts *testServer, content string, paths []string, got map[string]string) {
	t.Helper()
	res, err := build.Build(context.Background(), build.Options{Content: os.DirFS(content), ContentName: "content", Drafts: true, BaseURL: ts.url + "/"})
	if err != nil {
		t.Fatalf("full build: %v %v", err, res.Diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	for _, p := range paths {
		name := strings.TrimPrefix(p, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := files[name]
		want := "200 " + data
		if !ok {
			want = "404 " + files["404.html"]
		}
		if g := reloadScript.ReplaceAllString(got[p], ""); g != want {
			t.Errorf("%s: serve gave\n%.300s\nwant the full build's\n%.300s", p, g, want)
		}
	}
}

// A request waiting for the first build does not keep serve from
// stopping: it is answered, and Run returns nil.
func TestStopDuringTheFirstBuild(t *testing.T) {
	ts := launch(t, portal(t), "")
	answered := make(chan int, 1)
	go func() {
		resp, err := http.Get(ts.url + "/")
		if err != nil {
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	ts.stopped()
	select {
	case <-answered:
	case <-time.After(deadline):
		t.Fatal("the request was not answered")
	}
}
