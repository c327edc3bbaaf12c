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

export interface SmokeRunSpec {
  tag: string
  platform: string
  name: string
  runId: string
  train: boolean
  /** The interpreter to run; empty: `python`, else `python3`, on the image's PATH. */
  python?: string
  /** Give the container a network (off by default: the check needs none). */
  network?: boolean
  /** Memory limit, in Docker's notation (e.g. 4g). */
  memory?: string
}

/**
 * One container start that imports TensorFlow and trains. It keeps the image's ENV, PATH,
 * WORKDIR and USER, and replaces only what runs: the image's ENTRYPOINT and CMD are recorded
 * for diagnosis but never executed.
 */
export function smokeCommand(spec: SmokeRunSpec): string[] {
  const args = [
    'run',
    '-i',
    '--name',
    spec.name,
    '--platform',
    spec.platform,
    '--label',
    `${RUN_LABEL}=${spec.runId}`,
  ]
  if (!spec.network) args.push('--network', 'none')
  if (spec.memory) args.push('--memory', spec.memory)
  // Pull-request code runs here: no capabilities, no setuid gains, no fork bomb. TensorFlow
  // starts a few dozen threads (each counts), far under the limit.
  args.push('--security-opt', 'no-new-privileges', '--cap-drop', 'ALL', '--pids-limit', '4096')
  const scriptArgs = spec.train ? ['train'] : []
  if (spec.python) {
    args.push('--entrypoint', spec.python, spec.tag, '-', ...scriptArgs)
  } else {
    args.push('--entrypoint', 'sh', spec.tag, '-c', FIND_PYTHON, 'sh', ...scriptArgs)
  }
  return args
}
