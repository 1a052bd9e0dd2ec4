package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTraceIsHidden: build --trace FILE writes an execution trace (go tool
// trace) with the build's stages marked in it, for measuring where the
// cores wait; it is the project's tool, not the editor's, so build -h does
// not list it, in any language.
func TestTraceIsHidden(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	stdout, stderr := helminauhaEnv(t, dir, nil, "build", "--trace", "build.trace", "--quiet")
	data, err := os.ReadFile(filepath.Join(dir, "build.trace"))
	if err != nil {
		t.Fatalf("build --trace build.trace wrote no trace: %v\n%s%s", err, stdout, stderr)
	}
	if !bytes.HasPrefix(data, []byte("go 1.")) {
		t.Errorf("build.trace does not start as an execution trace: %q", data[:min(len(data), 16)])
	}
	for _, stage := range []string{"stage", "load", "model", "render", "write"} {
		if !bytes.Contains(data, []byte(stage)) {
			t.Errorf("build.trace does not mark the stage %q", stage)
		}
	}
	for _, lang := range []string{"fi", "en", "sv"} {
		_, help := helminauhaEnv(t, dir, nil, "build", "-h", "--lang", lang)
		if !strings.Contains(help, "--timings") {
			t.Fatalf("build -h --lang %s shows no flags:\n%s", lang, help)
		}
		if strings.Contains(help, "trace") {
			t.Errorf("build -h --lang %s shows --trace:\n%s", lang, help)
		}
	}
}
