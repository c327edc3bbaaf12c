import { buildCommand, smokeCommand } from '../docker/args.js'
import {
  type BinfmtHandler,
  handlesArch,
  qemuVersion,
  readBinfmtHandlers,
} from '../docker/binfmt.js'
import type { Docker } from '../docker/client.js'
import { describeFailure } from '../docker/exec.js'
import { cacheType, type CheckOptions, oneAtATime } from '../options.js'
import { InputError } from '../errors.js'
import {
  elfArch,
  type ElfHeader,
  formatPlatform,
  hostArch,
  isNative,
  type Platform,
  platformSlug,
  qemuName,
} from '../platforms.js'
import {
  type Diagnosis,
  type Environment,
  type Host,
  type ImageConfig,
  emptyStage,
  failingStage,
  overallPassed,
  type PlatformResult,
  type Results,
  SCHEMA_VERSION,
  type StageName,
  type StageResult,
  type Training,
} from '../results/types.js'
import { diagnosis, type Finding, registerQemu } from '../diagnosis.js'
import { classify, type Evidence, type Probe } from '../diagnose/classify.js'
import { explain } from '../diagnose/explain.js'
import { lintProject, locator } from '../lint/index.js'
import type { DockerfileModel } from '../lint/model.js'
import { parseBuildxVersion } from '../results/host.js'
import { withSlowdowns } from '../results/slowdown.js'
import { imageMismatch, machineMismatch, platformPassed } from '../results/verdict.js'
import { cwd } from 'node:process'
import { parseSmokeLine, SMOKE_SCRIPT } from '../smoke/script.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { failedBuildTail, signalFromExitCode, tailText } from './evidence.js'
import { mapLimit } from './pool.js'
import { containerPrefix, imagePrefix } from '../runid.js'

/** Where the engine reports progress: the Actions log, or the CLI's terminal. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  /** Groups may not nest; the engine opens one per platform and stage when it runs one platform at a time. */
  startGroup(name: string): void
  endGroup(): void
  /** A line of build or container output, live. */
  output(line: string, platform: string): void
}

export interface EngineDeps {
  docker: Docker
  log: Logger
  /** Unique per run: part of every tag and container name, and the value of the run label. */
  runId: string
  signal?: AbortSignal
  /** Called before anything is created, so that cleanup finds it even after a crash. */
  onCreate?: (kind: 'image' | 'container', ref: string) => void
  hostArch?: string
  /** The working directory that file paths in diagnoses are relative to. */
  cwd?: string
  readBinfmt?: () => Promise<BinfmtHandler[] | null>
  /** The version of the QEMU behind a handler (tests answer it themselves). */
  qemuVersion?: (handler: BinfmtHandler | undefined, qemuArch: string) => Promise<string | null>
  now?: () => number
}

/** Lines of each stage's log kept in the results. */
export const LOG_TAIL_LINES = 40

export function imageTag(runId: string, p: Platform): string {
  return imagePrefix(runId) + platformSlug(p)
}

export function containerName(runId: string, p: Platform): string {
  return containerPrefix(runId) + platformSlug(p)
}

export interface Emulation {
  platform: string
  emulated: boolean
  /** Why this emulated platform cannot run here; undefined when it can. */
  unavailable?: string
  /** The QEMU that runs it: its version, or the installer image that registered it. */
  qemu?: string | null
}

/**
 * Which platforms run natively and which under QEMU; registers the missing QEMU handlers when
 * setup-qemu allows it. A platform whose emulator cannot be had is reported, not thrown: the
 * native platforms are still checked.
 */
