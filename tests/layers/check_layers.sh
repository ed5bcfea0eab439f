#!/usr/bin/env bash
# Builds each layer probe and holds it to its expectation: `ok` must compile,
# `fail` must fail for the one reason that matters (the header is not in the
# layer's view), so that a wrong-way include is shown to be a build error.
set -u
build=$1; shift
failures=0
for probe in "$@"; do
  name=${probe%%=*} want=${probe#*=}
  log=$(cmake --build "$build" --target "layer_probe_$name" 2>&1)
  rc=$?
  case "$want" in
    ok)
      if [ "$rc" -ne 0 ]; then echo "FAIL: $name should compile:"; echo "$log" | tail -5; failures=$((failures + 1));
      else echo "ok: $name compiles"; fi ;;
    fail)
      if [ "$rc" -eq 0 ]; then echo "FAIL: $name compiled, but it includes a header from above its layer"; failures=$((failures + 1));
      elif ! grep -q "No such file or directory" <<<"$log"; then echo "FAIL: $name failed for another reason:"; echo "$log" | tail -5; failures=$((failures + 1));
      else echo "ok: $name is refused: $(grep -m1 -o '[a-z_/]*\.hpp: No such file or directory' <<<"$log")"; fi ;;
  esac
done
[ "$failures" -eq 0 ] && echo "layers: all $# probes as expected"
exit "$failures"
