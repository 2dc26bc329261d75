#!/usr/bin/env bash
# Debian packages some tests need: a JRE for PySpark, Chromium for the report's browser tests.
# Installs only what is missing; without root (and no passwordless sudo) it says so, and those
# tests skip with a reason instead of failing.
set -u
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "system-deps: ${need[*]} missing and not root; the tests that need them will skip" >&2
    exit 0
  fi
fi
echo "system-deps: installing ${need[*]}" >&2
$SUDO apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "system-deps: could not install ${need[*]}; the tests that need them will skip" >&2
exit 0
