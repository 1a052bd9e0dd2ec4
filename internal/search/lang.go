package search

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	snowball "github.com/blevesearch/snowballstem"
	swedishstem "github.com/blevesearch/snowballstem/swedish"

	"github.com/helminauha/helminauha/internal/config"
)

// Language is the analysis of one language's words: how a folded word
// becomes its key, which words are left out, how compounds split, which
// words derive from each other, and the default thesaurus. The
// language of an index chooses it (Options.Language); haku.js has the
// same analyses (the Finnish one in haku-fi.js, the Swedish one in
// haku-sv.js) and loads the one the manifest's lang names.
type Language struct {
	// Code is the language's code: "fi" or "sv".
	Code   string
	key    func(w string) string
	derive func(w string) []string
	stop   *stopSet
	// linkS tells that a part of a compound may end in a linking s
	// ("arbetsmiljö", "nätverksledarskap").
	linkS bool
	// minOther is the fewest letters of a part of a compound that is no
	// word of the corpus but a form of one.
	minOther int
	// badCut reports whether a tail is a misplaced cut of a compound: it
	// starts like an ending or, in Finnish, with two consonants.
	badCut func(tail string) bool
	// The default thesaurus: its name in messages and its text.
	thesaurusName string
	thesaurus     []byte

	synOnce sync.Once
	syn     synonyms // the default thesaurus's table (defaultSynonyms)
}

var finnish = &Language{
	Code: "fi", key: finnishKey, derive: finnishDerive, stop: finnishStop,
	minOther: 6, badCut: func(w string) bool { return twoConsonants(w) || suffixLike(w) },
	thesaurusName: "internal/search/sanasto.txt", thesaurus: defaultThesaurusSource,
}

// swedishThesaurusSource is the default thesaurus of the Swedish pages;
// a portal's content/sv/sanasto.txt extends and overrides it.
//
//go:embed sanasto.sv.txt
var swedishThesaurusSource []byte

var swedish = &Language{
	Code: "sv", key: swedishKey, derive: swedishDerive, stop: swedishStop,
	linkS: true, minOther: 5, badCut: swedishSuffixLike,
	thesaurusName: "internal/search/sanasto.sv.txt", thesaurus: swedishThesaurusSource,
}

// The theme's search has the stop words of each language in its
// haku-<code>.js, written from these (TestThemeStopWords fails when they
// differ).
//
//go:generate go test -run ^TestThemeStopWords$ -update

// LanguageOf returns the analysis of the language code, a BCP 47 tag:
// Swedish for "sv" and Swedish of a region ("sv-FI", as a Finnish
// portal's Swedish pages are often marked), Finnish for any other.
func LanguageOf(code string) *Language {
	if config.BaseLanguage(code) == "sv" {
		return swedish
	}
	return finnish
}

// Key returns the index key of one folded word of l.
func (l *Language) Key(w string) string { return l.key(w) }

// Derive returns the keys of the words w derives from or to in l (see
// the package's Derive), sorted, without w's own key.
func (l *Language) Derive(w string) []string { return l.derive(w) }

// Analyze is the package's Analyze with the stop words and keys of l.
func (l *Language) Analyze(text string) []Token {
	var out []Token
	scan(text, l.stop, func(w []byte, part, _ bool) {
		s := string(w)
		out = append(out, Token{Term: l.key(s), Word: s, Part: part})
	})
	return out
}

// swedishKey is the key of a Swedish word: a word of ASCII letters a–z of
// three letters or more is stemmed with the Snowball Swedish stemmer,
// mended where Snowball leaves the definite forms of neuter nouns (see
// swedishNormalise); any other word is its own key. The word is folded
// first, so "möte" and "mote" meet.
func swedishKey(w string) string {
	if len(w) < 3 || !isASCIILetters(w) {
		return w
	}
	w0 := w
	w = neuterAdjective(definiteNeuter(shortDefinite(w)))
	s := swedishStem(w)
	if w != w0 {
		s = notCutTooFar(w, s)
	}
	if pluralOrDefinite(w, s) {
		s = notCutTooFar(s, swedishStem(s))
	}
	return swedishNormalise(w0, s)
}