export async function prepareEmulation(opts: CheckOptions, deps: EngineDeps): Promise<Emulation[]> {
  const host = deps.hostArch ?? hostArch()
  const read = deps.readBinfmt ?? (() => readBinfmtHandlers())
  const emulated = opts.platforms.filter((p) => !isNative(p, host))
  const result = new Map<string, Emulation>(
    opts.platforms.map((p) => [
      formatPlatform(p),
      { platform: formatPlatform(p), emulated: !isNative(p, host) },
    ]),
  )
  for (const p of opts.platforms) {
    deps.log.info(
      `${formatPlatform(p)}: ${isNative(p, host) ? 'native' : `emulated (QEMU ${qemuName(p)} on this ${host} host)`}`,
    )
  }
  if (emulated.length === 0) return [...result.values()]

  let handlers = await read()
  const missing = (): Platform[] =>
    handlers === null
      ? []
      : emulated.filter((p) => handlesArch(handlers ?? [], qemuName(p)) === undefined)
  let todo = opts.setupQemu === 'true' ? emulated : missing()
  if (handlers === null && opts.setupQemu === 'auto') {
    // No binfmt_misc to read (a remote engine, or a container): trust what the builder says.
    deps.log.info(
      'binfmt_misc is not readable here; relying on the builder to run emulated platforms',
    )
  }
  const installed = new Set<string>()
  if (todo.length > 0 && opts.setupQemu !== 'false') {
    for (const p of todo) installed.add(formatPlatform(p))
    const arches = [...new Set(todo.map((p) => p.arch))].join(',')
    deps.log.info(`registering QEMU for ${arches} with ${opts.qemuImage}`)
    const res = await deps.docker.run(
      ['run', '--privileged', '--rm', opts.qemuImage, '--install', arches],
      {
        timeoutMs: 5 * 60_000,
        signal: deps.signal,
      },
    )
    if (res.exitCode !== 0) {
      deps.log.warning(`could not register QEMU with ${opts.qemuImage}: ${describeFailure(res, 5)}`)
    }
    handlers = await read()
    todo = missing()
  }
  for (const p of emulated) {
    const key = formatPlatform(p)
    // A handler registered from a container (tonistiigi/binfmt) has no interpreter here to
    // ask: then the installer image we ran is what is known.
    const ours = installed.has(key)
    // Without binfmt_misc to read (a remote engine), this machine's QEMU is not the one at work.
    const version = handlers
      ? await (deps.qemuVersion ?? qemuVersion)(handlesArch(handlers, qemuName(p)), qemuName(p))
      : null
    result.set(key, {
      ...result.get(key)!,
      qemu: version ?? (ours ? opts.qemuImage : null),
    })
  }
  for (const p of todo) {
    const key = formatPlatform(p)
    const how =
      opts.setupQemu === 'false'
        ? 'setup-qemu is false'
        : `registering it with ${opts.qemuImage} did not work`
    result.set(key, {
      platform: key,
      emulated: true,
      qemu: null,
      unavailable:
        `no QEMU emulator for ${qemuName(p)} is registered on this ${host} machine and ${how}; ` +
        `${registerQemu(p.arch)}, ` +
        `or check ${key} on a native runner`,
    })
  }
  return [...result.values()]
}

/**
 * The docker driver exports only inline cache: a gha, registry or local export fails every
 * build after minutes of work, so it is refused before the first one.
 */
export function checkCacheSupport(
  opts: Pick<CheckOptions, 'cacheTo'>,
  driver: string,
  builder: string,
): void {
  if (driver !== 'docker') return
  const bad = opts.cacheTo.filter((c) => cacheType(c) !== 'inline')
  if (bad.length > 0) {
    throw new InputError(
      `cache-to: builder '${builder}' uses the docker driver, which cannot export ${bad.map(cacheType).join(', ')} cache ('${bad[0]}'); ` +
        'add docker/setup-buildx-action before this step (it creates a docker-container builder) and pass its name as builder, or drop cache-to',
    )
  }
}

/**
 * Preconditions that would fail every platform alike: no engine, no buildx, a missing builder.
 * Returns the host the verdicts are reached on.
 */
