"""A small Language Server Protocol client for the tests: speaks to
`lilo lsp` over pipes, frames and reads messages, applies text edits."""
import json
import queue
import subprocess
import threading
import time


def utf16_offset(line, character):
    """The Python index in `line` of an LSP character offset (UTF-16 code units)."""
    units = 0
    for i, ch in enumerate(line):
        if units >= character:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def apply_edits(text, edits):
    """Applies TextEdits (positions in the original text), last first."""
    lines = text.split("\n")

    def offset(pos):
        line = min(pos["line"], len(lines) - 1) if pos["line"] < len(lines) else len(lines) - 1
        if pos["line"] >= len(lines):
            return len(text)
        return sum(len(l) + 1 for l in lines[:line]) + utf16_offset(lines[line], pos["character"])

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Client:
    def __init__(self, lilo, cwd=None):
        self.proc = subprocess.Popen([lilo, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.next_id = 1
        self.backlog = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=20):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait(self, predicate, timeout=20):
        """The first message (kept back or new) that satisfies `predicate`."""
        for i, m in enumerate(self.backlog):
            if predicate(m):
                return self.backlog.pop(i)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if m is None:
                raise AssertionError("lilo lsp closed its output")
            if predicate(m):
                return m
            self.backlog.append(m)
        raise AssertionError("no such message within %ss" % timeout)

    def quiet_for(self, seconds):
        """The messages that arrive within `seconds` (to assert silence)."""
        got = []
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                m = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if m is None:
                break
            got.append(m)
        return got

    def diagnostics(self, uri, version=None, timeout=20):
        """The next diagnostics published for `uri` (for `version` of the buffer or later, when given)."""
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version", -1) >= version
        return self.wait(match, timeout)["params"]["diagnostics"]
