package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	tagLink     = regexp.MustCompile(`<li><a href="(/portaali/(?:sv/)?tagit/[^"/]+/)">[^<]+</a> <span class="count">`)
	letterNav   = regexp.MustCompile(`(?s)<nav class="letters" aria-label="([^"]+)">(.*?)</nav>`)
	letterLink  = regexp.MustCompile(`<a href="([^"#]+)#([^"]+)">([^<]+)</a>`)
	currentLink = regexp.MustCompile(`<a href="([^"]+)" aria-current="page"><span class="visually-hidden">[^<]+</span>(\d+)</a>`)
	headingTag  = regexp.MustCompile(`<h([1-6])[ >]`)
	headingText = regexp.MustCompile(`(?s)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	tagMarkup   = regexp.MustCompile(`<[^>]*>`)
	pageTitle   = regexp.MustCompile(`<title>([^<]+)</title>`)
)

// manyTagsPortal writes the bilingual small portal with 40 more pearls of
// 16 tags each, none shared (640 tags, some starting with Ä, Ö, É or a
// digit), and their Swedish translations with 12 Swedish tags each.
func manyTagsPortal(t *testing.T, dir string) {
	t.Helper()
	bilingualPortal(t, dir)
	firsts := []string{"arki", "digi", "etä", "hanke", "johto", "kehitys", "luotto", "muutos", "ohjaus", "palaute",
		"rooli", "sote", "tiimi", "uudistus", "verkosto", "yhteis", "älykäs", "öljy", "école", "5g"}
	svFirsts := []string{"arbete", "chef", "distans", "grupp", "ledning", "möte", "nätverk", "område", "stöd", "team", "ämne", "övning"}
	write := func(name, text string) {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 40 {
		var fi, sv []string
		for k := range 16 {
			fi = append(fi, fmt.Sprintf("%s %03d", firsts[(i*16+k)%len(firsts)], i*16+k))
		}
		for k := range 12 {
			sv = append(sv, fmt.Sprintf("%s %03d", svFirsts[(i*12+k)%len(svFirsts)], i*12+k))
		}
		head := "---\ntitle: %s %d\ntheme: johtaminen\nsummary: %s.\nkind: menetelma\naudience: [henkilosto]\ntags: [%s]\ndate: 2021-03-01\n---\nText.\n"
		write(fmt.Sprintf("helmet/aihe-%02d.md", i), fmt.Sprintf(head, "Aihehelmi", i, "Monta aihetta", strings.Join(fi, ", ")))
		write(fmt.Sprintf("sv/helmet/aihe-%02d.md", i), fmt.Sprintf(head, "Ämnespärla", i, "Många ämnen", strings.Join(sv, ", ")))
	}
}

// TestTagListIsPagedAsTyped builds a portal of 640 Finnish and 480
// Swedish tags and reads the list of terms as a reader gets it: pages of
// 200 tags at most, every tag on exactly one, by initial letter under a
// heading of its own, a letter index leading to the heading on the page
// where the letter starts, and a pager with the page marked current, in
// each language's words.
func TestTagListIsPagedAsTyped(t *testing.T) {
	dir := t.TempDir()
	manyTagsPortal(t, dir)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	sitemap, err := os.ReadFile(filepath.Join(dir, "public", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, prefix                string
		tags, pages                 int
		letters, pager, page, title string
		otherList                   string // the switcher's link to the other language's list
	}{
		{"fi", "", 640 + 2, 4, "Aiheet alkukirjaimen mukaan", "Sivutus", "sivu", "Aiheet", "/portaali/sv/tagit/"},
		{"sv", "sv/", 480, 3, "Ämnen efter begynnelsebokstav", "Sidnumrering", "sida", "Ämnen", "/portaali/tagit/"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			seen := map[string]int{}
			ids := map[string]bool{} // page URL#id of every letter heading
			var navs []string
			for n := 1; n <= tc.pages+1; n++ {
				rel := tc.prefix + "tagit/"
				if n > 1 {
					rel += fmt.Sprintf("sivu/%d/", n)
				}
				url := "/portaali/" + rel
				file := filepath.Join(dir, "public", filepath.FromSlash(rel), "index.html")
				data, err := os.ReadFile(file)
				if n > tc.pages {
					if err == nil {
						t.Errorf("%s exists: the list has %d pages", rel, tc.pages)
					}
					break
				}
				if err != nil {
					t.Fatalf("page %d: %v", n, err)
				}
				h := string(data)
				tags := tagLink.FindAllStringSubmatch(h, -1)
				if len(tags) > 200 || n < tc.pages && len(tags) != 200 {
					t.Errorf("%s lists %d tags", rel, len(tags))
				}
				for _, m := range tags {
					seen[m[1]]++
				}
				if n == 1 != strings.Contains(h, `<h2 id="tyypit_otsikko">`) {
					t.Errorf("%s: the kinds are listed on the first page only", rel)
				}
				// One h1, and no heading more than one level below the one
				// before it.
				last := 0
				for _, m := range headingTag.FindAllStringSubmatch(h, -1) {
					level := int(m[1][0] - '0')
					if level > last+1 {
						t.Errorf("%s: an h%d after an h%d", rel, level, last)
					}
					last = level
				}
				if c := strings.Count(h, "<h1"); c != 1 {
					t.Errorf("%s has %d h1", rel, c)
				}
				// Each heading says what is under it: no two read the
				// same, and a later page's h1 names its page.
				texts := map[string]bool{}
				for _, m := range headingText.FindAllStringSubmatch(h, -1) {
					text := tagMarkup.ReplaceAllString(m[1], "")
					if texts[text] {
						t.Errorf("%s: two headings read %q", rel, text)
					}
					texts[text] = true
				}
				if h1 := headingText.FindStringSubmatch(h); n > 1 && (h1 == nil || !strings.Contains(h1[1], fmt.Sprintf("%s %d/%d", tc.page, n, tc.pages))) {
					t.Errorf("%s: the h1 does not name page %d/%d", rel, n, tc.pages)
				}
				for _, m := range regexp.MustCompile(`<h[23] id="([^"]+)">`).FindAllStringSubmatch(h, -1) {
					ids[url+"#"+m[1]] = true
				}
				nav := letterNav.FindStringSubmatch(h)
				if nav == nil || nav[1] != tc.letters {
					t.Fatalf("%s: no letter index labelled %q", rel, tc.letters)
				}
				navs = append(navs, nav[2])
				pager := regexp.MustCompile(`(?s)<nav class="pager" aria-label="` + tc.pager + `">(.*?)</nav>`).FindStringSubmatch(h)
				if pager == nil {
					t.Fatalf("%s: no pager labelled %q", rel, tc.pager)
				}
				cur := currentLink.FindAllStringSubmatch(pager[1], -1)
				if len(cur) != 1 || cur[0][1] != url || cur[0][2] != fmt.Sprint(n) {
					t.Errorf("%s: the pager's current page %q", rel, cur)
				}
				title := pageTitle.FindStringSubmatch(h)
				wantTitle := tc.title
				if n > 1 {
					wantTitle = fmt.Sprintf("%s, %s %d/%d", tc.title, tc.page, n, tc.pages)
				}
				if title == nil || !strings.HasPrefix(title[1], wantTitle+" – ") {
					t.Errorf("%s: title %q, want %q first", rel, title, wantTitle)
				}
				if !strings.Contains(h, `<a href="`+tc.otherList+`" lang=`) {
					t.Errorf("%s: the language switcher does not lead to %s", rel, tc.otherList)
				}
				if !strings.Contains(string(sitemap), "<loc>https://example.org"+url+"</loc>") {
					t.Errorf("the sitemap lacks %s", url)
				}
			}
			if len(seen) != tc.tags {
				t.Errorf("the pages list %d tags, want %d", len(seen), tc.tags)
			}
			for tag, k := range seen {
				if k != 1 {
					t.Errorf("%s is listed on %d pages", tag, k)
				}
			}
			// Every page has the same letter index, and each letter leads
			// to its heading.
			var letters []string
			for _, m := range letterLink.FindAllStringSubmatch(navs[0], -1) {
				letters = append(letters, m[3])
				if !ids[m[1]+"#"+m[2]] {
					t.Errorf("the letter %s leads to %s#%s, which is no heading", m[3], m[1], m[2])
				}
			}
			for i, nav := range navs {
				if nav != navs[0] {
					t.Errorf("page %d's letter index differs from the first's", i+1)
				}
			}
			t.Logf("letters: %s", strings.Join(letters, " "))
		})
	}
	fi := readPage(t, dir, "tagit")
	for _, want := range []string{`>Ä</a>`, `>Ö</a>`, `>E</a>`, `>Muut</a>`} {
		if !strings.Contains(letterNav.FindString(fi), want) {
			t.Errorf("the Finnish letter index lacks %s", want)
		}
	}
}