export async function preflight(opts: CheckOptions, deps: EngineDeps): Promise<Host> {
  const server = await deps.docker.serverVersion()
  const buildx = await deps.docker.buildxVersion()
  const builder = await deps.docker.inspectBuilder(opts.builder)
  checkCacheSupport(opts, builder.driver, builder.name)
  const imageStore = await deps.docker.imageStore()
  deps.log.info(
    `Docker engine ${server}${imageStore ? ` (${imageStore} image store)` : ''}; ${buildx}; builder '${builder.name}' (${builder.driver} driver)`,
  )
  return {
    engine: server,
    buildx: parseBuildxVersion(buildx),
    driver: builder.driver,
    imageStore,
  }
}

export interface LintResult {
  model: DockerfileModel | null
  findings: Finding[]
}

/** The static phase: seconds, no Docker. A Dockerfile the parser cannot read costs the findings, not the check. */
export function runLint(
  opts: CheckOptions,
  log: Logger,
  dir: string,
  buildArch?: string,
): LintResult {
  try {
    const lint = lintProject(opts, dir, buildArch)
    for (const f of lint.findings) {
      const where = f.diagnosis.file
        ? ` (${f.diagnosis.file}${f.diagnosis.line ? `:${f.diagnosis.line}` : ''})`
        : ''
      log.warning(
        `${f.platform ?? 'every platform'}: ${f.diagnosis.title}${where}: ${f.diagnosis.detail} Fix: ${f.diagnosis.fix}`,
      )
    }
    return lint
  } catch (err) {
    log.warning(
      `could not analyse ${opts.dockerfile} before building: ${err instanceof Error ? err.message : String(err)}`,
    )
    return { model: null, findings: [] }
  }
}

export async function runCheck(opts: CheckOptions, deps: EngineDeps): Promise<Results> {
  const lint = runLint(opts, deps.log, deps.cwd ?? cwd(), deps.hostArch)
  const host = await preflight(opts, deps)
  const emulation = await prepareEmulation(opts, deps)
  const byPlatform = new Map(emulation.map((e) => [e.platform, e]))
  const platforms = await mapLimit(opts.platforms, opts.maxParallel, async (p) => {
    const e = byPlatform.get(formatPlatform(p)) ?? { platform: formatPlatform(p), emulated: false }
    const result = await checkPlatform(opts, deps, p, e, lint)
    return { ...result, host: e.emulated ? { ...host, qemu: e.qemu ?? null } : host }
  })
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    context: opts.context,
    dockerfile: opts.dockerfile,
    passed: overallPassed(platforms),
    platforms: withSlowdowns(platforms),
    diagnoses: lint.findings.filter((f) => f.platform === null).map((f) => f.diagnosis),
    createdAt: new Date((deps.now ?? Date.now)()).toISOString(),
  }
}

function emptyEnvironment(): Environment {
  return { machine: null, python: null, tensorflow: null, numpy: null, keras: null }
}

const EMULATOR_CRASH = /qemu: uncaught target signal|qemu: unhandled CPU exception/

interface BuildRun {
  stage: StageResult
  lines: string[]
}

interface SmokeRun {
  import: StageResult
  train: StageResult
  environment: Environment
  training: Training | null
  probe: Probe | null
  /** The container's whole output tail, for diagnosis. */
  lines: string[]
  oomKilled: boolean
}

