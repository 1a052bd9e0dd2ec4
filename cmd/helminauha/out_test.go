package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/helminauha/helminauha/internal/testkit"
)

// The tests in this file run the binary from the portal's folder with
// relative paths and default flags, and hold the output folder to being
// the generator's alone.

// writeAll writes files (slash path under dir → content).
func writeAll(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
}

// nothingBesidePublic checks that nothing but the portal's own folders
// is beside public/ in dir.
func nothingBesidePublic(t *testing.T, dir string) {
	t.Helper()
	var names []string
	for _, name := range beside(t, dir) {
		switch name {
		case "content", "public", "themes", "koti", "www", "toinen", ".public.spare", ".www.spare":
		default:
			names = append(names, name)
		}
	}
	if len(names) > 0 {
		t.Errorf("left beside public/: %v", names)
	}
}

// A second build over the first, as typed; public/ is a Git checkout of
// a Pages branch, whose .git and CNAME stay, and a file site.yaml keeps
// stays too.
func TestBuildTwiceKeepsWhatItDidNotWrite(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("first build: exit status %d\n%s", code, stderr)
	}
	user := map[string]string{"public/.git/HEAD": "ref: refs/heads/gh-pages\n", "public/CNAME": "helmet.example.fi\n",
		"public/.nojekyll": "", "public/lataukset/iso.zip": "zip"}
	writeAll(t, dir, user)
	site, _ := os.ReadFile(filepath.Join(dir, "content", "site.yaml"))
	writeAll(t, dir, map[string]string{"content/site.yaml": string(site) + "keep: [lataukset/]\n"})
	os.Remove(filepath.Join(dir, "content", "helmet", "dialogi.md"))
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("second build: exit status %d\n%s", code, stderr)
	}
	for name, want := range user {
		if got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want it kept", name, got, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "helmet", "dialogi")); !os.IsNotExist(err) {
		t.Errorf("the page of a removed pearl stayed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("no home page: %v", err)
	}
	nothingBesidePublic(t, dir)
}

