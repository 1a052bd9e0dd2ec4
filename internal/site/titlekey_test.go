package site_test

import (
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/site"
)

// titleKeySeeds are titles written plainly and not: spaces at the ends,
// runs of them, tabs, a no-break space, letters that lower-case to more
// or fewer bytes, bytes that are not UTF-8.
var titleKeySeeds = []string{
	"", " ", "Aika arvioinnissa", "ÄITI JA ÖLJY", " Alussa", "Lopussa ", "Kaksi  väliä",
	"Sarkain\tvälissä", "Rivi\nvälissä", "Sitova\u00a0väli", "Ohut\u2009väli", "İstanbul", "ẞ", "Kelvin \u212a",
	"rikki \xff tavu", "\xc2", "a \x85 b", "A", "Ω Σ",
}

// TestTitleKey: a title's key is the title lowered with its white space
// made single spaces, as Fields and Join make it, whether the title is
// written so already or not.
func TestTitleKey(t *testing.T) {
	for _, title := range titleKeySeeds {
		if got, want := site.TitleKey(title), slowTitleKey(title); got != want {
			t.Errorf("TitleKey(%q) = %q, want %q", title, got, want)
		}
	}
}

func FuzzTitleKey(f *testing.F) {
	for _, title := range titleKeySeeds {
		f.Add(title)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if got, want := site.TitleKey(title), slowTitleKey(title); got != want {
			t.Errorf("TitleKey(%q) = %q, want %q", title, got, want)
		}
	})
}

func slowTitleKey(title string) string {
	return strings.ToLower(strings.Join(strings.Fields(title), " "))
}

// TestTitleKeyIs: TitleKeyIs(a, key) tells whether a's key is key, for
// the key of every seed title and of each with a letter more or less.
func TestTitleKeyIs(t *testing.T) {
	for _, a := range titleKeySeeds {
		for _, b := range titleKeySeeds {
			checkTitleKeyIs(t, a, b)
			checkTitleKeyIs(t, a, b+"x")
			checkTitleKeyIs(t, a+"X", b)
		}
	}
}

func FuzzTitleKeyIs(f *testing.F) {
	for i, a := range titleKeySeeds {
		f.Add(a, titleKeySeeds[(i+1)%len(titleKeySeeds)])
		f.Add(a, strings.ToUpper(a))
	}
	f.Fuzz(checkTitleKeyIs)
}

func checkTitleKeyIs(t *testing.T, a, b string) {
	key := slowTitleKey(b)
	if got, want := site.TitleKeyIs(a, key), slowTitleKey(a) == key; got != want {
		t.Errorf("TitleKeyIs(%q, %q) = %t, want %t", a, key, got, want)
	}
}

// TestTitleHashIsTheKeys: a title has the hash of its key, which is the
// key of itself, whether the title is written plainly or not.
func TestTitleHashIsTheKeys(t *testing.T) {
	for _, title := range titleKeySeeds {
		checkTitleHash(t, title)
	}
	if site.TitleHash("Aika") == site.TitleHash("Aikaa") {
		t.Error("two keys have one hash")
	}
}

func FuzzTitleHash(f *testing.F) {
	for _, title := range titleKeySeeds {
		f.Add(title)
	}
	f.Fuzz(checkTitleHash)
}

func checkTitleHash(t *testing.T, title string) {
	key := site.TitleKey(title)
	if site.TitleKey(key) != key {
		t.Skipf("the key of %q is not its own key", title)
	}
	if got, want := site.TitleHash(title), site.TitleHash(key); got != want {
		t.Errorf("TitleHash(%q) = %x, the hash of its key %q %x", title, got, key, want)
	}
}
