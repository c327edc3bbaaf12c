#!/usr/bin/env bash
# A real multi-arch Docker sandbox on one Debian machine: Docker engine, buildx, QEMU binfmt
# handlers, a loopback registry serving as the engine's Docker Hub mirror, and locally built
# multi-arch stand-ins for the Docker Hub base images the tests use.
#
#   scripts/sandbox.sh up       bring everything up (idempotent; reuses the cache)
#   scripts/sandbox.sh status   print what runs and which images and platforms exist
#   scripts/sandbox.sh down     stop what `up` started (by PID); keep the cache
#
# Environment:
#   TFMC_SANDBOX_CACHE   cache directory (default /var/cache/tf-multiarch-check/sandbox)
#   TFMC_DEBIAN_MIRROR   Debian mirror for debootstrap (default: the first one in apt's sources)
#   TFMC_REGISTRY_PORT   loopback port of the registry (default 5000)
set -euo pipefail

# Bump when the stand-in images change in a way a cached copy would not show.
readonly IMAGE_REV=1
readonly CACHE=${TFMC_SANDBOX_CACHE:-/var/cache/tf-multiarch-check/sandbox}
readonly RUN_DIR=$CACHE/run
readonly REGISTRY_PORT=${TFMC_REGISTRY_PORT:-5000}
readonly REGISTRY=127.0.0.1:$REGISTRY_PORT
readonly MIRROR_URL=http://$REGISTRY
# Per-arch images live in their own repository so the mirror never serves a Docker Hub name
# that does not exist upstream (such as python:3.11-slim-arm64).
readonly STAGING_REPO=$REGISTRY/tfmc-sandbox
readonly ARCHES=(amd64 arm64)
readonly PACKAGES=(docker.io qemu-user-static binfmt-support debootstrap docker-registry)
readonly BUILDX_PLUGIN=/usr/libexec/docker/cli-plugins/docker-buildx

# name | Debian suite | kind (python: python, pip and venv; plain: Debian as it is)
readonly IMAGES=(
  "python:3.9-slim|bullseye|python"
  "python:3.11-slim|bookworm|python"
  "python:3.13-slim|trixie|python"
  "debian:bookworm-slim|bookworm|plain"
)

log() { printf '[sandbox] %s\n' "$*" >&2; }
die() {
  printf '[sandbox] error: %s\n' "$*" >&2
  exit 1
}

require_debian_root() {
  [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null ||
    die "this script sets up Docker from Debian's packages and runs only on Debian (no /etc/debian_version or apt-get here)"
  [[ $(id -u) -eq 0 ]] || die "run it as root (it installs packages and starts dockerd): sudo $0 ${1:-up}"
}

host_arch() { dpkg --print-architecture; }

# The Debian mirror this machine already uses, read from apt's own configuration.
debian_mirror() {
  if [[ -n ${TFMC_DEBIAN_MIRROR:-} ]]; then
    echo "$TFMC_DEBIAN_MIRROR"
    return
  fi
  local url
  url=$(
    {
      grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{for (i = 2; i <= NF; i++) print $i}'
      grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        sed -E 's/\[[^]]*\]//' | awk '{print $2}'
    } | grep -E '^https?://' | grep -v -- '-security' | head -n 1
  )
  [[ -n $url ]] || die "no Debian mirror found in apt's sources; set TFMC_DEBIAN_MIRROR to one"
  echo "${url%/}"
}

pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# 1. packages and the buildx plugin

install_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    # A machine with a working engine of its own needs no docker.io.
    if [[ $pkg == docker.io ]] && command -v dockerd >/dev/null; then continue; fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    # docker-registry's and docker.io's maintainer scripts try to start services; there is no init
    # system to do so here and we start both ourselves.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$RUN_DIR/apt.log" 2>&1 ||
      die "apt-get install ${missing[*]} failed; see $RUN_DIR/apt.log"
  fi
}

