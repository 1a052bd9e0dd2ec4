package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// templates for `new`: every required key, with a placeholder to replace.
var newTemplates = map[string]struct{ dir, text string }{
	"pearl": {content.DirPearls, `---
title: ` + ph("title", 0) + `
theme: %s
summary: ` + ph("summary", 0) + `
kind: vinkki            # tieto | vinkki | menetelma | tyokalu
audience: [esihenkilot] # johto | esihenkilot | paattajat | henkilosto | hanketoimijat
tags: []
date: %s
related: []
draft: true             # poista tai muuta falseksi, kun helmi on valmis
---

## %s

` + ph("", 0) + `
`},
	"case": {content.DirCases, `---
title: ` + ph("title", 1) + `
organization: ` + ph("organization", 0) + `
period: 2024–2025
themes: [%s]
pearls: []
summary: ` + ph("summary", 1) + `
date: %s
---
`},
	"chapter": {content.DirChapters, `---
title: ` + ph("title", 2) + `
weight: %s
summary: ` + ph("summary", 2) + `
---
%s
## %s

- ` + ph("", 1) + `
`},
}

// newHeadings are the headings new writes, by the portal's language: a
// pearl's first section and a chapter's closing questions. They are no
// placeholders (a Finnish pearl may keep "Mistä on kyse"), so check does
// not report them: a Swedish or English portal's new pages had the
// Finnish ones, published as they were under that language's lang.
var newHeadings = map[string]struct{ pearl, chapter string }{
	"fi": {"Mistä on kyse", "Pohdittavaksi"},
	"sv": {"Vad handlar det om", "Att fundera på"},
	"en": {"What it is about", "Questions to consider"},
}

// newHeadingsIn are the headings of new in a portal of the language tag
// lang (sv-FI has the Swedish ones), the Finnish for a language that has
// none.
func newHeadingsIn(lang string) struct{ pearl, chapter string } {
	return config.InLanguage(newHeadings, lang)
}

// siteLanguage is site.yaml's language in the content folder dir, or ""
// when it has none or cannot be read: new speaks the language check and
// build speak in the same portal (a mistake in site.yaml is for them to
// report).
func siteLanguage(dir string) string {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return ""
	}
	defer root.Close()
	if cfg, _ := config.Load(root.FS(), contentName(dir), ""); cfg != nil {
		return cfg.Language
	}
	return ""
}

