package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestContentFolderReplaced replaces the whole content folder while
// serving, as a git checkout of another branch, a sync tool or an editor
// saving by rename does, and expects the new folder's text served and
// its later edits seen.
func TestContentFolderReplaced(t *testing.T) {
	styles := []struct {
		name    string
		replace func(t *testing.T, content, fresh string)
	}{
		{"deleted and made again", func(t *testing.T, content, fresh string) {
			if err := os.RemoveAll(content); err != nil {
				t.Fatal(err)
			}
			copyTree(t, fresh, content)
		}},
		{"another renamed over it", func(t *testing.T, content, fresh string) {
			if err := os.Rename(content, content+".vanha"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(fresh, content); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range styles {
		t.Run(tc.name, func(t *testing.T) {
			content := portal(t)
			ts := start(t, content, "")
			fresh := filepath.Join(filepath.Dir(content), "uusi")
			copyTree(t, content, fresh)
			if err := os.WriteFile(filepath.Join(fresh, filepath.FromSlash(pearlFile)), []byte(pearl("Toisen haaran teksti.")), 0o644); err != nil {
				t.Fatal(err)
			}
			tc.replace(t, content, fresh)
			ts.waitFor(pearlPath, shows("Toisen haaran teksti."))

			// The new folder is watched: an edit in it, and in a folder
			// under it, is seen.
			ts.write(pearlFile, pearl("Muokattu uudessa kansiossa."))
			ts.waitFor(pearlPath, shows("Muokattu uudessa kansiossa."))
			ts.write("sivut/tietoa.md", "---\ntitle: Tietoa\n---\nAlikansio seurattu.\n")
			ts.waitFor("/tietoa/", shows("Alikansio seurattu."))

			// The old folder renamed away is not what is served.
			if old := content + ".vanha"; tc.name == "another renamed over it" {
				os.WriteFile(filepath.Join(old, filepath.FromSlash(pearlFile)), []byte(pearl("Vanha kansio.")), 0o644)
				ts.write(pearlFile, pearl("Uusin tallennus."))
				body := ts.waitFor(pearlPath, shows("Uusin tallennus."))
				if strings.Contains(body, "Vanha kansio.") {
					t.Error("the folder renamed away is served")
				}
			}
		})
	}
}

// TestContentFolderGoneForAWhile removes the content folder: the last
// good site stays served with an error saying so, and the folder made
// again is served.
func TestContentFolderGoneForAWhile(t *testing.T) {
	content := portal(t)
	ts := start(t, content, "")
	saved := filepath.Join(filepath.Dir(content), "talteen")
	copyTree(t, content, saved)
	if err := os.RemoveAll(content); err != nil {
		t.Fatal(err)
	}
	body := ts.waitFor(pearlPath, func(_ int, body string) bool { return strings.Contains(body, "the folder was removed") })
	if !strings.Contains(body, `id="helminauha-overlay"`) || !strings.Contains(body, "Yhteinen tavoite") {
		t.Errorf("want the last good page with the overlay:\n%s", body)
	}
	if err := os.WriteFile(filepath.Join(saved, filepath.FromSlash(pearlFile)), []byte(pearl("Palautettu.")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(saved, content); err != nil {
		t.Fatal(err)
	}
	ts.waitFor(pearlPath, shows("Palautettu."))
}

// TestThemesFolderReplaced does the same to the themes folder.
func TestThemesFolderReplaced(t *testing.T) {
	content := portal(t)
	themes := filepath.Join(filepath.Dir(content), "themes")
	copyTree(t, filepath.Join("..", "..", "themes", "helminauha"), filepath.Join(themes, "helminauha"))
	ts := start(t, content, themes)

	fresh := filepath.Join(filepath.Dir(content), "uudet-teemat")
	copyTree(t, themes, fresh)
	mark := func(dir, text string) {
		t.Helper()
		tmpl := filepath.Join(dir, "helminauha", "templates", "pearl.html")
		src, err := os.ReadFile(filepath.Join("..", "..", "themes", "helminauha", "templates", "pearl.html"))
		if err != nil {
			t.Fatal(err)
		}
		changed := strings.Replace(string(src), `{{define "main" -}}`, `{{define "main" -}}<p>`+text+`</p>`, 1)
		if changed == string(src) {
			t.Fatal(`pearl.html has no {{define "main" -}}`)
		}
		if err := os.WriteFile(tmpl, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mark(fresh, "Uusi teemakansio")
	if err := os.RemoveAll(themes); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(fresh, themes); err != nil {
		t.Fatal(err)
	}
	ts.waitFor(pearlPath, shows("<p>Uusi teemakansio</p>"))
	mark(themes, "Muokattu teema")
	ts.waitFor(pearlPath, shows("<p>Muokattu teema</p>"))
}

// TestFirstBuildFails starts serve on a portal with an error: there is no
// good version, so every page is an error page with the overlay that
// says so and reloads, and the terminal says the same.
func TestFirstBuildFails(t *testing.T) {
	t.Setenv(diag.LangEnv, "fi")
	content := brokenPortal(t)
	ts := start(t, content, "")
	for _, path := range []string{"/", pearlPath, "/helmet/luottamus/", "/ei-ole/", "/index.html"} {
		status, body := ts.get(path)
		if status != http.StatusServiceUnavailable {
			t.Errorf("%s: got %d, want 503", path, status)
		}
		for _, want := range []string{
			`<html lang="fi"`, "Sivustoa ei voitu rakentaa", `id="helminauha-overlay"`,
			"Sivustosta ei ole vielä yhtään onnistunutta versiota",
			"content/helmet/yhteinen-tavoite.md:3:",
			fmt.Sprintf(`<script src="/__helminauha/reload.js" data-gen="%d" defer></script>`, ts.gen),
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q:\n%s", path, want, body)
			}
		}
		if strings.Contains(body, "Näet viimeisimmän onnistuneen version") {
			t.Errorf("%s claims to show the last good version", path)
		}
	}
	// A file that is not a page gets the errors as text.
	resp, err := http.Get(ts.url + "/assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	text, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") || !strings.Contains(string(text), "content/helmet/yhteinen-tavoite.md:3:") {
		t.Errorf("a stylesheet: got %d %s:\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), text)
	}
	log := ts.log.String()
	if strings.Contains(log, "viimeisimmän onnistuneen version") || !strings.Contains(log, "onnistunutta versiota ei vielä ole") {
		t.Errorf("the terminal does not say the truth:\n%s", log)
	}
	ts.write(pearlFile, pearl("Korjattu."))
	ts.waitFor(pearlPath, shows("Korjattu."))
}

// TestMoreErrorsSayWhereTheRestAre: past MaxErrors, serve counts the
// errors left out and says that check lists them all, in the terminal,
// the overlay and the text of a file asked for; build's words ("fix the
// ones above and run the command again") would send the editor to
// start serve again, which finds its own port in use.
func TestMoreErrorsSayWhereTheRestAre(t *testing.T) {
	t.Setenv(diag.LangEnv, "fi")
	content := portal(t)
	for i := range 55 {
		text := strings.Replace(pearl("Rikki."), "theme: verkostotyo", "theme: olematon", 1)
		if err := os.WriteFile(filepath.Join(content, "helmet", fmt.Sprintf("rikki-%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts := start(t, content, "")
	const want, wrong = "(kaikki: helminauha check)", "aja komento uudelleen"
	_, page := ts.get("/")
	_, css := ts.get("/assets/style.css")
	for what, text := range map[string]string{"the terminal": ts.log.String(), "the overlay": page, "a stylesheet": css} {
		if !strings.Contains(text, want) || strings.Contains(text, wrong) {
			t.Errorf("%s does not say %q, or says %q:\n%s", what, want, wrong, text)
		}
	}
}

func TestHostHeaderIsChecked(t *testing.T) {
	ts := start(t, portal(t), "")
	addr := strings.TrimPrefix(ts.url, "http://")
	_, port, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		host string
		want int
	}{
		{addr, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST.:" + port, 200},
		{"portaali.localhost:" + port, 200},
		{"127.0.0.2:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example:" + port, 403},
		{"evil.example", 403},
		{"127.0.0.1.nip.io:" + port, 403},
		{"localhost.evil.example:" + port, 403},
		{"192.168.1.5:" + port, 403}, // listening on 127.0.0.1 only
	} {
		for _, path := range []string{pearlPath, "/helmet/luonnos/", eventsPath, scriptPath} {
			status, body := hostGet(t, addr, tc.host, path)
			if status != tc.want {
				t.Errorf("Host %q, %s: got %d, want %d", tc.host, path, status, tc.want)
			}
			if tc.want == 403 && (strings.Contains(body, "Luonnos") || strings.Contains(body, "Yhteinen")) {
				t.Errorf("Host %q: served the page", tc.host)
			}
			if tc.want == 403 && path != eventsPath && !strings.Contains(body, "is not allowed: open the portal at the address helminauha serve prints") {
				t.Errorf("Host %q: the refusal does not say what to do: %q", tc.host, body)
			}
		}
	}
	if log := ts.log.String(); strings.Count(log, `refused a request for host "evil.example"`) != 1 || !strings.Contains(log, `--allow-host "evil.example"`) {
		t.Errorf("the terminal should name each refused host once, with the flag that allows it:\n%s", log)
	}
}

func TestHostCheck(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	all := &net.TCPAddr{IP: net.IPv6unspecified, Port: 1313}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 1313}
	for _, tc := range []struct {
		bound   net.Addr
		allowed []string
		host    string
		want    bool
	}{
		{loop, nil, "127.0.0.1:1313", true},
		{loop, nil, "localhost", true},
		{loop, nil, "", false},
		{loop, nil, "attacker.example:1313", false},
		{loop, nil, "192.168.1.5:1313", false},
		{lan, nil, "192.168.1.5:1313", true},
		{lan, nil, "192.168.1.6:1313", false},
		{lan, nil, "kone.lan:1313", false},
		{all, nil, "10.0.0.7:1313", true}, // an address cannot be rebound
		{all, nil, "kone.lan:1313", false},
		{lan, []string{"kone.lan"}, "KONE.lan:1313", true},
		{lan, []string{"a.test, kone.lan"}, "kone.lan", true},
		{lan, []string{"kone.lan"}, "muu.lan", false},
		{lan, []string{"*"}, "muu.lan", true},
	} {
		if got := newHostCheck(tc.bound, tc.allowed).allows(tc.host); got != tc.want {
			t.Errorf("bound %v, allowed %q, Host %q: got %t, want %t", tc.bound, tc.allowed, tc.host, got, tc.want)
		}
	}
}

func TestAddrNameIsAllowed(t *testing.T) {
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 1313}
	hc := newHostCheck(lan, allowedHosts(Options{Addr: "kone.lan:1313", AllowedHosts: []string{"a.test"}}))
	for host, want := range map[string]bool{"kone.lan:1313": true, "a.test": true, "muu.lan:1313": false} {
		if got := hc.allows(host); got != want {
			t.Errorf("--addr kone.lan:1313, Host %q: got %t, want %t", host, got, want)
		}
	}
	if got := allowedHosts(Options{Addr: "127.0.0.1:1313"}); len(got) != 0 {
		t.Errorf("an address is no name: got %q", got)
	}
}

// hostGet sends a GET for target, exactly as written, to addr with the
// given Host header and returns the status and at most the first 64 KB
// of the body (the event stream does not end).
func hostGet(t *testing.T, addr, host, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, deadline)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if target == eventsPath {
		conn.Close() // the stream does not end, and closing the body would wait for it
		return resp.StatusCode, ""
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, string(body)
}

// TestLinkedContentFolder serves a content folder that is a symbolic
// link, as when the content lives in a repository of its own: edits in
// it are seen, and when the link is pointed at another folder (ln -sfn,
// a release switch), that folder is served and watched.
func TestLinkedContentFolder(t *testing.T) {
	real := portal(t)
	base := filepath.Dir(real)
	a, b := filepath.Join(base, "julkaisu-a"), filepath.Join(base, "julkaisu-b")
	if err := os.Rename(real, a); err != nil {
		t.Fatal(err)
	}
	copyTree(t, a, b)
	if err := os.WriteFile(filepath.Join(b, filepath.FromSlash(pearlFile)), []byte(pearl("Julkaisu B.")), 0o644); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(base, "content")
	if err := os.Symlink("julkaisu-a", content); err != nil {
		t.Fatal(err)
	}
	ts := start(t, content, "")
	ts.write(pearlFile, pearl("Linkin takana muokattu."))
	ts.waitFor(pearlPath, shows("Linkin takana muokattu."))

	// ln -sfn: a new link renamed over the old one.
	if err := os.Symlink("julkaisu-b", content+".uusi"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(content+".uusi", content); err != nil {
		t.Fatal(err)
	}
	ts.waitFor(pearlPath, shows("Julkaisu B."))
	ts.write(pearlFile, pearl("Uuden linkin takana."))
	ts.waitFor(pearlPath, shows("Uuden linkin takana."))
}