export async function checkPlatform(
  opts: CheckOptions,
  deps: EngineDeps,
  p: Platform,
  emulation: Emulation,
  lint: LintResult = { model: null, findings: [] },
): Promise<PlatformResult> {
  const now = deps.now ?? Date.now
  const platform = formatPlatform(p)
  const started = now()
  const deadline = started + opts.timeoutMinutes * 60_000
  const grouped = oneAtATime(opts)
  const stages: Record<StageName, StageResult> = {
    build: emptyStage(),
    import: emptyStage(),
    train: emptyStage(),
  }
  let environment = emptyEnvironment()
  let training: Training | null = null
  let imageConfig: ImageConfig | null = null
  let diagnoses: Diagnosis[] = []
  const locate = locator(lint.model)
  const finish = (): PlatformResult => ({
    platform,
    emulated: emulation.emulated,
    required: opts.required.has(platform),
    // The verdict's own rule: the stages, and the proof that image and process are the platform.
    passed: platformPassed({ platform, stages, environment, image: imageConfig }, opts.train),
    durationMs: now() - started,
    stages,
    environment,
    training,
    diagnoses,
    image: imageConfig,
  })
  const skipRest = (why: string): void => {
    stages.import = emptyStage('skipped', why)
    stages.train = emptyStage('skipped', why)
  }
  const evidence = (
    stage: StageName,
    st: StageResult,
    lines: string[],
    extra: Partial<Evidence> = {},
  ): Evidence => ({
    platform,
    emulated: emulation.emulated,
    stage,
    status: st.status,
    lines,
    exitCode: st.exitCode ?? null,
    signal: st.signal ?? null,
    oomKilled: false,
    probe: null,
    image: imageConfig,
    timeoutMinutes: opts.timeoutMinutes,
    locate,
    ...extra,
  })

  const certain = lint.findings.find((f) => f.platform === platform && f.skipBuild)
  if (certain) {
    stages.build = emptyStage('skipped', `not built: ${certain.diagnosis.title}`)
    skipRest('the build did not run')
    diagnoses = explain([], lint.findings, platform)
    deps.log.warning(`${platform}: not built: ${certain.diagnosis.detail}`)
    return finish()
  }

  if (emulation.unavailable) {
    stages.build = { ...emptyStage('failed', emulation.unavailable), log: emulation.unavailable }
    skipRest('the build did not run')
    diagnoses = [
      diagnosis(
        'exec-format-error',
        `${emulation.unavailable}. Without it, ${platform} binaries fail with "exec format error".`,
        `To run ${platform}: ${registerQemu(p.arch)}, keep setup-qemu at auto, or use a native runner.`,
      ),
    ]
    deps.log.warning(`${platform}: ${emulation.unavailable}`)
    return finish()
  }

  // ---- build (an emulator crash is retried once; both attempts are reported)
  const tag = imageTag(deps.runId, p)
  deps.onCreate?.('image', tag)
  const ctx: StageContext = { opts, deps, p, tag, deadline, grouped, emulated: emulation.emulated }
  const build = await withRetry(emulation.emulated, deps, platform, 'build', () => runBuild(ctx))
  stages.build = build.stage
  deps.log.info(`${platform}: build ${stages.build.status} in ${seconds(stages.build.durationMs)}`)
  if (stages.build.status !== 'passed') {
    skipRest('the build did not pass')
    diagnoses = explain(
      classify(
        evidence('build', stages.build, build.lines, {
          engineReachable: await engineReachable(deps),
        }),
      ),
      lint.findings,
      platform,
    )
    return finish()
  }
  imageConfig = await deps.docker.imageConfig(tag)
  // Before any container runs: an image of another platform proves nothing about this one
  // (Docker would run an amd64 image as amd64 on this host, whatever --platform says).
  const wrongImage = imageMismatch(platform, imageConfig)
  if (wrongImage) {
    stages.build = { ...stages.build, status: 'failed', reason: wrongImage }
    skipRest(`the image is not ${platform}`)
    deps.log.warning(`${platform}: ${wrongImage}`)
    // An unreadable configuration fails closed, but proves no other platform: no such claim.
    diagnoses = explain(
      classify(
        evidence('build', stages.build, build.lines, {
          ...(imageConfig ? { wrongArchitecture: wrongImage } : {}),
          engineReachable: await engineReachable(deps),
        }),
      ),
      lint.findings,
      platform,
    )
    return finish()
  }

  // ---- import and train, in one container start
  const smoke = await withRetry(emulation.emulated, deps, platform, 'import and train', () =>
    runSmoke(ctx),
  )
  stages.import = smoke.import
  stages.train = smoke.train
  environment = smoke.environment
  training = smoke.training
  // What ran must have been the platform: a green import on another machine is no proof.
  const wrongMachine =
    environment.machine !== null || stages.import.status === 'passed'
      ? machineMismatch(p, platform, environment)
      : null
  if (wrongMachine) {
    deps.log.warning(`${platform}: ${wrongMachine}`)
    if (stages.import.status === 'passed') {
      stages.import = { ...stages.import, status: 'failed', reason: wrongMachine }
      // It ran, but not on this platform: it proves nothing here.
      if (stages.train.status === 'passed')
        stages.train = {
          ...stages.train,
          status: 'skipped',
          reason: `not counted: ${wrongMachine}`,
        }
    }
  }
  deps.log.info(
    `${platform}: import ${stages.import.status} (${seconds(stages.import.durationMs)}), train ${stages.train.status}` +
      (stages.train.status === 'skipped' ? '' : ` (${seconds(stages.train.durationMs)})`),
  )
  const failed = failingStage(stages)
  if (failed) {
    diagnoses = explain(
      classify(
        evidence(failed, stages[failed], smoke.lines, {
          oomKilled: smoke.oomKilled,
          probe: smoke.probe,
          // The configuration said the platform (BuildKit records the target platform there,
          // whatever the base image is); what ran says otherwise.
          ...(wrongMachine
            ? {
                wrongArchitecture: `${wrongMachine}, although the image's configuration declares ${platform}`,
              }
            : {}),
          engineReachable: await engineReachable(deps),
        }),
      ),
      lint.findings,
      platform,
    )
  } else {
    diagnoses = explain(
      [],
      lint.findings.filter((f) => f.platform === platform),
      platform,
    )
  }
  return finish()
}

