#!/usr/bin/env bash
# lilo serve's safety list, over real sockets (curl): the key, the Host
# header, `..` paths, nothing that writes, loopback only (the socket table,
# and connections to other addresses of this computer), a taken port, and a
# clean stop on SIGINT and SIGTERM.
#   test_serve_safety.sh LILO SOURCE_DIR
set -u
lilo=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/serve_common.sh"
command -v curl >/dev/null || { echo "FAIL: curl is needed (apt-get install curl)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-serve.XXXXXX")
trap 'kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }
cp -r "$src/examples/certificate-incomplete" p
echo "SECRET-IN-ESSAY" >>p/essay.md
echo "outside the portfolio" >secret.txt

start_serve serve.out p --port 0 || exit 1
[ ${#token} = 32 ] || fail "the key is 128 bits in hex: '$token'"
grep -q "only this computer\|Only this computer" serve.out || fail "the start message says who can open it: $(cat serve.out)"

# code PATH [HOST]: the status of GET PATH, with Host HOST (default 127.0.0.1:PORT).
code() { curl -s -o body.out -w '%{http_code}' --path-as-is -H "Host: ${2:-127.0.0.1:$port}" "http://127.0.0.1:$port$1"; }

[ "$(code "/?token=$token")" = 200 ] && grep -q '<!doctype html>' body.out || fail "the page with the key: $(head -c 200 body.out)"
grep -qiE '(src|href)="(https?:)?//' body.out && fail "the page refers to something outside itself"
[ "$(code "/api/state?token=$token")" = 200 ] || fail "the state with the key"
python3 -c 'import json,sys; s=json.load(open("body.out")); r=s["report"]; assert r["status"]=="incomplete"; assert any(q["id"]=="R2" and q["status"]=="unmet" for q in r["requirements"]); assert s["targets"]["journal"]["max_gap_days"]==31' ||
  fail "/api/state is the check's report with the programme's targets"
[ "$(code "/api/explain?id=R2.gap&token=$token")" = 200 ] && grep -qi "gap\|entries" body.out || fail "/api/explain?id=R2.gap: $(head -c 200 body.out)"

# The key.
# A key one digit off: the last digit changed (to 1 where it is 0, else to 0).
case $token in *0) near="${token%?}1" ;; *) near="${token%?}0" ;; esac
for path in / /api/state /api/events "/api/explain?id=R2" "/?token=" "/?token=$near" "/api/state?token=$(printf '%s' "$token" | tr 0-9a-f a-f0-9)"; do
  c=$(code "$path")
  [ "$c" = 401 ] || fail "GET $path without the right key: $c, not 401"
  grep -q "R2\|Tsang" body.out && fail "GET $path without the key leaks the report"
done
# The Host header (DNS rebinding: another name that resolves to 127.0.0.1).
for host in "evil.example:$port" "evil.example" "127.0.0.1:$((port + 1))" "localhost" "127.0.0.1" "[::1]:$port" "0.0.0.0:$port"; do
  c=$(code "/api/state?token=$token" "$host")
  [ "$c" = 403 ] || fail "Host: $host: $c, not 403"
done
[ "$(code "/api/state?token=$token" "localhost:$port")" = 200 ] || fail "Host: localhost:$port is this computer"
[ "$(code "/api/state?token=$token" "LOCALHOST:$port")" = 200 ] || fail "Host names are case-insensitive"
# No file is served, in the portfolio or out of it, however the path is spelt.
for path in /essay.md /portfolio.yaml /../secret.txt /../../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /api/../essay.md \
            /api/state/../../essay.md /..%2fsecret.txt "/api/explain?id=../../secret.txt"; do
  c=$(code "$path$( [[ $path == *\?* ]] && echo '&' || echo '?')token=$token")
  [ "$c" = 404 ] || [ "$c" = 400 ] || fail "GET $path: $c, not refused"
  grep -q "SECRET-IN-ESSAY\|outside the portfolio\|root:" body.out && fail "GET $path served a file"
