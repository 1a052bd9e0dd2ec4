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
// nothing is uploaded; Workflow.Outputs stands in for what such a step
// gives the steps after it (steps.pages.outputs.base_url), and an upload's
// path must exist, or the action would fail. Expressions know github.event_name, github.ref,
// github.repository_owner, env.X and steps.ID.outputs.X; any other
// context is an error, so a workflow that needs more makes the test say
// so instead of passing by accident. Triggered reads the workflow's on:
// (its events and their branch filters; paths filters are not read) and
// Runs a job's if:, so that a test can tell whether GitHub would start
// the workflow for a push to a branch, and deploy.
//
// workflow imports nothing from the project.
package workflow

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v2"
)

// Workflow is a parsed workflow file.
type Workflow struct {
	Jobs        map[string]*Job `yaml:"jobs"`
	Concurrency struct {
		Group            string `yaml:"group"`
		CancelInProgress string `yaml:"cancel-in-progress"`
	} `yaml:"concurrency"`

	// Outputs are the outputs of the uses: steps, by the action's name
	// without its version ("actions/configure-pages").
	Outputs map[string]map[string]string `yaml:"-"`
	// Skip, when set, tells which run: steps not to run (a test of the
	// workflow skips the one that runs the tests).
	Skip func(Step) bool `yaml:"-"`
	// Ran is the names of the steps the last Run ran, the uses: ones
	// (which the machine stands in for) included, in order.
	Ran []string `yaml:"-"`

	on map[string]map[string]any
}

// Job is one job of a workflow.
type Job struct {
	Needs    needs             `yaml:"needs"`
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
	With             map[string]string `yaml:"with"`
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
	// YAML 1.1, which yaml.v2 reads, takes the key on for true.
	var top map[any]any
	if err := yaml.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	w.on = map[string]map[string]any{}
	switch on := cmp.Or(top["on"], top[true]).(type) {
	case string:
		w.on[on] = nil
	case []any:
		for _, e := range on {
			w.on[fmt.Sprint(e)] = nil
		}
	case map[any]any:
		for e, filters := range on {
			f := map[string]any{}
			if m, ok := filters.(map[any]any); ok {
				for k, v := range m {
					f[fmt.Sprint(k)] = v
				}
			}
			w.on[fmt.Sprint(e)] = f
		}
	}
	return &w, nil
}

// Triggered tells whether GitHub starts the workflow for ev: its on:
// names the event, and for a push the branch passes branches: or
// branches-ignore: (names or globs, as path.Match reads them).
func (w *Workflow) Triggered(ev Event) (bool, error) {
	filters, ok := w.on[ev.Name]
	if !ok {
		return false, nil
	}
	if ev.Name != "push" {
		if filters["branches"] != nil || filters["branches-ignore"] != nil {
			return false, fmt.Errorf("the %s event's branch filters are not known to this runner: teach them to internal/workflow", ev.Name)
		}
		return true, nil
	}
	branch, ok := strings.CutPrefix(ev.Ref, "refs/heads/")
	if !ok {
		return false, fmt.Errorf("a push to %s: only branches are known to this runner", ev.Ref)
	}
	matches := func(key string) (bool, bool) {
		list, ok := filters[key].([]any)
		if !ok {
			return false, false
		}
		for _, p := range list {
			if m, _ := path.Match(fmt.Sprint(p), branch); m {
				return true, true
			}
		}
		return false, true
	}
	if m, set := matches("branches"); set {
		return m, nil
	}
	if m, set := matches("branches-ignore"); set {
		return !m, nil
	}
	return true, nil
}

// Runs tells whether the job's if: lets it run for ev.
func (w *Workflow) Runs(name string, ev Event) (bool, error) {
	job, ok := w.Jobs[name]
	if !ok {
		return false, fmt.Errorf("the workflow has no job %q", name)
	}
	if job.If == "" {
		return true, nil
	}
	r := &runner{ev: ev}
	return r.cond(job.If)
}

// CancelsInProgress tells whether a newer run for ev, in the same
// concurrency group, cancels the run under way (the workflow's
// concurrency: cancel-in-progress, true, false or an expression).
func (w *Workflow) CancelsInProgress(ev Event) (bool, error) {
	if w.Concurrency.CancelInProgress == "" {
		return false, nil
	}
	r := &runner{ev: ev}
	return r.cond(w.Concurrency.CancelInProgress)
}

