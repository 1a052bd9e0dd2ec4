package markdown

import "strings"

// DestAsWritten is the link destination dest (as Link.Dest has it) as it
// is written between the parentheses of [text](…), for a message that
// says what to write: as it is, or in angle brackets when CommonMark
// reads no destination from it bare, that is when it is empty, has a
// space or a control character, has parentheses that do not pair, or
// starts with <; inside the brackets a < or > is escaped. So a file saved
// with a space in its name is linked as [Raportti](<liitteet/raportti 1.pdf>).
func DestAsWritten(dest string) string {
	if bareDest(dest) {
		return dest
	}
	return "<" + strings.NewReplacer("<", `\<`, ">", `\>`).Replace(dest) + ">"
}

// bareDest tells whether CommonMark reads dest whole as a destination
// written without angle brackets.
func bareDest(dest string) bool {
	if dest == "" || dest[0] == '<' {
		return false
	}
	open := 0
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case c <= ' ' || c == 0x7f:
			return false
		case c == '(':
			open++
		case c == ')':
			if open--; open < 0 {
				return false
			}
		}
	}
	return open == 0
}
