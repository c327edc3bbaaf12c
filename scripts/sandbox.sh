#!/usr/bin/env bash
# A real multi-arch Docker sandbox on one Debian machine: the Docker engines GitHub's runners
# have today, buildx, QEMU binfmt handlers, a loopback registry serving as the engines' Docker
# Hub mirror, and locally built multi-arch stand-ins for the Docker Hub base images the tests use.
#
# Two engines of Docker Engine 28.5 (with containerd 2.1 and buildx 0.29, from Debian's newest
# suite), side by side, each with its own socket, data root, exec root and bridge:
#   classic      the classic image store, as on ubuntu-24.04 and ubuntu-24.04-arm
#   containerd   the containerd image store, as Docker 29 installs itself (ubuntu-26.04)
#
#   scripts/sandbox.sh up            bring everything up (idempotent; reuses the cache)
#   scripts/sandbox.sh status        print what runs and which images and platforms exist
#   scripts/sandbox.sh host ENGINE   print the DOCKER_HOST of an engine (classic, containerd)
#   scripts/sandbox.sh bin           print the directory of the engines' docker client
#   scripts/sandbox.sh registry      print the loopback registry's address (host:port)
#   scripts/sandbox.sh buildkit-config
#                                    print a buildkitd.toml that sends Docker Hub pulls to it
#   scripts/sandbox.sh down          stop what `up` started (by PID); keep the cache
#
# Environment:
#   TFMC_SANDBOX_CACHE   cache directory (default /var/cache/tf-multiarch-check/sandbox)
#   TFMC_DEBIAN_MIRROR   Debian mirror for debootstrap (default: the first one in apt's sources)
#   TFMC_REGISTRY_PORT   loopback port of the registry (default 5000)
#   TFMC_ENGINE_SUITE    Debian suite the engines come from (default forky)
set -euo pipefail

# Bump when the stand-in images change in a way a cached copy would not show; ROOTFS_REV when
# their root filesystems do (that redoes the debootstraps, which take most of a fresh `up`).
readonly IMAGE_REV=2
readonly ROOTFS_REV=1
readonly CACHE=${TFMC_SANDBOX_CACHE:-/var/cache/tf-multiarch-check/sandbox}
readonly RUN_DIR=$CACHE/run
readonly REGISTRY_PORT=${TFMC_REGISTRY_PORT:-5000}
readonly REGISTRY=127.0.0.1:$REGISTRY_PORT
readonly MIRROR_URL=http://$REGISTRY
# Per-arch images live in their own repository so the mirror never serves a Docker Hub name
# that does not exist upstream (such as python:3.11-slim-arm64).
readonly STAGING_REPO=$REGISTRY/tfmc-sandbox
readonly ARCHES=(amd64 arm64)
# Debian 12's runc (1.1.5) runs under containerd 2.1; the newest suite's runc needs a newer glibc.
readonly PACKAGES=(qemu-user-static binfmt-support debootstrap docker-registry runc iptables iproute2 curl)
readonly ENGINE_SUITE=${TFMC_ENGINE_SUITE:-forky}
# The engine's packages, taken apart into a private directory; nothing is installed over the
# machine's own files.
readonly ENGINE_DEBS=(docker.io docker-cli containerd docker-buildx tini-static)
readonly ENGINE_DIR=$CACHE/engine-$ENGINE_SUITE
readonly ENGINE_BIN=$ENGINE_DIR/bin
# Searched by the docker client before /usr/libexec; a buildx of the machine's own elsewhere stays.
readonly BUILDX_PLUGIN=/usr/local/libexec/docker/cli-plugins/docker-buildx
readonly ENGINES=(classic containerd)
# Sockets and exec roots live under /run (tmpfs: gone at reboot, like any engine's).
readonly ENGINE_RUN=/run/tfmc-sandbox
# The suite whose packaged sources BuildKit is built from (its docker.io vendors that BuildKit),
# on the root filesystem of the python:3.14-slim stand-in.
readonly BUILDKIT_SUITE=forky

