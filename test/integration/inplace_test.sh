#!/usr/bin/env bash
# --in-place on a real disk: atomic, all or nothing.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"
snapshot() { (cd "$1" && for f in *; do printf '%s %s\n' "$f" "$(stat -c '%a' "$f") $(sha256sum < "$f")"; done); }

# Happy path: changed files are rewritten with their permissions, others untouched.
mkdir ok && cp "$EX" ok/a.yaml && printf 'apiVersion: v1\nkind: ConfigMap\n' > ok/b.yaml && chmod 640 ok/a.yaml
touch -d '2001-01-01' ok/b.yaml
kinject -i ok 2>/dev/null || fail "in-place failed"
contains ok/a.yaml "name: istio-proxy"
[ "$(stat -c %a ok/a.yaml)" = 640 ] || fail "permissions not kept"
[ "$(stat -c %Y ok/b.yaml)" = "$(date -d 2001-01-01 +%s)" ] || fail "an unchanged file was touched"
[ "$(ls -A ok | wc -l)" = 2 ] || fail "temporary files left behind"

# A read-only file: refused, nothing changed.
mkdir ro && cp "$EX" ro/a.yaml && chmod 444 ro/a.yaml && before=$(snapshot ro)
if kinject -i ro/a.yaml 2> err.txt; then fail "read-only file rewritten"; fi
contains err.txt "read-only"
[ "$before" = "$(snapshot ro)" ] || fail "read-only file changed"

# A read-only directory: refused, nothing changed.
mkdir rodir && cp "$EX" rodir/a.yaml && chmod 555 rodir && before=$(snapshot rodir)
if kinject -i rodir/a.yaml 2> err.txt; then fail "file in read-only directory rewritten"; fi
contains err.txt "read-only"
[ "$before" = "$(snapshot rodir)" ] || fail "file in read-only directory changed"
chmod 755 rodir

# Disk full: the file size limit makes the write of a new file fail midway.
mkdir full && cp "$EX" full/a.yaml && before=$(snapshot full)
if (trap '' XFSZ; ulimit -f 4; kinject -i full/a.yaml 2> err.txt); then fail "write past the size limit succeeded"; fi
contains err.txt "no file was changed"
[ "$before" = "$(snapshot full)" ] || fail "a failed write changed the file"
[ "$(ls -A full | wc -l)" = 1 ] || fail "temporary files left behind after a failed write"

# A failure in the third of five files: none of the five changes.
mkdir five
for i in 1 2 3 4 5; do cp "$EX" "five/$i.yaml"; done
# The third grows past the size limit once injected; the others stay under it.
for i in $(seq 1 40); do sed -n '/^---$/,$p' "$EX" | sed "s/name: redis$/name: redis-$i/" >> five/3.yaml; done
before=$(snapshot five)
if (trap '' XFSZ; ulimit -f 60; kinject -i five 2> err.txt); then fail "the failing third file went unnoticed"; fi
contains err.txt "five/3.yaml"
contains err.txt "no file was changed"
[ "$before" = "$(snapshot five)" ] || fail "files changed although the third one failed"
[ "$(ls -A five | wc -l)" = 5 ] || fail "temporary files left behind"

# Bad input in one file: nothing is written at all.
mkdir bad && cp "$EX" bad/a.yaml && printf 'kind: Pod\nmetadata: {name: [x\n' > bad/b.yaml && before=$(snapshot bad)
if kinject -i bad 2>/dev/null; then fail "broken input passed"; fi
[ "$before" = "$(snapshot bad)" ] || fail "a file changed although another one was broken"
# A symbolic link is written through: the target is injected, the link stays
# a link (regression: the link became a regular file, the target stayed old).
mkdir -p linked/base && cp "$EX" linked/base/redis.yaml && ln -s base/redis.yaml linked/redis.yaml
kinject -i linked/redis.yaml 2>/dev/null || fail "in-place through a link failed"
[ -L linked/redis.yaml ] || fail "the link was replaced by a file"
contains linked/base/redis.yaml "name: istio-proxy"
# Regression: -i -R refused a tree in which one manifest is a symbolic link
# to another ("the same file, to be written twice"), which -R cannot avoid.
# Both are read and injected alike; the target is rewritten once, the link
# stays a link, and a hard link stays one file with its other name.
mkdir -p tree/base && cp "$EX" tree/base/redis.yaml && ln -s base/redis.yaml tree/redis.yaml && ln tree/base/redis.yaml tree/hard.yaml
kinject -i -R tree 2> err.txt || { cat err.txt; fail "-i -R over a link and its target failed"; }
[ -L tree/redis.yaml ] || fail "-i -R replaced the link by a file"
[ "$(grep -c 'name: istio-proxy' tree/base/redis.yaml)" = 1 ] || fail "the target was not injected exactly once"
[ "$(stat -c %i tree/hard.yaml)" = "$(stat -c %i tree/base/redis.yaml)" ] || fail "-i -R split a hard link into two files"
[ "$(ls -A tree | wc -l) $(ls -A tree/base | wc -l)" = "3 1" ] || fail "temporary files left behind"
# -R does not follow a link to a directory (as kubectl's -R): a loop reads
# each file once.
mkdir -p loop && cp "$EX" loop/redis.yaml && ln -s . loop/again
kinject -R loop > out.txt 2> err.txt || fail "-R over a link loop failed"
[ "$(grep -c '^kind: StatefulSet' out.txt)" = 1 ] || fail "-R read a file more than once through a link"
contains err.txt "loop/again: a symbolic link to a directory"
echo "in-place: ok"