// ph is the i-th placeholder of key, which check recognises.
func ph(key string, i int) string { return content.Placeholders[key][i] }

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("new", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	theme := fl.String("theme", "", "the theme area's slug (a file name in teemat/ without .md)")
	var pos []string
	for {
		if err := parse(fl, args); err != nil {
			return err
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
	portal := siteLanguage(*contentDir)
	lang := fl.Lang(portal)
	// new pearl uusi helmi: a name written as words, which the shell
	// split; the name's message says what to write.
	var asWords diag.Text
	if len(pos) > 2 {
		asWords = content.CheckSlug(strings.Join(pos[1:], " "))
	}
	switch {
	case len(pos) == 3 && pos[0] == "translation":
		return newTranslation(*contentDir, pos[1], pos[2], stdout, stderr, lang)
	case len(pos) > 0 && pos[0] == "translation":
		fmt.Fprintln(stderr, diag.CmdNewTranslationArgs.In(lang))
		return errUsage
	case len(pos) > 2 && newTemplates[pos[0]].dir != "" && asWords.Message() != nil:
		fmt.Fprintln(stderr, "helminauha new:", asWords.In(lang))
		return errUsage
	case len(pos) != 2:
		fmt.Fprintln(stderr, diag.CmdNewArgs.In(lang))
		fl.Usage()
		return errUsage
	}
	kind, slug := pos[0], strings.TrimSuffix(pos[1], ".md")
	tmpl, ok := newTemplates[kind]
	if !ok {
		fmt.Fprintln(stderr, diag.CmdNewUnknownKind.In(lang, kind))
		return errUsage
	}
	if strings.TrimSpace(slug) == "" {
		fmt.Fprintln(stderr, diag.CmdNewNoSlug.In(lang, kind, kind))
		return errUsage
	}
	if msg := content.CheckSlug(slug); msg.Message() != nil {
		fmt.Fprintln(stderr, "helminauha new:", msg.In(lang))
		return errUsage
	}
	// Every name below comes from the command line; the root keeps the
	// new file inside the content folder whatever a name or a symbolic
	// link in the folder says.
	root, err := os.OpenRoot(*contentDir)
	if err != nil {
		fmt.Fprintln(stderr, noContentDir(*contentDir, lang))
		return errUsage
	}
	defer root.Close()
	var text string
	today := time.Now().Format(time.DateOnly)
	switch kind {
	case "pearl", "case":
		area := *theme
		if area == "" {
			area = firstArea(root.FS())
		} else if content.CheckSlug(area).Message() != nil || !existsIn(root.FS(), content.DirAreas+"/"+area+".md") {
			// An area named by its title (--theme "Verkostotyö ja
			// yhteistyö") or in capitals is told as one that does
			// not exist, with the areas to choose from.
			dir := filepath.Join(*contentDir, content.DirAreas)
			if areas := areaSlugs(root.FS()); len(areas) > 0 {
				fmt.Fprintln(stderr, diag.CmdNewNoTheme.In(lang, area, areaMeant(root.FS(), area, areas), dir, strings.Join(areas, ", ")))
			} else {
				fmt.Fprintln(stderr, diag.CmdNewNoAreas.In(lang, area, dir, filepath.Join(dir, content.SlugOf(area)+".md")))
			}
			return errUsage
		}
		args := []any{area, today}
		if kind == "pearl" {
			args = append(args, newHeadingsIn(portal).pearl)
		}
		text = fmt.Sprintf(tmpl.text, args...)
		if kind == "case" {
			// The sections check looks for, in the portal's language:
			// a Swedish portal's new case had the Finnish ones, and
			// check then warned that each Swedish one was missing.
			for _, h := range content.CaseSectionsIn(portal) {
				text += "\n## " + h + "\n"
			}
		}
	case "chapter":
		text = fmt.Sprintf(tmpl.text, fmt.Sprint(nextWeight(root.FS(), tmpl.dir)), "", newHeadingsIn(portal).chapter)
	}
	name := filepath.Join(*contentDir, tmpl.dir, slug+".md")
	if err := root.MkdirAll(tmpl.dir, 0o755); err != nil {
		fmt.Fprintln(stderr, diag.CmdNewNoFolder.In(lang, filepath.Join(*contentDir, tmpl.dir), diag.Cause(err)))
		return errContent
	}
	f, err := root.OpenFile(tmpl.dir+"/"+slug+".md", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintln(stderr, diag.CmdNewExists.In(lang, name))
		return errUsage
	}
	if err == nil {
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, diag.CmdNewCannotWrite.In(lang, name, diag.Cause(err)))
		return errContent
	}
	fmt.Fprintln(stdout, diag.CmdNewCreated.In(lang, name))
	return nil
}

// firstArea is the first theme area's slug, the default for a new pearl.
func firstArea(fsys fs.FS) string {
	if areas := areaSlugs(fsys); len(areas) > 0 {
		return areas[0]
	}
	return "teema"
}

// existsIn tells whether the file name is in fsys.
func existsIn(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// areaMeant is the "did you mean" for --theme name: the area whose title
// it is, as the editor sees it on the site, or the nearest area's name.
func areaMeant(fsys fs.FS, name string, areas []string) diag.Text {
	for _, slug := range areas {
		data, err := rootfs.ReadFile(fsys, content.DirAreas+"/"+slug+".md")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if title, ok := strings.CutPrefix(line, "title:"); ok {
				if strings.EqualFold(strings.Trim(strings.TrimSpace(title), `"'`), strings.TrimSpace(name)) {
					return diag.DidYouMean.With(slug)
				}
				break
			}
		}
	}
	return content.Meant(name, areas)
}

// areaSlugs are the theme areas' slugs in name order: the files in
// teemat/ whose names are slugs.
func areaSlugs(fsys fs.FS) []string {
	var slugs []string
	entries, _ := fs.ReadDir(fsys, content.DirAreas)
	for _, e := range entries {
		if slug, ok := strings.CutSuffix(e.Name(), ".md"); ok && content.CheckSlug(slug).Message() == nil {
			slugs = append(slugs, slug)
		}
	}
	return slugs
}

// nextWeight is one more than the highest chapter weight written as
// `weight: N` in dir. The files are read as a build reads them (see
// rootfs), so a named pipe or an oversized file is skipped unread.
func nextWeight(fsys fs.FS, dir string) int {
	highest := 0
	entries, _ := fs.ReadDir(fsys, dir)
	for _, e := range entries {
		data, err := rootfs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			var n int
			if _, err := fmt.Sscanf(line, "weight: %d", &n); err == nil && n > highest {
				highest = n
			}
		}
	}
	return highest + 1
}