// Output folders a build must not write: each is refused with a message
// and nothing changes, --clean-out or not.
func TestOutIsRefused(t *testing.T) {
	dir := portal(t)
	t.Setenv("HOME", filepath.Join(dir, "koti"))
	writeAll(t, dir, map[string]string{"kotisivu/index.html": "oma sivu", "kotisivu/kuvat/loma.jpg": "jpg",
		"muistiinpanot.txt": "tärkeää", "koti/.profile": "x", "themes/oma/x.txt": "x",
		"asiakirjat/muistio.txt": "tärkeää", "asiakirjat/kuvat/kesä.jpg": "jpg"})
	// Names that lead where a build must not write.
	for link, target := range map[string]string{"sisalto": "content", "tanne": ".", "juuri": "/"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--out", "kotisivu"}, "--out kotisivu holds files helminauha did not write (index.html, kuvat/loma.jpg)"},
		{[]string{"--out", "muistiinpanot.txt"}, "--out muistiinpanot.txt is a file, not a folder"},
		{[]string{"--out", "/"}, "--out / is the root folder"},
		{[]string{"--out", "koti", "--clean-out"}, "--out koti is or holds your home folder"},
		// A mistyped --out: --clean-out takes over a website's folder only.
		{[]string{"--out", "asiakirjat", "--clean-out"}, "--out asiakirjat does not look like a website: it has no index.html and no list of an earlier build's files, so --clean-out removes nothing from it (kuvat/kesä.jpg, muistio.txt)"},
		{[]string{"--out", ".", "--clean-out"}, "--out . is or holds"},
		{[]string{"--out", "content", "--clean-out"}, "--out content is content, which the build reads"},
		{[]string{"--out", "content/public"}, "--out content/public lies inside content, which the build reads"},
		{[]string{"--out", "content/helmet", "--clean-out"}, "--out content/helmet lies inside content"},
		{[]string{"--out", "themes", "--clean-out"}, "--out themes is themes, which the build reads"},
		{[]string{"--out", "sisalto/public"}, "--out sisalto/public lies inside content, which the build reads"},
		{[]string{"--out", "tanne", "--clean-out"}, "--out tanne is or holds"},
		{[]string{"--out", "juuri", "--clean-out"}, "--out juuri is the root folder"},
		{[]string{"--content", "portaali/content", "--out", "portaali", "--clean-out"}, "--out portaali holds portaali/content"},
	} {
		moved := strings.HasPrefix(tc.args[1], "portaali")
		if moved {
			os.MkdirAll(filepath.Join(dir, "portaali"), 0o755)
			os.Rename(filepath.Join(dir, "content"), filepath.Join(dir, "portaali", "content"))
		}
		before := treeSum(t, dir)
		code, _, stderr := helminauha(t, dir, append([]string{"build"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("build %s: exit status %d, stderr %q; want %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
		if after := treeSum(t, dir); after != before {
			t.Errorf("build %s changed files", strings.Join(tc.args, " "))
		}
		if moved {
			os.Rename(filepath.Join(dir, "portaali", "content"), filepath.Join(dir, "content"))
		}
	}
	// Told to, a build removes the files it did not write.
	if code, _, stderr := helminauha(t, dir, "build", "--out", "kotisivu", "--clean-out"); code != 0 {
		t.Fatalf("build --clean-out: exit status %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "kotisivu", "kuvat")); !os.IsNotExist(err) {
		t.Errorf("--clean-out left kotisivu/kuvat: %v", err)
	}
}

// A refused output folder's message names one to use instead that works
// from where the command runs: an editor who builds in the content
// folder itself (--content .) is told ../public, not the public inside
// it that was refused; that advice, typed, builds.
func TestRefusedOutSuggestsAFolderThatWorks(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	for _, tc := range []struct {
		in   string // the folder it runs in, under dir
		args []string
		want string
	}{
		{"content", []string{"--content", "."}, "--out ../public"},
		{"content/helmet", []string{"--content", ".."}, "--out ../../public"},
		{".", []string{"--out", "content/public"}, "--out public"},
		{"content", []string{"--content", ".", "--out", "."}, "--out ../public"},
	} {
		in := filepath.Join(dir, filepath.FromSlash(tc.in))
		code, _, stderr := helminauha(t, in, append([]string{"build"}, tc.args...)...)
		if code != 2 && code != 1 || !strings.HasSuffix(strings.TrimSpace(stderr), tc.want) {
			t.Errorf("in %s, build %s: exit status %d, stderr %q; want it to end %q", tc.in, strings.Join(tc.args, " "), code, stderr, tc.want)
			continue
		}
		typed := append(append([]string{"build"}, tc.args...), strings.Fields(tc.want)...)
		if code, _, stderr := helminauha(t, in, typed...); code != 0 {
			t.Errorf("in %s, the advice build %s: exit status %d\n%s", tc.in, strings.Join(typed, " "), code, stderr)
		}
	}
}

// A public/ that is a link (to a web root) stays a link, and the folder
// it points to gets the site.
func TestLinkedPublicIsWrittenThrough(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	os.Mkdir(filepath.Join(dir, "www"), 0o755)
	if err := os.Symlink("www", filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
			t.Fatalf("exit status %d\n%s", code, stderr)
		}
	}
	if fi, err := os.Lstat(filepath.Join(dir, "public")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "www", "index.html")); err != nil {
		t.Errorf("the linked folder has no home page: %v", err)
	}
	nothingBesidePublic(t, dir)
}

// Builds killed at any moment leave a whole public/, and the next build
// removes what they left beside it: the folders it marked as its own, and
// no folder of the user's only named as one of them.
func TestKilledBuildsAreCleanedUp(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr)
	}
	writeAll(t, dir, map[string]string{".public.spare/index.html": "old", ".public.spare/.helminauha-staging": "", ".public.new-4242/index.html": "half", ".public.new-4242/.helminauha-staging": "",
		".public.new-2024/muistiinpanot.txt": "omat muistiinpanot"})
	for i := range 5 {
		writeAll(t, dir, map[string]string{"content/sivut/uusi.md": "---\ntitle: Uusi " + strings.Repeat("x", i) + "\n---\nTeksti.\n"})
		cmd := exec.Command(binary(t), "build")
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
			t.Fatalf("after a killed build, public/ has no home page: %v", err)
		}
	}
	code, stdout, stderr := helminauha(t, dir, "build", "--lang", "fi")
	if code != 0 {
		t.Fatalf("the build after killed ones: exit status %d\n%s", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ".public.new-2024", "muistiinpanot.txt")); err != nil || string(data) != "omat muistiinpanot" {
		t.Errorf("a folder of the user's named .public.new-2024 lost its file: %q, %v", data, err)
	}
	if want := "kansio .public.new-2024 on nimetty kuin koonnin väliaikainen kansio, mutta koonti ei tehnyt sitä (siinä ei ole tiedostoa .helminauha-staging), joten se jätettiin ennalleen: nimeä se toisin, jos se on sinun"; lines(stdout, want) != 1 {
		t.Errorf("build does not say, once,\n%s\nit says\n%s", want, stdout)
	}
	os.RemoveAll(filepath.Join(dir, ".public.new-2024"))
	nothingBesidePublic(t, dir)
}

