//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeCountsASaveOnce: however an editor's tool writes a save, serve
// says one file changed. Each save below is what a tool does, in order,
// to the page: sed -i and perl -i write a temporary file beside it and
// rename it over; vim renames the page to a backup, writes it anew and
// removes the backup; others write it in place, or remove it and write
// it again.
func TestServeCountsASaveOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	helmet := filepath.Join(dir, "content", "helmet")
	page := filepath.Join(helmet, "dialogi.md")
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rename := func(from, to string) {
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(name string) {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
	saves := []struct {
		tool string
		save func(text string)
	}{
		{"sed -i", func(text string) {
			tmp := filepath.Join(helmet, "sedAb12Cd")
			write(tmp, text)
			rename(tmp, page)
		}},
		{"vim", func(text string) {
			write(filepath.Join(helmet, "4913"), "")
			remove(filepath.Join(helmet, "4913"))
			rename(page, page+"~")
			write(page, text)
			remove(page + "~")
		}},
		{"in place", func(text string) { write(page, text) }},
		{"remove and write", func(text string) {
			remove(page)
			write(page, text)
		}},
	}
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range saves {
		// A save's steps come microseconds apart from an editor, but a
		// busy machine may hold this test between two of them for longer
		// than serve waits for quiet (20 ms), and then serve rightly
		// tells two changes. So a save told otherwise is made once more,
		// and must be told as one change then.
		var said []string
		for try := 1; try <= 2; try++ {
			text := strings.Replace(string(old), "Teksti.", fmt.Sprintf("Tallennus %s %d.", c.tool, try), 1)
			c.save(text)
			line := s.next("rebuilt in")
			s.waitFor("/helmet/dialogi/", fmt.Sprintf("Tallennus %s %d.", c.tool, try))
			if strings.HasPrefix(line, "helmet/dialogi.md changed: ") {
				said = nil
				break
			}
			said = append(said, line)
			// The rest of a split save is told before the page shows it.
		}
		if said != nil {
			t.Errorf("save %d (%s): serve says %q, want a line starting %q", i+1, c.tool, said, "helmet/dialogi.md changed: ")
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v\n%s", err, strings.Join(s.log, "\n"))
	}
}

// next returns the next line serve prints that has one of texts in it.
func (s *serving) next(texts ...string) string {
	s.t.Helper()
	end := time.After(typedWait)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				s.t.Fatalf("serve stopped:\n%s", strings.Join(s.log, "\n"))
			}
			s.log = append(s.log, line)
			for _, text := range texts {
				if strings.Contains(line, text) {
					return line
				}
			}
		case <-end:
			s.t.Fatalf("serve printed no line with %q in %s:\n%s", texts, typedWait, strings.Join(s.log, "\n"))
		}
	}
}

