// Package diag carries positioned problems found in an editor's files.
//
// Every stage of the build reports what is wrong with the content as a
// List of Errors, each naming the file (relative to the site root, with
// '/' separators), the 1-based line and the 1-based column counted in
// runes, so that ä and ö count as one column. A Warning is a problem that
// `check` prints but that never fails a build.
//
// diag imports nothing from the project.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a place in an editor's file. Line and Col are 1-based; Col counts
// runes. A zero Line means the problem concerns the whole file and a zero
// Col means the column is unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out the parts
// that are unknown. A file name that would break that form (a newline, a
// colon, a quote, bytes that are not UTF-8) is written as a Go string in
// double quotes, so every message stays one line that tools can split.
func (p Pos) String() string {
	file := p.File
	if needsQuote(file) {
		file = strconv.Quote(file)
	}
	switch {
	case p.Line <= 0:
		return file
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
	}
}

func needsQuote(name string) bool {
	if !utf8.ValidString(name) {
		return true
	}
	for _, r := range name {
		if r == ':' || r == '"' || !unicode.IsPrint(r) && r != ' ' {
			return true
		}
	}
	return strings.HasPrefix(name, " ") || strings.HasSuffix(name, " ")
}

// oneLine escapes the control characters of a message (a newline in a
// quoted YAML value, a tab) and replaces bytes that are not UTF-8, so that
// a message is always one printable line.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Severity tells whether a problem fails the build.
type Severity int

const (
	// SevError fails the build.
	SevError Severity = iota
	// SevWarning is printed by check and never fails a build.
	SevWarning
)

func (s Severity) String() string {
	if s == SevWarning {
		return "warning"
	}
	return "error"
}

// Error is one problem at one position. Text is written for an editor:
// it names what is wrong and what to write instead, in the language chosen
// when it is printed.
type Error struct {
	Pos      Pos
	Text     Text
	Severity Severity
	Err      error // the underlying cause, if any
	// Draft tells that the file is a draft: the problem is reported all
	// the same, so that check and the preview say the same about it, and
	// the editor sees the draft's mistakes before publishing it.
	Draft bool
}

// New makes an error-severity problem at pos, saying m with args.
func New(pos Pos, m *Message, args ...any) *Error {
	return &Error{Pos: pos, Text: m.With(args...)}
}

// Warning makes a warning at pos, saying m with args.
func Warning(pos Pos, m *Message, args ...any) *Error {
	return &Error{Pos: pos, Text: m.With(args...), Severity: SevWarning}
}

// Because keeps err as the problem's cause and returns the problem.
func (e *Error) Because(err error) *Error {
	e.Err = err
	return e
}

// Message is what is wrong, in l, without the position.
func (e *Error) Message(l Lang) string {
	return oneLine(e.Text.In(l))
}

// ID is the catalogue id of the problem's message.
func (e *Error) ID() string { return e.Text.msg.ID() }

// In is the problem as one line in l: position, severity, the draft mark
// and the message.
func (e *Error) In(l Lang) string {
	prefix := ""
	if e.Severity == SevWarning {
		prefix = WarningPrefix.In(l) + " "
	}
	if e.Draft {
		prefix += DraftMark.In(l) + " "
	}
	return e.Pos.String() + ": " + prefix + e.Message(l)
}

// Error is the problem in English.
func (e *Error) Error() string { return e.In(English) }

func (e *Error) Unwrap() error { return e.Err }

// List is a collection of problems. The zero value is ready to use.
type List []*Error

// Add appends e to the list.
func (l *List) Add(e *Error) { *l = append(*l, e) }

// Report appends an error-severity problem at pos, saying m with args.
func (l *List) Report(pos Pos, m *Message, args ...any) { l.Add(New(pos, m, args...)) }

// Warn appends a warning at pos, saying m with args.
func (l *List) Warn(pos Pos, m *Message, args ...any) { l.Add(Warning(pos, m, args...)) }

// Append adds all problems of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any problem in the list fails the build.
func (l List) HasErrors() bool {
	for _, e := range l {
		if e.Severity == SevError {
			return true
		}
	}
	return false
}

// Errors returns only the error-severity problems.
func (l List) Errors() List { return l.filter(SevError) }

// OfFile is the part of l, which must be sorted (see Sort), at file.
func (l List) OfFile(file string) List {
	lo := sort.Search(len(l), func(i int) bool { return l[i].Pos.File >= file })
	hi := lo
	for hi < len(l) && l[hi].Pos.File == file {
		hi++
	}
	return l[lo:hi]
}

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.filter(SevWarning) }

func (l List) filter(s Severity) List {
	var out List
	for _, e := range l {
		if e.Severity == s {
			out = append(out, e)
		}
	}
	return out
}

