// Package workflow reads a GitHub Actions workflow and runs the run: steps
// of one of its jobs on this machine, in order, the way the runner runs
// them, so that a test can prove that the repository's workflow works on
// a checkout (a fork's, with its own content) without GitHub.
//
// What it does as GitHub does: each run: script goes through bash with
// -e and -o pipefail in the job's working folder, with the job's and the
// step's env (expressions in them evaluated), GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, CI and
// GITHUB_ACTIONS set; a failing step ends the job and the steps after it
// do not run. What it leaves to GitHub: steps with uses: (checkout,
// setup-go, uploads) are skipped, since the machine has the tools and
// nothing is uploaded. Expressions know github.event_name, github.ref,
// github.repository_owner, env.X and steps.ID.outputs.X; any other
// context is an error, so a workflow that needs more makes the test say
// so instead of passing by accident.
//
// workflow imports nothing from the project.
package workflow

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v2"
)

// Workflow is a parsed workflow file.
type Workflow struct {
	Jobs map[string]*Job `yaml:"jobs"`
}

// Job is one job of a workflow.
type Job struct {
	If       string            `yaml:"if"`
	Env      map[string]string `yaml:"env"`
	Steps    []Step            `yaml:"steps"`
	Defaults struct {
		Run struct {
			WorkingDirectory string `yaml:"working-directory"`
		} `yaml:"run"`
	} `yaml:"defaults"`
}

// Step is one step of a job.
type Step struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// Load reads the workflow file at path.
func Load(path string) (*Workflow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var w Workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &w, nil
}

// Event is what GitHub would tell the job about why it runs.
type Event struct {
	Name  string // github.event_name: push, pull_request, ...
	Ref   string // github.ref: refs/heads/main, ...
	Owner string // github.repository_owner
}

// Run runs the run: steps of the job name in dir, writing their output
// (stdout and stderr) to out. It returns the error of the first step that
// fails, naming it.
func (w *Workflow) Run(ctx context.Context, name, dir string, ev Event, out io.Writer) error {
	job, ok := w.Jobs[name]
	if !ok {
		return fmt.Errorf("the workflow has no job %q", name)
	}
	tmp, err := os.MkdirTemp("", "workflow-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	r := &runner{ev: ev, env: map[string]string{}, outputs: map[string]map[string]string{}}
	if job.If != "" {
		if run, err := r.cond(job.If); err != nil || !run {
			return err
		}
	}
	for k, v := range job.Env {
		if r.env[k], err = r.expand(v); err != nil {
			return err
		}
	}
	for i, st := range job.Steps {
		label := st.Name
		if label == "" {
			label = fmt.Sprintf("step %d", i+1)
		}
		if st.If != "" {
			run, err := r.cond(st.If)
			if err != nil {
				return fmt.Errorf("%s: %w", label, err)
			}
			if !run {
				continue
			}
		}
		if st.Run == "" {
			continue // uses: an action, which the machine stands in for
		}
		if err := r.step(ctx, st, job, dir, tmp, i, out); err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
	}
	return nil
}

type runner struct {
	ev      Event
	env     map[string]string            // the job's env and what steps added to GITHUB_ENV
	outputs map[string]map[string]string // steps.ID.outputs
}

func (r *runner) step(ctx context.Context, st Step, job *Job, dir, tmp string, i int, out io.Writer) error {
	if st.Shell != "" && st.Shell != "bash" {
		return fmt.Errorf("shell %q: only bash is run here", st.Shell)
	}
	script, err := r.expand(st.Run)
	if err != nil {
		return err
	}
	wd := dir
	if d := cmpOr(st.WorkingDirectory, job.Defaults.Run.WorkingDirectory); d != "" {
		wd = filepath.Join(dir, filepath.FromSlash(d))
	}
	files := map[string]string{}
	for _, k := range []string{"GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STEP_SUMMARY"} {
		files[k] = filepath.Join(tmp, fmt.Sprintf("%s-%d", strings.ToLower(k), i))
		if err := os.WriteFile(files[k], nil, 0o644); err != nil {
			return err
		}
	}
	env := append(os.Environ(), "CI=true", "GITHUB_ACTIONS=true", "GITHUB_WORKSPACE="+dir,
		"GITHUB_EVENT_NAME="+r.ev.Name, "GITHUB_REF="+r.ev.Ref, "GITHUB_REPOSITORY_OWNER="+r.ev.Owner)
	for k, f := range files {
		env = append(env, k+"="+f)
	}
	for k, v := range r.env {
		env = append(env, k+"="+v)
	}
	for k, v := range st.Env {
		v, err := r.expand(v)
		if err != nil {
			return err
		}
		env = append(env, k+"="+v)
	}
	cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = wd, env, out, out
	if err := cmd.Run(); err != nil {
		return err
	}
	if st.ID != "" {
		r.outputs[st.ID] = readPairs(files["GITHUB_OUTPUT"])
	}
	for k, v := range readPairs(files["GITHUB_ENV"]) {
		r.env[k] = v
	}
	return nil
}

// readPairs reads the name=value lines a step wrote to GITHUB_OUTPUT or
// GITHUB_ENV.
func readPairs(file string) map[string]string {
	m := map[string]string{}
	data, _ := os.ReadFile(file)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			m[k] = v
		}
	}
	return m
}

var expr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces each ${{ … }} in s by its value.
func (r *runner) expand(s string) (string, error) {
	var err error
	out := expr.ReplaceAllStringFunc(s, func(m string) string {
		v, e := r.value(expr.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return v
	})
	return out, err
}

// value is the value of a context reference such as github.event_name;
// a missing step output is "", as in GitHub.
func (r *runner) value(ref string) (string, error) {
	switch ref {
	case "github.event_name":
		return r.ev.Name, nil
	case "github.ref":
		return r.ev.Ref, nil
	case "github.repository_owner":
		return r.ev.Owner, nil
	}
	if k, ok := strings.CutPrefix(ref, "env."); ok {
		return r.env[k], nil
	}
	if rest, ok := strings.CutPrefix(ref, "steps."); ok {
		id, name, ok := strings.Cut(rest, ".outputs.")
		if ok {
			return r.outputs[id][name], nil
		}
	}
	return "", fmt.Errorf("the expression %q is not known to this runner: teach it to internal/workflow", ref)
}

// cond evaluates an if: of terms joined by && or ||, each a comparison
// of a reference with a quoted string (== or !=), true or false.
func (r *runner) cond(s string) (bool, error) {
	s = strings.TrimSpace(s)
	if m := expr.FindStringSubmatch(s); m != nil && m[0] == s {
		s = m[1]
	}
	for _, alt := range strings.Split(s, "||") {
		all := true
		for _, term := range strings.Split(alt, "&&") {
			ok, err := r.term(strings.TrimSpace(term))
			if err != nil {
				return false, err
			}
			all = all && ok
		}
		if all {
			return true, nil
		}
	}
	return false, nil
}

func (r *runner) term(t string) (bool, error) {
	switch t {
	case "true", "success()", "always()":
		return true, nil
	case "false", "failure()", "cancelled()":
		return false, nil
	}
	for _, op := range []string{"==", "!="} {
		if a, b, ok := strings.Cut(t, op); ok {
			left, err := r.value(strings.TrimSpace(a))
			if err != nil {
				return false, err
			}
			right := strings.Trim(strings.TrimSpace(b), "'")
			return (left == right) == (op == "=="), nil
		}
	}
	return false, fmt.Errorf("the condition %q is not known to this runner: teach it to internal/workflow", t)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
