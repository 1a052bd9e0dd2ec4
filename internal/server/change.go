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
}

// batch is the changes coalesced into one rebuild.
type batch struct {
	content map[string]bool
	theme   bool
	all     bool
	n       int // changes seen
}

func (b *batch) add(c change) {
	b.n++
	b.theme = b.theme || c.theme
	b.all = b.all || c.all
	if c.content != "" {
		if b.content == nil {
			b.content = map[string]bool{}
		}
		b.content[c.content] = true
	}
}

// changes is the batch as the build wants it.
func (b batch) changes() build.Changes {
	// The watcher sees every path that changes, or says it lost some
	// (all).
	ch := build.Changes{Theme: b.theme, All: b.all, Exact: !b.all}
	for p := range b.content {
		ch.Content = append(ch.Content, p)
	}
	slices.Sort(ch.Content)
	return ch
}