# name | Debian suite | kind (python: python, pip and venv; plain: Debian as it is)
readonly IMAGES=(
  "python:3.9-slim|bullseye|python"
  "python:3.11-slim|bookworm|python"
  "python:3.13-slim|trixie|python"
  "python:3.14-slim|forky|python"
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

# The engines runners have today are not in Debian 12. Take dockerd, docker-proxy, the client,
# containerd with its runc shim, and buildx out of the newest suite's packages (static but for
# glibc 2.34, which Debian 12 has), through a private apt configuration: no source is added to
# the machine's own lists and nothing else can upgrade.
install_engine() {
  local stamp=$ENGINE_DIR/installed
  # docker-init came later (a builder's container, `docker run --init`): a copy without it is redone.
  if [[ ! -f $stamp || ! -x $ENGINE_BIN/docker-init ]]; then
    local work=$ENGINE_DIR/apt mirror
    mirror=$(debian_mirror)
    rm -rf "$work" && mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs"
    log "fetching ${ENGINE_DEBS[*]} from Debian $ENGINE_SUITE"
    printf 'deb %s %s main\n' "$mirror" "$ENGINE_SUITE" >"$work/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
      -o Debug::NoLocking=1 -o APT::Get::List-Cleanup=0)
    apt-get "${opts[@]}" update -qq >"$RUN_DIR/engine-apt.log" 2>&1 ||
      die "apt-get update for $ENGINE_SUITE failed; see $RUN_DIR/engine-apt.log"
    (cd "$work/debs" && apt-get "${opts[@]}" download "${ENGINE_DEBS[@]}" >>"$RUN_DIR/engine-apt.log" 2>&1) ||
      die "apt-get download ${ENGINE_DEBS[*]} failed; see $RUN_DIR/engine-apt.log"
    local x=$work/extract deb
    rm -rf "$x" "$ENGINE_BIN" && mkdir -p "$x" "$ENGINE_BIN"
    for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$x"; done
    local f
    for f in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/docker usr/bin/containerd \
      usr/bin/containerd-shim-runc-v2 usr/bin/ctr usr/libexec/docker/cli-plugins/docker-buildx; do
      [[ -f $x/$f ]] || die "$f is not in the $ENGINE_SUITE packages (${ENGINE_DEBS[*]})"
      install -m 0755 "$x/$f" "$ENGINE_BIN/${f##*/}"
    done
    # The init a container started with init gets (docker.io links docker-init to it); dockerd
    # finds it on its PATH.
    [[ -f $x/usr/bin/tini-static ]] || die "tini-static is not in the $ENGINE_SUITE packages"
    install -m 0755 "$x/usr/bin/tini-static" "$ENGINE_BIN/docker-init"
    (cd "$work/debs" && ls) >"$stamp"
    rm -rf "$work"
  fi
  "$ENGINE_BIN/dockerd" --version >/dev/null || die "$ENGINE_BIN/dockerd does not run on this machine"
  # The client finds plugins by directory; ours goes where the client looks before Debian's, and
  # never over a plugin of the machine's own.
  if [[ ! -e $BUILDX_PLUGIN ]] || cmp -s "$BUILDX_PLUGIN.tfmc" "$BUILDX_PLUGIN"; then
    if ! cmp -s "$ENGINE_BIN/docker-buildx" "$BUILDX_PLUGIN"; then
      install -D -m 0755 "$ENGINE_BIN/docker-buildx" "$BUILDX_PLUGIN"
      cp "$BUILDX_PLUGIN" "$BUILDX_PLUGIN.tfmc"
    fi
  fi
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

engine_root() { echo "$ENGINE_RUN/$1"; }
engine_host() { echo "unix://$ENGINE_RUN/$1/docker.sock"; }
engine_pidfile() { echo "$RUN_DIR/dockerd-$1.pid"; }
edocker() { # engine args...: the engines' own client, against that engine
  local e=$1
  shift
  DOCKER_HOST=$(engine_host "$e") "$ENGINE_BIN/docker" "$@"
}

write_daemon_config() { # engine
  local e=$1 out=$RUN_DIR/daemon-$1.json
  # Start from the machine's own daemon.json, if any (DNS, proxies), without ever writing to it;
  # what makes this engine its own (socket, roots, bridge, image store) is ours.
  python3 - "$out" "$MIRROR_URL" "$e" "$(engine_root "$e")" "$CACHE/engines/$e" "$(engine_pidfile "$e")" "tfmc-$e" <<'EOF'
import json, os, sys
out, mirror, engine, root, data, pidfile, bridge = sys.argv[1:]
cfg = {}
if os.path.exists("/etc/docker/daemon.json"):
    with open("/etc/docker/daemon.json") as f:
        cfg = json.load(f)
for key in ("hosts", "bip", "default-address-pools", "containerd", "data-root", "exec-root"):
    cfg.pop(key, None)
mirrors = cfg.setdefault("registry-mirrors", [])
if mirror not in mirrors:
    mirrors.insert(0, mirror)
cfg.update({
    "hosts": ["unix://%s/docker.sock" % root],
    "data-root": data,
    "exec-root": root + "/exec",
    "pidfile": pidfile,
    "bridge": bridge,
})
cfg.setdefault("features", {})["containerd-snapshotter"] = engine == "containerd"
# No build-cache garbage collection in the middle of a test run: BuildKit's default policy
# collects whenever the disk's free space falls under a fifth of it, and a collection on the
# classic store left records of base-image layers whose directories it had removed ("failed to
# prepare ... invalid output path: stat .../overlay2/...: no such file or directory"), failing
# every later build FROM those images. The tests' teardown empties the cache to a bound instead.
cfg.setdefault("builder", {})["gc"] = {"enabled": False}
with open(out, "w") as f:
    json.dump(cfg, f, indent=2)
EOF
}

# Each engine has a bridge of its own, so that two engines never fight over docker0.
ensure_bridge() { # engine index
  local name=tfmc-$1 net=172.30.$((10 + $2))
  if ! ip link show "$name" >/dev/null 2>&1; then
    ip link add name "$name" type bridge || die "cannot create the bridge $name"
    ip addr add "$net.1/24" dev "$name"
  fi
  ip link set "$name" up
}

# A dockerd that was killed leaves its pid file behind, and a new one refuses to start while
# that pid exists: a dying daemon, or a zombie its parent has not reaped yet. Wait for the old
# one to go; a pid that is no dockerd of ours (a zombie, or a reused pid) is stale.
# Returns 0 when it found one: the engine did not stop cleanly.
clear_stale_pidfile() { # pidfile
  local file=$1 pid i
  [[ -f $file ]] || return 1
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
# waiting for it. Called only when its engine does not answer: it belongs to nobody, so stop it.
stop_orphan_containerd() { # engine
  local file
  file=$(engine_root "$1")/exec/containerd/containerd.pid
  if [[ -f $file && $(cat "/proc/$(cat "$file")/comm" 2>/dev/null) == containerd ]]; then
    stop_pid "orphaned containerd of the $1 engine" "$file"
  fi
  rm -f "$file"
}

# The single Debian 12 engine (20.10) that earlier versions of this script started: ours, so
# stopped, and its docker0 and socket are left to whatever else uses them.
stop_old_engine() {
  stop_pid "the sandbox's earlier dockerd (Docker 20.10)" "$RUN_DIR/dockerd.pid"
}

# An engine that did not stop cleanly (killed, or the machine went down under it) may leave
# BuildKit's records of cached steps whose layer directories never reached the disk; every build
# on such a step then fails with "failed to prepare ... no such file or directory". Its build
# cache is not trusted: emptied at once (images, the base images among them, are kept).
empty_build_cache() { # engine
  log "the $1 engine did not stop cleanly: emptying its build cache"
  edocker "$1" builder prune -af >/dev/null || die "cannot empty the build cache of the $1 engine"
}

start_engine() { # engine index
  local e=$1 n=$2
  if edocker "$e" info >/dev/null 2>&1; then return; fi
  mkdir -p "$(engine_root "$e")" "$CACHE/engines/$e"
  ensure_bridge "$e" "$n"
  write_daemon_config "$e"
  local attempt i log=$RUN_DIR/dockerd-$e.log unclean=
  for attempt in 1 2; do
    clear_stale_pidfile "$(engine_pidfile "$e")" && unclean=1
    stop_orphan_containerd "$e"
    log "starting the $e engine (log: $log)"
    # dockerd starts a containerd of its own and finds the shim and docker-proxy on its PATH.
    PATH=$ENGINE_BIN:$PATH setsid -f "$ENGINE_BIN/dockerd" --config-file "$RUN_DIR/daemon-$e.json" \
      >>"$log" 2>&1 </dev/null
    for i in $(seq 1 60); do
      if edocker "$e" info >/dev/null 2>&1; then
        [[ -z $unclean ]] || empty_build_cache "$e"
        return
      fi
      sleep 1
      # It gave up (what a killed daemon left behind was still going away): once more.
      if ((i >= 3)) && ! pgrep -f "dockerd --config-file $RUN_DIR/daemon-$e.json" >/dev/null; then
        log "the $e engine exited while starting (attempt $attempt)"
        break
      fi
    done
  done
  tail -n 20 "$log" >&2 || true
  die "the $e engine did not answer within 60 s; see $log"
}

# Two engines share the host's iptables: each rebuilds Docker's forwarding chains for its own
# bridge only, and the FORWARD policy is DROP, so the engine that started first loses its
# network (builds then fail with "Temporary failure in name resolution"). DOCKER-USER is the
# chain Docker consults first and leaves to the administrator: allow our bridges there.
allow_bridges() {
  local rule
  for rule in "-i tfmc-+ -j ACCEPT" "-o tfmc-+ -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"; do
    # shellcheck disable=SC2086 # the rule is words on purpose
    iptables -C DOCKER-USER $rule 2>/dev/null || iptables -I DOCKER-USER $rule ||
      die "cannot add 'iptables -I DOCKER-USER $rule'"
  done
}

start_engines() {
  stop_old_engine
  local i
  for i in "${!ENGINES[@]}"; do start_engine "${ENGINES[$i]}" "$i"; done
  allow_bridges
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
  rm -rf "$dir" && mkdir -p "$dir" "$CACHE/debs/$suite-$arch-$kind"
  log "debootstrap $suite $arch ($kind); arm64 on an x86-64 host runs its second stage under QEMU"
  local t0=$SECONDS try script=
  # Debian 12's debootstrap may predate the newest suite; every suite's script is sid's.
  [[ -e /usr/share/debootstrap/scripts/$suite ]] || script=/usr/share/debootstrap/scripts/sid
  # A mirror that drops one download ("Couldn't download packages: ...") fails the whole run:
  # try again (what was fetched stays in the cache directory), three times at most.
  for try in 1 2 3; do
    debootstrap --variant=minbase --arch="$arch" ${include:+--include="$include"} \
      --cache-dir="$CACHE/debs/$suite-$arch-$kind" "$suite" "$dir" "$(debian_mirror)" $script \
      >"$RUN_DIR/debootstrap-$suite-$arch-$kind.log" 2>&1 && break
    ((try < 3)) || die "debootstrap $suite $arch failed; see $RUN_DIR/debootstrap-$suite-$arch-$kind.log"
    log "debootstrap $suite $arch ($kind) failed (attempt $try); trying again"
    rm -rf "$dir" && mkdir -p "$dir" && sleep $((try * 10))
  done

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
  local arch tars=()
  for arch in "${ARCHES[@]}"; do tars+=("$(rootfs_tar "$suite" "$arch" "$kind")"); done
  local refs=() i
  for i in "${!ARCHES[@]}"; do
    arch=${ARCHES[$i]}
    local ctx=$CACHE/images/ctx-$arch
    rm -rf "$ctx" && mkdir -p "$ctx"
    ln "${tars[$i]}" "$ctx/rootfs.tar" 2>/dev/null || cp "${tars[$i]}" "$ctx/rootfs.tar"
    # SSL_CERT_FILE: installers that do not read pip's configuration (uv, requests, poetry)
    # trust what the image's own bundle trusts, as pip does here.
    local cmd='["bash"]' env="ENV LANG=C.UTF-8 SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"
    if [[ $kind == python ]]; then
      local pyver
      pyver=$(tar -tf "${tars[$i]}" | grep -oE '^\./usr/bin/python3\.[0-9]+$' | head -n 1 | sed 's|.*python||')
      cmd='["python3"]'
      env="ENV LANG=C.UTF-8 SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PYTHON_VERSION=$pyver"
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
    edocker classic buildx build --platform "linux/$arch" --provenance=false -t "$ref" --push "$ctx" \
      >"$RUN_DIR/build-$repo-$tag-$arch.log" 2>&1 ||
      die "building $ref failed; see $RUN_DIR/build-$repo-$tag-$arch.log"
    edocker classic image rm "$ref" >/dev/null 2>&1 || true
    rm -rf "$ctx"
    refs+=("$ref")
  done
  edocker classic buildx imagetools create -t "$REGISTRY/library/$repo:$tag" "${refs[@]}" >"$RUN_DIR/imagetools-$repo-$tag.log" 2>&1 ||
    die "joining ${refs[*]} failed; see $RUN_DIR/imagetools-$repo-$tag.log"
  echo "$IMAGE_REV" >"$(image_stamp "$name")"
  log "$name is in the mirror for ${ARCHES[*]}"
}

rootfs_tar() { echo "$CACHE/rootfs/$1-$2-$3-r$ROOTFS_REV.tar"; } # suite arch kind

# Every missing root filesystem at once: the arm64 second stages run under QEMU, CPU-bound, and
# the amd64 ones and the downloads overlap with them.
build_rootfs_all() {
  mkdir -p "$CACHE/rootfs"
  local spec name suite kind arch pids=() t0=$SECONDS
  for spec in "${IMAGES[@]}"; do
    IFS='|' read -r name suite kind <<<"$spec"
    image_present "$name" && continue
    for arch in "${ARCHES[@]}"; do
      local tar
      tar=$(rootfs_tar "$suite" "$arch" "$kind")
      # Several images may share one root filesystem (same suite and kind): build it once.
      [[ -f $tar || -f $tar.building ]] && continue
      touch "$tar.building"
      (build_rootfs "$suite" "$arch" "$kind" "$tar" && rm -f "$tar.building") &
      pids+=($!)
    done
  done
  ((${#pids[@]})) || return 0
  local pid failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  rm -f "$CACHE"/rootfs/*.building
  ((failed == 0)) || die "building the root filesystems failed; see $RUN_DIR/debootstrap-*.log"
  log "${#pids[@]} root filesystems in $((SECONDS - t0)) s"
}

build_images() {
  build_rootfs_all
  local spec name suite kind
  for spec in "${IMAGES[@]}"; do
    IFS='|' read -r name suite kind <<<"$spec"
    build_image "$name" "$suite" "$kind"
  done
}

# moby/buildkit and the SBOM scanner --sbom=true runs, for docker-container builders
# (scripts/buildkit.sh): built once, then cached.
build_buildkit() {
  [[ $(host_arch) == amd64 ]] || die "the BuildKit stand-in is built for amd64 hosts only"
  env CACHE="$CACHE" REGISTRY="$REGISTRY" ENGINE_BIN="$ENGINE_BIN" RUN_DIR="$RUN_DIR" \
    CLASSIC_HOST="$(engine_host classic)" bash "$(dirname "$0")/buildkit.sh" \
    "$(rootfs_tar "$BUILDKIT_SUITE" amd64 python)"
}

# ---------------------------------------------------------------------------------------------

cmd_up() {
  require_debian_root up
  mkdir -p "$RUN_DIR"
  local t0=$SECONDS
  install_packages
  setup_binfmt
  start_registry
  install_engine
  start_engines
  build_images
  build_buildkit
  log "up in $((SECONDS - t0)) s"
  cmd_status
}

cmd_status() {
  local owner e
  echo "cache: $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1))"
  for e in "${ENGINES[@]}"; do
    if [[ -x $ENGINE_BIN/docker ]] && edocker "$e" info >/dev/null 2>&1; then
      owner="not started by this script"
      pid_alive "$(engine_pidfile "$e")" && owner="pid $(cat "$(engine_pidfile "$e")"), started by this script"
      echo "engine $e: running, $(edocker "$e" version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}'), $(edocker "$e" info --format 'storage driver {{.Driver}}{{range .DriverStatus}}{{if eq (index . 0) "driver-type"}} ({{index . 1}}){{end}}{{end}}') ($owner)"
      echo "  DOCKER_HOST=$(engine_host "$e")"
      echo "  mirrors: $(edocker "$e" info --format '{{json .RegistryConfig.Mirrors}}')"
      edocker "$e" buildx inspect 2>/dev/null | grep -m 3 -E '^(Name|Driver|Platforms):' | sed 's/^/  /' || true
    else
      echo "engine $e: not running"
    fi
  done
  if [[ -x $ENGINE_BIN/docker ]]; then
    echo "client: $("$ENGINE_BIN/docker" version --format '{{.Client.Version}}' 2>/dev/null) ($ENGINE_BIN/docker); buildx: $("$ENGINE_BIN/docker" buildx version 2>/dev/null || echo 'not installed')"
  else
    echo "client: not installed"
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
    if curl -fsS -o /dev/null "$MIRROR_URL/v2/moby/buildkit/manifests/buildx-stable-1" 2>/dev/null; then
      echo "  moby/buildkit:buildx-stable-1: linux/$(host_arch) ($(cat "$CACHE/buildkit/version" 2>/dev/null || echo '?'))"
    else
      echo "  moby/buildkit:buildx-stable-1: missing"
    fi
    if curl -fsS -o /dev/null "$MIRROR_URL/v2/docker/buildkit-syft-scanner/manifests/stable-1" 2>/dev/null; then
      echo "  docker/buildkit-syft-scanner:stable-1: linux/$(host_arch) (stand-in: scripts/sbom-scanner.py)"
    else
      echo "  docker/buildkit-syft-scanner:stable-1: missing"
    fi
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
  local e
  for e in "${ENGINES[@]}"; do stop_pid "the $e engine" "$(engine_pidfile "$e")"; done
  stop_old_engine
  stop_pid registry "$RUN_DIR/registry.pid"
  log "down; the cache in $CACHE is kept"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  host)
    [[ " ${ENGINES[*]} " == *" ${2:-} "* ]] || {
      echo "usage: $0 host ENGINE (one of: ${ENGINES[*]})" >&2
      exit 2
    }
    engine_host "$2"
    ;;
  bin) echo "$ENGINE_BIN" ;;
  registry) echo "$REGISTRY" ;;
  # BuildKit in a docker-container builder pulls for itself: Docker Hub through the mirror too
  # (the builder on the host's network, as the engines reach the registry).
  buildkit-config) printf '[registry."docker.io"]\n  mirrors = ["%s"]\n\n[registry."%s"]\n  http = true\n' "$REGISTRY" "$REGISTRY" ;;
  *)
    echo "usage: $0 up|status|down|host ENGINE|bin|registry|buildkit-config" >&2
    exit 2
    ;;
esac
