package markdown

// MovedTo is where the place at line and col of d is in now, a later
// version of the same file: the place of a top-level front matter key
// (its line, col 1), of its value, of an item of its list, of one of the
// links of the body, or the file's first line (1, 1), as positioned
// problems are. A save that changed only a comment or the layout of the
// front matter, or added lines above a link, keeps every such thing but
// moves it; a problem found between documents, which a patched model does
// not find anew, must follow it (see build's Session).
//
// A link is followed by its place in the list of links, and must have
// the same address in now; an item by its text, the n-th item of that
// text to the n-th. ok is false when the place is none of these, or now
// has no such key, item or link.
func (d *Doc) MovedTo(now *Doc, line, col int) (nline, ncol int, ok bool) {
	if d == nil || now == nil {
		return 0, 0, false
	}
	if line == 1 && col <= 1 {
		return line, col, true
	}
	for i, l := range d.Links {
		if l.Line == line && l.Col == col {
			if i < len(now.Links) && now.Links[i].Dest == l.Dest {
				return now.Links[i].Line, now.Links[i].Col, true
			}
			return 0, 0, false
		}
	}
	for key, kl := range d.KeyLines() {
		v, hasValue := d.ValueAt(key)
		if hasValue {
			for i, it := range v.Items {
				if it.Line == line && it.Col == col {
					return nthOfText(v.Items, i, now, key)
				}
			}
			if v.Line == line && v.Col == col {
				if w, ok := now.ValueAt(key); ok {
					return w.Line, w.Col, true
				}
				return 0, 0, false
			}
		}
		if kl == line && col <= 1 {
			if l, ok := now.KeyLine(key); ok {
				return l, col, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// nthOfText is where, in the list of key in now, the item is whose text
// is that of items[i] and which has as many items of that text before it.
func nthOfText(items []ItemAt, i int, now *Doc, key string) (line, col int, ok bool) {
	n := 0
	for _, it := range items[:i] {
		if it.Text == items[i].Text {
			n++
		}
	}
	w, ok := now.ValueAt(key)
	if !ok {
		return 0, 0, false
	}
	for _, it := range w.Items {
		if it.Text != items[i].Text {
			continue
		}
		if n == 0 {
			return it.Line, it.Col, true
		}
		n--
	}
	return 0, 0, false
}
