//go:build checkout

// The checkout tag keeps this test, which runs every job of the deploy workflow in fresh clones (tens of seconds), out of
// go test ./...; make test runs it (make test-checkout).

package workflow_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/workflow"
)

// runsTests is a run: script that runs make test.
var runsTests = regexp.MustCompile(`(^|[\s;&|(])make\s+test(\s|$)`)

// TestDeployWorkflowOnThisRepository runs every job of this repository's
// deploy workflow, as it is in the working tree, the way GitHub runs it
// on a push to main and on a pull request: the jobs in an order their
// needs: allow, each in a fresh checkout (a job gets its own runner), the
// run: steps in order with GitHub's environment. The uses: steps give
// what their actions would: configure-pages the Pages address the build
// must use; an upload fails when its path is missing.
func TestDeployWorkflowOnThisRepository(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	wf, err := workflow.Load(filepath.Join(root, ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	const pages = "https://helminauha.github.io/helminauha"
	wf.Outputs = map[string]map[string]string{
		"actions/configure-pages":       {"base_url": pages, "origin": "https://helminauha.github.io", "host": "helminauha.github.io", "base_path": "/helminauha"},
		"actions/upload-pages-artifact": {"artifact_id": "1"},
		"actions/upload-artifact":       {"artifact-id": "1", "artifact-url": "https://github.com/helminauha/helminauha/actions/runs/1/artifacts/1"},
		"actions/deploy-pages":          {"page_url": pages + "/"},
	}
	// A step running make test is skipped: make test runs this test, which
	// would run make test again, for ever. CI runs make test on its own.
	wf.Skip = func(st workflow.Step) bool { return runsTests.MatchString(st.Run) }
	// Without -trimpath every checkout, at a path of its own, would
	// compile the whole module again.
	t.Setenv("GOFLAGS", strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath"))
	order, err := wf.Order()
	if err != nil {
		t.Fatal(err)
	}
	events := []workflow.Event{
		{Name: "push", Ref: "refs/heads/main", Owner: "helminauha"},
		{Name: "pull_request", Ref: "refs/pull/1/merge", Owner: "helminauha"},
	}
	for _, ev := range events {
		t.Run(ev.Name, func(t *testing.T) {
			built := false
			for _, job := range order {
				dir := t.TempDir()
				if err := workflow.Checkout(root, dir); err != nil {
					t.Fatalf("no checkout without git: %v", err)
				}
				var out bytes.Buffer
				if err := wf.Run(context.Background(), job, dir, ev, &out); err != nil {
					t.Fatalf("job %s: %v\n%s", job, err, out.String())
				}
				left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
				if len(left) > 0 {
					t.Errorf("job %s left %s behind", job, filepath.Base(left[0]))
				}
				home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
				if err != nil {
					continue // this job builds no site
				}
				built = true
				if ev.Name == "push" && !strings.Contains(string(home), pages+"/") {
					t.Errorf("job %s built the site without the Pages address %s/", job, pages)
				}
			}
			if !built {
				t.Errorf("no job built the site")
			}
		})
	}
}
