#!/usr/bin/env bash
# Runs every Fuzz target in the module for the given time each.
#
# Go's fuzzer can stop with a bare "context deadline exceeded" when its
# time runs out in the middle of a slow input on a busy machine, with no
# failing input; that run is repeated once. A real failure names the
# failing input (testdata/fuzz/...) and fails at once.
set -uo pipefail
t=${1:-5s}
cd "$(dirname "$0")/.."
status=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    for try in 1 2; do
      echo "fuzz $pkg $target ($t)"
      out=$(go test -run='^$' -fuzz="^${target}\$" -fuzztime="$t" "$pkg" 2>&1)
      rc=$?
      echo "$out" | grep -v '^fuzz: elapsed' | tail -n 20
      if [ $rc -eq 0 ]; then break; fi
      if [ $try -eq 1 ] && echo "$out" | grep -q 'context deadline exceeded' && ! echo "$out" | grep -q 'Failing input written'; then
        echo "fuzz $target: the fuzzer timed out without a failing input; running it again"
        continue
      fi
      status=1
      break
    done
  done
done
exit $status