// A folder of the user's named .public.spare beside public/ is not the
// build's spare folder: builds leave its files as they are and say so, in
// the editor's language. Before, the first build over public/ took it
// over, marked it and removed every file of it the site does not write.
func TestUsersSpareFolderIsLeftAlone(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr)
	}
	mine := map[string]string{".public.spare/muistiinpanot.txt": "omat muistiinpanot", ".public.spare/index.html": "oma etusivu"}
	writeAll(t, dir, mine)
	want := map[string]string{
		"fi": "kansio .public.spare on nimetty kuin koonnin varakansio, johon se säilyttää korvatut tiedostot seuraavaa koontia varten, mutta koonti ei tehnyt sitä (siinä ei ole tiedostoa .helminauha-staging), joten se jätettiin ennalleen eikä varakansiota pidetty: nimeä se toisin, jos se on sinun, tai poista se, jos sen jätti Helminauhan aiempi versio",
		"en": "the folder .public.spare is named as the build's spare folder, where it keeps the files it replaced for the next build, but no build made it (it has no file .helminauha-staging), so it was left as it is and no spare folder was kept: rename it if it is yours, or remove it if an earlier version of Helminauha left it",
		"sv": "mappen .public.spare har samma namn som byggets reservmapp",
	}
	for i, lang := range []string{"fi", "en", "sv"} {
		// Each build changes a page, so that it replaces a file.
		writeAll(t, dir, map[string]string{"content/sivut/uusi.md": "---\ntitle: Uusi " + strings.Repeat("x", i) + "\n---\nTeksti.\n"})
		code, stdout, stderr := helminauha(t, dir, "build", "--lang", lang)
		if code != 0 {
			t.Fatalf("build --lang %s: exit status %d\n%s", lang, code, stderr)
		}
		if lines(stdout, want[lang]) != 1 {
			t.Errorf("build --lang %s does not say, once,\n%s\nit says\n%s", lang, want[lang], stdout)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, ".public.spare"))
	if err != nil || len(entries) != len(mine) {
		t.Errorf("the user's .public.spare holds %v (%v), want only their %d files", entries, err, len(mine))
	}
	for name, data := range mine {
		if got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || string(got) != data {
			t.Errorf("%s holds %q (%v), want %q", name, got, err, data)
		}
	}
	nothingBesidePublic(t, dir)
}

// Files that cannot all be written are errors naming the file, in check
// and in build (which leaves public/ as it was), with or without --gzip.
func TestOutputConflictsAreErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a static .gz of the home page", map[string]string{"content/static/index.html.gz": "gz"},
			`content/static/index.html.gz: the file "index.html.gz" is where the compressed copy of index.html goes`},
		{"a static text file and its .gz", map[string]string{"content/static/a.txt": "a", "content/static/a.txt.gz": "gz"},
			`content/static/a.txt.gz: the file "a.txt.gz" is where the compressed copy of a.txt goes`},
		{"a static file where a page's folder goes", map[string]string{"content/static/ohje": "x", "content/sivut/ohje.md": "---\ntitle: Ohje\n---\nTeksti.\n"},
			`content/static/ohje: the file "ohje" is where the folder ohje/ of the portal's ohje/index.html goes`},
		{"a static file where the theme writes one", map[string]string{"content/static/favicon.svg": "<svg/>"},
			`content/static/favicon.svg: static file "favicon.svg" would overwrite the theme's own file of that name: rename it or move it to another folder`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
				t.Fatalf("exit status %d\n%s", code, stderr)
			}
			before := treeSum(t, filepath.Join(dir, "public"))
			writeAll(t, dir, tc.files)
			for _, args := range [][]string{{"check"}, {"build"}, {"build", "--gzip"}} {
				code, stdout, stderr := helminauha(t, dir, args...)
				if code != 1 || !strings.Contains(stdout+stderr, tc.want) {
					t.Errorf("%s: exit status %d, want 1 and %q:\n%s%s", args, code, tc.want, stdout, stderr)
				}
			}
			if after := treeSum(t, filepath.Join(dir, "public")); after != before {
				t.Errorf("a failed build changed public/")
			}
		})
	}
}

