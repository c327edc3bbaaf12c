import { diagnosis, type Finding, type Located } from '../diagnosis.js'
import { hidingVariable } from '../gpus.js'
import { isCudaBuild } from '../knowledge/cuda.js'
import { archOf, hasAnyWheel, type WheelArch } from '../knowledge/tensorflow.js'
import type { DockerfileModel, Requirement } from './model.js'
import { markerApplies } from './requirements.js'
import { everywhere, type LintContext } from './rule.js'
import { stageChain } from './stages.js'

// What the Dockerfile says about GPUs before anything is built: TensorFlow's CUDA extra asked
// for where its wheels are CPU builds, the CPU-only distribution where GPUs are asked for, an ENV
// that hides the GPUs, and whether the image is meant for GPUs at all (gpu-ready: auto).
// knowledge/cuda.ts holds which wheels are CUDA builds. fix/ offers no edit for these: the
// right change (a marker per architecture, another package, an ENV removed) is the user's call.

const where = (x: Located): string => `${x.file}:${x.line}`

/** The stages of the final image: the final stage and those it builds on. */
function finalChain(model: DockerfileModel): Set<number> {
  return new Set(stageChain(model, model.finalStage).map((s) => s.index))
}

/** The distributions that declare the and-cuda extra (tensorflow-cpu's is of no use). */
const AND_CUDA = ['tensorflow', 'tensorflow-cpu']

/** tensorflow[and-cuda], in any spelling of the extra (PEP 685 normalises it). */
function andCuda(r: Requirement): boolean {
  return AND_CUDA.includes(r.name) && r.extras.includes('and-cuda')
}

// NVIDIA's images: nvidia/cuda on Docker Hub, and NVIDIA's own registry's nvidia/ namespace
// (pytorch, tensorflow, cuda...), mirrors included; TensorFlow's own -gpu tags.
const NVIDIA_IMAGE = /(^|\/)nvidia\/[^/]+/
const TENSORFLOW_IMAGE = /(^|\/)tensorflow\/tensorflow$/
const GPU_TAG = /(^|-)gpu(-|$)/

const INTENT_ENVS = new Set([
  'CUDA_VERSION',
  'CUDA_HOME',
  'NVIDIA_VISIBLE_DEVICES',
  'NVIDIA_DRIVER_CAPABILITIES',
])

/** The final image's FROM that is a GPU image, as a reason; null when none is. */
function baseIntent(model: DockerfileModel): string | null {
  for (const s of stageChain(model, model.finalStage)) {
    const { name, tag, stage } = s.from
    if (stage) continue
    const n = name.toLowerCase()
    const gpu =
      NVIDIA_IMAGE.test(n) || (TENSORFLOW_IMAGE.test(n) && GPU_TAG.test((tag ?? '').toLowerCase()))
    if (!gpu) continue
    const how = s.index === model.finalStage ? 'is' : 'builds on'
    return `the final stage ${how} FROM ${s.from.ref} (${where(s.from)})`
  }
  return null
}

/**
 * Why the Dockerfile looks meant for NVIDIA GPUs, in a few words with the line that says so;
 * null when nothing does. A GPU base image of the final stage, tensorflow[and-cuda] or an
 * nvidia-* package (the CUDA libraries' wheels), or an ENV the CUDA images set.
 */
export function gpuIntent(model: DockerfileModel): string | null {
  const base = baseIntent(model)
  if (base) return base
  const r = model.requirements.find((x) => andCuda(x) || x.name.startsWith('nvidia-'))
  if (r) return `the image installs ${r.raw} (${where(r)})`
  const chain = finalChain(model)
  const e = model.envs.find(
    (x) =>
      chain.has(x.stageIndex) &&
      (INTENT_ENVS.has(x.name) || (x.name === 'LD_LIBRARY_PATH' && /cuda/i.test(x.value))),
  )
  return e ? `the image sets ENV ${e.name}=${e.value} (${where(e)})` : null
}

/** tensorflow[and-cuda] for a platform whose TensorFlow wheels are CPU builds. */
export function andCudaWithoutCuda(model: DockerfileModel, ctx: LintContext): Finding[] {
  const out: Finding[] = []
  for (const r of model.requirements.filter(andCuda)) {
    for (const p of ctx.platforms) {
      const arch = archOf(p.arch)
      // No wheels at all is platformsWithoutTensorFlow's finding, or requirements' for the
      // package (tensorflow-cpu on aarch64): nothing installs there.
      if (!arch || !hasAnyWheel(r.name, arch) || !markerApplies(r.marker, p.arch)) continue
      if (isCudaBuild(r.name, arch)) continue
      out.push({ platform: p.id, diagnosis: andCudaDiagnosis(r, p.id, arch) })
    }
  }
  return out
}