// Event is what GitHub would tell the job about why it runs.
type Event struct {
	Name  string // github.event_name: push, pull_request, ...
	Ref   string // github.ref: refs/heads/main, ...
	Owner string // github.repository_owner
	// DefaultBranch is github.event.repository.default_branch; "" is
	// main, a new repository's.
	DefaultBranch string
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
	r := &runner{ev: ev, env: map[string]string{}, outputs: map[string]map[string]string{}, actions: w.Outputs}
	w.Ran = nil
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
			// uses: an action, which the machine stands in for.
			if err := r.action(st, dir); err != nil {
				return fmt.Errorf("%s: %w", label, err)
			}
			w.Ran = append(w.Ran, label)
			continue
		}
		if w.Skip != nil && w.Skip(st) {
			fmt.Fprintf(out, "(skipped: %s)\n", label)
			continue
		}
		w.Ran = append(w.Ran, label)
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
	actions map[string]map[string]string // Workflow.Outputs
}

// action stands in for a uses: step: its outputs are Workflow.Outputs',
// and the path an upload names must exist.
func (r *runner) action(st Step, dir string) error {
	name, _, _ := strings.Cut(st.Uses, "@")
	if st.ID != "" {
		r.outputs[st.ID] = r.actions[name]
	}
	if p := st.With["path"]; p != "" && strings.Contains(name, "upload") {
		p, err := r.expand(p)
		if err != nil {
			return err
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return fmt.Errorf("%s would find nothing to upload: %w", name, err)
		}
	}
	return nil
}

// Order is the names of the jobs in an order GitHub could run them in:
// each after the jobs it needs, otherwise by name.
func (w *Workflow) Order() ([]string, error) {
	var order []string
	done := map[string]bool{}
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		if done[name] {
			return nil
		}
		if slices.Contains(path, name) {
			return fmt.Errorf("the jobs need each other: %s", strings.Join(append(path, name), " -> "))
		}
		job, ok := w.Jobs[name]
		if !ok {
			return fmt.Errorf("no job %q, which %s needs", name, path[len(path)-1])
		}
		for _, n := range job.Needs {
			if err := visit(n, append(path, name)); err != nil {
				return err
			}
		}
		done[name] = true
		order = append(order, name)
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(w.Jobs)) {
		if err := visit(name, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// needs is a job's needs:, one name or a list.
type needs []string

func (n *needs) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*n = needs{one}
		return nil
	}
	var list []string
	if err := unmarshal(&list); err != nil {
		return err
	}
	*n = list
	return nil
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
	if d := cmp.Or(st.WorkingDirectory, job.Defaults.Run.WorkingDirectory); d != "" {
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
		"GITHUB_EVENT_NAME="+r.ev.Name, "GITHUB_REF="+r.ev.Ref, "GITHUB_REPOSITORY_OWNER="+r.ev.Owner,
		"GITHUB_REF_NAME="+refName(r.ev.Ref), "RUNNER_OS=Linux", "RUNNER_TEMP="+tmp)
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
	case "github.ref_name":
		return refName(r.ev.Ref), nil
	case "github.event.repository.default_branch":
		return cmp.Or(r.ev.DefaultBranch, "main"), nil
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
// of a reference with a quoted string or another reference (== or !=),
// true or false.
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
			right := strings.TrimSpace(b)
			if q, ok := strings.CutPrefix(right, "'"); ok && strings.HasSuffix(q, "'") {
				right = strings.TrimSuffix(q, "'")
			} else if right, err = r.value(right); err != nil {
				return false, err
			}
			return (left == right) == (op == "=="), nil
		}
	}
	return false, fmt.Errorf("the condition %q is not known to this runner: teach it to internal/workflow", t)
}

// refName is GITHUB_REF_NAME: the branch or tag ("main"), or for a pull
// request "1/merge".
func refName(ref string) string {
	for _, p := range []string{"refs/heads/", "refs/tags/", "refs/pull/"} {
		if rest, ok := strings.CutPrefix(ref, p); ok {
			return rest
		}
	}
	return ref
}

// Checkout makes dst what actions/checkout with fetch-depth: 0 would give
// a job, from the repository whose working tree is src: a clone with
// every commit, and then src's files as they are now (changes not yet
// committed included, ignored files left out), so that a test run
// before a commit tests what it would commit.
func Checkout(src, dst string) error {
	if out, err := exec.Command("git", "clone", "-q", src, dst).CombinedOutput(); err != nil {
		return fmt.Errorf("git clone %s: %v\n%s", src, err, out)
	}
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = src
	list, err := ls.Output()
	if err != nil {
		return fmt.Errorf("git ls-files in %s: %v", src, err)
	}
	for name := range strings.SplitSeq(strings.TrimRight(string(list), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		from, to := filepath.Join(src, filepath.FromSlash(name)), filepath.Join(dst, filepath.FromSlash(name))
		info, err := os.Lstat(from)
		switch {
		case os.IsNotExist(err): // deleted, not yet committed
			os.Remove(to)
			continue
		case err != nil:
			return err
		case info.IsDir(): // a submodule
			continue
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		os.Remove(to)
		if info.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink(from)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, to); err != nil {
				return err
			}
			continue
		}
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(to, data, info.Mode().Perm()); err != nil {
			return err
		}
	}
	return nil
}
