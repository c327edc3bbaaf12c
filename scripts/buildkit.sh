#!/usr/bin/env bash
# The sandbox's moby/buildkit: BuildKit built from Debian's packaged sources, as the image that
# `docker buildx create --driver docker-container` pulls (moby/buildkit:buildx-stable-1), served
# by the loopback registry that mirrors Docker Hub for the engines. No BuildKit image can be
# pulled here; Debian's newest suite ships BuildKit's sources inside
# golang-github-docker-docker-dev (the version its Docker Engine vendors), with the Go toolchain
# and the libraries they import as packages of their own.
#
#   scripts/buildkit.sh FORKY_ROOTFS_TAR [--binaries-only]
#     called by sandbox.sh up; CACHE, REGISTRY, ENGINE_BIN, RUN_DIR and CLASSIC_HOST (the classic
#     engine, which builds and pushes the image) come from its environment
#
# Built in a chroot of the sandbox's own forky root filesystem (never over the machine's files):
# GOPATH mode, as Debian builds docker.io; static binaries (CGO off). Two packages BuildKit
# imports are in no Debian package and come from docker.io's own vendor tree (its source
# tarball); the fuse-overlayfs and stargz snapshotters are left out (buildkit/no-fuse-stargz.patch:
# the first is not packaged, the second is packaged for the containerd 1 API only).
set -euo pipefail

readonly ROOTFS_TAR=$1
readonly BUILDKIT_REV=1
readonly WORK=$CACHE/buildkit
readonly OUT=$WORK/bin-r$BUILDKIT_REV
readonly IMAGE=$REGISTRY/moby/buildkit
readonly SCANNER=$REGISTRY/docker/buildkit-syft-scanner
readonly HERE=$(cd "$(dirname "$0")" && pwd)
# The classic engine builds and pushes the image.
readonly CLASSIC_HOST=${CLASSIC_HOST:?set CLASSIC_HOST to the DOCKER_HOST of the classic engine}
# What golang-github-docker-docker-dev's BuildKit imports beyond that package's own dependencies.
readonly GO_DEBS=(golang-go golang-github-docker-docker-dev golang-github-azure-azure-sdk-for-go-dev
  golang-github-agext-levenshtein-dev golang-github-containerd-accelerated-container-image-dev
  golang-github-gofrs-flock-dev golang-github-google-shlex-dev
  golang-github-hashicorp-go-immutable-radix-v2-dev golang-github-package-url-packageurl-go-dev
  golang-github-pkg-profile-dev golang-github-spdx-tools-golang-dev
  golang-github-tonistiigi-go-archvariant-dev)

log() { printf '[sandbox] %s\n' "$*" >&2; }
die() {
  printf '[sandbox] error: %s\n' "$*" >&2
  exit 1
}

# A chroot of the forky root filesystem (its device nodes come with it): its own /proc, the
# host DNS configuration. Made inside logged's subshell, so the shell that calls logged puts the
# directory in ROOTS first, for cleanup to unmount and remove it at exit.
ROOTS=()
cleanup() {
  local r
  for r in "${ROOTS[@]}"; do
    if mountpoint -q "$r/proc"; then umount "$r/proc" || umount -l "$r/proc"; fi
    rm -rf --one-file-system "$r"
  done
}
trap cleanup EXIT

new_root() { # dir
  local r=$1
  [[ -f $ROOTFS_TAR ]] || die "no root filesystem at $ROOTFS_TAR"
  rm -rf --one-file-system "$r" && mkdir -p "$r"
  tar --numeric-owner -xpf "$ROOTFS_TAR" -C "$r"
  cp /etc/resolv.conf "$r/etc/resolv.conf"
  mount -t proc proc "$r/proc"
}

apt_update() { # dir
  # The mirror's Release file of the newest suite may read as expired against this clock.
  in_root "$1" apt-get -qq -o Acquire::Check-Valid-Until=false update
}

in_root() { # dir command...
  local r=$1
  shift
  DEBIAN_FRONTEND=noninteractive chroot "$r" env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"
}

# Runs a function with its output in a log, stopped at its first failing command, and dies
# naming the log if it failed. (set -e does not apply inside a command left of ||.)
logged() { # what log function...
  local what=$1 log=$2 rc
  shift 2
  set +e
  (
    set -e
    "$@"
  ) >"$log" 2>&1
  rc=$?
  set -e
  ((rc == 0)) || die "$what failed; see $log"
}

