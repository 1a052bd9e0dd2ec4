package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
)

// maxAnnotations is how many error and how many warning commands of a
// step GitHub makes annotations of; it shows the rest only in the log.
const maxAnnotations = 10

// writeGitHub prints each problem as a GitHub Actions workflow command
// (::error file=…,line=…,col=…,title=…::message), which GitHub shows on the
// line of the pull request's diff. Paths are made relative to root, the
// repository's top folder, as GitHub wants them. The problems are those
// shownOf chooses (all of them when all), as in the text format: GitHub
// makes annotations of the first ten errors and ten warnings of a step
// and shows the rest only as lines of its log, where 100,000 of them are
// as little use as in a terminal. When it printed more than ten error or
// ten warning commands, counts included, it ends with a notice that says
// so: the pull request shows ten, and the editor who counts them would
// think there are no more.
func writeGitHub(w io.Writer, res *build.Result, root string, all bool, lang diag.Lang) {
	printed := map[string]int{}
	command := func(cmd, props, message string) {
		printed[cmd]++
		fmt.Fprintf(w, "::%s %s::%s\n", cmd, props, ghData(message))
	}
	shown := shownOf(res.Diags, true, all)
	for _, d := range shown.lines {
		cmd, title := "error", diag.GitHubError
		switch {
		case d.Severity == diag.SevWarning && d.Draft:
			cmd, title = "warning", diag.GitHubDraftWarning
		case d.Severity == diag.SevWarning:
			cmd, title = "warning", diag.GitHubWarning
		case d.Draft:
			title = diag.GitHubDraftError
		}
		props := "file=" + ghProperty(repoPath(d.Pos.File, root))
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
			if d.Pos.Col > 0 {
				props += fmt.Sprintf(",col=%d", d.Pos.Col)
			}
		}
		props += ",title=" + ghProperty(title.In(lang))
		command(cmd, props, d.Message(lang))
	}
	errTitle, warnTitle := "title="+ghProperty(diag.GitHubError.In(lang)), "title="+ghProperty(diag.GitHubWarning.In(lang))
	if res.Dropped > 0 {
		command("error", errTitle, diag.CmdMoreErrors.In(lang, res.Dropped))
	}
	if shown.errors > 0 {
		command("error", errTitle, diag.CmdMoreErrorsShown.In(lang, shown.errors))
	}
	if shown.warnings > 0 {
		command("warning", warnTitle, diag.CmdMoreWarningsShown.In(lang, shown.warnings))
	}
	if printed["error"] > maxAnnotations || printed["warning"] > maxAnnotations {
		command("notice", "title="+ghProperty(diag.GitHubNotice.In(lang)), diag.GitHubFirstTen.In(lang, maxAnnotations))
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value, where ':' and
// ',' would end it.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// repoRoot is the top folder of the git checkout the command runs in, or
// "" outside one.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// repoPath is file (as shown in messages, relative to the working folder
// or absolute) relative to root, with '/' separators.
func repoPath(file, root string) string {
	if root == "" {
		return file
	}
	abs, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return file
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return file
	}
	return filepath.ToSlash(rel)
}
