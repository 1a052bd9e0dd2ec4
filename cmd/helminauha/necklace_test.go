package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A theme copied from the built-in one before the necklace data came in
// shards reads oma-helminauha/helmet.json. The build still writes that
// file, every pearl in it, and says where the theme names it and what to
// take instead; with the built-in theme only the shards are written.
func TestOldThemeStillGetsTheWholeNecklace(t *testing.T) {
	dir := portal(t)
	whole := filepath.Join(dir, "public", "oma-helminauha", "helmet.json")
	code, before, stderr := helminauha(t, dir, "build", "--lang", "en")
	if code != 0 {
		t.Fatalf("build with the built-in theme: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(whole); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the built-in theme's build wrote %s (err %v); only the shards are its", whole, err)
	}
	shards := map[string]json.RawMessage{}
	files, _ := filepath.Glob(filepath.Join(dir, "public", "oma-helminauha", "helmet", "*.json"))
	for _, f := range files {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(read(t, f), &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		maps.Copy(shards, m)
	}
	if len(shards) == 0 {
		t.Fatal("no pearls in the necklace data's shards")
	}

	theme := filepath.Join(dir, "themes", "helminauha")
	copyTheme(t, theme)
	page := filepath.Join(theme, "templates", "necklace.html")
	src := string(read(t, page))
	if !strings.Contains(src, `oma-helminauha/helmet/"`) {
		t.Fatalf("necklace.html no longer names the shards' folder as this test expects:\n%s", src)
	}
	write(t, page, strings.Replace(src, `oma-helminauha/helmet/"`, `oma-helminauha/helmet.json"`, 1))
	code, stdout, stderr := helminauha(t, dir, "build", "--lang", "en")
	if code != 0 {
		t.Fatalf("build with the old theme: exit %d\n%s", code, stderr)
	}
	if got, want := warnings(t, stdout), warnings(t, before)+1; got != want {
		t.Errorf("build counts %d warnings with the old theme, want %d (one more than with the built-in theme):\n%s", got, want, stdout)
	}
	_, checked, _ := helminauha(t, dir, "check", "--lang", "en")
	if want := "themes/helminauha/templates/necklace.html:21:91: warning: the theme reads oma-helminauha/helmet.json, every pearl in one file"; !strings.Contains(checked, want) {
		t.Errorf("check does not tell where the theme names helmet.json: want %q in\n%s", want, checked)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(read(t, whole), &all); err != nil {
		t.Fatalf("%s: %v", whole, err)
	}
	if got, want := slices.Sorted(maps.Keys(all)), slices.Sorted(maps.Keys(shards)); !slices.Equal(got, want) {
		t.Errorf("helmet.json holds %d pearls, the shards %d: %v, want %v", len(got), len(want), got, want)
	}
	for slug, entry := range shards {
		if string(all[slug]) != string(entry) {
			t.Errorf("pearl %s: helmet.json has %s, its shard %s", slug, all[slug], entry)
		}
	}
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// warnings is the count of warnings a build's summary gives.
func warnings(t *testing.T, stdout string) int {
	t.Helper()
	m := regexp.MustCompile(`(\d+) warnings? \(helminauha check`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no count of warnings in the build's output:\n%s", stdout)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
