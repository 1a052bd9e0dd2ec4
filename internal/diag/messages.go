package diag

// Every message an editor can see, in Finnish and English. The Finnish is
// written for an editor, not a programmer: what is wrong, where, and what
// to type instead. Front matter is "asetukset" (the lines between the two
// --- lines), a key is "asetus", a slug is "tunniste", a tag "asiasana", as
// in the editors' guide (content/sivut/toimittajalle.md).

// Marks in a problem's line.
var (
	WarningPrefix = msg("diag.warning", "varoitus:", "warning:")
	DraftMark     = msg("diag.draft", "(luonnos)", "(draft)")
)