/** After a failure: whether the engine still answers (a lost engine explains any failure). */
async function engineReachable(deps: EngineDeps): Promise<boolean | undefined> {
  if (deps.signal?.aborted) return undefined
  try {
    await deps.docker.serverVersion()
    return true
  } catch {
    return false
  }
}

/** Runs a stage again, once, when QEMU itself crashed; the first attempt is kept in `attempts`. */
async function withRetry<T extends BuildRun | SmokeRun>(
  emulated: boolean,
  deps: EngineDeps,
  platform: string,
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  const first = await run()
  if (!emulated || deps.signal?.aborted || !first.lines.some((l) => EMULATOR_CRASH.test(l)))
    return first
  const failedStage =
    'stage' in first ? first.stage : first.import.status !== 'passed' ? first.import : first.train
  if (failedStage.status === 'passed') return first
  deps.log.warning(`${platform}: QEMU crashed during ${what}; running it once more`)
  const second = await run()
  const strip = ({ attempts: _a, ...rest }: StageResult): StageResult => rest
  if ('stage' in second && 'stage' in first) {
    second.stage.attempts = [strip(first.stage)]
  } else if ('import' in second && 'import' in first) {
    second.import.attempts = [strip(first.import)]
    second.train.attempts = [strip(first.train)]
  }
  return second
}

/** What one platform's stages share. */
interface StageContext {
  opts: CheckOptions
  deps: EngineDeps
  p: Platform
  tag: string
  deadline: number
  grouped: boolean
  emulated: boolean
}

