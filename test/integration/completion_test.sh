#!/usr/bin/env bash
# The completion scripts know every flag the commands have, and the bash one
# completes them.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
kinject completion bash > kinject.bash
kinject completion zsh > _kinject
bash -n kinject.bash || fail "the bash completion does not parse"
if command -v zsh >/dev/null 2>&1; then zsh -n _kinject || fail "the zsh completion does not parse"; fi
# Every long flag of every command (but istioctl's ignored ones) is offered.
for cmd in "" check uninject krm kube-inject; do
  kinject $cmd --help | sed -n '/istioctl (ignored)/q;p' | grep -o -- '--[A-Za-z][A-Za-z-]*' | sort -u
done | sort -u | grep -v -x -- '--help' > flags.txt
[ "$(wc -l < flags.txt)" -gt 20 ] || fail "too few flags found in --help: $(cat flags.txt)"
while read -r flag; do
  grep -qw -- "$flag" kinject.bash || fail "bash completion lacks $flag"
  grep -q -- "$flag\[" _kinject || grep -q -- "$flag}" _kinject || grep -q -- "'\*$flag\[" _kinject || fail "zsh completion lacks $flag"
done < flags.txt
# bash: complete a flag and a value, the way readline would ask.
cat > drive.sh <<'SH'
_init_completion() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
_filedir() { :; }
. ./kinject.bash
COMP_WORDS=(kinject --rep); COMP_CWORD=1; _kinject; echo "${COMPREPLY[*]}"
COMP_WORDS=(kinject --policy ""); COMP_CWORD=2; _kinject; echo "${COMPREPLY[*]}"
COMP_WORDS=(kinject ch); COMP_CWORD=1; _kinject; echo "${COMPREPLY[*]}"
SH
bash drive.sh > got.txt
printf -- '--report --report-file\nenabled disabled\ncheck\n' > want.txt
cmp want.txt got.txt || { diff want.txt got.txt; fail "bash completion offered something else"; }
echo "completion: ok"
