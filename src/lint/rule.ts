import type { Finding } from '../diagnosis.js'
import type { GpuReadyMode, GpuRequest } from '../gpus.js'
import type { Platform } from '../platforms.js'
import type { Diagnosis } from '../results/types.js'
import type { EntrypointScript } from './entrypoint.js'
import type { DockerfileModel } from './model.js'

// What a static rule is: it reads the model (and what the check knows besides) and returns its
// findings. rules.ts holds them in the order they run.

export interface LintContext {
  platforms: Platform[]
  /** What $BUILDPLATFORM means: the builder's architecture. */
  buildArch: string
  /** The final image's ENTRYPOINT script, read from the build context. */
  entrypoint: EntrypointScript | null
  /** The GPUs the check gives its container (null: none), and gpu-ready. */
  gpus: GpuRequest | null
  gpuReady: GpuReadyMode
}

/** What the GPU rules read of the options; a caller that names none asks for no GPU. */
export type GpuOptions = Pick<LintContext, 'gpus' | 'gpuReady'>

export const NO_GPUS: GpuOptions = { gpus: null, gpuReady: 'auto' }

export type Rule = (model: DockerfileModel, ctx: LintContext) => Finding[]

/** A finding for every platform: it goes to the top level. */
export function everywhere(d: Diagnosis): Finding {
  return { platform: null, diagnosis: d }
}
