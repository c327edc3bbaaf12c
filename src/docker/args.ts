import { FIND_PYTHON } from '../smoke/script.js'

// Inputs -> docker command lines, as pure functions (the way Docker's own actions build their
// argument lists), so that table-driven tests cover them without running anything.

export const RUN_LABEL = 'org.tf-multiarch-check.run'

export interface BuildSpec {
  context: string
  file: string
  platform: string
  tag: string
  runId: string
  buildArgs: [string, string][]
  target?: string
  builder?: string
  cacheFrom?: string[]
  cacheTo?: string[]
}

/**
 * Each platform is its own build, so a GitHub Actions cache without a scope would be
 * overwritten by the next platform's export: give it one per platform.
 */
export function scopedCache(spec: string, platform: string): string {
  if (!/^type=gha(,|$)/.test(spec) || /(^|,)scope=/.test(spec)) return spec
  return `${spec},scope=tf-multiarch-check-${platform.replace(/\//g, '-')}`
}

export function buildCommand(spec: BuildSpec): string[] {
  const args = ['buildx', 'build']
  if (spec.builder) args.push('--builder', spec.builder)
  args.push(
    '--platform',
    spec.platform,
    '--file',
    spec.file,
    '--tag',
    spec.tag,
    '--load',
    '--progress',
    'plain',
  )
  // The label lets the post step find exactly this run's images, and nothing else.
  args.push('--label', `${RUN_LABEL}=${spec.runId}`)
  if (spec.target) args.push('--target', spec.target)
  for (const [key, value] of spec.buildArgs) args.push('--build-arg', `${key}=${value}`)
  for (const c of spec.cacheFrom ?? []) args.push('--cache-from', scopedCache(c, spec.platform))
  for (const c of spec.cacheTo ?? []) args.push('--cache-to', scopedCache(c, spec.platform))
  args.push(spec.context)
  return args
}

/** What every container of the check shares: the image, the platform, the confinement. */
export interface ContainerSpec {
  tag: string
  platform: string
  name: string
  runId: string
  /** Give the container a network (off by default: the check needs none). */
  network?: boolean
  /** Memory limit, in Docker's notation (e.g. 4g). */
  memory?: string
}

export interface SmokeRunSpec extends ContainerSpec {
  train: boolean
  /** The interpreter to run; empty: `python`, else `python3`, on the image's PATH. */
  python?: string
}

/**
 * `docker run` up to the image: named and labelled for cleanup, the platform pinned, never a
 * pull (the image is local by now: a pull could only fetch something else). Pull-request code
 * runs here: no network unless asked, no capabilities, no setuid gains, no fork bomb
 * (TensorFlow starts a few dozen threads, each counts, far under the limit).
 */
function confined(spec: ContainerSpec, interactive: boolean): string[] {
  const args = ['run', ...(interactive ? ['-i'] : []), '--name', spec.name]
  args.push('--platform', spec.platform, '--pull', 'never', '--label', `${RUN_LABEL}=${spec.runId}`)
  if (!spec.network) args.push('--network', 'none')
  if (spec.memory) args.push('--memory', spec.memory)
  args.push('--security-opt', 'no-new-privileges', '--cap-drop', 'ALL', '--pids-limit', '4096')
  return args
}

/**
 * One container start that imports TensorFlow and trains. It keeps the image's ENV, PATH,
 * WORKDIR and USER, and replaces only what runs: the image's ENTRYPOINT and CMD are recorded
 * for diagnosis but not executed here.
 */
export function smokeCommand(spec: SmokeRunSpec): string[] {
  const args = confined(spec, true)
  const scriptArgs = spec.train ? ['train'] : []
  if (spec.python) {
    args.push('--entrypoint', spec.python, spec.tag, '-', ...scriptArgs)
  } else {
    args.push('--entrypoint', 'sh', spec.tag, '-c', FIND_PYTHON, 'sh', ...scriptArgs)
  }
  return args
}

/**
 * The image started as its users start it: its own ENTRYPOINT and CMD, nothing replaced. When
 * its time is up the client is stopped, not the container (no signal passed on), so that a
 * server still running can be seen running.
 */
export function startCommand(spec: ContainerSpec): string[] {
  return [...confined(spec, false), '--sig-proxy=false', spec.tag]
}

/** The team's own command: `sh -c` in the image's WORKDIR, as its USER, with its ENV. */
export function runCommand(spec: ContainerSpec & { command: string }): string[] {
  return [...confined(spec, false), '--entrypoint', 'sh', spec.tag, '-c', spec.command]
}

/** One platform's image from its registry, by its manifest's digest: no tag is created or moved. */
export function pullCommand(pinnedRef: string, platform: string): string[] {
  return ['pull', '--platform', platform, pinnedRef]
}
