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

# Same binary as OLD and NEW: exit 0, and no mode of the table left without runs
# (a table row that ran nothing would hide a broken mode).
"$COMPARE" "$KINJECT" "$KINJECT" --reference-data "$REF" --sample 8 --jobs 2 > same.txt 2> same.err \
  || { cat same.txt same.err; fail "the same binary twice: compare-binaries did not exit 0"; }
contains same.txt "no differences"
python3 - same.txt <<'PY' || { cat same.txt; fail "a mode of compare-binaries ran nothing, or differs"; }
import re, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"^(.*?)\s{2,}(\d+)\s+(\d+)\s+(\S.*)$", line.rstrip("\n"))
    if m:
        rows[m[1].strip()] = (int(m[2]), int(m[3]))
want = ["inject", "check --diff", "uninject (input)", "uninject (injected)", "-o json", "--rules istio",
        "--report json", "kube-inject", "krm", "command line"]
bad = [w for w in want if w not in rows or rows[w][0] == 0 or rows[w][1] != 0]
if bad:
    sys.exit("modes without runs, or with differences: %s (rows: %s)" % (bad, rows))
PY

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
python3 - diff.txt <<'PY' || { cat diff.txt; fail "the changed byte was not counted in the uninject modes alone"; }
import re, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"^(.*?)\s{2,}(\d+)\s+(\d+)\s+(\S.*)$", line.rstrip("\n"))
    if m:
        rows[m[1].strip()] = (int(m[2]), int(m[3]))
for mode, (runs, differ) in rows.items():
    uninject = mode.startswith("uninject")
    if uninject and differ != runs:
        sys.exit("%s: %d of %d runs differ, expected all" % (mode, differ, runs))
    if not uninject and differ:
        sys.exit("%s: %d runs differ, expected none" % (mode, differ))
if "uninject (input)" not in rows:
    sys.exit("no uninject row")
PY
echo "compare-binaries: the same binary agrees with itself; one changed byte is caught in its mode"
