//go:build unix && checkout

// The checkout tag keeps this test, which runs the README's commands in a
// fresh clone (tens of seconds), out of go test ./...; make test runs it
// (make test-checkout).

package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/workflow"
)

// TestReadmeCommandsAsTyped runs, in a fresh checkout of the repository
// and in the README's order, every command of its shell blocks that runs
// the generator (helminauha, go run ./cmd/helminauha, make build, serve or
// check), and fails when one fails or leaves a temporary output folder
// behind. The README is read when the test runs, so the test follows
// what it says. Other commands of those blocks (make test, which runs
// this test; make bench and make fuzz, minutes long; go test -update) are
// listed in the log, not run. A serve is started, asked for its front
// page and stopped with Ctrl-C. go run ./cmd/helminauha runs the binary
// the tests built once from the same source.
func TestReadmeCommandsAsTyped(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	bin := binary(t)
	dir := t.TempDir()
	if err := workflow.Checkout(root, dir); err != nil {
		t.Fatalf("no checkout without git: %v", err)
	}
	// Without -trimpath make build, in a checkout at a path of its own,
	// would compile the whole module again. GOPROXY=off: the commands
	// need nothing from the network.
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath"), "GOPROXY=off")
	ran := 0
	for _, line := range shellCommands(string(readme)) {
		if !runsGenerator.MatchString(line) {
			t.Logf("not run: %s", line)
			continue
		}
		if fetches.MatchString(line) {
			t.Logf("not run, it needs the network: %s", line)
			continue
		}
		ran++
		typed := line
		t.Logf("run: %s", typed)
		line = strings.ReplaceAll(line, "go run ./cmd/helminauha", "helminauha")
		ctx, cancel := context.WithTimeout(context.Background(), typedWait)
		if servesPortal.MatchString(line) {
			// Port 0: the default 1313 may be taken on this machine.
			if strings.HasPrefix(line, "make") {
				line += " ADDR=127.0.0.1:0"
			} else {
				line += " --addr 127.0.0.1:0"
			}
			cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", line)
			cmd.Dir, cmd.Env = dir, env
			s := startServing(t, cmd)
			if status, body := s.get("/"); status != 200 || !strings.Contains(body, "<html") {
				t.Errorf("%s: the front page is %d:\n%.500s", typed, status, body)
			}
			err := s.interrupt()
			// make says it was interrupted, with a status of its own; the
			// generator itself must end cleanly.
			var exit *exec.ExitError
			if err != nil && !(strings.HasPrefix(line, "make") && errors.As(err, &exit)) {
				t.Errorf("%s: %v\n%s", typed, err, strings.Join(s.log, "\n"))
			}
		} else {
			cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", line)
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("%s: %v\n%s", typed, err, out)
			} else if builds.MatchString(line) {
				if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
					t.Errorf("%s: no public/index.html after it:\n%s", typed, out)
				}
			}
		}
		cancel()
		if left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*")); len(left) > 0 {
			t.Errorf("%s left %s behind", typed, filepath.Base(left[0]))
		}
	}
	if ran == 0 {
		t.Error("the README has no shell command that runs the generator")
	}
}

var (
	runsGenerator = regexp.MustCompile(`(^|[\s;&|(])((\S*/)?helminauha(\s|$)|go run \./cmd/helminauha\b|make\s+(build|serve|check)\b)`)
	servesPortal  = regexp.MustCompile(`helminauha\s+(\S+\s+)*serve\b|make\s+serve\b`)
	builds        = regexp.MustCompile(`helminauha\s+build\b|make\s+build\b`)
	fetches       = regexp.MustCompile(`^(curl|wget|git\s+clone|go\s+install)\b`)
)

// shellCommands are the commands of README's sh, bash and shell blocks,
// one a line (a line ending in \ continues), without their comments.
func shellCommands(readme string) []string {
	var cmds []string
	in, cont := false, ""
	for line := range strings.Lines(readme) {
		line = strings.TrimRight(line, "\r\n")
		if fence, ok := strings.CutPrefix(line, "```"); ok {
			switch strings.TrimSpace(fence) {
			case "sh", "bash", "shell", "console":
				in = !in
			default:
				in = false
			}
			continue
		}
		if !in {
			continue
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
		if more, ok := strings.CutSuffix(line, `\`); ok {
			cont += more + " "
			continue
		}
		if line = strings.TrimSpace(uncomment(cont + line)); line != "" {
			cmds = append(cmds, line)
		}
		cont = ""
	}
	return cmds
}

// uncomment cuts a shell comment (a # starting a word, outside quotes)
// off line.
func uncomment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}
