package server

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

// The log lines this package's tests read are pinned in English; the
// overlay's tests choose their language themselves.
func init() { os.Setenv(diag.LangEnv, "en") }

func TestOverlayInBothLanguages(t *testing.T) {
	errs := diag.List{diag.New(diag.Pos{File: "content/helmet/a.md", Line: 1, Col: 1}, diag.ContentKeyMissing, "date", "date")}
	for _, tc := range []struct {
		lang diag.Lang
		want []string
	}{
		{diag.Finnish, []string{`lang="fi"`, "<button type=\"button\">Sulje</button>", "<h2>Sivustoa ei voitu rakentaa: 3 virhettä</h2>",
			"Näet viimeisimmän onnistuneen version", `content/helmet/a.md:1:1: pakollinen asetus &#34;date&#34; puuttuu`, "… ja 2 muuta virhettä"}},
		{diag.English, []string{`lang="en"`, "<button type=\"button\">Close</button>", "<h2>The portal could not be built: 3 errors</h2>",
			"You see the last good version", `content/helmet/a.md:1:1: required key &#34;date&#34; is missing`, "… and 2 more errors"}},
		{diag.Swedish, []string{`lang="sv"`, "<button type=\"button\">Stäng</button>", "<h2>Webbplatsen kunde inte byggas: 3 fel</h2>",
			"Du ser den senaste versionen som lyckades", `content/helmet/a.md:1:1: den obligatoriska nyckeln &#34;date&#34; saknas`, "… och ytterligare 2 fel"}},
	} {
		got := overlay(errs, 2, true, tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s overlay lacks %q:\n%s", tc.lang, w, got)
			}
		}
	}
	if got := overlay(errs, 0, false, diag.Finnish); !strings.Contains(got, "<h2>Sivustoa ei voitu rakentaa: 1 virhe</h2>") {
		t.Errorf("one error: %s", got)
	}
}

func TestNotFoundPageInEachLanguage(t *testing.T) {
	for l, want := range map[diag.Lang]string{
		diag.Finnish: `<html lang="fi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sivua ei löydy</title>`,
		diag.English: `<html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page not found</title>`,
		diag.Swedish: `<html lang="sv"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sidan hittades inte</title>`,
	} {
		if got := notFoundPage(l); !strings.Contains(got, want) {
			t.Errorf("%s: %s, want %s", l, got, want)
		}
	}
}

// The watcher's messages are in the log's language, which follows the
// build's (site.yaml's language) as every other line: one from before
// the first build waits for it.
func TestWatcherMessagesFollowTheBuildsLanguage(t *testing.T) {
	var log strings.Builder
	srv := &server{opts: Options{Log: &log}, st: &state{lang: diag.English}}
	srv.say(diag.ServeWatchError.With("x"))
	if log.Len() != 0 {
		t.Fatalf("printed before the first build: %q", log.String())
	}
	srv.st = &state{gen: 1, lang: diag.Swedish}
	srv.sayHeld(srv.st.lang)
	srv.say(diag.ServeWatchError.With("y"))
	want := "det uppstod ett fel när ändringarna följdes (x): hela webbplatsen byggs på nytt\n" +
		"det uppstod ett fel när ändringarna följdes (y): hela webbplatsen byggs på nytt\n"
	if log.String() != want {
		t.Errorf("got\n%s\nwant\n%s", log.String(), want)
	}
}

// TestRefusalsInEachLanguage: what serve answers to a path it refuses and
// to a method it does not take is in the editor's language, as its other
// pages are (English "bad path" and "method not allowed" before
// 2026-12-07).
func TestRefusalsInEachLanguage(t *testing.T) {
	content := portal(t)
	for _, tc := range []struct {
		lang            string
		badPath, method string
	}{
		{"fi", "Osoitteessa on jotain, mitä sivuston osoitteissa ei ole (.., koodattu piste tai kauttaviiva, kenoviiva tai NUL)\n",
			"Esikatselu vastaa vain pyyntöihin GET ja HEAD\n"},
		{"en", "The address has what no address of the site has (.., an encoded dot or slash, a backslash or NUL)\n",
			"serve answers only GET and HEAD\n"},
		{"sv", "Adressen innehåller något som ingen adress på webbplatsen har (.., en kodad punkt eller ett kodat snedstreck, ett omvänt snedstreck eller NUL)\n",
			"Förhandsgranskningen svarar bara på GET och HEAD\n"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ts := start(t, content, "", func(o *Options) { o.Lang = tc.lang })
			host := strings.TrimPrefix(ts.url, "http://")
			if status, body := rawGet(t, host, "/%2e%2e/site.yaml"); status != 400 || body != tc.badPath {
				t.Errorf("a path with %%2e%%2e: %d %q, want 400 %q", status, body, tc.badPath)
			}
			// The reload stream and script too: a POST to the stream held a
			// connection open until serve stopped (before 2026-12-07).
			for _, path := range []string{"/", eventsPath, scriptPath} {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				req, _ := http.NewRequestWithContext(ctx, "POST", ts.url+path, strings.NewReader("x"))
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					cancel()
					t.Fatalf("POST %s: %v", path, err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				cancel()
				if resp.StatusCode != 405 || string(body) != tc.method || resp.Header.Get("Allow") != "GET, HEAD" {
					t.Errorf("POST %s: %d %q (Allow %q), want 405 %q (Allow \"GET, HEAD\")", path, resp.StatusCode, body, resp.Header.Get("Allow"), tc.method)
				}
			}
		})
	}
}
