import { type Arch, ARCHES, archRow, hostArch, isArch } from './arches.js'
import { InputError } from './errors.js'

/**
 * An OCI platform as Docker spells it, os/arch[/variant], parsed once. `id` is its one spelling
 * in tags, statuses, logs and results: linux/arm64, linux/arm/v7.
 */
export interface Platform {
  readonly os: 'linux'
  readonly arch: Arch
  readonly variant?: string
  readonly id: string
}

export const EXAMPLE_PLATFORMS = 'linux/amd64, linux/arm64'

/** The value for an architecture and a variant already normalised. */
function platformOf(arch: Arch, variant: string | undefined): Platform {
  const id = ['linux', arch, variant].filter(Boolean).join('/')
  return Object.freeze(
    variant === undefined
      ? { os: 'linux' as const, arch, id }
      : { os: 'linux' as const, arch, variant, id },
  )
}

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
  if (!isArch(arch)) {
    throw bad(`unknown architecture '${arch}' (known: ${ARCHES.map((r) => r.arch).join(', ')})`)
  }
  const row = archRow(arch)
  if (variant !== undefined && !row.variants.includes(variant)) {
    throw bad(`unknown variant '${variant}' for ${arch}`)
  }
  // Docker normalises arm64/v8 to arm64, amd64/v1 to amd64 and arm to arm/v7; so do we, so that
  // a platform is spelled one way in tags, statuses and results.
  const spelled = variant ?? row.assumed
  return platformOf(arch, spelled === row.omitted ? undefined : spelled)
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
    if (!seen.has(p.id)) {
      seen.add(p.id)
      out.push(p)
    }
  }
  return out
}

/** Whether the host's CPU runs the platform without an emulator. */
export function isNative(p: Platform, host: string = hostArch()): boolean {
  return p.arch === host || archRow(p.arch).nativeOn.includes(host)
}

/** The name QEMU and binfmt_misc use for the platform's architecture (qemu-<name>). */
export function qemuName(p: Platform): string {
  return archRow(p.arch).qemu
}

/** A string safe in image tags and container names: linux/arm/v7 -> linux-arm-v7. */
export function platformSlug(p: Platform): string {
  return p.id.replace(/\//g, '-')
}

/** The uname machine names a process of this platform may report. */
export function machinesOf(p: Platform): readonly string[] {
  return archRow(p.arch).machines
}

/** Whether the interpreter's uname machine can belong to this platform. */
export function machineMatches(p: Platform, machine: string | null | undefined): boolean {
  return machine != null && machinesOf(p).includes(machine)
}

/** Every platform the tool accepts, each spelled as parsePlatform spells it. */
export function acceptedPlatforms(): Platform[] {
  const names = ARCHES.flatMap(({ arch, variants }) => [
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
    return parsePlatform([os, architecture, variant].filter(Boolean).join('/'), 'image').id
  } catch {
    // An architecture the tool does not accept: spell it as the image does.
    return [os, architecture, variant].filter(Boolean).join('/')
  }
}
