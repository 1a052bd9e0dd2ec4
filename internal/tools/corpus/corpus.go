// Package corpus generates synthetic portals for benchmarks: N pearls in
// the content format of the README's "Content" section (six theme areas,
// N/50 case examples, a guide of eight chapters, two standalone pages), and
// from the same Markdown an equivalent Hugo site with a small hand-written
// layout, so both generators can be timed on the same work.
//
// Generation is deterministic: the same Options give byte-identical files.
// All randomness comes from one seeded PCG stream, consumed in a fixed order.
//
// The text is Finnish-looking prose built from a vocabulary of this field's
// words in inflected forms (verkosto, verkoston, verkostojen, …) and
// compounds (verkostojohtaminen, sote-organisaatio), so search benchmarks
// meet the same inflection and compounding as on a real portal.
//
// This package is a benchmark tool: it imports nothing from the build and
// nothing in the build imports it.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Version names the generator's output. Bump it whenever the output changes,
// so cached corpora (see Ensure) are regenerated.
const Version = 3

// DefaultSeed is the seed used when Options.Seed is zero.
const DefaultSeed = 0x48656c6d69

// Shapes of corpus: Uniform is the one make bench has measured from the
// start (every pearl 400–900 words, a few tags from a list of 41, 0–3
// related pearls); Varied varies what Uniform keeps fixed (see varied.go).
const (
	Uniform = "uniform"
	Varied  = "varied"
)

// Options say what to generate.
type Options struct {
	N     int    // number of pearls, at least 1
	Seed  uint64 // zero means DefaultSeed
	Shape string // Uniform (also when empty) or Varied
	// Swedish is the percentage of pearls (0 to 100) that have a
	// translation into Swedish (content/sv/, site.yaml's languages:),
	// as the default portal has, with every theme area translated; 0
	// makes a portal in Finnish alone. HugoFiles ignores it.
	Swedish int
}

func (o Options) varied() bool { return o.Shape == Varied }

func (o Options) seed() uint64 {
	if o.Seed == 0 {
		return DefaultSeed
	}
	return o.Seed
}

// Corpus is a generated portal, independent of any output format.
type Corpus struct {
	Options  Options
	Site     Site
	Areas    []Area
	Pearls   []Pearl
	Cases    []Case
	Guide    Chapter   // the guide's cover, opas/_index.md
	Chapters []Chapter // the guide's chapters in reading order
	Pages    []Page
	Images   []Image // static/kuvat/, in the Varied shape only
}

// Site holds the values of site.yaml.
type Site struct {
	Title, Description, Language, BaseURL, Theme string
}

// Area is a theme area (teemat/<slug>.md).
type Area struct {
	Slug, Title, Summary, Color string
	Weight                      int
	Body                        string
}

// Pearl is a pearl (helmet/<slug>.md). Dates are YYYY-MM-DD; Updated may be empty.
type Pearl struct {
	Slug, Title, Area, Summary, Kind string
	Audience, Tags, Projects         []string
	Date, Updated                    string
	Related                          []string // slugs of other pearls
	Links                            []string // slugs the body links to as ../helmet/SLUG.md
	Body                             string
	words                            int // the body's target length in the Varied shape
}

// Case is a case example (caset/<slug>.md).
type Case struct {
	Slug, Title, Organization, Period string
	Themes, Pearls                    []string
	Summary, Date, Body               string
}

// Chapter is a guide chapter (opas/<slug>.md) or, with Slug "_index", its cover.
type Chapter struct {
	Slug, Title, Summary string
	Weight               int
	Body                 string
}

// Page is a standalone page (sivut/<slug>.md).
type Page struct {
	Slug, Title, Summary, Body string
}

// Word limits of a pearl body, as WordCount counts them.
const (
	MinPearlWords = 400
	MaxPearlWords = 900
)

// NumCases is the number of case examples for n pearls: n/50, at least one.
func NumCases(n int) int { return max(1, n/50) }