// site.yaml's keep is a list of paths inside the output folder; anything
// else is an error at its place, in check and build alike.
func TestKeepMustNameFilesInTheOutputFolder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		keep string
		col  int
		want string
	}{
		{"keep: CNAME", 1, `"keep" must be a list of files or folders in the output folder`},
		{"keep: [../salaisuudet]", 8, `"keep" lists "../salaisuudet": name a file or folder inside the output folder`},
		{"keep: [CNAME, /etc]", 15, `"keep" lists "/etc"`},
		{"keep: [.]", 8, `"keep" lists "."`},
	} {
		t.Run(tc.keep, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			site, _ := os.ReadFile(filepath.Join(dir, "content", "site.yaml"))
			line := strings.Count(string(site), "\n") + 1
			writeAll(t, dir, map[string]string{"content/site.yaml": string(site) + tc.keep + "\n"})
			want := fmt.Sprintf("content/site.yaml:%d:%d: %s", line, tc.col, tc.want)
			for _, cmd := range []string{"check", "build"} {
				code, stdout, stderr := helminauha(t, dir, cmd)
				if code != 1 || !strings.Contains(stdout+stderr, want) {
					t.Errorf("%s with %q: exit status %d, want 1 and %q:\n%s%s", cmd, tc.keep, code, want, stdout, stderr)
				}
			}
		})
	}
}

// A portal without baseURL builds (for a look at the pages on one's own
// machine), but its sitemap and feed have no whole addresses to give:
// build says so, and what to write, under its summary, naming the feed
// only where one is written; with --baseurl or site.yaml's baseURL it
// says nothing of it.
func TestBuildWithoutAddressSaysSo(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Testiportaali\ndescription: Pieni portaali testejä varten\n")
	note := "The site has no address (baseURL): the sitemap (sitemap.xml) and the feed (feed.xml) need whole addresses"
	code, stdout, stderr := helminauha(t, dir, "build")
	if code != 0 || !strings.Contains(stdout, note) || !strings.Contains(stdout, "write baseURL in "+filepath.Join("content", "site.yaml")) {
		t.Errorf("build without baseURL: exit %d, stdout %q, stderr %q; want the note %q", code, stdout, stderr, note)
	}
	if code, stdout, _ := helminauha(t, dir, "build", "--baseurl", "https://org.github.io/portaali/"); code != 0 || strings.Contains(stdout, "baseURL") {
		t.Errorf("build --baseurl: exit %d, stdout %q; want no note", code, stdout)
	}
	sitemap, _ := os.ReadFile(filepath.Join(dir, "public", "sitemap.xml"))
	if !strings.Contains(string(sitemap), "<loc>https://org.github.io/portaali/</loc>") {
		t.Errorf("sitemap.xml under --baseurl: %s", sitemap)
	}
	// A portal of no pearls and no case examples writes no feed, and the
	// note names the sitemap alone.
	guide := t.TempDir()
	guideOnlyPortal(t, guide)
	write(t, filepath.Join(guide, "content", "site.yaml"), "title: Opasportaali\ndescription: Opas ilman helmiä\n")
	code, stdout, stderr = helminauha(t, guide, "build")
	note = "The site has no address (baseURL): the sitemap (sitemap.xml) needs whole addresses, which search engines use. Before publishing, write baseURL in " + filepath.Join("content", "site.yaml")
	if code != 0 || !strings.Contains(stdout, note) || strings.Contains(stdout, "feed") {
		t.Errorf("build of a guide alone without baseURL: exit %d, stdout %q, stderr %q; want the note %q and no word of a feed", code, stdout, stderr, note)
	}
}

