package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// A build tells of an address the host will not serve the site at, which
// no check of the content can see. A CNAME, kept in public/ across builds,
// names the custom domain the host serves the site
// at: a base URL of another domain, or under a path, would give every
// canonical address, the sitemap and the feed the wrong address, and the
// build said nothing. A base URL under a path (a GitHub Pages project
// site) is told once that robots.txt and _headers do nothing there: they
// are read at a domain's root only, and the team took public/robots.txt
// for one that search engines read.
func TestPublishNotes(t *testing.T) {
	t.Parallel()
	const (
		mismatch = "public/CNAME names the site's domain portaali.kunta.fi, but the pages were built for %s: the pages' canonical addresses, the sitemap and the feed would send search engines and readers there. In content/site.yaml write baseURL: https://portaali.kunta.fi/ (or correct the CNAME)."
		subpath  = "The site is at the path /portaali/: search engines read robots.txt, and Netlify and Cloudflare Pages read _headers, only at a domain's root, so these two files do nothing at this path. Search engines still find the pages by following links; give them the sitemap https://example.org/portaali/sitemap.xml yourself (in Google Search Console, say)."
		// Words of either that the summary's list of files does not have.
		noMismatch, noSubpath = "names the site's domain", "only at a domain's root"
	)
	for _, c := range []struct {
		name string
		kept string // a CNAME kept in public/
		args []string
		want []string
		not  []string
	}{
		{name: "project site", want: []string{subpath}, not: []string{noMismatch}},
		{name: "root", args: []string{"--baseurl", "https://helmet.example.fi/"}, not: []string{noSubpath, noMismatch}},
		{name: "kept CNAME, other domain", kept: "portaali.kunta.fi\n", args: []string{"--baseurl", "https://helmet.example.fi/"},
			want: []string{strings.Replace(mismatch, "%s", "https://helmet.example.fi/", 1)}, not: []string{noSubpath}},
		{name: "kept CNAME, under a path", kept: "portaali.kunta.fi\n",
			want: []string{strings.Replace(mismatch, "%s", "https://example.org/portaali/", 1), subpath}},
		{name: "kept CNAME, --clean-out", kept: "portaali.kunta.fi\n", args: []string{"--clean-out", "--baseurl", "https://helmet.example.fi/"},
			want: []string{strings.Replace(mismatch, "%s", "https://helmet.example.fi/", 1)}},
		{name: "kept CNAME, its domain", kept: "portaali.kunta.fi\n", args: []string{"--baseurl", "https://Portaali.Kunta.fi"}, not: []string{noMismatch, noSubpath}},
		{name: "kept CNAME as the browser shows it", kept: "https://portaali.kunta.fi/\n", args: []string{"--baseurl", "https://helmet.example.fi/"},
			want: []string{strings.Replace(mismatch, "%s", "https://helmet.example.fi/", 1)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			if c.kept != "" {
				write(t, filepath.Join(dir, "public", "CNAME"), c.kept)
			}
			code, stdout, stderr := helminauha(t, dir, append([]string{"build"}, c.args...)...)
			if code != 0 {
				t.Fatalf("build %s: exit status %d\n%s%s", c.args, code, stdout, stderr)
			}
			for _, w := range c.want {
				if strings.Count(stdout, w) != 1 {
					t.Errorf("build %s does not say once\n%s\nit says\n%s", c.args, w, stdout)
				}
			}
			for _, n := range c.not {
				if strings.Contains(stdout, n) {
					t.Errorf("build %s tells of %s:\n%s", c.args, n, stdout)
				}
			}
			if c.kept != "" {
				if got, err := os.ReadFile(filepath.Join(dir, "public", "CNAME")); err != nil || string(got) != c.kept {
					t.Errorf("the build did not keep public/CNAME: %q, %v", got, err)
				}
			}
		})
	}
}

