package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/yamldoc"
)

// A worksheet (työpohja) is a fenced code block with the info string
// tyopohja whose YAML describes a form the reader fills in:
//
//	```tyopohja
//	title: Yhteinen tavoite
//	fields:
//	  - label: Mikä on verkoston yhteinen tavoite?
//	    help: Yksi tai kaksi lausetta.
//	    type: textarea
//	  - label: Kuinka hyvin tavoite on kaikkien tiedossa?
//	    type: scale
//	```
//
// A field's type is line, textarea, scale (1–5) or date, or the Finnish
// rivi, tekstialue, asteikko, paivamaara; line is the default.
type worksheet struct {
	ok     bool // false when the block has errors; it then renders nothing
	num    int  // 1-based number of the worksheet in its document
	title  string
	fields []worksheetField
	html   []byte
}

type worksheetField struct {
	label, help string
	typ         string // line, textarea, scale or date
}

// fieldTypes maps every accepted spelling of a field type to its type.
var fieldTypes = map[string]string{
	"line": "line", "textarea": "textarea", "scale": "scale", "date": "date",
	"rivi": "line", "tekstialue": "textarea", "asteikko": "scale", "paivamaara": "date",
}

// fieldTypeNames are the keys of fieldTypes in the order the message of
// an unknown type suggests them, English first as the guide writes them.
var fieldTypeNames = []string{"line", "textarea", "scale", "date", "rivi", "tekstialue", "asteikko", "paivamaara"}

// isWorksheetInfo reports whether a fenced code block's language makes it
// a worksheet. Työpohja with its diacritics is accepted too.
func isWorksheetInfo(lang []byte) bool {
	s := strings.ToLower(string(lang))
	return s == "tyopohja" || s == "työpohja"
}

// worksheet decodes and checks one tyopohja block and renders its form.
// Problems are reported at the line and column in the file they are on.
func (p *parse) worksheet(n *ast.FencedCodeBlock, num int) *worksheet {
	ws := &worksheet{num: num}
	fence := p.pos(n.Pos())
	if n.Pos() < 0 {
		fence = p.pos(blockStart(n))
	}
	fence.Col = 0
	// The block's lines, and where each starts in the file: inside a
	// list item or a quote they are indented in the file.
	var buf bytes.Buffer
	var starts []diag.Pos
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(p.src))
		starts = append(starts, p.pos(seg.Start))
	}
	at := func(line, col int) diag.Pos {
		if line < 1 || line > len(starts) {
			return fence
		}
		pos := starts[line-1]
		pos.Col += col - 1
		return pos
	}
	// Every message ends with what a worksheet is made of.
	fail := func(pos diag.Pos, m *diag.Message, args ...any) *worksheet {
		p.diags.Report(pos, m, append(args, diag.WorksheetHelp)...)
		return ws
	}
	node := func(n *yamldoc.Node) diag.Pos { return at(n.Line, n.Column) }

	if len(bytes.TrimSpace(buf.Bytes())) == 0 {
		return fail(fence, diag.WorksheetEmpty)
	}
	top, prob := yamldoc.Parse(buf.Bytes())
	if prob != nil {
		if p.badUTF8 {
			return ws // the whole file's UTF-8 message says what to do
		}
		if prob.Cause {
			p.diags.Add(&diag.Error{Pos: at(prob.Line, prob.Col), Text: prob.Text})
			return ws
		}
		return fail(at(prob.Line, prob.Col), diag.WorksheetYAML, prob.Text)
	}
	if top == nil || top.Kind != yamldoc.Mapping {
		return fail(fence, diag.WorksheetNotKeys)
	}
	bad := false
	if prob := yamldoc.Plain(top); prob != nil {
		// An anchor, alias or tag: a worksheet is plain keys and values.
		p.diags.Add(&diag.Error{Pos: at(prob.Line, prob.Col), Text: prob.Text})
		return ws
	}
	// visible reports a character written as an escape that shows as
	// nothing ("\x07") in the text of key's value v.
	visible := func(key string, v *yamldoc.Node, s string) {
		if r, ok := yamldoc.UnwantedIn(s); ok {
			p.diags.Report(node(v), diag.ContentControl, key, r)
			bad = true
		}
	}
	// keyPos is where key is in m, or else where is.
	keyPos := func(m *yamldoc.Node, key string, or diag.Pos) diag.Pos {
		for k := range yamldoc.Pairs(m) {
			if k.Value == key {
				return node(k)
			}
		}
		return or
	}
	yamldoc.CurlyQuotes(top, func(line, col int, r rune) {
		p.diags.Warn(at(line, col), diag.YAMLCurlyQuote, r)
	})
	twice := func(k, first *yamldoc.Node) {
		p.diags.Report(node(k), diag.YAMLKeyTwice, k.Value, node(first).Line)
		bad = true
	}
	yamldoc.Twice(top, twice)
	for k := range yamldoc.Pairs(top) {
		if k.Value != "title" && k.Value != "fields" {
			fail(node(k), diag.WorksheetUnknownKey, k.Value)
			bad = true
		}
	}
	title, ok := yamldoc.Text(yamldoc.Get(top, "title"))
	if !ok || title == "" {
		fail(keyPos(top, "title", fence), diag.WorksheetNoTitle)
		bad = true
	}
	visible("title", yamldoc.Get(top, "title"), title)
	ws.title = title

	fields := yamldoc.Get(top, "fields")
	if fields == nil || fields.Kind != yamldoc.Sequence || len(fields.Content) == 0 {
		return fail(keyPos(top, "fields", fence), diag.WorksheetNoFields)
	}
	before := p.fields
	if p.fields += len(fields.Content); p.fields > MaxFields {
		if before > MaxFields {
			return ws // said at the worksheet that went past the limit
		}
		return fail(node(fields.Content[MaxFields-before]), diag.WorksheetTooManyFields, MaxFields)
	}
	for i, it := range fields.Content {
		if it.Kind != yamldoc.Mapping {
			fail(node(it), diag.WorksheetFieldNotKeys, i+1)
			bad = true
			continue
		}
		var f worksheetField
		yamldoc.Twice(it, twice)
		for k := range yamldoc.Pairs(it) {
			switch k.Value {
			case "label", "help", "type":
			default:
				fail(node(k), diag.WorksheetFieldUnknownKey, k.Value, i+1)
				bad = true
			}
		}
		f.label, ok = yamldoc.Text(yamldoc.Get(it, "label"))
		if !ok || f.label == "" {
			fail(node(it), diag.WorksheetFieldNoLabel, i+1)
			bad = true
		} else {
			visible("label", yamldoc.Get(it, "label"), f.label)
		}
		if h := yamldoc.Get(it, "help"); !yamldoc.Empty(h) {
			if f.help, ok = yamldoc.Text(h); !ok {
				fail(keyPos(it, "help", node(it)), diag.WorksheetFieldHelp, i+1)
				bad = true
			}
			visible("help", h, f.help)
		}
		f.typ = "line"
		if t := yamldoc.Get(it, "type"); !yamldoc.Empty(t) {
			s, _ := yamldoc.Text(t)
			typ, known := fieldTypes[Slugify(s)]
			if !known {
				fail(keyPos(it, "type", node(it)), diag.WorksheetFieldType, i+1, s, Meant(s, fieldTypeNames))
				bad = true
			}
			f.typ = typ
		}
		ws.fields = append(ws.fields, f)
	}
	if bad {
		return ws
	}
	ws.ok = true
	ws.html = ws.render()
	return ws
}

