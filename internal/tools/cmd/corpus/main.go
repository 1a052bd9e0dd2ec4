// Command corpus writes a synthetic portal for benchmarks: DIR/content in
// helminauha's content format and DIR/hugo as the equivalent Hugo site.
//
//	go -C internal/tools run ./cmd/corpus -n 1000 -out DIR
//	go -C internal/tools run ./cmd/corpus -n 10000 -cache DIR   # prints the cached corpus's folder
//
// With -cache the corpus is the one cmd/bench measures: generated once
// under DIR and reused, and its folder is printed for scripts (make bench
// points the Go benchmarks at DIR/.../content this way).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/helminauha/helminauha/internal/tools/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pearls")
	out := flag.String("out", "", "folder to write content/ and hugo/ into (must not exist or be empty)")
	cache := flag.String("cache", "", "instead of -out: the cache folder of cmd/bench; print the corpus's folder in it, generating it first if it is not there")
	seed := flag.Uint64("seed", 0, "random seed (0: the default seed)")
	sv := flag.Int("sv", 0, "percentage of pearls (0-100) with a Swedish translation under content/sv/ (not in the Hugo site)")
	shape := flag.String("shape", corpus.Uniform, "what the portal looks like: uniform (400–900 words a pearl, few tags) or varied (100–3,000 words, up to 20 tags with a long tail, worksheets, photos, large case examples)")
	flag.Parse()
	if (*out == "") == (*cache == "") || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N (-out DIR | -cache DIR) [-seed S] [-shape uniform|varied] [-sv P]")
		os.Exit(2)
	}
	opts := corpus.Options{N: *n, Seed: *seed, Shape: *shape, Swedish: *sv}
	if *cache != "" {
		dir, _, err := corpus.Ensure(*cache, opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
		fmt.Println(dir)
		return
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "corpus: %s is not empty; remove it or choose another folder\n", *out)
		os.Exit(2)
	}
	start := time.Now()
	c, err := corpus.Write(*out, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pearls, %d case examples, %d guide chapters to %s/content and %s/hugo in %s\n",
		len(c.Pearls), len(c.Cases), len(c.Chapters), *out, *out, time.Since(start).Round(time.Millisecond))
}