// notCutTooFar returns the stem s of w, a form the key already took an
// ending off, or w when s is w without an -at that is no ending: the root
// of a participle in -en of låta or äta ("tillåten", "överlåten",
// "uppäten"), which s cuts when it ends in -låt (folded "lat") or leaves a
// stop word. So "tillåten" and "tillåtet" are "tillåt", as "tillåta", not
// "till", the preposition; "resultaten" still meets "resultat" and
// "månader" "månad".
func notCutTooFar(w, s string) string {
	if len(s) == len(w)-2 && strings.HasSuffix(w, "at") && (strings.HasSuffix(w, "lat") || swedishStop.isStop(s)) {
		return w
	}
	return s
}

// shortDefinite returns the two letters of a word of four letters in -et
// or -en, or of five in -ets or -ens, whose first letter is a vowel and
// second a consonant: the definite forms of a stem of two letters ("året",
// "årets", "åren" of "år"; "eken" of "ek"), which Snowball leaves, as it
// cuts nothing in a word's first three letters. Any other word as it is.
func shortDefinite(w string) string {
	n := len(w)
	if (n == 4 && (strings.HasSuffix(w, "et") || strings.HasSuffix(w, "en")) ||
		n == 5 && (strings.HasSuffix(w, "ets") || strings.HasSuffix(w, "ens"))) &&
		isVowel(w[0]) && !isVowel(w[1]) {
		return w[:2]
	}
	return w
}

// swedishStem is the Snowball Swedish stem of w.
func swedishStem(w string) string {
	env := snowball.NewEnv(w)
	swedishstem.Stem(env)
	return env.Current()
}

