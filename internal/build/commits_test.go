package build

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestSessionHashesEachCommitDatesOnce: the dates of the last commits
// are in every page's fingerprint (a pearl shows its file's as
// "Päivitetty"). serve gives a session the same map of them until it
// reads git again, which makes a new map: a full rebuild with the same
// map does not sort and hash its dates again (78-119 ms at 100,000
// files, every rebuild, before 2026-12-07), and one with a new map shows
// the new dates.
func TestSessionHashesEachCommitDatesOnce(t *testing.T) {
	fsys := fixture(t)
	const page, updated = "helmet/luottamus/index.html", `<dt>Päivitetty</dt><dd><time datetime="`
	dates := map[string]time.Time{"helmet/luottamus.md": time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true,
		LastCommits: func() map[string]time.Time { return dates }})
	for _, step := range []struct {
		name   string
		dates  map[string]time.Time // nil: the same map as before
		hashed int                  // maps hashed so far
		date   string               // the page's "Päivitetty" date
	}{
		{"the first build", nil, 1, "2024-03-05"},
		{"a full rebuild with the same map", nil, 1, "2024-03-05"},
		{"another", nil, 1, "2024-03-05"},
		{"git read again after a commit", map[string]time.Time{"helmet/luottamus.md": time.Date(2025, 6, 7, 12, 0, 0, 0, time.UTC)}, 2, "2025-06-07"},
		{"a full rebuild with that map", nil, 2, "2025-06-07"},
		{"git read again after a checkout", map[string]time.Time{"helmet/luottamus.md": time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}, 3, "2024-03-05"},
	} {
		if step.dates != nil {
			dates = step.dates
		}
		res, err := ss.Rebuild(context.Background(), Changes{All: true})
		if err != nil {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		if ss.commitsHashed != step.hashed {
			t.Errorf("%s: %d maps of dates hashed, want %d", step.name, ss.commitsHashed, step.hashed)
		}
		var html string
		for _, f := range res.Files {
			if f.Path == page {
				html = string(f.Data)
			}
		}
		if !strings.Contains(html, updated+step.date+`"`) {
			t.Errorf("%s: %s does not show %s as its date:\n%s", step.name, page, step.date, html)
		}
	}
}

// BenchmarkCommitsHash is a full plan's hash of the dates of 100,000
// files: a map read from git anew, and the same map again.
func BenchmarkCommitsHash(b *testing.B) {
	dates := make(map[string]time.Time, 100_000)
	for i := range 100_000 {
		dates[fmt.Sprintf("helmet/helmi-%06d.md", i)] = time.Unix(1_700_000_000+int64(i)*60, 0)
	}
	b.Run("new map", func(b *testing.B) {
		for b.Loop() {
			ss := &Session{}
			ss.commitsHash(dates)
		}
	})
	b.Run("same map", func(b *testing.B) {
		ss := &Session{}
		ss.commitsHash(dates)
		for b.Loop() {
			ss.commitsHash(dates)
		}
	})
}
