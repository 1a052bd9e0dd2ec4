//go:build !unix

package output

import (
	"bytes"
	"os"
)

// holds tells whether the regular file name holds exactly data.
func holds(name string, data []byte) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	cur, err := os.ReadFile(name)
	return err == nil && bytes.Equal(cur, data)
}
