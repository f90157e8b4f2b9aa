#!/usr/bin/env bash
# The completion scripts parse, the completion engine (`kinject __complete`,
# which every script asks) offers every flag each command has, and the bash
# script completes flags, values and subcommands the way readline asks, in a
# plain bash (no bash-completion package).
. "$(dirname "$0")/lib.sh"
cd "$WORK"
kinject completion bash > kinject.bash
kinject completion zsh > _kinject
kinject completion fish > kinject.fish
bash -n kinject.bash || fail "the bash completion does not parse"
if command -v zsh >/dev/null 2>&1; then zsh -n _kinject || fail "the zsh completion does not parse"; fi
if command -v fish >/dev/null 2>&1; then fish --no-execute kinject.fish || fail "the fish completion does not parse"; fi
# Every long flag of every command is offered for that command.
for cmd in "" check uninject krm kube-inject; do
  kinject $cmd --help | grep -o -- '--[A-Za-z][A-Za-z-]*' | sort -u > "flags-$cmd.txt"
  [ "$(wc -l < "flags-$cmd.txt")" -gt 3 ] || fail "too few flags found in kinject $cmd --help"
  kinject __complete $cmd -- > "offered-$cmd.txt"
  while read -r flag; do
    grep -q -- "^$flag	" "offered-$cmd.txt" || fail "kinject __complete $cmd -- lacks $flag"
  done < "flags-$cmd.txt"
done
# bash: complete a flag, a value and a subcommand, the way readline would ask.
cat > drive.sh <<'SH'
. ./kinject.bash
COMP_WORDS=(kinject --rep); COMP_CWORD=1; _kinject; echo "${COMPREPLY[*]}"
COMP_WORDS=(kinject --policy ""); COMP_CWORD=2; _kinject; echo "${COMPREPLY[*]}"
COMP_WORDS=(kinject ch); COMP_CWORD=1; _kinject; echo "${COMPREPLY[*]}"
COMP_WORDS=(kinject completion ""); COMP_CWORD=2; _kinject; echo "${COMPREPLY[*]}"
SH
bash --norc --noprofile drive.sh > got.txt
printf -- '--report --report-file\nenabled disabled\ncheck\nbash zsh fish\n' > want.txt
cmp want.txt got.txt || { diff want.txt got.txt; fail "bash completion offered something else"; }
echo "completion: ok"
