//go:build !unix

// Package rusage is this process's CPU time and peak memory so far, as
// getrusage(2) gives them; on this system it tells neither.
package rusage

// Self returns zero: the system does not tell (--timings shows wall
// time only, benchmarks report no CPU time).
func Self() Usage { return Usage{} }
