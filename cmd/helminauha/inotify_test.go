package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestServeBeyondTheWatchLimits: when the system's inotify limits are
// used up, serve told the editor "too many open files" or "no space left
// on device" (the system's own words, which point at the disk) and, at
// the start, served nothing. It now names the limit and what to do, in the
// editor's language, and serves what it built. The limits are the real
// kernel's, lowered for serve alone: in a user namespace of its own
// (unshare -Ur), whose inotify limits (/proc/sys/user/max_inotify_*)
// bind only the processes inside it, so no other program on the machine
// is touched.
func TestServeBeyondTheWatchLimits(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("inotify is Linux's")
	}
	if out, err := exec.Command("unshare", "-Ur", "sh", "-c", "echo 1 > /proc/sys/user/max_inotify_watches").CombinedOutput(); err != nil {
		why := fmt.Sprintf("this machine lets no user namespace of its own set inotify limits (unshare -Ur: %v %s); "+
			"on Ubuntu, sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 allows it", err, strings.TrimSpace(string(out)))
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI is set, so the test must run)", why)
		}
		t.Skip(why)
	}
	for _, tc := range []struct {
		name, limit, lang string
		want              []string
	}{
		// No inotify instance at all: inotify_init1 fails with EMFILE.
		{"instances", "max_inotify_instances=0", "fi", []string{
			"kansion content muutoksia ei voi seurata, koska järjestelmän raja fs.inotify.max_user_instances on täynnä: esikatselu näyttää sivuston sellaisena kuin se on tehty, mutta ei siellä tallennettuja muutoksia. Sulje muita tiedostoja seuraavia ohjelmia (toinen esikatselu, editori, synkronointi) tai nosta rajaa (sudo sysctl fs.inotify.max_user_instances=1024) ja käynnistä esikatselu uudelleen",
		}},
		// Two watches: content/ and content/caset/, then ENOSPC from
		// inotify_add_watch for content/helmet/.
		{"watches", "max_inotify_watches=2", "en", []string{
			"cannot watch " + filepath.Join("content", "helmet") + " for changes: the system's limit fs.inotify.max_user_watches is used up, so serve shows the site as it was built but not what is saved there. Close other programs that watch files (another serve, an editor, a sync tool) or raise the limit (sudo sysctl fs.inotify.max_user_watches=524288), then start serve again",
		}},
		{"watches in Swedish", "max_inotify_watches=2", "sv", []string{
			"systemets gräns fs.inotify.max_user_watches är nådd",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "unshare", "-Ur", "sh", "-c",
				`echo "$1" > /proc/sys/user/"${2%%=*}" && exec "$0" serve --lang "$3" --addr 127.0.0.1:0`,
				binary(t), strings.SplitN(tc.limit, "=", 2)[1], tc.limit, tc.lang)
			cmd.Dir = dir
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				cmd.Process.Signal(os.Interrupt)
				cmd.Wait()
			}()
			var said strings.Builder
			addr := ""
			sc := bufio.NewScanner(out)
			for addr == "" && sc.Scan() {
				said.WriteString(sc.Text() + "\n")
				if _, rest, ok := strings.Cut(sc.Text(), "http://"); ok {
					addr, _, _ = strings.Cut(rest, " ")
				}
			}
			if addr == "" {
				t.Fatalf("serve stopped before serving:\n%s", said.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(said.String(), w) {
					t.Errorf("serve does not say\n%s\nit says\n%s", w, said.String())
				}
			}
			for _, system := range []string{"too many open files", "no space left on device", "levy on täynnä", "disk is full"} {
				if strings.Contains(strings.ToLower(said.String()), system) {
					t.Errorf("serve says %q:\n%s", system, said.String())
				}
			}
			// What was built is served.
			resp, err := http.Get("http://" + addr)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<html") {
				t.Errorf("GET /: %s\n%.300s", resp.Status, body)
			}
		})
	}
}
