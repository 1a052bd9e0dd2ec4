package yamldoc

import "testing"

// A pearl's front matter as editors write it.
var frontMatter = []byte(`title: Yhteinen tavoite verkostossa
theme: verkostotyo
summary: "Verkoston jäsenet sitoutuvat työhön, kun tavoite on yhteinen: näin se sanotaan ääneen."
kind: menetelma
audience: [johto, esihenkilot]
tags: [tavoitteet, verkostot, yhteistyö]
projects: [Verkostoloikka]
date: 2022-06-01
related: [luottamus, roolit]
`)

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, p := Parse(frontMatter); p != nil {
			b.Fatal(p.Text)
		}
	}
}
