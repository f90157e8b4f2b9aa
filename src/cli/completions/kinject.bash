# bash completion for kinject (and kubectl-inject, its kubectl plugin name).
# It asks `kinject __complete ARG... CURRENT` what may come next, so it knows
# every flag of the kinject it runs. Plain bash: no bash-completion package
# needed (it uses COMP_WORDS, COMP_CWORD, compgen and compopt only).
# Load it with: source <(kinject completion bash)
_kinject() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local -a args=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
  local arg=$cur
  # Readline splits --flag=value at the '=' (COMP_WORDBREAKS): join it again.
  if [[ $cur == = && $prev == --* ]]; then
    arg="$prev="; cur=""; args=("${args[@]:0:${#args[@]}-1}")
  elif [[ $prev == = && $COMP_CWORD -ge 3 && ${COMP_WORDS[COMP_CWORD-2]} == --* ]]; then
    arg="${COMP_WORDS[COMP_CWORD-2]}=$cur"; args=("${args[@]:0:${#args[@]}-2}")
  fi
  local prog=${COMP_WORDS[0]}
  type -P -- "$prog" >/dev/null 2>&1 || prog=kinject
  local out
  out=$("$prog" __complete "${args[@]}" "$arg" 2>/dev/null) || return 0
  local -a lines words
  local line directive=0
  mapfile -t lines <<< "$out"
  if [[ ${lines[${#lines[@]}-1]} == :* ]]; then
    directive=${lines[${#lines[@]}-1]#:}
    unset 'lines[${#lines[@]}-1]'
  fi
  local strip=""
  [[ $arg == --*=* ]] && strip="${arg%%=*}="
  for line in "${lines[@]}"; do
    line=${line%%$'\t'*}
    [[ -n $line ]] && words+=("${line#"$strip"}")
  done
  COMPREPLY=()
  (( directive & 1 )) && return 0
  local IFS=$'\n'
  if (( directive & 8 )); then
    # The words are file extensions: directories, and files with one of them.
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$cur"))
    local ext
    for ext in "${words[@]}"; do COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur")); done
  elif (( ${#words[@]} )); then
    COMPREPLY=($(compgen -W "${words[*]}" -- "$cur"))
  elif (( !(directive & 4) )); then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -F _kinject kinject kubectl-inject
