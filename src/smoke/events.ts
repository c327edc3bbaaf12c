import type { ElfHeader } from '../arches.js'

// What each marker line of the smoke script (smoke.py) says, one interface per stage with the
// fields that stage's emit() call sends, and the check of a parsed line against them. A field
// may be missing (a line is read for what it has, as recorded tests feed it); one that is there
// with another type makes the line not ours, like a truncated one.

/** The interpreter, before anything is imported. */
export interface StartEvent {
  stage: 'start'
  /** platform.machine(): what the process believes it runs on. */
  machine?: string
  python?: string
  /** sys.executable, which Python leaves empty or None when it cannot tell. */
  executable?: string | null
  /** The ELF header of the binary really running, when it could be read. */
  elf?: ElfHeader | null
  /** The variables of the process that decide what Keras needs. */
  env?: Record<string, string>
}

/** TensorFlow imported, or not; the versions only when it did. */
export interface ImportEvent {
  stage: 'import'
  ok?: boolean
  seconds?: number
  tensorflow?: string | null
  numpy?: string | null
  keras?: string | null
}

/** After a failed import: where TensorFlow and venvs are in the image. */
export interface ProbeEvent {
  stage: 'probe'
  tensorflowDirs?: string[]
  venvs?: string[]
  sysPath?: string[]
  prefix?: string
  path?: string | null
  glibc?: string | null
  /** Extension modules of another architecture than the interpreter's (the first ten). */
  foreignBinaries?: ForeignBinary[]
  binariesChecked?: number
  foreignCount?: number
}

export type ForeignBinary = ElfHeader & { file: string }

/** The training step, passed or raised; its numbers only when it passed. */
export interface TrainEvent {
  stage: 'train'
  ok?: boolean
  seconds?: number
  steps?: number
  loss?: number[]
  examplesPerSecond?: number
  keras?: string | null
  /** The device the step's output was on (/job:localhost/replica:0/task:0/device:GPU:0). */
  device?: string | null
}

/** tf.sysconfig.get_build_info(), or why it could not be read. */
export interface BuildFields {
  cuda?: boolean
  cudaVersion?: string | null
  cudnnVersion?: string | null
  computeCapabilities?: string[] | null
  error?: string
}

/** With "ready": what an NVIDIA GPU would need, found in the image without one. */
export interface ReadyEvent {
  stage: 'ready'
  build?: BuildFields
  /** The library majors of cuda_config.h, the header TensorFlow's wheel ships. */
  config?: Record<string, string> | null
  configFile?: string | null
  libraries?: LibraryFields[]
  /** The packages under site-packages/nvidia (what the and-cuda extra installs). */
  nvidiaPackages?: string[]
  /** /usr/local/cuda exists (a CUDA base image). */
  cudaHome?: boolean
  /** The GPU variables of the process's environment. */
  env?: Record<string, string>
}

export interface LibraryFields {
  name: string
  soname: string | null
  path: string | null
  version: string | null
  error: string | null
}

/** With "gpu": the GPUs TensorFlow lists; null when listing them raised (error says why). */
export interface GpuEvent {
  stage: 'gpu'
  devices?: DeviceFields[] | null
  build?: BuildFields
  /** Where a computation placed on /GPU:0 really ran. */
  computedOn?: string | null
  error?: string
}

export interface DeviceFields {
  name: string
  model: string | null
  computeCapability: string | null
}

export type SmokeEvent = StartEvent | ImportEvent | ProbeEvent | TrainEvent | ReadyEvent | GpuEvent

type Guard<T> = (v: unknown) => v is T

const isString: Guard<string> = (v) => typeof v === 'string'
const isNumber: Guard<number> = (v) => typeof v === 'number'
const isBoolean: Guard<boolean> = (v) => typeof v === 'boolean'
const isObject: Guard<Record<string, unknown>> = (v): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const orNull =
  <T>(is: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || is(v)
const listOf =
  <T>(is: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(is)
const isElf: Guard<ElfHeader> = (v): v is ElfHeader =>
  isObject(v) && isNumber(v.machine) && isNumber(v.bits) && isBoolean(v.littleEndian)
const isForeign: Guard<ForeignBinary> = (v): v is ForeignBinary =>
  isObject(v) && isString(v.file) && isElf(v)
const isVariables: Guard<Record<string, string>> = (v): v is Record<string, string> =>
  isObject(v) && Object.values(v).every(isString)
const isBuild: Guard<BuildFields> = (v): v is BuildFields =>
  isObject(v) &&
  (v.cuda === undefined || isBoolean(v.cuda)) &&
  [v.cudaVersion, v.cudnnVersion].every((x) => x === undefined || orNull(isString)(x)) &&
  (v.computeCapabilities === undefined || orNull(listOf(isString))(v.computeCapabilities)) &&
  (v.error === undefined || isString(v.error))
const isLibrary: Guard<LibraryFields> = (v): v is LibraryFields =>
  isObject(v) &&
  isString(v.name) &&
  [v.soname, v.path, v.version, v.error].every((x) => orNull(isString)(x))
const isDevice: Guard<DeviceFields> = (v): v is DeviceFields =>
  isObject(v) &&
  isString(v.name) &&
  orNull(isString)(v.model) &&
  orNull(isString)(v.computeCapability)

/**
 * Each stage's fields and the check of each: the compiler holds every field to a check, and
 * no check to a type its field cannot have.
 */
type Fields<E> = { [K in Exclude<keyof E, 'stage'>]-?: Guard<Exclude<E[K], undefined>> }
const FIELDS: { [E in SmokeEvent as E['stage']]: Fields<E> } = {
  start: {
    machine: isString,
    python: isString,
    executable: orNull(isString),
    elf: orNull(isElf),
    env: isVariables,
  },
  import: {
    ok: isBoolean,
    seconds: isNumber,
    tensorflow: orNull(isString),
    numpy: orNull(isString),
    keras: orNull(isString),
  },
  probe: {
    tensorflowDirs: listOf(isString),
    venvs: listOf(isString),
    sysPath: listOf(isString),
    prefix: isString,
    path: orNull(isString),
    glibc: orNull(isString),
    foreignBinaries: listOf(isForeign),
    binariesChecked: isNumber,
    foreignCount: isNumber,
  },
  train: {
    ok: isBoolean,
    seconds: isNumber,
    steps: isNumber,
    loss: listOf(isNumber),
    examplesPerSecond: isNumber,
    keras: orNull(isString),
    device: orNull(isString),
  },
  ready: {
    build: isBuild,
    config: orNull(isVariables),
    configFile: orNull(isString),
    libraries: listOf(isLibrary),
    nvidiaPackages: listOf(isString),
    cudaHome: isBoolean,
    env: isVariables,
  },
  gpu: {
    devices: orNull(listOf(isDevice)),
    build: isBuild,
    computedOn: orNull(isString),
    error: isString,
  },
}

/**
 * The event a parsed marker line holds, or null when it is none of the script's: not an object,
 * a stage the script does not send, or a field of another type than its stage's.
 */
export function smokeEvent(value: unknown): SmokeEvent | null {
  if (!isObject(value) || !isString(value.stage) || !Object.hasOwn(FIELDS, value.stage)) return null
  const fields: Record<string, Guard<unknown>> = FIELDS[value.stage as SmokeEvent['stage']]
  const typed = Object.entries(fields).every(([k, is]) => value[k] === undefined || is(value[k]))
  return typed ? (value as unknown as SmokeEvent) : null
}
