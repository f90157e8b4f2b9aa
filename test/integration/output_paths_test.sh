#!/usr/bin/env bash
# Every flag that takes an output path (--report-file, kube-inject -o, -i)
# under the one output-path policy (docs/robustness.md, "Output paths"): a
# regular file is replaced atomically, a FIFO or a descriptor of kinject's own
# (/dev/stdout, /dev/fd/N) is written through, `-` is stdout, anything else is
# refused before anything is written. Device nodes: output_devices_test.sh.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"
# A FIFO nobody opens must not hang the suite.
T() { timeout 30 "$@"; }
# Reads FIFO $1 into file $2 in the background (pid in $reader).
read_fifo() { timeout 30 sh -c 'cat "$1" > "$2"' _ "$1" "$2" & reader=$!; }

# Regression: a FIFO given to --report-file became a regular file (the report
# was renamed over it) and its reader got nothing.
mkfifo report.fifo
read_fifo report.fifo report.txt
T kinject -f "$EX" --report-file report.fifo > out.yaml 2> err.txt || { cat err.txt; fail "--report-file to a FIFO failed"; }
wait "$reader" || fail "the reader of the --report-file FIFO got nothing"
[ -p report.fifo ] || fail "the FIFO given to --report-file became a regular file"
contains report.txt "summary: 1 injected"
contains out.yaml "name: istio-proxy"

# Regression: the same for kube-inject -o (istioctl's -o).
mkfifo out.fifo
read_fifo out.fifo via-fifo.yaml
T kinject kube-inject -f "$EX" -o out.fifo 2> err.txt || { cat err.txt; fail "kube-inject -o to a FIFO failed"; }
wait "$reader" || fail "the reader of the -o FIFO got nothing"
[ -p out.fifo ] || fail "the FIFO given to kube-inject -o became a regular file"
contains via-fifo.yaml "name: istio-proxy"
[ "$(grep -c '^kind:' via-fifo.yaml)" = 2 ] || fail "the FIFO did not get the whole stream"

# Regression: -i on a FIFO read it and renamed a regular file over it. Now it
# is refused before anything is read: the writer's whole text is still there.
mkfifo in.fifo
timeout 30 sh -c 'cat "$1" > "$2"' _ "$EX" in.fifo & writer=$!
if T kinject -i in.fifo > out.txt 2> err.txt; then fail "-i on a FIFO succeeded"; fi
contains err.txt "in.fifo: --in-place rewrites a file, and this is a FIFO"
[ -p in.fifo ] || fail "-i replaced the FIFO"
cat in.fifo > drained.yaml
wait "$writer" || fail "the FIFO's writer failed"
cmp -s drained.yaml "$EX" || fail "-i read from the FIFO before refusing it"
[ ! -s out.txt ] || fail "stdout not empty after a refusal"
# Without -i a FIFO is read as any input.
timeout 30 sh -c 'cat "$1" > "$2"' _ "$EX" in.fifo &
T kinject -f in.fifo > from-fifo.yaml 2>/dev/null || fail "reading a FIFO without -i failed"
contains from-fifo.yaml "name: istio-proxy"

# Regression: -i /dev/stdin rewrote the file behind the shell's redirection.
cp "$EX" app.yaml
if T kinject -i /dev/stdin < app.yaml > out.txt 2> err.txt; then fail "-i /dev/stdin succeeded"; fi
contains err.txt "--in-place rewrites a file, and this is descriptor 0"
cmp -s app.yaml "$EX" || fail "-i /dev/stdin changed the file behind the redirection"
if T kinject -i - < app.yaml 2> err.txt; then fail "-i - succeeded"; fi
contains err.txt "cannot be used with stdin"

# Regression: `-` made a file named "-"; it means stdout where an output path is asked for.
T kinject kube-inject -f "$EX" -o - > dash.yaml 2> err.txt || { cat err.txt; fail "kube-inject -o - failed"; }
[ ! -e ./- ] || fail "kube-inject -o - wrote a file named -"
contains dash.yaml "name: istio-proxy"
contains err.txt "summary: 1 injected"
# The report on stdout beside the manifests would mix the two: a usage error.
if T kinject -f "$EX" --report-file - > out.txt 2> err.txt; then fail "--report-file - beside the manifests succeeded"; fi
[ "$(T kinject -f "$EX" --report-file - 2>/dev/null >/dev/null; echo $?)" = 2 ] || fail "--report-file - beside the manifests is not exit 2"
[ ! -e ./- ] || fail "--report-file - wrote a file named -"
[ ! -s out.txt ] || fail "stdout not empty after a usage error"
contains err.txt "--report-file - would mix the report into the manifests on stdout"
if T kinject --diff -f "$EX" --report-file - > out.txt 2> err.txt; then fail "--diff --report-file - succeeded"; fi
contains err.txt "would mix the report into the diff on stdout"
# Where stdout carries nothing else, the report goes there.
T kinject check -f "$EX" --report-file - > check.txt 2> err.txt && fail "check found nothing to change"
contains check.txt "summary: 1 would inject"
[ ! -s err.txt ] || fail "check --report-file - wrote to stderr"
cp "$EX" inplace.yaml
T kinject -i inplace.yaml --report-file - > report-out.txt 2>/dev/null || fail "-i --report-file - failed"
contains report-out.txt "summary: 1 injected"
contains inplace.yaml "name: istio-proxy"
# /dev/stdout is stdout too.
if T kinject -f "$EX" --report-file /dev/stdout > out.txt 2> err.txt; then fail "--report-file /dev/stdout beside the manifests succeeded"; fi
contains err.txt "would mix the report into the manifests on stdout"

# Regression: --report-file /dev/stderr with stderr appended to a log (2>>)
# renamed a new file over the log: everything logged before was lost. A
# descriptor of kinject's own is written through, as the shell opened it.
echo "an earlier line" > log.txt
T kinject -f "$EX" --report-file /dev/stderr > out.yaml 2>> log.txt || fail "--report-file /dev/stderr failed"
contains log.txt "an earlier line"
contains log.txt "summary: 1 injected"
echo "an earlier document" > appended.yaml
T kinject kube-inject -f "$EX" -o /dev/stdout >> appended.yaml 2>/dev/null || fail "kube-inject -o /dev/stdout failed"
contains appended.yaml "an earlier document"
contains appended.yaml "name: istio-proxy"

# A directory is refused with a reason, before anything is written.
mkdir adir && cp "$EX" adir/app.yaml && cp "$EX" keep.yaml
if T kinject -i keep.yaml --report-file adir > out.txt 2> err.txt; then fail "--report-file to a directory succeeded"; fi
contains err.txt "adir: cannot write to a directory"
cmp -s keep.yaml "$EX" || fail "a file was rewritten although the report could not be"
if T kinject kube-inject -f "$EX" -o adir 2> err.txt; then fail "kube-inject -o to a directory succeeded"; fi
contains err.txt "adir: cannot write to a directory"
[ "$(ls -A adir)" = app.yaml ] || fail "something was written into the directory"
echo "output paths: ok"
