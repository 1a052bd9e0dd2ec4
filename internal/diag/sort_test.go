package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// problem is a problem written short for the tests of Sort: file, line,
// column, the message and the word it quotes.
type problem struct {
	file      string
	line, col int
	msg       *Message
	word      string
}

func listOf(ps []problem) List {
	l := make(List, len(ps))
	for i, p := range ps {
		l[i] = Warning(Pos{File: p.file, Line: p.line, Col: p.col}, cmp.Or(p.msg, CmdFlagDefault), p.word)
	}
	return l
}

// byText is the order Sort keeps, with the messages of two problems at
// one place written out and compared.
func byText(x, y *Error) int {
	a, b := x.Pos, y.Pos
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
		strings.Compare(x.Message(English), y.Message(English)))
}

// sortedLike is whether Sort put l in the order of the stable sort of
// the whole list by byText, which it merges runs in place of: the very
// problems, not only equal ones, so that problems equal in every way
// keep their order.
func sortedLike(t *testing.T, name string, l List) {
	t.Helper()
	want := slices.Clone(l)
	slices.SortStableFunc(want, byText)
	l.Sort()
	for i := range l {
		if l[i] != want[i] {
			t.Errorf("%s: at %d got %v (%p), want %v (%p)", name, i, l[i], l[i], want[i], want[i])
			return
		}
	}
}

func TestSortMergesRuns(t *testing.T) {
	a1 := problem{"a.md", 1, 1, nil, "x"}
	a2 := problem{"a.md", 2, 0, nil, "x"}
	b0 := problem{"b.md", 0, 0, nil, "x"}
	b0y := problem{"b.md", 0, 0, nil, "y"}
	c3 := problem{"c.md", 3, 4, nil, "x"}
	// Messages that differ before their first verbs, and one that
	// begins with a verb, which is written out to be compared.
	b0orphan := problem{"b.md", 0, 0, SiteOrphanPearl, ""}
	b0many := problem{"b.md", 0, 0, SiteManyWords, "x"}
	b0yaml := problem{"b.md", 0, 0, ConfigYAML, "(default"}
	for _, tc := range []struct {
		name string
		in   []problem
	}{
		{"none", nil},
		{"one", []problem{a1}},
		{"in order", []problem{a1, a2, b0, c3}},
		{"the same problem twice", []problem{b0, b0, a1, a1}},
		{"two runs", []problem{a2, c3, a1, b0}},
		{"a run before the other", []problem{c3, a1, a2}},
		{"a run inside the other", []problem{a1, c3, a2, b0}},
		{"one place, messages in order", []problem{b0, b0y, a1}},
		{"one place, messages out of order", []problem{b0y, a2, b0}},
		{"equal problems in three runs", []problem{b0, c3, b0, c3, a1, b0, b0y}},
		{"a short run between long ones", []problem{a1, a2, b0, c3, b0y, a1, a2, b0, c3}},
		{"reversed", []problem{c3, b0y, b0, a2, a1}},
		{"messages that differ before their verbs", []problem{b0many, a1, b0orphan, b0many, b0, a2, b0orphan}},
		{"messages that differ after", []problem{b0y, b0yaml, b0, b0yaml, b0y}},
	} {
		sortedLike(t, tc.name, listOf(tc.in))
	}
	// Runs of one problem each, as many as Sort merges and one more,
	// which it sorts as before.
	for _, n := range []int{maxRuns - 1, maxRuns, maxRuns + 1, 5 * maxRuns} {
		var ps []problem
		for i := range n {
			ps = append(ps, problem{fmt.Sprintf("%03d.md", n-i), 1, 1, nil, "x"})
		}
		sortedLike(t, fmt.Sprintf("%d runs", n), listOf(ps))
	}
}

// FuzzSort makes a list of runs, each in order, from data and wants Sort
// to order it as the stable sort of the whole list does. Each byte is a
// problem: its top bit begins a new run, the rest pick its file, line,
// column and message from a few, so that runs overlap and problems tie.
func FuzzSort(f *testing.F) {
	f.Add([]byte{0x01, 0x02, 0x03, 0x81, 0x02, 0x05})
	f.Add([]byte{0x10, 0x10, 0x90, 0x10, 0x8f, 0x00, 0x7f})
	f.Add([]byte{0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa})
	messages := []*Message{CmdFlagDefault, ConfigYAML, SiteOrphanPearl, SiteManyWords}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l, run List
		flush := func() {
			slices.SortStableFunc(run, byText)
			l = append(l, run...)
			run = run[:0]
		}
		for _, b := range data {
			if b&0x80 != 0 {
				flush()
			}
			p := Pos{File: string(rune('a' + b>>5&3)), Line: int(b >> 3 & 3), Col: int(b >> 2 & 1)}
			run = append(run, Warning(p, messages[b&3], string(rune('x'+b>>1&1))))
		}
		flush()
		sortedLike(t, fmt.Sprintf("%x", data), l)
	})
}

// TestLeads wants every message's English text, with any arguments, to
// begin with its lead, which Sort orders two messages by when their leads
// differ.
func TestLeads(t *testing.T) {
	for _, m := range Catalogue() {
		for _, args := range [][]any{nil, {"x"}, {1, 2, 3}, {"a\nb", "%d"}} {
			if got := New(Pos{}, m, args...).Message(English); !strings.HasPrefix(got, m.lead) {
				t.Errorf("%s with %q: %q does not begin with %q", m.ID(), args, got, m.lead)
			}
		}
	}
	if got := leadOf("a ${b} c"); got != "a " {
		t.Errorf("a substitution: got %q", got)
	}
	if got := leadOf("a\tb %s"); got != "a" {
		t.Errorf("a tab: got %q", got)
	}
}
