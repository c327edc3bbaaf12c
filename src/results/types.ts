// The results JSON: read by outside tools, the report mode and people. Extend it; never rename
// or remove a field. schemaVersion changes only for a change that old readers would misread.

import {
  CAUSES,
  type ComparedStage,
  type CoreStage,
  type ExtraStage,
  replacedBy,
  spec,
  STAGE_ORDER,
  type StageCause,
  type StageName,
} from './stages.js'

import type { GpuCheck, GpuReadiness, TensorflowBuild } from './gpu.js'
import type { RunnerInfo } from './runner.js'

export type { RunnerInfo }

export const SCHEMA_VERSION = 1

export { STAGE_ORDER, type StageCause, type StageName }
export type Stages = Record<CoreStage, StageResult> & Partial<Record<ExtraStage, StageResult>>

export type StageStatus = 'passed' | 'failed' | 'skipped' | 'timed-out'

export interface StageResult {
  status: StageStatus
  durationMs: number
  /** The last lines of the stage's output (build log, or the container's stdout and stderr). */
  log: string
  /** Container exit code, where the stage ran a container and it exited. */
  exitCode?: number | null
  /** The signal that ended the process, decoded from a 128+N exit code, if any. */
  signal?: string | null
  /** Why the stage was skipped or how it failed, in one line. */
  reason?: string
  /** The same in a word, for a stage that did not pass (results/stages.ts's CAUSES). */
  cause?: StageCause
  /** Earlier attempts, when an emulator crash made the stage run again. */
  attempts?: Omit<StageResult, 'attempts'>[]
}

export interface Diagnosis {
  id: string
  title: string
  detail: string
  fix: string
  file?: string
  line?: number
}

export interface Environment {
  machine: string | null
  python: string | null
  tensorflow: string | null
  numpy: string | null
  keras: string | null
  /** The interpreter the check ran (the image's `python`, else `python3`, or the `python` input). */
  executable?: string | null
  /**
   * The architecture of that interpreter's own binary, read from its ELF header inside the
   * container (amd64, arm64, ...): with `machine`, the proof of what really ran.
   */
  interpreter?: string | null
  /** How TensorFlow was built, as it says itself (with gpus or gpu-ready). */
  tensorflowBuild?: TensorflowBuild | null
}

export interface Training {
  steps: number
  loss: number[]
  examplesPerSecond: number
}

/** The image's own configuration: what it declares and what it would run by itself. */
export interface ImageConfig {
  /** The platform the image's configuration declares (os, architecture, variant), as Docker reports it. */
  os?: string | null
  architecture?: string | null
  variant?: string | null
  entrypoint: string[] | null
  cmd: string[] | null
  user: string
  workingDir: string
  path: string | null
}

/**
 * How the check's command was started in the image: `direct` (the image has no ENTRYPOINT),
 * `entrypoint` (through the image's ENTRYPOINT, as `docker run IMAGE <command>` runs it) or
 * `replaced` (the ENTRYPOINT is the application itself, or ignored its arguments).
 */
export type InvocationWay = 'direct' | 'entrypoint' | 'replaced'

export interface Invocation {
  how: InvocationWay
  /** The image's ENTRYPOINT, kept or replaced; null when it has none. */
  entrypoint: string[] | null
  /** Why this way, in one line. */
  reason: string
  /**
   * The other way, tried for comparison (import only) when the ENTRYPOINT was kept: whether
   * TensorFlow imported without it, and what it printed when it did not.
   */
  bypassed?: { imported: boolean; line: string | null } | null
}

export interface ImageSource {
  /** The reference as given (the image input). */
  ref: string
  /** What the containers ran: the reference pinned to this platform's manifest, or the local tag. */
  pinned: string
  /** local: found in the engine's image store; pulled: fetched from its registry for this check. */
  from: 'local' | 'pulled'
}

export interface PlatformResult {
  platform: string
  emulated: boolean
  required: boolean
  passed: boolean
  durationMs: number
  stages: Stages
  environment: Environment
  training: Training | null
  diagnoses: Diagnosis[]
  image?: ImageConfig | null
  /** With the image input: the image this platform checked, and where it came from. */
  source?: ImageSource | null
  /** How the import-and-train container was started (and run's, which starts the same way). */
  invocation?: Invocation | null
  /** For an emulated platform: its stage times as multiples of a native platform's. */
  emulationSlowdown?: EmulationSlowdown | null
  /** Where this verdict was reached. */
  host?: Host | null
  /** With gpus: what TensorFlow saw of the GPUs. */
  gpu?: GpuCheck | null
  /** With gpu-ready: whether the image could use an NVIDIA GPU. */
  gpuReady?: GpuReadiness | null
}

