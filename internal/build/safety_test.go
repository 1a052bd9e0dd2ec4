package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/helminauha/helminauha/internal/build"
)

// TestNoInjectionReachesTheOutput builds a portal full of injection
// attempts and asserts that no script element (except the theme's own
// external modules), no event-handler attribute, no style attribute and
// no javascript:/vbscript:/data: URL reaches any page, and that every page
// carries the Content-Security-Policy.
func TestNoInjectionReachesTheOutput(t *testing.T) {
	for _, minify := range []bool{false, true} {
		res, err := build.Build(context.Background(), build.Options{
			Content: fixture(t, "injection.txtar"), ContentName: "content", Minify: minify,
		})
		if err != nil {
			t.Fatalf("%v\n%v", err, res.Diags.Err())
		}
		pages := 0
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Path, ".html") {
				continue
			}
			pages++
			for _, problem := range unsafeParts(f.Data) {
				t.Errorf("minify=%v %s: %s", minify, f.Path, problem)
			}
			if !bytes.Contains(f.Data, []byte(`http-equiv="Content-Security-Policy"`)) ||
				!bytes.Contains(f.Data, []byte("default-src 'self'")) {
				t.Errorf("%s has no Content-Security-Policy", f.Path)
			}
		}
		if pages < 8 {
			t.Fatalf("only %d pages built", pages)
		}
		// The attempts are shown as text: the reader sees what was written.
		x := string(fileMap(res.Files)["helmet/x/index.html"])
		if !strings.Contains(x, "&lt;svg onload=alert(1)") {
			t.Errorf("the pearl's title is not shown escaped")
		}
	}
}

func unsafeParts(data []byte) []string {
	var problems []string
	l := html.NewLexer(parse.NewInputBytes(data))
	inScript := false
	scriptHasSrc := false
	// A script element of type application/json is data (the theme's
	// words for its scripts), which a browser never runs: its text must
	// be JSON.
	scriptIsData := false
	for {
		tt, text := l.Next()
		switch tt {
		case html.ErrorToken:
			return problems
		case html.StartTagToken:
			name := strings.ToLower(string(l.Text()))
			inScript = name == "script"
			scriptHasSrc, scriptIsData = false, false
			switch name {
			case "iframe", "object", "embed", "base":
				problems = append(problems, "element <"+name+">")
			}
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := strings.ToLower(strings.TrimSpace(string(bytes.Trim(l.AttrVal(), `"'`))))
			if strings.HasPrefix(key, "on") {
				problems = append(problems, "event handler "+string(text))
			}
			if key == "style" {
				problems = append(problems, "style attribute "+string(text))
			}
			if key == "type" && inScript && val == "application/json" {
				scriptIsData = true
			}
			if key == "src" && inScript {
				scriptHasSrc = true
				if !strings.Contains(val, "/assets/") {
					problems = append(problems, "script from "+val)
				}
			}
			if key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href" {
				for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
					if strings.HasPrefix(strings.ReplaceAll(val, "&#", ""), scheme) || strings.HasPrefix(val, scheme) {
						problems = append(problems, "URL "+string(text))
					}
				}
			}
		case html.StartTagCloseToken:
			// <script src=…></script> from the theme is fine; anything
			// else in a script element is inline script.
		case html.TextToken:
			if inScript && !scriptHasSrc && len(bytes.TrimSpace(text)) > 0 {
				var v map[string]string
				if !scriptIsData || json.Unmarshal(text, &v) != nil {
					problems = append(problems, "inline script "+string(text))
				}
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}
