#!/usr/bin/env python3
"""Writes a seed for fuzz_lsp_framing: a whole lilo lsp session (initialize,
didOpen, hover, an incremental change, code lens, code actions, shutdown,
exit) on ROOT/essay.md.   lsp_session.py ROOT OUT"""
import json
import sys

root, out = sys.argv[1], sys.argv[2]
uri = "file://" + root + "/essay.md"
try:
    text = open(root + "/essay.md", encoding="utf-8").read()
except OSError:
    text = "---\ncriteria:\n  C1: A\n---\n\n## A\n\nWords @key here.\n"
doc = {"uri": uri}
messages = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": dict(doc, languageId="markdown", version=1, text=text)}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": doc, "position": {"line": 5, "character": 3}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": dict(doc, version=2), "contentChanges": [
        {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 2}}, "text": "x"}]}},
    {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeLens", "params": {"textDocument": doc}},
    {"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {"textDocument": doc, "range": {
        "start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}}, "context": {"diagnostics": []}}},
    {"jsonrpc": "2.0", "id": 5, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]
with open(out, "wb") as f:
    for m in messages:
        body = json.dumps(m).encode()
        f.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
