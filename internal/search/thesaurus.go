package search

import (
	_ "embed"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/helminauha/helminauha/internal/content"
)

// defaultThesaurusSource is the thesaurus every portal starts from; a
// portal's content/sanasto.txt extends and overrides it (see
// content.Thesaurus for the format).
//
//go:embed sanasto.txt
var defaultThesaurusSource []byte

// DefaultThesaurus parses the default thesaurus; TestDefaultThesaurus
// holds it to the format.
func DefaultThesaurus() *content.Thesaurus { return finnish.DefaultThesaurus() }

// DefaultThesaurus parses the default thesaurus of l.
func (l *Language) DefaultThesaurus() *content.Thesaurus {
	t, _ := content.ParseThesaurus(l.thesaurusName, l.thesaurus)
	return t
}

// synonyms maps the key of a word a reader may type to the phrases it also
// finds, each phrase the keys of its words, all of which a page must hold.
type synonyms map[string][][]string

// thesaurusTable applies the rules of the default thesaurus and then those
// of the portal's (which may be nil) in order: a rule adds expansions, a
// drop line removes those a word has so far. The default thesaurus's table
// is made once per language (see Language.defaultSynonyms).
func thesaurusTable(l *Language, portal *content.Thesaurus) synonyms {
	syn := maps.Clone(l.defaultSynonyms())
	syn.apply(l, portal)
	return syn
}

// defaultSynonyms returns the table of l's default thesaurus, made on the
// first call. Its phrase lists are clipped, so that a caller appending to
// a clone's list does not write into it.
func (l *Language) defaultSynonyms() synonyms {
	l.synOnce.Do(func() {
		l.syn = synonyms{}
		l.syn.apply(l, l.DefaultThesaurus())
		for k, alts := range l.syn {
			l.syn[k] = slices.Clip(alts)
		}
	})
	return l.syn
}

// apply applies the rules of t (which may be nil) to s, in order.
func (s synonyms) apply(l *Language, t *content.Thesaurus) {
	if t == nil {
		return
	}
	// seen holds, for each word this call has given alternatives, the
	// ones it has (joined by spaces), so that a repeat is found at once:
	// looked for in the word's list, 40,000 rules of one word took 3.5 s
	// of CPU and 80,000 words in one rule 18 s, growing as the square of
	// the words (2026-12-07).
	seen := map[string]map[string]bool{}
	addAlt := func(from string, to []string) {
		if len(to) == 0 || len(to) == 1 && to[0] == from {
			return
		}
		had := seen[from]
		if had == nil {
			had = make(map[string]bool, len(s[from])+1)
			for _, p := range s[from] {
				had[strings.Join(p, " ")] = true
			}
			seen[from] = had
		}
		if k := strings.Join(to, " "); !had[k] {
			had[k] = true
			s[from] = append(s[from], to)
		}
	}
	for _, r := range t.Rules {
		phrases := make([][]string, len(r.Words))
		for i, w := range r.Words {
			phrases[i] = l.phraseKeys(w)
		}
		switch {
		case r.Drop:
			if len(phrases[0]) == 1 {
				delete(s, phrases[0][0])
				delete(seen, phrases[0][0])
			}
		case r.Equal:
			for i, from := range phrases {
				if len(from) != 1 {
					continue
				}
				for j, to := range phrases {
					if i != j {
						addAlt(from[0], to)
					}
				}
			}
		default:
			if len(phrases[0]) == 1 {
				for _, to := range phrases[1:] {
					addAlt(phrases[0][0], to)
				}
			}
		}
	}
}

// phraseKeys returns the keys of the words of a phrase as a query has
// them: each whole word once, the parts of hyphenated words left out.
func (l *Language) phraseKeys(phrase string) []string {
	var keys []string
	for _, t := range l.Analyze(phrase) {
		if !t.Part {
			keys = append(keys, t.Term)
		}
	}
	return keys
}

// forIndex returns the expansions whose keys are all in the index, in the
// form the manifest carries them: each phrase its keys joined by spaces.
func (s synonyms) forIndex(has func(string) bool) map[string][]string {
	out := map[string][]string{}
	for from, alts := range s {
		for _, alt := range alts {
			ok := true
			for _, k := range alt {
				ok = ok && has(k)
			}
			if ok {
				out[from] = append(out[from], strings.Join(alt, " "))
			}
		}
	}
	for _, alts := range out {
		sort.Strings(alts)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
