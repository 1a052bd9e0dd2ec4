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
)

// TestBrowserTabReloads opens a pearl in headless Chromium, saves a new
// title, and expects the tab to show it: the injected script runs under
// the theme's Content-Security-Policy, hears the reload event and
// reloads. It needs chromium on PATH and is skipped without it.
func TestBrowserTabReloads(t *testing.T) {
	chromium, err := exec.LookPath(cmp.Or(os.Getenv("CHROMIUM"), "chromium"))
	if err != nil || testing.Short() {
		t.Skip("no chromium on PATH, or -short")
	}
	ts := start(t, portal(t), "")
	// Not t.TempDir: Chromium's helper processes may still write into the
	// profile while it is removed.
	profile, err := os.MkdirTemp("", "helminauha-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--remote-debugging-port=0", "--user-data-dir="+profile, ts.url+pearlPath)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the browser and its helpers
		cmd.Wait()
		os.RemoveAll(profile)
	})

	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	end := time.After(deadline)
	wait := func(what string, ok func() bool) {
		t.Helper()
		for !ok() {
			select {
			case <-tick.C:
			case <-end:
				t.Fatalf("the browser never got to %s", what)
			}
		}
	}
	// Chromium writes the port it chose to DevToolsActivePort.
	var port string
	wait("listening for DevTools", func() bool {
		b, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort"))
		port, _, _ = strings.Cut(string(b), "\n")
		return err == nil && port != ""
	})
	title := func() string {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		var tabs []struct{ Title, URL string }
		json.NewDecoder(resp.Body).Decode(&tabs)
		for _, tab := range tabs {
			if tab.URL == ts.url+pearlPath {
				return tab.Title
			}
		}
		return ""
	}
	wait("the pearl's page", func() bool { return strings.HasPrefix(title(), "Yhteinen tavoite") })
	ts.write(pearlFile, strings.Replace(pearl("Teksti."), "title: Yhteinen tavoite", "title: Selaimen otsikko", 1))
	wait("the new title", func() bool { return strings.HasPrefix(title(), "Selaimen otsikko") })
}
