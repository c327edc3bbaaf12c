import type { Diagnosis } from './results/types.js'

// The shapes the static phase (lint/) and the failure classifier (diagnose/) share: the
// catalogue of diagnosis ids, a static finding, a place in the project. A leaf: it imports only
// the results' types, so neither side needs the other.

// Every diagnosis id, with its title. Ids are stable: outside tools key on them. Extend the
// list; never rename an entry.
export const CATALOG = {
  'macos-only-package': 'A macOS-only package in a Linux image',
  'no-wheel-for-platform': 'The package has no wheel for this platform',
  'python-version-unsupported': "The TensorFlow pin has no wheel for the image's Python",
  'tensorflow-prerelease': "Only a TensorFlow pre-release has wheels for the image's Python",
  'musl-base-image': 'Alpine/musl base image: TensorFlow has no musllinux wheels',
  'glibc-too-old': "The image's glibc is older than the wheel needs",
  'base-image-not-found': 'The base image tag does not exist',
  'base-image-platform-missing': 'The base image is not built for this platform',
  'platform-unsupported-by-tensorflow': 'TensorFlow publishes no wheels for this platform',
  'externally-managed-environment': 'pip refuses to install into the system Python (PEP 668)',
  'dependency-conflict': 'The requirements cannot be resolved together',
  'index-unreachable': 'The build could not reach the package index',
  'source-build-failed': 'A dependency had no wheel and failed to build from source',
  'tensorflow-not-installed': 'TensorFlow is not installed in the image',
  'venv-not-on-path': "TensorFlow is in a venv the image's python does not use",
  'exec-form-shell': 'Exec-form CMD/ENTRYPOINT with shell syntax',
  'numpy-abi-mismatch': 'TensorFlow was built against NumPy 1, the image has NumPy 2',
  'protobuf-incompatible': 'The installed protobuf does not match TensorFlow',
  'illegal-instruction': 'The CPU lacks an instruction the binary uses',
  'exec-format-error': 'No emulator for this architecture (exec format error)',
  'emulator-crash': 'QEMU crashed while emulating',
  'out-of-memory': 'The process ran out of memory',
  timeout: 'The stage ran out of time',
  'docker-engine-lost': 'The Docker engine went away during the check',
  'build-cache-corrupt': "The builder's cache refers to data that is no longer on disk",
  'builder-stalled': 'The build stopped making progress',
  'wrong-architecture': 'The image is not the platform it was built for',
  'foreign-binaries': 'The image holds binaries of another architecture than its own',
  'image-platform-missing': 'The image has no manifest for this platform',
  'start-failed': "The image's own ENTRYPOINT/CMD failed",
  'run-failed': 'Your own test (the run command) failed',
  'keras-backend-missing': 'KERAS_BACKEND names a backend the image does not have',
  'keras-backend-invalid': 'KERAS_BACKEND names no Keras backend',
  'tf-keras-missing': 'TF_USE_LEGACY_KERAS asks for Keras 2, and tf-keras is not installed',
  'keras-version-mismatch': "The installed Keras does not match TensorFlow's version",
  'entrypoint-not-runnable': "The image's ENTRYPOINT cannot be started",
  unknown: 'Unrecognised failure',
} as const

export type DiagnosisId = keyof typeof CATALOG

/** How to get an emulator for an architecture: said wherever one is missing. */
export function registerQemu(arch: string): string {
  return `register QEMU (docker/setup-qemu-action, or docker run --privileged --rm tonistiigi/binfmt --install ${arch})`
}

export function diagnosis(
  id: DiagnosisId,
  detail: string,
  fix: string,
  where?: { file: string; line?: number } | null,
): Diagnosis {
  return {
    id,
    title: CATALOG[id],
    detail,
    fix,
    ...(where?.file ? { file: where.file } : {}),
    ...(where?.line ? { line: where.line } : {}),
  }
}

/** A place in the project: a Dockerfile line, a requirements line. */
export interface Located {
  file: string
  /** 1-based. */
  line: number
}

/** Where a diagnosis about a package or the base image points, when the project shows it. */
export interface Locator {
  requirement: (name: string) => Located | null
  from: Located | null
  /** The exec-form CMD or ENTRYPOINT whose program is this one (else the last one). */
  command: (program: string) => Located | null
  /** The ENV instruction of the final image that sets this variable. */
  env: (name: string) => Located | null
  /** The final image's ENTRYPOINT instruction. */
  entrypoint: Located | null
}

/** A finding of the static phase, before anything is built. */
export interface Finding {
  /** null: every platform. */
  platform: string | null
  diagnosis: Diagnosis
  /** The outcome is certain without building: no TensorFlow wheels for the platform at all. */
  skipBuild?: boolean
}