var defaultAreas = []Area{
	{Slug: "verkostotyo", Title: "Verkostotyö ja yhteistyö", Color: "#1f6f8b",
		Summary: "Miten verkosto kootaan, miten sille sovitaan yhteinen tavoite ja miten yhteistyö pysyy käynnissä."},
	{Slug: "johtaminen", Title: "Johtaminen ja esihenkilötyö", Color: "#7a4e9c",
		Summary: "Esihenkilön arjen työkaluja: luottamus, vuorovaikutus, palaute ja päätöksenteko."},
	{Slug: "tyohyvinvointi", Title: "Työhyvinvointi ja työkyky", Color: "#2e7d4f",
		Summary: "Työhyvinvoinnin ja työkyvyn tukeminen työyhteisössä ja verkostossa."},
	{Slug: "osallisuus", Title: "Asiakkaan osallisuus", Color: "#b5542a",
		Summary: "Asiakkaat, perheet ja kokemusasiantuntijat mukaan palvelujen kehittämiseen."},
	{Slug: "kehittaminen", Title: "Kehittäminen ja arviointi", Color: "#2a5db5",
		Summary: "Kehittämistyön vaiheet, mittarit ja vaikuttavuuden arviointi."},
	{Slug: "osaaminen", Title: "Osaaminen ja oppiminen", Color: "#8c6d1f",
		Summary: "Perehdytys, mentorointi ja yhdessä oppiminen sote-työpaikoilla."},
}

var chapterTitles = []struct{ slug, title string }{
	{"verkoston-tarve", "Verkoston tarve ja tarkoitus"},
	{"verkoston-koollekutsuminen", "Verkoston koollekutsuminen"},
	{"yhteinen-tavoite", "Yhteisen tavoitteen määrittely"},
	{"roolit-ja-vastuut", "Roolit ja vastuut"},
	{"luottamuksen-rakentaminen", "Luottamuksen rakentaminen"},
	{"tyoskentely-ja-kokoukset", "Työskentely ja kokouskäytännöt"},
	{"arviointi-ja-seuranta", "Arviointi ja seuranta"},
	{"paattaminen-ja-jatkuvuus", "Verkoston päättäminen ja jatkuvuus"},
}

// Generate makes the corpus that opts describe.
func Generate(opts Options) (*Corpus, error) {
	if opts.N < 1 {
		return nil, errors.New("corpus: N must be at least 1")
	}
	if opts.Shape != "" && opts.Shape != Uniform && opts.Shape != Varied {
		return nil, fmt.Errorf("corpus: unknown shape %q (use %s or %s)", opts.Shape, Uniform, Varied)
	}
	stream := uint64(Version)
	if opts.varied() {
		stream |= 1 << 40
	}
	g := &generator{
		w: newWriter(rand.New(rand.NewPCG(opts.seed(), stream))),
		c: &Corpus{Options: opts},
	}
	g.site()
	g.areas()
	if opts.varied() {
		g.images(max(10, opts.N/20))
		g.variedPearlHeads(opts.N)
	} else {
		g.pearlHeads(opts.N)
	}
	g.pearlBodies()
	if opts.varied() {
		g.cases(NumCases(opts.N), g.casePearlsVaried)
	} else {
		g.cases(NumCases(opts.N), func() int { return 1 + g.r().IntN(4) })
	}
	g.guide()
	g.pages()
	return g.c, nil
}

type generator struct {
	w      *writer
	c      *Corpus
	slugs  map[string]bool
	bySlug map[string]int
}

func (g *generator) r() *rand.Rand { return g.w.r }

func (g *generator) site() {
	g.c.Site = Site{
		Title:       "Helminauha",
		Description: "Verkostotyön ja johtamisen helmet sote-työpaikoille",
		Language:    "fi",
		BaseURL:     "https://helmet.example.fi/",
		Theme:       "helminauha",
	}
}

func (g *generator) areas() {
	for i, a := range defaultAreas {
		a.Weight = i + 1
		a.Body = g.w.paragraph(3)
		g.c.Areas = append(g.c.Areas, a)
	}
}

