#!/usr/bin/env bash
# The cohort HTML report in a real headless Chromium: lilo checks four
# portfolios (one candidate named in Chinese, one whose name holds HTML's
# special characters), `lilo report merge --html` writes the page, and
# check_page.js (puppeteer-core over the DevTools protocol) loads it, sorts,
# filters, follows the links to the diagnostics, and saves a screenshot
# (ARTEFACTS_DIR/cohort.png) and a printed PDF (cohort.pdf).
#   test_cohort_html.sh LILO SOURCE_DIR TOOLS_DIR ARTEFACTS_DIR
# TOOLS_DIR receives puppeteer-core (installed once from the npm registry).
# Exits 77 (CTest: skipped) without Chromium, Node.js or the npm registry.
# LILO_CHROMIUM names another Chromium binary (default /usr/bin/chromium).
set -u
lilo=$1
src=$2
tools=$3
artefacts=$4
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "${LILO_CHROMIUM:-}" ]; then candidates=("$LILO_CHROMIUM")
else candidates=(/usr/bin/chromium "$(command -v chromium 2>/dev/null)" "$(command -v chromium-browser 2>/dev/null)"); fi
chromium=
for c in "${candidates[@]}"; do
  [ -z "$chromium" ] && [ -n "$c" ] && [ -x "$c" ] && chromium=$c
done
if [ -z "$chromium" ]; then
  echo "skipped: chromium is not installed (apt-get install chromium)"
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "skipped: node and npm are needed to drive chromium (puppeteer-core)"
  exit 77
fi
if [ ! -f "$tools/node_modules/puppeteer-core/package.json" ] &&
   ! (mkdir -p "$tools" && cd "$tools" && npm install --silent --no-audit --no-fund --prefix . puppeteer-core@24 >npm.log 2>&1); then
  echo "skipped: puppeteer-core could not be installed from the npm registry (see $tools/npm.log)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-html.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export NO_COLOR=1
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# p: complete, named in Chinese. q: the incomplete example. e: complete, a name
# that is HTML. z: an essay over the limit (1,100 words < its count: a numeric
# sort and a text sort of the word counts differ).
cp -r "$src/examples/certificate" p
cp -r "$src/examples/certificate-incomplete" q
cp -r "$src/examples/certificate" e
cp -r "$src/examples/certificate" z
# (The first `  name:` is the candidate's, the one under `candidate:`.)
sed -i '0,/^  name: .*/s//  name: 陳大文/' p/portfolio.yaml
sed -i "0,/^  name: .*/s//  name: '<b>\&\"'''/" e/portfolio.yaml
sed -i '0,/^  name: .*/s//  name: Zoë Ng/' z/portfolio.yaml
extra=$(for _ in $(seq 25); do printf 'Leadership grows through reflection and shared practice. '; done)
sed -i "s/^## References/$extra\n\n## References/" z/essay.md

"$lilo" check p q e z --as-of 2026-11-20 --format json=all.json >check.out 2>&1
[ -s all.json ] || { echo "FAIL: lilo check --format json=all.json wrote nothing: $(head -5 check.out)"; exit 1; }
# JSON Lines, one report a line, then one portfolio that could not be checked
# (as `lilo batch` writes it).
node -e '
const fs = require("fs");
const a = JSON.parse(fs.readFileSync("all.json", "utf8"));
const lines = a.map((r) => JSON.stringify(r));
lines.push(JSON.stringify({portfolio: "gone", status: "error", error: "gone: no such folder", candidate: {name: "", id: ""}}));
fs.writeFileSync("all.jsonl", lines.join("\n") + "\n");' || { echo "FAIL: converting all.json to JSON Lines"; exit 1; }
grep -q '"name":"陳大文"' all.jsonl && grep -qF '"name":"<b>&\"'"'"'"' all.jsonl && grep -q '"name":"Zoë Ng"' all.jsonl ||
  fail "the reports hold the Chinese and the HTML names"

# Exit 1: the cohort holds incomplete portfolios; the page is written all the same.
"$lilo" report merge all.jsonl --html out.html >merge.out 2>&1; merge_rc=$?
if [ "$merge_rc" != 1 ] || [ ! -s out.html ]; then
  echo "FAIL: lilo report merge all.jsonl --html out.html (exit $merge_rc): $(head -5 merge.out)"
  exit 1
fi
"$lilo" report merge all.jsonl --html again.html >/dev/null 2>&1
cmp -s out.html again.html || fail "the same reports give the same bytes"
grep -qi '<meta charset="utf-8">' out.html || fail "the page declares UTF-8"
grep -q '陳大文' out.html || fail "the Chinese name is in the page as UTF-8"
grep -q '&lt;b&gt;&amp;&quot;&#39;' out.html || fail "the HTML name is escaped"
grep -qiE '(src|href)="(https?:)?//' out.html && fail "the page refers to something outside itself"

mkdir -p "$artefacts"
rm -f "$artefacts/cohort.png" "$artefacts/cohort.pdf"
cp out.html "$artefacts/cohort.html"
node "$here/check_page.js" "$tools" "$chromium" out.html all.jsonl "$artefacts" || failed=1

# A mixed cohort: three programmes, a 400,000-word essay (whose portfolio
# keeps the example's id: a duplicate), a gap over the limit, an empty folder.
mkdir cohort
for e in certificate certificate-incomplete diploma mphil mphil-incomplete; do cp -r "$src/examples/$e" "cohort/$e"; done
cp -r "$src/examples/certificate" cohort/huge-essay && mkdir cohort/empty
python3 -c "
import sys
words = ' '.join('reflection' for _ in range(1000))
p = 'cohort/huge-essay/essay.md'
text = open(p, encoding='utf-8').read()
open(p, 'w', encoding='utf-8').write(text.replace('## References', ('\n\n' + words) * 400 + '\n\n## References', 1))"
"$lilo" batch cohort --as-of 2026-11-20 --html layout.html --jsonl layout.jsonl -q >/dev/null 2>&1
[ -s layout.html ] || fail "lilo batch --html layout.html wrote nothing"
rm -f "$artefacts"/layout-*.png
cp layout.html "$artefacts/layout.html"
node "$here/check_layout.js" "$tools" "$chromium" layout.html layout.jsonl "$artefacts" || failed=1
for w in 1400 phone; do [ -s "$artefacts/layout-$w.png" ] && echo "screenshot: $artefacts/layout-$w.png" || fail "a screenshot at $w"; done

png=$artefacts/cohort.png
if [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$png")" -gt 10000 ]; then
  echo "screenshot: $png"
else
  fail "a PNG screenshot in $png"
fi
[ "$(head -c 5 "$artefacts/cohort.pdf" 2>/dev/null)" = "%PDF-" ] || fail "a printed PDF in $artefacts/cohort.pdf"
[ "$failed" = 0 ] && echo "html: passed"
exit "$failed"
