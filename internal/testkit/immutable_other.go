//go:build !linux

package testkit

import "errors"

// immutable is Linux's immutable attribute; elsewhere there is none.
func immutable(string, bool) error { return errors.ErrUnsupported }
