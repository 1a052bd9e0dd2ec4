package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// footerLinks are the addresses a page's footer links to, in order.
func footerLinks(page string) []string {
	_, footer, _ := strings.Cut(page, `<ul class="footer-links">`)
	footer, _, _ = strings.Cut(footer, "</ul>")
	var links []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(footer, -1) {
		links = append(links, m[1])
	}
	return links
}

// TestFooterLinksEveryPage: a standalone page is linked from no other
// place of the theme, so the footer links to every one: the about page,
// the accessibility statement and the editors' guide first, the others
// after them (before 2026-12-07 it linked to those three alone, and a
// page such as yhteystiedot was reached only by search). A page added
// while serve runs joins every page's footer.
func TestFooterLinksEveryPage(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "sivut", "yhteystiedot.md"), "---\ntitle: Yhteystiedot\n---\nSoita meille.\n")
	write(t, filepath.Join(dir, "content", "sivut", "saavutettavuusseloste.md"), "---\ntitle: Saavutettavuusseloste\n---\nSivusto täyttää vaatimukset.\n")
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	want := []string{"/portaali/tietoa/", "/portaali/saavutettavuusseloste/", "/portaali/yhteystiedot/"}
	eachPage(t, filepath.Join(dir, "public"), func(rel, html string) {
		if !strings.Contains(html, `<ul class="footer-links">`) {
			return
		}
		if got := footerLinks(html); len(got) < len(want) || strings.Join(got[:len(want)], " ") != strings.Join(want, " ") {
			t.Errorf("public/%s: the footer links to %q, want %q first", rel, got, want)
		}
	})

	os.RemoveAll(filepath.Join(dir, "public"))
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/luottamus/", `href="/yhteystiedot/"`)
	write(t, filepath.Join(dir, "content", "sivut", "palaute.md"), "---\ntitle: Palaute\n---\nKerro meille.\n")
	s.waitFor("/helmet/luottamus/", `href="/palaute/"`)
	s.waitFor("/", `href="/palaute/"`)
}
