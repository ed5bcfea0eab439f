#!/usr/bin/env python3
"""lilo lsp driven as an editor drives it, over pipes: diagnostics as the
essay changes, hover, code lenses, each code action applied and checked
again, malformed messages, and shutdown/exit.
    test_lsp.py LILO EXAMPLES_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, apply_edits  # noqa: E402

lilo, examples = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def uri(path):
    return "file://" + urllib.parse.quote(path)


def codes(diags):
    return sorted(d["code"] for d in diags)


work = tempfile.mkdtemp(prefix="lilo-lsp-")
# A space in the folder's name: URIs are percent-encoded.
folder = os.path.join(work, "my portfolio")
shutil.copytree(os.path.join(examples, "certificate"), folder)
essay_path = os.path.join(folder, "essay.md")
essay_uri = uri(essay_path)
original = open(essay_path, encoding="utf-8").read()
lines = original.split("\n")
c7_line = lines.index("## Why staff development matters")
c7_end = lines.index("## Developing staff: what works")
# C7's section cut to six words: C7.words at its heading.
short = "\n".join(lines[:c7_line + 1] + ["", "Teachers learn best from each other.", ""] + lines[c7_end:])

c = Client(lilo)
r = c.request("initialize", {"processId": None, "rootUri": uri(folder), "capabilities": {}})
caps = r["result"]["capabilities"]
check(caps.get("hoverProvider") and "codeLensProvider" in caps and "codeActionProvider" in caps, "initialize: hover, code lens and code actions offered")
c.notify("initialized", {})

# --- didOpen: the short section found, at its heading's line ---------------
c.notify("textDocument/didOpen", {"textDocument": {"uri": essay_uri, "languageId": "markdown", "version": 1, "text": short}})
diags = c.diagnostics(essay_uri, 1)
c7 = [d for d in diags if d["code"] == "C7.words"]
check(len(c7) == 1, "didOpen: C7.words published for the essay (got %s)" % codes(diags))
if c7:
    rng = c7[0]["range"]
    check(rng["start"] == {"line": c7_line, "character": 0} and rng["end"] == {"line": c7_line, "character": len(lines[c7_line])},
          "C7.words spans the heading's line %d: %s" % (c7_line, rng))
    check(c7[0]["severity"] == 2 and c7[0]["source"] == "lilo", "C7.words is a warning from lilo")
manifest_diags = c.diagnostics(uri(os.path.join(folder, "portfolio.yaml")))
check(isinstance(manifest_diags, list), "portfolio.yaml gets a list even though not open (portfolio-wide findings)")

# The same finding as lilo check on the same text.
with open(essay_path, "w", encoding="utf-8") as f:
    f.write(short)
out = subprocess.run([lilo, "check", folder, "--format", "json"], capture_output=True, text=True)
on_disk = [d for d in json.loads(out.stdout)["diagnostics"] if d["code"] == "C7.words"]
check(len(on_disk) == 1 and on_disk[0]["line"] == c7_line + 1, "lilo check finds C7.words at the same line")
with open(essay_path, "w", encoding="utf-8") as f:
    f.write(original)

# --- hover -----------------------------------------------------------------
h = c.request("textDocument/hover", {"textDocument": {"uri": essay_uri}, "position": {"line": c7_line, "character": 5}})
value = (h.get("result") or {}).get("contents", {}).get("value", "")
check("words in this section" in value and "C7" in value and "at least 60" in value, "hover on C7's heading: its count and minimum")
check("C7.words" in value and "To fix" in value, "hover on C7's heading: lilo explain's text for C7.words")
cite_line = next(i for i, l in enumerate(short.split("\n")) if "@leithwood2008" in l)
col = short.split("\n")[cite_line].index("@leithwood2008") + 3
h = c.request("textDocument/hover", {"textDocument": {"uri": essay_uri}, "position": {"line": cite_line, "character": col}})
value = (h.get("result") or {}).get("contents", {}).get("value", "")
check("Leithwood" in value and "references.yaml" in value, "hover on @leithwood2008: its bibliography entry (%r)" % value[:80])
h = c.request("textDocument/hover", {"textDocument": {"uri": essay_uri}, "position": {"line": cite_line + 1, "character": 0}})
check(h.get("result") is None, "hover on plain prose: nothing")

# --- code lens -------------------------------------------------------------
r = c.request("textDocument/codeLens", {"textDocument": {"uri": essay_uri}})
titles = [l["command"]["title"] for l in r["result"]]
check(any(t.startswith("R6: ") and "words" in t for t in titles), "code lens: the essay's words against its band (%s)" % titles[:1])
c7_lens = [l for l in r["result"] if l["command"]["title"].startswith("C7: ")]
check(len(c7_lens) == 1 and c7_lens[0]["range"]["start"]["line"] == c7_line and "short" in c7_lens[0]["command"]["title"],
      "code lens: C7's words against its minimum, at its heading")
check(sum(1 for t in titles if t.startswith("C")) == 10, "code lens: one per criterion section")

# --- didChange: words added, the diagnostic gone ------------------------------
c.notify("textDocument/didChange", {"textDocument": {"uri": essay_uri, "version": 2}, "contentChanges": [{"text": original}]})
diags = c.diagnostics(essay_uri, 2)
check("C7.words" not in codes(diags), "didChange restoring the section: C7.words gone (%s)" % codes(diags))
check(diags == [], "the example essay has no findings")
text = original
version = 2


def change(new_text):
    global text, version
    version += 1
    text = new_text
    c.notify("textDocument/didChange", {"textDocument": {"uri": essay_uri, "version": version}, "contentChanges": [{"text": text}]})
    return c.diagnostics(essay_uri, version)


def actions(file_uri, line, end_line=None):
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": file_uri},
                                              "range": {"start": {"line": line, "character": 0}, "end": {"line": end_line if end_line is not None else line, "character": 0}},
                                              "context": {"diagnostics": []}})
    return r["result"]


def apply(action, file_uri):
    return apply_edits(text if file_uri == essay_uri else None, action["edit"]["changes"][file_uri])


# --- code action: declared_words --------------------------------------------
diags = change(text.replace("declared_words: 996", "declared_words: 500"))
check("R6.declared-words" in codes(diags), "declared_words 500: R6.declared-words")
acts = [a for a in actions(essay_uri, 0) if a["title"].startswith("Set declared_words")]
check(len(acts) == 1, "a code action sets declared_words")
if acts:
    diags = change(apply(acts[0], essay_uri))
    check("R6.declared-words" not in codes(diags) and "declared_words: 500" not in text, "applied: R6.declared-words gone (%s)" % codes(diags))

# --- code action: map a heading to an unmapped criterion ---------------------
diags = change(text.replace("  C10: A short-term development plan\n", ""))
check("C10.unmapped" in codes(diags), "C10's mapping removed: C10.unmapped")
plan_line = text.split("\n").index("## A short-term development plan")
acts = [a for a in actions(essay_uri, plan_line) if a["title"].startswith("Map 'A short-term development plan' to C10")]
check(len(acts) == 1, "on the heading: a code action maps it to C10")
if acts:
    diags = change(apply(acts[0], essay_uri))
    check("C10.unmapped" not in codes(diags) and diags == [], "applied: C10 mapped again, no findings (%s)" % codes(diags))

# --- code action: a section for an unmapped criterion -------------------------
diags = change(text.replace("  C10: A short-term development plan\n", ""))
offered = actions(essay_uri, 0)
acts = [a for a in offered if a["title"].startswith("Add a section for C10")]
check(len(acts) == 1, "a code action adds a section for C10 (%s; %s)" % ([a["title"] for a in offered], codes(diags)))
if acts:
    diags = change(apply(acts[0], essay_uri))
    title = "From the presentation's outcomes to a short-term development plan"
    check("C10.unmapped" not in codes(diags) and ("## " + title) in text and ('C10: "' + title + '"') in text,
          "applied: C10 mapped to a new heading of its title (%s)" % codes(diags))
    check("C10.words" in codes(diags), "the new section is empty: C10.words asks for its words")

# --- code action: a mapped heading the essay lacks ----------------------------
diags = change(original.replace("## Presenting my e-portfolio", "## Presenting"))
check("C9.heading-missing" in codes(diags), "C9's heading renamed: C9.heading-missing")
acts = [a for a in actions(essay_uri, 0) if a["title"] == "Add the heading 'Presenting my e-portfolio' (C9)"]
check(len(acts) == 1, "a code action adds C9's heading")
if acts:
    diags = change(apply(acts[0], essay_uri))
    check("C9.heading-missing" not in codes(diags), "applied: C9.heading-missing gone (%s)" % codes(diags))

# --- code action: the project's missing section (R4) ---------------------------
def fix_in(file_uri, text, title):
    """Opens `text` as the buffer of file_uri, applies the code action titled `title` and sends the change:
    (the diagnostics before, the actions so titled, the text after, the diagnostics after)."""
    c.notify("textDocument/didOpen", {"textDocument": {"uri": file_uri, "languageId": "markdown", "version": 1, "text": text}})
    before = c.diagnostics(file_uri, 1)
    acts = [a for a in actions(file_uri, 0) if a["title"] == title]
    if not acts:
        return before, acts, text, before
    text = apply_edits(text, acts[0]["edit"]["changes"][file_uri])
    c.notify("textDocument/didChange", {"textDocument": {"uri": file_uri, "version": 2}, "contentChanges": [{"text": text}]})
    return before, acts, text, c.diagnostics(file_uri, 2)


project_path = os.path.join(folder, "project", "project.md")
project = open(project_path, encoding="utf-8").read().replace("## Evaluation", "## What happened")
before, acts, project, diags = fix_in(uri(project_path), project, "Add the heading 'Evaluation' (R4)")
check("R4.section-missing" in codes(before), "project without Evaluation: R4.section-missing (%s)" % codes(before))
check(len(acts) == 1, "a code action adds the Evaluation heading")
check("R4.section-missing" not in codes(diags) and project.rstrip().endswith("## Evaluation"),
      "applied: R4.section-missing gone (%s)" % codes(diags))

# --- code action: a reflective model's headings (R2), in a new unsaved entry ---
entry_path = os.path.join(folder, "journal", "2026-06-20-gibbs.md")
entry_uri = uri(entry_path)
entry = "---\ndate: 2026-06-20\nmodel: Gibbs\n---\n\n## Description\n\n" + ("A lesson I watched and what happened in it. " * 20) + "\n"
c.notify("textDocument/didOpen", {"textDocument": {"uri": entry_uri, "languageId": "markdown", "version": 1, "text": entry}})
diags = c.diagnostics(entry_uri, 1)
check("R2.model-headings" in codes(diags), "a Gibbs entry with one heading, not saved: R2.model-headings (%s)" % codes(diags))
acts = [a for a in actions(entry_uri, 0) if a["title"].startswith("Add the missing headings")]
check(len(acts) == 1 and "Feelings" in acts[0]["title"], "a code action adds the model's missing headings")
if acts:
    entry = apply_edits(entry, acts[0]["edit"]["changes"][entry_uri])
    c.notify("textDocument/didChange", {"textDocument": {"uri": entry_uri, "version": 2}, "contentChanges": [{"text": entry}]})
    diags = c.diagnostics(entry_uri, 2)
    check("R2.model-headings" not in codes(diags) and "## Action plan" in entry, "applied: R2.model-headings gone (%s)" % codes(diags))
check(not os.path.exists(entry_path), "nothing was written into the portfolio")
c.notify("textDocument/didClose", {"textDocument": {"uri": entry_uri}})
check(c.diagnostics(entry_uri) == [], "didClose: the closed entry's diagnostics cleared")

# --- code action: an interview's missing section (R5), from the kind's sections ---
interview_path = os.path.join(folder, "interviews", "2026-02-24-interview-principal.md")
interview_uri = uri(interview_path)
interview = open(interview_path, encoding="utf-8").read().replace("## Reflection", "## Afterwards")
before, acts, interview, diags = fix_in(interview_uri, interview, "Add the heading 'Reflection' (R5)")
check(any("Reflection" in d["message"] for d in before), "an interview without Reflection: a finding says so (%s)" % codes(before))
check(len(acts) == 1, "a code action adds the interview's Reflection heading")
check(not any("Reflection" in d["message"] for d in diags) and interview.rstrip().endswith("## Reflection"),
      "applied: no finding about Reflection (%s)" % codes(diags))
readme_uri = uri(os.path.join(folder, "interviews", "README.md"))
c.notify("textDocument/didOpen", {"textDocument": {"uri": readme_uri, "languageId": "markdown", "version": 1, "text": "# Interviews\n"}})
check(not [a for a in actions(readme_uri, 0) if a["title"].startswith("Add the heading")],
      "the folder's README is not an interview: no heading to add")
c.notify("textDocument/didClose", {"textDocument": {"uri": readme_uri}})
c.notify("textDocument/didClose", {"textDocument": {"uri": interview_uri}})

# --- a folder's finding, shown on portfolio.yaml --------------------------------
manifest_uri = uri(os.path.join(folder, "portfolio.yaml"))
journal = os.path.join(folder, "journal")
for name in sorted(os.listdir(journal))[-3:]:
    os.remove(os.path.join(journal, name))  # 9 entries left of the 10 R2 asks for
c.quiet_for(0.5)
c.backlog.clear()  # earlier lists for portfolio.yaml (it has no version to tell them apart)
c.notify("textDocument/didSave", {"textDocument": {"uri": essay_uri}})
diags = c.diagnostics(manifest_uri)
entries = [d for d in diags if d["code"] == "R2.entries"]
check(len(entries) == 1 and entries[0]["message"].startswith("journal/: ") and entries[0]["range"]["start"]["line"] == 0,
      "too few journal entries: R2.entries on portfolio.yaml, naming journal/ (%s)" % [d["message"][:40] for d in diags])

# --- portfolio.yaml open, with an impossible date: at its column; hover explains -------
manifest = open(os.path.join(folder, "portfolio.yaml"), encoding="utf-8").read().replace("since: 2025-09-12", "since: 2025-13-12")
since_line = manifest.split("\n").index("  since: 2025-13-12")
c.notify("textDocument/didOpen", {"textDocument": {"uri": manifest_uri, "languageId": "yaml", "version": 1, "text": manifest}})
diags = c.diagnostics(manifest_uri, 1)
date = [d for d in diags if d["code"] == "P.date"]
check(len(date) == 1 and date[0]["range"]["start"] == {"line": since_line, "character": 2}, "portfolio.yaml: P.date at mentor.since's value (%s)" % date)
h = c.request("textDocument/hover", {"textDocument": {"uri": manifest_uri}, "position": {"line": since_line, "character": 10}})
check("P.date" in ((h.get("result") or {}).get("contents", {}).get("value", "")), "hover on it: lilo explain's text")
c.notify("textDocument/didClose", {"textDocument": {"uri": manifest_uri}})

# --- a file outside any portfolio -----------------------------------------------
stray = os.path.join(work, "notes.md")
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(stray), "languageId": "markdown", "version": 1, "text": "# Notes\n"}})
r = c.request("textDocument/hover", {"textDocument": {"uri": uri(stray)}, "position": {"line": 0, "character": 2}})
check("result" in r and r["result"] is None, "a file outside any portfolio: no hover, no error")

# --- malformed messages -----------------------------------------------------------
c.send_raw(b"Content-Length: abc\r\n\r\n")
m = c.wait(lambda m: "error" in m and m.get("id") is None)
check(m["error"]["code"] == -32600, "Content-Length not a number: an error with id null")
c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
m = c.wait(lambda m: "error" in m and m.get("id") is None)
check(m["error"]["code"] == -32700, "a body that is not JSON: parse error")
c.send_raw(b"Content-Length: 40000000\r\n\r\n" + b" " * 40000000)
m = c.wait(lambda m: "error" in m and m.get("id") is None, 60)
check("bytes" in m["error"]["message"], "a 40 MB message: refused, not read into memory (%s)" % m["error"]["message"])
deep = b'{"jsonrpc": "2.0", "method": "x", "params": ' + b"[" * 1000000 + b"]" * 1000000 + b"}"
c.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
m = c.wait(lambda m: "error" in m and m.get("id") is None, 60)
check(m["error"]["code"] == -32600 and "deep" in m["error"]["message"], "arrays nested a million deep: refused, no stack overflow")
c.send({"jsonrpc": "2.0", "id": 99, "method": "textDocument/unheardOf", "params": {}})
m = c.wait(lambda m: m.get("id") == 99)
check(m.get("error", {}).get("code") == -32601, "an unknown request: MethodNotFound")
c.send({"jsonrpc": "2.0", "method": "$/unheardOf", "params": {}})
c.send({"jsonrpc": "2.0", "id": 100, "method": "textDocument/hover", "params": {"textDocument": {"uri": essay_uri}}})
m = c.wait(lambda m: m.get("id") == 100)
check(m.get("error", {}).get("code") == -32602, "hover without a position: InvalidParams")
c.send({"jsonrpc": "2.0", "id": [1], "method": "shutdown"})
m = c.wait(lambda m: "error" in m and m.get("id") is None)
check(m["error"]["code"] == -32600, "an id that is a list: InvalidRequest")
# A huge buffer: over the 16 MB file limit, said as P.too-large.
big = "word " * (17 * 1024 * 1024 // 5)
c.notify("textDocument/didChange", {"textDocument": {"uri": essay_uri, "version": 100}, "contentChanges": [{"text": big}]})
diags = c.diagnostics(essay_uri, 100, 60)
check("P.too-large" in codes(diags), "a 17 MB buffer: P.too-large (%s)" % codes(diags)[:3])
r = c.request("textDocument/codeLens", {"textDocument": {"uri": essay_uri}}, 60)
check("result" in r, "still answering after all of that")

# --- shutdown, exit ------------------------------------------------------------------
r = c.request("shutdown", None)
check("result" in r and r["result"] is None, "shutdown: result null")
c.notify("exit", None)
check(c.proc.wait(10) == 0, "exit after shutdown: exit code 0")

c = Client(lilo)
c.request("initialize", {"processId": None, "capabilities": {}})
c.notify("exit", None)
check(c.proc.wait(10) == 1, "exit without shutdown: exit code 1")

c = Client(lilo)
c.request("initialize", {"processId": None, "capabilities": {}})
c.notify("textDocument/didOpen", {"textDocument": {"uri": essay_uri, "languageId": "markdown", "version": 1, "text": original}})
c.proc.stdin.close()  # the editor went away
check(c.proc.wait(10) in (0, 1), "end of input: lilo lsp ends by itself")
check(b"error" not in c.proc.stderr.read(), "and says nothing on stderr")

# The editor stops reading (its end of the pipe closed): lilo's writes fail, and it ends, not killed by SIGPIPE.
p = subprocess.Popen([lilo, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
p.stdout.close()
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}).encode()
try:
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()
except BrokenPipeError:
    pass
check(p.wait(10) == 1, "output closed (EPIPE): lilo lsp ends with 1, not a signal (%s)" % p.returncode)

shutil.rmtree(work)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