var (
	firstDay = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// date picks a day in [from, lastDay].
func (g *generator) date(from time.Time) time.Time {
	days := int(lastDay.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.r().IntN(days+1))
}

// pick returns k distinct items of list, in list order.
func (g *generator) pick(list []string, k int) []string {
	k = min(k, len(list))
	idx := g.r().Perm(len(list))[:k]
	seen := make([]bool, len(list))
	for _, i := range idx {
		seen[i] = true
	}
	out := make([]string, 0, k)
	for i, s := range list {
		if seen[i] {
			out = append(out, s)
		}
	}
	return out
}

// pearlHeads makes every pearl's front matter first, so bodies can link to
// any pearl by slug and title.
func (g *generator) pearlHeads(n int) {
	g.startPearls(n)
	for i := range g.c.Pearls {
		g.pearlHead(i, func() []string { return g.pick(tagList, 1+g.r().IntN(4)) })
	}
	for i := range g.c.Pearls {
		p := &g.c.Pearls[i]
		p.Related = g.otherPearls(i, g.r().IntN(4))
		p.Links = g.otherPearls(i, 1+g.r().IntN(3))
	}
}

// startPearls makes room for n pearls and their slugs.
func (g *generator) startPearls(n int) {
	g.slugs = make(map[string]bool, n+64)
	g.c.Pearls = make([]Pearl, n)
}

// pearlHead fills in the front matter of pearl i, every shape's the same
// way but its tags, which tags picks.
func (g *generator) pearlHead(i int, tags func() []string) *Pearl {
	p := &g.c.Pearls[i]
	p.Title = g.w.title()
	p.Slug = g.uniqueSlug(p.Title)
	p.Area = g.c.Areas[i%len(g.c.Areas)].Slug
	p.Summary = g.w.summary()
	p.Kind = kinds[g.r().IntN(len(kinds))]
	p.Audience = g.pick(audiences, g.r().IntN(3))
	p.Tags = tags()
	p.Projects = g.pick(projectList, g.r().IntN(3))
	d := g.date(firstDay)
	p.Date = d.Format(time.DateOnly)
	if g.r().IntN(10) < 3 && d.Before(lastDay) {
		p.Updated = g.date(d.AddDate(0, 0, 1)).Format(time.DateOnly)
	}
	return p
}

// otherPearls picks k distinct pearls other than pearl self (all of them
// when there are too few).
func (g *generator) otherPearls(self, k int) []string {
	n := len(g.c.Pearls)
	if self >= 0 {
		k = min(k, n-1)
	} else {
		k = min(k, n)
	}
	var out []string
	seen := map[int]bool{self: true}
	for len(out) < k {
		j := g.r().IntN(n)
		if seen[j] {
			continue
		}
		seen[j] = true
		out = append(out, g.c.Pearls[j].Slug)
	}
	return out
}

func (g *generator) uniqueSlug(title string) string {
	base := Slugify(title)
	s := base
	for i := 2; g.slugs[s]; i++ {
		s = base + "-" + strconv.Itoa(i)
	}
	g.slugs[s] = true
	return s
}

var linkSentences = []string{
	"Katso myös [%s](../helmet/%s.md).",
	"Aiheesta kerrotaan lisää helmessä [%s](../helmet/%s.md).",
	"Lue lisää: [%s](../helmet/%s.md).",
	"Samaan aiheeseen liittyy [%s](../helmet/%s.md).",
}

// link is a sentence linking to pearl slug.
func (g *generator) link(slug, title string) string { return linkSentence(g.r(), slug, title) }

func linkSentence(r *rand.Rand, slug, title string) string {
	return fmt.Sprintf(linkSentences[r.IntN(len(linkSentences))], title, slug)
}

// pearlBodies writes every pearl's body on all cores. Each pearl has its
// own random stream, seeded from the corpus seed and the pearl's index, so
// the result does not depend on scheduling.
func (g *generator) pearlBodies() {
	g.pearlIndex("") // build the slug index before the goroutines read it
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(g.c.Pearls) {
					return
				}
				r := rand.New(rand.NewPCG(g.c.Options.seed(), 1<<32|uint64(i)))
				if g.c.Options.varied() {
					g.variedPearlBody(newWriter(r), &g.c.Pearls[i])
				} else {
					g.pearlBody(newWriter(r), &g.c.Pearls[i])
				}
			}
		})
	}
	wg.Wait()
}

// pearlBody writes a body of MinPearlWords..MaxPearlWords words: an
// introduction, "##" sections of paragraphs and lists, a table in about
// one pearl in five, and the links of p.Links inside paragraphs. It reads
// g's pearls but changes only p, and draws only from w.
func (g *generator) pearlBody(w *writer, p *Pearl) {
	r := w.r
	links, b := g.links(w, p)
	// A block is at most about 100 words, so stopping below target+block
	// keeps the body under MaxPearlWords.
	target := 420 + r.IntN(330)
	b.add(w.paragraph(2+r.IntN(3)), 'p')
	wantTable := r.IntN(5) == 0
	for b.words < target {
		b.add("## "+w.heading(), 'h')
		for k := 1 + r.IntN(3); k > 0 && b.words < target; k-- {
			// Two lists in a row would merge into one in CommonMark: put a
			// paragraph between them (and after a table).
			switch x := r.IntN(100); {
			case b.last == 'l' || b.last == 't':
				b.add(w.paragraph(2+r.IntN(4)), 'p')
			case wantTable:
				b.add(w.table(3+r.IntN(3)), 't')
				wantTable = false
			case x < 60:
				b.add(w.paragraph(2+r.IntN(4)), 'p')
			case x < 82:
				b.add(w.bulletList(3+r.IntN(4)), 'l')
			default:
				b.add(w.numberedList(3+r.IntN(4)), 'l')
			}
		}
	}
	if b.words > MaxPearlWords {
		panic(fmt.Sprintf("corpus: pearl %s has %d words", p.Slug, b.words))
	}
	p.Body = b.text(r, links)
}

