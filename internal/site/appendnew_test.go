package site

import "testing"

// TestAppendNewKeepsASet: appendNew leaves out repeats, and from
// appendNewScan elements on finds them in its set, not by searching the
// list (a search of a list allocates nothing, so TestModelWorkGrowsLinearly
// would not see it grow): the set holds every element of the list.
func TestAppendNewKeepsASet(t *testing.T) {
	var list []int
	var seen map[int]bool
	for i := range 1000 {
		list = appendNew(list, i%500, &seen)
	}
	if len(list) != 500 {
		t.Fatalf("%d elements, want the 500 different ones", len(list))
	}
	for i, v := range list {
		if v != i {
			t.Fatalf("element %d is %d: the order of first appearance is lost", i, v)
		}
	}
	if len(seen) != len(list) {
		t.Errorf("the set holds %d of the list's %d elements", len(seen), len(list))
	}
	var short []int
	var none map[int]bool
	for i := range appendNewScan - 1 {
		short = appendNew(short, i, &none)
	}
	if none != nil {
		t.Errorf("a set made for %d elements, fewer than appendNewScan", len(short))
	}
}
