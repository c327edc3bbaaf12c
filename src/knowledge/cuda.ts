import type { WheelArch } from './tensorflow.js'

// Which of TensorFlow's Linux wheels are CUDA builds, and what its and-cuda extra installs.
//
// Read from the wheels on the package index (tensorflow/python/platform/build_info.py, and the
// Requires-Dist lines of the wheel's METADATA):
// - tensorflow 2.21.0 manylinux_2_27_x86_64: is_cuda_build True, cuda_version '12.5.1',
//   cudnn_version '9'. manylinux_2_27_aarch64: is_cuda_build False.
// - tensorflow 2.16.2, 2.17.1, 2.18.1, 2.19.1, 2.20.0 manylinux2014_aarch64: is_cuda_build
//   False, each.
// - tensorflow 2.14.1 and 2.15.1 manylinux2014_aarch64 are shims without a build_info.py that
//   install tensorflow-cpu-aws (a CPU build) on Linux aarch64.
// - tensorflow-cpu 2.21.0 manylinux_2_27_x86_64: is_cuda_build False.
// - Every one of those wheels declares the and-cuda extra all the same, tensorflow-cpu 2.21.0
//   too: 2.15 to 2.21 the same twelve nvidia-*-cu12 packages (cublas, cuda-cupti, cuda-nvcc,
//   cuda-nvrtc, cuda-runtime, cudnn, cufft, curand, cusolver, cusparse, nccl, nvjitlink); 2.14
//   their cu11 forms (no nvrtc, nvjitlink) and tensorrt. The nvidia-*-cu12 packages publish
//   aarch64 wheels, so on linux/arm64 `pip install tensorflow[and-cuda]` installs about 3 GB of
//   CUDA libraries that the CPU-only build never loads.

/** The architectures whose `tensorflow` wheels are CUDA builds. tensorflow-cpu never is. */
export const CUDA_BUILD_ARCHES: readonly WheelArch[] = ['x86_64']

/** Whether a TensorFlow distribution's wheels for this architecture are CUDA builds. */
export function isCudaBuild(pkg: string, arch: WheelArch): boolean {
  return pkg === 'tensorflow' && CUDA_BUILD_ARCHES.includes(arch)
}
