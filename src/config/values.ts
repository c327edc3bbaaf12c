import { type ImageReference, parseReference } from '../docker/reference.js'
import { InputError } from '../errors.js'

// The parsers of single option values. Each error names the option, the value and the fix.

export type SetupQemu = 'auto' | 'true' | 'false'

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(raw: string, name: string): boolean {
  const v = raw.trim()
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new InputError(name, `'${raw}' is not a boolean; use true or false`)
}

export function parseTimeoutMinutes(raw: string, name = 'timeout-minutes'): number {
  const v = raw.trim()
  const n = Number(v)
  if (v === '' || !Number.isFinite(n) || n <= 0) {
    throw new InputError(
      name,
      `'${raw}' is not a positive number of minutes; e.g. 60 (emulated arm64 needs tens of minutes)`,
    )
  }
  return n
}

export function parsePositiveInt(raw: string, name: string, example: string): number {
  const v = raw.trim()
  if (!/^[0-9]+$/.test(v) || Number(v) < 1) {
    throw new InputError(name, `'${raw}' is not a whole number of at least 1; e.g. ${example}`)
  }
  return Number(v)
}

export function parseSetupQemu(raw: string): SetupQemu {
  const v = raw.trim().toLowerCase()
  if (v === 'auto' || v === 'true' || v === 'false') return v
  throw new InputError('setup-qemu', `'${raw}' is not one of auto, true, false`)
}

const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * One KEY=value per line (the value may itself contain '='). A bare KEY, which Docker would
 * fill from the environment, is refused: it would hand the runner's environment to the build.
 */
export function parseBuildArgs(raw: string, name = 'build-args'): [string, string][] {
  const out: [string, string][] = []
  for (const line of raw.split('\n')) {
    const item = line.trim()
    if (item === '' || item.startsWith('#')) continue
    const eq = item.indexOf('=')
    const key = eq === -1 ? item : item.slice(0, eq)
    if (eq === -1 || !BUILD_ARG_NAME.test(key)) {
      throw new InputError(
        name,
        `'${item}' is not KEY=value; write one build argument per line, e.g. PYTHON_VERSION=3.11`,
      )
    }
    out.push([key, item.slice(eq + 1)])
  }
  return out
}

const MEMORY = /^([0-9]+(?:\.[0-9]+)?)([bkmg]?)$/i
const UNIT = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 } as const
/** Docker refuses a memory limit under 6 MiB. */
const MIN_MEMORY = 6 * 2 ** 20

/** A memory limit in Docker's notation; `none` lifts it (undefined: no --memory flag). */
export function parseMemory(raw: string): string | undefined {
  const v = raw.trim()
  if (v.toLowerCase() === 'none') return undefined
  const m = MEMORY.exec(v)
  if (!m) {
    throw new InputError('memory', `'${raw}' is not a size; e.g. 4g or 2048m, or none for no limit`)
  }
  const bytes = Number(m[1]) * UNIT[m[2]!.toLowerCase() as keyof typeof UNIT]
  if (bytes < MIN_MEMORY) {
    throw new InputError(
      'memory',
      `'${raw}' is below Docker's minimum of 6m (and TensorFlow needs about 1g); e.g. 4g, or none for no limit`,
    )
  }
  return v
}

/** One buildx cache spec per line, e.g. type=gha or type=registry,ref=ghcr.io/o/r:cache. */
export function parseCacheList(raw: string, name: string): string[] {
  const out: string[] = []
  for (const line of raw.split('\n')) {
    const v = line.trim()
    if (v === '') continue
    if (!/^type=[a-z0-9-]+(,[A-Za-z0-9_.-]+=[^,]*)*$/.test(v) && !/^[^\s,=]+$/.test(v)) {
      throw new InputError(
        name,
        `'${v}' is not a buildx cache spec; write e.g. type=gha, or type=registry,ref=ghcr.io/owner/repo:cache`,
      )
    }
    out.push(v)
  }
  return out
}

/** The cache type of a spec: type=gha -> gha; a bare reference is a registry. */
export function cacheType(spec: string): string {
  return /^type=([a-z0-9-]+)/.exec(spec)?.[1] ?? 'registry'
}

/** The image input: a reference Docker accepts (a local tag, a registry reference, an image ID). */
export function parseImage(raw: string): ImageReference | null {
  if (raw.trim() === '') return null
  const ref = parseReference(raw)
  if (ref) return ref
  throw new InputError(
    'image',
    `'${raw.trim()}' is not an image reference; e.g. ghcr.io/org/app:1.2, app:local, or an image ID (sha256:...); names are lower case`,
  )
}

/** off, or a positive number (of the unit `example` shows); the message names the fix. */
function offOrPositive(raw: string, name: string, example: string): number | null {
  const v = raw.trim().toLowerCase()
  if (v === 'off') return null
  const n = Number(v)
  if (v === '' || !Number.isFinite(n) || n <= 0)
    throw new InputError(name, `'${raw}' is neither off nor a positive number ${example}`)
  return n
}

/** The start input: off, or the seconds the image's own start gets before it counts as a server. */
export function parseStart(raw: string): number | null {
  return offOrPositive(
    raw,
    'start',
    'of seconds; e.g. 30 (the image must exit 0 or still be running by then)',
  )
}

/** stall-minutes: off, or the minutes a build may print nothing before it is said to be stalled. */
export function parseStallMinutes(raw: string): number | null {
  return offOrPositive(
    raw,
    'stall-minutes',
    'of minutes; e.g. 10 (a build that prints nothing that long is reported)',
  )
}
