package main

import (
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
)

// synopses are each command's forms, in English placeholders (DIR, URL,
// SLUG) that placeholders translates, every flag the command takes but
// --lang (which every command takes, and the top-level help tells of
// once) and the hidden ones. A "\n" in a form goes on under its first
// word. Both the top-level help (usage) and a command's -h (synopsis)
// print them, so that the two cannot disagree: before 2026-12-07 the
// top-level help left out build --format, which build -h listed.
var synopses = map[string][]string{
	"build": {"[--content DIR] [--out DIR] [--clean-out] [--baseurl URL] [--drafts] [--minify=false] [--gzip] [--quiet]\n" +
		"[--format text|github] [--timings] [--cpuprofile FILE] [--memprofile FILE]"},
	"serve":   {"[--content DIR] [--addr 127.0.0.1:1313] [--allow-host NAME]"},
	"check":   {"[--content DIR] [--format text|json|github] [--all]"},
	"new":     {"pearl|case|chapter SLUG [--theme SLUG] [--content DIR]", "translation LANG FOLDER/SLUG [--content DIR]"},
	"version": {""},
}

// usage is the top-level help: every command's forms, one under another,
// in the words of l.
func usage(l diag.Lang) string {
	width := 0
	for _, c := range commands {
		width = max(width, len(c))
	}
	var b strings.Builder
	for _, c := range commands {
		for _, form := range synopses[c] {
			line := "  helminauha " + c + strings.Repeat(" ", width-len(c)) + " "
			b.WriteString(strings.TrimRight(line+indented(placeholders(l).Replace(form), utf8.RuneCountInString(line)), " ") + "\n")
		}
	}
	return diag.CmdUsage.In(l, diag.Whole(b.String()))
}

// synopsis is what a command's -h prints after "Usage: helminauha CMD":
// its forms, each after the first on a line of its own under the first's
// "helminauha", in the words of l.
func synopsis(name string, l diag.Lang) string {
	head := diag.CmdFlagsHead.In(l, name, "\x00")
	head = head[:strings.IndexByte(head, '\x00')]
	cmdAt := utf8.RuneCountInString(head[:strings.Index(head, "helminauha")])
	var b strings.Builder
	for i, form := range synopses[name] {
		form = placeholders(l).Replace(form)
		if i == 0 {
			b.WriteString(indented(form, utf8.RuneCountInString(head)))
			continue
		}
		line := "\n" + strings.Repeat(" ", cmdAt) + "helminauha " + name + " "
		b.WriteString(line + indented(form, utf8.RuneCountInString(line)-1))
	}
	return b.String()
}

// indented is form with each line after the first indented by n spaces.
func indented(form string, n int) string {
	return strings.ReplaceAll(form, "\n", "\n"+strings.Repeat(" ", n))
}