# Debian 12 has no buildx package. Take the plugin binary (static but for libc) from the next
# release's docker-buildx package, through a private apt configuration so that no source is added
# to the machine's own lists and nothing else can upgrade.
install_buildx() {
  if docker buildx version >/dev/null 2>&1; then return; fi
  local work=$CACHE/buildx mirror
  mirror=$(debian_mirror)
  mkdir -p "$work/lists/partial" "$work/archives/partial"
  local deb
  deb=$(find "$work" -maxdepth 1 -name 'docker-buildx_*.deb' | head -n 1)
  if [[ -z $deb ]]; then
    log "fetching docker-buildx from Debian 13 (trixie)"
    printf 'deb %s trixie main\n' "$mirror" >"$work/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
      -o Debug::NoLocking=1 -o APT::Get::List-Cleanup=0)
    apt-get "${opts[@]}" update -qq >"$RUN_DIR/buildx-apt.log" 2>&1 ||
      die "apt-get update for trixie failed; see $RUN_DIR/buildx-apt.log"
    (cd "$work" && apt-get "${opts[@]}" download docker-buildx >>"$RUN_DIR/buildx-apt.log" 2>&1) ||
      die "apt-get download docker-buildx failed; see $RUN_DIR/buildx-apt.log"
    rm -rf "$work/lists" "$work/archives"
    deb=$(find "$work" -maxdepth 1 -name 'docker-buildx_*.deb' | head -n 1)
  fi
  local x=$work/extract
  rm -rf "$x" && dpkg-deb -x "$deb" "$x"
  install -D -m 0755 "$x/usr/libexec/docker/cli-plugins/docker-buildx" "$BUILDX_PLUGIN"
  rm -rf "$x"
  docker buildx version >/dev/null || die "the buildx plugin at $BUILDX_PLUGIN does not run"
  log "installed $(docker buildx version)"
}

# ---------------------------------------------------------------------------------------------
# 2. QEMU binfmt handlers

setup_binfmt() {
  local dir=/proc/sys/fs/binfmt_misc
  if [[ ! -e $dir/register ]]; then
    mount -t binfmt_misc binfmt_misc "$dir" || die "cannot mount binfmt_misc at $dir (is this a container without it?)"
  fi
  local foreign=aarch64
  [[ $(host_arch) == arm64 ]] && foreign=x86_64
  # Enable every handler qemu-user-static ships (arm, riscv64, ...), not only the one debootstrap
  # needs. They carry the F flag: the interpreter is opened at registration, so it also runs
  # inside containers and chroots that do not contain it.
  update-binfmts --enable >/dev/null 2>&1 || true
  [[ -e $dir/qemu-$foreign ]] || die "the QEMU handler qemu-$foreign is not registered in $dir"
}

# ---------------------------------------------------------------------------------------------
# 3. dockerd and the registry mirror

write_daemon_config() {
  local out=$RUN_DIR/daemon.json
  # Start from the machine's own daemon.json, if any, without ever writing to it.
  python3 - "$out" "$MIRROR_URL" <<'EOF'
import json, os, sys
out, mirror = sys.argv[1], sys.argv[2]
cfg = {}
if os.path.exists("/etc/docker/daemon.json"):
    with open("/etc/docker/daemon.json") as f:
        cfg = json.load(f)
mirrors = cfg.setdefault("registry-mirrors", [])
if mirror not in mirrors:
    mirrors.insert(0, mirror)
with open(out, "w") as f:
    json.dump(cfg, f, indent=2)
EOF
}

# A dockerd that was killed leaves its pid file behind, and a new one refuses to start while
# that pid exists: a dying daemon, or a zombie its parent has not reaped yet. Wait for the old
# one to go; a pid that is no dockerd of ours (a zombie, or a reused pid) is stale.
clear_stale_pidfile() {
  local file=$RUN_DIR/dockerd.pid pid i
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  for i in $(seq 1 30); do
    if ! kill -0 "$pid" 2>/dev/null || [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]] ||
      [[ $(cat "/proc/$pid/comm" 2>/dev/null) != dockerd ]]; then
      rm -f "$file"
      return 0
    fi
    sleep 1
  done
  die "dockerd (pid $pid) neither answers nor exits; stop it (kill $pid) and run '$0 up' again"
}

