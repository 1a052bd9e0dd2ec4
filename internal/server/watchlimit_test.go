package server

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestWatchLimitByTheSystem: the message of a watch limit used up names
// what applies on the system serve runs on. It named Linux's inotify
// settings on every system, where macOS's and the BSDs' fsnotify uses
// kqueue, whose limit is the open files', and Windows has neither: there
// the system's own text is told (no message here).
func TestWatchLimitByTheSystem(t *testing.T) {
	// As fsnotify returns them: wrapped in an *os.SyscallError or an
	// fmt.Errorf.
	emfile := os.NewSyscallError("inotify_init1", syscall.EMFILE)
	enospc := fmt.Errorf("adding a watch: %w", syscall.ENOSPC)
	enfile := os.NewSyscallError("open", syscall.ENFILE)
	const inotify = "cannot watch content/helmet for changes: the system's limit fs.inotify.max_user_"
	for _, tc := range []struct {
		goos string
		err  error
		fi   string // "": no message of a limit
		en   string
	}{
		{"linux", emfile,
			"kansion content/helmet muutoksia ei voi seurata, koska järjestelmän raja fs.inotify.max_user_instances on täynnä: esikatselu näyttää sivuston sellaisena kuin se on tehty, mutta ei siellä tallennettuja muutoksia. Sulje muita tiedostoja seuraavia ohjelmia (toinen esikatselu, editori, synkronointi) tai nosta rajaa (sudo sysctl fs.inotify.max_user_instances=1024) ja käynnistä esikatselu uudelleen",
			inotify + "instances is used up, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl fs.inotify.max_user_instances=1024), then start serve again"},
		{"linux", enospc,
			"kansion content/helmet muutoksia ei voi seurata, koska järjestelmän raja fs.inotify.max_user_watches on täynnä",
			inotify + "watches is used up, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl fs.inotify.max_user_watches=524288), then start serve again"},
		{"linux", enfile, "", ""},
		{"darwin", emfile,
			"kansion content/helmet muutoksia ei voi seurata, koska järjestelmän raja ohjelman avoimille tiedostoille (kern.maxfilesperproc) on täynnä: jokainen seurattu kansio ja tiedosto vie yhden. Esikatselu näyttää sivuston sellaisena kuin se on tehty, mutta ei siellä tallennettuja muutoksia. Sulje muita tiedostoja seuraavia ohjelmia (toinen esikatselu, editori, synkronointi) tai nosta rajaa (sudo sysctl kern.maxfilesperproc=65536) ja käynnistä esikatselu uudelleen",
			"cannot watch content/helmet for changes: the system's limit on a program's open files (kern.maxfilesperproc) is used up, and each watched folder and file takes one, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl kern.maxfilesperproc=65536), then start serve again"},
		{"darwin", enfile, "järjestelmän raja ohjelman avoimille tiedostoille (kern.maxfilesperproc)", "the system's limit on a program's open files (kern.maxfilesperproc)"},
		// kqueue takes no watches of a space ENOSPC could run out of.
		{"darwin", enospc, "", ""},
		{"freebsd", emfile, "(sudo sysctl kern.maxfilesperproc=65536)", "(sudo sysctl kern.maxfilesperproc=65536)"},
		{"windows", emfile, "", ""},
		{"windows", enospc, "", ""},
		{"linux", errors.New("permission denied"), "", ""},
	} {
		text, ok := watchLimit(tc.goos, "content/helmet", tc.err)
		if ok != (tc.fi != "") {
			t.Errorf("%s, %v: a limit %t, want %t", tc.goos, tc.err, ok, tc.fi != "")
			continue
		}
		if !ok {
			continue
		}
		for lang, want := range map[diag.Lang]string{diag.Finnish: tc.fi, diag.English: tc.en} {
			got := text.In(lang)
			if !strings.Contains(got, want) {
				t.Errorf("%s, %v, %v:\n got %s\nwant %s", tc.goos, tc.err, lang, got, want)
			}
			if tc.goos != "linux" && strings.Contains(got, "inotify") {
				t.Errorf("%s, %v, %v names inotify, which %s has not:\n%s", tc.goos, tc.err, lang, tc.goos, got)
			}
		}
	}
}
