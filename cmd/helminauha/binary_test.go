package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests in this file run the real binary as an editor types it: from
// the portal's folder, with relative paths and default flags.

// binPath is the command, built once by TestMain for every test; binErr
// is why it could not be built.
var (
	binPath string
	binErr  error
)

// binary is the command the tests run.
func binary(t *testing.T) string {
	t.Helper()
	if binErr != nil {
		t.Fatalf("building the command: %v", binErr)
	}
	return binPath
}

// hookedBinary is the command built with the testhooks tag, whose hooks
// let a test hold a build at a given step (internal/output's holdCommit),
// built when a test first asks for it; the other tests run the command as
// it ships.
func hookedBinary(t *testing.T) string {
	t.Helper()
	hooked.once.Do(func() { hooked.path, hooked.err = buildBinary("-tags", "testhooks") })
	if hooked.err != nil {
		t.Fatalf("building the command with -tags testhooks: %v", hooked.err)
	}
	return hooked.path
}

var hooked struct {
	once sync.Once
	path string
	err  error
}

// buildBinary builds the command into a temporary folder. TestMain builds
// it before any test runs: a test that moves HOME (and with it Go's build
// cache) must not be the one that builds it.
func buildBinary(flags ...string) (string, error) {
	dir, err := os.MkdirTemp("", "helminauha-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "helminauha")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	args := append(append([]string{"build"}, flags...), "-o", bin, ".")
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		return bin, fmt.Errorf("%v\n%s", err, out)
	}
	return bin, nil
}

// TestMain builds the command once and runs four tests at once for each
// core unless -parallel says otherwise: the tests mostly wait for the
// command they started, which spends a few tens of milliseconds of CPU on
// a fixture portal.
func TestMain(m *testing.M) {
	flag.Parse()
	parallel := false
	flag.Visit(func(f *flag.Flag) { parallel = parallel || f.Name == "test.parallel" })
	if !parallel {
		flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
	}
	binPath, binErr = buildBinary()
	code := m.Run()
	os.RemoveAll(filepath.Dir(binPath))
	if hooked.path != "" {
		os.RemoveAll(filepath.Dir(hooked.path))
	}
	os.Exit(code)
}

// helminauha runs the binary in dir and returns its exit status and
// output.
func helminauha(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), o.String(), e.String()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, o.String(), e.String()
}

// serveOnce starts helminauha serve in dir on a free loopback port, waits
// for its first build and returns what it printed until then.
func serveOnce(t *testing.T, dir string) string {
	t.Helper()
	return serveUntil(t, dir, "Serving the portal at")
}

// serveUntil starts helminauha serve with args in dir on a free loopback
// port and returns what it printed up to the first line that begins with
// last.
func serveUntil(t *testing.T, dir, last string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	var b strings.Builder
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
		if strings.HasPrefix(sc.Text(), last) {
			return b.String()
		}
	}
	t.Fatalf("serve stopped before serving:\n%s", b.String())
	return ""
}

// problemLines are the lines of out that name a place in the content.
func problemLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "content/") {
			lines = append(lines, l)
		}
	}
	return lines
}
