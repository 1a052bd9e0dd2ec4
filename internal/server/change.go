package server

import (
	"maps"
	"slices"

	"github.com/helminauha/helminauha/internal/build"
)

// change is one thing the watcher saw.
type change struct {
	content string // path inside the content folder ("helmet/x.md"), or ""
	// theme is set when a file of the themes folder changed, themeFile
	// to its path there ("helminauha/templates/pearl.html"), or "" for
	// the themes folder itself.
	theme     bool
	themeFile string
	all       bool // unknown: events were lost
	made      bool // the path was made (or renamed to)
	gone      bool // the path was removed (or renamed away)
}

// batch is the changes coalesced into one rebuild.
type batch struct {
	content    paths // inside the content folder
	themeFiles paths // inside the themes folder
	theme      bool
	all        bool
	n          int // changes seen
	// hurried is set when changes were still arriving as the batch was
	// sent (it waited MaxWait, not Quiet): a folder being copied in or
	// checked out, whose files may be made but not yet written.
	hurried bool
}

// then is the batch b followed by next: what a build of both must read.
func (b batch) then(next batch) batch {
	for _, p := range []struct{ to, from *paths }{{&b.content, &next.content}, {&b.themeFiles, &next.themeFiles}} {
		if p.to.named != nil {
			// Not to change b's maps, which a caller may keep.
			p.to.named, p.to.born, p.to.gone = maps.Clone(p.to.named), maps.Clone(p.to.born), maps.Clone(p.to.gone)
		}
		for name := range p.from.named {
			p.to.add(name, p.from.born[name], p.from.gone[name])
		}
	}
	b.theme, b.all, b.n, b.hurried = b.theme || next.theme, b.all || next.all, b.n+next.n, next.hurried
	return b
}

// paths are the paths of one folder that a batch's changes named.
type paths struct {
	named map[string]bool
	// born are the paths whose first change in the batch made them, gone
	// those whose last change removed them: a path in both came and went
	// within the batch, the temporary file of a save that is renamed over
	// the page (sed -i, vim's backup copy).
	born, gone map[string]bool
}

func (ps *paths) add(p string, made, gone bool) {
	if ps.named == nil {
		ps.named, ps.born, ps.gone = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	if !ps.named[p] && made {
		ps.born[p] = true
	}
	ps.named[p] = true
	if gone {
		ps.gone[p] = true
	} else {
		delete(ps.gone, p)
	}
}

// edited are the paths changed as an editor counts changes: a save is
// one, however the editor's tool writes it, so a path that came and went
// within the batch is left out.
func (ps paths) edited() []string {
	var out []string
	for p := range ps.named {
		if !ps.born[p] || !ps.gone[p] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (b *batch) add(c change) {
	b.n++
	b.theme = b.theme || c.theme
	b.all = b.all || c.all
	if c.content != "" {
		b.content.add(c.content, c.made, c.gone)
	}
	if c.themeFile != "" {
		b.themeFiles.add(c.themeFile, c.made, c.gone)
	}
}

// edited are the paths of content the batch changed (see paths.edited).
func (b batch) edited() []string { return b.content.edited() }

// changes is the batch as the build wants it.
func (b batch) changes() build.Changes {
	// The watcher sees every path that changes, or says it lost some
	// (all). A path that came and went is passed on too: a build that
	// walked the folder while it was there knows it.
	ch := build.Changes{Theme: b.theme, All: b.all, Exact: !b.all}
	for p := range b.content.named {
		ch.Content = append(ch.Content, p)
	}
	slices.Sort(ch.Content)
	return ch
}
