#!/usr/bin/env bash
# scripts/container-engine.sh: a local container engine for the `containers` vitest project.
#
# No Docker engine runs on the project's machines, but Debian's Podman does, and testcontainers drives it
# through Podman's Docker-compatible API socket. No image registry is reachable either, so the images the
# suite needs are built here from what is already on the machine. (Machines with Docker do not need this
# script: scripts/test.sh uses an engine that already answers and the pinned registry images.)
#
# What it does (idempotent; a second run takes a few seconds):
#   1. installs from Debian what is missing of podman, runc, busybox-static, catatonit and, for moto, python3
#      and the packages its server runs on (MOTO_PACKAGES below);
#   2. writes /etc/containers/containers.conf.d/50-cognito-conformance.conf (runc, cgroupfs, file events,
#      ulimits the sandbox allows);
#   3. imports a base image localhost/cognito-conformance/node-base:<node version>: the host's node, the
#      libraries ldd lists for it, the dynamic loader, static busybox (with applet links) and catatonit;
#   4. builds localhost/cognito-conformance/cognito-local:<version> from containers/cognito-local/Containerfile
#      with cognito-local's dependency closure out of the project's node_modules;
#   5. imports a base image localhost/cognito-conformance/python-base:<python version> the same way: the
#      host's Debian /usr/bin/python3, its standard library, the files dpkg lists for MOTO_PACKAGES and the
#      Python packages they depend on (with the .pyc Debian compiled for them), the libraries ldd lists for
#      the interpreter and every extension module, static busybox and catatonit;
#   6. builds localhost/cognito-conformance/moto:<MOTO_VERSION> from containers/moto/Containerfile. moto's
#      source is copied at build time from <documents>/emulators/moto-<MOTO_VERSION>, where <documents> is
#      $COGNITO_CONFORMANCE_DOCUMENTS or ../shared (or from $COGNITO_CONFORMANCE_MOTO_SOURCE, which wins),
#      into a build context under .tmp/, never into the repository, and
#      compiled there by the same interpreter. Without that source the moto image is skipped with a warning
#      (an error under CI);
#      3 to 6 are skipped while the image's `cognito-conformance.stamp` label matches its inputs;
#   7. starts `podman system service` on unix:///run/cognito-conformance/podman.sock unless it answers.
#
# How the environment reaches the tests: the script writes .tmp/container-engine.env, `export NAME=value`
# lines that sh and bash can source, only after everything above succeeded, and prints the same lines on
# stdout (all progress goes to stderr). The test runner's contract is the file:
#
#     bash scripts/container-engine.sh >/dev/null && . ./.tmp/container-engine.env && vitest run --project containers
#
# By hand, `eval "$(bash scripts/container-engine.sh --env)"` does the same, but eval hides a failure of the
# script (it then evaluates nothing and succeeds), so scripts should use the file.
#
# Usage:
#   bash scripts/container-engine.sh [--env]   set up (--env is accepted for readability; output is the same)
#   bash scripts/container-engine.sh --stop    remove the suite's containers, stop the API service, remove the socket
#
# Any failure prints what failed and exits non-zero.
set -Eeuo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly WORK_DIR="$ROOT_DIR/.tmp/container-engine"
readonly ENV_FILE="$ROOT_DIR/.tmp/container-engine.env"
readonly RUN_DIR="/run/cognito-conformance"
readonly SOCKET_PATH="$RUN_DIR/podman.sock"
readonly PID_FILE="$RUN_DIR/podman-service.pid"
readonly SERVICE_LOG="$WORK_DIR/podman-service.log"
readonly CONF_FILE="/etc/containers/containers.conf.d/50-cognito-conformance.conf"
readonly CONTAINERFILE="$ROOT_DIR/containers/cognito-local/Containerfile"
readonly MOTO_CONTAINERFILE="$ROOT_DIR/containers/moto/Containerfile"
readonly IMAGE_PREFIX="localhost/cognito-conformance"
# Every container the suite's launchers start carries this label (LAUNCHER_LABEL in src/targets/containers/start-target-container.ts).
readonly LAUNCHER_LABEL="cognito-conformance.launcher"
readonly STAMP_LABEL="cognito-conformance.stamp"
readonly PACKAGES=(podman runc busybox-static catatonit)

