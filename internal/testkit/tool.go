package testkit

import (
	"os"
	"os/exec"
	"testing"
)

// Tool is the path of the program name (a name on PATH or a path) that
// a test runs. Where it is missing the test is skipped, saying so and how
// to install it, except where it must run: when the variable need is set
// (make test sets HELMINAUHA_NEED_CHROMIUM, HELMINAUHA_NEED_NODE and
// HELMINAUHA_NEED_HUGO, after installing them) or CI is (GitHub sets it),
// a missing program fails the test instead.
func Tool(t testing.TB, name, need, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	why := name + " is not installed: " + install
	if os.Getenv(need) != "" || os.Getenv("CI") != "" {
		t.Fatalf("%s (%s or CI is set, so the test must run)", why, need)
	}
	t.Skip(why)
	return ""
}
