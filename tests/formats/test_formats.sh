#!/usr/bin/env bash
# lilo check's formats, each read back by an independent consumer:
# JSON by ajv against schemas/report.schema.json, SARIF by Microsoft's SARIF
# Multitool, JUnit XML by xmllint and by counting with xmllint's XPath,
# github workflow commands line by line against their grammar.
#   test_formats.sh LILO SOURCE_DIR TOOLS_DIR
# TOOLS_DIR receives the npm tools (installed once from the npm registry).
set -u
lilo=$1
src=$2
tools=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-formats.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "skipped: $*"; skipped=$((skipped + 1)); }
cd "$work" || exit 1
export CI=true NO_COLOR=1
unset GITHUB_ACTIONS GITHUB_STEP_SUMMARY
cp -r "$src/examples/certificate" p
cp -r "$src/examples/certificate-incomplete" q
# A portfolio whose messages hold the characters the formats must escape.
cp -r "$src/examples/certificate" e
printf 'drafts/\n' > e/.liloignore
mv e/journal/2025-12-19-marking-policy.md "e/journal/2025-12-19-percent%, comma: colon.md"
sed -i 's/^model: .*//; s/^title: \(.*\)$/title: \1\nmodel: "gibbs, 100%: <b>\&amp;"/' "e/journal/2025-12-19-percent%, comma: colon.md"

"$lilo" check p q e --as-of 2026-11-20 --format json=all.json --format sarif=all.sarif --format junit=all.xml --format github=all.gh --format markdown=all.md >/dev/null 2>&1
[ -s all.json ] && [ -s all.sarif ] && [ -s all.xml ] && [ -s all.gh ] && [ -s all.md ] && ok || fail "every --format NAME=FILE written"
# SARIF of a portfolio named by an absolute path outside the current folder,
# and of one inside a git work tree run from a subfolder of it.
mkdir -p elsewhere repo/sub && cp -r q "$work/elsewhere/q" && cp -r q repo/portfolios-q
git -C repo init -q && (cd repo/sub && "$lilo" check ../portfolios-q --as-of 2026-11-20 --format sarif="$work/git.sarif" >/dev/null 2>&1)
(cd repo && "$lilo" check "$work/elsewhere/q" ../q --as-of 2026-11-20 --format sarif="$work/abs.sarif" >/dev/null 2>&1)
[ -s git.sarif ] && [ -s abs.sarif ] && ok || fail "SARIF written from a git work tree and for an absolute path"
# Every location relative to a base that originalUriBaseIds names as an absolute file: URI ending in '/'.
sarif_uris() { # FILE: each result's "base uri" on a line
  python3 -c "
import json, sys
run = json.load(open(sys.argv[1]))['runs'][0]
bases = run.get('originalUriBaseIds', {})
assert 'informationUri' not in run['tool']['driver'], 'a made-up informationUri'
for r in run['results']:
    a = r['locations'][0]['physicalLocation']['artifactLocation']
    b = bases[a['uriBaseId']]['uri']
    assert b.startswith('file:///') and b.endswith('/'), b
    assert not a['uri'].startswith('/') and '://' not in a['uri'], a['uri']
    print(a['uriBaseId'], b, a['uri'])
" "$1"
}
for f in all git abs; do sarif_uris $f.sarif >$f.uris 2>uris.err && ok || fail "$f.sarif: locations: $(tail -1 uris.err)"; done
grep -q "^SRCROOT file://$work/ q/essay.md$" all.uris && ok || fail "all.sarif: paths relative to the current folder: $(head -2 all.uris)"
grep -q "^SRCROOT file://$work/repo/ portfolios-q/essay.md$" git.uris && ok ||
  fail "git.sarif: paths relative to the repository: $(head -2 git.uris)"
grep -q "^PORTFOLIO file://$work/elsewhere/q/ essay.md$" abs.uris && grep -q "^PORTFOLIO2 file://$work/q/ essay.md$" abs.uris && ok || fail "abs.sarif: a portfolio outside the repository has its own base: $(head -2 abs.uris)"

# npm tools, installed once into TOOLS_DIR.
if command -v npm >/dev/null && { [ -x "$tools/node_modules/.bin/ajv" ] ||
     (mkdir -p "$tools" && cd "$tools" && npm install --silent --no-audit --no-fund --prefix . @microsoft/sarif-multitool@5 ajv-cli@5 ajv-formats@2 >/dev/null 2>&1); }; then
  chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null
  for i in 0 1 2; do
    node -e "const a=require('$work/all.json'); require('fs').writeFileSync('$work/r$i.json', JSON.stringify(a[$i]))"
    if "$tools/node_modules/.bin/ajv" validate --spec=draft7 -c ajv-formats -s "$src/schemas/report.schema.json" -d "$work/r$i.json" >ajv.txt 2>&1; then ok; else fail "ajv: report $i: $(cat ajv.txt)"; fi
  done
  for f in all.sarif git.sarif abs.sarif; do
    "$tools/node_modules/.bin/sarif-multitool" validate "$f" >sarif.txt 2>&1
    if grep -qi ": error " sarif.txt || ! grep -q "Analysis completed successfully" sarif.txt; then fail "sarif-multitool $f: $(grep -i error sarif.txt | head -3)"; else ok; fi
  done
