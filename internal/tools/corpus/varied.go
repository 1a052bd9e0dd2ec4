package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// The Varied shape varies what the Uniform one keeps fixed, so that a
// generator tuned on one kind of portal is measured on another:
//
//   - a pearl's length is log-uniform between about 100 and 3,000 words,
//     so most pearls are short and a few are long;
//   - short pearls often have no headings, long ones many, some "###";
//   - 0–15 links in the text and 0–12 related pearls, most pearls few;
//   - 1–20 tags, two in three from the common list and the rest from a
//     long tail of rare tags (drawn by Zipf's law from N of them), so
//     about half the tag pages list one pearl;
//   - tables of up to 14 rows in one block in twelve;
//   - a worksheet (```tyopohja) in one pearl in eight;
//   - photos (JPEG, N/20 of them, 20–120 KB) in static/kuvat/, shown in
//     one pearl in five;
//   - one case example in ten uses 20–200 pearls.
const (
	MinVariedWords = 100
	MaxVariedWords = 3000
)

// Image is a generated photo, static/<Path> in the content folder.
type Image struct {
	Path          string // kuvat/kuva-NNNN.jpg
	Width, Height int
	Data          []byte
}

// images makes n photos on all cores, each from its own random stream.
func (g *generator) images(n int) {
	g.c.Images = make([]Image, n)
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				r := rand.New(rand.NewPCG(g.c.Options.seed(), 2<<32|uint64(i)))
				g.c.Images[i] = photo(r, fmt.Sprintf("kuvat/kuva-%04d.jpg", i+1))
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// photo is a JPEG of a colour gradient with noise, which compresses about
// as badly as a photograph does.
func photo(r *rand.Rand, path string) Image {
	w, h := 320+r.IntN(641), 200+r.IntN(441)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c0 := [3]int{r.IntN(256), r.IntN(256), r.IntN(256)}
	c1 := [3]int{r.IntN(256), r.IntN(256), r.IntN(256)}
	noise := 10 + r.IntN(40)
	for y := range h {
		for x := range w {
			var px [3]uint8
			for k := range 3 {
				v := c0[k] + (c1[k]-c0[k])*(x+y)/(w+h) + r.IntN(2*noise+1) - noise
				px[k] = uint8(min(255, max(0, v)))
			}
			img.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 70}); err != nil {
		panic(err) // writes to memory do not fail
	}
	return Image{Path: path, Width: w, Height: h, Data: b.Bytes()}
}

// rareTags are the long tail of tags: two-word compounds none of the common
// tags are, lower case.
func (g *generator) rareTags(n int) []string {
	seen := map[string]bool{}
	for _, t := range tagList {
		seen[t] = true
	}
	var out []string
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		w := g.w
		w.buf = append(w.buf, w.v.adjs[w.r.IntN(len(w.v.adjs))][nom]...)
		w.buf = append(w.buf, ' ')
		w.appendCompound(nom)
		t := strings.ToLower(w.take())
		if !seen[t] && !strings.Contains(t, "-") {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// upTo is a number in [0, n] favouring small ones.
func upTo(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(u * u * float64(n+1))
}

// variedPearlHeads makes the front matter of the Varied shape's pearls.
func (g *generator) variedPearlHeads(n int) {
	rare := g.rareTags(max(20, n))
	zipf := rand.NewZipf(g.r(), 1.1, 10, uint64(len(rare)-1))
	g.startPearls(n)
	for i := range g.c.Pearls {
		p := g.pearlHead(i, func() []string {
			var tags []string
			for k := 1 + int(19*math.Pow(g.r().Float64(), 3)); len(tags) < k; {
				t := tagList[g.w.skewed(len(tagList))]
				if g.r().IntN(3) == 0 {
					t = rare[zipf.Uint64()]
				}
				if !slices.Contains(tags, t) {
					tags = append(tags, t)
				}
			}
			return tags
		})
		// Log-uniform, 100 to 2,700: the last block may add up to about 250.
		p.words = int(100 * math.Pow(27, g.r().Float64()))
	}
	for i := range g.c.Pearls {
		p := &g.c.Pearls[i]
		p.Related = g.otherPearls(i, upTo(g.r(), 12))
		// A link sentence is about ten words: a short pearl has few.
		p.Links = g.otherPearls(i, min(upTo(g.r(), 15), 1+p.words/150))
	}
}

// casePearlsVaried: one case example in ten uses 20–200 pearls, the rest 1–6.
func (g *generator) casePearlsVaried() int {
	if g.r().IntN(10) == 0 {
		return 20 + upTo(g.r(), 180)
	}
	return 1 + g.r().IntN(6)
}

// variedPearlBody writes a body of about p.words words from w.
func (g *generator) variedPearlBody(w *writer, p *Pearl) {
	r := w.r
	links, b := g.links(w, p)
	b.add(w.paragraph(1+r.IntN(4)), 'p')
	headings := p.words >= 300 || r.IntN(3) == 0
	worksheet := r.IntN(8) == 0
	photos := 0
	if r.IntN(5) == 0 {
		photos = 1 + r.IntN(3)
	}
	for b.words < p.words {
		if headings {
			h := "## "
			if len(b.blocks) > 2 && r.IntN(3) == 0 {
				h = "### "
			}
			b.add(h+w.heading(), 'h')
		}
		for k := 1 + r.IntN(6); k > 0 && b.words < p.words; k-- {
			// Two lists in a row would merge into one in CommonMark.
			switch x := r.IntN(100); {
			case b.last == 'l':
				b.add(w.paragraph(2+r.IntN(4)), 'p')
			case worksheet:
				b.add(w.worksheet(2+r.IntN(11)), 'w')
				worksheet = false
			case photos > 0 && x < 20:
				img := g.c.Images[r.IntN(len(g.c.Images))]
				b.add("!["+w.heading()+"](/"+img.Path+")", 'i')
				photos--
			case x < 8:
				b.add(w.table(3+r.IntN(12)), 't')
			case x < 60:
				b.add(w.paragraph(2+r.IntN(5)), 'p')
			case x < 82:
				b.add(w.bulletList(3+r.IntN(6)), 'l')
			default:
				b.add(w.numberedList(3+r.IntN(6)), 'l')
			}
		}
	}
	if b.words > MaxVariedWords {
		panic(fmt.Sprintf("corpus: pearl %s has %d words", p.Slug, b.words))
	}
	p.Body = b.text(r, links)
}

var worksheetTypes = []string{"textarea", "line", "scale", "date", "textarea"}

// worksheet writes a ```tyopohja block of n fields.
func (w *writer) worksheet(n int) string {
	var b strings.Builder
	b.WriteString("```tyopohja\ntitle: " + yamlQuote(w.heading()) + "\nfields:\n")
	for range n {
		b.WriteString("  - label: " + yamlQuote(w.heading()+"?") + "\n")
		if w.r.IntN(3) == 0 {
			b.WriteString("    help: " + yamlQuote(w.phrase(w.t.sentences)) + "\n")
		}
		b.WriteString("    type: " + worksheetTypes[w.r.IntN(len(worksheetTypes))] + "\n")
	}
	b.WriteString("```")
	return b.String()
}
