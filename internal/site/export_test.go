package site

import (
	"cmp"
	"fmt"
)

// WorkOf is the count of the comparisons and edit-distance steps Build
// did for s, which the linear-work test compares across sizes.
func WorkOf(s *Site) int { return s.work }

// TitleKeyIs is titleKeyIs, which SameTitles compares titles with keys by.
var TitleKeyIs = titleKeyIs

// TitleHash is titleHash, the hash of a title's key that sameTitles
// finds pages by.
var TitleHash = titleHash

// ParseUp is parseUp, the short way of reading a link's address, and
// ParseURL the long way it must agree with, as comparable strings.
func ParseUp(dir, address string) (string, bool) {
	d, ok := parseUp(dir, address)
	return fmt.Sprintf("%#v", d), ok
}

func ParseURL(dir, address string) string { return fmt.Sprintf("%#v", parseURL(dir, address)) }

// KeyHead is keyHead, the head of a sort key that sorting compares first.
var KeyHead = keyHead[[]byte]

// NewestFirst is the order newestFirst gives the Unix times secs, the
// earlier place first of equal times, as the places of secs.
func NewestFirst(secs []int64) []int {
	keys := make([]int, len(secs))
	for i := range keys {
		keys[i] = i
	}
	return newestFirst(keys, func(i int) int64 { return secs[i] }, func(x, y int) int {
		return cmp.Or(cmp.Compare(secs[y], secs[x]), cmp.Compare(x, y))
	})
}

// KeyScans is how many times PearlByKey walked a site's pearls.
func KeyScans() int64 { return keyScans.Load() }
