package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// slotKind says what a template slot is filled with.
type slotKind int

const (
	slotLit          slotKind = iota
	slotNoun                  // {N.case}
	slotNounPhrase            // {NP.case}: an adjective half of the time, then a noun
	slotAdj                   // {A.case}
	slotVerb                  // {V.form}
	slotVerbalNoun            // {VN.case}
	slotAdverb                // {D}
	slotPostposition          // {P}
)

type token struct {
	kind slotKind
	form int
	lit  string
}

// template is a parsed sentence, phrase or title template.
type template []token

func parseTemplate(s string) template {
	var t template
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t = append(t, token{kind: slotLit, lit: s})
			break
		}
		if i > 0 {
			t = append(t, token{kind: slotLit, lit: s[:i]})
		}
		j := strings.IndexByte(s, '}')
		if j < i {
			panic("corpus: unclosed slot in template " + s)
		}
		t = append(t, parseSlot(s[i+1:j]))
		s = s[j+1:]
	}
	return t
}

func parseSlot(slot string) token {
	name, form, _ := strings.Cut(slot, ".")
	cases := func() int {
		c, ok := caseNames[form]
		if !ok {
			panic("corpus: unknown case in slot {" + slot + "}")
		}
		return c
	}
	switch name {
	case "N":
		return token{kind: slotNoun, form: cases()}
	case "NP":
		return token{kind: slotNounPhrase, form: cases()}
	case "A":
		return token{kind: slotAdj, form: cases()}
	case "VN":
		return token{kind: slotVerbalNoun, form: cases()}
	case "V":
		f, ok := verbFormNames[form]
		if !ok {
			panic("corpus: unknown verb form in slot {" + slot + "}")
		}
		return token{kind: slotVerb, form: f}
	case "D":
		return token{kind: slotAdverb}
	case "P":
		return token{kind: slotPostposition}
	}
	panic(fmt.Sprintf("corpus: unknown slot {%s}", slot))
}

// templates holds every template list parsed once.
type templates struct {
	sentences, listItems, steps, headings, titles []template
}

var loadTemplates = sync.OnceValue(func() *templates {
	parseAll := func(src []string) []template {
		out := make([]template, len(src))
		for i, s := range src {
			out[i] = parseTemplate(s)
		}
		return out
	}
	return &templates{
		sentences: parseAll(sentenceTemplates),
		listItems: parseAll(listItemTemplates),
		steps:     parseAll(stepTemplates),
		headings:  parseAll(headingTemplates),
		titles:    parseAll(titleTemplates),
	}
})

// writer produces Finnish-looking text from one random stream. All output
// depends only on the stream, so a seeded stream gives the same text. Text
// is appended to a scratch buffer, and each block becomes one string.
type writer struct {
	r   *rand.Rand
	v   *vocab
	t   *templates
	buf []byte
}

func newWriter(r *rand.Rand) *writer {
	return &writer{r: r, v: loadVocab(), t: loadTemplates(), buf: make([]byte, 0, 1024)}
}

// skewed picks an index in [0,n) favouring small indexes, so the words
// listed first in the tables are the most frequent, as in real text.
func (w *writer) skewed(n int) int {
	u := w.r.Float64()
	return int(u * u * float64(n))
}

func (w *writer) appendNoun(form int) {
	if w.r.IntN(10) == 0 {
		w.appendCompound(form)
		return
	}
	w.buf = append(w.buf, w.v.nouns[w.skewed(len(w.v.nouns))][form]...)
}

