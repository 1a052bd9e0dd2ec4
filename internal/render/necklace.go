package render

import (
	"fmt"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/site"
)

// The necklace's geometry, in SVG user units. A strand is drawn in a
// viewBox 360 wide, the width of a small phone, and scaled by CSS: on a
// 360 px screen a bead is about 20 px across.
const (
	strandWidth = 360
	beadsPerRow = 12
	beadSpacing = 28
	beadRadius  = 11
	rowHeight   = 58
	rowTop      = 22
	sag         = 14 // how far the string hangs down in the middle
	// labelLine is the longest line, in runes, of the title shown under a
	// strand while its pearl is hovered or focused; a longer title takes
	// two lines (labelGap apart), and one longer still is cut. A line of
	// 32 stays inside the strand's 360 units in a wide font (DejaVu Sans)
	// also with WCAG 1.4.12's letter and word spacing (0.12 and 0.16 em),
	// which made a line of 46 run past a phone's screen, cut off.
	labelLine = 32
	labelGap  = 16
	// homeStrand and areaStrand cap the beads drawn on a strand; the
	// rest are reached from the area page's list, so that a portal of
	// 10,000 pearls still has a small home page (one row per area).
	homeStrand = 12
	areaStrand = 48
	// pagedStrand caps the strand of an area whose pearls take several
	// pages: its first page also lists PageSize pearls, and the strand
	// and list together must stay within the page budget.
	pagedStrand = 24
)

// Strand is one theme area's string of pearls, ready for the template to
// draw: every coordinate is computed here.
type Strand struct {
	Area   *site.Area
	Color  string // the area's colour, #rrggbb
	Width  int
	Height int
	Rows   []string // the SVG path of the string of each row
	Beads  []Bead
	LabelY int // baseline of the title shown on hover and focus
	// LabelGap is how far a title's second line is below its first.
	LabelGap int
	// Total is the number of pearls in the area; More those not drawn.
	Total, More int
	// Count is Total in words, in the page's language ("12 helmeä").
	Count string
}

// Bead is one pearl on a strand. Its fields are plain (not promoted from
// the model), which keeps template execution fast.
type Bead struct {
	Title, URL string
	KindLabel  string
	Shape      string // the kind: tieto, vinkki, menetelma, tyokalu
	X, Y       int    // centre
	// Diamond is the points of the tyokalu shape.
	Diamond string
	// ShineX and ShineY place the highlight of a vinkki, up and left of
	// the centre.
	ShineX, ShineY int
	// Label and Label2 are the title as shown under the strand, on one
	// line or two, shortened (labelLines).
	Label, Label2 string
}

// capPearls returns at most n of list.
func capPearls(list []*site.Pearl, n int) []*site.Pearl {
	if len(list) > n {
		return list[:n]
	}
	return list
}

// strand lays out up to max of a's pearls on a draped string: rows of
// beadsPerRow, each row a quadratic curve across the full width with the
// beads centred on it.
func strand(a *site.Area, max int) *Strand {
	pearls := capPearls(a.Pearls, max)
	st := &Strand{Area: a, Color: areaColor(a), Width: strandWidth, LabelGap: labelGap, Total: len(a.Pearls), More: len(a.Pearls) - len(pearls)}
	rows := (len(pearls) + beadsPerRow - 1) / beadsPerRow
	if rows == 0 {
		rows = 1
	}
	const x0, x1 = 6, strandWidth - 6
	for r := 0; r < rows; r++ {
		y0 := rowTop + r*rowHeight
		st.Rows = append(st.Rows, fmt.Sprintf("M%d %dQ%d %d %d %d", x0, y0, strandWidth/2, y0+2*sag, x1, y0))
		row := pearls[min(r*beadsPerRow, len(pearls)):min((r+1)*beadsPerRow, len(pearls))]
		start := (strandWidth - (len(row)-1)*beadSpacing) / 2
		for i, p := range row {
			x := start + i*beadSpacing
			t := float64(x-x0) / float64(x1-x0)
			y := y0 + int(4*sag*t*(1-t)+0.5)
			b := Bead{Title: p.Title, URL: p.URL, Shape: "tieto", X: x, Y: y, ShineX: x - 4, ShineY: y - 4}
			b.Label, b.Label2 = labelLines(p.Title)
			if p.Kind != nil {
				b.Shape, b.KindLabel = p.Kind.Slug, p.Kind.Label
			}
			if b.Shape == "tyokalu" {
				d := beadRadius + 2
				b.Diamond = fmt.Sprintf("%d,%d %d,%d %d,%d %d,%d", x, y-d, x+d, y, x, y+d, x-d, y)
			}
			st.Beads = append(st.Beads, b)
		}
	}
	st.LabelY = rowTop + (rows-1)*rowHeight + sag + 38
	st.Height = st.LabelY + 10
	for _, b := range st.Beads {
		if b.Label2 != "" {
			st.Height += labelGap
			break
		}
	}
	return st
}

// labelLines splits a title into the lines shown under a strand: one
// when it has at most labelLine runes, else two, broken at the last space
// that leaves the first at most labelLine, the second shortened to
// labelLine. A first word longer than a line is cut, on one line.
func labelLines(title string) (string, string) {
	r := []rune(title)
	if len(r) <= labelLine {
		return title, ""
	}
	for i := labelLine; i > 0; i-- {
		if r[i] == ' ' {
			return string(r[:i]), shorten(string(r[i+1:]), labelLine)
		}
	}
	return shorten(title, labelLine), ""
}

// shorten cuts s to n runes at a word boundary, adding "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	for i := len(r) - 1; i > n/2; i-- {
		if r[i] == ' ' {
			r = r[:i]
			break
		}
	}
	return string(r) + "…"
}

// strand is strand with the count of its pearls in the page's words.
func (v *View) strand(a *site.Area, max int) *Strand {
	st := strand(a, max)
	st.Count = v.N("pearls", st.Total)
	return st
}
