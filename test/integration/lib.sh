# Shared by the integration tests: $KINJECT is the binary, $SRC the source
# tree. A test that needs a tool the machine lacks exits 77 (ctest: skipped).
set -euo pipefail
: "${KINJECT:?set KINJECT to the kinject binary}"
: "${SRC:?set SRC to the source tree}"
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
BIN="$WORK/bin"
mkdir -p "$BIN"
ln -s "$KINJECT" "$BIN/kinject"
export PATH="$BIN:$PATH"

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 is not installed on this machine"; exit 77; }; }
contains() { grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 contains: $2"; }
