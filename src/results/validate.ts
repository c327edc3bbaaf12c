import { TOOL_NAME } from '../version.js'
import { Checker, LIMITS } from './checker.js'
import { fixesOf } from './fixes.js'
import { parsePlatform } from '../platforms.js'
import {
  type Diagnosis,
  type EmulationSlowdown,
  type Host,
  type RunnerInfo,
  type ImageConfig,
  type Invocation,
  type ImageSource,
  overallPassed,
  type PlatformResult,
  type Results,
  SCHEMA_VERSION,
  STAGE_ORDER,
  type StageResult,
  type Stages,
  type StageStatus,
} from './types.js'
import { COMPARED_STAGES, isCause, spec } from './stages.js'
import { architectureMismatch, platformPassed } from './verdict.js'
import { gpuFields, gpuFieldsOf } from './validate-gpu.js'

// Results files in report mode come from other jobs, and for fork PRs from code the PR
// controls: they are untrusted input. Each is checked field by field against schema 1 and
// rebuilt from the checked fields only; sizes are capped.

export { LIMITS } from './checker.js'

const STATUSES: readonly StageStatus[] = ['passed', 'failed', 'skipped', 'timed-out']

function stage(c: Checker, v: unknown, path: string): StageResult {
  const o = c.obj(v, path)
  const status = c.str(o.status, `${path}.status`) as StageStatus
  if (!STATUSES.includes(status))
    c.fail(`${path}.status`, `'${status}' is not one of ${STATUSES.join(', ')}`)
  const log = c.str(o.log ?? '', `${path}.log`, Number.MAX_SAFE_INTEGER)
  const out: StageResult = {
    status,
    durationMs: c.num(o.durationMs, `${path}.durationMs`),
    // Keep the end of an oversized log: that is where the error is.
    log: log.length > LIMITS.logChars ? log.slice(-LIMITS.logChars) : log,
  }
  if (typeof o.exitCode === 'number' && Number.isInteger(o.exitCode)) out.exitCode = o.exitCode
  if (typeof o.signal === 'string') out.signal = c.str(o.signal, `${path}.signal`, 20)
  if (typeof o.reason === 'string') out.reason = c.str(o.reason, `${path}.reason`)
  // Absent from results written before stage results had one. One this version does not know
  // (a newer tool's) is left out: the status and the reason still say what happened.
  if (o.cause !== undefined) {
    const cause = c.str(o.cause, `${path}.cause`, 40)
    if (isCause(cause)) out.cause = cause
  }
  return out
}

function diagnosis(c: Checker, v: unknown, path: string): Diagnosis {
  const o = c.obj(v, path)
  const d: Diagnosis = {
    id: c.str(o.id, `${path}.id`, 64),
    title: c.str(o.title, `${path}.title`),
    detail: c.str(o.detail, `${path}.detail`),
    fix: c.str(o.fix, `${path}.fix`),
  }
  if (!/^[a-z0-9-]+$/.test(d.id)) c.fail(`${path}.id`, `'${d.id}' is not a diagnosis id`)
  if (typeof o.file === 'string') d.file = c.str(o.file, `${path}.file`, 500)
  if (typeof o.line === 'number' && Number.isInteger(o.line) && o.line > 0) d.line = o.line
  return d
}