async function runBuild({
  opts,
  deps,
  p,
  tag,
  deadline,
  grouped,
  emulated,
}: StageContext): Promise<BuildRun> {
  const now = deps.now ?? Date.now
  const platform = formatPlatform(p)
  if (grouped) deps.log.startGroup(`${platform} · build${emulated ? ' (QEMU)' : ''}`)
  const build = await deps.docker.run(
    buildCommand({
      context: opts.contextPath,
      file: opts.dockerfilePath,
      platform,
      tag,
      runId: deps.runId,
      buildArgs: opts.buildArgs,
      ...(opts.target ? { target: opts.target } : {}),
      ...(opts.builder ? { builder: opts.builder } : {}),
      cacheFrom: opts.cacheFrom,
      cacheTo: opts.cacheTo,
    }),
    {
      timeoutMs: deadline - now(),
      signal: deps.signal,
      onLine: (l) => deps.log.output(l, platform),
    },
  )
  if (grouped) deps.log.endGroup()
  const stage: StageResult = {
    status: build.timedOut ? 'timed-out' : build.exitCode === 0 ? 'passed' : 'failed',
    durationMs: build.durationMs,
    log:
      build.exitCode === 0 || build.timedOut
        ? tailText(build.tail, LOG_TAIL_LINES)
        : failedBuildTail(build.tail, LOG_TAIL_LINES),
    exitCode: build.exitCode,
    ...(build.timedOut
      ? { reason: `the build ran longer than timeout-minutes (${opts.timeoutMinutes})` }
      : build.aborted
        ? { reason: 'cancelled' }
        : build.spawnError
          ? { reason: describeFailure(build) }
          : build.exitCode !== 0
            ? { reason: buildFailureReason(build.tail) }
            : {}),
  }
  return { stage, lines: build.tail }
}

/** The step that failed, as BuildKit reports it: "ERROR: process "/bin/sh -c pip install ..." did not complete successfully: exit code: 1". */
function buildFailureReason(tail: string[]): string {
  const err = [...tail].reverse().find((l) => /^ERROR:|^error:/.test(l.trim()))
  const text = (err ?? 'the build failed').trim().replace(/^ERROR:\s*/, '')
  return text.length > 200 ? text.slice(0, 199) + '…' : text
}