// pluralOrDefinite reports whether Snowball made the stem s of w by taking
// off a plural or definite ending alone (-en, -er, -erna, -ens, -ernas),
// which leaves the word's base form: the stem of that base form is then
// the word's, so that "kompetensen", "arbetsplatser", "resultaten" and
// "skillnaden" meet "kompetens", "arbetsplats", "resultat" and
// "skillnad", whose last letters Snowball takes for an ending too.
func pluralOrDefinite(w, s string) bool {
	for _, e := range []string{"en", "er", "erna", "ens", "ernas"} {
		if len(w) == len(s)+len(e) && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// definiteNeuter returns a word in -et, the definite form of a neuter noun
// ("mötet", "arbetet", "nätverket"), or in -ets, its genitive, without
// its -et or -ets, which Snowball leaves: the -et after a consonant, with three letters or more before
// it, when the word does not end in -het or -itet, which are no such
// endings ("verksamhet", "kvalitet"). Any other word is returned as it is.
func definiteNeuter(w string) string {
	n := len(w)
	if n >= 6 && strings.HasSuffix(w, "ets") && !strings.HasSuffix(w, "arbets") {
		// The genitive of the definite form ("nätverkets", "mötets"); a word
		// in -arbets is the linking form of "arbete" ("samarbets").
		if d := definiteNeuter(w[:n-1]); len(d) < n-1 {
			return d
		}
		return w
	}
	if n < 5 || !strings.HasSuffix(w, "et") || isVowel(w[n-3]) || w[n-3] == 'h' || strings.HasSuffix(w, "itet") {
		return w
	}
	return w[:n-2]
}

// neuterAdjective returns the neuter form of an adjective in -ig, -lig,
// -sam, -bar or -iv ("viktigt", "gemensamt", "hållbart", "effektivt"),
// which Snowball leaves, without its -t, in a word of six letters or
// more; any other word as it is.
func neuterAdjective(w string) string {
	if len(w) >= 6 {
		for _, e := range []string{"igt", "samt", "bart", "ivt"} {
			if strings.HasSuffix(w, e) {
				return w[:len(w)-1]
			}
		}
	}
	return w
}

// swedishNormalise mends the Snowball stem s of w for two definite forms
// Snowball leaves: the plural of neuter nouns in -ena, of which it takes
// the -a alone ("mötena" -> "möten" -> "mot"), and the singular of nouns
// in -a, whose -an it leaves ("frågan", "skolan" -> "frag", "skol") and
// of whose genitive it takes the -s alone ("sidan", "frågans"): a stem
// of five letters or more in -an, not -man ("förman"), loses its -an when
// it ends a form of the word (anEnds), in every form ("distans",
// "distansen" -> "dist"); the few other nouns in -an ("anmälan", "början") meet their verbs. And
// "område" meets "området", "områden". Then swedishStemEnd.
func swedishNormalise(w, s string) string {
	if n := len(s); n >= 3 && strings.HasSuffix(s, "omr") && strings.HasPrefix(w[n-3:], "omrad") {
		// "område" is the noun whose -ade, and whose -ad of "området",
		// Snowball takes for the past tense: every form keeps "områd".
		return s + "ad"
	}
	if strings.HasSuffix(w, "ena") && len(s) == len(w)-1 && len(s) >= 5 {
		s = s[:len(s)-2]
	} else if len(s) >= 5 && strings.HasSuffix(s, "an") && !strings.HasSuffix(s, "man") && anEnds(w, s) {
		s = s[:len(s)-2]
	}
	return swedishStemEnd(s)
}

// anEnds reports whether the -an of the stem s ends a form of the word w:
// w is s, or s followed by -a, by an -s or by an -e ("frågan", "spontana",
// "frågans", "distansen", "arbetsplaner"), not by the rest of a stem
// Snowball cut ("intranätet", whose stem is "intran").
func anEnds(w, s string) bool {
	rest, ok := strings.CutPrefix(w, s)
	return ok && (rest == "" || rest == "a" || rest[0] == 's' || rest[0] == 'e')
}

// swedishStemEnd mends two ends of a Snowball stem that the word's other
// forms lack. A doubled m, which Swedish writes only before an ending
// ("rummet", "programmet", "timmen" against "rum", "program", "timme"),
// is single. And the -el (or the -eln of the definite form) of a word that
// drops its e before an ending ("regel", "regeln", "regler"; "exempel",
// "exemplet"; "enkel", "enkla") loses the e: "regl", "exempl", "enkl".
// Such an -el follows one or two consonants after a vowel, in a stem of
// five letters or more ("samspel", "spel" and "fel" keep theirs). And a
// stem in -jon is the definite form of a noun in -jö, folded ("miljön",
// "sjön" -> "miljo", "sjo"), which is the base form's stem; "miljon", of
// which folding makes "miljön", keeps it in every form too.
func swedishStemEnd(s string) string {
	n := len(s)
	if n >= 4 && strings.HasSuffix(s, "mm") || n >= 4 && strings.HasSuffix(s, "jon") {
		return s[:n-1]
	}
	t := strings.TrimSuffix(s, "n")
	if n := len(t); n >= 5 && strings.HasSuffix(t, "el") && !isVowel(t[n-3]) {
		i := n - 3
		if !isVowel(t[i-1]) {
			i--
		}
		if isVowel(t[i-1]) {
			return t[:n-2] + "l"
		}
	}
	return s
}

// swedishDerive lets a verb and its action noun in -ing or -ning meet
// (utveckla, utvecklar ↔ utveckling; ordna ↔ ordning; planera ↔ planering),
// each stem four letters or more. haku-sv.js (deriveSv) is the same.
func swedishDerive(w string) []string {
	if len(w) < 5 || !isASCIILetters(w) {
		return nil
	}
	k := swedishKey(w)
	var out []string
	add := func(f string, least int) {
		if fk := swedishKey(f); fk != k && len(fk) >= least && !slices.Contains(out, fk) {
			out = append(out, fk)
		}
	}
	if x, ok := strings.CutSuffix(k, "ing"); ok && len(x) >= 4 {
		add(x+"a", 4)
		if x, ok := strings.CutSuffix(x, "n"); ok && len(x) >= 3 {
			add(x+"a", 4) // handledning -> handleda
		}
	} else if len(k) >= 4 {
		add(k+"ing", 4)
		add(k+"ning", 4)
	}
	slices.Sort(out)
	return out
}

// swedishSuffixLike reports whether w starts like a Swedish derivational
// ending rather than like a word: "gemenskap" is no "gemen" + "skap".
func swedishSuffixLike(w string) bool {
	for _, s := range []string{"het", "skap", "ning", "lig", "ande", "ende", "else", "arna", "erna", "orna", "isk", "ism", "ist"} {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// swedishStop are the folded Swedish function words that are not indexed
// (the Snowball project's Swedish stop words); haku-sv.js's STOP_WORDS
// are written from them (go generate).
var swedishStop = newStopSet(`
	och det att en jag hon som han pa den med var sig for sa till ar men ett om
	hade de av icke mig du henne da sin nu har inte hans honom skulle hennes dar
	min man ej vid kunde nagot fran ut nar efter upp vi dem vara vad over an dig
	kan sina har ha mot alla under nagon eller allt mycket sedan ju denna sjalv
	detta at utan varit hur ingen mitt ni bli blev oss din dessa nagra deras blir
	mina samma vilken er sadan var blivit dess inom mellan sadant varfor varje
	vilka ditt vem vilket sitta sadana vart dina vars vart vara ert era vilkas`)