done
# Nothing writes.
for m in POST PUT DELETE PATCH; do
  c=$(curl -s -o body.out -w '%{http_code}' -X "$m" --data x "http://127.0.0.1:$port/api/state?token=$token")
  [ "$c" = 405 ] || fail "$m /api/state: $c, not 405"
done
diff -r "$src/examples/certificate-incomplete/journal" p/journal >/dev/null || fail "serving changed the portfolio"

# Loopback only: the listening socket is 127.0.0.1's (0100007F in
# /proc/net/tcp), none on 0.0.0.0 or IPv6; another address fails.
hexport=$(printf '%04X' "$port")
listening=$(awk -v p=":$hexport" '$4 == "0A" && $2 ~ p"$" {print $2}' /proc/net/tcp /proc/net/tcp6)
[ "$listening" = "0100007F:$hexport" ] || fail "listening on exactly 127.0.0.1:$port, not: $listening"
ss -ltn "sport = :$port" | grep -q "127.0.0.1:$port" || fail "ss -ltn shows 127.0.0.1:$port"
curl -s -o /dev/null --max-time 3 "http://127.0.0.2:$port/?token=$token" && fail "a connection to 127.0.0.2 was accepted"
for addr in $(hostname -I 2>/dev/null); do
  case $addr in *:*) curl -s -o /dev/null --max-time 3 -g "http://[$addr]:$port/?token=$token" ;; *) curl -s -o /dev/null --max-time 3 "http://$addr:$port/?token=$token" ;; esac &&
    fail "a connection to this computer's address $addr was accepted"
  echo "refused on $addr"
done

# A port that is taken: a clear message, exit 2, and the first server still answers.
"$lilo" serve p --port "$port" >taken.out 2>&1; rc=$?
[ "$rc" = 2 ] || fail "a second lilo serve on port $port: exit $rc, not 2"
grep -q "port $port on 127.0.0.1 is taken" taken.out || fail "the taken port is named: $(cat taken.out)"
[ "$(code "/api/state?token=$token")" = 200 ] || fail "the first server still answers"

# Ctrl-C: exit 0 within a second, with an open event stream.
curl -s -N --max-time 10 "http://127.0.0.1:$port/api/events?token=$token" >events.out &
curl_pid=$!
sleep 0.5
grep -q '^data: {' events.out || fail "the event stream sends the check at once: $(head -c 200 events.out)"
stop_serve INT; rc=$stop_rc
[ "$rc" = 0 ] || fail "SIGINT with a page open: exit $rc within a second, not 0"
grep -q "stopped" serve.out || fail "the stop is said: $(cat serve.out)"
wait "$curl_pid" 2>/dev/null

# SIGTERM too; and --open where there is no xdg-open says so and keeps serving.
mkdir bin
for t in awk sed head seq sleep cat; do ln -s "$(command -v $t)" bin/; done
PATH=$work/bin start_serve open.out p --port 0 --open || exit 1
grep -q "No xdg-open" open.out || fail "--open without xdg-open says so: $(cat open.out)"
[ "$(code "/api/state?token=$token")" = 200 ] || fail "--open without xdg-open keeps serving"
stop_serve TERM; rc=$stop_rc
[ "$rc" = 0 ] || fail "SIGTERM: exit $rc within a second, not 0"

# --open with an xdg-open: it receives the address.
printf '#!/bin/sh\necho "$1" >"%s/opened"\n' "$work" >bin/xdg-open
chmod +x bin/xdg-open
PATH=$work/bin:$PATH start_serve open2.out p --port 0 --open || exit 1
for _ in $(seq 50); do [ -s opened ] && break; sleep 0.1; done
[ "$(cat opened 2>/dev/null)" = "$url" ] || fail "--open runs xdg-open with the address: '$(cat opened 2>/dev/null)'"
stop_serve INT >/dev/null

"$lilo" serve nowhere --port 0 >missing.out 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "nowhere" missing.out || fail "no such folder: exit $rc, $(cat missing.out)"

[ "$failed" = 0 ] && echo "serve safety: passed"
exit "$failed"
