//go:build !long

package testkit

// Long: see long.go.
const Long = false