// render writes the worksheet's form. The theme's script and stylesheet
// are written against exactly this markup: class and data- names, ids
// tyopohja-N, tyopohja-N-title, tyopohja-N-fK (-help, -1 … -5), names fK.
func (ws *worksheet) render() []byte {
	var b strings.Builder
	id := worksheetIDPrefix + strconv.Itoa(ws.num)
	fmt.Fprintf(&b, `<form class="tyopohja" id="%s" data-tyopohja="%d" aria-labelledby="%s-title">`+"\n", id, ws.num, id)
	fmt.Fprintf(&b, `<h2 id="%s-title" class="tyopohja-title">%s</h2>`+"\n", id, html.EscapeString(ws.title))
	for i, f := range ws.fields {
		name := "f" + strconv.Itoa(i+1)
		fid := id + "-" + name
		label := html.EscapeString(f.label)
		help, described := "", ""
		if f.help != "" {
			help = `<p class="tp-help" id="` + fid + `-help">` + html.EscapeString(f.help) + `</p>`
			described = ` aria-describedby="` + fid + `-help"`
		}
		switch f.typ {
		case "scale":
			fmt.Fprintf(&b, `<fieldset class="tp-field tp-scale"%s><legend>%s</legend>%s<span class="tp-scale-options">`, described, label, help)
			for v := 1; v <= 5; v++ {
				fmt.Fprintf(&b, `<input type="radio" id="%s-%d" name="%s" value="%d"><label for="%s-%d">%d</label>`, fid, v, name, v, fid, v, v)
			}
			b.WriteString("</span></fieldset>\n")
		case "textarea":
			fmt.Fprintf(&b, `<div class="tp-field"><label for="%s">%s</label>%s<textarea id="%s" name="%s" rows="4"%s></textarea></div>`+"\n", fid, label, help, fid, name, described)
		default:
			typ := "text"
			if f.typ == "date" {
				typ = "date"
			}
			fmt.Fprintf(&b, `<div class="tp-field"><label for="%s">%s</label>%s<input type="%s" id="%s" name="%s"%s></div>`+"\n", fid, label, help, typ, fid, name, described)
		}
	}
	b.WriteString(`<div class="tp-actions" data-tp-actions></div>` + "\n</form>\n")
	return []byte(b.String())
}
