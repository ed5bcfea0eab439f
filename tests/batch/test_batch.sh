#!/usr/bin/env bash
# lilo batch and lilo report merge on a real cohort: the examples, a
# bundle, a broken portfolio, names that CSV must quote, and a portfolio too
# slow for its time limit. Outputs are read back by real parsers (Python's
# csv and json modules).
#   test_batch.sh LILO SOURCE_DIR
set -u
lilo=$1
src=$2
. "$(dirname "$0")/../e2e/checks.sh" batch
cd "$work" || exit 1
export CI=true NO_COLOR=1 LC_ALL=C.UTF-8
as_of=2026-11-20

mkdir cohort
for e in certificate certificate-incomplete diploma diploma-incomplete mphil mphil-incomplete; do cp -r "$src/examples/$e" "cohort/$e"; done
# Names a spreadsheet must keep intact: a comma, quotes, a line break, Chinese.
cp -r "$src/examples/certificate" cohort/quoted
sed -i 's/^  name: Leung Ka Yan$/  name: "Chan, \\"Tommy\\" Tai\\nMan"/' cohort/quoted/portfolio.yaml
cp -r "$src/examples/certificate" cohort/chinese
sed -i 's/^  name: Leung Ka Yan$/  name: 陳大文/; s/^  id: LILO-2025-0117$/  id: LILO-2025-0999/' cohort/chinese/portfolio.yaml
mkdir cohort/broken && printf 'lilo: [1\n' > cohort/broken/portfolio.yaml
"$lilo" bundle "$src/examples/certificate" -o cohort/submitted.zip --as-of $as_of >/dev/null 2>&1
check "the bundle to check was written" '[ -s cohort/submitted.zip ]'
printf 'not a zip' > cohort/garbage.zip
# Folders with no portfolio in them: listed as skipped, never lost without a word.
mkdir cohort/empty cohort/notes && printf 'to do\n' > cohort/notes/todo.txt

# The same results whatever the number of jobs.
"$lilo" batch cohort --as-of $as_of -j1 --csv one.csv --jsonl one.jsonl --html one.html >one.out 2>one.err; rc1=$?
"$lilo" batch cohort --as-of $as_of -j4 --csv four.csv --jsonl four.jsonl --html four.html >four.out 2>four.err; rc4=$?
check "exit 1 when some portfolios are incomplete (got $rc1)" '[ $rc1 = 1 ] && [ $rc4 = 1 ]'
check "stdout identical for -j1 and -j4" 'cmp -s one.out four.out'
check "CSV identical for -j1 and -j4" 'cmp -s one.csv four.csv'
check "JSONL identical for -j1 and -j4" 'cmp -s one.jsonl four.jsonl'
check "HTML identical for -j1 and -j4" 'cmp -s one.html four.html'
check "no progress output under CI=true" '[ ! -s one.err ]'
check "one JSONL line per portfolio and per folder skipped" '[ "$(wc -l < one.jsonl)" = 13 ]'
# A bundle keeps its own date and programme; a different --as-of or --programme is noted, not applied.
"$lilo" batch cohort/submitted.zip --as-of 2026-12-01 --programme cambridge-diploma -q >/dev/null 2>note.err; rcn=$?
check "a bundle checked as of its own date and programme, and the difference noted (exit $rcn)" \
  '[ $rcn = 0 ] && grep -qx "lilo: note: cohort/submitted.zip was checked as of $as_of, the date inside it, not --as-of 2026-12-01" note.err &&
   grep -qx "lilo: note: cohort/submitted.zip was checked against lilo-certificate, the programme inside it, not --programme cambridge-diploma" note.err'
check "the matrix names the broken portfolio's error, the garbage zip, and counts" \
  'grep -q "Cohort, as of 2026-11-20: 11 portfolios, 6 complete, 4 incomplete, 1 could not be checked, 2 skipped (not portfolios)$" one.out && grep -q "cohort/garbage.zip: " one.out'
check "the matrix lists each folder skipped" \
  'grep -A2 "^Skipped, not checked" one.out | grep -qx "  cohort/empty: an empty folder" && grep -A2 "^Skipped, not checked" one.out | grep -qx "  cohort/notes: no portfolio.yaml in it"'
