#!/usr/bin/env bash
# The README's sample output is lilo's output: the command the README shows
# (lilo check --as-of 2026-11-20 --no-git, inside a copy of
# examples/certificate-incomplete) is run, and every line of the fenced
# sample must be in its output, in order and together, "…" standing for
# lines left out. And the GitHub workflow `lilo init` writes uses the action
# as the README shows it.
#   check_readme.sh LILO SOURCE_DIR
set -u
lilo=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-readme.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CI=true NO_COLOR=1 LC_ALL=C.UTF-8
status=0
fail() { echo "FAIL: $*"; status=1; }
readme=$src/README.md
grep -q '`lilo check --as-of 2026-11-20 --no-git` inside it' "$readme" || fail "the README no longer names the command its sample shows"
cp -r "$src/examples/certificate-incomplete" "$work/p"
(cd "$work/p" && "$lilo" check --as-of 2026-11-20 --no-git >"$work/out.txt" 2>&1)
python3 - "$readme" "$work/out.txt" <<'PY' || status=1
import sys
readme = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = open(sys.argv[2], encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(readme) if "lilo check --as-of 2026-11-20 --no-git" in l)
begin = next(i for i in range(start, len(readme)) if readme[i].startswith("```")) + 1
end = next(i for i in range(begin, len(readme)) if readme[i].startswith("```"))
chunks, chunk = [], []
for line in readme[begin:end]:
    if line == "…":
        chunks.append(chunk); chunk = []
    else:
        chunk.append(line)
chunks.append(chunk)
at = 0
for c in chunks:
    if not c:
        continue
    found = next((i for i in range(at, len(out) - len(c) + 1) if out[i:i + len(c)] == c), None)
    if found is None:
        # Say which line first differs, against the output's closest line.
        for line in c:
            if line not in out[at:]:
                print("FAIL: the README's sample has a line lilo does not print:\n  " + line)
                break
        else:
            print("FAIL: the README's sample has lines in another order than lilo's output, from:\n  " + c[0])
        sys.exit(1)
    at = found + len(c)
if not out[at - 1].startswith("Next:") and not any(l.startswith("Next:") for l in chunks[-1]):
    print("FAIL: the README's sample does not end with lilo's last line")
    sys.exit(1)
PY
# The workflow lilo init writes and the README agree on the GitHub Action.
(cd "$work" && "$lilo" init fresh >/dev/null 2>&1)
uses=$(grep -o 'uses: <owner>/lilo@<tag>' "$readme" | head -1)
[ -n "$uses" ] || fail "the README shows no 'uses: <owner>/lilo@<tag>'"
wf=$(find "$work/fresh" -name '*.yml' | head -1)
[ -n "$wf" ] && grep -q "$uses" "$wf" && ok=1 || fail "the workflow lilo init writes does not use the action the README shows ($uses)"
grep -qi 'not published as a GitHub Action' "$wf" && fail "the workflow lilo init writes says there is no GitHub Action; the README says this repository is one"
[ $status = 0 ] && echo "README: the sample is lilo's output; init's workflow uses the README's action"
exit $status
