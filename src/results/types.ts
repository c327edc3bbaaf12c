// The results JSON: read by outside tools, the report mode and people. Extend it; never rename
// or remove a field. schemaVersion changes only for a change that old readers would misread.

export const SCHEMA_VERSION = 1

export type StageName = 'build' | 'import' | 'train'
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
}

export interface Training {
  steps: number
  loss: number[]
  examplesPerSecond: number
}

/** What the image would run by itself, recorded for diagnosis; the check never runs it. */
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

export interface PlatformResult {
  platform: string
  emulated: boolean
  required: boolean
  passed: boolean
  durationMs: number
  stages: Record<StageName, StageResult>
  environment: Environment
  training: Training | null
  diagnoses: Diagnosis[]
  image?: ImageConfig | null
  /** For an emulated platform: its stage times as multiples of a native platform's. */
  emulationSlowdown?: EmulationSlowdown | null
  /** Where this verdict was reached. */
  host?: Host | null
}

/** The Docker engine, image store, buildx and QEMU a platform was checked with. */
export interface Host {
  /** Docker Engine version (28.5.2). */
  engine: string | null
  /** buildx version (0.29.1). */
  buildx: string | null
  /** The builder's driver: docker, docker-container, remote, ... */
  driver: string | null
  /** Which image store the engine uses: classic (graph drivers) or containerd. */
  imageStore: 'classic' | 'containerd' | null
  /** For an emulated platform: the QEMU version that ran it, or the installer image that registered it. */
  qemu?: string | null
}

export interface EmulationSlowdown {
  /** The native platform compared with. */
  native: string
  import?: number
  train?: number
}

export interface Results {
  schemaVersion: typeof SCHEMA_VERSION
  tool: { name: string; version: string }
  context: string
  dockerfile: string
  passed: boolean
  platforms: PlatformResult[]
  diagnoses: Diagnosis[]
  /** ISO 8601 time the check finished. */
  createdAt?: string
  /** The commit checked, when known (GITHUB_SHA or the PR head). */
  sha?: string | null
}

export function emptyStage(status: StageStatus = 'skipped', reason?: string): StageResult {
  return reason === undefined
    ? { status, durationMs: 0, log: '' }
    : { status, durationMs: 0, log: '', reason }
}

/** The first stage that failed or timed out. */
export function failingStage(stages: Record<StageName, StageResult>): StageName | undefined {
  return (['build', 'import', 'train'] as const).find(
    (s) => stages[s].status === 'failed' || stages[s].status === 'timed-out',
  )
}

/** The job passes when every required platform passed. */
export function overallPassed(platforms: PlatformResult[]): boolean {
  return platforms.every((p) => !p.required || p.passed)
}
