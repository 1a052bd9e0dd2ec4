//go:build !unix

package output

import "context"

// lock does nothing where flock is not there.
func lock(context.Context, string) (func(), error) { return func() {}, nil }
