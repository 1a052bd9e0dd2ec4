//go:build checkout

// The checkout tag keeps this test, which runs the deploy workflow in a fork of the repository (tens of seconds), out of
// go test ./...; make test runs it (make test-checkout).

package workflow_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/workflow"
)

// TestForkDeploys: a fork of the repository with a portal of its own (one
// theme area, two pearls, no guide) passes the deploy workflow's content
// job, its run: steps run in order as GitHub runs them; with a broken
// pearl the job fails and prints the annotation on the pearl's line.
func TestForkDeploys(t *testing.T) {
	dir := forkWithPortal(t)
	wf, err := workflow.Load(filepath.Join(dir, ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	pr := workflow.Event{Name: "pull_request", Ref: "refs/pull/1/merge", Owner: "toimitus"}
	var out bytes.Buffer
	if err := wf.Run(context.Background(), "content", dir, pr, &out); err != nil {
		t.Fatalf("the content job fails on a fork's valid portal: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "content: ei virheitä, 0 varoitusta") {
		t.Errorf("check did not report a clean portal:\n%s", out.String())
	}
	for _, f := range []string{"index.html", "helmet/ensimmainen/index.html", "helmet/toinen/index.html", "teemat/yhteistyo/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(f))); err != nil {
			t.Errorf("the build wrote no %s", f)
		}
	}

	// A push to main builds for publishing.
	out.Reset()
	push := workflow.Event{Name: "push", Ref: "refs/heads/main", Owner: "toimitus"}
	if err := wf.Run(context.Background(), "content", dir, push, &out); err != nil {
		t.Fatalf("the content job fails on a push: %v\n%s", err, out.String())
	}

	broken := strings.Replace(pearlB, "theme: yhteistyo", "theme: yhteistyö", 1)
	if err := os.WriteFile(filepath.Join(dir, "content", "helmet", "toinen.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "public"))
	out.Reset()
	err = wf.Run(context.Background(), "content", dir, pr, &out)
	if err == nil || !strings.HasPrefix(err.Error(), "Check the content:") {
		t.Errorf("the content job does not fail at the check: %v\n%s", err, out.String())
	}
	want := `::error file=content/helmet/toinen.md,line=3,col=8,title=Virhe::teema-aluetta "yhteistyö" ei ole (tarkoititko "yhteistyo"?)`
	if !strings.Contains(out.String(), want) {
		t.Errorf("the output lacks the annotation\n%s\nit is\n%s", want, out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("the job built the site after the check failed")
	}
}

// forkWithPortal copies the repository's files (as git lists them) into a
// temporary git repository, with content/ replaced by a small portal.
func forkWithPortal(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	ls := exec.Command("git", "ls-files", "-co", "--exclude-standard", "-z")
	ls.Dir = root
	list, err := ls.Output()
	if err != nil {
		t.Fatalf("the repository's files cannot be listed without git: %v", err)
	}
	dir := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if name == "" || strings.HasPrefix(name, "content/") || strings.HasPrefix(name, ".github/screenshots/") ||
			strings.Contains(name, "node_modules/") || strings.HasPrefix(name, "internal/tools/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // listed but deleted in the working tree
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{
		"site.yaml":             "title: Oma portaali\ndescription: Pieni portaali yhteistyöstä\nbaseURL: https://toimitus.github.io/portaali/\n",
		"teemat/yhteistyo.md":   "---\ntitle: Yhteistyö\nweight: 1\nsummary: Yhteistyön helmet.\n---\nJohdanto yhteistyöhön.\n",
		"helmet/ensimmainen.md": pearlA,
		"helmet/toinen.md":      pearlB,
	} {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=Toimittaja", "-c", "user.email=toimittaja@example.org", "commit", "-qm", "oma portaali"}} {
		git := exec.Command("git", args...)
		git.Dir = dir
		if out, err := git.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// words is a pearl body of about 170 words, within the default range.
var words = strings.Repeat("Yhteistyö alkaa yhteisestä tavoitteesta, jonka jokainen osapuoli voi sanoa omin sanoin. ", 17) + "\n"

var pearlA = "---\ntitle: Ensimmäinen helmi\ntheme: yhteistyo\nsummary: Yhteinen tavoite.\nkind: vinkki\ndate: 2024-01-10\nrelated: [toinen]\n---\n## Tavoite\n\n" + words

var pearlB = "---\ntitle: Toinen helmi\ntheme: yhteistyo\nsummary: Sovitut roolit.\nkind: tieto\ndate: 2024-02-10\n---\n## Roolit\n\n" + words

// TestForkPublishesFromItsDefaultBranch: a fork whose default branch is
// not main (master, as older repositories and some organisations' own
// templates have it) publishes on a push to that branch, with no edit of
// the workflow; a pull request is built as a preview and deploys
// nothing, and a push to another branch (checked by its pull request)
// runs no job. The workflow once named main in its push
// trigger and its deploy job, so such a fork's pushes started nothing.
func TestForkPublishesFromItsDefaultBranch(t *testing.T) {
	dir := forkWithPortal(t)
	wf, err := workflow.Load(filepath.Join(dir, ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	const pages = "https://toimitus.github.io/portaali"
	wf.Outputs = map[string]map[string]string{
		"actions/configure-pages": {"base_url": pages, "origin": "https://toimitus.github.io", "host": "toimitus.github.io", "base_path": "/portaali"},
	}
	for _, tc := range []struct {
		name     string
		ev       workflow.Event
		publish  bool
		uploaded string
	}{
		{"push to master", workflow.Event{Name: "push", Ref: "refs/heads/master", Owner: "toimitus", DefaultBranch: "master"}, true, "Upload the site"},
		{"push to a branch", workflow.Event{Name: "push", Ref: "refs/heads/korjaus", Owner: "toimitus", DefaultBranch: "master"}, false, ""},
		{"pull request", workflow.Event{Name: "pull_request", Ref: "refs/pull/1/merge", Owner: "toimitus", DefaultBranch: "master"}, false, "Upload the preview"},
		{"run by hand on master", workflow.Event{Name: "workflow_dispatch", Ref: "refs/heads/master", Owner: "toimitus", DefaultBranch: "master"}, true, "Upload the site"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if ok, err := wf.Triggered(tc.ev); err != nil || !ok {
				t.Fatalf("the workflow does not start (%v)", err)
			}
			if tc.uploaded == "" {
				for _, job := range []string{"content", "deploy"} {
					if runs, err := wf.Runs(job, tc.ev); err != nil || runs {
						t.Errorf("the %s job runs (%v)", job, err)
					}
				}
				return
			}
			os.RemoveAll(filepath.Join(dir, "public"))
			var out bytes.Buffer
			if err := wf.Run(context.Background(), "content", dir, tc.ev, &out); err != nil {
				t.Fatalf("the content job fails: %v\n%s", err, out.String())
			}
			if !slices.Contains(wf.Ran, tc.uploaded) {
				t.Errorf("the content job did not run %q; it ran %q", tc.uploaded, wf.Ran)
			}
			deploys, err := wf.Runs("deploy", tc.ev)
			if err != nil {
				t.Fatal(err)
			}
			if deploys != tc.publish {
				t.Errorf("the deploy job runs: %v, want %v", deploys, tc.publish)
			}
			home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(home), pages+"/"); got != tc.publish {
				t.Errorf("the home page carries the Pages address %s/: %v, want %v", pages, got, tc.publish)
			}
		})
	}
}

// TestForkBuildFailureIsAnnotated: an error that check does not find but
// the build does (a static JSON file the minifier cannot read) fails the
// content job at the build, with the annotation on the file's line and
// column, and leaves nothing to upload. The build printed it as text, so
// the pull request showed a red run and no word at the file.
func TestForkBuildFailureIsAnnotated(t *testing.T) {
	dir := forkWithPortal(t)
	wf, err := workflow.Load(filepath.Join(dir, ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content", "static", "data", "kunnat.json")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("[1,,2]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	pr := workflow.Event{Name: "pull_request", Ref: "refs/pull/1/merge", Owner: "toimitus"}
	err = wf.Run(context.Background(), "content", dir, pr, &out)
	if err == nil || !strings.HasPrefix(err.Error(), "Build the portal:") {
		t.Errorf("the content job does not fail at the build: %v\n%s", err, out.String())
	}
	want := "::error file=content/static/data/kunnat.json,line=1,col=4,title=Virhe::JSON-tiedostossa on tässä kohdassa virhe (unexpected character ','), joten sitä ei voitu tiivistää"
	if !strings.Contains(out.String(), want) {
		t.Errorf("the output lacks the annotation\n%s\nit is\n%s", want, out.String())
	}
	if slices.Contains(wf.Ran, "Upload the preview") || slices.Contains(wf.Ran, "Upload the site") {
		t.Errorf("the job uploaded after the build failed: %q", wf.Ran)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("the failed build left public/")
	}
}
