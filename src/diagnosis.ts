import type { Diagnosis } from './results/types.js'

// The shapes the static phase (lint/) and the failure classifier (diagnose/) share: the
// catalogue of diagnosis ids, a static finding, a place in the project. A leaf: it imports only
// the results' types, so neither side needs the other.

/**
 * Where a cause lives: what the user changes to fix it. The README's Diagnoses table lists the ids
 * in catalogue order.
 */
export type Family =
  | 'requirements'
  | 'base-image'
  | 'python-setup'
  | 'network'
  | 'command'
  | 'keras'
  | 'machine'
  | 'architecture'
  | 'engine'
  | 'gpu'
  | 'unknown'

/**
 * One catalogue entry. The flags are how `diagnose/explain.ts` merges what a failure's evidence
 * says with what the static phase found:
 * - `proven`: the evidence proves the fault and the Dockerfile line causes it; the static
 *   finding's detail is added to the evidence's.
 * - `generic`: the evidence alone says only this much ("no version found", "no module named
 *   tensorflow"); a root cause the Dockerfile shows comes before it.
 * - `root`: a static finding for every platform that explains any failure of that platform.
 * - `advisory`: a static finding about a build that succeeds all the same (a waste, not a
 *   fault): it is listed after a platform's diagnoses and never explains a failure of it.
 */
export interface CatalogEntry {
  title: string
  family: Family
  proven?: true
  generic?: true
  root?: true
  advisory?: true
}

