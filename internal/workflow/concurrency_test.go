package workflow_test

import (
	"path/filepath"
	"testing"

	"github.com/helminauha/helminauha/internal/workflow"
)

// TestDeployIsNotCancelledHalfWay: a push while the portal publishes
// waits for it instead of cancelling it (a deployment cancelled half way
// is left marked failed in the repository's environments), while a pull
// request's newer commit still cancels the check of the older one.
func TestDeployIsNotCancelledHalfWay(t *testing.T) {
	wf, err := workflow.Load(filepath.Join("..", "..", ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ev   workflow.Event
		want bool
	}{
		{workflow.Event{Name: "push", Ref: "refs/heads/main", Owner: "helminauha"}, false},
		{workflow.Event{Name: "workflow_dispatch", Ref: "refs/heads/main", Owner: "helminauha"}, false},
		{workflow.Event{Name: "push", Ref: "refs/heads/julkaisu", Owner: "fork", DefaultBranch: "julkaisu"}, false},
		{workflow.Event{Name: "pull_request", Ref: "refs/pull/7/merge", Owner: "helminauha"}, true},
	} {
		got, err := wf.CancelsInProgress(tc.ev)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s to %s: a newer run cancels the one under way: %v, want %v", tc.ev.Name, tc.ev.Ref, got, tc.want)
		}
	}
}
