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
      inputName,
      `'${raw.trim()}' is not a platform: ${why}; expected os/arch[/variant], e.g. ${EXAMPLE_PLATFORMS}`,
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
      inputName,
      `the list is empty; name at least one platform, e.g. ${EXAMPLE_PLATFORMS}`,
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

// What each architecture calls itself from inside a container: `uname -m` (Python's
// platform.machine()), and the ELF header of its binaries. A 32-bit process run natively on its
// 64-bit sibling (linux/386 on x86-64, linux/arm on arm64) may see the 64-bit kernel's name, so
// uname is necessary but not enough: the interpreter's own ELF header settles what ran.
const MACHINES: Record<string, readonly string[]> = {
  amd64: ['x86_64'],
  arm64: ['aarch64'],
  arm: ['armv5l', 'armv5tel', 'armv5tejl', 'armv6l', 'armv7l', 'armv8l', 'aarch64'],
  '386': ['i386', 'i486', 'i586', 'i686', 'x86_64'],
  ppc64le: ['ppc64le'],
  s390x: ['s390x'],
  riscv64: ['riscv64'],
  mips64le: ['mips64'],
  loong64: ['loongarch64'],
}

/** ELF e_machine, word size and byte order of each architecture's binaries. */
const ELF: Record<string, { machine: number; bits: 32 | 64; littleEndian: boolean }> = {
  amd64: { machine: 62, bits: 64, littleEndian: true },
  arm64: { machine: 183, bits: 64, littleEndian: true },
  arm: { machine: 40, bits: 32, littleEndian: true },
  '386': { machine: 3, bits: 32, littleEndian: true },
  ppc64le: { machine: 21, bits: 64, littleEndian: true },
  s390x: { machine: 22, bits: 64, littleEndian: false },
  riscv64: { machine: 243, bits: 64, littleEndian: true },
  mips64le: { machine: 8, bits: 64, littleEndian: true },
  loong64: { machine: 258, bits: 64, littleEndian: true },
}

/**
 * The architecture whose own machine name this is (`docker info`'s Architecture is the engine's
 * `uname -m`): the one that lists it first (x86_64 is amd64, not 386; aarch64 is arm64, not
 * arm), else one that lists it at all (armv7l, i686). Docker's own names pass.
 */
export function archOfMachine(machine: string): string | null {
  if (machine in MACHINES) return machine
  const arches = Object.keys(MACHINES)
  return (
    arches.find((arch) => MACHINES[arch]![0] === machine) ??
    arches.find((arch) => MACHINES[arch]!.includes(machine)) ??
    null
  )
}

/** The uname machine names a process of this platform may report. */
export function machinesOf(p: Platform): readonly string[] {
  return MACHINES[p.arch] ?? []
}

/** Whether the interpreter's uname machine can belong to this platform. */
export function machineMatches(p: Platform, machine: string | null | undefined): boolean {
  return machine != null && machinesOf(p).includes(machine)
}

/** The header fields of an ELF binary, as the smoke script reads them. */
export interface ElfHeader {
  machine: number
  bits: number
  littleEndian: boolean
}

/** The Docker architecture an ELF binary is for, or null for one the tool does not know. */
export function elfArch(h: ElfHeader): string | null {
  const hit = Object.entries(ELF).find(
    ([, e]) => e.machine === h.machine && e.bits === h.bits && e.littleEndian === h.littleEndian,
  )
  return hit ? hit[0] : null
}

/** Every platform the tool accepts, each spelled as parsePlatform spells it. */
export function acceptedPlatforms(): Platform[] {
  const names = Object.entries(LINUX_ARCHES).flatMap(([arch, variants]) => [
    `linux/${arch}`,
    ...variants.map((v) => `linux/${arch}/${v}`),
  ])
  return parsePlatformList(names.join(','))
}

/**
 * The platform an image's configuration declares, in the tool's spelling (variant normalised as
 * parsePlatform does), or null when the configuration does not say.
 */
export function declaredPlatform(
  os: string | null | undefined,
  architecture: string | null | undefined,
  variant?: string | null,
): string | null {
  if (!os || !architecture) return null
  try {
    return formatPlatform(
      parsePlatform([os, architecture, variant].filter(Boolean).join('/'), 'image'),
    )
  } catch {
    // An architecture the tool does not accept: spell it as the image does.
    return [os, architecture, variant].filter(Boolean).join('/')
  }
}
