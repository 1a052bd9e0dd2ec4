package search

import (
	"regexp"
	"slices"
	"strings"
)

// Derivation: a verb and its action nouns meet (kehittää, kehitän ↔
// kehittäminen, ohjata ↔ ohjaus, suunnitella ↔ suunnittelu, delegoida ↔
// delegointi, palkita ↔ palkitseminen). Derive finds the verb stems a word
// may come from and returns the keys of the other forms of each; haku.js
// (derive, in haku-fi.js) looks up only those the index has, so an
// invented form costs nothing. The two are the same, line by line: the golden file pins them
// on every word of the parity inputs, and testdata/derivation.json holds
// the pairs that must and must not meet.

// strongGrade maps a weak consonant cluster to its strong grade (tiedän →
// tietää, kuunnella → kuuntelu).
var strongGrade = map[string]string{"d": "t", "t": "tt", "k": "kk", "p": "pp", "nn": "nt", "ll": "lt", "rr": "rt", "mm": "mp", "ng": "nk", "v": "p", "hd": "ht"}

var (
	reMinen   = regexp.MustCompile(`^(.{3,}[aeiouy])mi(nen|sen|sta|seen|sessa|sesta|sella|selle|set|sia|sten|siin)$`)
	reNti     = regexp.MustCompile(`^(.{3,}oi)n(ti|nin|tia|tiin|nissa|nista|nilla|nit|teja)$`)
	reUs      = regexp.MustCompile(`^(.{3,}?)(t?)(us|uksen|usta|ukseen|uksessa|uksesta|uksella|ukset|uksia|ys|yksen|ysta|ykseen|yksessa|yksesta|ykset|yksia)$`)
	reSu      = regexp.MustCompile(`^(.{3,}[aeiouy]s)(u|un|ua|uun|ussa|usta|ut|uja|y|yn|ya|yyn|yssa|ysta|yt|yja)$`)
	reLu      = regexp.MustCompile(`^(.{3,}[aeiouy]l)(u|un|ua|uun|ussa|usta|ulla|ut|uja|y|yn|ya|yyn|yssa|ysta|ylla|yt|yja)$`)
	reNut     = regexp.MustCompile(`^(.{3,}[aeiouy])(nut|nyt|neet|neen|nutta|nytta|neita|neiden)$`)
	reNta     = regexp.MustCompile(`^(.{3,}i)nna?(a|n|ssa|sta|an)?$|^(.{3,}i)nta(a|an|na)?$`)
	reType3   = regexp.MustCompile(`[aeiouy][lnr]e$`)
	reVowelDa = regexp.MustCompile(`[aeiouy]da$`)
	reVowelTa = regexp.MustCompile(`[aeiouy]ta$`)
	reVowelSt = regexp.MustCompile(`[aeiouy]sta$`)
	reVowelSe = regexp.MustCompile(`[aeiouy]se$`)
	reDouble  = regexp.MustCompile(`(lla|nna|rra)$`)
	reVowelA  = regexp.MustCompile(`[aeiouy]a$`)
	reVowelN  = regexp.MustCompile(`[aeiouy]n$`)
	reAoA     = regexp.MustCompile(`[ao]a$`)
)

// strong returns v with the consonants before its last vowels in the
// strong grade, or "" when it has no gradation; a type 3 stem (kuunnele)
// grades before its -le, -ne or -re.
func strong(v string) string {
	tail := ""
	if reType3.MatchString(v) {
		tail, v = v[len(v)-2:], v[:len(v)-2]
	}
	j, i := lastConsonants(v)
	if j == 0 || j == i || i == len(v) {
		return ""
	}
	g, ok := strongGrade[v[j:i]]
	if !ok {
		return ""
	}
	return v[:j] + g + v[i:] + tail
}

// verbStems returns the stems (strong grade, ending in a vowel) of the
// verbs folded word w may be a form or an action noun of, in the order
// haku-fi.js finds them.
func verbStems(w string) []string {
	var out []string
	add := func(v string) {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	both := func(v string) {
		add(v)
		if s := strong(v); s != "" {
			add(s)
		}
	}
	if m := reMinen.FindStringSubmatch(w); m != nil {
		add(m[1])
	}
	if m := reNti.FindStringSubmatch(w); m != nil {
		add(m[1])
	}
	if m := reNut.FindStringSubmatch(w); m != nil {
		both(m[1])
	}
	if m := reUs.FindStringSubmatch(w); m != nil && !reMinen.MatchString(w) {
		if m[2] == "t" {
			add(m[1] + "tta")
		} else if strings.HasSuffix(m[1], "a") || strings.HasSuffix(m[1], "o") {
			add(m[1] + "a")
		}
	}
	if m := reLu.FindStringSubmatch(w); m != nil {
		add(m[1] + "e")
	} else if m := reSu.FindStringSubmatch(w); m != nil {
		add(m[1] + "e")
	}
	if m := reNta.FindStringSubmatch(w); m != nil {
		if m[1] != "" {
			add(m[1] + "tse")
		} else {
			add(m[3] + "tse")
		}
	}
	switch {
	case reVowelDa.MatchString(w):
		add(w[:len(w)-2])
	case reVowelTa.MatchString(w):
		if w[len(w)-3] == 'i' {
			add(w[:len(w)-2] + "tse")
		} else {
			add(w[:len(w)-2] + "a")
			if g := strong(w[:len(w)-2]); g != "" {
				add(g + "a")
			}
		}
	case reVowelSt.MatchString(w):
		add(w[:len(w)-2] + "e")
	case reDouble.MatchString(w):
		both(w[:len(w)-2] + "e")
	case reVowelA.MatchString(w):
		add(w[:len(w)-1])
	}
	if reVowelN.MatchString(w) && len(w) >= 5 && !reMinen.MatchString(w) {
		both(w[:len(w)-1])
	}
	return slices.DeleteFunc(out, func(v string) bool { return len(v) < 4 })
}

// Derive returns the keys of the other forms of the verbs folded word w
// may come from: the verb, its -minen noun and its other action nouns,
// sorted, without w's own key.
func Derive(w string) []string { return finnishDerive(w) }

// finnishDerive is Derive: the derived forms of a Finnish word.
func finnishDerive(w string) []string {
	if len(w) < 5 || !isASCIILetters(w) {
		return nil
	}
	var out []string
	for _, v := range verbStems(w) {
		forms := []string{v + "minen"}
		switch {
		case strings.HasSuffix(v, "oi"):
			forms = append(forms, v+"nti", v+"da")
		case strings.HasSuffix(v, "tse"):
			forms = append(forms, v[:len(v)-3]+"ta", v[:len(v)-3]+"nta")
		case reType3.MatchString(v):
			forms = append(forms, v[:len(v)-1]+"u", v[:len(v)-1]+"y", v[:len(v)-1]+v[len(v)-2:len(v)-1]+"a")
		case reVowelSe.MatchString(v):
			forms = append(forms, v[:len(v)-1]+"u", v[:len(v)-1]+"y", v[:len(v)-1]+"ta")
		case reAoA.MatchString(v):
			forms = append(forms, v[:len(v)-1]+"us", v[:len(v)-1]+"ta", v[:len(v)-1]+"nta")
		default:
			forms = append(forms, v+"a")
			if strings.HasSuffix(v, "tta") {
				forms = append(forms, v[:len(v)-3]+"tus", v[:len(v)-3]+"tys")
			}
		}
		for _, f := range forms {
			if k := finnishKey(f); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	own := finnishKey(w)
	out = slices.DeleteFunc(out, func(k string) bool { return k == own })
	slices.Sort(out)
	return out
}
