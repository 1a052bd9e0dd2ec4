package main

import "github.com/helminauha/helminauha/internal/diag"

// maxSame is how many problems of one kind (a heading of the wrong level,
// a broken link) are printed for a file: the rest are counted in one
// line, so that a file of 100,000 of them is not 100,000 lines.
const maxSame = 10

// shown is what check's text and github formats, and build, print of the
// problems found: at most maxShown errors and maxShown warnings, at most
// maxSame of one kind in a file, in the order of the list. A portal whose
// every pearl breaks one rule printed 100,000 lines, of which an editor
// reads the first and the count, and a CI log shows the first thousands
// slowly, if at all.
type shown struct {
	// lines are the problems to print, each followed, where it is the
	// maxSame'th of its kind in its file, by the count of the rest
	// (diag.CmdMoreSame, at the file).
	lines diag.List
	// errors and warnings are those left out after maxShown of each,
	// and not counted in a line of lines.
	errors, warnings int
}

// shownOf chooses the lines of diags to print: warnings too when
// warnings, and every problem, one line each, when all.
func shownOf(diags diag.List, warnings, all bool) shown {
	var s shown
	type kind struct {
		file, id string
		sev      diag.Severity
	}
	count := map[kind]int{}
	for _, d := range diags {
		count[kind{d.Pos.File, d.ID(), d.Severity}]++
	}
	seen, counted := map[kind]int{}, map[kind]bool{}
	printed := map[diag.Severity]int{}
	for _, d := range diags {
		if d.Severity == diag.SevWarning && !warnings {
			continue
		}
		if all {
			s.lines = append(s.lines, d)
			continue
		}
		k := kind{d.Pos.File, d.ID(), d.Severity}
		seen[k]++
		switch {
		case seen[k] > maxSame && counted[k]:
			continue // in the line that counts the rest of its kind
		case seen[k] > maxSame || printed[d.Severity] >= maxShown:
			if d.Severity == diag.SevWarning {
				s.warnings++
			} else {
				s.errors++
			}
			continue
		}
		s.lines = append(s.lines, d)
		printed[d.Severity]++
		if seen[k] == maxSame && count[k] > maxSame {
			more := diag.New(diag.Pos{File: d.Pos.File}, diag.CmdMoreSame, count[k]-maxSame)
			more.Severity, more.Draft = d.Severity, d.Draft
			s.lines = append(s.lines, more)
			counted[k] = true
		}
	}
	return s
}

// more are the lines that count the problems left out, errors first.
func (s shown) more() []diag.Text {
	var t []diag.Text
	if s.errors > 0 {
		t = append(t, diag.CmdMoreErrorsShown.With(s.errors))
	}
	if s.warnings > 0 {
		t = append(t, diag.CmdMoreWarningsShown.With(s.warnings))
	}
	return t
}