check "the matrix flags candidate ids found in several portfolios" \
  'grep -A1 "^The same candidate id in several portfolios:" one.out | grep -qx "  LILO-2025-0117: cohort/certificate, cohort/quoted, cohort/submitted.zip" && grep -q "complete  DUPLICATE ID$" one.out'
check "the most common errors are given per programme (R1 is not R1 in every programme)" \
  'grep -q "^Most common errors, lilo-certificate: " one.out && grep -q "^Most common errors, mphil-elsi: .*R1.words" one.out && ! grep "^Most common errors, lilo-certificate" one.out | grep -q R1.words'
check "one matrix per programme" 'grep -q "^lilo-certificate (" one.out && grep -q "^cambridge-diploma (2)" one.out && grep -q "^mphil-elsi (2)" one.out'
check "the bundle is checked in place and complete" 'grep -q "cohort/submitted.zip.*complete" one.jsonl'

# On a terminal (script(1) gives it one), a progress bar on standard error: count, rate, time left.
if command -v script >/dev/null; then
  env -u CI script -qec "'$lilo' batch cohort --as-of $as_of -j2" /dev/null 2>/dev/null | tr '\r' '\n' >tty.out
  check "a progress bar on a terminal" 'grep -Eq "^\[#+\.*\] [0-9]+/13  [0-9.]+/s  [0-9]+:[0-9]{2} left" tty.out && grep -q "13/13" tty.out'
fi

# Every JSONL line is a report that the report schema's required fields are in, or an error entry.
python3 - one.jsonl <<'PY' && ok || fail "JSONL lines are reports"
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    r = json.loads(line)
    if r["status"] == "error":
        assert r["error"] and r["portfolio"], n
        continue
    if r["status"] == "skipped":
        assert r["reason"] and r["portfolio"] in ("cohort/empty", "cohort/notes"), n
        continue
    for k in ("portfolio", "programme", "as_of", "status", "requirements", "criteria", "essay", "diagnostics"):
        assert k in r, (n, k)
PY

# The CSV through a real CSV parser: quoted commas, quotes, line breaks and Chinese names survive.
python3 - one.csv <<'PY' && ok || fail "CSV round trip"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 13, len(rows)
names = {r["candidate_name"] for r in rows}
assert 'Chan, "Tommy" Tai\nMan' in names, names
assert "陳大文" in names, names
by = {r["portfolio"]: r for r in rows}
assert by["cohort/diploma"]["qualification"] == "Diploma"
assert by["cohort/diploma-incomplete"]["qualification"] == "Certificate"
assert by["cohort/mphil-incomplete"]["progression"] == "unmet"
# An id that several programmes have is a column per programme; one only one has, by its id.
assert by["cohort/certificate"]["R2 (lilo-certificate)"] == "met" and by["cohort/certificate"]["C6 (lilo-certificate)"] == "addressed"
assert by["cohort/certificate-incomplete"]["R2 (lilo-certificate)"] == "unmet"
assert by["cohort/mphil"]["R1 (mphil-elsi)"] == "met" and by["cohort/mphil"]["R1 (lilo-certificate)"] == ""
assert by["cohort/diploma"]["R8"] == "met" and by["cohort/certificate"]["R8"] == ""
assert by["cohort/empty"]["status"] == "skipped" and by["cohort/empty"]["next"] == "an empty folder"
assert by["cohort/notes"]["status"] == "skipped" and by["cohort/notes"]["next"] == "no portfolio.yaml in it"
assert by["cohort/certificate"]["same_id_as"] == "cohort/quoted; cohort/submitted.zip", by["cohort/certificate"]["same_id_as"]
assert by["cohort/chinese"]["same_id_as"] == ""
assert by["cohort/certificate"]["as_of"] == "2026-11-20"
assert by["cohort/garbage.zip"]["status"] == "error"
assert by["cohort/broken"]["next"].startswith("P.yaml-syntax")
PY
check "CSV starts with a UTF-8 byte-order mark and ends lines with CRLF" '[ "$(head -c3 one.csv | od -An -tx1 | tr -d " ")" = efbbbf ] && head -1 one.csv | grep -q $'"'"'\r$'"'"''