# The containerd that a killed dockerd started goes on running, and a new dockerd times out
# waiting for it. Called only when no engine answers: it belongs to nobody, so stop it.
stop_orphan_containerd() {
  local file=/var/run/docker/containerd/containerd.pid
  if [[ -f $file && $(cat "/proc/$(cat "$file")/comm" 2>/dev/null) == containerd ]]; then
    stop_pid "orphaned containerd" "$file"
  fi
  rm -f "$file"
}

start_dockerd() {
  if docker info >/dev/null 2>&1; then
    if ! pid_alive "$RUN_DIR/dockerd.pid"; then
      log "using the Docker engine already running here"
    fi
    docker info --format '{{json .RegistryConfig.Mirrors}}' | grep -q "$REGISTRY" ||
      die "the running Docker engine has no registry mirror $MIRROR_URL; add \"registry-mirrors\": [\"$MIRROR_URL\"] to its daemon.json and restart it, or stop it and run '$0 up' again"
    return
  fi
  write_daemon_config
  local attempt i
  for attempt in 1 2; do
    clear_stale_pidfile
    stop_orphan_containerd
    log "starting dockerd (log: $RUN_DIR/dockerd.log)"
    setsid -f dockerd --config-file "$RUN_DIR/daemon.json" --pidfile "$RUN_DIR/dockerd.pid" \
      >>"$RUN_DIR/dockerd.log" 2>&1 </dev/null
    for i in $(seq 1 60); do
      docker info >/dev/null 2>&1 && return
      sleep 1
      # It gave up (what a killed daemon left behind was still going away): once more.
      if ((i >= 3)) && ! pgrep -f "^dockerd --config-file $RUN_DIR/daemon.json" >/dev/null; then
        log "dockerd exited while starting (attempt $attempt)"
        break
      fi
    done
  done
  tail -n 20 "$RUN_DIR/dockerd.log" >&2 || true
  die "dockerd did not answer within 60 s; see $RUN_DIR/dockerd.log"
}

registry_up() { curl -fsS -o /dev/null "$MIRROR_URL/v2/" 2>/dev/null; }

start_registry() {
  if registry_up; then return; fi
  mkdir -p "$CACHE/registry"
  cat >"$RUN_DIR/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $CACHE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
  log "starting the registry on $REGISTRY (log: $RUN_DIR/registry.log)"
  setsid -f bash -c 'echo $$ >"$1"; exec docker-registry serve "$2"' _ "$RUN_DIR/registry.pid" "$RUN_DIR/registry.yml" \
    >>"$RUN_DIR/registry.log" 2>&1 </dev/null
  local i
  for i in $(seq 1 30); do
    registry_up && return
    sleep 0.5
  done
  die "the registry did not answer on $REGISTRY; see $RUN_DIR/registry.log"
}

# ---------------------------------------------------------------------------------------------
# 4. stand-in base images

# Certificates this machine trusts beyond Debian's set (for example a TLS-inspecting egress
# proxy). The stand-ins carry them so that builds reach the package index as the host does.
local_cas() { find /usr/local/share/ca-certificates -type f -name '*.crt' 2>/dev/null | sort; }