# The moto release the local image runs; src/targets/containers/container-images.ts pins the same release
# for both moto images (its test reads this line).
readonly MOTO_VERSION="5.0.1"
# moto's source sits in the source documents' directory, the one `npm run specs` reads:
# $COGNITO_CONFORMANCE_DOCUMENTS (a relative one is taken from the current directory; empty counts as unset),
# else ../shared beside the repository. $COGNITO_CONFORMANCE_MOTO_SOURCE names the checkout itself and wins.
documents_dir="${COGNITO_CONFORMANCE_DOCUMENTS:-$ROOT_DIR/../shared}"
[[ "$documents_dir" == /* ]] || documents_dir="$PWD/$documents_dir"
readonly MOTO_SOURCE_DIR="${COGNITO_CONFORMANCE_MOTO_SOURCE:-$documents_dir/emulators/moto-$MOTO_VERSION}"
# What ../shared/emulators/README.md lists for moto's server, plus python3-cryptography: moto's own
# requirements name it (and python-jose[cryptography]), so tokens are signed by the same backend as in the
# registry image. Their Python dependencies come along through dpkg.
readonly MOTO_PACKAGES=(python3 python3-boto3 python3-botocore python3-werkzeug python3-flask python3-flask-cors
  python3-responses python3-jinja2 python3-xmltodict python3-jose python3-ecdsa python3-cryptography)
# Debian's interpreter, never another python3 on the PATH (pyenv and the like).
readonly HOST_PYTHON="/usr/bin/python3"

START_SECONDS=$SECONDS

log() { printf 'container-engine: %s\n' "$*" >&2; }
fail() {
  printf 'container-engine: FAILED: %s\n' "$*" >&2
  exit 1
}
trap 'rc=$?; printf "container-engine: FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2; exit "$rc"' ERR

in_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

mode="setup"
for arg in "$@"; do
  case "$arg" in
    --env) mode="setup" ;;
    --stop) mode="stop" ;;
    -h | --help)
      sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
      exit 0
      ;;
    *) fail "unknown argument '$arg' (expected --env or --stop)" ;;
  esac
done

# --- the API socket --------------------------------------------------------------------------------------

socket_answers() {
  [[ -S "$SOCKET_PATH" ]] || return 1
  if command -v curl >/dev/null 2>&1; then
    [[ "$(curl -fsS --max-time 3 --unix-socket "$SOCKET_PATH" http://d/_ping 2>/dev/null)" == "OK" ]]
  else
    node -e '
      const req = require("node:http").get({ socketPath: process.argv[1], path: "/_ping", timeout: 3000 }, (res) => {
        process.exit(res.statusCode === 200 ? 0 : 1);
      });
      req.on("error", () => process.exit(1));
      req.on("timeout", () => process.exit(1));
    ' "$SOCKET_PATH"
  fi
}

service_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # Only our own service: the pid must still be a `podman system service` on our socket.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "system service .*$SOCKET_PATH" || return 1
  printf '%s\n' "$pid"
}

# --- --stop ----------------------------------------------------------------------------------------------

stop_engine() {
  local ids=""
  if command -v podman >/dev/null 2>&1; then
    ids="$(podman ps -aq --no-trunc --filter "label=$LAUNCHER_LABEL" 2>/dev/null || true)"
    if [[ -n "$ids" ]]; then
      log "removing the suite's containers: $(echo "$ids" | cut -c1-12 | tr '\n' ' ')"
      # shellcheck disable=SC2086
      podman rm -f -t 0 $ids >/dev/null || fail "podman rm -f of the suite's containers failed"
    fi
  fi
  local pid
  if pid="$(service_pid)"; then
    log "stopping podman system service (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "podman system service (pid $pid) ignored SIGTERM for 5 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  else
    log "no podman system service of ours is running"
  fi
  rm -f "$PID_FILE" "$SOCKET_PATH"
  # A conmon outlives its container only until podman's cleanup has run: wait for those of ours to go.
  local id left
  for id in $ids; do
    for _ in $(seq 1 50); do
      left="$(ps -eo args= | grep -F -e "-c $id" | grep -v grep || true)"
      [[ -z "$left" ]] && break
      sleep 0.1
    done
    [[ -z "$left" ]] || fail "conmon for container ${id:0:12} is still running after 5 s: $left"
  done
  log "stopped (socket $SOCKET_PATH removed)"
}

if [[ "$mode" == "stop" ]]; then
  stop_engine
  exit 0
fi

# A failed run must not leave an env file from an earlier, working one behind.
rm -f "$ENV_FILE"

# --- 1. packages -----------------------------------------------------------------------------------------

mkdir -p "$WORK_DIR"

build_moto=1
if [[ ! -f "$MOTO_SOURCE_DIR/moto/__init__.py" ]]; then
  build_moto=0
  message="moto's source is not at $MOTO_SOURCE_DIR (set COGNITO_CONFORMANCE_MOTO_SOURCE to a checkout of moto $MOTO_VERSION, or COGNITO_CONFORMANCE_DOCUMENTS to a directory holding emulators/moto-$MOTO_VERSION)"
  in_ci && fail "$message"
  log "WARNING: $message; skipping the moto image, so container:moto will not start on this engine"
fi

wanted_packages=("${PACKAGES[@]}")
((build_moto)) && wanted_packages+=("${MOTO_PACKAGES[@]}")
missing_packages=()
for pkg in "${wanted_packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing_packages+=("$pkg")
  fi
done
if ((${#missing_packages[@]} > 0)); then
  [[ "$(id -u)" == "0" ]] || fail "packages ${missing_packages[*]} are missing and installing them needs root (run as root, or install them with apt-get)"
  log "installing ${missing_packages[*]} from Debian"
  apt_log="$WORK_DIR/apt.log"
  # Another apt-get may hold the dpkg lock (other set-up scripts run in parallel): wait for it.
  if ! apt-get -o DPkg::Lock::Timeout=600 update >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    fail "apt-get update failed (full log: $apt_log)"
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
    "${missing_packages[@]}" >>"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    fail "apt-get install ${missing_packages[*]} failed (full log: $apt_log)"
  fi
  log "installed ${missing_packages[*]} ($((SECONDS - START_SECONDS)) s so far)"
fi
command -v podman >/dev/null 2>&1 || fail "podman is not on PATH after installing it"
command -v busybox >/dev/null 2>&1 || fail "busybox (busybox-static) is not on PATH after installing it"
CATATONIT="$(command -v catatonit || echo /usr/bin/catatonit)"
[[ -x "$CATATONIT" ]] || fail "catatonit is not installed at $CATATONIT"

# --- 2. containers.conf ----------------------------------------------------------------------------------

conf_content='# Written by cognito-conformance scripts/container-engine.sh; rewritten on every run.
[containers]
# The sandbox refuses higher limits than these (podman defaults to nofile=1048576).
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
# crun fails on this cgroup set-up; runc works.
runtime = "runc"
# No systemd: cgroups are managed directly, events go to a file instead of the journal.
cgroup_manager = "cgroupfs"
events_logger = "file"
exit_command_delay = 10
'
if [[ ! -f "$CONF_FILE" ]] || [[ "$(cat "$CONF_FILE")" != "$(printf '%s' "$conf_content")" ]]; then
  [[ "$(id -u)" == "0" ]] || fail "writing $CONF_FILE needs root"
  mkdir -p "$(dirname "$CONF_FILE")"
  printf '%s' "$conf_content" >"$CONF_FILE"
  log "wrote $CONF_FILE"
fi

podman_info_log="$WORK_DIR/podman-info.log"
if ! podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Store.GraphDriverName}}' \
  >"$podman_info_log" 2>&1; then
  tail -n 20 "$podman_info_log" >&2
  fail "podman info failed: podman cannot run on this machine with $CONF_FILE"
fi
read -r oci_runtime _ graph_driver <"$podman_info_log"
[[ "$oci_runtime" == "runc" ]] || fail "podman uses OCI runtime '$oci_runtime', expected runc (is another containers.conf overriding $CONF_FILE?)"

image_label() { # image label -> value ('' if the image or label is missing)
  podman image inspect --format "{{index .Labels \"$2\"}}" "$1" 2>/dev/null || true
}

image_id() { # image -> id ('' if missing)
  podman image inspect --format '{{.Id}}' "$1" 2>/dev/null || true
}

# --- shared by both base images --------------------------------------------------------------------------

BUSYBOX_BIN="$(readlink -f "$(command -v busybox)")"

# The shared libraries the given executables and extension modules load, as ldd resolves them on the host.
shared_libraries() {
  local ldd_log="$WORK_DIR/ldd.log"
  ldd "$@" >"$ldd_log" 2>&1 || true
  if grep -q 'not found' "$ldd_log"; then
    grep 'not found' "$ldd_log" | sort -u | head -n 5 >&2
    fail "ldd cannot resolve some libraries (full output: $ldd_log)"
  fi
  awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(0x/ { print $1 }' "$ldd_log" | sort -u
}

# Starts a base root file system: the directories, static busybox, catatonit and the given libraries.
start_base_rootfs() { # rootfs lib...
  local rootfs="$1" lib
  shift
  rm -rf "$rootfs"
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,data}
  chmod 1777 "$rootfs/tmp"
  cp "$BUSYBOX_BIN" "$rootfs/bin/busybox"
  cp "$CATATONIT" "$rootfs/usr/bin/catatonit"
  for lib in "$@"; do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
}

# Finishes a base root file system (busybox applet links where nothing else is, users, name service) and
# imports it as `image`.
import_base_rootfs() { # rootfs image stamp description
  local rootfs="$1" image="$2" stamp="$3" description="$4" applet
  while read -r applet; do
    [[ -e "$rootfs/$applet" || -L "$rootfs/$applet" ]] && continue
    mkdir -p "$rootfs/$(dirname "$applet")"
    ln -s /bin/busybox "$rootfs/$applet"
  done < <("$BUSYBOX_BIN" --list-full)
  [[ -L "$rootfs/bin/sh" ]] || ln -s /bin/busybox "$rootfs/bin/sh"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  local import_log="$WORK_DIR/import.log"
  if ! tar -C "$rootfs" -c . | podman import \
    --change "LABEL $STAMP_LABEL=$stamp" \
    --change "LABEL org.opencontainers.image.description=$description" \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin' \
    --change 'CMD ["/bin/sh"]' \
    - "$image" >"$import_log" 2>&1; then
    tail -n 20 "$import_log" >&2
    fail "podman import of $image failed"
  fi
  rm -rf "$rootfs"
}

# Builds `image` from a staged context; the previous image of that name goes once it is replaced.
build_image() { # image containerfile context base stamp version
  local image="$1" containerfile="$2" context="$3" base="$4" stamp="$5" version="$6"
  local old_id new_id build_log
  old_id="$(image_id "$image")"
  build_log="$WORK_DIR/build-$(basename "${image%%:*}").log"
  if ! podman build --pull=never --layers=false \
    --build-arg "BASE_IMAGE=$base" \
    --label "$STAMP_LABEL=$stamp" \
    --label "org.opencontainers.image.version=$version" \
    -f "$containerfile" -t "$image" "$context" >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    fail "podman build of $image failed (full log: $build_log)"
  fi
  new_id="$(image_id "$image")"
  if [[ -n "$old_id" && "$old_id" != "$new_id" ]]; then podman rmi "$old_id" >/dev/null 2>&1 || true; fi
}

# --- 3. node base image ----------------------------------------------------------------------------------

NODE_BIN="$(command -v node)" || fail "node is not on PATH"
NODE_BIN="$(readlink -f "$NODE_BIN")"
NODE_VERSION="$("$NODE_BIN" -p process.versions.node)"
BASE_IMAGE="$IMAGE_PREFIX/node-base:$NODE_VERSION"

mapfile -t node_libs < <(shared_libraries "$NODE_BIN")
((${#node_libs[@]} > 0)) || fail "ldd listed no libraries for $NODE_BIN"

base_stamp="$(
  {
    echo "recipe 1"
    sha256sum "$NODE_BIN" "$BUSYBOX_BIN" "$CATATONIT"
    for lib in "${node_libs[@]}"; do printf '%s ' "$lib"; sha256sum <"$(readlink -f "$lib")"; done
  } | sha256sum | cut -c1-32
)"

old_base_id=""
if [[ "$(image_label "$BASE_IMAGE" "$STAMP_LABEL")" == "$base_stamp" ]]; then
  log "base image $BASE_IMAGE is up to date"
else
  log "building base image $BASE_IMAGE"
  rootfs="$WORK_DIR/node-base-rootfs"
  start_base_rootfs "$rootfs" "${node_libs[@]}"
  cp "$NODE_BIN" "$rootfs/usr/bin/node"
  old_base_id="$(image_id "$BASE_IMAGE")"
  import_base_rootfs "$rootfs" "$BASE_IMAGE" "$base_stamp" \
    "node $NODE_VERSION with static busybox and catatonit, from the host"
  # The old base goes once nothing is built on it (retried after the cognito-local rebuild below).
  if [[ -n "$old_base_id" ]]; then podman rmi "$old_base_id" >/dev/null 2>&1 || true; fi
  log "built $BASE_IMAGE ($((SECONDS - START_SECONDS)) s so far)"
fi

# --- 4. cognito-local image ------------------------------------------------------------------------------

[[ -f "$CONTAINERFILE" ]] || fail "missing $CONTAINERFILE"
[[ -f "$ROOT_DIR/node_modules/cognito-local/package.json" ]] ||
  fail "node_modules/cognito-local is not installed (run npm ci first)"

# cognito-local's dependency closure, resolved the way Node resolves it: "path<TAB>version" per package.
closure="$(
  node --input-type=module - "$ROOT_DIR" <<'NODE'
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
const root = process.argv[2];
const found = new Map();
const queue = [join(root, 'node_modules', 'cognito-local')];
while (queue.length > 0) {
  const dir = queue.pop();
  if (found.has(dir)) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  found.set(dir, pkg.version);
  const optional = { ...pkg.optionalDependencies, ...pkg.peerDependencies };
  for (const name of Object.keys({ ...pkg.dependencies, ...optional })) {
    let resolved;
    for (let from = dir; ; from = dirname(from)) {
      const candidate = join(from, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) { resolved = candidate; break; }
      if (from === root || from === dirname(from)) break;
    }
    if (resolved) queue.push(resolved);
    else if (!(name in optional)) throw new Error(`cannot resolve ${name} (a dependency of ${relative(root, dir)})`);
  }
}
const paths = [...found.keys()].map((dir) => relative(root, dir)).sort();
// A package inside another's folder is copied with it.
for (const path of paths) {
  if (!paths.some((other) => other !== path && path.startsWith(`${other}/`))) {
    console.log(`${path}\t${found.get(join(root, path))}`);
  }
}
NODE
)" || fail "could not resolve cognito-local's dependency closure in $ROOT_DIR/node_modules"

COGNITO_LOCAL_VERSION="$(node -p "require('$ROOT_DIR/node_modules/cognito-local/package.json').version")"
COGNITO_LOCAL_IMAGE="$IMAGE_PREFIX/cognito-local:$COGNITO_LOCAL_VERSION"
base_id="$(image_id "$BASE_IMAGE")"
app_stamp="$(
  {
    echo "recipe 1"
    echo "$base_id"
    sha256sum <"$CONTAINERFILE"
    echo "$closure"
  } | sha256sum | cut -c1-32
)"

if [[ "$(image_label "$COGNITO_LOCAL_IMAGE" "$STAMP_LABEL")" == "$app_stamp" ]]; then
  log "image $COGNITO_LOCAL_IMAGE is up to date"
else
  log "building $COGNITO_LOCAL_IMAGE ($(wc -l <<<"$closure") packages)"
  context="$WORK_DIR/cognito-local-context"
  rm -rf "$context"
  mkdir -p "$context"
  cp "$CONTAINERFILE" "$context/Containerfile"
  # Hard links keep staging instant; podman build copies the files into the image layer.
  (cd "$ROOT_DIR" && cut -f1 <<<"$closure" | xargs cp -al --parents -t "$context") ||
    fail "staging the build context in $context failed"
  build_image "$COGNITO_LOCAL_IMAGE" "$context/Containerfile" "$context" "$BASE_IMAGE" "$app_stamp" \
    "$COGNITO_LOCAL_VERSION"
  rm -rf "$context"
  if [[ -n "$old_base_id" ]]; then podman rmi "$old_base_id" >/dev/null 2>&1 || true; fi
  log "built $COGNITO_LOCAL_IMAGE ($((SECONDS - START_SECONDS)) s so far)"
fi

# --- 5. python base image --------------------------------------------------------------------------------

# The files of the interpreter's standard library and of `packages` plus the Python packages they depend on
# (dpkg's Depends, virtual packages resolved through Provides), each .py with the .pyc Debian compiled for
# it: written to `list` as paths relative to /, one a line. Prints "package=version" per package used.
python_payload() { # list package...
  "$HOST_PYTHON" - "$@" <<'PY'
import importlib.util, os, subprocess, sys, sysconfig

list_path, *roots = sys.argv[1:]
version = f"{sys.version_info.major}.{sys.version_info.minor}"
stdlib = sysconfig.get_paths()["stdlib"]
prefixes = (stdlib + "/", "/usr/lib/python3/dist-packages/", f"/etc/python{version}/")

installed, provides = {}, {}
listing = subprocess.run(
    ["dpkg-query", "-W", "-f", "${Package}\t${Version}\t${Status}\t${Provides}\t${Depends}, ${Pre-Depends}\n"],
    check=True, capture_output=True, text=True).stdout
for line in listing.splitlines():
    name, package_version, status, provided, depends = line.split("\t")
    if not status.endswith(" installed"):
        continue
    installed[name] = (package_version, depends)
    for virtual in provided.split(","):
        virtual = virtual.split("(")[0].strip()
        if virtual:
            provides.setdefault(virtual, name)

def resolve(alternatives):
    for alternative in alternatives.split("|"):
        name = alternative.split("(")[0].strip().split(":")[0]
        if name in installed:
            return name
        if name in provides:
            return provides[name]
    return None

used, queue = [], [f"libpython{version}-minimal", f"libpython{version}-stdlib", *roots]
while queue:
    name = queue.pop(0)
    if name in used:
        continue
    if name not in installed:
        sys.exit(f"Debian package {name} is not installed")
    used.append(name)
    for dependency in installed[name][1].split(","):
        found = resolve(dependency) if dependency.strip() else None
        # Python packages only: C libraries come from ldd, the interpreter and tools are copied directly.
        if found is not None and found.startswith("python3-") and found != "python3-minimal":
            queue.append(found)

files = set()
for name in used:
    owned = subprocess.run(["dpkg-query", "-L", name], check=True, capture_output=True, text=True).stdout
    for path in owned.splitlines():
        if not path.startswith(prefixes) or not os.path.lexists(path):
            continue
        if os.path.isdir(path) and not os.path.islink(path):
            continue
        files.add(path)
        if path.endswith(".py"):
            cached = importlib.util.cache_from_source(path)
            if os.path.exists(cached):
                files.add(cached)
with open(list_path, "w") as out:
    for path in sorted(files):
        out.write(path.lstrip("/") + "\n")
for name in sorted(used):
    print(f"{name}={installed[name][0]}")
PY
}

if ((build_moto)); then
  [[ -x "$HOST_PYTHON" ]] || fail "$HOST_PYTHON (Debian's python3) is missing"
  PYTHON_BIN="$(readlink -f "$HOST_PYTHON")"
  PYTHON_VERSION="$("$PYTHON_BIN" -c 'import platform; print(platform.python_version())')"
  PYTHON_BASE_IMAGE="$IMAGE_PREFIX/python-base:$PYTHON_VERSION"
  python_list="$WORK_DIR/python-base.files"
  python_packages="$(python_payload "$python_list" "${MOTO_PACKAGES[@]}")" ||
    fail "could not list the files of ${MOTO_PACKAGES[*]} (dpkg-query)"
  mapfile -t extension_modules < <(grep -E '\.so(\.[0-9]+)*$' "$python_list" | sed 's|^|/|')
  mapfile -t python_libs < <(shared_libraries "$PYTHON_BIN" "${extension_modules[@]}")
  ((${#python_libs[@]} > 0)) || fail "ldd listed no libraries for $PYTHON_BIN"
  # OpenSSL loads its providers (cryptography asks for "legacy") from files ldd cannot see: take them from
  # the package that ships libcrypto.
  openssl_modules=()
  for lib in "${python_libs[@]}"; do
    [[ "$(basename "$lib")" == libcrypto.so.* ]] || continue
    owner="$(dpkg-query -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1)" ||
      fail "no Debian package owns $(readlink -f "$lib")"
    mapfile -t openssl_modules < <(dpkg-query -L "$owner" | grep -E '/(ossl-modules|engines-[0-9]+)/[^/]+\.so$')
  done

  python_base_stamp="$(
    {
      echo "recipe 1"
      sha256sum "$PYTHON_BIN" "$BUSYBOX_BIN" "$CATATONIT"
      echo "$python_packages"
      for lib in "${python_libs[@]}" "${openssl_modules[@]}"; do
        printf '%s ' "$lib"
        sha256sum <"$(readlink -f "$lib")"
      done
    } | sha256sum | cut -c1-32
  )"

  old_python_base_id=""
  if [[ "$(image_label "$PYTHON_BASE_IMAGE" "$STAMP_LABEL")" == "$python_base_stamp" ]]; then
    log "base image $PYTHON_BASE_IMAGE is up to date"
  else
    log "building base image $PYTHON_BASE_IMAGE ($(wc -l <<<"$python_packages") Debian packages, $(wc -l <"$python_list") files)"
    rootfs="$WORK_DIR/python-base-rootfs"
    start_base_rootfs "$rootfs" "${python_libs[@]}" "${openssl_modules[@]}"
    tar -C / --no-recursion -cf - -T "$python_list" | tar -C "$rootfs" -xf - ||
      fail "copying the Python files listed in $python_list failed"
    cp "$PYTHON_BIN" "$rootfs/usr/bin/$(basename "$PYTHON_BIN")"
    ln -sf "$(basename "$PYTHON_BIN")" "$rootfs/usr/bin/python3"
    old_python_base_id="$(image_id "$PYTHON_BASE_IMAGE")"
    import_base_rootfs "$rootfs" "$PYTHON_BASE_IMAGE" "$python_base_stamp" \
      "Debian python $PYTHON_VERSION with moto's dependencies, static busybox and catatonit, from the host"
    if [[ -n "$old_python_base_id" ]]; then podman rmi "$old_python_base_id" >/dev/null 2>&1 || true; fi
    log "built $PYTHON_BASE_IMAGE ($((SECONDS - START_SECONDS)) s so far)"
  fi
fi

# --- 6. moto image ---------------------------------------------------------------------------------------

if ((build_moto)); then
  [[ -f "$MOTO_CONTAINERFILE" ]] || fail "missing $MOTO_CONTAINERFILE"
  # moto's release tags carry "<version>.dev" in the source: its release job sets the final number when it
  # packages the wheel.
  grep -qE "^__version__ = \"${MOTO_VERSION//./\\.}(\.dev[0-9]*)?\"" "$MOTO_SOURCE_DIR/moto/__init__.py" ||
    fail "$MOTO_SOURCE_DIR is not moto $MOTO_VERSION ($(grep -E '^__version__' "$MOTO_SOURCE_DIR/moto/__init__.py" || echo 'no __version__'))"
  MOTO_IMAGE="$IMAGE_PREFIX/moto:$MOTO_VERSION"
  moto_source_hash="$(
    cd "$MOTO_SOURCE_DIR" &&
      find moto LICENSE -type f ! -name '*.pyc' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
  )" || fail "could not read moto's source in $MOTO_SOURCE_DIR"
  moto_stamp="$(
    {
      echo "recipe 1"
      image_id "$PYTHON_BASE_IMAGE"
      sha256sum <"$MOTO_CONTAINERFILE"
      echo "$moto_source_hash"
    } | sha256sum | cut -c1-32
  )"
  if [[ "$(image_label "$MOTO_IMAGE" "$STAMP_LABEL")" == "$moto_stamp" ]]; then
    log "image $MOTO_IMAGE is up to date"
  else
    log "building $MOTO_IMAGE from $MOTO_SOURCE_DIR"
    context="$WORK_DIR/moto-context"
    rm -rf "$context"
    mkdir -p "$context/moto-source"
    cp "$MOTO_CONTAINERFILE" "$context/Containerfile"
    cp -R "$MOTO_SOURCE_DIR/moto" "$MOTO_SOURCE_DIR/LICENSE" "$context/moto-source/" ||
      fail "copying moto's source into $context failed"
    find "$context/moto-source" -name '__pycache__' -prune -exec rm -rf {} +
    chmod -R u+w,go-w "$context/moto-source"
    # Compiled here by the image's own interpreter (hash-checked, so the files' times do not matter): a
    # container then starts without compiling moto first.
    compile_log="$WORK_DIR/moto-compile.log"
    if ! "$PYTHON_BIN" -m compileall -q -j 0 --invalidation-mode checked-hash "$context/moto-source/moto" \
      >"$compile_log" 2>&1; then
      tail -n 20 "$compile_log" >&2
      fail "compiling moto's source failed (full log: $compile_log)"
    fi
    build_image "$MOTO_IMAGE" "$context/Containerfile" "$context" "$PYTHON_BASE_IMAGE" "$moto_stamp" \
      "$MOTO_VERSION"
    rm -rf "$context"
    if [[ -n "$old_python_base_id" ]]; then podman rmi "$old_python_base_id" >/dev/null 2>&1 || true; fi
    log "built $MOTO_IMAGE ($((SECONDS - START_SECONDS)) s so far)"
  fi
fi

# --- 7. the Docker-compatible API service ----------------------------------------------------------------

if socket_answers; then
  log "podman API already answers on $SOCKET_PATH"
else
  mkdir -p "$RUN_DIR"
  if pid="$(service_pid)"; then
    log "podman system service (pid $pid) does not answer; restarting it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$SOCKET_PATH"
  # setsid + nohup: the service outlives this script and the shell that ran it.
  setsid nohup podman system service --time=0 "unix://$SOCKET_PATH" >"$SERVICE_LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    socket_answers && break
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      tail -n 20 "$SERVICE_LOG" >&2
      fail "podman system service exited at start (log: $SERVICE_LOG)"
    fi
    sleep 0.1
  done
  socket_answers || fail "podman system service did not answer on $SOCKET_PATH within 10 s (log: $SERVICE_LOG)"
  log "podman API answers on $SOCKET_PATH (pid $(cat "$PID_FILE"))"
fi

# --- environment -----------------------------------------------------------------------------------------

# TESTCONTAINERS_RYUK_DISABLED: the Ryuk image cannot be pulled; the suite's launchers stop their own
#   containers, and --stop removes any left behind (they carry the $LAUNCHER_LABEL label).
# TESTCONTAINERS_HOST_OVERRIDE: this machine has /.dockerenv, so testcontainers would otherwise use the
#   podman network's gateway address; published ports are reachable on the loopback address.
# COGNITO_CONFORMANCE_LOCAL_IMAGES: pick the images built here over the registry ones.
env_lines=(
  "DOCKER_HOST=unix://$SOCKET_PATH"
  "TESTCONTAINERS_RYUK_DISABLED=true"
  "TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
  "COGNITO_CONFORMANCE_LOCAL_IMAGES=1"
)
rm -f "$ENV_FILE"
{
  echo "# Written by scripts/container-engine.sh once the engine answered; load with: . ./.tmp/container-engine.env"
  for line in "${env_lines[@]}"; do printf 'export %s\n' "$line"; done
} >"$ENV_FILE.partial"
mv "$ENV_FILE.partial" "$ENV_FILE"
for line in "${env_lines[@]}"; do printf 'export %s\n' "$line"; done
log "ready in $((SECONDS - START_SECONDS)) s (runtime $oci_runtime, storage $graph_driver); env also in $ENV_FILE"
