#!/usr/bin/env bash
# kinject's template engine against Go's own text/template with Sprig
# v3.3.0 and Istio's functions over it (the function map Istio's injector
# parses templates with): builds test/oracle/sprig (a test-only Go program)
# and runs the hidden tests "[sprig-oracle]" of kinject_tests, which render
# the same templates on both sides and compare (test/sprig_oracle_test.cpp).
# Skipped where Go or the modules are not to be had.
. "$(dirname "$0")/lib.sh"
: "${BUILD:?set BUILD to the build directory}"
need go
ORACLE_SRC="$SRC/test/oracle/sprig"
ORACLE="$WORK/sprig-oracle"
# go.mod and go.sum pin the modules; no toolchain download, no go.mod rewrite.
export GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"
if ! (cd "$ORACLE_SRC" && go mod download) > "$WORK/go.txt" 2>&1; then
  skip "cannot fetch github.com/Masterminds/sprig/v3 v3.3.0 with this Go ($(go env GOVERSION), GOPROXY=$(go env GOPROXY)): $(tail -1 "$WORK/go.txt")"
fi
start=$(date +%s)
(cd "$ORACLE_SRC" && go build -o "$ORACLE" .) || fail "the Sprig oracle does not build"
echo "sprig oracle: built in $(( $(date +%s) - start )) s ($(go version))"
KINJECT_SPRIG_ORACLE="$ORACLE" "$BUILD/kinject_tests" "[sprig-oracle]" \
  || fail "kinject's template engine and Go's text/template + Sprig disagree (above)"