// links makes the sentences that carry the links of p, and the body that
// counts their words.
func (g *generator) links(w *writer, p *Pearl) ([]string, *body) {
	links := make([]string, len(p.Links))
	b := &body{}
	for i, s := range p.Links {
		links[i] = linkSentence(w.r, s, g.pearlTitle(s))
		b.words += WordCount(links[i])
	}
	return links, b
}

// body gathers the blocks of a pearl's body and counts their words.
type body struct {
	blocks []string
	paras  []int // the paragraphs' places in blocks
	words  int
	// last is the kind of the last block: 'p' a paragraph, 'h' a
	// heading, 'l' a list, 't' a table, 'w' a worksheet, 'i' an image.
	last byte
}

func (b *body) add(s string, kind byte) {
	if kind == 'p' {
		b.paras = append(b.paras, len(b.blocks))
	}
	b.last = kind
	b.blocks = append(b.blocks, s)
	b.words += WordCount(s)
}

// text ends a random paragraph with each link sentence and joins the
// blocks.
func (b *body) text(r *rand.Rand, links []string) string {
	for _, l := range links {
		i := b.paras[r.IntN(len(b.paras))]
		b.blocks[i] += " " + l
	}
	return strings.Join(b.blocks, "\n\n") + "\n"
}

// pearlIndex finds a pearl by slug through an index built once.
func (g *generator) pearlIndex(slug string) int {
	if g.bySlug == nil {
		g.bySlug = make(map[string]int, len(g.c.Pearls))
		for i, p := range g.c.Pearls {
			g.bySlug[p.Slug] = i
		}
	}
	i, ok := g.bySlug[slug]
	if !ok && slug != "" {
		panic("corpus: no pearl " + slug)
	}
	return i
}

func (g *generator) pearlTitle(slug string) string { return g.c.Pearls[g.pearlIndex(slug)].Title }

// caseSections are the sections the README's content format expects in a case example.
var caseSections = []string{"Tarve ja tavoitteet", "Ratkaisu", "Tulokset", "Opit"}

// cases makes n case examples; pearls says how many pearls the next one uses.
func (g *generator) cases(n int, pearls func() int) {
	for range n {
		c := Case{
			Title:        g.w.title(),
			Organization: organizations[g.r().IntN(len(organizations))],
			Summary:      g.w.summary(),
		}
		c.Slug = g.uniqueSlug(c.Title)
		start := 2012 + g.r().IntN(11)
		c.Period = fmt.Sprintf("%d–%d", start, start+1+g.r().IntN(3))
		c.Date = g.date(time.Date(start+1, 1, 1, 0, 0, 0, 0, time.UTC)).Format(time.DateOnly)
		pearls := g.otherPearls(-1, pearls())
		c.Pearls = pearls
		for _, s := range pearls {
			if a := g.c.Pearls[g.pearlIndex(s)].Area; !slices.Contains(c.Themes, a) && len(c.Themes) < 2 {
				c.Themes = append(c.Themes, a)
			}
		}
		var b strings.Builder
		b.WriteString(g.w.paragraph(2))
		for _, sec := range caseSections {
			b.WriteString("\n\n## " + sec + "\n\n")
			b.WriteString(g.w.paragraph(3 + g.r().IntN(3)))
			switch sec {
			case "Ratkaisu":
				s := pearls[g.r().IntN(len(pearls))]
				b.WriteString(" Ratkaisussa hyödynnettiin helmeä [" + g.pearlTitle(s) + "](../helmet/" + s + ".md).")
				b.WriteString("\n\n" + g.w.numberedList(3+g.r().IntN(3)))
			case "Tulokset":
				b.WriteString("\n\n" + g.w.bulletList(3+g.r().IntN(3)))
			}
		}
		c.Body = b.String() + "\n"
		g.c.Cases = append(g.c.Cases, c)
	}
}