// A folder in public/ the build may not change (another owner's, or
// read-only) fails the build when the build must add, replace or remove
// a file in it: the message names the file and the cause, public/ stays
// as it was, and once the folder may be written again the next build
// goes through. A page it could not remove was once left in place
// unrecorded: the build said it had written the site, a removed pearl's
// page stayed published, and the next build refused public/ as holding
// a file helminauha had not written.
func TestReadOnlyFolderInPublic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, folder string // folder: under public/
		change       map[string]string
		remove       string
		want         string
	}{
		{name: "a removed pearl's page", folder: "helmet/dialogi", remove: "content/helmet/dialogi.md",
			want: "helminauha: removing helmet/dialogi/index.html from public: permission denied; public was left as it was\n"},
		{name: "a changed pearl's page", folder: "helmet/dialogi",
			change: map[string]string{"content/helmet/dialogi.md": "---\ntitle: Dialogi\ntheme: johtaminen\nsummary: Dialoginen johtaminen.\nkind: menetelma\ndate: 2021-03-01\n---\nUusi teksti.\n"},
			want:   "helminauha: putting helmet/dialogi/index.html in place in public: permission denied; public was left as it was\n"},
		{name: "a new pearl's page", folder: "helmet",
			change: map[string]string{"content/helmet/uusi.md": "---\ntitle: Uusi\ntheme: johtaminen\nsummary: Uusi helmi.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n"},
			want:   "helminauha: putting helmet/uusi/index.html in place in public: permission denied; public was left as it was\n"},
		// public itself, as a web server's folder of another owner is:
		// the message named the folder as a file it could not write,
		// and did not say that the folder was left as it was.
		{name: "the output folder itself", folder: ".", remove: "content/helmet/dialogi.md",
			want: "helminauha: cannot write in the folder public: permission denied; public was left as it was\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
				t.Fatalf("the first build: exit status %d\n%s", code, stderr)
			}
			public := filepath.Join(dir, "public")
			writable := testkit.ReadOnly(t, filepath.Join(public, filepath.FromSlash(tc.folder)))
			before := treeSum(t, public)
			writeAll(t, dir, tc.change)
			if tc.remove != "" {
				os.Remove(filepath.Join(dir, filepath.FromSlash(tc.remove)))
			}
			code, stdout, stderr := helminauha(t, dir, "build")
			if code != 1 || stderr != tc.want {
				t.Errorf("exit status %d, stderr %q; want 1 and %q\nstdout:\n%s", code, stderr, tc.want, stdout)
			}
			if treeSum(t, public) != before {
				t.Errorf("public/ changed")
			}
			writable()
			if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
				t.Fatalf("the build after the folder may be written: exit status %d\n%s", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(public, "helmet", "dialogi", "index.html")); (err == nil) == (tc.remove != "") {
				t.Errorf("helmet/dialogi/index.html after the next build: %v", err)
			}
			nothingBesidePublic(t, dir)
		})
	}
}

// Output folders as editors name them, with spaces and Finnish and
// Swedish letters, or reached through a link: a build writes there, the
// next one replaces a changed page there, a refusal names the folder as
// typed, and nothing but the folder's spare is left beside it.
func TestOutFoldersThatWork(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ out, real string }{
		{"Sivusto ja ö/julkinen åäö", "Sivusto ja ö/julkinen åäö"},
		{"verkko/public", "www/public"}, // verkko is a link to www
	} {
		t.Run(tc.out, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			os.Mkdir(filepath.Join(dir, "www"), 0o755)
			if err := os.Symlink("www", filepath.Join(dir, "verkko")); err != nil {
				t.Fatal(err)
			}
			real := filepath.Join(dir, filepath.FromSlash(tc.real))
			if code, stdout, stderr := helminauha(t, dir, "build", "--out", tc.out); code != 0 || !strings.Contains(stdout, " to "+tc.out+" in ") {
				t.Fatalf("the first build: exit status %d\n%s%s", code, stdout, stderr)
			}
			writeAll(t, dir, map[string]string{"content/helmet/dialogi.md": "---\ntitle: Dialogi\ntheme: johtaminen\nsummary: Dialoginen johtaminen.\nkind: menetelma\ndate: 2021-03-01\n---\nUusi teksti.\n"})
			if code, _, stderr := helminauha(t, dir, "build", "--out", tc.out); code != 0 {
				t.Fatalf("the second build: exit status %d\n%s", code, stderr)
			}
			if page, err := os.ReadFile(filepath.Join(real, "helmet", "dialogi", "index.html")); err != nil || !strings.Contains(string(page), "Uusi teksti.") {
				t.Errorf("the changed page in %s: %v", tc.real, err)
			}
			write(t, filepath.Join(real, "oma.html"), "oma")
			want := "helminauha: --out " + tc.out + " holds files helminauha did not write (oma.html)"
			if code, _, stderr := helminauha(t, dir, "build", "--out", tc.out); code != 1 || !strings.HasPrefix(stderr, want) {
				t.Errorf("over a file of its own: exit status %d, stderr %q; want 1 and %q", code, stderr, want)
			}
			base := filepath.Base(real)
			for _, name := range beside(t, filepath.Dir(real)) {
				if name != base && name != "."+base+".spare" {
					t.Errorf("left beside %s: %s", tc.real, name)
				}
			}
		})
	}
}

