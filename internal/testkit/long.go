//go:build long

package testkit

// Long says whether the build tag long is set, as make test-go sets it:
// then the tests make all their rounds and build their largest portals;
// plain go test ./... checks the same behaviour on smaller ones.
const Long = true
