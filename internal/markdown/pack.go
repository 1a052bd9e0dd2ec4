package markdown

import (
	"errors"
	"os"
	"sync"
	"sync/atomic"

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
type Store struct {
	f      *os.File
	end    atomic.Int64
	failed atomic.Bool // a write failed: the bodies after it stay in memory
}

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

// pack returns b packed: in s when it is not nil, as it is (copying or
// compressing it would cost CPU time and spare no memory, since the file
// is not the process's memory), else compressed in a slice of its own
// size.
func pack(s *Store, b []byte) packed {
	if len(b) == 0 {
		return packed{}
	}
	if s != nil && !s.failed.Load() {
		off := s.end.Add(int64(len(b))) - int64(len(b))
		if _, err := s.f.WriteAt(b, off); err == nil {
			return packed{store: s, off: off, n: len(b)}
		}
		s.failed.Store(true)
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
		if _, err := p.store.f.ReadAt(dst, p.off); err != nil {
			// The file is the process's own and has no name.
			panic("markdown: a body kept in a temporary file cannot be read back: " + err.Error())
		}
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
