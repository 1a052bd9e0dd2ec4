package main

import (
	"bytes"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A link's query and fragment reach the page, and a file whose name holds
// # or % is linked by an address that leads to it, under the portal's
// subpath: a link to a prepared search (/haku/?q=…) lost its query and
// opened an empty search, a PDF's page (#page=3) was dropped from a link
// to the file by its place under static/, and a name written with %23
// (#) became an address whose rest was a fragment, a 404.
func TestLinkQueriesFragmentsAndEscapes(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	writeAll(t, dir, map[string]string{
		"content/static/liitteet/opas #2.pdf":     "pdf",
		"content/static/liitteet/alennus 50%.pdf": "pdf",
		"content/static/liitteet/kysymys%3F.pdf":  "pdf",
		"content/helmet/linkit.md": "---\ntitle: Linkit\ntheme: johtaminen\nsummary: Linkkejä.\nkind: tieto\ndate: 2024-01-01\n---\n" +
			"[haku](/haku/?q=verkosto) [sivu](../static/liitteet/lomake.pdf#page=3) [versio](/liitteet/lomake.pdf?v=2)\n" +
			"[risuaita](/liitteet/opas%20%232.pdf) [prosentti](../static/liitteet/alennus%2050%25.pdf) [koodi](/liitteet/kysymys%253F.pdf)\n\n" +
			"![Kaavio](/kuvat/kaavio.png?v=2)\n",
		"content/static/kuvat/kaavio.png": pngOf(t, 30, 20),
	})
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	page := string(read(t, filepath.Join(dir, "public", "helmet", "linkit", "index.html")))
	hrefs := map[string]string{}
	for _, m := range regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`).FindAllStringSubmatch(page, -1) {
		hrefs[m[2]] = strings.ReplaceAll(m[1], "&amp;", "&")
	}
	// An image keeps its size with its query, so that the page does not
	// shift as it loads.
	if want := `<img src="/portaali/kuvat/kaavio.png?v=2" alt="Kaavio" width="30" height="20"`; !strings.Contains(page, want) {
		t.Errorf("the page lacks %s", want)
	}
	for text, want := range map[string]string{
		"haku":      "/portaali/haku/?q=verkosto",
		"sivu":      "/portaali/liitteet/lomake.pdf#page=3",
		"versio":    "/portaali/liitteet/lomake.pdf?v=2",
		"risuaita":  "/portaali/liitteet/opas%20%232.pdf",
		"prosentti": "/portaali/liitteet/alennus%2050%25.pdf",
		"koodi":     "/portaali/liitteet/kysymys%253F.pdf",
	} {
		got := hrefs[text]
		if got != want {
			t.Errorf("[%s]: href %q, want %q", text, got, want)
			continue
		}
		// The file a static host serves for the address.
		u, err := url.Parse(got)
		if err != nil {
			t.Errorf("[%s]: %v", text, err)
			continue
		}
		file := filepath.Join(dir, "public", filepath.FromSlash(strings.TrimPrefix(u.Path, "/portaali/")))
		if strings.HasSuffix(u.Path, "/") {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("[%s]: %s leads to no file: %v", text, got, err)
		}
	}
}

// pngOf is a PNG image of w by h pixels.
func pngOf(t *testing.T, w, h int) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A link to a file whose name holds # written with the # as it is: the #
// starts the address's fragment, and the message said only that no file
// had the address cut there (/liitteet/opas ). It names the file and says
// to write %23, in the link's angle brackets when the address needs them
// (a name with a space, as CommonMark takes it only so; before 2026-12-07
// the brackets were left out, and the address written so was no link),
// and each address as it says to write it is a link to the file.
func TestHashInAFileNameIsExplained(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	page := "content/helmet/linkit.md"
	front := "---\ntitle: Linkit\ntheme: johtaminen\nsummary: Linkkejä.\nkind: tieto\ndate: 2024-01-01\n---\n"
	writeAll(t, dir, map[string]string{
		"content/static/liitteet/opas #2.pdf": "pdf",
		page:                                  front + "[a](/liitteet/opas%20#2.pdf) [b](../static/liitteet/opas%20#2.pdf) [c](</liitteet/opas #2.pdf>)\n",
	})
	code, stdout, _ := helminauha(t, dir, "check")
	var written []string
	for _, want := range []string{
		"content/helmet/linkit.md:8:1: broken link to /liitteet/opas%20#2.pdf: in an address # starts a place within the page, so in the name of the file static/liitteet/opas #2.pdf it is written %23: write /liitteet/opas%20%232.pdf",
		"content/helmet/linkit.md:8:30: broken link to ../static/liitteet/opas%20#2.pdf: in an address # starts a place within the page, so in the name of the file static/liitteet/opas #2.pdf it is written %23: write ../static/liitteet/opas%20%232.pdf",
		"content/helmet/linkit.md:8:68: broken link to /liitteet/opas #2.pdf: in an address # starts a place within the page, so in the name of the file static/liitteet/opas #2.pdf it is written %23: write </liitteet/opas %232.pdf>",
	} {
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("check: exit status %d, want 1 and\n%s\nin\n%s", code, want, stdout)
		}
		_, address, _ := strings.Cut(want, ": write ")
		written = append(written, "[x]("+address+")")
	}
	writeAll(t, dir, map[string]string{page: front + strings.Join(written, " ") + "\n"})
	if code, stdout, _ := helminauha(t, dir, "check"); code != 0 {
		t.Errorf("check of the links as the messages write them (%s): exit status %d, want 0\n%s", written, code, stdout)
	}
}
