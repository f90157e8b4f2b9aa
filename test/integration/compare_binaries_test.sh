#!/usr/bin/env bash
# bench/compare-binaries, the check that work on speed changed nothing a user
# sees, checked itself on a handful of inputs: the same binary twice differs
# nowhere and every mode of its table ran; a binary that changes one byte of
# one mode's output is caught, in that mode only, with exit status 1.
. "$(dirname "$0")/lib.sh"
need python3
CORPUS=$(reference_part corpus/real) || exit $?
reference_part conformance >/dev/null || exit $?
REF=$(dirname "$(dirname "$CORPUS")")
COMPARE="$SRC/bench/compare-binaries"
cd "$WORK"

# rows FILE: compare-binaries' table as "mode<TAB>runs<TAB>differ" lines.
rows() {
  python3 - "$1" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    m = re.match(r"^(.*?)\s{2,}(\d+)\s+(\d+)\s+(\S.*)$", line.rstrip("\n"))
    if m:
        print("%s\t%s\t%s" % (m[1].strip(), m[2], m[3]))
PY
}
MODES=("inject" "check --diff" "uninject (input)" "uninject (injected)" "-o json" "--rules istio"
       "--report json" "kube-inject" "krm" "command line")

# Same binary as OLD and NEW: exit 0, and no mode of the table left without runs
# (a table row that ran nothing would hide a broken mode).
"$COMPARE" "$KINJECT" "$KINJECT" --reference-data "$REF" --sample 8 --jobs 2 > same.txt 2> same.err \
  || { cat same.txt same.err; fail "the same binary twice: compare-binaries did not exit 0"; }
contains same.txt "no differences"
rows same.txt > same.rows
for mode in "${MODES[@]}"; do
  awk -F'\t' -v m="$mode" '$1 == m && $2 > 0 && $3 == 0 { ok = 1 } END { exit !ok }' same.rows \
    || { cat same.txt; fail "compare-binaries: mode $mode ran nothing, or differs"; }
done

# NEW: the same binary, but uninject's stdout gets one more byte. It runs as the
# copy compare-binaries makes (exec -a keeps that argv[0]), so only the byte differs.
cat > changed <<SH
#!/usr/bin/env bash
case "\$1 \${2:-}" in
  "uninject -f") ( exec -a "\$0" "$KINJECT" "\$@" ); rc=\$?; printf x; exit \$rc ;;
esac
exec -a "\$0" "$KINJECT" "\$@"
SH
chmod +x changed
rc=0
"$COMPARE" "$KINJECT" "$WORK/changed" --reference-data "$REF" --sample 8 --jobs 2 --show 2 > diff.txt 2> diff.err || rc=$?
[ "$rc" = 1 ] || { cat diff.txt diff.err; fail "one changed byte: compare-binaries exited $rc, not 1"; }
contains diff.txt "stdout differs"
contains diff.txt "+x"
# Every uninject run differs, no other run does.
rows diff.txt > diff.rows
for mode in "${MODES[@]}"; do
  case "$mode" in uninject*) want=all ;; *) want=none ;; esac
  awk -F'\t' -v m="$mode" -v want="$want" \
    '$1 == m && $2 > 0 && ((want == "all" && $3 == $2) || (want == "none" && $3 == 0)) { ok = 1 } END { exit !ok }' diff.rows \
    || { cat diff.txt; fail "one changed byte in uninject: mode $mode should differ in $want of its runs"; }
done
echo "compare-binaries: the same binary agrees with itself; one changed byte is caught in its mode"
