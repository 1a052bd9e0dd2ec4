//go:build unix && checkout

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/workflow"
)

// TestMakeServeAdviceNamesADDR: `make serve` with an address written
// wrong, in a fresh checkout as an editor types it, is told what to type
// to make (ADDR=…), which refuses --addr as an option of its own; the
// same mistake typed to the binary under another make (a team's own
// Makefile, MAKELEVEL set) is told --addr.
func TestMakeServeAdviceNamesADDR(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := workflow.Checkout(root, dir); err != nil {
		t.Fatalf("no checkout without git: %v", err)
	}
	env := append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath"), "GOPROXY=off",
		diag.LangEnv+"=fi")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"make", "serve", "ADDR=1399"}, "helminauha: osoitteesta 1399 puuttuu portti: kirjoita kone ja portti kaksoispisteen molemmin puolin, esimerkiksi make serve ADDR=127.0.0.1:1399\n"},
		{[]string{"make", "serve", "ADDR=http://127.0.0.1:1313/"}, "helminauha: http://127.0.0.1:1313/ on verkko-osoite: kirjoita osoitteeksi vain kone ja portti ilman alkua http:// ja kauttaviivoja, esimerkiksi make serve ADDR=127.0.0.1:1313\n"},
		{[]string{"bin/helminauha", "serve", "--addr", "1399"}, "helminauha: osoitteesta 1399 puuttuu portti: kirjoita kone ja portti kaksoispisteen molemmin puolin, esimerkiksi --addr 127.0.0.1:1399\n"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), typedWait)
		cmd := exec.CommandContext(ctx, tc.args[0], tc.args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(env, "MAKELEVEL=1")
		out, err := cmd.CombinedOutput()
		cancel()
		if err == nil || !strings.Contains(string(out), tc.want) {
			t.Errorf("%s: %v, want a failure and\n%s got\n%s", strings.Join(tc.args, " "), err, tc.want, out)
		}
	}
}
