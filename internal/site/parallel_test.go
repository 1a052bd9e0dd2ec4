package site_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/site"
)

// TestModelOnTwoCoresAsOnOne: a portal large enough that Build resolves
// the pearls' links and sorts the pearls in ranges on two cores, with
// links that work, break, or name headings that do or do not exist in
// both ranges, gives the same problems, in the same order, and the same
// model as on one core (run it with -race too: each range has caches of
// its own).
func TestModelOnTwoCoresAsOnOne(t *testing.T) {
	const n = 5000
	fsys := portal(n, func(i, n int) string {
		if i%7 == 0 {
			return fmt.Sprintf("related: [%s, puuttuva-%d]\n", slug((i*31+5)%n), i%3)
		}
		return ""
	}, func(i, n int) string {
		body := fmt.Sprintf("## Otsikko %d\n\n[a](../helmet/%s.md) [b](/helmet/%s/#otsikko-%d)", i, slug((i*17+3)%n), slug((i+1)%n), (i+1)%n)
		switch i % 5 {
		case 1:
			body += fmt.Sprintf(" [c](../helmet/%s.md#ei-ole)", slug((i*13)%n))
		case 2:
			body += fmt.Sprintf(" [d](../helmet/helmi-numer-%04d.md)", i)
		case 3:
			body += " [e](/ei/ole/) [f](../static/kuva.png) [g](Helmi 3)"
		}
		return body
	}, nil)
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		t.Fatal(diags)
	}
	build := func(procs int) ([]string, [][]string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		set, _ := content.Load(context.Background(), fsys, "content")
		s, diags := site.Build(cfg, set, site.Options{})
		var msgs []string
		for _, e := range diags {
			msgs = append(msgs, e.In(diag.English))
		}
		var model [][]string
		for _, p := range s.Pearls {
			line := []string{p.Slug}
			for _, dest := range slices.Sorted(func(yield func(string) bool) {
				for d := range p.Links {
					if !yield(d) {
						return
					}
				}
			}) {
				line = append(line, dest+" -> "+p.Links[dest])
			}
			for _, r := range p.Related {
				line = append(line, "related "+r.Slug)
			}
			model = append(model, line)
		}
		return msgs, model
	}
	oneMsgs, oneModel := build(1)
	twoMsgs, twoModel := build(2)
	if len(oneMsgs) < n {
		t.Fatalf("only %d problems: the portal should break a link in most pearls", len(oneMsgs))
	}
	if !slices.Equal(oneMsgs, twoMsgs) {
		for i := range min(len(oneMsgs), len(twoMsgs)) {
			if oneMsgs[i] != twoMsgs[i] {
				t.Fatalf("problem %d of %d/%d differs:\none core:  %s\ntwo cores: %s", i, len(oneMsgs), len(twoMsgs), oneMsgs[i], twoMsgs[i])
			}
		}
		t.Fatalf("%d problems on one core, %d on two", len(oneMsgs), len(twoMsgs))
	}
	for i := range oneModel {
		if !slices.Equal(oneModel[i], twoModel[i]) {
			t.Fatalf("pearl %d:\none core:  %q\ntwo cores: %q", i, oneModel[i], twoModel[i])
		}
	}
}
