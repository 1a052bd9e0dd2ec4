package render

import (
	"testing"
)

// BenchmarkRenderPearl renders one pearl page of the fixture, body
// included: go test ./internal/render -bench . -benchmem
func BenchmarkRenderPearl(b *testing.B) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	var job Job
	for _, j := range th.Jobs(s) {
		if j.Path == "helmet/yhteinen-tavoite/index.html" {
			job = j
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := th.Render(s, job); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPearlParallel is the same on every core, as the build
// runs it.
func BenchmarkRenderPearlParallel(b *testing.B) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	var job Job
	for _, j := range th.Jobs(s) {
		if j.Path == "helmet/yhteinen-tavoite/index.html" {
			job = j
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := th.Render(s, job); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkJobs(b *testing.B) {
	s := loadSite(b, "site.txtar", "", false)
	th := theme(b)
	b.ReportAllocs()
	for b.Loop() {
		th.Jobs(s)
	}
}
