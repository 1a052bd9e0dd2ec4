package site

// WorkOf is the count of the comparisons and edit-distance steps Build
// did for s, which the linear-work test compares across sizes.
func WorkOf(s *Site) int { return s.work }

// TitleKeyIs is titleKeyIs, which SameTitles compares titles with keys by.
var TitleKeyIs = titleKeyIs
