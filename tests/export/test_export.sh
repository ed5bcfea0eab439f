#!/usr/bin/env bash
# lilo export end to end, read back by real readers: every .docx by
# python3-docx (and one by LibreOffice), every PDF by pdfinfo, pdftotext and
# qpdf; the cover sheet's figures against `lilo check --format json`;
# reproducible .docx and HTML; bad input refused with nothing written.
#   test_export.sh LILO EXAMPLES_DIR ARTEFACTS_DIR
set -u
lilo=$1
examples=$2
artefacts=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-export.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export CI=true NO_COLOR=1
unset SOURCE_DATE_EPOCH
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
py=/usr/bin/python3
# The readers this test needs: a missing one fails the test (it is not optional).
for tool in pandoc chromium pdfinfo pdftotext pdftoppm qpdf soffice; do
  command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool is not installed (tools/install-deps installs it)"; exit 1; }
done
$py -c 'import docx' 2>/dev/null || { echo "FAIL: python3-docx is not installed (tools/install-deps installs it)"; exit 1; }

# The examples carry no Cambridge numbers (a centre gives them): each copy here gets a centre and a candidate number.
with_identity() { # EXAMPLE COPY CANDIDATE-NUMBER
  cp -r "$examples/$1" "$2"
  sed -i "s/^candidate:\$/candidate:\n  number: \"$3\"/" "$2/portfolio.yaml"
  printf 'centre:\n  number: "HK123"\n' >>"$2/portfolio.yaml"
}
with_identity certificate certificate 0117
with_identity diploma diploma 0117
with_identity mphil mphil 0031

