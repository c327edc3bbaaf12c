import { InputError } from '../errors.js'
import { type Platform, parsePlatformList } from '../platforms.js'
import { type ProjectPaths, resolveContext } from './paths.js'
import type { ImageReference } from '../docker/reference.js'
import type { CheckOptionName } from './lists.js'
import { type GpuReadyMode, type GpuRequest, parseGpuReady, parseGpus } from '../gpus.js'
import { defaultOf, flagOf } from './table.js'
import {
  parseBoolean,
  parseBuildArgs,
  parseCacheList,
  parseImage,
  parseMemory,
  parsePositiveInt,
  parseSetupQemu,
  parseStart,
  parseStallMinutes,
  parseTimeoutMinutes,
  type SetupQemu,
} from './values.js'

// The check's options, parsed once from raw strings, for the action (inputs) and the CLI (flags)
// alike. Every error names the input, its value and the fix.

export interface CheckOptions extends ProjectPaths {
  /** The image input: an existing image checked instead of a build. */
  image?: ImageReference
  platforms: Platform[]
  /** Formatted platforms (linux/arm64) whose failure fails the check. */
  required: Set<string>
  buildArgs: [string, string][]
  target?: string
  builder?: string
  python?: string
  train: boolean
  /** Seconds the image's own ENTRYPOINT/CMD get (natively); null: not started. */
  start: number | null
  /** The team's own shell command, run in every image; null: none. */
  run: string | null
  /** The GPUs the import-and-train container (and run's) gets; null: none. */
  gpus: GpuRequest | null
  /** Whether to report if the image could use an NVIDIA GPU, checked without one. */
  gpuReady: GpuReadyMode
  timeoutMinutes: number
  /** A build silent this long is reported as stalled; null: never. */
  stallMinutes: number | null
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
export type RawOptions = Partial<Record<CheckOptionName, string>>

/**
 * The platforms required-platforms names; null when it is empty (then every one is required);
 * `none`: no platform's failure fails the job.
 */
export function parseRequiredList(raw: string): Set<string> | null {
  if (raw.trim() === '') return null
  if (raw.trim().toLowerCase() === 'none') return new Set()
  return new Set(parsePlatformList(raw, 'required-platforms').map((p) => p.id))
}

/** required-platforms for a check: every platform by default; only platforms that are checked. */
export function parseRequired(raw: string, platforms: Platform[]): Set<string> {
  const all = platforms.map((p) => p.id)
  const required = parseRequiredList(raw)
  if (required === null) return new Set(all)
  for (const r of required) {
    if (!all.includes(r)) {
      throw new InputError(
        'required-platforms',
        `'${r}' is not among the platforms checked (${all.join(', ')}); add it to platforms or drop it here`,
      )
    }
  }
  return required
}

/** Every option, validated; throws InputError before any Docker work starts. */
export function parseOptions(raw: RawOptions, cwd: string): CheckOptions {
  // An empty or missing value is the option's default (table.ts).
  const get = (k: CheckOptionName): string => {
    const v = raw[k]
    return v === undefined || v.trim() === '' ? defaultOf(k) : v
  }
  const platforms = parsePlatformList(get('platforms'))
  const image = parseImage(get('image'))
  if (image) refuseBuildOptions(raw)
  const paths = resolveContext(get('context'), get('file'), cwd, image !== null)
  const target = get('target').trim()
  const builder = get('builder').trim()
  const python = get('python').trim()
  const memory = parseMemory(get('memory'))
  return {
    ...paths,
    ...(image ? { image } : {}),
    platforms,
    required: parseRequired(get('required-platforms'), platforms),
    buildArgs: parseBuildArgs(get('build-args')),
    ...(target ? { target } : {}),
    ...(builder ? { builder } : {}),
    ...(python ? { python } : {}),
    train: parseBoolean(get('train'), 'train'),
    start: parseStart(get('start')),
    run: get('run').trim() === '' ? null : get('run'),
    gpus: parseGpus(get('gpus')),
    gpuReady: parseGpuReady(get('gpu-ready')),
    timeoutMinutes: parseTimeoutMinutes(get('timeout-minutes')),
    stallMinutes: parseStallMinutes(get('stall-minutes')),
    setupQemu: parseSetupQemu(get('setup-qemu')),
    qemuImage: get('qemu-image').trim(),
    maxParallel: parsePositiveInt(get('max-parallel'), 'max-parallel', '2'),
    network: parseBoolean(get('network'), 'network'),
    ...(memory ? { memory } : {}),
    cacheFrom: parseCacheList(get('cache-from'), 'cache-from'),
    cacheTo: parseCacheList(get('cache-to'), 'cache-to'),
  }
}

/** An existing image is checked as it is: the options that only shape a build are a mistake. */
function refuseBuildOptions(raw: RawOptions): void {
  for (const name of ['build-args', 'target', 'cache-from', 'cache-to'] as const) {
    if ((raw[name] ?? '').trim() === '') continue
    const flag = flagOf(name)
    throw new InputError(
      'image',
      `an existing image is checked without a build, so ${name}${flag ? ` (${flag})` : ''} does not apply; drop ${name}, or drop image to build the Dockerfile`,
    )
  }
}

/**
 * Whether platforms run one at a time. Then the log can group each platform's stages with their
 * output live; in parallel, output lines carry their platform instead.
 */
export function oneAtATime(opts: Pick<CheckOptions, 'maxParallel' | 'platforms'>): boolean {
  return Math.min(opts.maxParallel, opts.platforms.length) === 1
}