# Shards merged: the same cohort as one run.
"$lilo" batch cohort/certificate cohort/certificate-incomplete cohort/broken cohort/chinese --as-of $as_of --jsonl a.jsonl -q; 
"$lilo" batch cohort/diploma cohort/diploma-incomplete cohort/empty cohort/mphil cohort/mphil-incomplete cohort/notes cohort/quoted cohort/submitted.zip cohort/garbage.zip --as-of $as_of --jsonl b.jsonl -q
"$lilo" report merge b.jsonl a.jsonl --csv merged.csv --jsonl merged.jsonl >merged.out; rcm=$?
check "merge exits 1 like the batch (got $rcm)" '[ $rcm = 1 ]'
check "merged shards give the same CSV as one run" 'cmp -s merged.csv one.csv'
check "merged shards give the same JSONL as one run" 'cmp -s merged.jsonl one.jsonl'
check "merged shards give the same matrix as one run" 'cmp -s merged.out one.out'
# Shards checked as of different dates: said in the matrix, on standard error with -q, in the CSV and in the HTML.
"$lilo" batch cohort/chinese --as-of 2026-11-01 --jsonl early.jsonl -q
"$lilo" report merge a.jsonl early.jsonl --csv dates.csv --html dates.html >dates.out 2>dates.err
"$lilo" report merge a.jsonl early.jsonl -q 2>dates-q.err
check "merged shards of different dates: said in the matrix" \
  'grep -q "^Note: checked as of different dates: 2026-11-01 (1), 2026-11-20 (3); " dates.out'
