//go:build !linux

package output

import "errors"

// exchange is Linux's RENAME_EXCHANGE; elsewhere the file is renamed
// over the old one.
func exchange(from, to string) error { return errors.ErrUnsupported }