func (g *generator) guide() {
	g.c.Guide = Chapter{
		Slug:    "_index",
		Title:   "Verkostojohtamisen opas",
		Summary: "Opas kulkee verkoston elinkaaren läpi tarpeen tunnistamisesta verkoston päättämiseen.",
		Body:    g.w.paragraph(4) + "\n\n" + g.w.paragraph(3) + "\n",
	}
	for i, ch := range chapterTitles {
		var b strings.Builder
		b.WriteString(g.w.paragraph(3))
		for k := 0; k < 3+g.r().IntN(2); k++ {
			b.WriteString("\n\n## " + g.w.heading() + "\n\n")
			b.WriteString(g.w.paragraph(3 + g.r().IntN(3)))
			if k == 0 {
				s := g.c.Pearls[g.r().IntN(len(g.c.Pearls))].Slug
				b.WriteString(" " + g.link(s, g.pearlTitle(s)))
			}
			if g.r().IntN(2) == 0 {
				b.WriteString("\n\n" + g.w.bulletList(3+g.r().IntN(3)))
			}
		}
		g.c.Chapters = append(g.c.Chapters, Chapter{
			Slug:    ch.slug,
			Title:   ch.title,
			Weight:  i + 1,
			Summary: g.w.summary(),
			Body:    b.String() + "\n",
		})
	}
}

func (g *generator) pages() {
	g.c.Pages = []Page{
		{Slug: "tietoa", Title: "Tietoa palvelusta",
			Summary: "Mikä Helminauha on ja kuka sitä ylläpitää.",
			Body: `Helminauha kokoaa verkostotyön, johtamisen ja työhyvinvoinnin helmiä sote-työpaikoille.
Helmet ovat lyhyitä ja käytännöllisiä: tietoa, vinkkejä, menetelmiä ja työkaluja, jotka ovat syntyneet
kehittämishankkeissa ja työpaikkojen arjessa.

## Kuka palvelua ylläpitää?

Palvelua ylläpitää kehittämisverkosto, johon kuuluu hyvinvointialueita, kuntia ja järjestöjä.
Sisältöä päivitetään, kun hankkeista syntyy uusia helmiä.

## Miten helmiä voi ehdottaa?

Lähetä ehdotuksesi sähköpostilla osoitteeseen helmet@example.fi. Kerro lyhyesti, mihin tarpeeseen
helmi vastaa ja missä sitä on kokeiltu.
`},
		{Slug: "saavutettavuusseloste", Title: "Saavutettavuusseloste",
			Summary: "Helminauhan saavutettavuuden tila ja palautekanava.",
			Body: `Tämä saavutettavuusseloste koskee Helminauha-palvelua. Palvelua koskee laki digitaalisten
palvelujen tarjoamisesta (306/2019), joka edellyttää, että julkisten verkkopalvelujen on oltava saavutettavia.

## Saavutettavuuden tila

Palvelu täyttää WCAG 2.1 -kriteeristön A- ja AA-tason saavutettavuusvaatimukset osittain.

## Ei-saavutettava sisältö

- Osa liitteinä julkaistuista PDF-tiedostoista ei ole saavutettavia. Pyydettäessä toimitamme sisällön saavutettavassa muodossa.
- Joidenkin vanhojen kuvien tekstivastineet ovat puutteellisia.

## Selosteen laatiminen

Seloste on laadittu 1.9.2024 ja päivitetty 1.3.2025. Arvio perustuu itsearviointiin.

## Palaute

Jos huomaat palvelussa saavutettavuuspuutteen, kerro siitä osoitteeseen saavutettavuus@example.fi.
Vastaamme palautteeseen 14 päivän kuluessa.

## Valvontaviranomainen

Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä valituksen Etelä-Suomen aluehallintovirastoon
(www.saavutettavuusvaatimukset.fi).
`},
	}
}

// Slugify turns a title into a slug of lowercase ASCII letters, digits and
// "-": ä and å become a, ö becomes o, anything else becomes a separator. A
// slug is cut at a separator to at most 60 characters.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch r {
		case 'ä', 'å', 'á', 'à':
			r = 'a'
		case 'ö', 'ó':
			r = 'o'
		case 'é', 'è':
			r = 'e'
		case 'ü':
			r = 'u'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > 60 {
		s = s[:60]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	if s == "" {
		s = "sivu"
	}
	return s
}
