package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a language the messages are written in.
type Lang int

const (
	// Finnish is the editors' language and the default.
	Finnish Lang = iota
	// English is for editors and developers who do not read Finnish.
	English
	// Swedish is for the editors of a bilingual portal's Swedish pages
	// (messages_sv.go).
	Swedish
)

// Langs are the languages every message exists in.
var Langs = []Lang{Finnish, English, Swedish}

// LangEnv is the environment variable that chooses the language of the
// messages when --lang is not given ("fi", "en" or "sv").
const LangEnv = "HELMINAUHA_LANG"

func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Swedish:
		return "sv"
	}
	return "fi"
}

func (l Lang) tag() language.Tag {
	switch l {
	case English:
		return language.English
	case Swedish:
		return language.Swedish
	}
	return language.Finnish
}

// ParseLang reads a language tag such as fi, sv, en or en-GB. Any
// English tag is English and any Swedish one (sv-FI) Swedish; the other
// tags are not known.
func ParseLang(s string) (Lang, bool) {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "-")
	base, _, _ = strings.Cut(base, "_") // en_US.UTF-8, as in LANG
	switch base {
	case "fi":
		return Finnish, true
	case "en":
		return English, true
	case "sv":
		return Swedish, true
	}
	return Finnish, false
}

// ChooseLang picks the messages' language: the --lang flag when given,
// then LangEnv, then the portal's own language (site.yaml's language),
// and Finnish when none of them names a known language.
func ChooseLang(flag, site string) Lang {
	for _, s := range []string{flag, os.Getenv(LangEnv), site} {
		if l, ok := ParseLang(s); ok {
			return l
		}
	}
	return Finnish
}

// A Message is one text an editor can see, with its id and its wording in
// every language. Messages are made once, in messages.go, which is the
// one list of them; verbs (%s, %q, %d …) take the arguments given when the
// message is used, in the same order in every language.
type Message struct {
	id    string
	nargs int                // the arguments a message with plural forms takes
	texts [3]catalog.Message // by Lang
	plain [3]string          // the format, when it is one
	// lead is the English text's beginning up to its first verb, which
	// every English text of the message begins with (see compare).
	lead string
}

// ID names the message in the catalogue and in check --format json.
func (m *Message) ID() string {
	if m == nil {
		return ""
	}
	return m.id
}

// MaxArg is the most characters of a text argument a message quotes; a
// longer one (a link address, a value, a line of the file) is cut there
// and ends in "…", so that a message stays a line to read.
const MaxArg = 300

// Whole is a text argument written whole, not cut at MaxArg: for text
// the program makes itself (the commands' synopses in the help), never
// for a value an editor wrote.
type Whole string

// In writes the message in l with args. An argument that is a Text (a
// message with its own arguments) is written in l too.
func (m *Message) In(l Lang, args ...any) string {
	if m == nil {
		return fmt.Sprint(args...)
	}
	if len(args) > 0 {
		own := make([]any, len(args))
		for i, a := range args {
			switch t := a.(type) {
			case Text:
				a = t.In(l)
			case *Message:
				a = t.In(l)
			case string:
				a = cut(t)
			case Whole:
				a = string(t)
			}
			own[i] = a
		}
		args = own
	}
	return printers()[l].Sprintf(m.id, args...)
}

// cut is s, or its first MaxArg characters and "…".
func cut(s string) string {
	if len(s) <= MaxArg {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxArg {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// With keeps args for writing the message later, in a language chosen
// then.
func (m *Message) With(args ...any) Text { return Text{m, args} }

// Text is a message with its arguments, written in a language when it is
// shown.
type Text struct {
	msg  *Message
	args []any
}

// In writes the text in l.
func (t Text) In(l Lang) string { return t.msg.In(l, t.args...) }

// String writes the text in English, for logs and tests.
func (t Text) String() string { return t.In(English) }

// Message is the message the text writes.
func (t Text) Message() *Message { return t.msg }

var (
	registry []*Message
	byID     = map[string]*Message{}
)

// msg adds a message whose wording is a format in each language.
func msg(id, fi, en string) *Message {
	m := add(id, catalog.String(fi), catalog.String(en))
	m.plain = [3]string{fi, en}
	m.lead = leadOf(en)
	return m
}

// leadOf is the beginning of format that is written as it is: up to
// its first verb or ${substitution}, and not past a character that
// oneLine would change.
func leadOf(format string) string {
	for i, r := range format {
		if r == '%' || r == '$' || r == utf8.RuneError || unicode.IsControl(r) {
			return format[:i]
		}
	}
	return format
}

// msgVar adds a message whose wording depends on its arguments (one
// error, two errors), made with golang.org/x/text/feature/plural.
func msgVar(id string, nargs int, fi, en catalog.Message) *Message {
	m := add(id, fi, en)
	m.nargs = nargs
	return m
}

func add(id string, fi, en catalog.Message) *Message {
	if byID[id] != nil {
		panic("diag: message id " + id + " is used twice")
	}
	m := &Message{id: id, texts: [3]catalog.Message{fi, en}}
	registry = append(registry, m)
	byID[id] = m
	return m
}

// Catalogue returns every message, in the order messages.go lists them.
func Catalogue() []*Message {
	addSwedish()
	return registry
}

var printers = sync.OnceValue(func() [3]*message.Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.Finnish))
	addSwedish()
	for _, m := range registry {
		for _, l := range Langs {
			if m.texts[l] == nil {
				continue
			}
			if err := b.Set(l.tag(), m.id, m.texts[l]); err != nil {
				panic("diag: message " + m.id + ": " + err.Error())
			}
		}
	}
	var p [3]*message.Printer
	for _, l := range Langs {
		p[l] = message.NewPrinter(l.tag(), message.Catalog(b))
	}
	return p
})

// Cause is what the operating system said went wrong with a file, in
// words an editor knows, without the path and the system call, which the
// message names already. A TextError is its own text.
func Cause(err error) Text {
	var te TextError
	if errors.As(err, &te) {
		return te.Text
	}
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return c.msg.With()
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return CauseOther.With(err.Error())
}

var causes = []struct {
	err error
	msg *Message
}{
	{fs.ErrNotExist, CauseNotExist},
	{fs.ErrPermission, CausePermission},
	{fs.ErrExist, CauseExist},
	{syscall.ENAMETOOLONG, CauseNameTooLong},
	{syscall.EISDIR, CauseIsDir},
	{syscall.ENOTDIR, CauseNotDir},
	{syscall.ENOSPC, CauseNoSpace},
	{syscall.ELOOP, CauseLoop},
}

// TextError is a message used as an error: Error is the English text,
// and a problem made of it (FromError) is written in the editor's
// language.
type TextError struct{ Text Text }

func (e TextError) Error() string { return e.Text.String() }

// Err makes the message with args an error.
func (m *Message) Err(args ...any) error { return TextError{m.With(args...)} }

// FromError is err as a problem at pos: err itself when it is a problem
// of its own (an *Error, which knows its place), its own message when it
// is a TextError, and otherwise its text, which comes from a library in
// English.
func FromError(pos Pos, err error) *Error {
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	var te TextError
	if errors.As(err, &te) {
		return (&Error{Pos: pos, Text: te.Text}).Because(err)
	}
	return New(pos, BuildInternal, err.Error()).Because(err)
}

// TextOf is err in l: its own message when it is a TextError, and
// otherwise its (English) text.
func TextOf(err error, l Lang) string {
	var te TextError
	if errors.As(err, &te) {
		return te.Text.In(l)
	}
	return err.Error()
}
