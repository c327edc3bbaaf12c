import {
  declaredPlatform,
  machineMatches,
  machinesOf,
  parsePlatform,
  type Platform,
} from '../platforms.js'
import {
  type Environment,
  failingStage,
  type ImageConfig,
  type PlatformResult,
  type Stages,
  stagesOf,
} from './types.js'
import type { GpuCheck, GpuLibrary, GpuReadiness, TensorflowBuild } from './gpu.js'
import { replacedBy, spec } from './stages.js'
import { gpusNeeded, parseGpus } from '../gpus.js'

// The one rule that decides whether a platform passed. Whatever stages a check runs, a platform
// passes only when its image is that platform and the process that imported TensorFlow really
// ran as that platform: proven by the image's own configuration and by what the process saw
// inside the container. Every mode (the engine, report mode reading results files) decides
// through here, so no stage can pass a platform that is not what it claims. The same holds for
// GPUs: a GPU check passes only when TensorFlow listed the GPUs and trained on one, and an image
// is GPU-ready only when the facts found in it say so; a missing fact fails.

/** Why the image's configuration is not the platform asked for; null when it is. */
export function imageMismatch(
  platform: string,
  image: ImageConfig | null | undefined,
): string | null {
  const declared = declaredPlatform(image?.os, image?.architecture, image?.variant)
  if (declared === null)
    return `the image's configuration does not say which platform it is, so it cannot be proven to be ${platform}`
  if (declared !== platform)
    return `the image built for ${platform} is a ${declared} image (its configuration says os ${image?.os}, architecture ${image?.architecture}${image?.variant ? `, variant ${image.variant}` : ''})`
  return null
}

/** Why the process inside the container did not run as the platform; null when it did. */
export function machineMismatch(p: Platform, env: Environment): string | null {
  if (!env.machine)
    return `the container never reported its machine, so it cannot be proven to have run as ${p.id}`
  if (!machineMatches(p, env.machine))
    return `the container ran as ${env.machine}, not as ${p.id} (${machinesOf(p).join(' or ')})`
  // uname alone is not enough: a 32-bit process on its 64-bit sibling may report the 64-bit
  // kernel's name. The interpreter's own ELF header says what really ran.
  const interpreter = env.interpreter ?? null
  if (interpreter === null)
    return `the interpreter's binary could not be read, so it cannot be proven to be a ${p.id} binary`
  if (interpreter !== p.arch)
    return `the interpreter${env.executable ? ` ${env.executable}` : ''} is an ${interpreter} binary, not ${p.arch}`
  return null
}

/** Both proofs at once: the first reason the platform is not what it claims, or null. */
export function architectureMismatch(
  r: Pick<PlatformResult, 'platform' | 'image' | 'environment'>,
): string | null {
  let p: Platform
  try {
    p = parsePlatform(r.platform)
  } catch {
    return `'${r.platform}' is not a platform`
  }
  return imageMismatch(p.id, r.image) ?? machineMismatch(p, r.environment)
}

/**
 * Whether the stages allow a pass: none failed or timed out; the stage that made the image (the
 * build, or with the image input the pull) passed; every stage that must pass (the import, and
 * those asked for beyond it: start, run) passed; training passed, or was skipped because the
 * user turned it off. How each stage counts is its row in results/stages.ts.
 */
export function stagesPassed(stages: Stages, train: boolean): boolean {
  if (failingStage(stages)) return false
  const have = stagesOf(stages)
  const replaced = replacedBy(have)
  return have.every((s) => {
    const passed = stages[s]!.status === 'passed'
    switch (spec(s).verdict) {
      case 'image':
        return replaced.has(s) || passed
      case 'train':
        return !train || passed
      case 'pass':
        return passed
    }
  })
}

/** A device TensorFlow names as a GPU: /job:localhost/replica:0/task:0/device:GPU:0. */
const GPU_DEVICE = /(^|\/)device:GPU:[0-9]+$/

