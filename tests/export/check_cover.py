"""The cover sheet's figures (pdftotext -layout of its first pages) against
lilo check --format json: candidate, every requirement's status, every
word-limited document's count and limit, the criteria, the fingerprint.
   check_cover.py REPORT.json COVER.txt FINGERPRINT"""
import json
import re
import sys

report = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
fingerprint = sys.argv[3]
lines = text.splitlines()
problems = []

def line_with(*words):
    for line in lines:
        if all(w in line for w in words):
            return line
    return None

if report["candidate"]["name"] not in text:
    problems.append("candidate name missing")
for r in report["requirements"]:
    line = line_with(r["id"], r["title"])
    if line is None or not re.search(r"\b%s\s*$" % r["status"], line):
        problems.append("requirement %s %s: %r" % (r["id"], r["status"], line))

def near(index, *words, span=3):
    """Whether the lines around `index` (a table row that wraps) hold every word."""
    window = " ".join(lines[max(0, index - span):index + span + 1])
    return all(w in window for w in words)

docs = list(report.get("documents", []))
if report.get("essay") and report["essay"].get("file"):
    docs.insert(0, report["essay"])
words_section = text.index("Word counts") if "Word counts" in text else 0
first_row = text[:words_section].count("\n")
for d in docs:
    count, top = f"{d['words']:,}", f"{d['limit']['max']:,}"
    rows = [i for i, l in enumerate(lines) if i > first_row and re.search(r"(^|\s)%s(\s|$)" % re.escape(count), l)]
    if not any(near(i, top, d["file"].split("/")[-1]) for i in rows):
        problems.append("document %s %s words, limit %s: not in the word-count table" % (d["file"], count, top))
map_start = text.count("\n", 0, text.index("Criteria map")) if "Criteria map" in text else 0
for c in report.get("criteria", []):
    rows = [i for i, l in enumerate(lines) if i > map_start and re.match(r"\s*%s\s" % c["id"], l)]
    if not rows or not near(rows[0], f"{c['words']:,}", span=2):
        problems.append("criterion %s %s words: not in the criteria map" % (c["id"], c["words"]))
if fingerprint not in text.replace("\n", ""):
    problems.append("fingerprint %s missing" % fingerprint)
if ("complete as of " + report["as_of"]) not in text:
    problems.append("status line missing")
for p in problems:
    print("cover sheet:", p)
sys.exit(1 if problems else 0)