function platformResult(c: Checker, v: unknown, path: string): PlatformResult {
  const o = c.obj(v, path)
  const name = c.str(o.platform, `${path}.platform`, 64)
  let platform: string
  try {
    platform = parsePlatform(name, `${path}.platform`).id
  } catch {
    c.fail(`${path}.platform`, `'${name}' is not a platform`)
  }
  const st = c.obj(o.stages, `${path}.stages`)
  // Those every platform has always; the others (pull, start, run) where they were asked for.
  const stages = Object.fromEntries(
    STAGE_ORDER.filter((s) => spec(s).present === 'always' || st[s] !== undefined).map((s) => [
      s,
      stage(c, st[s], `${path}.stages.${s}`),
    ]),
  ) as Stages
  const env = c.obj(o.environment, `${path}.environment`)
  const training =
    o.training === null || o.training === undefined ? null : c.obj(o.training, `${path}.training`)
  const environment = {
    machine: c.optStr(env.machine, `${path}.environment.machine`),
    python: c.optStr(env.python, `${path}.environment.python`),
    tensorflow: c.optStr(env.tensorflow, `${path}.environment.tensorflow`),
    numpy: c.optStr(env.numpy, `${path}.environment.numpy`),
    keras: c.optStr(env.keras, `${path}.environment.keras`),
    executable: c.optStr(env.executable, `${path}.environment.executable`),
    interpreter: c.optStr(env.interpreter, `${path}.environment.interpreter`),
    ...gpuFields(c, o, path),
  }
  const { gpu, gpuReady } = gpuFieldsOf(c, o, path, environment.tensorflowBuild ?? null, stages)
  const image =
    o.image === null || o.image === undefined ? null : imageConfig(c, o.image, `${path}.image`)
  const host = o.host === null || o.host === undefined ? null : hostOf(c, o.host, `${path}.host`)
  const source =
    o.source === null || o.source === undefined ? null : sourceOf(c, o.source, `${path}.source`)
  const invocation =
    o.invocation === null || o.invocation === undefined
      ? null
      : invocationOf(c, o.invocation, `${path}.invocation`)
  const emulated = c.bool(o.emulated, `${path}.emulated`)
  // The emulator's cost is kept for an emulated platform proven to be what it claims.
  const slowdown =
    o.emulationSlowdown === null || o.emulationSlowdown === undefined
      ? null
      : slowdownOf(c, o.emulationSlowdown, `${path}.emulationSlowdown`)
  const keepSlowdown =
    slowdown !== null && emulated && architectureMismatch({ platform, image, environment }) === null
  return {
    platform,
    emulated,
    required: c.bool(o.required, `${path}.required`),
    // A file's word is not enough: the platform passes only if the stages allow it and the
    // image and the process are proven to be the platform (an older file, or one that claims a
    // pass without that proof, does not pass here).
    passed:
      c.bool(o.passed, `${path}.passed`) &&
      platformPassed({ platform, image, environment, stages, gpu, gpuReady }, false),
    durationMs: c.num(o.durationMs, `${path}.durationMs`),
    stages,
    environment,
    image,
    ...(host ? { host } : {}),
    ...(source ? { source } : {}),
    ...(invocation ? { invocation } : {}),
    ...(gpu ? { gpu } : {}),
    ...(gpuReady ? { gpuReady } : {}),
    ...(keepSlowdown ? { emulationSlowdown: slowdown } : {}),
    training: training
      ? {
          steps: c.num(training.steps, `${path}.training.steps`),
          loss: c
            .arr(training.loss, `${path}.training.loss`, 1000)
            .map((x, i) => c.num(x, `${path}.training.loss[${i}]`)),
          examplesPerSecond: c.num(
            training.examplesPerSecond,
            `${path}.training.examplesPerSecond`,
          ),
        }
      : null,
    diagnoses: c
      .arr(o.diagnoses ?? [], `${path}.diagnoses`, LIMITS.diagnoses)
      .map((d, i) => diagnosis(c, d, `${path}.diagnoses[${i}]`)),
  }
}

function slowdownOf(c: Checker, v: unknown, path: string): EmulationSlowdown {
  const o = c.obj(v, path)
  const native = c.str(o.native, `${path}.native`, 64)
  try {
    parsePlatform(native, `${path}.native`)
  } catch {
    c.fail(`${path}.native`, `'${native}' is not a platform`)
  }
  const ratios = COMPARED_STAGES.filter((k) => o[k] !== undefined && o[k] !== null).map((k) => [
    k,
    c.num(o[k], `${path}.${k}`),
  ])
  return { native, ...Object.fromEntries(ratios) }
}

function hostOf(c: Checker, v: unknown, path: string): Host {
  const o = c.obj(v, path)
  const store = c.optStr(o.imageStore, `${path}.imageStore`)
  if (store !== null && store !== 'classic' && store !== 'containerd')
    c.fail(`${path}.imageStore`, `'${store}' is not classic or containerd`)
  return {
    engine: c.optStr(o.engine, `${path}.engine`),
    buildx: c.optStr(o.buildx, `${path}.buildx`),
    driver: c.optStr(o.driver, `${path}.driver`),
    ...(o.buildkit !== undefined ? { buildkit: c.optStr(o.buildkit, `${path}.buildkit`) } : {}),
    imageStore: store,
    ...(o.qemu !== undefined ? { qemu: c.optStr(o.qemu, `${path}.qemu`) } : {}),
    ...(o.runner !== undefined && o.runner !== null
      ? { runner: runnerOf(c, o.runner, `${path}.runner`) }
      : {}),
  }
}

