#!/usr/bin/env bash
# scripts/test-environment.sh: what `npm test` (scripts/test.sh) runs the browser and container tests with.
# A file of functions: test.sh sources it and calls te_main; scripts/test-environment.test.ts sources it with
# the probes (te_is_root, te_is_debian, te_docker_sockets, te_chromium_candidates) replaced.
#
# The container engine, first that applies:
#   1. DOCKER_HOST, when set: used if it answers GET /_ping. If it does not, nothing else is tried (the user
#      chose that engine), except when it is the project's own Podman socket, which step 3 sets up again.
#   2. a Docker socket that answers: /var/run/docker.sock, then the rootless and Docker Desktop ones.
#   With 1 or 2, nothing is installed and nothing needs root: the pinned registry images
#   (src/targets/containers/container-images.ts) are pulled, and the tests run.
#   3. on Debian, as root: the project's Podman engine, with its images built locally
#      (scripts/container-engine.sh); stopped again when the tests end.
#   4. nothing: the container tests are skipped with one line saying what is missing and how to get it.
#
# Chromium, the same way: COGNITO_CONFORMANCE_CHROMIUM, /usr/bin/chromium, a chromium or google-chrome on
# the PATH, playwright's own download; else Debian's package, installed only as root on Debian
# (scripts/provision-browser.sh); else the browser tests are skipped with one line.
#
# Under CI (CI set, and not "false" or "0") nothing is skipped: what would be skipped fails the run instead.
#
# `npm test -- --plan` (bash scripts/test.sh --plan) prints the choices and changes nothing.

readonly TE_PROJECT_SOCKET="unix:///run/cognito-conformance/podman.sock"
readonly TE_DEBIAN_CHROMIUM="/usr/bin/chromium"

te_log() { printf 'npm test: %s\n' "$*" >&2; }

te_join() { # separator item...
  local separator="$1" joined="" item
  shift
  for item in "$@"; do joined+="${joined:+$separator}$item"; done
  printf '%s' "${joined:-none}"
}

# --- probes (tests replace these) ------------------------------------------------------------------------

te_is_root() { [[ "$(id -u)" == "0" ]]; }

te_is_debian() { [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1; }

te_in_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

# The places a Docker engine listens by default, most common first (rootful, rootless, Docker Desktop).
te_docker_sockets() {
  echo /var/run/docker.sock
  [[ -n "${XDG_RUNTIME_DIR:-}" ]] && echo "$XDG_RUNTIME_DIR/docker.sock"
  [[ -n "${HOME:-}" ]] && printf '%s\n' "$HOME/.docker/run/docker.sock" "$HOME/.docker/desktop/docker.sock"
  return 0
}

# Chromium binaries to try, in order; the first executable one is used.
te_chromium_candidates() {
  [[ -n "${COGNITO_CONFORMANCE_CHROMIUM:-}" ]] && echo "$COGNITO_CONFORMANCE_CHROMIUM"
  echo "$TE_DEBIAN_CHROMIUM"
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" 2>/dev/null || true
  done
  # Where playwright-core keeps the Chromium of its own version, if `playwright-core install` fetched it.
  node -e 'try { console.log(require("playwright-core").chromium.executablePath()); } catch {}' 2>/dev/null || true
}

# --- the engine ------------------------------------------------------------------------------------------

# Succeeds when the Docker-compatible API at `docker_host` answers GET /_ping with 200 (3 s at most).
# unix://, tcp:// and http(s):// are probed (TLS with DOCKER_CERT_PATH when DOCKER_TLS_VERIFY=1); other
# schemes (ssh://, npipe://) are taken as answering and left to testcontainers.
te_engine_answers() { # docker_host
  case "$1" in
    unix://* | tcp://* | http://* | https://*) ;;
    *) return 0 ;;
  esac
  node - "$1" <<'NODE' >/dev/null 2>&1
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const url = new URL(process.argv[2]);
const tls = process.env.DOCKER_TLS_VERIFY === '1' || url.protocol === 'https:';
const certs = process.env.DOCKER_CERT_PATH || join(require('node:os').homedir(), '.docker');
const options = { path: '/_ping', method: 'GET', timeout: 3000 };
if (url.protocol === 'unix:') options.socketPath = url.pathname;
else Object.assign(options, { host: url.hostname, port: Number(url.port || (tls ? 2376 : 2375)) });
if (tls && url.protocol !== 'unix:') {
  try {
    Object.assign(options, {
      ca: readFileSync(join(certs, 'ca.pem')),
      cert: readFileSync(join(certs, 'cert.pem')),
      key: readFileSync(join(certs, 'key.pem')),
    });
  } catch {}
}
const request = (tls && url.protocol !== 'unix:' ? require('node:https') : require('node:http')).request;
const req = request(options, (res) => process.exit(res.statusCode === 200 ? 0 : 1));
req.on('timeout', () => process.exit(1));
req.on('error', () => process.exit(1));
req.end();
NODE
}

