package rootfs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Refused is why a file is not read. Its text, Finnish first and then
// English, is what an editor sees after the file's path.
type Refused struct {
	Name   string // the path inside the folder
	Reason Reason
	Size   int64 // the file's size, for TooLarge
	Mode   fs.FileMode
}

// Reason is a kind of refusal; each has one message.
type Reason int

const (
	Outside      Reason = iota + 1 // a symbolic link out of the folder
	Dangling                       // a symbolic link to nothing, or to a loop
	LinkedFolder                   // a symbolic link to a folder
	Special                        // a named pipe, device or socket
	TooLarge                       // larger than Limit
	BadName                        // a name that is not UTF-8
)

func (r *Refused) Error() string {
	fi, en := r.text()
	return fi + " (" + en + ")"
}

// text is the message in Finnish and in English. Every message of the
// package is here.
func (r *Refused) text() (fi, en string) {
	switch r.Reason {
	case Outside:
		return "symbolinen linkki vie kansion ulkopuolelle, eikä sieltä lueta mitään: kopioi tiedosto kansioon linkin tilalle",
			"this symbolic link leads out of the folder, and nothing outside it is read: copy the file into the folder instead"
	case Dangling:
		return "symbolinen linkki ei johda mihinkään tiedostoon: poista se tai ohjaa se olemassa olevaan tiedostoon",
			"this symbolic link leads nowhere: remove it or point it at an existing file"
	case LinkedFolder:
		return "tämä on symbolinen linkki kansioon, eikä linkitettyjä kansioita lueta (ne voivat kiertää kehää): kopioi tiedostot kansioon",
			"this is a symbolic link to a folder, and linked folders are not read (they can loop): copy the files into the folder instead"
	case Special:
		fi, en := "erikoistiedosto", "special file"
		switch {
		case r.Mode&fs.ModeNamedPipe != 0:
			fi, en = "nimetty putki (FIFO)", "named pipe (FIFO)"
		case r.Mode&fs.ModeSocket != 0:
			fi, en = "pistoke (socket)", "socket"
		case r.Mode&fs.ModeDevice != 0:
			fi, en = "laite", "device"
		}
		return "tämä on " + fi + " eikä tavallinen tiedosto, joten sitä ei lueta: poista se kansiosta",
			"this is a " + en + ", not a regular file, so it is not read: remove it from the folder"
	case TooLarge:
		limit := Limit(r.Name)
		mb := fmt.Sprintf("%.1f", float64(r.Size)/(1<<20))
		if path.Ext(r.Name) == ".md" {
			return fmt.Sprintf("tiedosto on %s Mt, enemmän kuin sivu saa olla (%d Mt): jaa se useammaksi sivuksi ja laita suuret liitteet static/-kansioon", strings.Replace(mb, ".", ",", 1), limit>>20),
				fmt.Sprintf("the file is %s MB, more than a page may be (%d MB): split it into several pages, and put large attachments under static/", mb, limit>>20)
		}
		return fmt.Sprintf("tiedosto on %s Mt, enemmän kuin yksi tiedosto saa olla (%d Mt): pienennä sitä tai julkaise se muualla ja linkitä siihen", strings.Replace(mb, ".", ",", 1), limit>>20),
			fmt.Sprintf("the file is %s MB, more than one file may be (%d MB): make it smaller, or publish it elsewhere and link to it", mb, limit>>20)
	case BadName:
		return "nimi ei ole kelvollista UTF-8-tekstiä: nimeä se uudelleen kirjaimin a–z, numeroin ja väliviivoin",
			"the name is not valid UTF-8 text: rename it with letters a–z, digits and hyphens"
	}
	return "tiedostoa ei lueta", "the file is not read"
}

// Explain is the message for a file that could not be read: the
// refusal's, or the system's reason in both languages.
func Explain(err error) string {
	if r, ok := AsRefused(err); ok {
		return r.Error()
	}
	if errors.Is(err, fs.ErrPermission) {
		return "tiedostoon ei ole lukuoikeutta: anna lukuoikeus tai poista tiedosto (cannot read the file: permission denied)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already where the message is
	}
	return fmt.Sprintf("tiedostoa ei voi lukea: %v (cannot read the file: %v)", err, err)
}
