package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// translatable are the folders whose pages can be translated.
var translatable = []string{content.DirAreas, content.DirPearls, content.DirCases, content.DirChapters, content.DirPages}

// newTranslation starts a translation of the page page ("helmet/slug")
// into the language code: it copies the original's front matter and text
// into content/<code>/<folder>/<slug>.md, marks it a draft and puts
// content.TranslateNote above the text, which check reports until it is
// removed. It never replaces a file, and writes nothing outside the
// content folder whatever the names or the folder's links say.
func newTranslation(contentDir, code, page string, stdout, stderr io.Writer, lang diag.Lang) error {
	// The file's path as the shell completes it, content/helmet/x.md,
	// names the same page as helmet/x.
	typed := strings.TrimPrefix(filepath.ToSlash(page), "./")
	dir, slug, ok := translationPath(strings.TrimPrefix(typed, contentName(contentDir)+"/"))
	if !ok {
		fmt.Fprintln(stderr, diag.CmdNewTranslationPath.In(lang, page))
		return errUsage
	}
	root, err := os.OpenRoot(contentDir)
	if err != nil {
		fmt.Fprintln(stderr, noContentDir(contentDir, lang))
		return errUsage
	}
	defer root.Close()
	cfg, diags := config.Load(root.FS(), contentName(contentDir), "")
	if cfg == nil {
		for _, d := range diags {
			fmt.Fprintln(stderr, d.In(lang))
		}
		return errContent
	}
	var codes []string
	for _, l := range cfg.Languages {
		codes = append(codes, l.Code)
	}
	switch {
	case len(codes) == 0:
		other := "sv"
		if cfg.Language == other {
			other = "fi"
		}
		fmt.Fprintln(stderr, diag.CmdNewTranslationNoLanguages.In(lang, cfg.Language, other))
		return errUsage
	case code == cfg.Language:
		fmt.Fprintln(stderr, diag.CmdNewTranslationDefault.In(lang, code, codes[0], dir+"/"+slug))
		return errUsage
	case cfg.For(code) == nil:
		fmt.Fprintln(stderr, diag.CmdNewTranslationLang.In(lang, code, strings.Join(codes, ", ")))
		return errUsage
	}
	from := dir + "/" + slug + ".md"
	src, err := rootfs.ReadFile(root.FS(), from)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintln(stderr, diag.CmdNewTranslationNoOriginal.In(lang, filepath.Join(contentDir, filepath.FromSlash(from))))
		return errUsage
	case err != nil:
		fmt.Fprintln(stderr, diag.CmdNewTranslationCannotRead.In(lang, filepath.Join(contentDir, filepath.FromSlash(from)), rootfs.Problem(diag.Pos{}, err).Message(lang)))
		return errContent
	}
	to := code + "/" + from
	name := filepath.Join(contentDir, filepath.FromSlash(to))
	if err := root.MkdirAll(code+"/"+dir, 0o755); err != nil {
		fmt.Fprintln(stderr, diag.CmdNewNoFolder.In(lang, filepath.Join(contentDir, code, dir), diag.Cause(err)))
		return errContent
	}
	f, err := root.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintln(stderr, diag.CmdNewTranslationExists.In(lang, name))
		return errUsage
	}
	if err == nil {
		_, err = f.Write(translationOf(src, dir == content.DirPearls))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, diag.CmdNewCannotWrite.In(lang, name, diag.Cause(err)))
		return errContent
	}
	created := diag.CmdNewTranslationCreated
	if dir != content.DirPearls {
		created = diag.CmdNewTranslationCreatedPage
	}
	fmt.Fprintln(stdout, created.In(lang, name, filepath.Join(contentDir, filepath.FromSlash(from))))
	return nil
}

// translationPath reads "helmet/slug" (or "helmet/slug.md"): one of the
// translatable folders and a slug a page may have, or the guide's cover.
func translationPath(page string) (dir, slug string, ok bool) {
	dir, slug, ok = strings.Cut(strings.TrimSuffix(filepath.ToSlash(page), ".md"), "/")
	if !ok || !slices.Contains(translatable, dir) {
		return "", "", false
	}
	if dir == content.DirChapters && slug == content.CoverSlug {
		return dir, slug, true
	}
	return dir, slug, content.CheckSlug(slug).Message() == nil
}

var (
	draftLine = regexp.MustCompile(`(?m)^draft:.*$`)
	fmEnd     = regexp.MustCompile(`(?m)^---[ \t]*\r?$`)
)

// translationOf is the original src as a translation to be, with
// content.TranslateNote as the first line of its text; a pearl is made a
// draft (the other kinds have no drafts: check reports the note in them
// as an error until it is gone).
func translationOf(src []byte, draft bool) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	note := content.TranslateNote + "\n\n"
	if !bytes.HasPrefix(src, []byte("---")) {
		return append([]byte(note), src...)
	}
	first := bytes.IndexByte(src, '\n') + 1
	end := fmEnd.FindIndex(src[first:])
	if first == 0 || end == nil {
		return append([]byte(note), src...)
	}
	meta, rest := src[:first+end[0]], src[first+end[0]:]
	if draft {
		line := []byte("draft: true # poista, kun käännös on valmis")
		if draftLine.Match(meta) {
			meta = draftLine.ReplaceAllLiteral(meta, line)
		} else {
			meta = append(append(bytes.Clone(meta), line...), '\n')
		}
	}
	nl := bytes.IndexByte(rest, '\n') + 1
	if nl == 0 {
		rest = append(rest, '\n')
		nl = len(rest)
	}
	var out bytes.Buffer
	out.Write(meta)
	out.Write(rest[:nl])
	out.WriteString(note)
	out.Write(rest[nl:])
	return out.Bytes()
}