# Sets TE_ENGINE to existing (TE_ENGINE_HOST says where), provision or missing (TE_ENGINE_WHY says what is
# missing and how to get it).
te_choose_engine() {
  TE_ENGINE="" TE_ENGINE_HOST="" TE_ENGINE_WHY=""
  local host="${DOCKER_HOST:-}" tried=() socket
  if [[ -n "$host" && "$host" != "$TE_PROJECT_SOCKET" ]]; then
    if te_engine_answers "$host"; then
      TE_ENGINE=existing TE_ENGINE_HOST="$host"
    else
      TE_ENGINE=missing
      TE_ENGINE_WHY="DOCKER_HOST=$host does not answer GET /_ping. To run them: start that engine, or unset DOCKER_HOST to use Docker's default socket (or, as root on Debian, the project's Podman engine)"
    fi
    return 0
  fi
  while read -r socket; do
    [[ -n "$socket" ]] || continue
    tried+=("$socket")
    if [[ -S "$socket" ]] && te_engine_answers "unix://$socket"; then
      TE_ENGINE=existing TE_ENGINE_HOST="unix://$socket"
      return 0
    fi
  done < <(te_docker_sockets)
  if te_is_debian && te_is_root; then
    TE_ENGINE=provision
    return 0
  fi
  local lacking="root"
  te_is_debian || lacking="Debian and root"
  TE_ENGINE=missing
  TE_ENGINE_WHY="no container engine answers (DOCKER_HOST is unset; nothing answers at $(te_join ", " "${tried[@]}")) and the project's Podman engine needs ${lacking}. To run them: start Docker, or set DOCKER_HOST to a running Docker or Podman API socket, or run npm test as root on Debian"
}

# --- the browser -----------------------------------------------------------------------------------------

# Sets TE_BROWSER to found (TE_BROWSER_PATH), provision or missing (TE_BROWSER_WHY).
te_choose_browser() {
  TE_BROWSER="" TE_BROWSER_PATH="" TE_BROWSER_WHY=""
  local candidate
  while read -r candidate; do
    if [[ -n "$candidate" && -x "$candidate" && ! -d "$candidate" ]]; then
      TE_BROWSER=found TE_BROWSER_PATH="$candidate"
      return 0
    fi
  done < <(te_chromium_candidates)
  if te_is_debian && te_is_root; then
    TE_BROWSER=provision TE_BROWSER_PATH="$TE_DEBIAN_CHROMIUM"
    return 0
  fi
  local lacking="root"
  te_is_debian || lacking="Debian and root"
  TE_BROWSER=missing
  TE_BROWSER_WHY="no Chromium found (not at $TE_DEBIAN_CHROMIUM, none on the PATH, no playwright download) and installing Debian's needs ${lacking}. To run them: install Chromium (apt-get install chromium, or npx playwright-core install chromium), or set COGNITO_CONFORMANCE_CHROMIUM to a Chromium binary"
}

# --- images ----------------------------------------------------------------------------------------------

# The registry images of the emulators the container tests start on every machine: those the project can
# also build (LOCAL_IMAGES), pinned in container-images.ts.
te_registry_images() {
  node --import tsx --input-type=module -e '
    const { LOCAL_IMAGES, REGISTRY_IMAGES } = await import("./src/targets/containers/container-images.ts");
    for (const emulator of Object.keys(LOCAL_IMAGES)) console.log(REGISTRY_IMAGES[emulator]);
  '
}

# Pulls `images` into the engine at `docker_host` unless present; fails with the engine's reason.
te_pull_images() { # docker_host image...
  local host="$1"
  shift
  case "$host" in
    unix://* | tcp://* | http://*) ;;
    *)
      if command -v docker >/dev/null 2>&1; then
        local image
        for image in "$@"; do DOCKER_HOST="$host" docker pull -q "$image" >/dev/null || return 1; done
      else
        te_log "cannot pull through DOCKER_HOST=$host without the docker CLI; the tests pull what they need"
      fi
      return 0
      ;;
  esac
  node - "$host" "$@" <<'NODE'
