package config_test

import (
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/diag"
)

// TestLatin1SaysUTF8First: a site.yaml saved as Latin-1 gets one line,
// at the first byte that is not UTF-8, that says to save it as UTF-8, and
// not YAML's words about the same bytes.
func TestLatin1SaysUTF8First(t *testing.T) {
	_, diags := config.Parse("content/site.yaml", []byte("title: Testi\ndescription: Hyv\xe4 portaali\n"), "")
	if len(diags) != 1 {
		t.Fatalf("got %d problems, want 1:\n%v", len(diags), diags.Err())
	}
	for lang, want := range map[diag.Lang]string{
		diag.Finnish: "content/site.yaml:2:17: tiedosto ei ole UTF-8-tekstiä (tavu 0xE4): tallenna se tekstieditorissa UTF-8-muodossa",
		diag.English: "content/site.yaml:2:17: the file is not valid UTF-8 (byte 0xE4): save it as UTF-8 in your editor",
	} {
		if got := diags[0].In(lang); got != want {
			t.Errorf("%v: got\n%s\nwant\n%s", lang, got, want)
		}
	}
}
