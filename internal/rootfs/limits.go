package rootfs

import "path"

// The largest file of each kind that is read. A page far larger than any
// real one is almost always a mistake (a pasted export, a binary saved as
// .md), and every file read is held in memory until the build is written,
// so the limits are set here once and listed in the README.
const (
	// MaxPage is the limit of a Markdown page and of YAML settings.
	MaxPage = 2 << 20
	// MaxFile is the limit of every other file: images and attachments
	// under static/, and the theme's templates and assets.
	MaxFile = 64 << 20
)

// Limit is the largest size a file called name may have.
func Limit(name string) int64 {
	switch path.Ext(name) {
	case ".md", ".yaml", ".yml":
		return MaxPage
	}
	return MaxFile
}