const http = require('node:http');
const [dockerHost, ...images] = process.argv.slice(2);
const url = new URL(dockerHost);
const where = url.protocol === 'unix:' ? { socketPath: url.pathname } : { host: url.hostname, port: Number(url.port || 2375) };
const call = (method, path, timeout) =>
  new Promise((resolve, reject) => {
    const req = http.request({ ...where, method, path, timeout }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
(async () => {
  for (const image of images) {
    const colon = image.lastIndexOf(':');
    const [name, tag] = colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, 'latest'];
    if ((await call('GET', `/images/${encodeURIComponent(image)}/json`, 10_000)).status === 200) continue;
    process.stderr.write(`npm test: pulling ${image}\n`);
    const pulled = await call('POST', `/images/create?fromImage=${encodeURIComponent(name)}&tag=${encodeURIComponent(tag)}`, 600_000);
    const errors = pulled.body.split('\n').flatMap((line) => {
      try {
        const event = JSON.parse(line);
        return event.errorDetail?.message ?? event.error ?? [];
      } catch {
        return [];
      }
    });
    if (pulled.status !== 200 || errors.length > 0) {
      throw new Error(`${image}: ${errors[0] ?? `HTTP ${pulled.status} ${pulled.body.trim()}`}`);
    }
  }
})().catch((error) => {
  process.stderr.write(
    `npm test: FAILED: the container engine at ${dockerHost} could not pull ${error.message}. The container ` +
      'tests run the pinned registry images on an engine of your own: make the registry reachable, or pull ' +
      'them beforehand.\n',
  );
  process.exit(1);
});
NODE
}

# --- main ------------------------------------------------------------------------------------------------

# The vitest projects other than `skipped`, or nothing when none is skipped (vitest then runs them all).
te_project_args() { # skipped...
  (($# > 0)) || return 0
  local skipped=" $* " project
  npx vitest list --filesOnly --json 2>/dev/null |
    node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const name of new Set(JSON.parse(s).map((f) => f.projectName))) console.log(name);
    })' | while read -r project; do
    [[ "$skipped" == *" $project "* ]] || printf -- '--project\n%s\n' "$project"
  done
}

te_main() {
  local plan=0 args=() arg
  for arg in "$@"; do
    if [[ "$arg" == "--plan" ]]; then plan=1; else args+=("$arg"); fi
  done

  te_choose_engine
  te_choose_browser
  local skipped=() failed=0
  if [[ "$TE_ENGINE" == missing ]]; then
    if te_in_ci; then
      te_log "FAILED: the container tests cannot run: $TE_ENGINE_WHY. (CI is set, so they are not skipped.)"
      failed=1
    else
      te_log "skipping the container tests: $TE_ENGINE_WHY."
      skipped+=(containers)
    fi
  fi
  if [[ "$TE_BROWSER" == missing ]]; then
    if te_in_ci; then
      te_log "FAILED: the browser tests cannot run: $TE_BROWSER_WHY. (CI is set, so they are not skipped.)"
      failed=1
    else
      te_log "skipping the browser tests: $TE_BROWSER_WHY."
      skipped+=(browser)
    fi
  fi

  if ((plan)); then
    printf 'engine: %s%s\n' "$TE_ENGINE" "${TE_ENGINE_HOST:+ $TE_ENGINE_HOST}"
    printf 'browser: %s%s\n' "$TE_BROWSER" "${TE_BROWSER_PATH:+ $TE_BROWSER_PATH}"
    printf 'skip: %s\n' "${skipped[*]:-nothing}"
    return "$failed"
  fi
  ((failed == 0)) || return 1

  if [[ "$TE_BROWSER" == provision ]]; then
    bash scripts/provision-browser.sh
  fi
  [[ "$TE_BROWSER" == missing ]] || export COGNITO_CONFORMANCE_CHROMIUM="$TE_BROWSER_PATH"

  case "$TE_ENGINE" in
    existing)
      te_log "using the container engine at $TE_ENGINE_HOST (nothing to install)"
      export DOCKER_HOST="$TE_ENGINE_HOST"
      unset COGNITO_CONFORMANCE_LOCAL_IMAGES
      local images
      images="$(te_registry_images)" || {
        te_log "FAILED: could not read the pinned images from src/targets/containers/container-images.ts"
        return 1
      }
      # shellcheck disable=SC2086
      te_pull_images "$TE_ENGINE_HOST" $images || return 1
      ;;
    provision)
      bash scripts/container-engine.sh >/dev/null
      trap 'bash scripts/container-engine.sh --stop >/dev/null 2>&1 || true' EXIT
      # shellcheck disable=SC1091
      . ./.tmp/container-engine.env
      ;;
  esac

  local projects=()
  if ((${#skipped[@]} > 0)) && [[ " ${args[*]} " != *" --project"* ]]; then
    mapfile -t projects < <(te_project_args "${skipped[@]}")
    ((${#projects[@]} > 0)) || {
      te_log "FAILED: could not list the vitest projects (npx vitest list)"
      return 1
    }
  fi
  # The conformance project judges the embedded cognito-local, which deviates: npm test checks that the suite
  # runs and reports, not that the emulator conforms (the red path has tests of its own). A plain
  # `vitest run --project conformance` is not report-only and fails on every deviation.
  COGNITO_CONFORMANCE_REPORT_ONLY="${COGNITO_CONFORMANCE_REPORT_ONLY:-1}" npx vitest run "${projects[@]}" "${args[@]}"
}