// Every diagnosis id. Ids are stable: outside tools key on them. Extend the catalogue; never
// rename an entry. Adding one: an entry here, a row in the README's Diagnoses table, the rule
// that finds it (lint/ or diagnose/) and its fixture.
export const CATALOG = {
  'macos-only-package': {
    title: 'A macOS-only package in a Linux image',
    family: 'requirements',
    root: true,
  },
  'no-wheel-for-platform': {
    title: 'The package has no wheel for this platform',
    family: 'requirements',
    generic: true,
  },
  'python-version-unsupported': {
    title: "The TensorFlow pin has no wheel for the image's Python",
    family: 'requirements',
  },
  'tensorflow-prerelease': {
    title: "Only a TensorFlow pre-release has wheels for the image's Python",
    family: 'requirements',
  },
  'musl-base-image': {
    title: 'Alpine/musl base image: TensorFlow has no musllinux wheels',
    family: 'base-image',
    root: true,
  },
  'glibc-too-old': {
    title: "The image's glibc is older than the wheel needs",
    family: 'base-image',
  },
  'base-image-not-found': {
    title: 'The base image tag does not exist',
    family: 'base-image',
    root: true,
  },
  'base-image-platform-missing': {
    title: 'The base image is not built for this platform',
    family: 'base-image',
  },
  'platform-unsupported-by-tensorflow': {
    title: 'TensorFlow publishes no wheels for this platform',
    family: 'requirements',
  },
  'externally-managed-environment': {
    title: 'pip refuses to install into the system Python (PEP 668)',
    family: 'python-setup',
    root: true,
  },
  'dependency-conflict': {
    title: 'The requirements cannot be resolved together',
    family: 'requirements',
  },
  'index-unreachable': { title: 'The build could not reach the package index', family: 'network' },
  'source-build-failed': {
    title: 'A dependency had no wheel and failed to build from source',
    family: 'requirements',
  },
  'tensorflow-not-installed': {
    title: 'TensorFlow is not installed in the image',
    family: 'python-setup',
    generic: true,
  },
  'venv-not-on-path': {
    title: "TensorFlow is in a venv the image's python does not use",
    family: 'python-setup',
    root: true,
  },
  'exec-form-shell': { title: 'Exec-form CMD/ENTRYPOINT with shell syntax', family: 'command' },
  'numpy-abi-mismatch': {
    title: 'TensorFlow was built against NumPy 1, the image has NumPy 2',
    family: 'requirements',
  },
  'protobuf-incompatible': {
    title: 'The installed protobuf does not match TensorFlow',
    family: 'requirements',
  },
  'illegal-instruction': {
    title: 'The CPU lacks an instruction the binary uses',
    family: 'machine',
  },
  'exec-format-error': {
    title: 'No emulator for this architecture (exec format error)',
    family: 'machine',
  },
  'emulator-crash': { title: 'QEMU crashed while emulating', family: 'machine' },
  'out-of-memory': { title: 'The process ran out of memory', family: 'machine' },
  timeout: { title: 'The stage ran out of time', family: 'engine' },
  'builder-stalled': { title: 'The build stopped making progress', family: 'engine' },
  'builder-lost': {
    title: "The builder's BuildKit went away during the build",
    family: 'engine',
  },
  'docker-engine-lost': { title: 'The Docker engine went away during the check', family: 'engine' },
  'build-cache-corrupt': {
    title: "The builder's cache refers to data that is no longer on disk",
    family: 'engine',
  },
  // The reusable workflow's: a platform's check job that no runner took, or that left no results.
  'runner-unavailable': { title: "No runner took the platform's job", family: 'engine' },
  'results-missing': { title: 'The platform has no results', family: 'engine' },
  'wrong-architecture': {
    title: 'The image is not the platform it was built for',
    family: 'architecture',
    proven: true,
  },
  'foreign-binaries': {
    title: 'The image holds binaries of another architecture than its own',
    family: 'architecture',
    proven: true,
  },
  'image-platform-missing': {
    title: 'The image has no manifest for this platform',
    family: 'architecture',
  },
  'start-failed': { title: "The image's own ENTRYPOINT/CMD failed", family: 'command' },
  'run-failed': { title: 'Your own test (the run command) failed', family: 'command' },
  'keras-backend-missing': {
    title: 'KERAS_BACKEND names a backend the image does not have',
    family: 'keras',
  },
  'keras-backend-invalid': { title: 'KERAS_BACKEND names no Keras backend', family: 'keras' },
  'tf-keras-missing': {
    title: 'TF_USE_LEGACY_KERAS asks for Keras 2, and tf-keras is not installed',
    family: 'keras',
  },
  'keras-version-mismatch': {
    title: "The installed Keras does not match TensorFlow's version",
    family: 'keras',
  },
  'entrypoint-not-runnable': {
    title: "The image's ENTRYPOINT cannot be started",
    family: 'command',
  },
  'gpu-runtime-missing': {
    title: 'The GPUs asked for cannot be given to a container here',
    family: 'gpu',
  },
  'tensorflow-not-cuda-build': {
    title: 'TensorFlow in this image is not a CUDA build',
    family: 'gpu',
  },
  'cuda-libraries-missing': {
    title: 'CUDA libraries TensorFlow needs cannot be loaded',
    family: 'gpu',
  },
  'cuda-driver-too-old': {
    title: "The host's NVIDIA driver is older than the image's CUDA runtime",
    family: 'gpu',
  },
  'gpu-devices-hidden': { title: 'An environment variable hides the GPUs', family: 'gpu' },
  'and-cuda-without-cuda': {
    title: 'tensorflow[and-cuda] brings no CUDA build on this platform',
    family: 'gpu',
    // A finding for one platform whose build passes: it must not stand in for what an unrelated
    // failure of that platform's log says (explain.ts).
    advisory: true,
  },
  'tensorflow-cpu-with-gpus': {
    title: 'tensorflow-cpu cannot use a GPU',
    family: 'gpu',
  },
  'gpu-not-used': {
    title: 'TensorFlow ran on the CPU, not on the GPUs asked for',
    family: 'gpu',
    generic: true,
  },
  unknown: { title: 'Unrecognised failure', family: 'unknown', generic: true },
} as const satisfies Record<string, CatalogEntry>

export type DiagnosisId = keyof typeof CATALOG

export function diagnosis(
  id: DiagnosisId,
  detail: string,
  fix: string,
  where?: { file: string; line?: number } | null,
): Diagnosis {
  return {
    id,
    title: CATALOG[id].title,
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
