import { satisfies, valid } from '@renovatebot/pep440'
import { type Arch, archRow } from '../arches.js'
import type { Platform } from '../platforms.js'
import { PRERELEASES, WHEELS } from './wheels.generated.js'

// What the checker knows about TensorFlow's wheels, in one place.
//
// Sources: the package index itself (wheels.generated.ts, re-derived by
// scripts/refresh-knowledge.mjs with pip); TensorFlow's release notes and issue tracker:
// tensorflow-cpu has never published aarch64 wheels (tensorflow/tensorflow#106021); 2.10-2.15
// publish for aarch64 only a shim that depends on tensorflow-cpu-aws==<same> (#60204, #59731);
// first-party aarch64 wheels from 2.16.1 (#67772, metadata fixed in 2.16.2, #63585); 2.14.0
// lacks its numpy<2 bound (#102743); wheels up to 2.20 are manylinux2014 (glibc 2.17), 2.21
// manylinux_2_27 (glibc 2.27). tensorflow-macos and tensorflow-metal publish macOS wheels only.

/** The architectures TensorFlow publishes Linux wheels for, as manylinux tags name them. */
export const WHEEL_ARCHES = ['x86_64', 'aarch64'] as const

export type WheelArch = (typeof WHEEL_ARCHES)[number]

/** The TensorFlow distributions the checker reasons about. */
export const TENSORFLOW_PACKAGES = [
  'tensorflow',
  'tensorflow-cpu',
  'tensorflow-cpu-aws',
  'tensorflow-aarch64',
  'tensorflow-macos',
  'tensorflow-metal',
  'tensorflow-intel',
  'tf-nightly',
]

/** Packages that publish macOS wheels only. */
export const MACOS_ONLY = ['tensorflow-macos', 'tensorflow-metal']

/** PEP 503 normalisation: Tensorflow_CPU -> tensorflow-cpu. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/** The architecture of TensorFlow's Linux wheels for Docker's (arm64: aarch64); null for none. */
export function archOf(arch: Arch): WheelArch | null {
  const tag = archRow(arch).manylinux
  return WHEEL_ARCHES.find((w) => w === tag) ?? null
}

/** Platforms for which TensorFlow publishes Linux wheels at all. */
export function tensorflowHasWheels(p: Platform): boolean {
  return archOf(p.arch) !== null
}

function versionsOf(pkg: string): string[] {
  return Object.keys(WHEELS[pkg] ?? {})
}

/** Whether the package has any Linux wheel for the architecture, in any release. */
export function hasAnyWheel(pkg: string, arch: WheelArch): boolean {
  return Object.values(WHEELS[pkg] ?? {}).some((e) => e[arch].length > 0)
}

/** Whether the index knows the package at all (the generated data covers it). */
export function isKnown(pkg: string): boolean {
  return pkg in WHEELS
}

/**
 * The Python versions for which `pkg==version` installs on `arch`. For the aarch64 shims of
 * tensorflow 2.10-2.15 that is where tensorflow-cpu-aws of the same version also has a wheel.
 */
export function installablePythons(pkg: string, version: string, arch: WheelArch): string[] {
  const entry = WHEELS[pkg]?.[version]
  if (!entry) return []
  const own = entry[arch]
  if (pkg === 'tensorflow' && arch === 'aarch64' && satisfies(version, '>=2.10,<2.16')) {
    const aws = WHEELS['tensorflow-cpu-aws']?.[version]?.aarch64 ?? []
    return own.filter((p) => aws.includes(p))
  }
  return own
}

export interface PinCheck {
  /** Released versions the specifier admits. */
  matching: string[]
  /** Of those, the ones installable for this Python and architecture. */
  installable: string[]
  /** Python versions any matching release supports on this architecture. */
  pythons: string[]
}

/** Which releases a requirement specifier (">=2.16,<2.18", "==2.19.*", "" for any) admits, and which of them install here. */
export function checkPin(
  pkg: string,
  specifier: string,
  python: string | null,
  arch: WheelArch,
): PinCheck {
  const matching = versionsOf(pkg).filter(
    (v) => valid(v) && (specifier.trim() === '' || satisfies(v, specifier)),
  )
  const pythons = new Set<string>()
  const installable: string[] = []
  for (const v of matching) {
    const py = installablePythons(pkg, v, arch)
    py.forEach((p) => pythons.add(p))
    if (python === null ? py.length > 0 : py.includes(python)) installable.push(v)
  }
  return {
    matching,
    installable,
    pythons: [...pythons].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  }
}

/** The newest release installable for this Python on every architecture, for fix suggestions. */
export function newestFor(python: string | null): string | null {
  const all = versionsOf('tensorflow').filter((v) => valid(v) && /^\d+\.\d+\.\d+$/.test(v))
  for (const v of all.reverse()) {
    const fits = (arch: WheelArch): boolean => {
      const pythons = installablePythons('tensorflow', v, arch)
      return python === null ? pythons.length > 0 : pythons.includes(python)
    }
    if (WHEEL_ARCHES.every(fits)) return v
  }
  return null
}

/**
 * The pre-release pip takes when no final release fits: the newest one the specifier admits
 * with a wheel for this Python and architecture (pip falls back to pre-releases only then).
 */
export function prereleaseFor(
  pkg: string,
  specifier: string,
  python: string,
  arch: WheelArch,
): string | null {
  const found = Object.entries(PRERELEASES[pkg] ?? {}).filter(
    ([v, e]) =>
      e[arch].includes(python) &&
      (specifier.trim() === '' || satisfies(v, specifier, { prereleases: true })),
  )
  return found.at(-1)?.[0] ?? null
}
