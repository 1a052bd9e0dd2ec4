package diag

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*[0-9]*(?:\.[0-9]+)?([a-zA-Z%])`)

// argVerbs is the verb that takes each argument of format, in argument
// order: %[2]d takes the second whatever its place in the sentence.
func argVerbs(format string) []string {
	var out []string
	next := 0
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
			next--
		}
		for len(out) <= next {
			out = append(out, "")
		}
		out[next] = m[2]
		next++
	}
	return out
}

// TestEveryMessageInEveryLanguage fails when a message lacks a language,
// when its languages take different arguments, or when one of them is
// left as the other's copy.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	id := regexp.MustCompile(`^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	for _, m := range Catalogue() {
		if !id.MatchString(m.id) {
			t.Errorf("message id %q is not of the form package.what-is-wrong", m.id)
		}
		for _, l := range Langs {
			if m.texts[l] == nil && l == Swedish {
				t.Errorf("%s: no Swedish text: add it to svTexts (or svPlurals) in messages_sv.go", m.id)
			} else if m.texts[l] == nil {
				t.Errorf("%s: no %s text", m.id, l)
			}
		}
		fi, en, sv := m.plain[Finnish], m.plain[English], m.plain[Swedish]
		if fi == "" && en == "" {
			continue // a message with plural forms; checked below
		}
		if strings.TrimSpace(sv) == "" && m.texts[Swedish] == nil {
			// Reported above; messages_sv.go is where it goes.
		} else if strings.TrimSpace(sv) == "" {
			t.Errorf("%s: the Swedish text has plural forms, the others not", m.id)
		} else {
			if sv == fi || sv == en {
				t.Errorf("%s: the Swedish is the Finnish or the English text: %q", m.id, sv)
			}
			if s, e := strings.Join(argVerbs(sv), " "), strings.Join(argVerbs(en), " "); s != e {
				t.Errorf("%s: Swedish and English take different arguments: sv %q, en %q", m.id, s, e)
			}
		}
		if strings.TrimSpace(fi) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s: one language is empty: fi %q, en %q", m.id, fi, en)
			continue
		}
		if fi == en {
			t.Errorf("%s: the Finnish is the English text: %q", m.id, fi)
		}
		if f, e := strings.Join(argVerbs(fi), " "), strings.Join(argVerbs(en), " "); f != e {
			t.Errorf("%s: the languages take different arguments: fi %q, en %q", m.id, f, e)
		}
	}
}

// TestSwedishTextsNameMessages fails for a Swedish text whose id is no
// message's, as when a message is renamed or removed.
func TestSwedishTextsNameMessages(t *testing.T) {
	for id := range svTexts {
		if m := byID[id]; m == nil {
			t.Errorf("messages_sv.go: %q is no message's id", id)
		} else if m.plain[English] == "" {
			t.Errorf("messages_sv.go: %q has plural forms: its Swedish goes in svPlurals", id)
		}
	}
	for id := range svPlurals {
		if m := byID[id]; m == nil {
			t.Errorf("messages_sv.go: %q is no message's id", id)
		} else if m.plain[English] != "" {
			t.Errorf("messages_sv.go: %q has one form: its Swedish goes in svTexts", id)
		}
	}
}

// TestEveryMessageRenders writes every message in every language with
// arguments of the kinds its verbs take, and fails on a format mistake.
func TestEveryMessageRenders(t *testing.T) {
	for _, m := range Catalogue() {
		args := sampleArgs(m)
		for _, l := range Langs {
			got := m.In(l, args...)
			if strings.Contains(got, "%!") || strings.TrimSpace(got) == "" {
				t.Errorf("%s in %s: %q", m.id, l, got)
			}
		}
	}
}

func sampleArgs(m *Message) []any {
	format := m.plain[English]
	if format == "" {
		args := make([]any, m.nargs)
		for i := range args {
			args[i] = 2
		}
		return args
	}
	var args []any
	for _, v := range argVerbs(format) {
		switch v[0] {
		case 'c', 'U':
			args = append(args, 'x')
		case 'd', 'X', 'x':
			args = append(args, 3)
		case 'f':
			args = append(args, 1.5)
		default:
			args = append(args, "x")
		}
	}
	return args
}