build_rootfs() { # suite arch kind out.tar
  local suite=$1 arch=$2 kind=$3 out=$4
  local dir=$CACHE/rootfs/$suite-$arch-$kind.tmp
  local include=ca-certificates
  [[ $kind == python ]] && include=python3,python3-pip,python3-venv,python-is-python3,ca-certificates
  [[ $kind == plain ]] && include=""
  rm -rf "$dir" && mkdir -p "$dir" "$CACHE/debs/$suite-$arch"
  log "debootstrap $suite $arch ($kind); arm64 on an x86-64 host runs its second stage under QEMU"
  local t0=$SECONDS
  debootstrap --variant=minbase --arch="$arch" ${include:+--include="$include"} \
    --cache-dir="$CACHE/debs/$suite-$arch" "$suite" "$dir" "$(debian_mirror)" \
    >"$RUN_DIR/debootstrap-$suite-$arch-$kind.log" 2>&1 ||
    die "debootstrap $suite $arch failed; see $RUN_DIR/debootstrap-$suite-$arch-$kind.log"

  local ca
  while read -r ca; do
    [[ -n $ca ]] || continue
    install -D -m 0644 "$ca" "$dir/usr/local/share/ca-certificates/$(basename "$ca")"
    if [[ -f $dir/etc/ssl/certs/ca-certificates.crt ]]; then cat "$ca" >>"$dir/etc/ssl/certs/ca-certificates.crt"; fi
  done < <(local_cas)
  if [[ -n $(local_cas) ]]; then
    # pip uses its own certifi bundle unless told otherwise.
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$dir/etc/pip.conf"
  fi

  if [[ $kind == python ]]; then
    # Like the official python images: pip installs into the interpreter without PEP 668's
    # refusal, and both `python` and `pip` are on PATH.
    rm -f "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
    [[ -e $dir/usr/bin/pip ]] || ln -s pip3 "$dir/usr/bin/pip"
  fi
  # Like the official slim images: no package lists until `apt-get update`.
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
  tar --numeric-owner -C "$dir" -cf "$out.part" . && mv "$out.part" "$out"
  rm -rf "$dir"
  log "rootfs $suite $arch ($kind) done in $((SECONDS - t0)) s"
}

image_stamp() { echo "$CACHE/images/${1//[:\/]/_}.rev"; }