// TestServeTellsNewWarnings: a save that brings a warning into the saved
// page has serve print it under the rebuild's line, as check would; the
// next save that keeps it does not print it again, and the save that
// mends it says the warning is gone.
func TestServeTellsNewWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	page := filepath.Join(dir, "content", "helmet", "dialogi.md")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// Each save is one rename into the folder, as sed -i saves: written
	// in place, a busy machine may hold the test between emptying the
	// file and writing it for longer than serve waits for quiet, and
	// serve then rightly tells the rest as a change of its own, which
	// the next save's rebuild took in ("2 changes: rebuilt").
	spare := t.TempDir()
	saveAs := func(name, text string) {
		tmp := filepath.Join(spare, filepath.Base(name))
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, name); err != nil {
			t.Fatal(err)
		}
	}
	save := func(text string) { saveAs(page, text) }
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")

	withKey := strings.Replace(string(old), "date: 2021-03-01\n", "date: 2021-03-01\ntagz: [a]\n", 1)
	save(withKey)
	s.next("helmet/dialogi.md changed: rebuilt in")
	line := s.next(`unknown key "tagz"`)
	if want := "content/helmet/dialogi.md:8:1: warning: "; !strings.HasPrefix(line, want) {
		t.Errorf("the new warning is printed as %q, want it to start %q", line, want)
	}

	save(strings.Replace(withKey, "Teksti.", "Toinen tallennus.", 1))
	s.next("helmet/dialogi.md changed: rebuilt in")
	kept := len(s.log)
	save(strings.Replace(string(old), "Teksti.", "Toinen tallennus.", 1))
	s.next("helmet/dialogi.md changed: rebuilt in")
	for _, l := range s.log[kept:] {
		if strings.Contains(l, "tagz") {
			t.Errorf("the second save, which kept the warning, printed it again: %q", l)
		}
	}
	if line := s.next("gone"); line != "1 warning gone" {
		t.Errorf("the save that mended the warning says %q, want %q", line, "1 warning gone")
	}

	// A title another pearl has, saved into a pearl that comes after it
	// (its theme area's weight is 2, dialogi's 1): the save is patched
	// into the model, and its warning told at once, then gone with it.
	other := filepath.Join(dir, "content", "helmet", "luottamus.md")
	was, err := os.ReadFile(other)
	if err != nil {
		t.Fatal(err)
	}
	retitled := strings.Replace(string(was), "title: Luottamus verkostossa\n", "title: Dialogi\n", 1)
	if retitled == string(was) {
		t.Fatal("luottamus.md no longer has the title this test changes")
	}
	for _, text := range []string{retitled, string(was)} {
		saveAs(other, text)
		s.next("helmet/luottamus.md changed: rebuilt in")
		if text == retitled {
			want := `content/helmet/luottamus.md:2:8: warning: the title "Dialogi" is already the title of content/helmet/dialogi.md`
			if line := s.next("already the title"); !strings.HasPrefix(line, want) {
				t.Errorf("the save of a title another pearl has printed %q, want it to start %q", line, want)
			}
		} else if line := s.next("gone"); line != "1 warning gone" {
			t.Errorf("the save that gave the title back says %q, want %q", line, "1 warning gone")
		}
	}

	// A draft named in the related list, told at once, then gone.
	named := strings.Replace(string(old), "date: 2021-03-01\n", "date: 2021-03-01\nrelated: [luonnos]\n", 1)
	for _, text := range []string{named, string(old)} {
		save(text)
		s.next("helmet/dialogi.md changed: rebuilt in")
		if text == named {
			want := "content/helmet/dialogi.md:8:11: warning: points to the draft content/helmet/luonnos.md"
			if line := s.next("points to the draft"); !strings.HasPrefix(line, want) {
				t.Errorf("the save naming a draft printed %q, want it to start %q", line, want)
			}
		} else if line := s.next("gone"); line != "1 warning gone" {
			t.Errorf("the save that named the draft no more says %q, want %q", line, "1 warning gone")
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v\n%s", err, strings.Join(s.log, "\n"))
	}
}

// TestServeTellsAMovedWarningOnce: a save that only moves the lines of
// a page (a comment added above its title) moves its warnings with them,
// and the saves after it tell no warning of the page as new that it had
// all along. serve patches such a save into its model, and before
// 2026-12-07 kept the warnings between pages (a related pearl that is a
// draft, a title another pearl has, a tag spelt as another word) at
// their old lines; the next change of the front matter told the draft's
// warning anew at its line, and serve printed it as new beside the old.
func TestServeTellsAMovedWarningOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	page := filepath.Join(dir, "content", "helmet", "dialogi.md")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(old), "date: 2021-03-01\n", "date: 2021-03-01\nrelated: [luonnos]\n", 1)
	write(t, page, text)
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")
	spare := t.TempDir()
	var from int
	for i, edit := range []struct{ what, old, new string }{
		{"a comment above the title", "---\ntitle:", "---\n# huom\ntitle:"},
		{"a new title", "title: Dialogi\n", "title: Dialogi ja kuuntelu\n"},
		{"a new text", "Teksti.", "Uusi teksti."},
	} {
		if !strings.Contains(text, edit.old) {
			t.Fatalf("dialogi.md has no %q", edit.old)
		}
		text = strings.Replace(text, edit.old, edit.new, 1)
		// Renamed in, as sed -i saves: see TestServeTellsNewWarnings.
		tmp := filepath.Join(spare, "dialogi.md")
		write(t, tmp, text)
		if err := os.Rename(tmp, page); err != nil {
			t.Fatal(err)
		}
		s.next("helmet/dialogi.md changed: rebuilt in")
		if i == 0 {
			from = len(s.log)
		}
	}
	// What the first two saves printed: the lines up to the last save's.
	for _, line := range s.log[from : len(s.log)-1] {
		if strings.HasPrefix(line, "content/helmet/dialogi.md") {
			t.Errorf("a save that brought no warning printed %q\n%s", line, strings.Join(s.log, "\n"))
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v\n%s", err, strings.Join(s.log, "\n"))
	}
}

