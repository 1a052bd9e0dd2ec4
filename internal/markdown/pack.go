package markdown

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/s2"
)

// A parsed body's HTML and text are kept packed with S2 (a Snappy-like
// compression that does hundreds of megabytes a second): a build keeps
// every body from loading until its page is rendered, and a portal of
// 100,000 pearls held 1.4 GB of HTML and text, which the collector scans
// on every cycle. Packed, they take a little over half of that; packing
// and unpacking cost about 3 % of a build's CPU time.

// pack returns b packed, in a slice of its own size.
func pack(b []byte) []byte {
	if len(b) == 0 {
		return []byte{}
	}
	bp := encoded.Get().(*[]byte)
	defer encoded.Put(bp)
	if n := s2.MaxEncodedLen(len(b)); cap(*bp) < n {
		*bp = make([]byte, n)
	}
	*bp = s2.Encode((*bp)[:cap(*bp)], b)
	return bytes.Clone(*bp)
}

// unpack returns p unpacked, in dst when it has room.
func unpack(dst, p []byte) []byte {
	if len(p) == 0 {
		return dst[:0]
	}
	b, err := s2.Decode(dst[:cap(dst)], p)
	if err != nil {
		// pack made p, and no one changes it afterwards.
		panic("markdown: a packed body does not unpack: " + err.Error())
	}
	return b
}

// encoded and decoded hold buffers for pack and for the HTML Render
// unpacks.
var (
	encoded = sync.Pool{New: func() any { return new([]byte) }}
	decoded = sync.Pool{New: func() any { return new([]byte) }}
)