// A CNAME under static/ (where a team coming from another generator puts
// it) is an error at that file that check finds, saying where a custom
// domain is set instead. check passed it, and the build then failed at
// "CNAME", no file of the content's, telling the editor to rename one of
// two files; in CI, after the check, without an annotation. The same for
// a name site.yaml's keep lists.
func TestStaticKeptName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ file, keep, want string }{
		{"CNAME", "", `content/static/CNAME: static file "CNAME" cannot be published: CNAME in the output folder is kept as it is across builds`},
		{"lataukset/ohje.pdf", "keep: [lataukset/]\n", `content/static/lataukset/ohje.pdf: static file "lataukset/ohje.pdf" cannot be published: lataukset in the output folder is kept as it is across builds`},
	} {
		t.Run(c.file, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(c.file)), "portaali.kunta.fi\n")
			if c.keep != "" {
				site := filepath.Join(dir, "content", "site.yaml")
				write(t, site, string(read(t, site))+c.keep)
			}
			for _, cmd := range [][]string{{"check"}, {"build"}} {
				code, stdout, stderr := helminauha(t, dir, cmd...)
				if code != 1 || !strings.Contains(stdout+stderr, c.want) {
					t.Errorf("%s: exit status %d, want 1 and\n%s\nit says\n%s%s", cmd, code, c.want, stdout, stderr)
				}
			}
		})
	}
}

// The build's summary lists every kind of file it wrote, to the last, in
// every language: the list was cut at 300 characters as a quoted value
// is, and a Finnish or Swedish portal's ended "1 r…" or "1 lis…".
func TestBuildSummaryWhole(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	for lang, want := range map[string]string{
		"fi": "1 hakusivu, 1 sivukartta, 1 asiasanaluettelo\n",
		"sv": "1 söksida, 1 webbplatskarta, 1 lista över nyckelord\n",
		"en": "1 search page, 1 sitemap, 1 term index\n",
	} {
		stdout, stderr := helminauhaEnv(t, dir, []string{diag.LangEnv + "=" + lang}, "build")
		first, _, _ := strings.Cut(stdout, "\n")
		if !strings.Contains(first+"\n", want) {
			t.Errorf("%s: the summary does not end %q:\n%s%s", lang, want, stdout, stderr)
		}
	}
}

// In a GitHub Actions run, an editURL on GitHub that names another
// repository than the one built, or another branch than the published
// one, is told as a warning on the run's summary, with the editURL to
// write: a fork or copy kept the original's editURL, and every page's
// "Muokkaa tätä sivua" link opened the original repository's file, or a
// branch main the fork has not.
func TestEditURLOfAnotherRepository(t *testing.T) {
	t.Parallel()
	const upstream = "https://github.com/helminauha/helminauha/edit/main/content/"
	for _, c := range []struct {
		name string
		env  []string
		want string // "" for no warning
	}{
		{"fork on master", []string{"GITHUB_ACTIONS=true", "GITHUB_REPOSITORY=toimitus/portaali", "GITHUB_EVENT_NAME=push", "GITHUB_REF_NAME=master"},
			"::warning file=content/site.yaml::editURL " + upstream + " does not point to the files of this repository's published branch (repository toimitus/portaali, branch master): every page's edit link would lead elsewhere. In content/site.yaml write editURL: https://github.com/toimitus/portaali/edit/master/content/\n"},
		{"fork's pull request", []string{"GITHUB_ACTIONS=true", "GITHUB_REPOSITORY=toimitus/portaali", "GITHUB_EVENT_NAME=pull_request", "GITHUB_REF_NAME=1/merge", "GITHUB_BASE_REF=main"},
			"(repository toimitus/portaali, branch main): every page's edit link would lead elsewhere. In content/site.yaml write editURL: https://github.com/toimitus/portaali/edit/main/content/\n"},
		{"own default branch renamed", []string{"GITHUB_ACTIONS=true", "GITHUB_REPOSITORY=helminauha/helminauha", "GITHUB_EVENT_NAME=push", "GITHUB_REF_NAME=julkaisu"},
			"write editURL: https://github.com/helminauha/helminauha/edit/julkaisu/content/\n"},
		{"own repository", []string{"GITHUB_ACTIONS=true", "GITHUB_REPOSITORY=Helminauha/Helminauha", "GITHUB_EVENT_NAME=push", "GITHUB_REF_NAME=main"}, ""},
		{"own machine", []string{"GITHUB_ACTIONS=", "GITHUB_REPOSITORY="}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			site := filepath.Join(dir, "content", "site.yaml")
			write(t, site, string(read(t, site))+"editURL: "+upstream+"\n")
			stdout, stderr := helminauhaEnv(t, dir, append([]string{diag.LangEnv + "=en"}, c.env...), "build")
			if c.want == "" && strings.Contains(stdout+stderr, "editURL") || !strings.Contains(stdout, c.want) {
				t.Errorf("build says\n%s%s\nwant %q", stdout, stderr, c.want)
			}
		})
	}
}
