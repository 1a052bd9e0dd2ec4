#!/usr/bin/env bash
# Runs every Fuzz target in the module for the given time each.
#
# Go's fuzzer can stop with a bare "context deadline exceeded" when its
# time runs out in the middle of a slow input on a busy machine, with no
# failing input; that run is repeated, up to twice (with one worker
# beside the browser tests, two targets of fast inputs in a run of 32 did
# so once each on 2026-12-07). A worker the machine stopped
# (out of memory, or starved) is reported as "hung or terminated
# unexpectedly" with an input written that then passes alone: that input
# is run again by itself, and only when it fails there does the target
# fail; otherwise the file is removed and the run repeated once. A real
# failure names the failing input (testdata/fuzz/...) and fails.
#
# Every input that finds new code is minimized first, for up to a minute by
# default: with 5 s a target, FuzzMarkdown ran 46-1,916 inputs and spent the
# rest minimizing its seeds' offspring (the worker was found "minimizing"
# half a minute in), and a run that ends mid-minimization is the bare
# "context deadline exceeded" above. A second of minimizing each lets it
# run 12,674 inputs in the same 5 s; a failing input is still written,
# only less small.
#
# Each package's test binary is built once, instrumented for fuzzing
# (go test -c -fuzz), and every target of the package runs from it: a
# go test -fuzz per target linked the same binary anew each time, which
# took 2-6 s a target beside its 5 s of fuzzing. The binary is run as go
# test runs it: from the package's folder (a failing input is written to
# its testdata/fuzz/), with go test's corpus cache under GOCACHE and its
# default timeout.
#
# The second argument, when given, is the number of workers each target
# fuzzes with (go test -parallel; by default one per CPU): make test
# fuzzes with one, beside the browser tests, which keep the other CPU
# busy.
set -uo pipefail
t=${1:-5s}
workers=()
[ -n "${2:-}" ] && workers=(-test.parallel="$2")
cd "$(dirname "$0")/.."
bins=$(mktemp -d "${TMPDIR:-/tmp}/helminauha-fuzz-XXXXXX")
trap 'rm -rf "$bins"' EXIT
cache="$(go env GOCACHE)/fuzz"
pkgs=$(go list -f '{{.ImportPath}} {{.Dir}}' ./...) || exit 1
status=0
while read -r pkg dir; do
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u)
  [ -n "$targets" ] || continue
  bin="$bins/$(echo "$pkg" | tr / _).test"
  if ! out=$(go test -c -fuzz=. -o "$bin" "$pkg" 2>&1); then
    echo "$out"
    echo "fuzz $pkg: the test binary does not build"
    status=1
    continue
  fi
  for target in $targets; do
    for try in 1 2 3; do
      echo "fuzz $pkg $target ($t${2:+, $2 worker(s)})"
      out=$(cd "$dir" && "$bin" -test.run='^$' -test.fuzz="^${target}\$" -test.fuzztime="$t" -test.fuzzminimizetime=1s "${workers[@]}" \
        -test.fuzzcachedir="$cache/$pkg" -test.timeout=10m 2>&1)
      rc=$?
      echo "$out" | grep -v '^fuzz: elapsed' | tail -n 20
      if [ $rc -eq 0 ]; then break; fi
      if [ $try -lt 3 ] && echo "$out" | grep -q 'context deadline exceeded' && ! echo "$out" | grep -q 'Failing input written'; then
        echo "fuzz $target: the fuzzer timed out without a failing input; running it again"
        continue
      fi
      written=$(echo "$out" | sed -n 's/^ *Failing input written to \(testdata\/fuzz\/[^ ]*\)$/\1/p' | head -n 1)
      if [ $try -eq 1 ] && [ -n "$written" ] && echo "$out" | grep -q 'hung or terminated unexpectedly'; then
        if go test -count=1 -run="^${target}\$/^$(basename "$written")\$" "$pkg" >/dev/null 2>&1; then
          echo "fuzz $target: its worker stopped, and the input it wrote ($written) passes alone; removing it and running again"
          rm -f "$dir/$written"
          rmdir "$(dirname "$dir/$written")" 2>/dev/null
          continue
        fi
      fi
      echo "fuzz $pkg $target: FAIL"
      status=1
      break
    done
  done
done <<<"$pkgs"
exit $status
