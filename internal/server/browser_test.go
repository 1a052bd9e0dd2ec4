//go:build unix

package server

import (
	"cmp"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/testkit"
)

// TestBrowserTabReloads opens a pearl in headless Chromium, saves a new
// title, and expects the tab to show it: the injected script runs under
// the theme's Content-Security-Policy, hears the reload event and
// reloads. It needs chromium on PATH and is skipped without it.
func TestBrowserTabReloads(t *testing.T) {
	ts := start(t, portal(t), "")
	title := openInChromium(t, ts.url+pearlPath)
	waitTitle(t, title, "Yhteinen tavoite")
	ts.write(pearlFile, strings.Replace(pearl("Teksti."), "title: Yhteinen tavoite", "title: Selaimen otsikko", 1))
	waitTitle(t, title, "Selaimen otsikko")
}

// TestBrowserErrorPageReloadsWhenFixed starts serve on a broken portal:
// the tab shows the error page, and the page itself once the error is
// fixed, without the editor reloading it.
func TestBrowserErrorPageReloadsWhenFixed(t *testing.T) {
	t.Setenv(diag.LangEnv, "fi")
	content := brokenPortal(t)
	ts := start(t, content, "")
	title := openInChromium(t, ts.url+pearlPath)
	waitTitle(t, title, "Sivustoa ei voitu rakentaa")
	ts.write(pearlFile, pearl("Korjattu."))
	waitTitle(t, title, "Yhteinen tavoite")
}

// waitTitle waits until the tab's title starts with want.
func waitTitle(t *testing.T, title func() string, want string) {
	t.Helper()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	end := time.After(deadline)
	for !strings.HasPrefix(title(), want) {
		select {
		case <-tick.C:
		case <-end:
			t.Fatalf("the tab's title is %q, never %q", title(), want)
		}
	}
}

// openInChromium opens url in headless Chromium and returns a function
// telling the title of its tab. It needs chromium on PATH (or $CHROMIUM):
// see testkit.Tool for a missing one.
func openInChromium(t *testing.T, url string) func() string {
	t.Helper()
	if testing.Short() {
		t.Skip("opens Chromium; skipped with -short")
	}
	chromium := testkit.Tool(t, cmp.Or(os.Getenv("CHROMIUM"), "chromium"), "HELMINAUHA_NEED_CHROMIUM", "make deps-test installs it (bash .ci/deps.sh), or set CHROMIUM to a Chromium-based browser")
	// Not t.TempDir: Chromium's helper processes may still write into the
	// profile while it is removed.
	profile, err := os.MkdirTemp("", "helminauha-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--remote-debugging-port=0", "--user-data-dir="+profile, url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the browser and its helpers
		cmd.Wait()
		os.RemoveAll(profile)
	})
	// Chromium writes the port it chose to DevToolsActivePort.
	var port string
	ready := func() string {
		b, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort"))
		port, _, _ = strings.Cut(string(b), "\n")
		if err != nil || port == "" {
			return ""
		}
		return "ready"
	}
	waitTitle(t, ready, "ready")
	return func() string {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		var tabs []struct{ Title, URL string }
		json.NewDecoder(resp.Body).Decode(&tabs)
		for _, tab := range tabs {
			if tab.URL == url {
				return tab.Title
			}
		}
		return ""
	}
}