binaries_steps() { # root
  local r=$1
  new_root "$r"
  sed 's/^deb /deb-src /' "$r/etc/apt/sources.list" >"$r/etc/apt/sources.list.d/deb-src.list"
  apt_update "$r"
  in_root "$r" apt-get install -y -qq --no-install-recommends "${GO_DEBS[@]}" patch xz-utils
  # A private GOPATH: the packaged tree stays as installed.
  mkdir -p "$r/build/gopath"
  cp -a "$r/usr/share/gocode/src" "$r/build/gopath/src"
  local bk=$r/build/gopath/src/github.com/moby/buildkit
  # As Debian does for docker/docker: a go.mod lets GOPATH mode map .../v2 imports to the
  # packages' unsuffixed directories.
  echo 'module github.com/moby/buildkit' >"$bk/go.mod"
  # The source tarball's vendor tree (the .dsc itself may be gone from the mirror: only the
  # tarball is needed).
  in_root "$r" sh -c 'mkdir -p /build/src && cd /build/src && apt-get source --download-only docker.io' || true
  local orig
  orig=$(ls "$r"/build/src/docker.io_*.orig.tar.xz) || die "no docker.io source tarball"
  tar -xJf "$orig" -C "$r/build/src" --wildcards \
    '*/engine/vendor.mod' \
    '*/engine/vendor/github.com/moby/profiles/seccomp/*' \
    '*/engine/vendor/github.com/tonistiigi/go-actions-cache/*'
  local vendor
  vendor=$(ls -d "$r"/build/src/*/engine/vendor)
  mkdir -p "$r/build/gopath/src/github.com/moby/profiles" "$r/build/gopath/src/github.com/tonistiigi"
  cp -a "$vendor/github.com/moby/profiles/seccomp" "$r/build/gopath/src/github.com/moby/profiles/"
  cp -a "$vendor/github.com/tonistiigi/go-actions-cache" "$r/build/gopath/src/github.com/tonistiigi/"
  patch -d "$bk" -p1 <"$HERE/buildkit/no-fuse-stargz.patch"
  local version revision
  version=v$(sed -nE 's/^\s*github.com\/moby\/buildkit v([0-9.]+).*/\1/p' "${vendor%/vendor}/vendor.mod" | head -n 1)
  revision=debian-$(in_root "$r" dpkg-query -W -f='${Version}' golang-github-docker-docker-dev)
  [[ $version != v ]] || die "no BuildKit version in docker.io's vendor.mod"
  local flags="-s -w -X github.com/moby/buildkit/version.Version=$version"
  flags+=" -X github.com/moby/buildkit/version.Package=github.com/moby/buildkit"
  flags+=" -X github.com/moby/buildkit/version.Revision=$revision"
  in_root "$r" env GOPATH=/build/gopath GO111MODULE=off CGO_ENABLED=0 GOTOOLCHAIN=local \
    GOCACHE=/build/gocache GOFLAGS= sh -c "cd /build/gopath/src/github.com/moby/buildkit &&
      go build -trimpath -ldflags '$flags' -o /build/out/buildctl ./cmd/buildctl &&
      go build -trimpath -ldflags '$flags' -o /build/out/buildkitd ./cmd/buildkitd"
  mkdir -p "$OUT.part"
  cp "$r/build/out/buildkitd" "$r/build/out/buildctl" "$OUT.part/"
}

build_binaries() {
  [[ -x $OUT/buildkitd && -x $OUT/buildctl ]] && return
  local t0=$SECONDS
  log "building buildkitd and buildctl from Debian's packaged sources (about 6 minutes)"
  ROOTS+=("$WORK/build-root")
  logged "building BuildKit" "$RUN_DIR/buildkit-build.log" binaries_steps "$WORK/build-root"
  rm -rf "$OUT" && mv "$OUT.part" "$OUT"
  log "BuildKit built in $((SECONDS - t0)) s"
}

image_present() {
  [[ $(cat "$WORK/image.rev" 2>/dev/null) == "$BUILDKIT_REV" ]] &&
    curl -fsS -o /dev/null "http://$REGISTRY/v2/moby/buildkit/manifests/buildx-stable-1" 2>/dev/null
}


# The image: the forky root filesystem with runc and the QEMU user emulators BuildKit names
# buildkit-qemu-* (used where the host has no binfmt handler), buildkitd as its entrypoint.
image_steps() { # root ctx
  local r=$1 ctx=$2 q
  new_root "$r"
  apt_update "$r"
  in_root "$r" apt-get install -y -qq --no-install-recommends runc qemu-user
  install -m 0755 "$OUT/buildkitd" "$OUT/buildctl" "$r/usr/bin/"
  for q in aarch64 arm riscv64 ppc64le s390x; do
    if [[ -x $r/usr/bin/qemu-$q ]]; then cp "$r/usr/bin/qemu-$q" "$r/usr/bin/buildkit-qemu-$q"; fi
  done
  find "$r/usr/bin" -name 'qemu-*' -delete
  rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/var/cache/apt/archives/*.deb
  umount "$r/proc"
  rm -rf "$ctx" && mkdir -p "$ctx"
  tar --numeric-owner -C "$r" -cf "$ctx/rootfs.tar" .
  cat >"$ctx/Dockerfile" <<EOF
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
VOLUME /var/lib/buildkit
LABEL org.opencontainers.image.description="tf-multiarch-check sandbox stand-in for moby/buildkit ($version, built from Debian's packaged sources)"
ENTRYPOINT ["buildkitd"]
EOF
  DOCKER_HOST=$CLASSIC_HOST "$ENGINE_BIN/docker" buildx build --platform linux/amd64 --provenance=false \
    -t "$IMAGE:buildx-stable-1" -t "$IMAGE:$version" --push "$ctx"
  DOCKER_HOST=$CLASSIC_HOST "$ENGINE_BIN/docker" image rm "$IMAGE:buildx-stable-1" "$IMAGE:$version" || true
  rm -rf "$ctx"
}

build_image() {
  image_present && return
  log "building and pushing $IMAGE:buildx-stable-1 ($version)"
  ROOTS+=("$WORK/image-root")
  logged "building the BuildKit image" "$RUN_DIR/buildkit-image.log" \
    image_steps "$WORK/image-root" "$WORK/image-ctx"
  echo "$BUILDKIT_REV" >"$WORK/image.rev"
  log "moby/buildkit:buildx-stable-1 ($version) is in the mirror"
}

# docker/buildkit-syft-scanner:stable-1, which `--sbom=true` runs: no Syft can be had here, so the
# stand-in is scripts/sbom-scanner.py (BuildKit's SBOM generator protocol) on the mirror's
# python:3.13-slim, built again when the script or the steps below change.
scanner_steps() { # ctx
  local ctx=$1
  rm -rf "$ctx" && mkdir -p "$ctx"
  cp "$HERE/sbom-scanner.py" "$ctx/"
  cat >"$ctx/Dockerfile" <<EOF
FROM python:3.13-slim
COPY sbom-scanner.py /usr/local/bin/
LABEL org.opencontainers.image.description="tf-multiarch-check sandbox stand-in for docker/buildkit-syft-scanner (BuildKit's SBOM generator protocol, Debian and Python packages)"
ENTRYPOINT ["python3", "/usr/local/bin/sbom-scanner.py"]
EOF
  DOCKER_HOST=$CLASSIC_HOST "$ENGINE_BIN/docker" buildx build --platform linux/amd64 --provenance=false \
    -t "$SCANNER:stable-1" --push "$ctx"
  DOCKER_HOST=$CLASSIC_HOST "$ENGINE_BIN/docker" image rm "$SCANNER:stable-1" || true
  rm -rf "$ctx"
}

scanner_rev() { { cat "$HERE/sbom-scanner.py" && declare -f scanner_steps; } | sha256sum | cut -c1-16; }

scanner_present() {
  [[ $(cat "$WORK/scanner.rev" 2>/dev/null) == "$(scanner_rev)" ]] &&
    curl -fsS -o /dev/null "http://$REGISTRY/v2/docker/buildkit-syft-scanner/manifests/stable-1" 2>/dev/null
}

build_scanner() {
  scanner_present && return
  log "building and pushing $SCANNER:stable-1"
  logged "building the SBOM scanner image" "$RUN_DIR/buildkit-scanner.log" scanner_steps "$WORK/scanner-ctx"
  scanner_rev >"$WORK/scanner.rev"
  log "docker/buildkit-syft-scanner:stable-1 (the sandbox's stand-in) is in the mirror"
}

mkdir -p "$WORK"
build_binaries
# As the binary says it (v0.25.2): the image's tag, and what sandbox.sh status shows.
version=$("$OUT/buildkitd" --version | awk '{print $3}')
echo "$version" >"$WORK/version"
if [[ ${2:-} != --binaries-only ]]; then
  build_image
  build_scanner
fi