# One portfolio: export as PDF and .docx; every file opened; the cover sheet checked against the JSON report.
export_one() { # NAME FOLDER EXPECTED-FILES…
  local name=$1 folder=$2; shift 2
  "$lilo" export "$folder" --format pdf,docx -o "out-$name" --as-of 2026-11-20 >"$name.out" 2>"$name.err"; local rc=$?
  [ $rc = 0 ] && ok || { fail "$name: export exit $rc: $(cat "$name.err")"; return; }
  local listed; listed=$(cd "out-$name" && ls | sort | tr '\n' ' ')
  [ "$listed" = "$(printf '%s\n' "$@" | sort | tr '\n' ' ')" ] && ok || fail "$name: files are [$listed], not [$*]"
  for f in "out-$name"/*; do
    case "$f" in
      *.docx)
        $py "$here/read_docx.py" "$f" >"$f.txt" 2>"$f.err" && ok || fail "$name: python3-docx cannot open $f: $(cat "$f.err")"
        grep -q '@[a-z]*[0-9]\{4\}' "$f.txt" && fail "$name: a raw citation key in $f" || ok ;;
      *.pdf)
        pdfinfo "$f" >"$f.info" 2>&1 && ok || fail "$name: pdfinfo cannot read $f"
        local pages; pages=$(awk '/^Pages:/ {print $2}' "$f.info")
        [ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le 200 ] && ok || fail "$name: $f has $pages pages (1–200 allowed)"
        grep -q '^Form: *none' "$f.info" && ok || fail "$name: $f has form fields: $(grep Form "$f.info")"
        grep -q '^Encrypted: *no' "$f.info" && ok || fail "$name: $f is encrypted"
        qpdf --qdf --object-streams=disable "$f" "$f.qdf" 2>/dev/null
        [ -s "$f.qdf" ] && ! grep -aq '/Annots' "$f.qdf" && ok || fail "$name: $f has annotations (or qpdf cannot read it)"
        pdftotext -enc UTF-8 "$f" "$f.txt" && [ -s "$f.txt" ] && ok || fail "$name: pdftotext extracts no text from $f"
        grep -q '@[a-z]*[0-9]\{4\}' "$f.txt" && fail "$name: a raw citation key in $f" || ok ;;
    esac
  done
  "$lilo" check "$folder" --as-of 2026-11-20 --format json >"$name.json"
  "$lilo" fingerprint "$folder" | head -1 >"$name.fp"
  local portfolio_pdf; portfolio_pdf=$(ls "out-$name"/*_portfolio.pdf)
  pdftotext -enc UTF-8 -layout -f 1 -l 4 "$portfolio_pdf" - | sed '/^ *Portfolio$/,$d' >"$name.cover.txt"
  $py "$here/check_cover.py" "$name.json" "$name.cover.txt" "$(cat "$name.fp")" && ok || fail "$name: the cover sheet differs from lilo check --format json"
}

export_one certificate certificate HK123_0117_6247_01.pdf HK123_0117_6247_01.docx HK123_0117_6247_01_portfolio.pdf HK123_0117_6247_01_portfolio.docx
export_one diploma diploma HK123_0117_6248_01.pdf HK123_0117_6248_01.docx HK123_0117_6248_02.pdf HK123_0117_6248_02.docx \
  HK123_0117_6248_03.pdf HK123_0117_6248_03.docx HK123_0117_6248_01_portfolio.pdf HK123_0117_6248_01_portfolio.docx
export_one mphil mphil HK123_0031_EDEDMPELS_01.pdf HK123_0031_EDEDMPELS_01.docx HK123_0031_EDEDMPELS_02.pdf HK123_0031_EDEDMPELS_02.docx \
  HK123_0031_EDEDMPELS_03.pdf HK123_0031_EDEDMPELS_03.docx HK123_0031_EDEDMPELS_00_portfolio.pdf HK123_0031_EDEDMPELS_00_portfolio.docx

# The essay: its text, citations rendered author–date, the reference list, in the PDF and the .docx.
for f in out-certificate/HK123_0117_6247_01.pdf.txt out-certificate/HK123_0117_6247_01.docx.txt; do
  tr '\n' ' ' <"$f" | grep -q 'When I began the programme I assumed that leadership was what principals' && ok || fail "the essay's text is not in $f"
  grep -q 'Fullan (2001)' "$f" && ok || fail "the narrative citation 'Fullan (2001)' is not in $f"
  grep -q 'fullan2001' "$f" && fail "the raw key fullan2001 is in $f" || ok
  grep -q 'Jossey-Bass' "$f" && grep -q '^References' "$f" && ok || fail "no reference list in $f"
  [ "$(grep -c 'Jossey-Bass' "$f")" = 1 ] && ok || fail "the reference list is in $f more than once"
  grep -q 'template\|<!--' "$f" && fail "template comments in $f" || ok
done
# A parenthetical citation, [@fullan2001] in the MPhil's second essay, reads (…, Fullan, 2001).
for f in out-mphil/HK123_0031_EDEDMPELS_02.pdf.txt out-mphil/HK123_0031_EDEDMPELS_02.docx.txt; do
  tr '\n' ' ' <"$f" | grep -q 'Fullan, 2001)' && ok || fail "'Fullan, 2001' is not in $f"
  grep -q '@fullan2001' "$f" && fail "@fullan2001 is in $f" || ok
done
grep -q 'Leung Ka Yan' out-certificate/HK123_0117_6247_01_portfolio.pdf.txt && grep -q 'journal/2025-09-12-learner-again.md' out-certificate/HK123_0117_6247_01_portfolio.pdf.txt \
  && ok || fail "the portfolio file lacks the candidate or the journal"
grep -q 'essay-planning-notes' out-certificate/*.txt && fail ".liloignore'd drafts/ exported" || ok
# LibreOffice opens the essay's .docx too (converting it to PDF), and its text is the essay's.
soffice --headless --convert-to pdf --outdir lo out-certificate/HK123_0117_6247_01.docx >lo.log 2>&1 </dev/null
pdftotext lo/HK123_0117_6247_01.pdf lo.txt 2>/dev/null && tr '\n' ' ' <lo.txt | grep -q 'Fullan (2001)'  && ok || fail "LibreOffice cannot open the essay's .docx: $(tail -3 lo.log)"

# Word's count of the .docx, counted here again from its text (python3-docx), equals the one in the summary.
word=$($py "$here/docx_words.py" out-certificate/HK123_0117_6247_01.docx)
grep -q "^essay.md: Word counts $($py -c "print(f'{int(\"$word\"):,}')") words in HK123_0117_6247_01.docx; lilo counts 996 (§4)" certificate.out && ok || fail "the summary's Word count is not $word: $(grep Word certificate.out)"
grep -q "lilo leaves out: reference list +" certificate.out && grep -q "citations +" certificate.out && ok || fail "the summary does not explain the difference"
grep -q "lilo leaves out: footnotes +.*appendices +" mphil.out && ok || fail "the thesis's own rules (no footnotes, no appendices) are not in the summary: $(grep -A1 thesis mphil.out)"

# Chinese: a candidate named 陳大文 prints, and pdftotext gives the characters back.
cp -r certificate zh
sed -i 's/^  name: Leung Ka Yan$/  name: 陳大文/' zh/portfolio.yaml
printf '\n## 後記\n\n教師專業發展是一個持續的過程。\n' >>zh/project/project.md
"$lilo" export zh --format pdf,docx -o out-zh --as-of 2026-11-20 >zh.out 2>&1 && ok || fail "export of a Chinese name: $(cat zh.out)"
pdftotext -enc UTF-8 out-zh/HK123_0117_6247_01_portfolio.pdf zh.txt
grep -q '陳大文' zh.txt && grep -q '教師專業發展是一個持續的過程' zh.txt && ok || fail "Chinese characters not extracted intact from the PDF"
$py "$here/read_docx.py" out-zh/HK123_0117_6247_01_portfolio.docx >zh.docx.txt; grep -q '陳大文' zh.docx.txt && ok || fail "Chinese characters not in the .docx"

# Look at the pages: the cover sheet, an essay page and the Chinese page as PNGs.
mkdir -p "$artefacts"
pdftoppm -r 60 -png -f 1 -l 1 -singlefile out-certificate/HK123_0117_6247_01_portfolio.pdf "$artefacts/export-cover" && ok || fail "pdftoppm: cover sheet"
pdftoppm -r 60 -png -f 1 -l 1 -singlefile out-certificate/HK123_0117_6247_01.pdf "$artefacts/export-essay" && ok || fail "pdftoppm: essay"
pdftoppm -r 60 -png -f 1 -l 1 -singlefile out-zh/HK123_0117_6247_01_portfolio.pdf "$artefacts/export-cover-zh" && ok || fail "pdftoppm: Chinese cover"
cp out-certificate/HK123_0117_6247_01_portfolio.pdf "$artefacts/export-portfolio.pdf"

# Reproducible: the same portfolio and SOURCE_DATE_EPOCH give byte-identical .docx and HTML, from another copy and folder.
mkdir -p elsewhere && cp -r certificate elsewhere/p
SOURCE_DATE_EPOCH=1790000000 "$lilo" export certificate --format docx,html -o r1 --as-of 2026-11-20 >/dev/null 2>&1
sleep 1
(cd elsewhere && SOURCE_DATE_EPOCH=1790000000 TZ=Asia/Hong_Kong "$lilo" export p --format docx,html -o ../r2 --as-of 2026-11-20 >/dev/null 2>&1)
[ "$(ls r1 | wc -l)" = 4 ] && diff -r r1 r2 >/dev/null && ok || fail "export is not reproducible: $(diff -rq r1 r2 2>&1 | head -3)"

# Bad input: a clear message, exit 1 or 2, nothing written (no folder, no partial folder).
nothing_left() { [ ! -e "$1" ] && [ -z "$(ls -a | grep -F ".$1.partial-")" ]; }
refused() { # WHAT RC PATTERN OUT -- ARGS…
  local what=$1 want=$2 pattern=$3 out=$4; shift 5
  "$@" >bad.out 2>bad.err; local rc=$?
  [ $rc = "$want" ] && ok || fail "$what: exit $rc, not $want: $(cat bad.err)"
  grep -q -- "$pattern" bad.err && ok || fail "$what: message lacks '$pattern': $(cat bad.err)"
  nothing_left "$out" && ok || fail "$what: something was written"
}
cp -r certificate nocite && sed -i 's/^When I began the programme/When [@nosuch2020] I began the programme/' nocite/essay.md
refused "a citation not in the bibliography" 1 "@nosuch2020 is cited but not in the bibliography" o1 -- "$lilo" export nocite --format docx -o o1 --allow-incomplete
cp -r certificate noimg && printf '\n![The survey chart](project/evidence/chart.png)\n' >>noimg/project/project.md
refused "a broken image link" 1 "chart.png" o2 -- "$lilo" export noimg --format docx -o o2 --allow-incomplete
refused "no centre number (the example as it is)" 1 "portfolio.yaml:[0-9]*: P.export-identity: centre.number" o3 -- "$lilo" export "$examples/certificate" -o o3
grep -q "portfolio.yaml:4: P.export-identity: candidate.number" bad.err && ok || fail "no candidate number: not at candidate's line: $(cat bad.err)"
cp -r certificate unquoted && sed -i 's/^  number: "0117"$/  number: 0117/' unquoted/portfolio.yaml
refused "an unquoted candidate number" 1 "P.export-identity: candidate.number must be written in quotes" o9 -- "$lilo" export unquoted -o o9 --allow-incomplete
mkdir exists
refused "an output folder that exists" 2 "already exists" o0 -- "$lilo" export certificate -o exists
rmdir exists 2>/dev/null && [ ! -e exists ] && [ -z "$(ls -a | grep -F .exists.partial-)" ] && ok || fail "the existing folder was changed"
refused "pandoc missing" 2 "pandoc is not installed (Debian package \`pandoc\`" o4 -- env PATH=/nonexistent "$lilo" export certificate -o o4
mkdir bin && ln -s "$(command -v pandoc)" bin/pandoc
refused "chromium missing" 2 "chromium is not installed (Debian package \`chromium\`" o5 -- env PATH="$work/bin" "$lilo" export certificate -o o5
# pandoc that outlives the time limit: its whole process group is stopped.
mkdir slow && printf '#!/bin/sh\nsleep 300 &\nwait\n' >slow/pandoc && chmod +x slow/pandoc
refused "pandoc too slow" 2 "pandoc took too long" o6 -- env PATH="$work/slow:$PATH" "$lilo" export certificate -o o6 --time-limit 2
pgrep -f 'sleep 300' >/dev/null && fail "the slow pandoc's child was left running" || ok
# chromium killed half way (found as lilo's own child, by its process id).
"$lilo" export certificate -o o7 >kill.out 2>kill.err & lp=$!
for _ in $(seq 1 300); do c=$(pgrep -P $lp chromium | head -1); [ -n "$c" ] && break; sleep 0.05; done
[ -n "$c" ] && kill -9 "$c"
wait $lp; rc=$?
[ $rc = 2 ] && grep -q "chromium was killed by signal 9" kill.err && ok || fail "chromium killed: exit $rc: $(cat kill.err)"
nothing_left o7 && ok || fail "chromium killed: something was written"
# A full disk: a file-size limit stops the PDF half way.
(ulimit -f 200; "$lilo" export certificate -o o8 >bad.out 2>bad.err); rc=$?
[ $rc = 2 ] && grep -q "nothing was written\|File too large\|cannot write" bad.err && ok || fail "full disk: exit $rc: $(cat bad.err)"
nothing_left o8 && ok || fail "full disk: something was written"
# lilo itself killed half way (SIGKILL: no handler runs) leaves its partial folder; the next export
# removes it, and keeps one whose process is still running.
"$lilo" export certificate --format docx -o o9 >kill9.out 2>&1 & lp=$!
for _ in $(seq 1 300); do ls -a | grep -qF .o9.partial- && break; sleep 0.05; done
kill -9 $lp; wait $lp 2>/dev/null
ls -a | grep -qF ".o9.partial-$lp" && ok || fail "no partial folder of the killed export to clean up"
sleep 300 & alive=$!
mkdir ".o9.partial-$alive"
"$lilo" export certificate --format docx -o o9 --as-of 2026-11-20 >again.out 2>&1 && ok || fail "export after a killed one: $(cat again.out)"
[ -d o9 ] && ! ls -a | grep -qF ".o9.partial-$lp" && ok || fail "the killed export's partial folder is still there: $(ls -a | tr '\n' ' ')"
[ -d ".o9.partial-$alive" ] && ok || fail "the partial folder of a running process was removed"
kill $alive; rmdir ".o9.partial-$alive"

# A centre's own Word template (the programme's submission: {reference_doc}): its styles reach the .docx.
pandoc -o ref.docx --print-default-data-file reference.docx
mkdir -p ref && (cd ref && unzip -q ../ref.docx && \
  sed -i 's#</w:styles>#<w:style w:type="paragraph" w:customStyle="1" w:styleId="CentreMarker"><w:name w:val="Centre Marker"/></w:style></w:styles>#' word/styles.xml && \
  zip -q -X -r ../centre-ref.docx .)
cp -r certificate templated && cp centre-ref.docx templated/
printf 'extends: lilo-certificate\nid: centre-cert\ntitle: A centre certificate\nsubmission:\n  reference_doc: centre-ref.docx\n' >templated/centre.yaml
sed -i 's/^programme: .*/programme: centre.yaml/' templated/portfolio.yaml
"$lilo" export templated --format docx -o out-templated --as-of 2026-11-20 >templated.out 2>&1 && ok || fail "reference_doc: export failed: $(cat templated.out)"
unzip -p out-templated/HK123_0117_6247_01.docx word/styles.xml | grep -q "Centre Marker" && ok || fail "reference_doc: the centre's template's styles are not in the .docx"
unzip -p out-certificate/HK123_0117_6247_01.docx word/styles.xml | grep -q "Centre Marker" && fail "the marker style is in a .docx made without the template" || ok
printf 'extends: lilo-certificate\nid: centre-cert\ntitle: A centre certificate\nsubmission:\n  reference_doc: missing.docx\n' >templated/centre.yaml
"$lilo" export templated --format docx -o out-templated2 --as-of 2026-11-20 >templated2.out 2>&1; rc=$?
[ $rc = 2 ] && grep -q "reference_doc" templated2.out && [ ! -e out-templated2 ] && ok || fail "a missing reference_doc: exit $rc: $(cat templated2.out)"

echo "export: $passed passed, $failed failed"
[ $failed = 0 ]
