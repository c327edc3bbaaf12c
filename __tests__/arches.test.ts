import { describe, expect, it } from 'vitest'
import {
  ARCHES,
  archOfMachine,
  archTagNames,
  elfArch,
  hostArch,
  isArch,
  markerMachines,
} from '../src/arches.js'
import { archOf, WHEEL_ARCHES } from '../src/knowledge/tensorflow.js'
import { multiArchTag } from '../src/knowledge/images.js'
import { markerApplies } from '../src/lint/requirements.js'
import {
  acceptedPlatforms,
  isNative,
  machinesOf,
  parsePlatform,
  qemuName,
} from '../src/platforms.js'

// The one table of architectures: every lookup the tool makes finds each row again, and no two
// rows claim the same name, so that adding an architecture is adding its row.

const rows = ARCHES.map((row) => [row.arch, row] as const)

describe('every row of ARCHES', () => {
  it.each(rows)('%s: every lookup leads back to its row', (arch, row) => {
    const p = parsePlatform(`linux/${arch}`)
    expect(p.arch).toBe(arch)
    expect(isArch(arch)).toBe(true)
    expect(archOfMachine(arch)).toBe(arch)
    expect(archOfMachine(row.machines[0]!)).toBe(arch)
    expect(elfArch(row.elf)).toBe(arch)
    expect(qemuName(p)).toBe(row.qemu)
    expect(machinesOf(p)).toEqual(row.machines)
    expect(isNative(p, arch)).toBe(true)
    if (row.node !== null) expect(hostArch(row.node)).toBe(arch)
    expect(markerMachines(arch)).toEqual(expect.arrayContaining([...row.machines]))
  })

  it.each(rows)('%s: every variant parses to one canonical id', (arch, row) => {
    expect(parsePlatform(`linux/${arch}`).id).toBe(
      row.assumed ? `linux/${arch}/${row.assumed}` : `linux/${arch}`,
    )
    for (const v of row.variants) {
      const p = parsePlatform(` LINUX/${arch.toUpperCase()}/${v.toUpperCase()} `)
      expect(p.id).toBe(v === row.omitted ? `linux/${arch}` : `linux/${arch}/${v}`)
      expect(p.variant).toBe(v === row.omitted ? undefined : v)
      expect(parsePlatform(p.id)).toEqual(p)
    }
  })

  it.each(rows)('%s: other names are for other rows only', (arch, row) => {
    for (const other of ARCHES.filter((r) => r.arch !== arch)) {
      expect(other.qemu).not.toBe(row.qemu)
      expect(other.machines[0]).not.toBe(row.machines[0])
      expect(other.elf).not.toEqual(row.elf)
      if (row.node !== null) expect(other.node).not.toBe(row.node)
      if (row.manylinux !== null) expect(other.manylinux).not.toBe(row.manylinux)
      for (const tag of row.tags) expect(other.tags).not.toContain(tag)
    }
    for (const host of row.nativeOn) expect(isArch(host)).toBe(true)
  })

  it.each(rows)('%s: its tag names are taken for a per-architecture tag', (_arch, row) => {
    for (const tag of row.tags) {
      // They go into a pattern as they are.
      expect(tag).toMatch(/^[a-z0-9_-]+$/)
      expect(multiArchTag(`3.11-slim-${tag}`)).toBe('3.11-slim')
      expect(multiArchTag(`${tag.toUpperCase()}-3.11`)).toBe('3.11')
    }
  })
})

describe('what follows from the table', () => {
  it('lists every row once, in the order an unknown architecture is answered with', () => {
    expect(ARCHES.map((r) => r.arch)).toEqual([
      '386',
      'amd64',
      'arm64',
      'arm',
      'ppc64le',
      's390x',
      'riscv64',
      'mips64le',
      'loong64',
    ])
    expect(archTagNames()).toHaveLength(new Set(archTagNames()).size)
  })

  it("gives TensorFlow's wheel architectures to amd64 and arm64 alone", () => {
    expect(ARCHES.filter((r) => archOf(r.arch) !== null).map((r) => r.arch)).toEqual([
      'amd64',
      'arm64',
    ])
    expect(WHEEL_ARCHES.map((w) => ARCHES.find((r) => r.manylinux === w)?.arch)).toEqual([
      'amd64',
      'arm64',
    ])
  })

  it('reads platform_machine in markers by the names of each architecture', () => {
    expect(markerMachines('amd64')).toEqual(['x86_64', 'AMD64', 'amd64'])
    expect(markerMachines('arm64')).toEqual(['aarch64', 'arm64'])
    expect(markerApplies('platform_machine == "AMD64"', 'amd64')).toBe(true)
    expect(markerApplies('platform_machine == "arm64"', 'amd64')).toBe(false)
  })

  it('knows 32-bit x86 runs natively on x86-64, and 32-bit arm does not count as native on arm64', () => {
    expect(isNative(parsePlatform('linux/386'), 'amd64')).toBe(true)
    expect(isNative(parsePlatform('linux/amd64'), '386')).toBe(false)
    expect(isNative(parsePlatform('linux/arm/v7'), 'arm64')).toBe(false)
  })

  it('leaves names it does not know as they are, or unanswered', () => {
    expect(hostArch('mips64el')).toBe('mips64el')
    expect(archOfMachine('sparc64')).toBeNull()
    expect(elfArch({ machine: 62, bits: 32, littleEndian: true })).toBeNull()
    expect(isArch('constructor')).toBe(false)
  })
})

describe('a platform value', () => {
  it('is parsed once, immutable, with its canonical id', () => {
    const p = parsePlatform('Linux/ARM')
    expect(p).toEqual({ os: 'linux', arch: 'arm', variant: 'v7', id: 'linux/arm/v7' })
    expect(Object.isFrozen(p)).toBe(true)
    expect(parsePlatform('linux/arm64/v8')).toEqual({
      os: 'linux',
      arch: 'arm64',
      id: 'linux/arm64',
    })
  })

  it('is accepted for every row and variant, each spelled once', () => {
    const ids = acceptedPlatforms().map((p) => p.id)
    expect(ids).toHaveLength(new Set(ids).size)
    expect(ids.slice(0, 5)).toEqual([
      'linux/386',
      'linux/amd64',
      'linux/amd64/v2',
      'linux/amd64/v3',
      'linux/amd64/v4',
    ])
  })

  it('is refused with the same words as before, naming what is known', () => {
    expect(() => parsePlatform('linux/arm65')).toThrow(
      "platforms: 'linux/arm65' is not a platform: unknown architecture 'arm65' (known: 386, amd64, arm64, arm, ppc64le, s390x, riscv64, mips64le, loong64); expected os/arch[/variant], e.g. linux/amd64, linux/arm64",
    )
    expect(() => parsePlatform('linux/constructor', 'FROM --platform')).toThrow(
      /^FROM --platform: 'linux\/constructor' is not a platform: unknown architecture/,
    )
    expect(() => parsePlatform('linux/arm/v8')).toThrow(
      "platforms: 'linux/arm/v8' is not a platform: unknown variant 'v8' for arm; expected os/arch[/variant], e.g. linux/amd64, linux/arm64",
    )
  })
})
