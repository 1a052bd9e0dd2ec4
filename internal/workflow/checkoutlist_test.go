package workflow_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMakeRunsEveryCheckoutTest: the tests under the checkout build tag
// run in make test only by the names make test-checkout lists (the tag
// also takes in every other test of their packages, which make test-go
// runs already). A test added under the tag and not to the list never
// ran: two of the deploy workflow's did not, on 2026-12-07.
func TestMakeRunsEveryCheckoutTest(t *testing.T) {
	root := filepath.Join("..", "..")
	mk, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^test-checkout:\n(?:\t.*\n)*?\t.*-tags checkout -run '\^\(([^)]*)\)\$\$'`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("Makefile: no test-checkout target running go test -tags checkout -run '^(…)$$'")
	}
	listed := strings.Split(string(m[1]), "|")
	var tagged []string
	test := regexp.MustCompile(`(?m)^func (Test\w+)\(t \*testing\.T\)`)
	// The constraint's first line, the tag among others (unix && checkout).
	checkoutTag := regexp.MustCompile(`\A//go:build [^\n]*\bcheckout\b`)
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "node_modules" || d.Name() == "public") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !checkoutTag.Match(src) {
			return nil
		}
		for _, f := range test.FindAllSubmatch(src, -1) {
			tagged = append(tagged, string(f[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tagged) == 0 {
		t.Fatal("no test carries the checkout tag")
	}
	for _, name := range tagged {
		if !slices.Contains(listed, name) {
			t.Errorf("%s carries the checkout tag, but make test-checkout does not run it: add it to the Makefile's list", name)
		}
	}
	for _, name := range listed {
		if !slices.Contains(tagged, name) {
			t.Errorf("make test-checkout runs %s, which no test under the checkout tag is", name)
		}
	}
}