check "... on standard error with -q" 'grep -qx "lilo: note: checked as of different dates: 2026-11-01 (1), 2026-11-20 (3)" dates-q.err'
check "... in the CSV (each row's as_of)" 'python3 -c "
import csv; rows = {r[\"portfolio\"]: r for r in csv.DictReader(open(\"dates.csv\", encoding=\"utf-8-sig\", newline=\"\"))}
assert rows[\"cohort/chinese\"][\"as_of\"] == \"2026-11-01\" and rows[\"cohort/certificate\"][\"as_of\"] == \"2026-11-20\""'
check "... in the HTML" 'grep -q "checked as of different dates: 2026-11-01 (1), 2026-11-20 (3)" dates.html'

# --color as lilo check has it: always colours ✓ and ✗, never and auto (not a terminal) do not.
"$lilo" batch cohort/certificate cohort/certificate-incomplete --as-of $as_of --color always >colour.out
"$lilo" batch cohort/certificate cohort/certificate-incomplete --as-of $as_of --color never >plain.out
"$lilo" report merge a.jsonl --color always >colour-merge.out
check "--color always: ✓ in green, ✗ in red" 'grep -qF "$(printf "\033[32m✓\033[0m")" colour.out && grep -qF "$(printf "\033[31m✗\033[0m")" colour.out && grep -qF "$(printf "\033[32m✓")" colour-merge.out'
check "--color never: no escape codes" '! grep -q "$(printf "\033")" plain.out'

# lilo batch cohort/*: a file or a folder without a portfolio among the paths does not stop the run.
"$lilo" batch cohort/* --as-of $as_of -q --csv glob.csv 2>glob.err; rcg=$?
check "cohort/*: exit 1, every portfolio checked, the rest skipped (got $rcg)" \
  '[ $rcg = 1 ] && [ "$(grep -c ",skipped," glob.csv)" = 2 ] && [ "$(grep -c ",complete," glob.csv)" = 6 ]'
printf 'notes\n' > lone.txt && mkdir lone
"$lilo" batch lone lone.txt --as-of $as_of >lone.out 2>lone.err; rcl=$?
check "nothing to check at all: exit 2, each path listed as skipped (got $rcl)" \
  '[ $rcl = 2 ] && grep -qx "  lone: an empty folder" lone.out && grep -q "^  lone.txt: neither a portfolio folder" lone.out && grep -q "nothing could be checked" lone.err'

printf '{"portfolio": "x"\n' > bad.jsonl
"$lilo" report merge a.jsonl bad.jsonl >/dev/null 2>merge.err; rcb=$?
check "a malformed JSONL line: exit 2, naming file and line" '[ $rcb = 2 ] && grep -q "bad.jsonl:1: not a lilo report" merge.err'

# One slow portfolio: stopped at its time limit, reported as its own error; the others are unaffected.
mkdir slow && cp -r "$src/examples/certificate" slow/big && cp -r "$src/examples/certificate" slow/fine
python3 - "$src/examples/certificate/journal/2025-09-12-learner-again.md" <<'PY'
import sys
entry = open(sys.argv[1], encoding="utf-8").read()
for i in range(1, 9001):  # under the 10,000-file limit, which would refuse it at once
    with open("slow/big/journal/2026-01-01-copy-%d.md" % i, "w", encoding="utf-8") as f:
        f.write(entry)
PY
# The limit: a quarter of what the slow portfolio takes on its own here, so
# that it is stopped however fast or slow this build and machine are (a
# sanitizer build under load once checked it inside a limit set from the
# ordinary portfolio), while the ordinary one, tens of times quicker,
# stays well inside; at least 0.2 s.
t0=$(date +%s%N); "$lilo" check slow/big --as-of $as_of -q >/dev/null 2>&1; t1=$(date +%s%N)
limit=$(awk -v ns=$((t1 - t0)) 'BEGIN { t = ns / 4 / 1e9; if (t < 0.2) t = 0.2; printf "%g", int(t * 10 + 0.5) / 10 }')
"$lilo" batch slow --as-of $as_of --timeout "$limit" --jsonl slow.jsonl >slow.out 2>&1; rcs=$?
check "the slow portfolio is stopped and reported (exit $rcs, --timeout $limit)" '[ $rcs = 1 ] && grep -q "slow/big: stopped after $limit s" slow.out'
check "the other portfolio is still checked" 'grep -q "\"portfolio\":\"slow/fine\".*\"status\":\"complete\"" slow.jsonl'

# One portfolio too big for its memory limit: its own error; the next is still checked.
# (AddressSanitizer builds apply no limit: it reserves terabytes of address space.)
if ! ldd "$lilo" 2>/dev/null | grep -q libasan; then
  mkdir mem && cp -r "$src/examples/certificate" mem/a && cp -r "$src/examples/certificate" mem/b && cp -r "$src/examples/certificate" mem/c
  python3 -c "
words = ' '.join('word%d' % i for i in range(2000))
open('mem/b/essay.md', 'w').write(('para ' + words + '\\n\\n') * 900)"
  "$lilo" batch mem --as-of $as_of --max-memory 64 -j1 >mem.out 2>&1
  check "out of memory: that portfolio's error, the others checked" \
    'grep -q "mem/b: ran out of memory (more than 64 MB; --max-memory)" mem.out && grep -q "lilo-certificate (2)" mem.out'
fi

# Interrupted (SIGINT, as Ctrl-C sends): exit 2, and neither the JSONL nor any partial file is left.
"$lilo" batch slow/big slow/big slow/big slow/big --as-of $as_of -j1 --jsonl cut.jsonl --csv cut.csv >cut.out 2>cut.err & pid=$!
# Sent as soon as the output file is opened, which is before the workers start
# (a Ctrl-C during that warm-up was once lost); waiting for the file, not for a
# fixed time, keeps this independent of how fast the build is.
for i in $(seq 1 300); do ls | grep -q '^cut.jsonl.partial-' && break; sleep 0.1; done
kill -INT $pid; wait $pid; rci=$?
check "interrupted: exit 2 (got $rci), no output files, no partial files" \
  '[ $rci = 2 ] && grep -q "interrupted" cut.err && [ ! -e cut.jsonl ] && [ ! -e cut.csv ] && [ -z "$(ls | grep partial)" ]'
check "interrupted: no worker left behind" '! pgrep -f "batch slow/big slow/big" >/dev/null'

# Bad arguments: exit 2, nothing written.
"$lilo" batch nowhere --jsonl never.jsonl >/dev/null 2>nowhere.err; rcn=$?
check "a missing path: exit 2 with its name" '[ $rcn = 2 ] && grep -q "nowhere: no such file or folder" nowhere.err && [ ! -e never.jsonl ]'
check "no partial files left behind" '[ -z "$(ls | grep partial)" ]'

finish
