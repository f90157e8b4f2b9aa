# fish completion for kinject (and kubectl-inject, its kubectl plugin name).
# It asks `kinject __complete ARG... CURRENT` what may come next, so it knows
# every flag of the kinject it runs. Load it with: kinject completion fish | source
function __kinject_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l prog $tokens[1]
    command -sq -- $prog; or set prog kinject
    set -l out (command $prog __complete $tokens[2..-1] $cur 2>/dev/null); or return
    set -l directive 0
    if string match -qr '^:[0-9]+$' -- $out[-1]
        set directive (string sub -s 2 -- $out[-1])
        set -e out[-1]
    end
    test (math "bitand($directive, 1)") -ne 0; and return
    if test (math "bitand($directive, 8)") -ne 0
        # The lines are file extensions: directories, and files with one of them.
        set -l pattern '\.('(string join '|' -- $out)')$'
        for f in (__fish_complete_path $cur)
            set -l path (string split -f1 \t -- $f)
            if string match -q -- '*/' $path; or string match -qr -- $pattern $path
                echo $f
            end
        end
    else if set -q out[1]
        printf '%s\n' $out
    else if test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path $cur
    end
end
complete -c kinject -f -a '(__kinject_complete)'
complete -c kubectl-inject -f -a '(__kinject_complete)'
