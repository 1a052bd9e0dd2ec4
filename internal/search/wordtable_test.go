package search

import (
	"strconv"
	"testing"
)

// TestWordTableNumbersWordsInOrder adds enough words to make the table
// grow several times and finds each by its bytes and as a string, and
// finds none of the words it was not given.
func TestWordTableNumbersWordsInOrder(t *testing.T) {
	var tab wordTable
	if got := tab.find([]byte("x")); got != -1 {
		t.Fatalf("empty table: got %d, want -1", got)
	}
	var words []string
	for i := range 5000 {
		w := "sana" + strconv.Itoa(i*7919)
		if i%3 == 0 {
			w = w[4:] // short words too
		}
		words = append(words, w)
		if got := tab.add(w); got != int32(i) {
			t.Fatalf("add(%q): got %d, want %d", w, got, i)
		}
	}
	for i, w := range words {
		if got := tab.find([]byte(w)); got != int32(i) {
			t.Errorf("find(%q): got %d, want %d", w, got, i)
		}
		if got := tab.findString(w); got != int32(i) {
			t.Errorf("findString(%q): got %d, want %d", w, got, i)
		}
		if got := tab.findString(w + "x"); got != -1 {
			t.Errorf("findString(%q): got %d, want -1", w+"x", got)
		}
	}
	if got := tab.find(nil); got != -1 {
		t.Errorf("find(\"\"): got %d, want -1", got)
	}
}
