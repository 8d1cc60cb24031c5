#!/usr/bin/env bash
# `npm test`: every test of the project, on a fresh machine as on a developer's.
#
# The browser and container tests use what the machine already has: a container engine that answers
# (DOCKER_HOST, or Docker's default socket), with the pinned registry images pulled into it, and a Chromium
# already installed. Nothing is installed and no root is needed then. Only on Debian, as root, is what is
# missing provisioned (Debian's Chromium, the project's Podman engine with locally built images, stopped
# again afterwards). Where nothing can be had, those tests are skipped with one line saying what is missing
# and how to get it; under CI that fails the run instead. scripts/test-environment.sh has the rules.
#
#   npm test                     all vitest projects in one run
#   npm test -- --plan           print what would be used, change nothing
#   npm test -- <vitest args>    passed on to `vitest run`
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/test-environment.sh
. scripts/test-environment.sh
te_main "$@"