function runnerOf(c: Checker, v: unknown, path: string): RunnerInfo {
  const o = c.obj(v, path)
  const i = o.insteadOf == null ? null : c.obj(o.insteadOf, `${path}.insteadOf`)
  const insteadOf = i && {
    label: c.str(i.label, `${path}.insteadOf.label`, 200),
    reason: c.str(i.reason, `${path}.insteadOf.reason`, 300),
  }
  return {
    label: c.optStr(o.label, `${path}.label`),
    os: c.optStr(o.os, `${path}.os`),
    version: c.optStr(o.version, `${path}.version`),
    ...(insteadOf ? { insteadOf } : {}),
  }
}

function sourceOf(c: Checker, v: unknown, path: string): ImageSource {
  const o = c.obj(v, path)
  const from = c.str(o.from, `${path}.from`, 20)
  if (from !== 'local' && from !== 'pulled')
    c.fail(`${path}.from`, `'${from}' is not local or pulled`)
  return {
    ref: c.str(o.ref, `${path}.ref`, 500),
    pinned: c.str(o.pinned, `${path}.pinned`, 600),
    from,
  }
}

function invocationOf(c: Checker, v: unknown, path: string): Invocation {
  const o = c.obj(v, path)
  const how = c.str(o.how, `${path}.how`, 20)
  if (how !== 'direct' && how !== 'entrypoint' && how !== 'replaced')
    c.fail(`${path}.how`, `'${how}' is not direct, entrypoint or replaced`)
  const b =
    o.bypassed === null || o.bypassed === undefined ? null : c.obj(o.bypassed, `${path}.bypassed`)
  return {
    how,
    entrypoint: wordList(c, o.entrypoint, `${path}.entrypoint`),
    reason: c.str(o.reason, `${path}.reason`, 1000),
    ...(b
      ? {
          bypassed: {
            imported: c.bool(b.imported, `${path}.bypassed.imported`),
            line: c.optStr(b.line, `${path}.bypassed.line`),
          },
        }
      : {}),
  }
}

function wordList(c: Checker, x: unknown, at: string): string[] | null {
  return x === null || x === undefined
    ? null
    : c.arr(x, at, 100).map((w, i) => c.str(w, `${at}[${i}]`, 500))
}

function imageConfig(c: Checker, v: unknown, path: string): ImageConfig {
  const o = c.obj(v, path)
  const words = (x: unknown, at: string): string[] | null => wordList(c, x, at)
  return {
    os: c.optStr(o.os, `${path}.os`),
    architecture: c.optStr(o.architecture, `${path}.architecture`),
    variant: c.optStr(o.variant, `${path}.variant`),
    entrypoint: words(o.entrypoint, `${path}.entrypoint`),
    cmd: words(o.cmd, `${path}.cmd`),
    user: c.optStr(o.user, `${path}.user`) ?? '',
    workingDir: c.optStr(o.workingDir, `${path}.workingDir`) ?? '',
    path: c.optStr(o.path, `${path}.path`),
  }
}

/** Checks one parsed results document; `source` names it in errors (a file path). */
export function validateResults(value: unknown, source: string): Results {
  const c = new Checker(source)
  const o = c.obj(value, 'the document')
  if (o.schemaVersion !== SCHEMA_VERSION) {
    c.fail(
      'schemaVersion',
      `is ${JSON.stringify(o.schemaVersion)}; this version reads schemaVersion ${SCHEMA_VERSION} (use a matching ${TOOL_NAME} in both jobs)`,
    )
  }
  const tool = c.obj(o.tool, 'tool')
  if (tool.name !== `${TOOL_NAME}`)
    c.fail('tool.name', `is ${JSON.stringify(tool.name)}, not "${TOOL_NAME}"`)
  const platforms = c
    .arr(o.platforms, 'platforms', LIMITS.platforms)
    .map((p, i) => platformResult(c, p, `platforms[${i}]`))
  const createdAt =
    typeof o.createdAt === 'string' && !Number.isNaN(Date.parse(o.createdAt))
      ? o.createdAt
      : undefined
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: `${TOOL_NAME}`, version: c.str(tool.version, 'tool.version', 40) },
    context: c.str(o.context, 'context', 500),
    dockerfile: c.str(o.dockerfile, 'dockerfile', 500),
    ...(typeof o.image === 'string' ? { image: c.str(o.image, 'image', 500) } : {}),
    passed: overallPassed(platforms),
    platforms,
    diagnoses: c
      .arr(o.diagnoses ?? [], 'diagnoses', LIMITS.diagnoses)
      .map((d, i) => diagnosis(c, d, `diagnoses[${i}]`)),
    ...(o.fixes !== undefined ? { fixes: fixesOf(c, o.fixes) } : {}),
    ...(createdAt ? { createdAt } : {}),
  }
}
