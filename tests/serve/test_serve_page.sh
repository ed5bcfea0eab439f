#!/usr/bin/env bash
# lilo serve's page in a real headless Chromium: a copy of the complete
# example with one journal entry taken out (R2 unmet by a 48-day gap) and a
# current mentor's sign-off; check_live_page.js reads what the page shows,
# puts the entry back and waits for R2 met and the sign-off out of date,
# without a reload. Screenshots in ARTEFACTS_DIR (serve-before.png,
# serve-after.png). Then Ctrl-C: exit 0 within a second.
#   test_serve_page.sh LILO SOURCE_DIR TOOLS_DIR ARTEFACTS_DIR
# Chromium, Node.js and npm are lilo's test dependencies (tools/install-deps):
# without them this fails. Exits 77 (skipped) only when puppeteer-core cannot
# be fetched from the npm registry. LILO_CHROMIUM names another Chromium.
set -u
lilo=$1
src=$2
tools=$3
artefacts=$4
here=$(cd "$(dirname "$0")" && pwd)
. "$here/serve_common.sh"

chromium=${LILO_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "FAIL: no $chromium (apt-get install chromium)"; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "FAIL: node and npm are needed (apt-get install nodejs npm)"; exit 1; }
if [ ! -f "$tools/node_modules/puppeteer-core/package.json" ] &&
   ! (mkdir -p "$tools" && cd "$tools" && npm install --silent --no-audit --no-fund --prefix . puppeteer-core@24 >npm.log 2>&1); then
  echo "skipped: puppeteer-core could not be installed from the npm registry (see $tools/npm.log)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-serve-page.XXXXXX")
trap 'kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }
cp -r "$src/examples/certificate" p
mv p/journal/2025-12-19-marking-policy.md entry.md
# The mentor signs off the portfolio as it is now (the gap included).
printf 'name: Ho Chi Keung\ndate: 2026-06-20\nsha256: %s\n' "$("$lilo" fingerprint p)" >p/signoff.yaml
"$lilo" check p --format json=before.json >/dev/null 2>&1
python3 -c 'import json; r=json.load(open("before.json")); bad=[q["id"] for q in r["requirements"] if q["status"]!="met"]; assert bad==["R2"], bad' ||
  { echo "FAIL: the copy should miss only R2: $(cat before.json | head -c 400)"; exit 1; }

start_serve serve.out p --port 0 || exit 1
mkdir -p "$artefacts"
rm -f "$artefacts"/serve-*.png
node "$here/check_live_page.js" "$tools" "$chromium" "$url" "$work/p" "$work/entry.md" "$artefacts" || failed=1
for png in serve-before serve-after; do
  f=$artefacts/$png.png
  [ -s "$f" ] && [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$f")" -gt 20000 ] ||
    fail "a screenshot in $f"
done
stop_serve INT; rc=$stop_rc
[ "$rc" = 0 ] || fail "Ctrl-C after the page: exit $rc within a second, not 0"
[ "$failed" = 0 ] && echo "serve page: passed"
exit "$failed"