// beside lists the names in dir.
func beside(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

// Two builds started at once into one public/, of two portals with pages
// of their own: the second waits for the first to put its files in
// place, so both succeed and public/ is wholly the one or the other,
// never a mix, and the build after them goes through.
func TestTwoBuildsAtOnce(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	other := filepath.Join(dir, "toinen")
	writePortal(t, "small.txtar", other)
	writeAll(t, other, map[string]string{"content/helmet/oma.md": "---\ntitle: Oma\ntheme: johtaminen\nsummary: Vain toisessa.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n"})
	os.Remove(filepath.Join(dir, "content", "helmet", "dialogi.md"))
	builds := [][]string{{"build"}, {"build", "--content", "toinen/content", "--baseurl", "https://toinen.example/"}}
	var sums []string
	for _, args := range builds {
		if code, _, stderr := helminauha(t, dir, args...); code != 0 {
			t.Fatalf("%s alone: exit status %d\n%s", args, code, stderr)
		}
		sums = append(sums, treeSum(t, filepath.Join(dir, "public")))
	}
	for round := range 3 {
		var wg sync.WaitGroup
		for _, args := range builds {
			wg.Go(func() {
				if code, _, stderr := helminauha(t, dir, args...); code != 0 {
					t.Errorf("round %d, %s: exit status %d\n%s", round, args, code, stderr)
				}
			})
		}
		wg.Wait()
		if sum := treeSum(t, filepath.Join(dir, "public")); !slices.Contains(sums, sum) {
			t.Errorf("round %d: public/ is neither portal's build alone", round)
		}
	}
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("the build after: exit status %d\n%s", code, stderr)
	}
	nothingBesidePublic(t, dir)
}

// An output folder inside another build's output folder was taken, and
// the two builds met: each locks the folder that holds its output, so a
// build into public/ and one into public/x ran at once, the first saw the
// second's files and staging folder as strays (refusing to build over
// them, or, with --clean-out, removing them under the other build), and
// once public/x was built, public/ could not be built again without
// --clean-out. Such a folder is refused, as is one inside another
// portal's content folder, with a folder beside to use instead, which
// builds; nothing changes.
func TestOutInsideAnotherBuildsFolderIsRefused(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	writePortal(t, "small.txtar", filepath.Join(dir, "toinen"))
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--out", "public/x"}, "--out public/x lies inside public, the output folder of another build (it holds .helminauha-files): a build there would remove this folder's files or refuse because of them, and two builds at once would get in each other's way. Name a folder outside it, for example --out public-x"},
		{[]string{"--out", "public/x/y", "--lang", "fi"}, "--out public/x/y on kansion public sisällä, ja se on toisen koonnin tulostekansio (siinä on tiedosto .helminauha-files): koonti sinne poistaisi tämän kansion tiedostot tai kieltäytyisi niiden takia, ja kaksi yhtäaikaista koontia sotkisivat toisensa. Anna kansio sen ulkopuolelta, esimerkiksi --out public-x-y"},
		{[]string{"--out", filepath.Join("toinen", "content", "public")}, "--out " + filepath.Join("toinen", "content", "public") + " lies inside " + filepath.Join("toinen", "content") + ", a portal's content folder (it holds site.yaml): the built files would mix with its content. Name a folder outside it, for example --out public"},
	} {
		before := treeSum(t, dir)
		code, _, stderr := helminauha(t, dir, append([]string{"build"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("build %s: exit status %d, stderr %q; want %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
		if after := treeSum(t, dir); after != before {
			t.Errorf("build %s changed files", strings.Join(tc.args, " "))
		}
	}
	for _, args := range [][]string{{"build", "--out", "public-x"}, {"build"}} {
		if code, _, stderr := helminauha(t, dir, args...); code != 0 {
			t.Errorf("%s: exit status %d\n%s", args, code, stderr)
		}
	}
}
