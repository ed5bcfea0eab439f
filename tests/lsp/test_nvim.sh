#!/usr/bin/env bash
# A real editor: Neovim's built-in LSP client (Debian's neovim) starts
# lilo lsp on an essay with a short criterion section, shows C7.words at its
# heading, and clears it when the section is written out again in the buffer.
#   test_nvim.sh LILO EXAMPLES_DIR
set -u
lilo=$(realpath "$1")
examples=$2
command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (apt-get install neovim; tools/install-deps)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$examples/certificate" "$work/portfolio"
essay=$work/portfolio/essay.md
cp "$essay" "$work/original.md"
# C7's section cut to six words.
python3 - "$essay" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
a = lines.index("## Why staff development matters")
b = lines.index("## Developing staff: what works")
open(p, "w", encoding="utf-8").write("\n".join(lines[:a + 1] + ["", "Teachers learn best from each other.", ""] + lines[b:]))
PY
line=$(($(grep -n '^## Why staff development matters$' "$essay" | cut -d: -f1) - 1))
LILO=$lilo ESSAY=$essay ORIGINAL=$work/original.md OUT=$work/out.txt \
  timeout 120 nvim --headless -u NONE --clean -c "luafile $(dirname "$0")/nvim_client.lua" >"$work/nvim.log" 2>&1
rc=$?
cat "$work/out.txt" 2>/dev/null || { echo "FAIL: Neovim wrote nothing (exit $rc)"; cat "$work/nvim.log"; exit 1; }
status=0
grep -qx "open: C7.words at line $line col 0: section 'Why staff development matters' has 6 words; C7 needs at least 60" "$work/out.txt" ||
  { echo "FAIL: Neovim did not show C7.words at line $line"; status=1; }
grep -qx "edit: C7.words gone, 0 diagnostics" "$work/out.txt" || { echo "FAIL: the edit in Neovim did not clear C7.words"; status=1; }
[ $status = 0 ] && echo "Neovim: C7.words shown at its heading, cleared by the edit"
exit $status
