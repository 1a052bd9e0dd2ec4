package site

import "fmt"

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
