import { type GpuReadyMode, type GpuRequest, hidingVariable } from '../../gpus.js'
import { emptyStage, type StageResult } from '../../results/types.js'
import type { GpuCheck, GpuReadiness, TensorflowBuild } from '../../results/gpu.js'
import { gpuProblem, readinessProblem } from '../../results/verdict.js'
import type { BuildFields, GpuEvent, ReadyEvent } from '../../smoke/events.js'
import type { Recorded } from './smoke-events.js'

// From what the smoke container printed to the GPU stage (gpus) and the GPU readiness
// (gpu-ready): pure, tested on recorded output. Whether either is proven is the verdict's rule
// (results/verdict.ts); this only gathers the facts and asks it.

/** What the container said of GPUs: its ready and gpu lines, and where training ran. */
export interface GpuFacts {
  build: TensorflowBuild | null
  ready: ReadyEvent | null
  gpu: GpuEvent | null
  /** The device of the training step's output, else of the computation placed on /GPU:0. */
  trainedOn: string | null
}

export function gpuFacts(recorded: Recorded): GpuFacts {
  let ready: ReadyEvent | null = null
  let gpu: GpuEvent | null = null
  let trained: string | null | undefined
  for (const { event } of recorded.events) {
    if (event.stage === 'ready') ready = event
    else if (event.stage === 'gpu') gpu = event
    else if (event.stage === 'train') trained = event.ok ? (event.device ?? null) : null
  }
  return {
    build: buildOf(ready?.build) ?? buildOf(gpu?.build),
    ready,
    gpu,
    // The training step's own device when it ran; the placed computation only without training.
    trainedOn: trained !== undefined ? trained : (gpu?.computedOn ?? null),
  }
}

function buildOf(b: BuildFields | undefined): TensorflowBuild | null {
  if (!b || b.error !== undefined || b.cuda === undefined) return null
  return {
    cuda: b.cuda,
    cudaVersion: b.cudaVersion ?? null,
    cudnnVersion: b.cudnnVersion ?? null,
    computeCapabilities: b.computeCapabilities ?? null,
  }
}

/** How the rest of the platform's check went, for the GPU stage. */
export interface GpuContext {
  platform: string
  emulated: boolean
  /** The import passed, and training too when it was asked for. */
  reached: boolean
}

/** The GPU stage and what TensorFlow saw, for a platform checked with gpus. */
export function gpuStage(
  facts: GpuFacts,
  request: GpuRequest,
  c: GpuContext,
): { stage: StageResult; check: GpuCheck } {
  const check: GpuCheck = {
    requested: request.value,
    devices: facts.gpu?.devices ?? null,
    trainedOn: facts.trainedOn,
  }
  if (c.emulated)
    return {
      stage: emptyStage(
        'skipped',
        `GPUs cannot be used under QEMU: ${c.platform} is emulated on this runner, so its GPU check needs a ${c.platform} machine with a GPU`,
        'emulated',
      ),
      check: { ...check, devices: null, trainedOn: null },
    }
  if (!c.reached)
    return {
      stage: emptyStage('skipped', 'TensorFlow did not import and train', 'not-reached'),
      check,
    }
  const problem = gpuProblem(check)
  const stage: StageResult = problem
    ? emptyStage('failed', problem, 'no-gpu')
    : emptyStage('passed')
  return { stage, check }
}

/**
 * GPU readiness, or null when it is not to be said: gpu-ready off, or auto for an image that
 * shows no GPU intent (neither its Dockerfile, nor the gpus option, nor what is installed).
 */
export function readinessOf(
  facts: GpuFacts,
  mode: GpuReadyMode,
  staticIntent: string | null,
): GpuReadiness | null {
  if (mode === 'off') return null
  const intent = staticIntent ?? runtimeIntent(facts.ready)
  if (mode === 'auto' && intent === null) return null
  const libraries = (facts.ready?.libraries ?? []).map((l) => ({ ...l }))
  const hiddenBy = hidingVariable(facts.ready?.env ?? {})
  const reason = facts.ready
    ? readinessProblem(facts.build, libraries, hiddenBy)
    : 'not established: the check container did not report it (it did not run, or TensorFlow did not import)'
  return {
    required: mode === 'required',
    ready: reason === null,
    reason,
    libraries,
    hiddenBy,
    intent,
  }
}

/** What the image itself shows of GPU intent: the nvidia-* wheels, a CUDA install, CUDA_VERSION. */
function runtimeIntent(ready: ReadyEvent | null): string | null {
  if (!ready) return null
  const nvidia = ready.nvidiaPackages ?? []
  if (nvidia.length > 0)
    return `the nvidia-* packages ${nvidia.slice(0, 4).join(', ')}${nvidia.length > 4 ? ', ...' : ''} are installed`
  if (ready.cudaHome) return '/usr/local/cuda is in the image'
  const cuda = ready.env?.CUDA_VERSION
  if (cuda) return `the image sets CUDA_VERSION=${cuda}`
  return null
}
