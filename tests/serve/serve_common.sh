# Shared by the lilo serve tests: start a server on a free port and read its
# address from what it prints; stop it and time the stop.
# start_serve OUT_FILE ARGS...: sets serve_pid, url, port, token (fails after 15 s).
start_serve() {
  local out=$1; shift
  "$lilo" serve "$@" >"$out" 2>&1 &
  serve_pid=$!
  url=
  for _ in $(seq 150); do
    url=$(sed -n 's/^Open \(http:[^ ]*\).*/\1/p' "$out" | head -1)
    [ -n "$url" ] && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "FAIL: lilo serve $* printed no address: $(cat "$out")"
    kill "$serve_pid" 2>/dev/null
    return 1
  fi
  port=$(printf '%s' "$url" | sed -n 's|^http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p')
  token=$(printf '%s' "$url" | sed -n 's|.*[?]token=\([0-9a-f]*\)$|\1|p')
}

# stop_serve SIGNAL: sends it, waits at most 1 s, and sets stop_rc to the
# exit code (or "hung" after killing it).
stop_serve() {
  kill -s "$1" "$serve_pid"
  for _ in $(seq 20); do
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$serve_pid" 2>/dev/null; then
    kill -9 "$serve_pid"; wait "$serve_pid" 2>/dev/null; stop_rc=hung
  else
    wait "$serve_pid"; stop_rc=$?
  fi
}
