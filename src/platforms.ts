import { InputError } from './errors.js'

/** An OCI platform as Docker spells it: os/arch[/variant]. */
export interface Platform {
  os: string
  arch: string
  variant?: string
}

// Architectures Docker builds for on Linux (the GOARCH names the OCI image spec uses), with the
// variants each accepts. TensorFlow publishes wheels only for amd64 and arm64; the rest are valid
// platforms that the check reports as unsupported rather than rejecting as typos.
const LINUX_ARCHES: Record<string, readonly string[]> = {
  amd64: ['v1', 'v2', 'v3', 'v4'],
  arm64: ['v8'],
  arm: ['v5', 'v6', 'v7'],
  '386': [],
  ppc64le: [],
  s390x: [],
  riscv64: [],
  mips64le: [],
  loong64: [],
}

/** binfmt_misc / QEMU names of each architecture. */
const QEMU_NAMES: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  arm: 'arm',
  '386': 'i386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64el',
  loong64: 'loongarch64',
}

export const EXAMPLE_PLATFORMS = 'linux/amd64, linux/arm64'

/** Parses and normalises one platform; `linux/arm64/v8` becomes `linux/arm64` as Docker does. */
export function parsePlatform(raw: string, inputName = 'platforms'): Platform {
  const value = raw.trim().toLowerCase()
  const parts = value.split('/')
  const bad = (why: string): InputError =>
    new InputError(
      `${inputName}: '${raw.trim()}' is not a platform: ${why}; expected os/arch[/variant], e.g. ${EXAMPLE_PLATFORMS}`,
    )
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw bad('it must have two or three parts separated by /')
  }
  const [os, arch, variant] = parts as [string, string, string | undefined]
  if (os !== 'linux') {
    throw bad(`only linux images can run TensorFlow in Docker, not '${os}'`)
  }
  const variants = LINUX_ARCHES[arch]
  if (!variants) {
    throw bad(`unknown architecture '${arch}' (known: ${Object.keys(LINUX_ARCHES).join(', ')})`)
  }
  if (variant !== undefined && !variants.includes(variant)) {
    throw bad(`unknown variant '${variant}' for ${arch}`)
  }
  // Docker normalises arm64/v8 to arm64 and amd64/v1 to amd64; so do we, so that a platform is
  // spelled one way in tags, statuses and results.
  if ((arch === 'arm64' && variant === 'v8') || (arch === 'amd64' && variant === 'v1')) {
    return { os, arch }
  }
  if (arch === 'arm' && variant === undefined) return { os, arch, variant: 'v7' }
  return variant === undefined ? { os, arch } : { os, arch, variant }
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.arch, p.variant].filter(Boolean).join('/')
}

/**
 * Parses a comma- or newline-separated platform list, dropping duplicates (after normalisation)
 * and keeping the order given.
 */
export function parsePlatformList(raw: string, inputName = 'platforms'): Platform[] {
  const items = raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (items.length === 0) {
    throw new InputError(
      `${inputName}: the list is empty; name at least one platform, e.g. ${EXAMPLE_PLATFORMS}`,
    )
  }
  const seen = new Set<string>()
  const out: Platform[] = []
  for (const item of items) {
    const p = parsePlatform(item, inputName)
    const key = formatPlatform(p)
    if (!seen.has(key)) {
      seen.add(key)
      out.push(p)
    }
  }
  return out
}

/** The Docker architecture of the machine this process runs on (Node's process.arch). */
export function hostArch(nodeArch: string = process.arch): string {
  const map: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
  }
  return map[nodeArch] ?? nodeArch
}

/** Whether the host's CPU runs the platform without an emulator. */
export function isNative(p: Platform, host: string = hostArch()): boolean {
  if (p.arch === host) return true
  // x86-64 CPUs run 32-bit x86 code natively.
  return host === 'amd64' && p.arch === '386'
}

/** The name QEMU and binfmt_misc use for the platform's architecture (qemu-<name>). */
export function qemuName(p: Platform): string {
  return QEMU_NAMES[p.arch] ?? p.arch
}

/** Platforms for which TensorFlow publishes Linux wheels at all. */
export function tensorflowHasWheels(p: Platform): boolean {
  return p.arch === 'amd64' || p.arch === 'arm64'
}

/** A string safe in image tags and container names: linux/arm/v7 -> linux-arm-v7. */
export function platformSlug(p: Platform): string {
  return formatPlatform(p).replace(/\//g, '-')
}