// Sort orders the list by file, line, column and message, so that output
// is deterministic whatever order parallel stages found the problems in.
// Problems that compare equal keep their order.
//
// A list is most often a few runs already in order, one for each check
// that walked the documents in the order of their files: the model's
// list at 100,000 pearls is 102,288 problems in 28 runs, and the
// problems of the build are the model's, in order. The runs are found
// in one pass and merged; a list in order is only read. A stable sort
// of the whole, which compared file names far apart in memory, was a
// twentieth of the model's time at 100,000 pearls. A list of more than
// maxRuns runs is sorted as before.
func (l List) Sort() {
	if len(l) < 2 {
		return
	}
	var at [maxRuns]int
	ends := at[:0]
	for i := 1; i < len(l); i++ {
		if compare(l[i-1], l[i]) <= 0 {
			continue
		}
		if len(ends) == maxRuns-1 {
			slices.SortStableFunc(l, compare)
			return
		}
		ends = append(ends, i)
	}
	if len(ends) == 0 {
		return
	}
	mergeRuns(l, append(ends, len(l)))
}

// maxRuns is the most runs a list may have for Sort to merge them: each
// merge looks for the pair of runs to merge among all of them.
const maxRuns = 64

// compare is the order of Sort. Two problems at one place are ordered by
// their English messages.
func compare(x, y *Error) int {
	a, b := x.Pos, y.Pos
	if c := cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)); c != 0 {
		return c
	}
	// Two messages that differ before either's first verb are ordered
	// without being written: writing the messages of two problems at one
	// place (a pearl's warnings of its whole file) was a third of the
	// sort's time at 100,000 pearls and half at 10,000.
	if m, n := x.Text.msg, y.Text.msg; m != n && m != nil && n != nil {
		k := min(len(m.lead), len(n.lead))
		if c := strings.Compare(m.lead[:k], n.lead[:k]); c != 0 {
			return c
		}
	}
	return strings.Compare(x.Message(English), y.Message(English))
}

// mergeRuns sorts l, whose runs in order end at ends (the last at
// len(l)), by merging two neighbouring runs at a time, always the pair
// that is shortest together: a short run is not copied again and again
// with a long one, as it would be with the runs merged from the left.
func mergeRuns(l List, ends []int) {
	var buf List
	for len(ends) > 1 {
		best, size := 0, len(l)+1
		for i := range len(ends) - 1 {
			start := 0
			if i > 0 {
				start = ends[i-1]
			}
			if n := ends[i+1] - start; n < size {
				best, size = i, n
			}
		}
		start := 0
		if best > 0 {
			start = ends[best-1]
		}
		buf = merge(l[start:ends[best+1]], ends[best]-start, buf)
		ends = slices.Delete(ends, best, best+1)
	}
}

// merge merges l[:mid] and l[mid:], each in order, keeping the problems of
// l[:mid] first among equal ones. The shorter side is copied into buf
// (grown as needed and returned), and merged from the end it is not at.
func merge(l List, mid int, buf List) List {
	// The problems of the left side up to the right side's first, and
	// those of the right after the left side's last, are in place
	// already: when the runs hold different files (cases and pearls),
	// that is most of them.
	lo := sort.Search(mid, func(i int) bool { return compare(l[i], l[mid]) > 0 })
	hi := mid + sort.Search(len(l)-mid, func(j int) bool { return compare(l[mid+j], l[mid-1]) >= 0 })
	l = l[lo:hi]
	mid -= lo
	if mid <= len(l)-mid {
		buf = append(buf[:0], l[:mid]...)
		i, j, k := 0, mid, 0
		for i < len(buf) && j < len(l) {
			if compare(l[j], buf[i]) < 0 {
				l[k] = l[j]
				j++
			} else {
				l[k] = buf[i]
				i++
			}
			k++
		}
		copy(l[k:], buf[i:])
		return buf
	}
	buf = append(buf[:0], l[mid:]...)
	i, j, k := mid-1, len(buf)-1, len(l)-1
	for i >= 0 && j >= 0 {
		if compare(l[i], buf[j]) > 0 {
			l[k] = l[i]
			i--
		} else {
			l[k] = buf[j]
			j--
		}
		k--
	}
	copy(l[:j+1], buf[:j+1])
	return buf
}

// MarkDrafts marks the problems in the files that drafts[file] names.
func (l List) MarkDrafts(drafts map[string]bool) {
	if len(drafts) == 0 {
		return
	}
	for _, e := range l {
		if drafts[e.Pos.File] {
			e.Draft = true
		}
	}
}

// Err returns the list as an error when it holds at least one
// error-severity problem, and nil otherwise.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l.Errors())
}

// ListError is a List used as an error.
type ListError List

func (e ListError) Error() string { return e.In(English) }

// In is every problem in l, one a line.
func (e ListError) In(l Lang) string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.In(l))
	}
	return b.String()
}
