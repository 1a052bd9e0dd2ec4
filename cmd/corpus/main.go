// Command corpus writes a synthetic portal for benchmarks: DIR/content in
// helminauha's content format and DIR/hugo as the equivalent Hugo site.
//
//	go run ./cmd/corpus -n 1000 -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/helminauha/helminauha/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pearls")
	out := flag.String("out", "", "folder to write content/ and hugo/ into (required; must not exist or be empty)")
	seed := flag.Uint64("seed", 0, "random seed (0: the default seed)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N -out DIR [-seed S]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "corpus: %s is not empty; remove it or choose another folder\n", *out)
		os.Exit(2)
	}
	start := time.Now()
	c, err := corpus.Write(*out, corpus.Options{N: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pearls, %d case examples, %d guide chapters to %s/content and %s/hugo in %s\n",
		len(c.Pearls), len(c.Cases), len(c.Chapters), *out, *out, time.Since(start).Round(time.Millisecond))
}
