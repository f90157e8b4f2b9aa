#!/usr/bin/env bash
# kinject's --set against Helm's own parser: builds test/oracle/helm-strvals
# (helm.sh/helm/v3 v3.21.4's strvals.ParseInto, a test-only Go program) and
# runs the hidden test "[helm-oracle]" of kinject_tests, which feeds both the
# same texts. Skipped where Go or the module is not to be had. (Measured: a
# cold module cache fetches 11 MB and builds in about 3 s; warm, 0.4 s.)
. "$(dirname "$0")/lib.sh"
: "${BUILD:?set BUILD to the build directory}"
need go
ORACLE_SRC="$SRC/test/oracle/helm-strvals"
ORACLE="$WORK/helm-strvals-oracle"
# go.mod and go.sum pin the modules; no toolchain download, no go.mod rewrite.
export GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"
if ! (cd "$ORACLE_SRC" && go mod download) > "$WORK/go.txt" 2>&1; then
  skip "cannot fetch helm.sh/helm/v3 v3.21.4 with this Go ($(go env GOVERSION), GOPROXY=$(go env GOPROXY)): $(tail -1 "$WORK/go.txt")"
fi
(cd "$ORACLE_SRC" && go build -o "$ORACLE" .) || fail "the Helm strvals oracle does not build"
KINJECT_HELM_STRVALS_ORACLE="$ORACLE" "$BUILD/kinject_tests" "[helm-oracle]" \
  || fail "kinject's --set and Helm's strvals.ParseInto disagree (above)"
