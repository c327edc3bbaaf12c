import type { BinfmtHandler } from '../docker/binfmt.js'
import type { BuilderInfo } from '../docker/builder.js'
import type { Through } from '../docker/args.js'
import type { Docker } from '../docker/client.js'
import type { Evidence } from '../diagnose/evidence.js'
import type { CheckOptions } from '../config/check.js'
import { type Platform, platformSlug } from '../platforms.js'
import type { GpuCheck, GpuReadiness } from '../results/gpu.js'
import type {
  Environment,
  ImageConfig,
  Invocation,
  Stages,
  StageName,
  StageResult,
  Training,
} from '../results/types.js'
import { containerPrefix, imagePrefix } from '../runid.js'
import type { Logger } from './logger.js'
import type { KnownScript } from './invocation.js'
import type { ImagePlan } from './source.js'

// The shapes of the per-platform pipeline (platform.ts): what a stage is given, what it may
// add to, and what it answers. A stage is one file under stages/ and one line in pipeline().

export interface EngineDeps {
  docker: Docker
  log: Logger
  /** Unique per run: part of every tag and container name, and the value of the run label. */
  runId: string
  signal?: AbortSignal
  /** Called before anything is created, so that cleanup finds it even after a crash. */
  onCreate?: (kind: 'image' | 'container', ref: string) => void
  /** The engine's CPU, in place of what `docker info` says (tests). */
  hostArch?: string
  /** Whether the engine runs on this machine, in place of what `docker info` says (tests). */
  engineLocal?: boolean
  readBinfmt?: () => Promise<BinfmtHandler[] | null>
  /** The version of the QEMU behind a handler (tests answer it themselves). */
  qemuVersion?: (handler: BinfmtHandler | undefined, qemuArch: string) => Promise<string | null>
  now?: () => number
}

/** What one platform's stages share. */
export interface StageContext {
  opts: CheckOptions
  deps: EngineDeps
  /** The platform; its id (linux/arm64) is how results, logs and tags write it. */
  platform: Platform
  /** The image the stages build (or, with the image input, pull) and run. */
  tag: string
  /** With the image input: where each platform's image is. */
  image: ImagePlan | null
  /** When the platform's timeout-minutes run out (epoch ms). */
  deadline: number
  /** One platform at a time: each stage's output goes in a log group. */
  grouped: boolean
  emulated: boolean
  /** The ENTRYPOINT script the Dockerfile copies from the build context, when it does. */
  script: KnownScript | null
  /** What in the Dockerfile shows the image is meant for GPUs (lint/gpu.ts); null: nothing. */
  gpuIntent?: string | null
  /** The builder the build runs on (null with the image input, which builds nothing). */
  builder?: BuilderInfo | null
}

/** What a platform's stages have found so far; a stage adds to it. */
export interface PlatformState {
  stages: Stages
  environment: Environment
  training: Training | null
  /** The built image's own configuration, once read. */
  image: ImageConfig | null
  /** How the import-and-train container was started; run starts the same way. */
  invocation: Invocation | null
  /** How a shell command meets the ENTRYPOINT, as the import-and-train container met it. */
  through?: Through
  /** With gpus: what TensorFlow saw of the GPUs. */
  gpu?: GpuCheck | null
  /** With gpu-ready: whether the image could use an NVIDIA GPU. */
  gpuReady?: GpuReadiness | null
}

/** What a stage answers the pipeline. */
export interface StageRun {
  /** The results' stages it decided. */
  results: Partial<Record<StageName, StageResult>>
  /** Its output, for the diagnosis when it failed. */
  lines: string[]
  /** Facts for the diagnosis beyond the output. */
  evidence?: Partial<Evidence>
  /** Why the stages after a failure did not run; default "the <stage> did not pass". */
  skipReason?: string
}

/** One step of a platform's pipeline: it runs, records what it found in the state, and answers. */
export type Stage = (ctx: StageContext, state: PlatformState) => Promise<StageRun>

/** Lines of each stage's log kept in the results. */
export const LOG_TAIL_LINES = 40

export function imageTag(runId: string, p: Platform): string {
  return imagePrefix(runId) + platformSlug(p)
}

export function containerName(runId: string, p: Platform): string {
  return containerPrefix(runId) + platformSlug(p)
}

/** Whether the stage's output went into a log group (one platform at a time) or goes out tagged. */
export async function inGroup<T>(
  ctx: StageContext,
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!ctx.grouped) return run()
  ctx.deps.log.startGroup(`${ctx.platform.id} · ${what}${ctx.emulated ? ' (QEMU)' : ''}`)
  try {
    return await run()
  } finally {
    ctx.deps.log.endGroup()
  }
}