/** The Docker engine, image store, buildx and QEMU a platform was checked with. */
export interface Host {
  /** Docker Engine version (28.5.2). */
  engine: string | null
  /** buildx version (0.29.1). */
  buildx: string | null
  /** The builder's driver: docker, docker-container, remote, ... */
  driver: string | null
  /** The builder's BuildKit version (0.25.2), when it says one. */
  buildkit?: string | null
  /** Which image store the engine uses: classic (graph drivers) or containerd. */
  imageStore: 'classic' | 'containerd' | null
  /** For an emulated platform: the QEMU version that ran it, or the installer image that registered it. */
  qemu?: string | null
  /** The GitHub Actions runner it ran on, when the action ran it. */
  runner?: RunnerInfo | null
}

export type EmulationSlowdown = {
  /** The native platform compared with. */
  native: string
} & Partial<Record<ComparedStage, number>>

export interface Results {
  schemaVersion: typeof SCHEMA_VERSION
  tool: { name: string; version: string }
  context: string
  dockerfile: string
  /** The existing image checked instead of a build (the image input); absent for a build. */
  image?: string | null
  passed: boolean
  platforms: PlatformResult[]
  diagnoses: Diagnosis[]
  /** ISO 8601 time the check finished. */
  createdAt?: string
  /** The commit checked, when known (GITHUB_SHA or the PR head). */
  sha?: string | null
  /** Line edits that fix diagnoses, each proven by the static analysis on an edited copy. */
  fixes?: FixEdit[]
}

/** One run of lines of one file and what replaces it. */
export interface FixHunk {
  /** The file as the report shows it: relative to the repository (the base), else absolute. */
  file: string
  /** 1-based, inclusive: the lines the edit replaces, and no others. */
  startLine: number
  endLine: number
  /** Those lines as they are now (without line endings). */
  original: string[]
  /** What replaces them; may hold more lines (an inserted ENV) or fewer. */
  replacement: string[]
}

/**
 * A fix for one or more diagnoses: every hunk applies together. It was checked by applying it to
 * a copy of the project and running the static analysis again: its findings are gone, and no new
 * one appeared.
 */
export interface FixEdit {
  /** The diagnosis ids it fixes. */
  diagnoses: string[]
  /** The platforms those diagnoses were on (null: every platform). */
  platforms: string[] | null
  /** What it does, in one line. */
  summary: string
  hunks: FixHunk[]
}

export function emptyEnvironment(): Environment {
  return { machine: null, python: null, tensorflow: null, numpy: null, keras: null }
}

export function emptyStage(
  status: StageStatus = 'skipped',
  reason?: string,
  cause?: StageCause,
): StageResult {
  return {
    status,
    durationMs: 0,
    log: '',
    ...(reason !== undefined ? { reason } : {}),
    ...(cause !== undefined ? { cause } : {}),
  }
}

/**
 * A stage's cause. Results written before stage results carried one say it only in their status
 * and reason: a timeout, or the sentence engine/emulation.ts then wrote when no emulator could
 * be had; that is read from them, so that they keep the commit status they had.
 */
export function stageCause(st: StageResult): StageCause | undefined {
  if (st.cause !== undefined) return st.cause
  if (st.status === 'timed-out') return 'timeout'
  if (st.status === 'failed' && /no QEMU emulator/.test(st.reason ?? '')) return 'no-emulator'
  return undefined
}

/** The stages a platform has, in order. */
export function stagesOf(stages: Stages): StageName[] {
  return STAGE_ORDER.filter((s) => stages[s] !== undefined)
}

/** The first stage that failed or timed out. */
export function failingStage(stages: Stages): StageName | undefined {
  return stagesOf(stages).find(
    (s) => stages[s]!.status === 'failed' || stages[s]!.status === 'timed-out',
  )
}

/**
 * The stage that decided a platform that did not pass: the first that failed or timed out, else
 * the first that the check could not decide here (a GPU check under QEMU).
 */
export function decisiveStage(stages: Stages): StageName | undefined {
  return (
    failingStage(stages) ??
    stagesOf(stages).find((s) => {
      const cause = stageCause(stages[s]!)
      return cause !== undefined && CAUSES[cause] === 'undecided'
    })
  )
}

/** The stage that made the platform's image: the pull where the image input replaced the build. */
export function imageStage(stages: Stages): StageName {
  const have = stagesOf(stages)
  const replaced = replacedBy(have)
  return have.find((s) => spec(s).verdict === 'image' && !replaced.has(s))!
}

/**
 * The stages a report shows as columns: those every platform has (the build left out when every
 * platform checked an existing image instead), and those any platform has.
 */
export function shownStages(platforms: Pick<PlatformResult, 'stages'>[]): StageName[] {
  const hidden =
    platforms.length === 0
      ? new Set<string>()
      : replacedBy(STAGE_ORDER.filter((s) => platforms.every((p) => p.stages[s] !== undefined)))
  return STAGE_ORDER.filter((s) =>
    spec(s).present === 'always'
      ? !hidden.has(s)
      : platforms.some((p) => p.stages[s] !== undefined),
  )
}

/** The job passes when every required platform passed. */
export function overallPassed(platforms: PlatformResult[]): boolean {
  return platforms.every((p) => !p.required || p.passed)
}
