# bash completion for lilo
_lilo()
{
    local cur prev words cword
    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; cword=$COMP_CWORD; words=("${COMP_WORDS[@]}"); }
    local commands="init check explain count serve lsp bundle verify fingerprint batch report programme"
    local programmes="cambridge-diploma lilo-certificate mphil-elsi"
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    if [ "${words[1]}" = programme ]; then
        if [ "$cword" -eq 2 ]; then
            COMPREPLY=($(compgen -W "validate show list --help" -- "$cur"))
            return
        fi
        case ${words[2]} in
            validate)
                if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--help" -- "$cur"))
                else COMPREPLY=($(compgen -W "$programmes" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur")); fi ;;
            show)
                if [ "$prev" = --format ]; then COMPREPLY=($(compgen -W "yaml json" -- "$cur"))
                elif [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--format --origins --help" -- "$cur"))
                else COMPREPLY=($(compgen -W "$programmes" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur")); fi ;;
            list) COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
        esac
        return
    fi
    if [ "${words[1]}" = report ]; then
        if [ "$cword" -eq 2 ]; then
            COMPREPLY=($(compgen -W "merge --help" -- "$cur"))
            return
        fi
        [ "${words[2]}" = merge ] || return
        case $prev in
            --csv|--jsonl|--html) COMPREPLY=($(compgen -f -- "$cur")); return ;;
            --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        esac
        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--csv --jsonl --html -q --quiet --color --help" -- "$cur"))
        else COMPREPLY=($(compgen -f -X '!*.jsonl' -- "$cur") $(compgen -d -- "$cur")); fi
        return
    fi
    case $prev in
        --format) COMPREPLY=($(compgen -W "text json github junit sarif markdown" -- "$cur")); return ;;
        --cjk) COMPREPLY=($(compgen -W "characters none" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --include|--exclude) COMPREPLY=($(compgen -W "body headings footnotes citations front_matter tables captions code math html references appendices" -- "$cur")); return ;;
        --programme) COMPREPLY=($(compgen -W "$programmes" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur")); return ;;
        --as-of|--port|--limit|-j|--jobs|--timeout|--max-memory|--max-entries|--max-mb|--max-ratio) return ;;
        --changed-since|--rev) COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null) HEAD" -- "$cur")); return ;;
        -C|--folder) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o|--output|--csv|--jsonl|--html) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    local opts
    case ${words[1]} in
        init) opts="--programme" ;;
        check) opts="-q --format --as-of --programme --color --strict --quiet --git --no-git --changed-since" ;;
        explain) opts="-C --folder --programme --as-of" ;;
        count) opts="--by-section --include --exclude --cjk --limit --format --programme --rules" ;;
        bundle) opts="-o --output --as-of --programme --allow-incomplete --list --rev" ;;
        verify) opts="--format --max-entries --max-mb --max-ratio" ;;
        fingerprint) opts="--list" ;;
        serve) opts="--port --open --programme" ;;
        lsp) opts="" ;;
        batch) opts="-j --jobs --as-of --programme --timeout --max-memory --csv --jsonl --html -q --quiet --color" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    elif [ "${words[1]}" = verify ]; then
        COMPREPLY=($(compgen -f -X '!*.zip' -- "$cur") $(compgen -d -- "$cur"))
    elif [ "${words[1]}" = batch ]; then
        COMPREPLY=($(compgen -f -X '!*.[zZ][iI][pP]' -- "$cur") $(compgen -d -- "$cur"))
    elif [ "${words[1]}" = count ]; then
        COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}
complete -F _lilo lilo
