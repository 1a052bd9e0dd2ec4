package site_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/site"
)

// TestNewestOrder: the feed's list holds every pearl and case, newest
// first, and those of one date by their address.
func TestNewestOrder(t *testing.T) {
	dates := []string{"2024-01-01", "2023-05-05", "2024-03-02"}
	fsys := portal(30, none, none, func(n int) map[string]string {
		files := map[string]string{}
		for i := range 4 {
			files[fmt.Sprintf("caset/tapaus-%d.md", 3-i)] = fmt.Sprintf("---\ntitle: T%d\norganization: O\nthemes: [johtaminen]\nsummary: S.\ndate: %s\n---\n", i, dates[i%len(dates)])
		}
		return files
	})
	for i := range 30 {
		name := "helmet/" + slug(i) + ".md"
		fsys[name].Data = []byte(strings.Replace(string(fsys[name].Data), "2024-01-01", dates[(i*7)%len(dates)], 1))
	}
	s, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var want []site.Dated
	for _, p := range s.Pearls {
		want = append(want, site.Dated{Node: p.Node, Date: p.Date})
	}
	for _, c := range s.Cases {
		want = append(want, site.Dated{Node: c.Node, Date: c.Date})
	}
	slices.SortFunc(want, func(x, y site.Dated) int {
		return cmp.Or(y.Date.Compare(x.Date), strings.Compare(x.Path, y.Path))
	})
	var got, wanted []string
	for i := range max(len(want), len(s.Newest)) {
		if i < len(s.Newest) {
			got = append(got, s.Newest[i].Date.Format("2006-01-02")+" "+s.Newest[i].Path)
		}
		if i < len(want) {
			wanted = append(wanted, want[i].Date.Format("2006-01-02")+" "+want[i].Path)
		}
	}
	if g, w := strings.Join(got, "\n"), strings.Join(wanted, "\n"); g != w || len(got) != 34 {
		t.Errorf("Newest:\n%s\nwant:\n%s", g, w)
	}
}
