#!/usr/bin/env bash
# Output beyond 8 MiB waits in a temporary file in $TMPDIR (Spool), which
# has no name from the moment it is made: the command line ends the process
# without freeing the run's state (Options::process_ends_after_run), so a
# file removed by a destructor would stay behind after every large run.
# Here: a 10 MB stream comes out byte for byte through the spilled spool,
# injected runs spill too, and $TMPDIR is empty afterwards, on success and
# on failure.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir tmp
export TMPDIR="$WORK/tmp"

# 12,000 Services of ~900 bytes: nothing to inject, so the output is the input.
awk 'BEGIN {
  pad = sprintf("%800s", ""); gsub(/ /, "x", pad)
  for (i = 0; i < 12000; i++)
    printf "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%d\n  annotations:\n    note: %s\nspec:\n  ports:\n  - port: 80\n---\n", i, pad
}' > services.yaml
[ "$(wc -c < services.yaml)" -gt $((9 << 20)) ] || fail "the stream is too small to spill"
kinject -f services.yaml > services.out || fail "kinject failed on the Services"
cmp services.yaml services.out || fail "the spilled output differs from the input"
[ -z "$(ls -A tmp)" ] || fail "a temporary file was left in TMPDIR: $(ls -A tmp)"

# Injected, and written to a file (kube-inject -o FILE): both read the spool back.
{ cat services.yaml; web_deployment; } > mixed.yaml
kinject kube-inject -f mixed.yaml -o mixed.out || fail "kinject failed on the mixed stream"
contains mixed.out "istio-proxy"
contains mixed.out "name: svc-11999"
[ -z "$(ls -A tmp)" ] || fail "a temporary file was left in TMPDIR after kube-inject -o: $(ls -A tmp)"

# A failure after the output spilled (a broken document at the end).
{ cat services.yaml; printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n'; } > broken.yaml
if kinject -f broken.yaml > broken.out 2> broken.err; then fail "a broken stream exited 0"; fi
[ ! -s broken.out ] || fail "a failed run wrote output"
[ -z "$(ls -A tmp)" ] || fail "a temporary file was left in TMPDIR after a failure: $(ls -A tmp)"
echo "ok"
