import type { Checker } from './checker.js'
import type { GpuCheck, GpuLibrary, GpuReadiness, TensorflowBuild } from './gpu.js'
import { gpuProblem, readinessProblem } from './verdict.js'
import type { Stages } from './types.js'

// The GPU fields of a results file from another job (report mode), checked field by field.
// Readiness is decided again from its facts: a file's own `ready` is not taken.

const isAbsent = (v: unknown): boolean => v === null || v === undefined

function buildOf(c: Checker, v: unknown, path: string): TensorflowBuild | null {
  if (isAbsent(v)) return null
  const o = c.obj(v, path)
  return {
    cuda: c.bool(o.cuda, `${path}.cuda`),
    cudaVersion: c.optStr(o.cudaVersion, `${path}.cudaVersion`),
    cudnnVersion: c.optStr(o.cudnnVersion, `${path}.cudnnVersion`),
    computeCapabilities: isAbsent(o.computeCapabilities)
      ? null
      : c
          .arr(o.computeCapabilities, `${path}.computeCapabilities`, 32)
          .map((x, i) => c.str(x, `${path}.computeCapabilities[${i}]`, 32)),
  }
}

function gpuCheckOf(c: Checker, v: unknown, path: string): GpuCheck | null {
  if (isAbsent(v)) return null
  const o = c.obj(v, path)
  return {
    requested: c.str(o.requested, `${path}.requested`, 200),
    devices: isAbsent(o.devices)
      ? null
      : c.arr(o.devices, `${path}.devices`, 64).map((d, i) => {
          const x = c.obj(d, `${path}.devices[${i}]`)
          return {
            name: c.str(x.name, `${path}.devices[${i}].name`, 200),
            model: c.optStr(x.model, `${path}.devices[${i}].model`),
            computeCapability: c.optStr(
              x.computeCapability,
              `${path}.devices[${i}].computeCapability`,
            ),
          }
        }),
    trainedOn: c.optStr(o.trainedOn, `${path}.trainedOn`),
  }
}

function libraryOf(c: Checker, v: unknown, path: string): GpuLibrary {
  const o = c.obj(v, path)
  return {
    name: c.str(o.name, `${path}.name`, 64),
    soname: c.optStr(o.soname, `${path}.soname`),
    path: c.optStr(o.path, `${path}.path`),
    version: c.optStr(o.version, `${path}.version`),
    error: c.optStr(o.error, `${path}.error`),
  }
}

export function readinessOf(
  c: Checker,
  v: unknown,
  path: string,
  build: TensorflowBuild | null,
): GpuReadiness | null {
  if (isAbsent(v)) return null
  const o = c.obj(v, path)
  const libraries = c
    .arr(o.libraries ?? [], `${path}.libraries`, 32)
    .map((l, i) => libraryOf(c, l, `${path}.libraries[${i}]`))
  const hidden = isAbsent(o.hiddenBy) ? null : c.obj(o.hiddenBy, `${path}.hiddenBy`)
  const hiddenBy = hidden
    ? {
        name: c.str(hidden.name, `${path}.hiddenBy.name`, 64),
        value: c.str(hidden.value, `${path}.hiddenBy.value`, 200),
      }
    : null
  const reason = readinessProblem(build, libraries, hiddenBy)
  return {
    required: c.bool(o.required, `${path}.required`),
    ready: reason === null,
    reason,
    libraries,
    hiddenBy,
    intent: c.optStr(o.intent, `${path}.intent`),
  }
}

/** The environment's tensorflowBuild, when the file has one. */
export function gpuFields(
  c: Checker,
  o: Record<string, unknown>,
  path: string,
): { tensorflowBuild?: TensorflowBuild } {
  const env = o.environment as Record<string, unknown>
  const build = buildOf(c, env.tensorflowBuild, `${path}.environment.tensorflowBuild`)
  return build ? { tensorflowBuild: build } : {}
}

/**
 * A platform's gpu and gpuReady, when the file has them. A GPU stage the file calls passed that
 * its facts do not prove is failed here, so that no report shows it green.
 */
export function gpuFieldsOf(
  c: Checker,
  o: Record<string, unknown>,
  path: string,
  build: TensorflowBuild | null,
  stages: Stages,
): { gpu: GpuCheck | null; gpuReady: GpuReadiness | null } {
  const gpu = gpuCheckOf(c, o.gpu, `${path}.gpu`)
  const st = stages.gpu
  if (st?.status === 'passed') {
    const problem = gpu ? gpuProblem(gpu) : 'the file has no GPU facts'
    if (problem) stages.gpu = { ...st, status: 'failed', reason: problem, cause: 'no-gpu' }
  }
  return { gpu, gpuReady: readinessOf(c, o.gpuReady, `${path}.gpuReady`, build) }
}