// TestTagsNamedLikeWindowsDevices: a tag whose slug Windows keeps for a
// device (con, LPT1, "Aux.") had its page in a folder such as tagit/con/,
// which cannot be checked out on Windows, where editors open the
// portal's Git repository. Its page is tagit/con_/, the pearl's tag list
// links there, and no folder of a device's name is written.
func TestTagsNamedLikeWindowsDevices(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	pearl := filepath.Join(dir, "content", "helmet", "dialogi.md")
	data, err := os.ReadFile(pearl)
	if err != nil {
		t.Fatal(err)
	}
	write(t, pearl, strings.Replace(string(data), "kind: menetelma\n", "kind: menetelma\ntags: [con, LPT1, \"Aux.\", konsoli]\n", 1))
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	public := filepath.Join(dir, "public")
	html, err := os.ReadFile(filepath.Join(public, "helmet", "dialogi", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"con_", "lpt1_", "aux_", "konsoli"} {
		if _, err := os.Stat(filepath.Join(public, "tagit", slug, "index.html")); err != nil {
			t.Errorf("no page of the tag %s: %v", slug, err)
		}
		if !strings.Contains(string(html), `href="/portaali/tagit/`+slug+`/"`) {
			t.Errorf("the pearl's page does not link to /portaali/tagit/%s/", slug)
		}
	}
	for _, device := range []string{"con", "lpt1", "aux"} {
		if _, err := os.Stat(filepath.Join(public, "tagit", device)); !os.IsNotExist(err) {
			t.Errorf("the build wrote tagit/%s, which Windows cannot hold (%v)", device, err)
		}
	}
}

// TestTagsOfOneAddressAsOtherWords: tags whose addresses are one
// (/tagit/c/) but whose spellings are other words (C, C++, c--;
// johtaminen, johtaminen!) are told at the later pearl's tag, with the
// page's label and its file, in Finnish and in Swedish; spellings that
// differ in case, diacritics or spacing only are one tag, as README
// says, and told nothing.
func TestTagsOfOneAddressAsOtherWords(t *testing.T) {
	t.Parallel()
	pearl := func(title, tags string) string {
		return "---\ntitle: " + title + "\ntheme: johtaminen\nsummary: S.\nkind: tieto\ntags: " + tags + "\ndate: 2022-01-01\n---\nTeksti.\n"
	}
	dir := smallPortal(t, map[string]string{
		"teemat/johtaminen.md": "---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nJ.\n",
		"helmet/a.md":          pearl("A", "[C, Työhyvinvointi, sote-uudistus, Ääni]"),
		"helmet/b.md":          pearl("B", "[C++, työhyvinvointi, Sote uudistus, aani]"),
		"helmet/c.md":          pearl("C", "[c--, TYÖHYVINVOINTI, johtaminen!, \" sote – uudistus \"]"),
		"helmet/d.md":          pearl("D", "[johtaminen, työ\u00adhyvinvointi]"),
	})
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"fi", []string{
			`content/helmet/b.md:6:8: varoitus: asiasanasta "C++" tulee sama sivu /tagit/c/ kuin asiasanasta "C" tiedostossa content/helmet/a.md, ja sivun otsikkona on "C": jos ne tarkoittavat samaa, kirjoita ne samoin; jos eri asiaa, kirjoita tämä toisin kirjaimin (esimerkiksi C++ → Cpp), niin se saa oman sivunsa`,
			`content/helmet/c.md:6:8: varoitus: asiasanasta "c--" tulee sama sivu /tagit/c/ kuin asiasanasta "C" tiedostossa content/helmet/a.md`,
			`content/helmet/d.md:6:8: varoitus: asiasanasta "johtaminen" tulee sama sivu /tagit/johtaminen/ kuin asiasanasta "johtaminen!" tiedostossa content/helmet/c.md`,
		}},
		{"sv", []string{
			`content/helmet/b.md:6:8: varning: nyckelordet "C++" får samma sida /tagit/c/ som nyckelordet "C" i content/helmet/a.md, och sidans rubrik är "C"`,
		}},
	} {
		_, stdout, _ := helminauha(t, dir, "check", "--lang", tc.lang)
		var told []string
		for _, l := range problemLines(stdout) {
			if strings.Contains(l, "/tagit/") {
				told = append(told, l)
			}
		}
		for _, w := range tc.want {
			if !slices.ContainsFunc(told, func(l string) bool { return strings.HasPrefix(l, w) }) {
				t.Errorf("%s: check does not say\n%s\nit says of tags:\n%s", tc.lang, w, strings.Join(told, "\n"))
			}
		}
		if tc.lang == "fi" && len(told) != len(tc.want) {
			t.Errorf("check tells %d tags, want %d (spellings in another case, with diacritics or spacing are one tag):\n%s", len(told), len(tc.want), strings.Join(told, "\n"))
		}
	}
	// The build lets them pass, as a warning does, and the page has the
	// first spelling.
	built(t, dir)
	page, err := os.ReadFile(filepath.Join(dir, "public", "tagit", "c", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if m := pageTitle.FindStringSubmatch(string(page)); m == nil || m[1] != "Aihe: C – Pieni" {
		t.Errorf("/tagit/c/ is titled %q, want the first spelling, C", m)
	}
}

// TestDraftLabelsNoTagOfPublishedPearls: a tag's label is the spelling of
// the first published pearl that has it, in check (which reads the drafts)
// as in build (which leaves them out). A draft that comes first with
// another word on the tag's page (C++ where the published pearl has C) is
// told at the draft's tag, marked as a draft's, and the published pearl
// has no warning that build would not count. Before 2026-12-07 the draft
// labelled the page in check, which told the published pearl's C as
// another word than C++, a warning the build's count left out and whose
// label the published page did not have.
func TestDraftLabelsNoTagOfPublishedPearls(t *testing.T) {
	t.Parallel()
	pearl := func(title, tags, more string) string {
		return "---\ntitle: " + title + "\ntheme: johtaminen\nsummary: S.\nkind: tieto\ntags: " + tags + "\ndate: 2022-01-01\n" + more + "---\nTeksti.\n"
	}
	dir := smallPortal(t, map[string]string{
		"teemat/johtaminen.md": "---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nJ.\n",
		"helmet/a.md":          pearl("A", "[C++]", "draft: true\n"),
		"helmet/b.md":          pearl("B", "[C]", "related: [c]\n"),
		"helmet/c.md":          pearl("C", "[muu]", "related: [b]\n"),
	})
	code, stdout, _ := helminauha(t, dir, "check", "--lang", "fi")
	if code != 0 {
		t.Fatalf("check: exit status %d\n%s", code, stdout)
	}
	var told []string
	published := 0
	for _, l := range problemLines(stdout) {
		if strings.Contains(l, "/tagit/") {
			told = append(told, l)
		}
		if !strings.Contains(l, "(luonnos)") {
			published++
		}
	}
	want := `content/helmet/a.md:6:8: varoitus: (luonnos) asiasanasta "C++" tulee sama sivu /tagit/c/ kuin asiasanasta "C" tiedostossa content/helmet/b.md, ja sivun otsikkona on "C"`
	if len(told) != 1 || !strings.HasPrefix(told[0], want) {
		t.Errorf("check says of tags:\n%s\nwant only a line starting\n%s", strings.Join(told, "\n"), want)
	}
	// The build counts the warnings of what it publishes: those check
	// tells of the published pages.
	code, stdout, stderr := helminauha(t, dir, "build", "--lang", "fi")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	if want := fmt.Sprintf("%d varoitusta (helminauha check luettelee ne)", published); !strings.Contains(stdout+stderr, want) {
		t.Errorf("build says\n%s%s\nwant %q, the count of check's warnings of published pages", stdout, stderr, want)
	}
	// The published page, and the page serve and build --drafts show
	// with the draft, have the published spelling.
	if code, stdout, stderr := helminauha(t, dir, "build", "--drafts", "--out", "luonnokset"); code != 0 {
		t.Fatalf("build --drafts: exit status %d\n%s%s", code, stdout, stderr)
	}
	for _, out := range []string{"public", "luonnokset"} {
		page, err := os.ReadFile(filepath.Join(dir, out, "tagit", "c", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if m := pageTitle.FindStringSubmatch(string(page)); m == nil || m[1] != "Aihe: C – Pieni" {
			t.Errorf("%s/tagit/c/ is titled %q, want the published pearl's spelling, C", out, m)
		}
	}
}
