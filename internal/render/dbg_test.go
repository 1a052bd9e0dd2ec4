package render

import "testing"

func BenchmarkKinds(b *testing.B) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	for _, j := range th.Jobs(s) {
		switch j.Path {
		case "haku/index.html", "helmet/yhteinen-tavoite/index.html", "helmet/tauot/index.html", "index.html", "404.html":
		default:
			continue
		}
		b.Run(j.Path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				th.Render(s, j)
			}
		})
	}
	p := s.Pearls[0]
	b.Run("bodyonly", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			body(p.Doc, p.Links)
		}
	})
}
