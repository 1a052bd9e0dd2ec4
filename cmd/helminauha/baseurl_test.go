package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --baseurl (or site.yaml's baseURL) goes into every page, the feed and
// the sitemap: one with a user name or password would publish them, one
// with . or .. in its path makes every link wrong, and a port past 65535
// is no address. Each is refused, naming what to write, and the previous
// public/ stays as it was.
func TestOddBaseURLs(t *testing.T) {
	dir := portal(t)
	if code, out, errOut := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: %d\n%s%s", code, out, errOut)
	}
	before := treeSum(t, filepath.Join(dir, "public"))
	for _, c := range []struct{ url, want string }{
		{"https://toimitus:salasana@helmet.example.fi/", `--baseurl: baseURL "https://toimitus:***@helmet.example.fi/" holds a user name or password, which every page would publish: leave out "toimitus:***@"`},
		{"https://toimitus@helmet.example.fi/", `--baseurl: baseURL "https://toimitus@helmet.example.fi/" holds a user name or password, which every page would publish: leave out "toimitus@"`},
		{"https://helmet.example.fi/../", `--baseurl: baseURL "https://helmet.example.fi/../" has . or .. in its path: write the folder the site is served from, such as https://helmet.example.fi/portaali/`},
		{"https://helmet.example.fi/a/./b/", `--baseurl: baseURL "https://helmet.example.fi/a/./b/" has . or .. in its path`},
		// An empty folder name: every address would have it (accepted
		// before 2026-12-07).
		{"https://helmet.example.fi/portaali//", `--baseurl: baseURL "https://helmet.example.fi/portaali//" has two slashes in a row in its path: write the folder with one, https://helmet.example.fi/portaali/`},
		{"https://helmet.example.fi//portaali/", `--baseurl: baseURL "https://helmet.example.fi//portaali/" has two slashes in a row in its path: write the folder with one, https://helmet.example.fi/portaali/`},
		// The home page's address, copied from the browser: every
		// address of the site went under a folder index.html/.
		{"https://helmet.example.fi/portaali/index.html", `--baseurl: baseURL "https://helmet.example.fi/portaali/index.html" ends in the name of a page, index.html: write the folder the site is served from, https://helmet.example.fi/portaali/`},
		{"https://helmet.example.fi:99999/", `--baseurl: baseURL "https://helmet.example.fi:99999/" must be an absolute http(s) address such as https://helmet.example.fi/`},
		// An address that does not parse keeps its password to itself too.
		{"https://käyttäjä:salasana@helmet.example.fi/", `--baseurl: baseURL "https://käyttäjä:***@helmet.example.fi/" must be an absolute http(s) address`},
		{"https://toimitus:salasana@helmet.example.fi/a/../", `--baseurl: baseURL "https://toimitus:***@helmet.example.fi/a/../" holds a user name or password`},
		{"ftp://toimitus:salasana@helmet.example.fi/", `--baseurl: baseURL "ftp://toimitus:***@helmet.example.fi/" must be an absolute http(s) address`},
	} {
		code, _, stderr := helminauha(t, dir, "build", "--baseurl", c.url)
		if code != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("build --baseurl %s: exit status %d, want 1 and %q:\n%s", c.url, code, c.want, stderr)
		}
		if strings.Contains(stderr, "salasana") {
			t.Errorf("build --baseurl %s: the message repeats the password", c.url)
		}
	}
	if treeSum(t, filepath.Join(dir, "public")) != before {
		t.Errorf("a refused build changed public/")
	}
	// The same in site.yaml, with the file's line.
	site := filepath.Join(dir, "content", "site.yaml")
	src, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	write(t, site, strings.Replace(string(src), "baseURL: https://", "baseURL: https://a:b@", 1))
	code, stdout, _ := helminauha(t, dir, "check")
	if want := `content/site.yaml:3:10: baseURL "https://a:***@example.org/portaali/" holds a user name or password, which every page would publish`; code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("check: exit status %d, want 1 and %s\n%s", code, want, stdout)
	}
}

// A baseURL with a query or a fragment (an address copied from a browser,
// or one ending in a stray ?) gives every whole address the site's path
// without them: one that ended in ? made every canonical address, the
// sitemap's and the feed's https://helmet.example.fi/portaali/?helmet/x/.
func TestBaseURLWithoutQuery(t *testing.T) {
	t.Parallel()
	for _, url := range []string{"https://helmet.example.fi/portaali?", "https://helmet.example.fi/portaali/?utm_source=x#alku"} {
		dir := portal(t)
		if code, stdout, stderr := helminauha(t, dir, "build", "--baseurl", url); code != 0 {
			t.Fatalf("build --baseurl %s: exit status %d\n%s%s", url, code, stdout, stderr)
		}
		for file, want := range map[string]string{
			"helmet/dialogi/index.html": `<link rel="canonical" href="https://helmet.example.fi/portaali/helmet/dialogi/"`,
			"sitemap.xml":               `<loc>https://helmet.example.fi/portaali/helmet/dialogi/</loc>`,
			"feed.xml":                  `href="https://helmet.example.fi/portaali/helmet/dialogi/"`,
		} {
			if got := string(read(t, filepath.Join(dir, "public", filepath.FromSlash(file)))); !strings.Contains(got, want) {
				t.Errorf("--baseurl %s: %s lacks %s", url, file, want)
			}
		}
	}
}
