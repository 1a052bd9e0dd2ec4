package rootfs

import (
	"errors"
	"io/fs"
	"path"

	"github.com/helminauha/helminauha/internal/diag"
)

// Refused is why a file is not read. Its words are in diag's catalogue;
// Problem puts them at the file's place.
type Refused struct {
	Name   string // the path inside the folder
	Reason Reason
	Size   int64       // the file's size, for TooLarge
	Mode   fs.FileMode // for Special
	Target string      // where the link points, as written, for Loop
	Err    error       // what following the link gave, for Dangling
}

// Reason is a kind of refusal; each has one message.
type Reason int

const (
	Outside      Reason = iota + 1 // a symbolic link out of the folder
	Dangling                       // a symbolic link to nothing
	LinkedFolder                   // a symbolic link to a folder
	Loop                           // a symbolic link back to itself or to a folder it is in
	Special                        // a named pipe, device or socket
	TooLarge                       // larger than Limit
	BadName                        // a name that is not UTF-8
)

func (r *Refused) Error() string {
	m, args := r.message()
	return m.In(diag.English, args...)
}

func (r *Refused) Unwrap() error { return r.Err }

// message is the refusal's message and its arguments.
func (r *Refused) message() (*diag.Message, []any) {
	switch r.Reason {
	case Outside:
		return diag.ReadOutside, nil
	case Dangling:
		return diag.ContentBrokenLink, []any{diag.Cause(r.Err)}
	case LinkedFolder:
		return diag.ContentLinkedFolder, nil
	case Loop:
		return diag.ContentLinkLoop, []any{r.Target}
	case Special:
		kind := diag.WordSpecial
		switch {
		case r.Mode&fs.ModeNamedPipe != 0:
			kind = diag.WordFIFO
		case r.Mode&fs.ModeSocket != 0:
			kind = diag.WordSocket
		case r.Mode&fs.ModeDevice != 0:
			kind = diag.WordDevice
		}
		return diag.ReadSpecial, []any{kind}
	case TooLarge:
		m := diag.ReadTooLarge
		if path.Ext(r.Name) == ".md" {
			m = diag.ContentTooLarge
		}
		return m, []any{float64(r.Size) / (1 << 20), Limit(r.Name) >> 20}
	case BadName:
		return diag.ReadBadName, nil
	}
	return diag.ContentCannotReadFile, []any{diag.Cause(r.Err)}
}

// AsRefused returns the refusal in err's chain, if any.
func AsRefused(err error) (*Refused, bool) {
	var r *Refused
	ok := errors.As(err, &r)
	return r, ok
}

// Problem is the problem at pos of a file that could not be read: the
// refusal, or what the system said.
func Problem(pos diag.Pos, err error) *diag.Error {
	if r, ok := AsRefused(err); ok {
		m, args := r.message()
		return diag.New(pos, m, args...).Because(err)
	}
	return diag.New(pos, diag.ContentCannotReadFile, diag.Cause(err)).Because(err)
}
