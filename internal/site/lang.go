package site

import (
	"time"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
)

// Outdated warns of each translation in tr (another language's
// documents) whose original in def was revised after it: a pearl's or a
// case's updated: or date:, or else, for documents without dates, the
// last commit of each file (commits, by path in the content folder; nil
// when unknown). The warning names both files and stands at the
// translation's value it compares (updated: or date:), or at its first
// line, saying so, when that is the file's last commit. In a git
// checkout (commits not nil), a translation without a commit is new and
// not warned of.
func Outdated(def, tr *content.Set, commits map[string]time.Time) diag.List {
	var diags diag.List
	orig := map[string]content.Doc{}
	def.Each(false, func(d content.Doc) { orig[d.Base().Key] = d })
	tr.Each(false, func(d content.Doc) {
		c := d.Base()
		o := orig[c.Key[len(c.Lang)+1:]]
		if o == nil {
			return
		}
		if _, committed := commits[c.Key+".md"]; commits != nil && !committed {
			// A translation not committed yet is being written now, from
			// the original as it is (helminauha new translation copies
			// its date): it is not older than the original.
			return
		}
		ot, _ := revised(o, commits)
		tt, key := revised(d, commits)
		if ot.IsZero() || tt.IsZero() || !ot.After(tt) {
			return
		}
		if key == "" {
			diags.Warn(diag.Pos{File: c.File, Line: 1, Col: 1}, diag.TranslationOutdatedCommit, o.Base().File, ot.Format(time.DateOnly), tt.Format(time.DateOnly))
			return
		}
		diags.Warn(c.ValuePos(key), diag.TranslationOutdated, o.Base().File, ot.Format(time.DateOnly), tt.Format(time.DateOnly))
	})
	diags.Sort()
	return diags
}

// revised is when a document was last revised, as far as known, and the
// front matter key that says so: updated or date, or "" for the file's
// last commit.
func revised(d content.Doc, commits map[string]time.Time) (time.Time, string) {
	switch v := d.(type) {
	case *content.Pearl:
		if !v.Updated.IsZero() {
			return v.Updated, "updated"
		}
		if c := commits[v.Key+".md"]; c.After(v.Date) {
			return c, ""
		}
		return v.Date, "date"
	case *content.Case:
		if c := commits[v.Key+".md"]; c.After(v.Date) {
			return c, ""
		}
		return v.Date, "date"
	}
	return commits[d.Base().Key+".md"], ""
}
