package diag

import (
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   Pos
		want string
	}{
		{"whole file", Pos{File: "content/helmet/x.md"}, "content/helmet/x.md"},
		{"line", Pos{File: "a.md", Line: 3}, "a.md:3"},
		{"line and column", Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
		{"newline in the name", Pos{File: "helmet/a\nb.md", Line: 2}, `"helmet/a\nb.md":2`},
		{"colon in the name", Pos{File: "helmet/a:1.md"}, `"helmet/a:1.md"`},
		{"bytes that are not UTF-8", Pos{File: "static/\xe4.txt"}, `"static/\xe4.txt"`},
		{"ä and a space", Pos{File: "helmet/hyvä olo.md", Line: 1, Col: 1}, "helmet/hyvä olo.md:1:1"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestListSortsAndSeparatesWarnings(t *testing.T) {
	var l List
	l.Warn(Pos{File: "b.md", Line: 1}, CmdFlagDefault, "varoitus")
	l.Report(Pos{File: "a.md", Line: 10, Col: 2}, CmdFlagDefault, "toinen")
	l.Report(Pos{File: "a.md", Line: 2}, CmdFlagDefault, "ensimmäinen")
	l.Sort()
	want := []string{"a.md:2: (default ensimmäinen)", "a.md:10:2: (default toinen)", "b.md:1: warning: (default varoitus)"}
	for i, e := range l {
		if got := e.Error(); got != want[i] {
			t.Errorf("%d: got %q, want %q", i, got, want[i])
		}
	}
	if !l.HasErrors() || len(l.Errors()) != 2 || len(l.Warnings()) != 1 {
		t.Errorf("errors/warnings split wrong: %v", l)
	}
	if err := l.Warnings().Err(); err != nil {
		t.Errorf("warnings alone must not be an error: %v", err)
	}
	if got := l.Err().Error(); got != "a.md:2: (default ensimmäinen)\na.md:10:2: (default toinen)" {
		t.Errorf("Err: got %q", got)
	}
}

func TestMessageIsOneLine(t *testing.T) {
	e := New(Pos{File: "a.md", Line: 1}, CmdFlagDefault, "a\nb\tc\xff")
	if got, want := e.Error(), "a.md:1: (default a\\nb\\tc\ufffd)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A value of any length quoted in a message (a megabyte link address, a
// title, a line) is cut, so that a message stays a line to read: one
// address of 1.5 MB made check print 6 MB.
func TestLongArgumentIsCut(t *testing.T) {
	long := strings.Repeat("ä", 1_000_000)
	e := New(Pos{File: "a.md", Line: 1}, CmdFlagDefault, long)
	want := "a.md:1: (default " + strings.Repeat("ä", MaxArg) + "…)"
	for _, l := range Langs {
		if got := e.In(l); !strings.HasSuffix(got, strings.TrimPrefix(want, "a.md:1: (default")) {
			t.Errorf("in %s: %d bytes: %q…", l, len(got), got[:min(len(got), 100)])
		}
	}
	if got := New(Pos{File: "a.md", Line: 1}, CmdFlagDefault, long[:2*MaxArg]).Error(); got != "a.md:1: (default "+long[:2*MaxArg]+")" {
		t.Errorf("a value of %d characters is cut: %q", MaxArg, got)
	}
}

// A Whole argument, text the program makes (the help's synopses), is
// written whole however long.
func TestWholeArgumentIsNotCut(t *testing.T) {
	long := strings.Repeat("ä", 2*MaxArg)
	if got, want := CmdFlagDefault.In(English, Whole(long)), "(default "+long+")"; got != want {
		t.Errorf("got %d characters, want %d", len([]rune(got)), len([]rune(want)))
	}
}

// TestOfFile finds each file's problems in a sorted list, and none of a
// file that has none, before, between or after the others.
func TestOfFile(t *testing.T) {
	var l List
	for _, f := range []string{"b.md", "d.md", "b.md", "f.md", "d.md", "d.md"} {
		l.Warn(Pos{File: f}, DidYouMean, f)
	}
	l.Sort()
	for file, want := range map[string]int{"a.md": 0, "b.md": 2, "c.md": 0, "d.md": 3, "f.md": 1, "g.md": 0} {
		got := l.OfFile(file)
		if len(got) != want {
			t.Errorf("%s: %d problems, want %d", file, len(got), want)
		}
		for _, e := range got {
			if e.Pos.File != file {
				t.Errorf("%s: got a problem of %s", file, e.Pos.File)
			}
		}
	}
}
