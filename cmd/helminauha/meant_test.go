package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// The commands meantCommand may suggest, the commands run knows and the
// list every usage message gives are one list kept in three places: a
// command added to run and not here would never be suggested, and one
// suggested but not run would send the editor from one refusal to the
// next.
func TestCommandListsAgree(t *testing.T) {
	for _, c := range commands {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{c, "-h", "--lang", "en"}, &stdout, &stderr); code != 0 {
			t.Errorf("helminauha %s -h: exit %d, want 0; stderr:\n%s", c, code, stderr.String())
		}
		if strings.Contains(stderr.String(), "unknown command") {
			t.Errorf("run does not know %q, which meantCommand suggests", c)
		}
		for _, l := range []diag.Lang{diag.Finnish, diag.English, diag.Swedish} {
			for _, m := range []string{diag.CmdUnknownCommand.In(l, "x"), usage(l)} {
				if !strings.Contains(m, c) {
					t.Errorf("the %v message %q does not name the command %s", l, m, c)
				}
			}
		}
	}
	for word, c := range commandWords {
		if !slices.Contains(commands, c) {
			t.Errorf("commandWords sends %q to %q, which is not a command", word, c)
		}
	}
}
