package content

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
)

// ThesaurusFile is the portal's own thesaurus, at the top of the content
// folder beside site.yaml. It extends and overrides the default thesaurus
// of the search (internal/search/sanasto.txt), in the same format.
const ThesaurusFile = "sanasto.txt"

// Thesaurus is a parsed thesaurus: lines of words that mean the same
// thing, or that a reader types for another.
//
// The format, one rule a line, # starting a comment:
//
//	kokous = palaveri = tapaaminen     each finds the others
//	kehari > kehityskeskustelu         the left finds the right, not back
//	esimies > esihenkilö, lähiesihenkilö
//	- palaveri                         drops the default rules of a word
//
// A side of = or > is a word or a phrase ("sosiaali- ja terveydenhuolto");
// only a single word can lead to others, since a reader's query is matched
// word by word.
type Thesaurus struct {
	File  string
	Rules []ThesaurusRule
}

// ThesaurusRule is one line of a thesaurus.
type ThesaurusRule struct {
	Line int
	// Equal is true for a = b = c: each single word of Words finds the
	// others. Otherwise Words[0] finds each of Words[1:].
	Equal bool
	// Drop is true for "- word": the rules of Words[0] so far are dropped.
	Drop  bool
	Words []string
}

// MaxThesaurusWords is the most words and phrases one rule may have. A
// rule a = b = c … of n words gives each word the n-1 others, n² in all,
// which the search carries to every reader's browser: a rule of 2,000
// words (15 kB) took 18 s to build (2026-12-07). The default thesauri's
// longest rule has 5.
const MaxThesaurusWords = 20

// ParseThesaurus parses a thesaurus file; messages name file:line:col.
func ParseThesaurus(file string, src []byte) (*Thesaurus, diag.List) {
	var diags diag.List
	t := &Thesaurus{File: file}
	if !utf8.Valid(src) {
		diags.Report(diag.Pos{File: file}, diag.ThesaurusNotUTF8)
		return t, diags
	}
	for n, line := range strings.Split(string(src), "\n") {
		pos := diag.Pos{File: file, Line: n + 1, Col: 1}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		text := strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if text == "" {
			continue
		}
		pos.Col = 1 + len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
		if rest, ok := strings.CutPrefix(text, "- "); ok {
			w := strings.TrimSpace(rest)
			if !oneWord(w) {
				diags.Report(pos, diag.ThesaurusDropOneWord)
				continue
			}
			t.Rules = append(t.Rules, ThesaurusRule{Line: n + 1, Drop: true, Words: []string{w}})
			continue
		}
		if arrow, at := arrowIn(line); arrow != "" {
			// An arrow as typed (->, =>) or as a word processor
			// makes it (→): the rule's > alone is meant.
			fixed := strings.Join(strings.Fields(strings.Replace(text, arrow, " > ", 1)), " ")
			diags.Report(diag.Pos{File: file, Line: n + 1, Col: 1 + utf8.RuneCountInString(line[:at])}, diag.ThesaurusArrow, arrow, fixed)
			continue
		}
		eq, gt := strings.Contains(text, "="), strings.Contains(text, ">")
		switch {
		case eq && gt:
			diags.Report(pos, diag.ThesaurusBoth)
			continue
		case !eq && !gt:
			diags.Report(pos, diag.ThesaurusNeither)
			continue
		}
		var words []string
		if eq {
			words = strings.Split(text, "=")
		} else {
			left, right, _ := strings.Cut(text, ">")
			if strings.Contains(right, ">") {
				diags.Report(pos, diag.ThesaurusOneArrow)
				continue
			}
			words = append([]string{left}, strings.Split(right, ",")...)
		}
		if len(words) > MaxThesaurusWords {
			diags.Report(pos, diag.ThesaurusTooManyWords, len(words), MaxThesaurusWords)
			continue
		}
		ok := true
		for i := range words {
			words[i] = strings.Join(strings.Fields(words[i]), " ")
			if words[i] == "" || !strings.ContainsFunc(words[i], unicode.IsLetter) {
				diags.Report(pos, diag.ThesaurusEmptySide)
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if gt && !oneWord(words[0]) {
			diags.Report(pos, diag.ThesaurusLeftOneWord, words[0])
			continue
		}
		if eq && !slices.ContainsFunc(words, oneWord) {
			diags.Report(pos, diag.ThesaurusEqualOneWord, text)
			continue
		}
		t.Rules = append(t.Rules, ThesaurusRule{Line: n + 1, Equal: eq, Words: words})
	}
	return t, diags
}

// arrowIn finds an arrow written for a rule's >: the first of them in
// line, and its byte offset.
func arrowIn(line string) (string, int) {
	best, at := "", -1
	for _, a := range []string{"-->", "->", "=>", "→", "⇒", "⟶", "➔"} {
		if i := strings.Index(line, a); i >= 0 && (at < 0 || i < at) {
			best, at = a, i
		}
	}
	return best, at
}

// oneWord reports whether s is a single word: letters, digits, hyphens.
func oneWord(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || unicode.IsMark(r))
	})
}
