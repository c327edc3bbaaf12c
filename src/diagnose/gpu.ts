import { diagnosis } from '../diagnosis.js'
import { type Add, type Evidence, find, quote, type Rule, runRules } from './evidence.js'

// GPU causes: the runner cannot give a container GPUs, the host's driver is older than the
// image's CUDA, TensorFlow is no CUDA build, a library it opens is missing, a variable hides
// the devices; and, when nothing else explains it, TensorFlow trained on the CPU. The log lines
// are Docker's and TensorFlow's own (the README's Diagnoses table says where each comes from);
// the facts are what the smoke script found in the container.

/** Docker without the NVIDIA runtime (or CDI spec) on the host: the container never starts. */
const NO_GPU_DRIVER = /could not select device driver "[^"]*" with capabilities: \[\[gpu\]\]/
const NO_CDI_DEVICE = /CDI device injection failed: unresolvable CDI devices? (.+)/
/** The host's driver older than the CUDA runtime: CUDA's own words and the toolkit's check. */
const DRIVER_TOO_OLD =
  /CUDA driver version is insufficient for CUDA runtime version|CUDA_ERROR_SYSTEM_DRIVER_MISMATCH|unsatisfied condition: cuda ?>= ?[0-9.]+|please update your driver to a newer version|kernel version \S+ does not match DSO version|CUDA version is \S+ which is older than the PTX compiler version/
/** TensorFlow when its GPU libraries do not load (it then registers no GPU). */
const CANNOT_DLOPEN = /Cannot dlopen some GPU libraries/
const DLOPEN_FAILED = /Could not load dynamic library '([^']+)'/

const TOOLKIT_FIX =
  'Run this check on a runner with an NVIDIA GPU and the NVIDIA Container Toolkit configured for Docker (`nvidia-ctk runtime configure --runtime=docker`, then restart dockerd; for CDI names, `nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`). On CPU runners leave gpus off: gpu-ready says whether the image could use a GPU.'

/**
 * Only where GPUs were asked of the check (gpus, or gpu-ready: required and not ready): a CPU
 * image's failure is no GPU matter, and old TensorFlow logs its failed CUDA loads on any CPU.
 */
export function gpuCauses(e: Evidence, add: Add): void {
  if (e.gpu) runRules(GPU_RULES, e, add)
}

// The runtime first: without it the container never ran, and nothing else was seen. The facts
// next, from the most basic (no CUDA build) to the most particular; gpu-not-used last.
const GPU_RULES: readonly Rule[] = [
  runtimeMissing,
  driverTooOld,
  notCudaBuild,
  librariesMissing,
  devicesHidden,
  notUsed,
]

function runtimeMissing(e: Evidence, add: Add): void {
  const m = find(e.lines, NO_GPU_DRIVER) ?? find(e.lines, NO_CDI_DEVICE)
  if (!m) return
  add(
    diagnosis(
      'gpu-runtime-missing',
      `Docker could not give the container the GPUs asked for on ${e.platform.id}: ${quote(m.line)}. This runner has no NVIDIA GPU, or its Docker engine has no NVIDIA runtime${NO_CDI_DEVICE.test(m.line) ? ' (no CDI specification names that device)' : ''}.`,
      TOOLKIT_FIX,
    ),
  )
}

function driverTooOld(e: Evidence, add: Add): void {
  const m = find(e.lines, DRIVER_TOO_OLD)
  if (!m) return
  const cuda = e.gpu?.build?.cudaVersion
  add(
    diagnosis(
      'cuda-driver-too-old',
      `The host's NVIDIA driver does not support the CUDA runtime of the image${cuda ? ` (TensorFlow was built with CUDA ${cuda})` : ''}: ${quote(m.line)}.`,
      `Update the runner's NVIDIA driver to one that supports CUDA ${cuda ?? 'of the image'} (nvidia-smi shows the highest CUDA version a driver supports), or pin a TensorFlow built with an older CUDA.`,
    ),
  )
}

function notCudaBuild(e: Evidence, add: Add): void {
  const build = e.gpu?.build
  if (!build || build.cuda) return
  const arm = e.platform.arch === 'arm64'
  add(
    diagnosis(
      'tensorflow-not-cuda-build',
      `TensorFlow in this ${e.platform.id} image says it is no CUDA build (tf.sysconfig.get_build_info(): is_cuda_build False): it can only run on the CPU.${arm ? " TensorFlow's linux/aarch64 wheels on the package index are CPU builds." : ''}`,
      arm
        ? 'No TensorFlow wheel for linux/arm64 uses a GPU: check GPU training on linux/amd64, or use a TensorFlow build made for arm64 GPU servers (such as NVIDIA’s NGC TensorFlow container) as the base.'
        : 'Install `tensorflow[and-cuda]` (the CUDA build with its CUDA libraries) instead of `tensorflow-cpu`, or a CUDA-enabled TensorFlow image as the base.',
      e.locate.requirement('tensorflow-cpu') ?? e.locate.requirement('tensorflow'),
    ),
  )
}

function librariesMissing(e: Evidence, add: Add): void {
  const libs = e.gpu?.readiness?.libraries ?? []
  const missing = libs.filter((l) => l.path === null)
  const logged = find(e.lines, DLOPEN_FAILED) ?? find(e.lines, CANNOT_DLOPEN)
  if (missing.length === 0 && !logged) return
  const named = missing.map((l) => `${l.soname ?? l.name}${l.error ? ` (${l.error})` : ''}`)
  const cuda = e.gpu?.build?.cudaVersion
  add(
    diagnosis(
      'cuda-libraries-missing',
      `TensorFlow${cuda ? ` (built with CUDA ${cuda}, cuDNN ${e.gpu?.build?.cudnnVersion ?? '?'})` : ''} needs libraries the image cannot load: ${named.length > 0 ? named.join('; ') : quote(logged!.line)}. Without them TensorFlow registers no GPU and runs on the CPU.`,
      'Install TensorFlow with its CUDA libraries, `pip install "tensorflow[and-cuda]"` (the nvidia-* wheels TensorFlow loads them from), or build on a CUDA base image that has cuDNN (an nvidia/cuda `-cudnn-runtime` tag of the CUDA major TensorFlow names).',
      e.locate.requirement('tensorflow'),
    ),
  )
}

function devicesHidden(e: Evidence, add: Add): void {
  const hidden = e.gpu?.readiness?.hiddenBy
  if (!hidden) return
  add(
    diagnosis(
      'gpu-devices-hidden',
      `${hidden.name}=${JSON.stringify(hidden.value)} in the image's environment hides every GPU from TensorFlow: it lists none and runs on the CPU.`,
      `Drop that ENV from the Dockerfile (set ${hidden.name} at run time where a CPU run is wanted).`,
      e.locate.env(hidden.name),
    ),
  )
}

function notUsed(e: Evidence, add: Add): void {
  if (e.stage !== 'gpu' || e.status !== 'failed' || !e.gpu?.problem) return
  const said = find(
    e.lines,
    /failed call to cuInit|Could not find cuda drivers|no CUDA-capable device/,
  )
  add(
    diagnosis(
      'gpu-not-used',
      `The GPU check on ${e.platform.id} is not proven: ${e.gpu.problem}.${said ? ` TensorFlow said: ${quote(said.line)}.` : ''}`,
      'Check that the runner has a GPU TensorFlow supports (nvidia-smi on the runner), that gpus names devices that exist, and that the image is a CUDA build with its libraries (gpu-ready: report says which is missing).',
    ),
  )
}
