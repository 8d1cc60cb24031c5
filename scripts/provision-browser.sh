#!/usr/bin/env bash
# Installs Debian's Chromium for the `browser` vitest project (src/**/*.browser.test.ts), which drives it
# through playwright-core with executablePath=/usr/bin/chromium. Idempotent: does nothing when the binary
# is already there. Needs root (or sudo) and access to the Debian apt mirrors.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  echo "provision-browser: $CHROMIUM already present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "provision-browser: must run as root (or with sudo available) to install chromium" >&2
    exit 1
  fi
fi

# Other provisioning scripts may hold apt's locks at the same time: wait for them rather than fail.
APT_OPTS=(-o DPkg::Lock::Timeout=600)

# Retries a command a few times: the lists lock is not always covered by DPkg::Lock::Timeout.
retry() {
  local attempt
  for attempt in 1 2 3 4 5; do
    if "$@"; then return 0; fi
    echo "provision-browser: attempt $attempt of '$*' failed; retrying in 10s" >&2
    sleep 10
  done
  "$@"
}

echo "provision-browser: installing Debian's chromium package"
retry "${SUDO[@]}" apt-get "${APT_OPTS[@]}" update
retry "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y --no-install-recommends chromium

if [[ ! -x "$CHROMIUM" ]]; then
  echo "provision-browser: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "provision-browser: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
