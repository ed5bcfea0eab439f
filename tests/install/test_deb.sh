#!/usr/bin/env bash
# The .deb: built by CPack from this build, installed with dpkg -i, run,
# and removed cleanly.   test_deb.sh BUILD_DIR EXAMPLES_DIR
set -u
build=$1
examples=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
if ! command -v dpkg >/dev/null || ! command -v cpack >/dev/null; then echo "skipped: dpkg or cpack not installed"; exit 77; fi
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.txt 2>&1) || { cat "$work/cpack.txt"; fail "cpack -G DEB"; }
deb=$(ls "$work"/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && ok || { fail "no .deb built"; echo "$passed passed, $failed failed"; exit 1; }
dpkg-deb -I "$deb" | grep -q "Depends:.*libzip" && ok || fail "the package declares its libraries (dpkg-shlibdeps)"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/lilo ./usr/share/man/man1/lilo-check.1 ./usr/share/man/man5/lilo-portfolio.5 \
         ./usr/share/lilo/schemas/portfolio.schema.json ./usr/share/lilo/schemas/programmes/lilo-certificate.yaml \
         ./usr/share/bash-completion/completions/lilo ./usr/share/zsh/vendor-completions/_lilo; do
  echo "$contents" | grep -q " $f\$" && ok || fail "the package holds $f"
done
if [ "$(id -u)" != 0 ]; then
  # Not root: run it from the extracted package instead of installing it.
  dpkg-deb -x "$deb" "$work/root"
  "$work/root/usr/bin/lilo" --version >/dev/null && ok || fail "the packaged lilo runs"
  echo "$passed passed, $failed failed (installation skipped: not root)"; [ $failed = 0 ]; exit
fi
if dpkg -s lilo >/dev/null 2>&1; then echo "skipped: a lilo package is already installed here"; echo "$passed passed, $failed failed"; [ $failed = 0 ] || exit 1; exit 77; fi
dpkg -i "$deb" >"$work/install.txt" 2>&1 && ok || fail "dpkg -i: $(cat "$work/install.txt")"
[ "$(/usr/bin/lilo --version)" = "lilo 0.1.0" ] && ok || fail "installed lilo --version"
cp -r "$examples/certificate" "$work/p"
(cd "$work" && /usr/bin/lilo check p --as-of 2026-11-20 --quiet >/dev/null) && ok || fail "installed lilo checks the example"
(cd "$work" && /usr/bin/lilo init fresh >/dev/null) && head -1 "$work/fresh/portfolio.yaml" | grep -q 'schema=/usr/share/lilo/schemas/portfolio.schema.json' && ok ||
  fail "init's modeline points at the installed schema: $(head -1 "$work/fresh/portfolio.yaml")"
man -w lilo-check >/dev/null 2>&1 || [ -f /usr/share/man/man1/lilo-check.1 ] && ok || fail "man lilo-check is installed"
dpkg -r lilo >"$work/remove.txt" 2>&1 && ok || fail "dpkg -r: $(cat "$work/remove.txt")"
[ ! -e /usr/bin/lilo ] && [ ! -e /usr/share/lilo ] && ok || fail "removal leaves nothing behind"
echo "$passed passed, $failed failed"
[ $failed = 0 ]
