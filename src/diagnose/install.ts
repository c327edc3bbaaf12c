import { glibcBase, macosOnly, SYSTEM_PYTHON_VENV } from '../advice.js'
import { diagnosis, type Located } from '../diagnosis.js'
import { normalizeName, TENSORFLOW_PACKAGES } from '../knowledge/tensorflow.js'
import type { Diagnosis } from '../results/types.js'
import {
  type Add,
  type Evidence,
  find,
  INDEX_UNREACHABLE,
  metadataError,
  quote,
  requirementName,
  type Rule,
  runRules,
} from './evidence.js'

/** Causes in what the build installs: the base image, pip's refusals, the index, wheels, pins, glibc. */
export function installCauses(e: Evidence, add: Add): void {
  runRules(INSTALL_RULES, e, add)
}

const INSTALL_RULES: readonly Rule[] = [
  // base-image-platform-missing before base-image-not-found because a manifest without the
  // platform also fails the metadata load ("#3 ERROR: no match for platform in manifest").
  baseImagePlatformMissing,
  baseImageNotFound,
  externallyManagedEnvironment,
  // index-unreachable before no version found because an unreachable index also says
  // `from versions: none`: pip saw no versions, not no wheels.
  indexUnreachable,
  noVersionFound,
  dependencyConflict,
  sourceBuildFailed,
  glibcTooOld,
]

const PLATFORM_MISSING = /no match for platform in manifest|no matching manifest for (linux\/\S+)/
const BASE_IMAGE_UNRESOLVED =
  /failed to resolve source metadata for|manifest unknown|pull access denied for|repository does not exist/

function baseImagePlatformMissing(e: Evidence, add: Add): void {
  const m = find(e.lines, PLATFORM_MISSING)
  if (!m) return
  const where = e.platform.id
  add(
    diagnosis(
      'base-image-platform-missing',
      `The base image has no ${where} variant: ${quote(m.line)}.`,
      `Use a multi-arch base image that lists ${where} (docker buildx imagetools inspect <image> shows them).`,
      e.locate.from,
    ),
  )
}

function baseImageNotFound(e: Evidence, add: Add): void {
  const L = e.lines
  if (find(L, PLATFORM_MISSING)) return
  const m = find(L, BASE_IMAGE_UNRESOLVED) ?? metadataError(L)
  if (!m) return
  const image =
    find(L, /load metadata for (\S+)/)?.groups[0] ??
    find(L, /source metadata for (\S+?):?\s/)?.groups[0]
  add(
    diagnosis(
      'base-image-not-found',
      `The base image${image ? ` ${image}` : ''} could not be resolved: ${quote(m.line)}.`,
      'Use a tag that exists; official images publish one multi-arch tag per version (e.g. python:3.11-slim), not per-architecture tags.',
      e.locate.from,
    ),
  )
}

function externallyManagedEnvironment(e: Evidence, add: Add): void {
  const m = find(e.lines, /externally-managed-environment/)
  if (!m) return
  add(
    diagnosis(
      'externally-managed-environment',
      `pip refused to install into the system Python: ${quote(m.line)}.`,
      SYSTEM_PYTHON_VENV,
      e.locate.from,
    ),
  )
}

function indexUnreachable(e: Evidence, add: Add): void {
  const m = find(e.lines, INDEX_UNREACHABLE)
  if (!m) return
  add(
    diagnosis(
      'index-unreachable',
      `The build could not reach the package index on ${e.platform.id}, so pip (or uv) saw no versions at all: ${quote(m.line)}.`,
      "Let the build reach the index: the builder's DNS and network (a docker-container builder needs them too), a proxy passed as build arguments (HTTPS_PROXY, NO_PROXY), a TLS-inspecting proxy's CA certificate in the image and trusted by the installer (pip's cert setting; SSL_CERT_FILE for uv, requests and poetry), or the URL of a private index (--index-url).",
    ),
  )
}

/**
 * pip's "Could not find a version that satisfies the requirement". Between the requirement and
 * its versions pip may say where it came from, in any number of groups: `(from mlapp)` for a
 * local project, `(from -r requirements.txt (line 3))`.
 */
const NO_VERSION =
  /Could not find a version that satisfies the requirement (\S+)(?: \(from (?!versions:)(?:[^()]|\([^()]*\))*\))* \(from versions: ([^)]*)\)/

/** A requirement no version satisfied, as pip named it. */
interface NoVersion {
  /** The requirement as written (`tensorflow==2.19.*`), and its normalised name. */
  spec: string
  name: string
  /** The versions pip saw, `none` when it saw none. */
  versions: string
  line: string
  loc: Located | null
}

/** What a requirement without a version means in this build, or null when it is not this. */
type Reading = (v: NoVersion, e: Evidence) => Diagnosis | null

/** The first reading that applies decides the diagnosis; the last always applies. */
const NO_VERSION_READINGS: readonly Reading[] = [
  // macos-only-package before musl-base-image because a macOS-only package has no Linux wheel
  // for any libc: on Alpine too, the package is the cause.
  macosOnlyPackage,
  // musl-base-image before no wheel because on Alpine pip sees no wheel of anything compiled
  // (`from versions: none`), and the base image is the one fix.
  muslBaseImage,
  // no wheel before python-version-unsupported because only listed versions (wheels for this
  // platform and Python, none of them the pinned release) point at the pin's Python.
  noWheelForPlatform,
  pythonVersionUnsupported,
  pinUnsatisfiable,
]

