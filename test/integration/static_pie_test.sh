#!/usr/bin/env bash
# Issue 26: the release binary is static, and static-pie. A binary linked
# -static (the image's before issue 26) gets crtbeginT.o, which registers the
# binary's .eh_frame with the unwinder: the first exception thrown then sorts
# every frame description of the 75 MB binary, 26 M instructions (5 ms, more
# than the whole injection of a document) for `kinject --version` (CLI11
# throws to print it) or any document the fast YAML reader declines (it
# declines by throwing). A static-pie binary, like a dynamic one, finds frames
# through its .eh_frame_hdr table instead. So: where the build is static
# (KINJECT_STATIC, the default where the archives exist), $KINJECT is the
# static-pie binary the image ships, and it throws as cheaply as a dynamic one.
. "$(dirname "$0")/lib.sh"
need readelf
cd "$WORK"
static=$(sed -n 's/^KINJECT_STATIC:BOOL=//p' "${BUILD:?set BUILD to the build directory}/CMakeCache.txt")
[ "$static" = ON ] || skip "kinject is built as a dynamic executable here (KINJECT_STATIC=${static:-unset}: a sanitizer build, or no libyaml-cpp.a/libyaml.a)"
readelf -lh "$KINJECT" > elf.txt
lacks elf.txt "program interpreter"
grep -qE '^ +Type: +DYN' elf.txt || fail "kinject is linked -static, not -static-pie: its first exception sorts every frame description of the binary; link with -static-pie"
grep -q GNU_EH_FRAME elf.txt || fail "kinject has no .eh_frame_hdr (PT_GNU_EH_FRAME): the unwinder would sort its frames on the first exception"
# And it runs: the version (CLI11 throws to print it), a document the fast
# reader declines (an anchor), an injection.
kinject --version > version.txt || fail "kinject --version failed"
contains version.txt "built-in profile"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: &a one\n  y: *a\n' > anchor.yaml
kinject -f anchor.yaml > anchor.out || fail "kinject failed on a document with an anchor"
cmp anchor.yaml anchor.out || fail "a ConfigMap came out changed"
web_deployment | kinject > web.out || fail "kinject failed to inject"
contains web.out "istio-proxy"
# The cost itself, where valgrind is: instructions are counted, not timed, so
# this is exact on a loaded machine. The document with an anchor throws (the
# fast reader declines it), the plain one does not; the first throw may not
# cost more than the rest of the run (-static: 29 M against 4.5 M).
if command -v valgrind > /dev/null; then
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: one\n  y: one\n' > plain.yaml
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$KINJECT" -f "$1" > /dev/null 2> vg.txt || { cat vg.txt; fail "kinject under valgrind failed on $1"; }
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' vg.txt
  }
  plain=$(instructions plain.yaml) anchored=$(instructions anchor.yaml)
  echo "instructions: $plain without an exception, $anchored with the fast reader's"
  [ "$anchored" -lt $((2 * plain)) ] || fail "the first exception costs $((anchored - plain)) instructions (the unwinder sorting the binary's frames)"
else
  echo "(no valgrind: the cost of the first exception not counted)"
fi
echo "static-pie: ok"