async function runSmoke({
  opts,
  deps,
  p,
  tag,
  deadline,
  grouped,
  emulated,
}: StageContext): Promise<SmokeRun> {
  const now = deps.now ?? Date.now
  const platform = formatPlatform(p)
  const name = containerName(deps.runId, p)
  deps.onCreate?.('container', name)
  if (grouped) deps.log.startGroup(`${platform} · import and train${emulated ? ' (QEMU)' : ''}`)
  const environment = emptyEnvironment()
  let training: Training | null = null
  let probe: Probe | null = null
  const importLines: string[] = []
  const trainLines: string[] = []
  let phase: 'import' | 'train' = 'import'
  const runStarted = now()
  let importAt: number | null = null
  let importOk: boolean | null = null
  let trainAt: number | null = null
  let trainOk: boolean | null = null
  const smoke = await deps.docker.run(
    smokeCommand({
      tag,
      platform,
      name,
      runId: deps.runId,
      train: opts.train,
      network: opts.network,
      ...(opts.python ? { python: opts.python } : {}),
      ...(opts.memory ? { memory: opts.memory } : {}),
    }),
    {
      input: SMOKE_SCRIPT,
      timeoutMs: deadline - now(),
      signal: deps.signal,
      onLine: (line) => {
        const event = parseSmokeLine(line)
        if (!event) {
          keepTail(phase === 'import' ? importLines : trainLines, line)
          deps.log.output(line, platform)
          return
        }
        if (event.stage === 'start') {
          environment.machine = event.machine ?? null
          environment.python = event.python ?? null
          environment.executable = event.executable ?? null
          environment.interpreter = event.elf ? archOfElf(event.elf) : null
        } else if (event.stage === 'import') {
          importAt = now()
          importOk = event.ok === true
          if (event.ok) {
            environment.tensorflow = event.tensorflow ?? null
            environment.numpy = event.numpy ?? null
            environment.keras = event.keras ?? null
            deps.log.info(
              `${platform}: TensorFlow ${event.tensorflow ?? '?'} imported in ${(event.seconds ?? 0).toFixed(1)} s`,
            )
          }
          phase = 'train'
        } else if (event.stage === 'probe') {
          probe = {
            tensorflowDirs: event.tensorflowDirs ?? [],
            venvs: event.venvs ?? [],
            sysPath: event.sysPath ?? [],
            prefix: event.prefix ?? null,
            path: event.path ?? null,
            glibc: event.glibc ?? null,
            foreignBinaries: (event.foreignBinaries ?? []).map((b) => ({
              file: b.file,
              arch: archOfElf(b),
            })),
            binariesChecked: event.binariesChecked ?? 0,
            foreignCount: event.foreignCount ?? 0,
          }
        } else if (event.stage === 'train') {
          trainAt = now()
          trainOk = event.ok === true
          if (event.ok) {
            training = {
              steps: event.steps ?? 0,
              loss: event.loss ?? [],
              examplesPerSecond: event.examplesPerSecond ?? 0,
            }
            if (event.keras) environment.keras = event.keras
          }
        }
      },
    },
  )
  if (smoke.timedOut || smoke.aborted) await deps.docker.kill(name)
  const state = await deps.docker.containerState(name)
  await deps.docker.removeContainers([name])
  if (grouped) deps.log.endGroup()

  const exitCode = state?.exitCode ?? smoke.exitCode
  const signal = signalFromExitCode(exitCode)
  const ended = now()
  const timeoutReason = `the container ran longer than what was left of timeout-minutes (${opts.timeoutMinutes})`
  const crash = (): string | undefined =>
    state?.oomKilled
      ? 'the container was killed for using too much memory (OOM)'
      : smoke.aborted
        ? 'cancelled'
        : signal
          ? `the process was killed by ${signal}`
          : smoke.spawnError
            ? describeFailure(smoke)
            : undefined

  const importEnd = importAt ?? ended
  const importReason = importOk === false ? 'TensorFlow did not import' : crash()
  const importStage: StageResult = {
    status:
      importOk === true ? 'passed' : smoke.timedOut && importAt === null ? 'timed-out' : 'failed',
    durationMs: importEnd - runStarted,
    // stdout and stderr are separate pipes: a traceback may arrive after the marker line that
    // reports the failed import, so a failed import owns every line the container printed.
    log: tailText(
      importOk === true ? importLines : [...importLines, ...trainLines],
      LOG_TAIL_LINES,
    ),
    exitCode: importOk === true ? 0 : exitCode,
    signal: importOk === true ? null : signal,
    ...(importOk !== true
      ? {
          reason:
            smoke.timedOut && importAt === null
              ? timeoutReason
              : (importReason ??
                `the container exited with ${exitCode} before TensorFlow was imported`),
        }
      : {}),
  }
  let trainStage: StageResult
  if (!opts.train) {
    trainStage = emptyStage('skipped', 'train is false')
  } else if (importOk !== true) {
    trainStage = emptyStage('skipped', 'TensorFlow did not import')
  } else {
    const trainReason = trainOk === false ? 'the training step raised an error' : crash()
    trainStage = {
      status:
        trainOk === true ? 'passed' : smoke.timedOut && trainAt === null ? 'timed-out' : 'failed',
      durationMs: (trainAt ?? ended) - importEnd,
      log: tailText(trainLines, LOG_TAIL_LINES),
      exitCode,
      signal,
      ...(trainOk !== true
        ? {
            reason:
              smoke.timedOut && trainAt === null
                ? timeoutReason
                : (trainReason ?? `the container exited with ${exitCode} during training`),
          }
        : {}),
    }
  }
  return {
    import: importStage,
    train: trainStage,
    environment,
    training,
    probe,
    lines: smoke.tail.filter((l) => parseSmokeLine(l) === null),
    oomKilled: state?.oomKilled ?? false,
  }
}

/** Output kept per phase: a container printing without end costs a bounded tail, not memory. */
const KEEP_LINES = 400

function keepTail(lines: string[], line: string): void {
  lines.push(line)
  if (lines.length > KEEP_LINES) lines.shift()
}

/** An ELF header's architecture; one the tool does not know is named by its number, never taken for a match. */
function archOfElf(h: ElfHeader): string {
  return elfArch(h) ?? `unknown (ELF machine ${h.machine}, ${h.bits}-bit)`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
