# bash completion for lilo
_lilo()
{
    local cur prev words cword
    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; cword=$COMP_CWORD; words=("${COMP_WORDS[@]}"); }
    local commands="init check explain count bundle verify fingerprint"
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --format) COMPREPLY=($(compgen -W "text json github junit sarif markdown" -- "$cur")); return ;;
        --cjk) COMPREPLY=($(compgen -W "characters none" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --include|--exclude) COMPREPLY=($(compgen -W "body headings footnotes citations front_matter tables captions code math html references appendices" -- "$cur")); return ;;
        --programme) COMPREPLY=($(compgen -W "lilo-certificate" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur")); return ;;
        --as-of|--limit) return ;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    local opts
    case ${words[1]} in
        init) opts="--programme" ;;
        check) opts="--format --as-of --programme --color --strict --quiet" ;;
        explain) opts="--folder --programme --as-of" ;;
        count) opts="--by-section --include --exclude --cjk --limit --format --programme --rules" ;;
        bundle) opts="--output --as-of --programme --allow-incomplete --list" ;;
        verify) opts="--format" ;;
        fingerprint) opts="--list" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    elif [ "${words[1]}" = verify ]; then
        COMPREPLY=($(compgen -f -X '!*.zip' -- "$cur") $(compgen -d -- "$cur"))
    elif [ "${words[1]}" = count ]; then
        COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}
complete -F _lilo lilo
