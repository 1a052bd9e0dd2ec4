package server

import (
	"slices"

	"github.com/helminauha/helminauha/internal/build"
)

// change is one thing the watcher saw.
type change struct {
	content string // path inside the content folder ("helmet/x.md"), or ""
	theme   bool   // a file of the theme folder changed
	all     bool   // unknown: events were lost
	made    bool   // content was made (or renamed to)
	gone    bool   // content was removed (or renamed away)
}

// batch is the changes coalesced into one rebuild.
type batch struct {
	content map[string]bool
	// born are the paths of content whose first change in the batch made
	// them, gone those whose last change removed them: a path in both
	// came and went within the batch, the temporary file of a save that
	// is renamed over the page (sed -i, vim's backup copy).
	born, gone map[string]bool
	theme      bool
	all        bool
	n          int // changes seen
}

func (b *batch) add(c change) {
	b.n++
	b.theme = b.theme || c.theme
	b.all = b.all || c.all
	if c.content != "" {
		if b.content == nil {
			b.content, b.born, b.gone = map[string]bool{}, map[string]bool{}, map[string]bool{}
		}
		if !b.content[c.content] && c.made {
			b.born[c.content] = true
		}
		b.content[c.content] = true
		if c.gone {
			b.gone[c.content] = true
		} else {
			delete(b.gone, c.content)
		}
	}
}

// edited are the paths of content the batch changed as an editor counts
// changes: a save is one, however the editor's tool writes it, so a path
// that came and went within the batch is left out.
func (b batch) edited() []string {
	var paths []string
	for p := range b.content {
		if !b.born[p] || !b.gone[p] {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// changes is the batch as the build wants it.
func (b batch) changes() build.Changes {
	// The watcher sees every path that changes, or says it lost some
	// (all). A path that came and went is passed on too: a build that
	// walked the folder while it was there knows it.
	ch := build.Changes{Theme: b.theme, All: b.all, Exact: !b.all}
	for p := range b.content {
		ch.Content = append(ch.Content, p)
	}
	slices.Sort(ch.Content)
	return ch
}
