#!/usr/bin/env bash
# Every change to Istio's injector code in the releases kinject plays is
# accounted for in test/istio_injector_changes.txt (issue 24): Istio
# backports injector changes into patches (1.24.4's appendMultusNetwork), and
# a change nobody read is a release kinject plays wrongly. Needs Istio's git
# history: KINJECT_ISTIO_GIT names a clone or bare repository of istio/istio
# with its release tags; skipped without it.
. "$(dirname "$0")/lib.sh"
need git
repo="${KINJECT_ISTIO_GIT:-}"
[ -n "$repo" ] || skip "needs Istio's git history: set KINJECT_ISTIO_GIT to a clone of istio/istio with its tags"
git -C "$repo" rev-parse --verify -q 1.24.0 >/dev/null || fail "KINJECT_ISTIO_GIT=$repo has no tag 1.24.0"
ledger="$SRC/test/istio_injector_changes.txt"
cd "$WORK"

# The releases kinject plays, as it says itself.
kinject --istio-version 1.999 -f /dev/null 2> err.txt && fail "--istio-version 1.999 was accepted"
range=$(grep -o 'plays the injectors of Istio 1\.[0-9]* to 1\.[0-9]*' err.txt) || { cat err.txt; fail "no range of releases in the error"; }
oldest=$(echo "$range" | sed 's/.*Istio 1\.\([0-9]*\) to.*/\1/')
newest=$(echo "$range" | sed 's/.* to 1\.\([0-9]*\)$/\1/')

# Every tag of those minors; the injector's commits since the oldest's .0.
tags=$(git -C "$repo" tag | grep -E "^1\.($(seq -s '|' "$oldest" "$newest"))\.[0-9]+(-.*)?$" || true)
[ -n "$tags" ] || fail "KINJECT_ISTIO_GIT=$repo has no tags of Istio 1.$oldest to 1.$newest"
for t in $tags; do
  git -C "$repo" log --format='%h %s' --abbrev=11 "1.$oldest.0..$t" -- 'pkg/kube/inject/*.go' ':!pkg/kube/inject/*_test.go'
done | sort -u > changes.txt

missing=0
while read -r hash subject; do
  grep -q "^$hash " "$ledger" && continue
  echo "not in test/istio_injector_changes.txt: $hash $subject (first in $(git -C "$repo" tag --contains "$hash" | sort -V | head -1))" >&2
  missing=1
done < changes.txt
[ "$missing" = 0 ] || fail "Istio changed its injector in a release kinject plays: read each change above, make it an IstioRelease question where it changes what an injection does, and list it"

# Each question the ledger names is one IstioRelease asks.
grep -o '^[0-9a-f]* [^ ]* question:[a-z_]*' "$ledger" | sed 's/.*question://' | sort -u | while read -r q; do
  grep -q "bool $q() const" "$SRC/include/kinject/istio/release.h" || fail "the ledger names $q, which IstioRelease does not ask"
done
echo "$(wc -l < changes.txt) injector changes in Istio 1.$oldest to 1.$newest, all accounted for"
