#!/bin/sh
# Builds the Go decode oracle (test/oracle/k8sdecode) into BUILD/oracle for
# the oracle tests (ctest: "oracle:build_k8sdecode", a fixture
# the "oracle:" and "corpus: ... Go" tests require). Offline first, from
# the module cache; then with modules fetched through GOPROXY as the
# environment has it. Without Go, or when neither works, it says so on one
# "kinject-skip:" line and the oracle tests skip.
#   test/oracle/build.sh SOURCE_DIR BUILD_DIR
set -u
src="$1/test/oracle/k8sdecode"
out="$2/oracle"
mkdir -p "$out"
rm -f "$out/k8sdecode"
if ! command -v go >/dev/null 2>&1; then
  echo "kinject-skip: needs Go 1.26+ on PATH for the decode oracle (test/oracle/k8sdecode); the oracle tests skip"
  exit 0
fi
start=$(date +%s)
cd "$src" || exit 1
if GOFLAGS=-mod=mod GOPROXY=off go build -o "$out/k8sdecode" . >"$out/build.log" 2>&1; then
  how="from the module cache"
elif GOFLAGS=-mod=mod go build -o "$out/k8sdecode" . >"$out/build.log" 2>&1; then
  how="with its modules fetched"
else
  echo "kinject-skip: the decode oracle does not build (no module cache, no module proxy?): $(tail -n 1 "$out/build.log")"
  rm -f "$out/k8sdecode"
  exit 0
fi
echo "oracle: built $out/k8sdecode $how in $(( $(date +%s) - start )) s ($(go version))"