function andCudaDiagnosis(r: Requirement, platform: string, arch: WheelArch) {
  const spec = r.specifier
  const waste = `yet the and-cuda extra still installs its nvidia-* CUDA wheels on ${platform}: about 3 GB of libraries TensorFlow never loads. The build succeeds; the image is that much larger and runs on the CPU.`
  if (r.name === 'tensorflow-cpu')
    return diagnosis(
      'and-cuda-without-cuda',
      `${r.raw}: tensorflow-cpu is never a CUDA build, ${waste}`,
      `Install tensorflow[and-cuda]${spec} for TensorFlow's CUDA build (the linux/amd64 tensorflow wheel), or plain tensorflow-cpu${spec} for a CPU image.`,
      r,
    )
  return diagnosis(
    'and-cuda-without-cuda',
    `${r.raw}: TensorFlow's Linux ${arch} wheels are CPU-only builds, ${waste}`,
    `On ${platform} install plain tensorflow: in a requirements file, \`tensorflow[and-cuda]${spec}; platform_machine == "x86_64"\` and \`tensorflow${spec}; platform_machine == "${arch}"\` on two lines; or build the GPU image for linux/amd64 GPU machines only.`,
    r,
  )
}

/** Why the check asks the image for GPUs: the options; null when it does not. */
function gpusAsked(ctx: LintContext): string | null {
  if (ctx.gpus) return `gpus: ${ctx.gpus.value}`
  return ctx.gpuReady === 'required' ? 'gpu-ready: required' : null
}

/** tensorflow-cpu where the check gives the container GPUs, or requires it to be GPU-ready. */
export function tensorflowCpuWithGpus(model: DockerfileModel, ctx: LintContext): Finding[] {
  const asked = gpusAsked(ctx)
  if (!asked) return []
  return model.requirements
    .filter(
      (r) =>
        r.name === 'tensorflow-cpu' && ctx.platforms.some((p) => markerApplies(r.marker, p.arch)),
    )
    .map((r) =>
      everywhere(
        diagnosis(
          'tensorflow-cpu-with-gpus',
          `${r.raw}: tensorflow-cpu is never a CUDA build (on any architecture), so with ${asked} TensorFlow lists no GPU and trains on the CPU.`,
          `Install tensorflow[and-cuda]${r.specifier} instead of ${r.raw} (TensorFlow's CUDA build is the linux/amd64 tensorflow wheel), or check this image without ${asked}.`,
          r,
        ),
      ),
    )
}

/** Why this check reports GPU readiness for this image; null when it does not. */
function caresAboutGpus(model: DockerfileModel, ctx: LintContext): string | null {
  const asked = gpusAsked(ctx)
  if (asked) return `the check asks for GPUs (${asked})`
  if (ctx.gpuReady === 'report') return 'gpu-ready is report'
  const intent = ctx.gpuReady === 'auto' ? gpuIntent(model) : null
  return intent ? `the image is meant for GPUs: ${intent}` : null
}

const HIDDEN: Record<string, { detail: string; fix: string }> = {
  CUDA_VISIBLE_DEVICES: {
    detail: 'hides every GPU from the CUDA runtime',
    fix: 'Remove CUDA_VISIBLE_DEVICES from the ENV; a CPU-only run sets it when it runs (docker run -e CUDA_VISIBLE_DEVICES=-1).',
  },
}

/**
 * An ENV of the final image that hides the GPUs, when the check cares about GPUs: a finding at
 * the ENV line that sets it last (src/gpus.ts's hidingVariable says which values hide).
 */
export function gpuDevicesHidden(model: DockerfileModel, ctx: LintContext): Finding[] {
  const cares = caresAboutGpus(model, ctx)
  if (!cares) return []
  const chain = finalChain(model)
  const byLine = new Map<string, { at: Located; says: string[]; fixes: string[] }>()
  for (const [name, text] of Object.entries(HIDDEN)) {
    const e = model.envs.findLast((x) => x.name === name && chain.has(x.stageIndex))
    // A value from an ARG or another variable is decided at build time, not here.
    if (!e || e.value.includes('$') || !hidingVariable({ [name]: e.value })) continue
    const hit = byLine.get(where(e)) ?? { at: e, says: [], fixes: [] }
    hit.says.push(`ENV ${name}=${e.value === '' ? ' (empty)' : e.value} ${text.detail}`)
    hit.fixes.push(text.fix)
    byLine.set(where(e), hit)
  }
  return [...byLine.values()].map(({ at, says, fixes }) =>
    everywhere(
      diagnosis(
        'gpu-devices-hidden',
        `${says.join('; ')}: TensorFlow lists no GPU and runs on the CPU, whatever GPUs the container is given. Reported because ${cares}.`,
        fixes.join(' '),
        at,
      ),
    ),
  )
}