else
  skip "npm or the npm registry is not available: ajv and sarif-multitool not run"
fi

# SARIF rules in id order: P, R1 … R6, C1 … C10 (C10 after C9, not after C1), then the codes.
rules=$(python3 -c "import json; print(' '.join(r['id'] for r in json.load(open('all.sarif'))['runs'][0]['tool']['driver']['rules'] if '.' not in r['id']))")
[ "$rules" = "P R1 R2 R3 R4 R5 R6 C1 C2 C3 C4 C5 C6 C7 C8 C9 C10" ] && ok || fail "SARIF rules in id order: $rules"

if command -v xmllint >/dev/null; then
  xmllint --noout all.xml && ok || fail "xmllint: not well-formed JUnit XML"
  # The counts agree with the reports: a testcase per requirement and criterion, a failure per unmet one.
  tests=$(xmllint --xpath 'count(//testcase)' all.xml); failures=$(xmllint --xpath 'count(//testcase/failure)' all.xml)
  want_tests=$(node -e "const a=require('$work/all.json'); let n=0; for (const r of a) n += r.requirements.length + r.criteria.length + (r.diagnostics.some(d=>d.code.startsWith('P.')) ? 1 : 0); console.log(n)" 2>/dev/null)
  want_failures=$(node -e "const a=require('$work/all.json'); let n=0; for (const r of a) { n += r.requirements.filter(q=>q.status==='unmet').length + r.criteria.filter(c=>c.status==='missing').length; if (r.diagnostics.some(d=>d.code.startsWith('P.') && d.severity==='error')) n++ } console.log(n)" 2>/dev/null)
  [ "$tests" = "$want_tests" ] && [ "$failures" = "$want_failures" ] && ok || fail "JUnit counts: $tests tests, $failures failures; the reports say $want_tests and $want_failures"
  [ "$(xmllint --xpath 'string(/testsuites/@tests)' all.xml)" = "$tests" ] && [ "$(xmllint --xpath 'string(/testsuites/@failures)' all.xml)" = "$failures" ] && ok ||
    fail "the testsuites totals agree with the testcases"
  [ "$(xmllint --xpath 'count(//testsuite)' all.xml)" = 3 ] && ok || fail "a testsuite per portfolio"
else
  skip "xmllint is not installed"
fi

# github: every line a workflow command whose properties are escaped.
bad=$(grep -vE '^::(error|warning|notice) (file=[^,:]*(,line=[0-9]+)?(,col=[0-9]+)?,)?title=[^,:]*::.*$' all.gh | head -3)
grep -q $'\r' all.gh && bad="a raw carriage return: $bad"
[ -z "$bad" ] && ok || fail "github lines off the grammar: $bad"
grep -q 'file=e/journal/2025-12-19-percent%25%2C comma%3A colon.md' all.gh && ok || fail "file property escapes % , and :"
errors=$(grep -c '^::error' all.gh); warnings=$(grep -c '^::warning' all.gh)
[ "$errors" -le 10 ] && [ "$warnings" -le 10 ] && ok || fail "at most 10 annotations of each kind ($errors errors, $warnings warnings)"
grep -q '^::notice title=lilo::[0-9]* more errors' all.gh && ok || fail "a closing line says how many were not shown"
[ "$(head -1 all.gh | cut -c1-8)" = "::error " ] && ok || fail "errors first"
# Under GITHUB_ACTIONS, plain check also annotates; GITHUB_STEP_SUMMARY gets a Markdown summary.
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$work/summary.md "$lilo" check q --as-of 2026-11-20 >plain.txt 2>&1
grep -q '^::error file=q/' plain.txt && grep -q 'Incomplete' plain.txt && ok || fail "GITHUB_ACTIONS=true: text and annotations"
# --quiet thins the annotations that come with the text report as it thins the text: errors only.
GITHUB_ACTIONS=true "$lilo" check q --as-of 2026-11-20 --quiet >quiet.txt 2>&1
grep -q '^::warning' plain.txt && grep -q '^::error file=q/' quiet.txt && ! grep -qE '^::(warning|notice) file=' quiet.txt && ok ||
  fail "GITHUB_ACTIONS=true --quiet: error annotations only ($(grep -c '^::warning' quiet.txt) warnings)"
grep -q '^## lilo check: q' summary.md && ok || fail "GITHUB_STEP_SUMMARY gets the Markdown summary"
grep -q '^| R1 Mentor | \*\*unmet\*\*' all.md && ok || fail "markdown report: a table of requirements"

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] || exit 1
# A part not run (no npm, no xmllint) is not a pass: 77 is ctest's "skipped".
[ "$skipped" = 0 ] || exit 77
