#!/usr/bin/env bash
# `npm test`: every test of the project, on a fresh machine as on a developer's.
# Provisions what the browser and container tests need (Debian's Chromium, a Podman engine), runs all
# vitest projects in one run, and stops the engine afterwards whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision-browser.sh
bash scripts/container-engine.sh >/dev/null
trap 'bash scripts/container-engine.sh --stop >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC1091
. ./.tmp/container-engine.env

npx vitest run "$@"