function noVersionFound(e: Evidence, add: Add): void {
  if (find(e.lines, INDEX_UNREACHABLE)) return
  const m = find(e.lines, NO_VERSION)
  if (!m) return
  const name = requirementName(m.groups[0]!)
  const v: NoVersion = {
    spec: m.groups[0]!,
    name,
    versions: m.groups[1]!.trim(),
    line: m.line,
    loc: e.locate.requirement(name),
  }
  for (const reading of NO_VERSION_READINGS) {
    const d = reading(v, e)
    if (d) {
      add(d)
      return
    }
  }
}

function macosOnlyPackage(v: NoVersion): Diagnosis | null {
  if (v.name !== 'tensorflow-macos' && v.name !== 'tensorflow-metal') return null
  return diagnosis(
    'macos-only-package',
    `${v.name} has macOS wheels only: ${quote(v.line)}.`,
    macosOnly(v.name),
    v.loc,
  )
}

function muslBaseImage(v: NoVersion, e: Evidence): Diagnosis | null {
  if (!find(e.lines, /musllinux|ld-musl|Alpine/i)) return null
  return diagnosis(
    'musl-base-image',
    `No musllinux wheel of ${v.name} exists: ${quote(v.line)}.`,
    glibcBase('3.12'),
    e.locate.from,
  )
}

function noWheelForPlatform(v: NoVersion, e: Evidence): Diagnosis | null {
  if (v.versions !== 'none') return null
  const where = e.platform.id
  return diagnosis(
    'no-wheel-for-platform',
    `pip found no ${v.name} wheel for ${where}: ${quote(v.line)}.`,
    v.name === 'tensorflow-cpu'
      ? 'Install `tensorflow` instead: tensorflow-cpu has never published aarch64 wheels, and `tensorflow` is CPU-only on Linux arm64.'
      : `Use a ${v.name} version with ${where} wheels, or another package.`,
    v.loc,
  )
}

function pythonVersionUnsupported(v: NoVersion, e: Evidence): Diagnosis | null {
  if (!TENSORFLOW_PACKAGES.includes(v.name)) return null
  return diagnosis(
    'python-version-unsupported',
    `The pin ${v.spec} has no wheel for this image's Python on ${e.platform.id}; pip offers only ${v.versions.split(', ').slice(-4).join(', ')}: ${quote(v.line)}.`,
    'Use a Python the release supports (see the TensorFlow install matrix) or pin a release that supports this Python.',
    v.loc,
  )
}

/** Versions listed, none of them fits the pin: the pin is what to change. */
function pinUnsatisfiable(v: NoVersion): Diagnosis {
  return diagnosis(
    'no-wheel-for-platform',
    `No version of ${v.spec} installs here: ${quote(v.line)}.`,
    `Relax or change the pin of ${v.name}.`,
    v.loc,
  )
}

function dependencyConflict(e: Evidence, add: Add): void {
  const L = e.lines
  const m = find(
    L,
    /ResolutionImpossible|conflicting dependencies|Cannot install .* because these package versions have conflicting/,
  )
  if (!m) return
  const culprit = find(L, /The conflict is caused by:|(\S+) depends on (\S+)/)
  add(
    diagnosis(
      'dependency-conflict',
      `pip cannot satisfy the pins together: ${quote(m.line)}${culprit ? `; ${quote(culprit.line)}` : ''}.`,
      'Drop or relax the pin named in the conflict (often numpy, protobuf or keras next to a tensorflow pin).',
    ),
  )
}

function sourceBuildFailed(e: Evidence, add: Add): void {
  const m = find(
    e.lines,
    /Failed building wheel for (\S+)|Failed to build (\S+)|Building wheel for (\S+) .*error|error: command '[^']*gcc' failed|libhdf5\.so: cannot open/,
  )
  if (!m) return
  const where = e.platform.id
  const name = normalizeName(m.groups.find((g) => g) ?? 'a dependency')
  add(
    diagnosis(
      'source-build-failed',
      `pip had no ${where} wheel for ${name} and building it from source failed: ${quote(m.line)}.`,
      `Pin a ${name} version that ships ${where} wheels (h5py 3.11.0 shipped none for aarch64), or install its build dependencies.`,
      e.locate.requirement(name),
    ),
  )
}

function glibcTooOld(e: Evidence, add: Add): void {
  const m = find(e.lines, /version `GLIBC_(\d+\.\d+)' not found/)
  if (!m) return
  add(
    diagnosis(
      'glibc-too-old',
      `A library needs glibc ${m.groups[0]} but the image has ${e.probe?.glibc ?? 'an older one'}: ${quote(m.line)}.`,
      'Use a newer base image (Debian 11+ has glibc 2.31); TensorFlow 2.21 needs glibc 2.27 or newer.',
      e.locate.from,
    ),
  )
}
