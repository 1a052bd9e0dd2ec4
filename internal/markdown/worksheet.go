package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v2"

	"github.com/helminauha/helminauha/internal/diag"
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

// isWorksheetInfo reports whether a fenced code block's language makes it
// a worksheet. Työpohja with its diacritics is accepted too.
func isWorksheetInfo(lang []byte) bool {
	s := strings.ToLower(string(lang))
	return s == "tyopohja" || s == "työpohja"
}

// worksheet decodes and checks one tyopohja block and renders its form.
// Problems are reported at the line in the file they are on.
func (p *parse) worksheet(n *ast.FencedCodeBlock, num int) *worksheet {
	ws := &worksheet{num: num}
	fenceLine := p.pos(n.Pos()).Line
	if n.Pos() < 0 {
		fenceLine = p.pos(blockStart(n)).Line
	}
	// lineOf maps a 1-based line of the block's YAML to a line in the file.
	var buf bytes.Buffer
	var fileLines []int
	var text [][]byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := seg.Value(p.src)
		buf.Write(v)
		fileLines = append(fileLines, p.pos(seg.Start).Line)
		text = append(text, bytes.TrimRight(v, "\n"))
	}
	lineOf := func(l int) int {
		if l < 1 || len(fileLines) == 0 {
			return fenceLine
		}
		if l > len(fileLines) {
			return fileLines[len(fileLines)-1]
		}
		return fileLines[l-1]
	}
	// Every message ends with what a worksheet is made of.
	fail := func(line int, m *diag.Message, args ...any) *worksheet {
		p.diags.Report(p.linePos(line), m, append(args, diag.WorksheetHelp)...)
		return ws
	}

	if len(bytes.TrimSpace(buf.Bytes())) == 0 {
		return fail(fenceLine, diag.WorksheetEmpty)
	}
	var root any
	if err := yaml.Unmarshal(buf.Bytes(), &root); err != nil {
		line, msg, unclosed := yamlProblem(err)
		at := lineOf(line)
		if open := p.unbalancedLine(lineOf(1), at); unclosed && open > 0 {
			at = open
		}
		return fail(at, diag.WorksheetYAML, msg)
	}
	top, ok := root.(map[any]any)
	if !ok {
		return fail(fenceLine, diag.WorksheetNotKeys)
	}
	keyLine := func(key string) int {
		for i, l := range text {
			if k, ok := topLevelKey(l); ok && k == key {
				return fileLines[i]
			}
		}
		return fenceLine
	}
	bad := false
	for k := range top {
		switch key := fmt.Sprint(k); key {
		case "title", "fields":
		default:
			fail(keyLine(key), diag.WorksheetUnknownKey, key)
			bad = true
		}
	}
	title, ok := scalar(top["title"])
	if !ok || title == "" {
		fail(keyLine("title"), diag.WorksheetNoTitle)
		bad = true
	}
	ws.title = title

	items, ok := top["fields"].([]any)
	if !ok || len(items) == 0 {
		fail(keyLine("fields"), diag.WorksheetNoFields)
		return ws
	}
	starts := itemLines(text, fileLines)
	itemLine := func(i int) int {
		if i < len(starts) {
			return starts[i].line
		}
		return keyLine("fields")
	}
	itemKeyLine := func(i int, key string) int {
		if i < len(starts) {
			if l, ok := starts[i].keys[key]; ok {
				return l
			}
			return starts[i].line
		}
		return keyLine("fields")
	}
	for i, it := range items {
		m, ok := it.(map[any]any)
		if !ok {
			fail(itemLine(i), diag.WorksheetFieldNotKeys, i+1)
			bad = true
			continue
		}
		var f worksheetField
		for k := range m {
			switch key := fmt.Sprint(k); key {
			case "label", "help", "type":
			default:
				fail(itemKeyLine(i, key), diag.WorksheetFieldUnknownKey, key, i+1)
				bad = true
			}
		}
		f.label, ok = scalar(m["label"])
		if !ok || f.label == "" {
			fail(itemLine(i), diag.WorksheetFieldNoLabel, i+1)
			bad = true
		}
		if h, ok := scalar(m["help"]); ok {
			f.help = h
		} else if m["help"] != nil {
			fail(itemKeyLine(i, "help"), diag.WorksheetFieldHelp, i+1)
			bad = true
		}
		f.typ = "line"
		if t, ok := m["type"]; ok && t != nil {
			s, _ := scalar(t)
			typ, known := fieldTypes[Slugify(s)]
			if !known {
				fail(itemKeyLine(i, "type"), diag.WorksheetFieldType, i+1, s)
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

// scalar returns a YAML scalar as text; false for a list, a mapping or
// nothing.
func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case nil, map[any]any, []any:
		return "", false
	case string:
		return strings.TrimSpace(v), true
	default:
		return strings.TrimSpace(fmt.Sprint(v)), true
	}
}

type itemStart struct {
	line int
	keys map[string]int // line of each key of the item
}

// itemLines finds where each list item under the top-level fields: key
// starts, and the lines of its keys, for positioned errors. It reads the
// block style editors write; for other styles errors point at fields:.
func itemLines(text [][]byte, fileLines []int) []itemStart {
	var items []itemStart
	in := false
	indent := -1
	for i, l := range text {
		if k, ok := topLevelKey(l); ok {
			in = k == "fields"
			continue
		}
		if !in {
			continue
		}
		trimmed := bytes.TrimLeft(l, " ")
		ind := len(l) - len(trimmed)
		isItem := len(trimmed) > 0 && trimmed[0] == '-' && (len(trimmed) == 1 || trimmed[1] == ' ' || trimmed[1] == '\t')
		if isItem && (indent < 0 || ind == indent) {
			indent = ind
			items = append(items, itemStart{line: fileLines[i], keys: map[string]int{}})
			trimmed = bytes.TrimLeft(trimmed[1:], " \t")
		} else {
			trimmed = bytes.TrimLeft(trimmed, " \t")
		}
		if len(items) > 0 {
			if k, ok := topLevelKey(trimmed); ok {
				if _, seen := items[len(items)-1].keys[k]; !seen {
					items[len(items)-1].keys[k] = fileLines[i]
				}
			}
		}
	}
	return items
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
