// The results' GPU facts (the gpus and gpu-ready options): what TensorFlow said of its build,
// the GPUs it saw, the libraries found. Part of the results JSON: extend, never rename.

/** `tf.sysconfig.get_build_info()`, as the image's TensorFlow answered it. */
export interface TensorflowBuild {
  /** is_cuda_build. */
  cuda: boolean
  /** The CUDA and cuDNN versions a CUDA build was made with (12.5.1, 9). */
  cudaVersion: string | null
  cudnnVersion: string | null
  /** The GPU architectures it carries kernels for (sm_80, compute_90). */
  computeCapabilities: string[] | null
}

/** A GPU as TensorFlow listed it, with `tf.config.experimental.get_device_details`. */
export interface GpuDevice {
  /** /physical_device:GPU:0 */
  name: string
  /** The device's own name: NVIDIA A100-SXM4-40GB. */
  model: string | null
  /** 8.0 */
  computeCapability: string | null
}

/** With gpus: what TensorFlow saw of the GPUs the container was given. */
export interface GpuCheck {
  /** The gpus option as given (all, 2, device=0,1, nvidia.com/gpu=all). */
  requested: string
  /** The GPUs TensorFlow listed; null when it never said. */
  devices: GpuDevice[] | null
  /** The device the training step's output was on, as TensorFlow names it; null when never said. */
  trainedOn: string | null
}

/** A library a CUDA build of TensorFlow opens, and whether it loads in the image. */
export interface GpuLibrary {
  name: string
  /** libcudnn.so.9: the major the build loads. */
  soname: string | null
  /** Where it loaded from; null when it did not. */
  path: string | null
  version: string | null
  /** The loader's error when it did not load. */
  error: string | null
}

/** With gpu-ready: whether the image could use an NVIDIA GPU, established without one. */
export interface GpuReadiness {
  /** gpu-ready: required (not ready fails the platform). */
  required: boolean
  /** Decided by results/verdict.ts's readinessProblem from the facts below. */
  ready: boolean
  /** Why not, in one line; null when ready. */
  reason: string | null
  libraries: GpuLibrary[]
  /** The variable of the container's environment that hides the GPUs. */
  hiddenBy: { name: string; value: string } | null
  /** What shows the image is meant for GPUs (a CUDA base, nvidia-* packages); null: nothing. */
  intent: string | null
}