image_present() { # name
  local name=$1 manifest
  [[ -f $(image_stamp "$name") && $(cat "$(image_stamp "$name")") == "$IMAGE_REV" ]] || return 1
  manifest=$(curl -fsS -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' \
    "$MIRROR_URL/v2/library/${name%%:*}/manifests/${name#*:}" 2>/dev/null) || return 1
  local arch
  for arch in "${ARCHES[@]}"; do grep -q "\"architecture\": *\"$arch\"" <<<"$manifest" || return 1; done
}

build_image() { # name suite kind
  local name=$1 suite=$2 kind=$3 repo=${1%%:*} tag=${1#*:}
  if image_present "$name"; then return; fi
  mkdir -p "$CACHE/rootfs" "$CACHE/images"
  local arch pids=() tars=()
  for arch in "${ARCHES[@]}"; do
    local tar=$CACHE/rootfs/$suite-$arch-$kind-r$IMAGE_REV.tar
    tars+=("$tar")
    if [[ ! -f $tar ]]; then
      build_rootfs "$suite" "$arch" "$kind" "$tar" &
      pids+=($!)
    fi
  done
  local pid
  for pid in "${pids[@]}"; do wait "$pid" || die "building the $name root filesystems failed"; done

  local refs=() i
  for i in "${!ARCHES[@]}"; do
    arch=${ARCHES[$i]}
    local ctx=$CACHE/images/ctx-$arch
    rm -rf "$ctx" && mkdir -p "$ctx"
    ln "${tars[$i]}" "$ctx/rootfs.tar" 2>/dev/null || cp "${tars[$i]}" "$ctx/rootfs.tar"
    local cmd='["bash"]' env="ENV LANG=C.UTF-8"
    if [[ $kind == python ]]; then
      local pyver
      pyver=$(tar -tf "${tars[$i]}" | grep -oE '^\./usr/bin/python3\.[0-9]+$' | head -n 1 | sed 's|.*python||')
      cmd='["python3"]'
      env="ENV LANG=C.UTF-8 PYTHON_VERSION=$pyver"
    fi
    cat >"$ctx/Dockerfile" <<EOF
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
$env
LABEL org.opencontainers.image.description="tf-multiarch-check sandbox stand-in for $name (Debian $suite)"
CMD $cmd
EOF
    local ref=$STAGING_REPO/$repo:$tag-$arch
    log "building and pushing $ref"
    docker buildx build --platform "linux/$arch" --provenance=false -t "$ref" --push "$ctx" \
      >"$RUN_DIR/build-$repo-$tag-$arch.log" 2>&1 ||
      die "building $ref failed; see $RUN_DIR/build-$repo-$tag-$arch.log"
    docker image rm "$ref" >/dev/null 2>&1 || true
    rm -rf "$ctx"
    refs+=("$ref")
  done
  docker buildx imagetools create -t "$REGISTRY/library/$repo:$tag" "${refs[@]}" >"$RUN_DIR/imagetools-$repo-$tag.log" 2>&1 ||
    die "joining ${refs[*]} failed; see $RUN_DIR/imagetools-$repo-$tag.log"
  echo "$IMAGE_REV" >"$(image_stamp "$name")"
  log "$name is in the mirror for ${ARCHES[*]}"
}

build_images() {
  local spec name suite kind
  for spec in "${IMAGES[@]}"; do
    IFS='|' read -r name suite kind <<<"$spec"
    build_image "$name" "$suite" "$kind"
  done
}

# ---------------------------------------------------------------------------------------------

cmd_up() {
  require_debian_root up
  mkdir -p "$RUN_DIR"
  local t0=$SECONDS
  install_packages
  setup_binfmt
  start_registry
  start_dockerd
  install_buildx
  build_images
  log "up in $((SECONDS - t0)) s"
  cmd_status
}

cmd_status() {
  local owner
  echo "cache: $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1))"
  if docker info >/dev/null 2>&1; then
    owner="not started by this script"
    pid_alive "$RUN_DIR/dockerd.pid" && owner="pid $(cat "$RUN_DIR/dockerd.pid"), started by this script"
    echo "dockerd: running, $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}') ($owner)"
    echo "mirrors: $(docker info --format '{{json .RegistryConfig.Mirrors}}')"
  else
    echo "dockerd: not running"
  fi
  if docker buildx version >/dev/null 2>&1; then
    echo "buildx: $(docker buildx version)"
    if docker info >/dev/null 2>&1; then
      docker buildx inspect 2>/dev/null | grep -E '^(Name|Driver|Platforms):' | sed 's/^/  /' || true
    fi
  else
    echo "buildx: not installed"
  fi
  local h handlers=()
  for h in /proc/sys/fs/binfmt_misc/qemu-*; do
    [[ -e $h ]] && grep -q '^enabled' "$h" && handlers+=("${h##*/}")
  done
  echo "binfmt: ${handlers[*]:-no QEMU handlers registered}"
  if registry_up; then
    owner="not started by this script"
    pid_alive "$RUN_DIR/registry.pid" && owner="pid $(cat "$RUN_DIR/registry.pid")"
    echo "registry: $MIRROR_URL ($owner)"
    local spec name
    for spec in "${IMAGES[@]}"; do
      name=${spec%%|*}
      local manifest
      manifest=$(curl -fsS -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' \
        "$MIRROR_URL/v2/library/${name%%:*}/manifests/${name#*:}" 2>/dev/null) || {
        echo "  $name: missing"
        continue
      }
      echo "  $name: $(grep -oE '"architecture": *"[^"]+"' <<<"$manifest" | sed -E 's/.*"([^"]+)"$/linux\/\1/' | paste -sd ' ')"
    done
  else
    echo "registry: not running"
  fi
}

stop_pid() { # name pidfile
  local name=$1 file=$2
  if ! pid_alive "$file"; then
    rm -f "$file"
    return
  fi
  local pid
  pid=$(cat "$file")
  log "stopping $name (pid $pid)"
  # It may end on its own meanwhile: not an error.
  kill "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

cmd_down() {
  require_debian_root down
  stop_pid dockerd "$RUN_DIR/dockerd.pid"
  stop_pid registry "$RUN_DIR/registry.pid"
  log "down; the cache in $CACHE is kept"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *)
    echo "usage: $0 up|status|down" >&2
    exit 2
    ;;
esac