// TestServeSkipsWhatEditorsLeave: what an editor, an office suite or a
// sync tool leaves beside the files while serve runs (LibreOffice's lock
// of an attachment open in static/, vim's 4913, a JetBrains safe write)
// is neither published nor told in the terminal or the overlay, also by
// a rebuild that walks the folders again for a new page.
func TestServeSkipsWhatEditorsLeave(t *testing.T) {
	dir := portal(t)
	static := filepath.Join(dir, "content", "static")
	// A new folder is a change of its own.
	if err := os.MkdirAll(filepath.Join(static, ".well-known"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")
	for _, name := range leftBehind {
		write(t, filepath.Join(static, name), "junk")
		write(t, filepath.Join(dir, "content", "helmet", path.Base(name)), "junk")
	}
	// Renamed in, so that no build sees it half written on a busy machine.
	tmp := filepath.Join(t.TempDir(), "uusi.md")
	write(t, tmp, "---\ntitle: Uusi\ntheme: johtaminen\nsummary: Uusi helmi.\nkind: vinkki\ndate: 2024-01-01\n---\nUuden helmen teksti.\n")
	if err := os.Rename(tmp, filepath.Join(dir, "content", "helmet", "uusi.md")); err != nil {
		t.Fatal(err)
	}
	if line := s.next("rebuilt in", "build failed"); !strings.HasPrefix(line, "helmet/uusi.md changed: rebuilt in") {
		t.Fatalf("serve says %q, want only the new page told:\n%s", line, strings.Join(s.log, "\n"))
	}
	s.waitFor("/helmet/uusi/", "Uuden helmen teksti.")
	if _, body := s.get("/helmet/uusi/"); strings.Contains(body, "helminauha-overlay") {
		t.Errorf("the page shows the overlay:\n%s", body)
	}
	for _, name := range leftBehind {
		if status, _ := s.get("/" + strings.ReplaceAll(name, "#", "%23")); status != 404 {
			t.Errorf("/%s: got %d, want 404", name, status)
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
	for _, line := range s.log {
		for _, name := range leftBehind {
			if strings.Contains(line, path.Base(name)) {
				t.Errorf("serve tells of %s: %q", name, line)
			}
		}
	}
}

// TestServeSeesThemesFolderMade: serve started without a themes folder
// watches for one beside the content folder. An editor who names a theme
// of their own in site.yaml is told it is not found and to copy the
// built-in one; the copy made, serve builds with it, and follows its
// edits, without a restart (it said the theme was not found until then).
func TestServeSeesThemesFolderMade(t *testing.T) {
	dir := portal(t)
	site := filepath.Join(dir, "content", "site.yaml")
	src, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	write(t, site, string(src)+"theme: oma\n")
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	if log := strings.Join(s.log, "\n"); !strings.Contains(log, `content/site.yaml: theme "oma" not found`) {
		t.Fatalf("serve does not say the theme is not found:\n%s", log)
	}
	mark := func(themes, text string) {
		t.Helper()
		tmpl := filepath.Join(themes, "oma", "templates", "pearl.html")
		src, err := os.ReadFile(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		changed := regexp.MustCompile(`\{\{define "main" -\}\}(<p>[^<]*</p>)?`).ReplaceAllString(string(src), `{{define "main" -}}<p>`+text+`</p>`)
		if changed == string(src) {
			t.Fatal(`pearl.html has no {{define "main" -}}`)
		}
		write(t, tmpl, changed)
	}
	// Copied elsewhere and moved in whole, so that no build sees half a
	// theme on a busy machine.
	spare := filepath.Join(t.TempDir(), "themes")
	copyTheme(t, filepath.Join(spare, "oma"))
	mark(spare, "Oma teema")
	themes := filepath.Join(dir, "themes")
	if err := os.Rename(spare, themes); err != nil {
		t.Fatal(err)
	}
	// serve has built once, so this needs no compiling: half a minute
	// is plenty, and a serve that does not watch fails in that.
	s.waitForIn(30*time.Second, "/helmet/dialogi/", "<p>Oma teema</p>")
	mark(themes, "Muokattu teema")
	s.waitFor("/helmet/dialogi/", "<p>Muokattu teema</p>")
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}
