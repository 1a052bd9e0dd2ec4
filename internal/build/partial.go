package build

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/helminauha/helminauha/internal/output"
)

// Partial is a build under way, seen from the end of its plan stage: it
// knows every file the build will have and gives each as the build will
// have it, so that serve can answer a request before the build ends.
// Each file still to be made (a page to render, a static file to read) is
// made once, by the build's workers in their order or at once by the
// first caller of File that asks for it, whichever comes first; a caller
// asking for a file a worker is making waits for it.
//
// A Partial is only read: what it gives is what the build writes, and
// the build's result is what serve serves once it ends.
type Partial struct {
	// Language is site.yaml's language.
	Language string
	// known gives the files already made (kept from the last good build,
	// the assets), by path.
	known func(path string) (output.File, bool)
	slots map[string]*slot
	order []*slot // as the workers take them

	mu     sync.Mutex
	closed bool
	// busy counts the files callers of File are making: the build waits
	// for them before it ends (they write into the session's state).
	busy sync.WaitGroup
	// asking counts the callers of File making or waiting for a file:
	// the build's workers take no new file meanwhile (see next), so that
	// the page a reader waits for has the cores.
	asking int
	quiet  *sync.Cond // signalled when asking drops to 0
}

// slot is one file a Partial makes once.
type slot struct {
	claimed atomic.Bool
	ready   chan struct{}
	f       output.File
	err     error
	make    func() (output.File, error)
}

func newSlot(fn func() (output.File, error)) *slot {
	return &slot{ready: make(chan struct{}), make: fn}
}

// get makes the file, or waits while another goroutine makes it.
func (s *slot) get() (output.File, error) {
	if s.claimed.CompareAndSwap(false, true) {
		s.f, s.err = s.make()
		close(s.ready)
	} else {
		<-s.ready
	}
	return s.f, s.err
}

// File returns the file at path as the build will have it. found is
// false when the build will have no file there. ok is false when the
// Partial cannot tell: the file failed to be made, or the build ended
// (or stopped) before making it; the build's result tells then.
func (p *Partial) File(path string) (f output.File, found, ok bool) {
	s := p.slots[path]
	if s == nil {
		f, found = p.known(path)
		return f, found, true
	}
	if !isClosed(s.ready) {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			return output.File{}, false, false
		}
		p.busy.Add(1)
		p.asking++
		p.mu.Unlock()
		defer func() {
			p.mu.Lock()
			if p.asking--; p.asking == 0 {
				p.quiet.Broadcast()
			}
			p.mu.Unlock()
			p.busy.Done()
		}()
	}
	if f, err := s.get(); err == nil {
		return f, true, true
	}
	return output.File{}, false, false
}

// next is how the build's workers take their k-th file: once no caller
// of File is making or waiting for one.
func (p *Partial) next(k int) (output.File, error) {
	p.mu.Lock()
	for p.asking > 0 {
		p.quiet.Wait()
	}
	p.mu.Unlock()
	return p.order[k].get()
}

// Has tells whether the build will have a file at path, without making
// it.
func (p *Partial) Has(path string) bool {
	if p.slots[path] != nil {
		return true
	}
	_, found := p.known(path)
	return found
}

// close ends the Partial when its build ends: a File that has not begun
// to make its file leaves it to the build's result, and close waits for
// those that have.
func (p *Partial) close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.busy.Wait()
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// sortedFiles is a lookup of files by path in a list sorted by path.
func sortedFiles(files []output.File) func(string) (output.File, bool) {
	return func(p string) (output.File, bool) {
		i, ok := slices.BinarySearchFunc(files, p, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
		if !ok {
			return output.File{}, false
		}
		return files[i], true
	}
}

// newPartial is the Partial of a build whose files to make are tasks
// (in the order its workers make them) and whose files made already are
// known, or, after a patch, the last good build's files with the static
// files read again (see patch.apply).
func newPartial(lang string, tasks []task, known []output.File, pt *patch, ss *Session) *Partial {
	p := &Partial{Language: lang, slots: make(map[string]*slot, len(tasks)), order: make([]*slot, len(tasks))}
	p.quiet = sync.NewCond(&p.mu)
	for i, t := range tasks {
		p.order[i] = newSlot(t.make)
		if p.slots[t.path] == nil {
			p.slots[t.path] = p.order[i]
		}
	}
	if pt != nil {
		last := sortedFiles(ss.good.files)
		opts := ss.opts
		p.known = func(path string) (output.File, bool) {
			if data, ok := pt.static[path]; ok {
				return staticFile(opts, path, data), true
			}
			return last(path)
		}
		return p
	}
	known = slices.Clone(known)
	slices.SortFunc(known, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	p.known = sortedFiles(known)
	return p
}
