import { TOOL_NAME } from '../version.js'
import { cacheTarget } from './cache.js'
import { FIND_PYTHON, findPythonLine } from '../smoke/script.js'
import type { GpuRequest } from '../gpus.js'

// Inputs -> docker command lines, as pure functions (the way Docker's own actions build their
// argument lists), so that table-driven tests cover them without running anything.

export const RUN_LABEL = `org.${TOOL_NAME}.run`

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
  // The sources as the engine chose them for the platform (engine/cache.ts), the targets named
  // for it.
  for (const c of spec.cacheFrom ?? []) args.push('--cache-from', c)
  for (const c of spec.cacheTo ?? []) args.push('--cache-to', cacheTarget(c, spec.platform))
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
  /** The GPUs it gets (the gpus option; only the import-and-train and run containers). */
  gpus?: GpuRequest
}

/**
 * GPUs as Docker takes them: `--gpus` (its value is CSV, so a device list is quoted, as
 * `docker run --gpus '"device=0,1"'` is written), or one `--device` per CDI name.
 */
export function gpuArgs(r: GpuRequest | undefined): string[] {
  if (!r) return []
  if (r.kind === 'cdi') return r.devices.flatMap((d) => ['--device', d])
  const pairs = r.value.split(/,(?=[a-z]+=)/).map((p) => (p.includes(',') ? `"${p}"` : p))
  return ['--gpus', pairs.join(',')]
}

/**
 * How the command meets the image's ENTRYPOINT: replaced by the check's own program (`keep`
 * false), or kept, with the command handed to it in the form it takes (engine/invocation.ts).
 */
export interface Through {
  keep: boolean
  form: 'args' | 'shell' | 'shell-c' | 'python'
}

export const REPLACED: Through = { keep: false, form: 'args' }

/**
 * The capabilities a kept ENTRYPOINT gets back: what a wrapper needs to fix ownership of a
 * volume and drop to its user (gosu, su-exec, setpriv), as it does under Docker's defaults.
 * The check's own program, run in its place, needs none.
 */
export const ENTRYPOINT_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID']

export interface SmokeRunSpec extends ContainerSpec {
  train: boolean
  /** Report what a GPU would need (gpu-ready). */
  ready?: boolean
  /** The interpreter to run; empty: `python`, else `python3`, on the image's PATH. */
  python?: string
}

/**
 * `docker run` up to the image: named and labelled for cleanup, the platform pinned, never a
 * pull (the image is local by now: a pull could only fetch something else). Pull-request code
 * runs here: no network unless asked, no capabilities, no setuid gains, no fork bomb
 * (TensorFlow starts a few dozen threads, each counts, far under the limit).
 */
function confined(spec: ContainerSpec, interactive: boolean, keep = false): string[] {
  const args = ['run', ...(interactive ? ['-i'] : []), '--name', spec.name]
  args.push('--platform', spec.platform, '--pull', 'never', '--label', `${RUN_LABEL}=${spec.runId}`)
  if (!spec.network) args.push('--network', 'none')
  if (spec.memory) args.push('--memory', spec.memory)
  args.push(...gpuArgs(spec.gpus))
  args.push('--security-opt', 'no-new-privileges', '--cap-drop', 'ALL', '--pids-limit', '4096')
  if (keep) for (const cap of ENTRYPOINT_CAPS) args.push('--cap-add', cap)
  return args
}

/** A shell command as the image tail: after a kept ENTRYPOINT in its form, else `sh -c`. */
function shellTail(tag: string, command: string, through: Through): string[] {
  if (!through.keep || through.form === 'python') return ['--entrypoint', 'sh', tag, '-c', command]
  if (through.form === 'shell') return [tag, command]
  if (through.form === 'shell-c') return [tag, '-c', command]
  return [tag, 'sh', '-c', command]
}

/**
 * One container start that imports TensorFlow and trains. It keeps the image's ENV, PATH,
 * WORKDIR and USER; its ENTRYPOINT is kept when that is how users run commands in the image
 * (the command then runs through it), else replaced by the interpreter. The interpreter is
 * `python`, else `python3`, on the PATH the command sees, or the python input.
 */
export function smokeCommand(spec: SmokeRunSpec, through: Through = REPLACED): string[] {
  const args = confined(spec, true, through.keep)
  const scriptArgs = [
    ...(spec.ready ? ['ready'] : []),
    ...(spec.gpus ? ['gpu'] : []),
    ...(spec.train ? ['train'] : []),
  ]
  if (through.keep && through.form === 'python') return [...args, spec.tag, '-', ...scriptArgs]
  if (through.keep && through.form === 'args')
    return spec.python
      ? [...args, spec.tag, spec.python, '-', ...scriptArgs]
      : [...args, spec.tag, 'sh', '-c', FIND_PYTHON, 'sh', ...scriptArgs]
  if (through.keep)
    return [...args, ...shellTail(spec.tag, findPythonLine(scriptArgs, spec.python), through)]
  if (spec.python) return [...args, '--entrypoint', spec.python, spec.tag, '-', ...scriptArgs]
  return [...args, '--entrypoint', 'sh', spec.tag, '-c', FIND_PYTHON, 'sh', ...scriptArgs]
}

/**
 * The image started as its users start it: its own ENTRYPOINT and CMD, nothing replaced. When
 * its time is up the client is stopped, not the container (no signal passed on), so that a
 * server still running can be seen running.
 */
export function startCommand(spec: ContainerSpec): string[] {
  return [...confined(spec, false, true), '--sig-proxy=false', spec.tag]
}

/**
 * The team's own command, a shell command line, in the image's WORKDIR, as its USER, with its
 * ENV: through the ENTRYPOINT when the import ran through it, else `sh -c`.
 */
export function runCommand(
  spec: ContainerSpec & { command: string },
  through: Through = REPLACED,
): string[] {
  return [...confined(spec, false, through.keep), ...shellTail(spec.tag, spec.command, through)]
}

/** One platform's image from its registry, by its manifest's digest: no tag is created or moved. */
export function pullCommand(pinnedRef: string, platform: string): string[] {
  return ['pull', '--platform', platform, pinnedRef]
}

/** A container of the check, by what it is for; its argv is `containerCommand`'s. */
export type CheckContainer =
  | { kind: 'smoke'; spec: SmokeRunSpec; through: Through }
  | { kind: 'start'; spec: ContainerSpec }
  | { kind: 'run'; spec: ContainerSpec & { command: string }; through: Through }

export function containerCommand(c: CheckContainer): string[] {
  if (c.kind === 'smoke') return smokeCommand(c.spec, c.through)
  if (c.kind === 'start') return startCommand(c.spec)
  return runCommand(c.spec, c.through)
}

/** The binfmt installer (tonistiigi/binfmt or a mirror of it): privileged, gone when done. */
export function qemuCommand(image: string, arches: string[]): string[] {
  return ['run', '--privileged', '--rm', image, '--install', arches.join(',')]
}
