//go:build !unix

package output

import (
	"os"
	"path/filepath"
)

// stage is the staging folder, by its name.
type stage struct{ dir string }

func openStage(dir string) (stage, error) { return stage{dir: dir}, nil }

func (s stage) close() {}

// path is the name of the slash path rel inside the folder.
func (s stage) path(rel string) string { return filepath.Join(s.dir, filepath.FromSlash(rel)) }

// mkdir makes the folder rel.
func (s stage) mkdir(rel string) error { return os.Mkdir(s.path(rel), 0o755) }

// write writes data to the file rel, creating or truncating it.
func (s stage) write(rel string, data []byte) error { return os.WriteFile(s.path(rel), data, 0o644) }