/**
 * Why the GPU check (the gpus option) is not proven; null when it is, or when none was asked
 * for. It needs TensorFlow to have listed at least the GPUs asked for (recounted from the
 * request, not taken from the file) and the training step's output to be on a GPU device.
 */
export function gpuMismatch(r: Pick<PlatformResult, 'stages' | 'gpu'>): string | null {
  const st = r.stages.gpu
  if (!st && !r.gpu) return null
  if (!st) return 'GPUs were asked for, and the results have no GPU stage'
  if (!r.gpu) return 'the container never said which GPUs TensorFlow saw'
  return gpuProblem(r.gpu)
}

/** Why what TensorFlow saw does not prove the GPUs asked for; null when it does. */
export function gpuProblem(g: GpuCheck): string | null {
  let needed: number
  try {
    const request = parseGpus(g.requested)
    if (!request) return `'${g.requested}' asks for no GPU`
    needed = gpusNeeded(request)
  } catch {
    return `'${g.requested}' is not a GPU request`
  }
  const devices = g.devices
  if (devices === null) return 'TensorFlow never listed its GPUs'
  if (devices.length < needed)
    return devices.length === 0
      ? 'TensorFlow listed no GPU'
      : `TensorFlow listed ${devices.length} GPU${devices.length === 1 ? '' : 's'}, and ${needed} were asked for`
  const on = g.trainedOn
  if (on === null) return 'the training step never said which device it ran on'
  if (!GPU_DEVICE.test(on)) return `the training step ran on ${on}, not on a GPU`
  return null
}

/** The libraries a CUDA build cannot do without, by name (smoke.py's CUDA_LIBRARIES, held equal by a test). */
export const NEEDED_LIBRARIES = [
  'cudart',
  'cublas',
  'cublasLt',
  'cufft',
  'cusolver',
  'cusparse',
  'cudnn',
]

/**
 * Why an image could not use an NVIDIA GPU, from what was found in it without one; null when it
 * could: TensorFlow is a CUDA build, every library such a build opens loaded (at the major the
 * build names), and no variable hides the devices.
 */
export function readinessProblem(
  build: TensorflowBuild | null | undefined,
  libraries: readonly GpuLibrary[],
  hiddenBy: GpuReadiness['hiddenBy'],
): string | null {
  if (!build) return "TensorFlow's build information was never reported"
  if (!build.cuda) return 'TensorFlow here is not a CUDA build (tf.sysconfig.get_build_info())'
  const missing = NEEDED_LIBRARIES.filter(
    (name) => !libraries.some((l) => l.name === name && l.path !== null && l.soname !== null),
  )
  if (missing.length > 0) {
    const named = missing.map(
      (name) => libraries.find((l) => l.name === name)?.soname ?? `lib${name}`,
    )
    return `${named.join(', ')} cannot be loaded`
  }
  if (hiddenBy) return `${hiddenBy.name}=${JSON.stringify(hiddenBy.value)} hides the GPUs`
  return null
}

/** Why gpu-ready: required fails the platform; null when it does not (not required, or ready). */
export function readinessMismatch(
  r: Pick<PlatformResult, 'gpuReady' | 'environment'>,
): string | null {
  const g = r.gpuReady
  if (!g?.required) return null
  return readinessProblem(r.environment.tensorflowBuild, g.libraries, g.hiddenBy)
}

/**
 * A platform passes when its image is that platform, the check really ran there, every stage
 * asked for passed, and the GPUs asked for (and GPU readiness, when required) are proven. A
 * diagnosis never turns a failure into a pass.
 */
export function platformPassed(
  r: Pick<PlatformResult, 'platform' | 'image' | 'environment' | 'stages' | 'gpu' | 'gpuReady'>,
  train: boolean,
): boolean {
  return (
    stagesPassed(r.stages, train) &&
    architectureMismatch(r) === null &&
    gpuMismatch(r) === null &&
    readinessMismatch(r) === null
  )
}