func TestChooseLang(t *testing.T) {
	for _, tc := range []struct {
		flag, env, site string
		want            Lang
	}{
		{"", "", "", Finnish},
		{"", "", "fi", Finnish},
		{"", "", "en-GB", English},
		{"", "", "sv", Swedish},
		{"", "", "sv-FI", Swedish},
		{"", "sv", "fi", Swedish},
		{"sv", "en", "", Swedish},
		{"", "", "de", Finnish},
		{"", "en", "fi", English},
		{"fi", "en", "en", Finnish},
		{"en", "", "", English},
		{"", "en_US.UTF-8", "", English},
	} {
		t.Setenv(LangEnv, tc.env)
		if got := ChooseLang(tc.flag, tc.site); got != tc.want {
			t.Errorf("ChooseLang(%q, %q) with %s=%q: %s, want %s", tc.flag, tc.site, LangEnv, tc.env, got, tc.want)
		}
	}
}

func TestProblemInBothLanguages(t *testing.T) {
	e := Warning(Pos{File: "a.md", Line: 2, Col: 1}, DraftMark)
	e.Draft = true
	if got, want := e.In(Finnish), "a.md:2:1: varoitus: (luonnos) (luonnos)"; got != want {
		t.Errorf("Finnish: %q, want %q", got, want)
	}
	if got, want := e.Error(), "a.md:2:1: warning: (draft) (draft)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}

func TestProblemInSwedish(t *testing.T) {
	e := Warning(Pos{File: "a.md", Line: 2, Col: 1}, ContentKeyMissing, "date", "date")
	e.Draft = true
	if got, want := e.In(Swedish), "a.md:2:1: varning: (utkast) den obligatoriska nyckeln \"date\" saknas: lägg till raden `date: ...` bland uppgifterna överst i filen (mellan raderna ---)"; got != want {
		t.Errorf("Swedish: %q, want %q", got, want)
	}
	for _, tc := range []struct {
		m    *Message
		n    int
		want string
	}{
		{CmdErrorCount, 1, "1 fel"},
		{CmdWarningCount, 1, "1 varning"},
		{CmdWarningCount, 3, "3 varningar"},
		{PageKinds["pearl"], 1, "1 pärla"},
		{PageKinds["pearl"], 12, "12 pärlor"},
	} {
		if got := tc.m.In(Swedish, tc.n); got != tc.want {
			t.Errorf("%s(%d) in Swedish: %q, want %q", tc.m.ID(), tc.n, got, tc.want)
		}
	}
}

// TestCountsInEachLanguage: a count of one takes the singular.
func TestCountsInEachLanguage(t *testing.T) {
	for _, tc := range []struct {
		text Text
		want [3]string // fi, en, sv
	}{
		{SiteMoreNames.With("#a, #b", SiteMoreCount.With(1)), [3]string{"#a, #b ja 1 muu", "#a, #b and 1 more", "#a, #b och 1 till"}},
		{SiteMoreNames.With("#a, #b", SiteMoreCount.With(4)), [3]string{"#a, #b ja 4 muuta", "#a, #b and 4 more", "#a, #b och 4 till"}},
		{CmdFileCount.With(1), [3]string{"1 tiedosto", "1 file", "1 fil"}},
		{CmdFileCount.With(40), [3]string{"40 tiedostoa", "40 files", "40 filer"}},
		{CmdMoreErrors.With(1), [3]string{"… ja vielä 1 virhe (korjaa ensin yllä olevat ja aja komento uudelleen)", "… and 1 more error", "… och ytterligare 1 fel (rätta först felen ovan och kör kommandot igen)"}},
		{CmdLeftOut.With(1), [3]string{"Luonnoksia jätettiin pois 1 (julkaise se kirjoittamalla draft: false tai katso se komennolla build --drafts):",
			"Drafts left out: 1 (publish it by writing draft: false, or see it with build --drafts):",
			"Utkast som lämnades utanför: 1 (publicera det genom att skriva draft: false, eller se det med build --drafts):"}},
	} {
		for _, l := range Langs {
			if got := tc.text.In(l); got != tc.want[l] {
				t.Errorf("%s in %s: %q, want %q", tc.text.Message().ID(), l, got, tc.want[l])
			}
		}
	}
}