// appendCompound joins a prefix to a simple noun: verkosto + johtaminen
// gives verkostojohtaminen, verkosto + ohjaus gives verkosto-ohjaus (the
// same vowel meets), sote + keskus gives sote-keskus (an abbreviation).
func (w *writer) appendCompound(form int) {
	p := compoundPrefixes[w.r.IntN(len(compoundPrefixes))]
	head := w.v.simpleNouns[w.r.IntN(len(w.v.simpleNouns))]
	h := head[form]
	if strings.HasPrefix(head[nom], strings.TrimSuffix(p, "n")) || strings.HasPrefix(p, head[nom]) {
		w.buf = append(w.buf, h...) // työ + työ: no compound
		return
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	first, _ := utf8.DecodeRuneInString(h)
	w.buf = append(w.buf, p...)
	if p == "sote" || (isVowel(last) && last == first) {
		w.buf = append(w.buf, '-')
	}
	w.buf = append(w.buf, h...)
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouyäö", r) }

func (w *writer) fill(t template) {
	for _, tok := range t {
		switch tok.kind {
		case slotLit:
			w.buf = append(w.buf, tok.lit...)
		case slotNoun:
			w.appendNoun(tok.form)
		case slotNounPhrase:
			if w.r.IntN(2) == 0 {
				w.buf = append(w.buf, w.v.adjs[w.skewed(len(w.v.adjs))][tok.form]...)
				w.buf = append(w.buf, ' ')
			}
			w.appendNoun(tok.form)
		case slotAdj:
			w.buf = append(w.buf, w.v.adjs[w.skewed(len(w.v.adjs))][tok.form]...)
		case slotVerb:
			w.buf = append(w.buf, w.v.verbs[w.skewed(len(w.v.verbs))][tok.form]...)
		case slotVerbalNoun:
			w.buf = append(w.buf, w.v.verbalNouns[w.r.IntN(len(w.v.verbalNouns))][tok.form]...)
		case slotAdverb:
			w.buf = append(w.buf, adverbs[w.r.IntN(len(adverbs))]...)
		case slotPostposition:
			w.buf = append(w.buf, postpositions[w.r.IntN(len(postpositions))]...)
		}
	}
}

// appendPhrase fills one template from list and capitalises its first letter.
func (w *writer) appendPhrase(list []template) {
	start := len(w.buf)
	w.fill(list[w.r.IntN(len(list))])
	w.capitalizeFrom(start)
}

// capitalizeFrom upper-cases the rune at w.buf[start].
func (w *writer) capitalizeFrom(start int) {
	r, n := utf8.DecodeRune(w.buf[start:])
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return
	}
	u := unicode.ToUpper(r)
	if utf8.RuneLen(u) == n {
		utf8.EncodeRune(w.buf[start:], u)
		return
	}
	rest := append([]byte(nil), w.buf[start+n:]...)
	w.buf = append(utf8.AppendRune(w.buf[:start], u), rest...)
}

// take returns the scratch buffer as a string and empties it.
func (w *writer) take() string {
	s := string(w.buf)
	w.buf = w.buf[:0]
	return s
}

func (w *writer) phrase(list []template) string {
	w.appendPhrase(list)
	return w.take()
}

// paragraph writes n sentences.
func (w *writer) paragraph(n int) string {
	for i := range n {
		if i > 0 {
			w.buf = append(w.buf, ' ')
		}
		w.appendPhrase(w.t.sentences)
	}
	return w.take()
}

// bulletList writes n "- " items; some start with a bold lead-in.
func (w *writer) bulletList(n int) string {
	for i := range n {
		if i > 0 {
			w.buf = append(w.buf, '\n')
		}
		w.buf = append(w.buf, "- "...)
		if w.r.IntN(4) == 0 {
			w.buf = append(w.buf, "**"...)
			start := len(w.buf)
			w.appendNoun(nom)
			w.capitalizeFrom(start)
			w.buf = append(w.buf, ":** "...)
		}
		w.appendPhrase(w.t.listItems)
	}
	return w.take()
}

// numberedList writes n steps as "1. ".
func (w *writer) numberedList(n int) string {
	for i := range n {
		if i > 0 {
			w.buf = append(w.buf, '\n')
		}
		w.buf = strconv.AppendInt(w.buf, int64(i+1), 10)
		w.buf = append(w.buf, ". "...)
		w.appendPhrase(w.t.steps)
	}
	return w.take()
}

var tableHeads = [][]string{
	{"Vaihe", "Mitä tehdään", "Kuka vastaa"},
	{"Kysymys", "Esimerkki", "Huomioitavaa"},
	{"Tavoite", "Keino", "Mittari"},
	{"Rooli", "Tehtävä", "Aikataulu"},
}

// table writes a GitHub-style table of rows rows.
func (w *writer) table(rows int) string {
	head := tableHeads[w.r.IntN(len(tableHeads))]
	w.buf = append(w.buf, "| "+strings.Join(head, " | ")+" |\n|"...)
	for range head {
		w.buf = append(w.buf, "---|"...)
	}
	for i := range rows {
		w.buf = fmt.Appendf(w.buf, "\n| %d. ", i+1)
		w.appendPhrase(w.t.listItems)
		w.buf = append(w.buf, " | "...)
		start := len(w.buf)
		w.appendNoun(plnom)
		w.capitalizeFrom(start)
		w.buf = append(w.buf, " | "...)
		w.appendPhrase(w.t.listItems)
		w.buf = append(w.buf, " |"...)
	}
	return w.take()
}

func (w *writer) heading() string { return w.phrase(w.t.headings) }

func (w *writer) title() string { return w.phrase(w.t.titles) }

// summary is one or two sentences, at most 300 characters (the contract's limit).
func (w *writer) summary() string {
	for {
		w.appendPhrase(w.t.sentences)
		if w.r.IntN(2) == 0 {
			w.buf = append(w.buf, ' ')
			w.appendPhrase(w.t.sentences)
		}
		if s := w.take(); utf8.RuneCountInString(s) <= 300 {
			return s
		}
	}
}

// WordCount counts the words of a Markdown text the way the corpus's
// contract does: whitespace-separated fields that hold at least one letter,
// so list markers, table rules and "##" are not words.
func WordCount(s string) int {
	n := 0
	inField, hasLetter := false, false
	for i := 0; i < len(s); {
		c := s[i]
		var space, letter bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			letter = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space, letter = unicode.IsSpace(r), unicode.IsLetter(r)
			i += size
		}
		if space {
			if inField && hasLetter {
				n++
			}
			inField, hasLetter = false, false
			continue
		}
		inField = true
		hasLetter = hasLetter || letter
	}
	if inField && hasLetter {
		n++
	}
	return n
}
