package markdown

import (
	"errors"
	"os"
	"sync"

	"github.com/klauspost/compress/s2"
)

// A parsed body's HTML and text are kept packed with S2 (a Snappy-like
// compression that does hundreds of megabytes a second): a build keeps
// every body from loading until its page is rendered, and a portal of
// 100,000 pearls held 1.4 GB of HTML and text, which the collector scans
// on every cycle. Packed, they take a little over half of that; packing
// and unpacking cost about 3 % of a build's CPU time. A build that reads
// each body once or twice keeps them in a Store instead, out of memory and
// not compressed.

// packed is a packed body: in memory (b), or n bytes at off in a Store.
type packed struct {
	b     []byte
	store *Store
	off   int64
	n     int
}

// Store keeps bodies in a temporary file, for a build that reads
// each body once or twice (its page, the search index) and would
// otherwise hold every body of the portal from loading until its page is
// rendered: at 100,000 pearls the packed bodies were most of the live
// heap, and the collector works against the soft memory limit in
// proportion to what is live. They are read back through the system's
// file cache. The file has no name from the start; nothing closes it by
// hand: once no Doc refers to the Store, the *os.File's finalizer closes
// it (or the process ends), and the system frees its space. A Store is
// safe for concurrent use.
//
// Bodies are gathered in a buffer and written a megabyte at a time: one
// write a body (two a file) were 20,000 system calls at 10,000 pearls,
// and their cost in the kernel (the file's times, its journal) is per
// call more than per byte. A body still in the buffer is read from it.
type Store struct {
	f *os.File

	mu      sync.Mutex
	buf     []byte // the bodies from off flushed on, not written yet
	flushed int64  // where buf starts in the file
	failed  bool   // a write failed: the bodies after it stay in memory
	// kept holds the bodies of a write that failed, by their offset.
	kept map[int64][]byte
}

// storeBuffer is how many bytes of bodies a Store gathers before it
// writes them.
const storeBuffer = 1 << 20

// NewStore makes a Store in the system's temporary folder. Where a file
// cannot lose its name while open, it returns an error: the caller keeps
// its bodies in memory then.
func NewStore() (*Store, error) {
	f, err := os.CreateTemp("", "helminauha-bodies-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		return nil, errors.Join(err, f.Close(), os.Remove(f.Name()))
	}
	return &Store{f: f}, nil
}

// put adds b to the store and returns where it is, or false when the
// store has failed.
func (s *Store) put(b []byte) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed {
		return 0, false
	}
	if len(s.buf)+len(b) > storeBuffer && len(s.buf) > 0 {
		s.flush()
		if s.failed {
			return 0, false
		}
	}
	if s.buf == nil {
		s.buf = make([]byte, 0, storeBuffer)
	}
	off := s.flushed + int64(len(s.buf))
	s.buf = append(s.buf, b...)
	return off, true
}

// flush writes the buffer to the file. The caller holds s.mu.
func (s *Store) flush() {
	if _, err := s.f.WriteAt(s.buf, s.flushed); err != nil {
		// The bodies already handed out stay readable from memory.
		s.failed = true
		if s.kept == nil {
			s.kept = map[int64][]byte{}
		}
		s.kept[s.flushed] = s.buf
		s.buf = nil
		return
	}
	s.flushed += int64(len(s.buf))
	s.buf = s.buf[:0]
}

// get reads the n bytes at off into dst, which has room for them.
func (s *Store) get(dst []byte, off int64) {
	s.mu.Lock()
	if off >= s.flushed && !s.failed {
		copy(dst, s.buf[off-s.flushed:])
		s.mu.Unlock()
		return
	}
	for at, b := range s.kept {
		if off >= at && off < at+int64(len(b)) {
			copy(dst, b[off-at:])
			s.mu.Unlock()
			return
		}
	}
	s.mu.Unlock()
	if _, err := s.f.ReadAt(dst, off); err != nil {
		// The file is the process's own and has no name.
		panic("markdown: a body kept in a temporary file cannot be read back: " + err.Error())
	}
}

// pack returns b packed: in s when it is not nil, as it is (copying or
// compressing it would cost CPU time and spare no memory, since the file
// is not the process's memory), else compressed in a slice of its own
// size.
func pack(s *Store, b []byte) packed {
	if len(b) == 0 {
		return packed{}
	}
	if s != nil {
		if off, ok := s.put(b); ok {
			return packed{store: s, off: off, n: len(b)}
		}
	}
	bp := encoded.Get().(*[]byte)
	defer encoded.Put(bp)
	if n := s2.MaxEncodedLen(len(b)); cap(*bp) < n {
		*bp = make([]byte, n)
	}
	*bp = s2.Encode((*bp)[:cap(*bp)], b)
	return packed{b: append([]byte(nil), *bp...), n: len(*bp)}
}

// unpack returns p unpacked, in dst when it has room.
func unpack(dst []byte, p packed) []byte {
	if p.n == 0 {
		return dst[:0]
	}
	if p.store != nil {
		if cap(dst) < p.n {
			dst = make([]byte, p.n)
		}
		dst = dst[:p.n]
		p.store.get(dst, p.off)
		return dst
	}
	b, err := s2.Decode(dst[:cap(dst)], p.b)
	if err != nil {
		// pack made p, and no one changes it afterwards.
		panic("markdown: a packed body does not unpack: " + err.Error())
	}
	return b
}

// encoded and decoded hold buffers for packed bodies and for the HTML
// Render unpacks.
var (
	encoded = sync.Pool{New: func() any { return new([]byte) }}
	decoded = sync.Pool{New: func() any { return new([]byte) }}
)
