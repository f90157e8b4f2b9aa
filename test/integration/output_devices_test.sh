#!/usr/bin/env bash
# Device nodes as output paths (the rest of the policy: output_paths_test.sh).
# The test makes its own nodes in its temporary directory (as root); the
# real /dev/null is never the target of anything.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"
T() { timeout 30 "$@"; }
# /dev/null's numbers (1:3): what is written to it goes nowhere.
mknod null c 1 3 2>/dev/null || skip "cannot make a device node in $WORK (mknod needs root): the device-node cases of the output-path policy did not run"
chmod 666 null
echo probe > null 2>/dev/null || skip "$WORK is on a file system mounted nodev: its device nodes cannot be opened"
is_the_node() { [ -c null ] && [ "$(stat -c '%t:%T' null)" = 1:3 ] || fail "$1"; }

# Regression: --report-file /dev/null (throwing the report away) replaced the
# device with a regular file holding the report, and exited 0.
T kinject -f "$EX" --report-file null > out.yaml 2> err.txt || { cat err.txt; fail "--report-file to a device failed"; }
is_the_node "the device given to --report-file became a regular file"
contains out.yaml "name: istio-proxy"
[ ! -s err.txt ] || fail "the report went to stderr as well"

# Regression: kube-inject -o /dev/null (istioctl's dry run) did the same.
T kinject kube-inject -f "$EX" -o null 2> err.txt || { cat err.txt; fail "kube-inject -o to a device failed"; }
is_the_node "the device given to kube-inject -o became a regular file"
contains err.txt "summary: 1 injected"

# Both outputs on one device: both are written (-i and --report-file).
cp "$EX" app.yaml
T kinject -i app.yaml --report-file null 2> err.txt || { cat err.txt; fail "-i with --report-file to a device failed"; }
is_the_node "the device became a regular file beside -i"
contains app.yaml "name: istio-proxy"

# -i on a device is refused before anything is read or written.
if T kinject -i null 2> err.txt; then fail "-i on a device succeeded"; fi
contains err.txt "null: --in-place rewrites a file, and this is a character device"
is_the_node "-i replaced the device"

# A block device is refused (kinject does not write disks); 0:0 is no
# device at all, so that even a wrong write could not reach one.
mknod blk b 0 0 || fail "mknod of a block device failed where a character device worked"
if T kinject kube-inject -f "$EX" -o blk 2> err.txt; then fail "kube-inject -o to a block device succeeded"; fi
contains err.txt "blk: cannot write to a block device"
[ -b blk ] || fail "the block device was replaced"
echo "output devices: ok"
