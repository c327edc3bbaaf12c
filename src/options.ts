import { statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { InputError } from './errors.js'
import { formatPlatform, type Platform, parsePlatformList } from './platforms.js'

// The check's options, parsed once from raw strings, for the action (inputs) and the CLI (flags)
// alike. Every error names the input, its value and the fix.

export type SetupQemu = 'auto' | 'true' | 'false'

export interface CheckOptions {
  /** The context as the user wrote it, for reports. */
  context: string
  contextPath: string
  /** The Dockerfile relative to the working directory (repository root on GitHub), for reports and annotations. */
  dockerfile: string
  dockerfilePath: string
  platforms: Platform[]
  /** Formatted platforms (linux/arm64) whose failure fails the check. */
  required: Set<string>
  buildArgs: [string, string][]
  target?: string
  builder?: string
  python?: string
  train: boolean
  timeoutMinutes: number
  setupQemu: SetupQemu
  qemuImage: string
  maxParallel: number
  network: boolean
  memory?: string
  /** buildx cache sources and targets (--cache-from / --cache-to), one per entry. */
  cacheFrom: string[]
  cacheTo: string[]
}

/** The raw values, keyed by the action's input names (the CLI maps its flags onto them). */
export interface RawOptions {
  context?: string
  file?: string
  platforms?: string
  'build-args'?: string
  target?: string
  builder?: string
  python?: string
  train?: string
  'timeout-minutes'?: string
  'required-platforms'?: string
  'setup-qemu'?: string
  'qemu-image'?: string
  'max-parallel'?: string
  network?: string
  memory?: string
  'cache-from'?: string
  'cache-to'?: string
}

export const DEFAULTS = {
  context: '.',
  platforms: 'linux/amd64,linux/arm64',
  train: 'true',
  // Emulated arm64 runs Python 10-25x slower than native; a pip install of TensorFlow plus an
  // import and a short training run take minutes there.
  'timeout-minutes': '60',
  'setup-qemu': 'auto',
  'qemu-image': 'tonistiigi/binfmt:qemu-v10.2.3-68',
  // Every platform at once (the emulated one dominates; the native ones hide under it), bounded.
  'max-parallel': '4',
  network: 'false',
  // Untrusted code runs in that container: bounded by default. TensorFlow's import and the
  // training step need well under 2 GiB, under QEMU too.
  memory: '4g',
} as const

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(raw: string, name: string): boolean {
  const v = raw.trim()
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new InputError(`${name}: '${raw}' is not a boolean; use true or false`)
}

export function parseTimeoutMinutes(raw: string, name = 'timeout-minutes'): number {
  const v = raw.trim()
  const n = Number(v)
  if (v === '' || !Number.isFinite(n) || n <= 0) {
    throw new InputError(
      `${name}: '${raw}' is not a positive number of minutes; e.g. 60 (emulated arm64 needs tens of minutes)`,
    )
  }
  return n
}

export function parsePositiveInt(raw: string, name: string, example: string): number {
  const v = raw.trim()
  if (!/^[0-9]+$/.test(v) || Number(v) < 1) {
    throw new InputError(`${name}: '${raw}' is not a whole number of at least 1; e.g. ${example}`)
  }
  return Number(v)
}

export function parseSetupQemu(raw: string): SetupQemu {
  const v = raw.trim().toLowerCase()
  if (v === 'auto' || v === 'true' || v === 'false') return v
  throw new InputError(`setup-qemu: '${raw}' is not one of auto, true, false`)
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
        `${name}: '${item}' is not KEY=value; write one build argument per line, e.g. PYTHON_VERSION=3.11`,
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
    throw new InputError(`memory: '${raw}' is not a size; e.g. 4g or 2048m, or none for no limit`)
  }
  const bytes = Number(m[1]) * UNIT[m[2]!.toLowerCase() as keyof typeof UNIT]
  if (bytes < MIN_MEMORY) {
    throw new InputError(
      `memory: '${raw}' is below Docker's minimum of 6m (and TensorFlow needs about 1g); e.g. 4g, or none for no limit`,
    )
  }
  return v
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function kindOf(path: string): 'file' | 'directory' | 'missing' | 'other' {
  try {
    const s = statSync(path)
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}

/** Resolves the context and the Dockerfile; `file` is relative to the working directory, as in docker/build-push-action. */
export function resolveContext(
  context: string,
  file: string,
  cwd: string,
): Pick<CheckOptions, 'context' | 'contextPath' | 'dockerfile' | 'dockerfilePath'> {
  const ctx = context.trim() || '.'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || ctx.startsWith('git@')) {
    throw new InputError(
      `context: '${ctx}' is a URL; check out the repository first (actions/checkout) and pass a directory`,
    )
  }
  const contextPath = resolve(cwd, ctx)
  if (!isDirectory(contextPath)) {
    throw new InputError(
      `context: '${ctx}' is not a directory (looked in ${relativeOrAbsolute(cwd, contextPath)}); pass the folder that holds the Dockerfile, e.g. .`,
    )
  }
  // join, not resolve: contextPath is absolute already, and ncc's asset relocator would read
  // resolve(x, 'Dockerfile') as a file of this package and rewrite it (vercel/ncc#477).
  const dockerfilePath =
    file.trim() === '' ? join(contextPath, 'Dockerfile') : resolve(cwd, file.trim())
  const shown = relativeOrAbsolute(cwd, dockerfilePath)
  const kind = kindOf(dockerfilePath)
  if (kind === 'missing') {
    throw new InputError(
      `file: no Dockerfile at '${shown}'; set file to the Dockerfile's path (relative to the repository root), or add one to the context`,
    )
  }
  if (kind !== 'file') {
    throw new InputError(
      `file: '${shown}' is a ${kind === 'directory' ? 'directory' : 'special file'}, not a Dockerfile; point file at the Dockerfile itself`,
    )
  }
  return { context: ctx, contextPath, dockerfile: shown, dockerfilePath }
}

function relativeOrAbsolute(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

export function parseRequired(raw: string, platforms: Platform[]): Set<string> {
  const all = platforms.map(formatPlatform)
  if (raw.trim() === '') return new Set(all)
  const required = parsePlatformList(raw, 'required-platforms').map(formatPlatform)
  for (const r of required) {
    if (!all.includes(r)) {
      throw new InputError(
        `required-platforms: '${r}' is not among the platforms checked (${all.join(', ')}); add it to platforms or drop it here`,
      )
    }
  }
  return new Set(required)
}

/** Every option, validated; throws InputError before any Docker work starts. */
export function parseOptions(raw: RawOptions, cwd: string): CheckOptions {
  const get = <K extends keyof RawOptions>(k: K, fallback = ''): string => {
    const v = raw[k]
    return v === undefined || v.trim() === '' ? fallback : v
  }
  const platforms = parsePlatformList(get('platforms', DEFAULTS.platforms))
  const paths = resolveContext(get('context', DEFAULTS.context), get('file'), cwd)
  const target = get('target').trim()
  const builder = get('builder').trim()
  const python = get('python').trim()
  const memory = parseMemory(get('memory', DEFAULTS.memory))
  return {
    ...paths,
    platforms,
    required: parseRequired(get('required-platforms'), platforms),
    buildArgs: parseBuildArgs(get('build-args')),
    ...(target ? { target } : {}),
    ...(builder ? { builder } : {}),
    ...(python ? { python } : {}),
    train: parseBoolean(get('train', DEFAULTS.train), 'train'),
    timeoutMinutes: parseTimeoutMinutes(get('timeout-minutes', DEFAULTS['timeout-minutes'])),
    setupQemu: parseSetupQemu(get('setup-qemu', DEFAULTS['setup-qemu'])),
    qemuImage: get('qemu-image', DEFAULTS['qemu-image']).trim(),
    maxParallel: parsePositiveInt(
      get('max-parallel', DEFAULTS['max-parallel']),
      'max-parallel',
      '2',
    ),
    network: parseBoolean(get('network', DEFAULTS.network), 'network'),
    ...(memory ? { memory } : {}),
    cacheFrom: parseCacheList(get('cache-from'), 'cache-from'),
    cacheTo: parseCacheList(get('cache-to'), 'cache-to'),
  }
}

/** One buildx cache spec per line, e.g. type=gha or type=registry,ref=ghcr.io/o/r:cache. */
export function parseCacheList(raw: string, name: string): string[] {
  const out: string[] = []
  for (const line of raw.split('\n')) {
    const v = line.trim()
    if (v === '') continue
    if (!/^type=[a-z0-9-]+(,[A-Za-z0-9_.-]+=[^,]*)*$/.test(v) && !/^[^\s,=]+$/.test(v)) {
      throw new InputError(
        `${name}: '${v}' is not a buildx cache spec; write e.g. type=gha, or type=registry,ref=ghcr.io/owner/repo:cache`,
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

/**
 * Whether platforms run one at a time. Then the log can group each platform's stages with their
 * output live; in parallel, output lines carry their platform instead.
 */
export function oneAtATime(opts: Pick<CheckOptions, 'maxParallel' | 'platforms'>): boolean {
  return Math.min(opts.maxParallel, opts.platforms.length) === 1
}
