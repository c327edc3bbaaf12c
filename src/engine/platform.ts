import { classify } from '../diagnose/classify.js'
import type { Evidence } from '../diagnose/evidence.js'
import { explain } from '../diagnose/explain.js'
import { noEmulator } from '../diagnose/machine.js'
import { locator } from '../lint/index.js'
import { type CheckOptions, oneAtATime } from '../config/check.js'
import type { Platform } from '../platforms.js'
import {
  decisiveStage,
  type Diagnosis,
  emptyEnvironment,
  emptyStage,
  failingStage,
  type ImageSource,
  imageStage,
  type PlatformResult,
  type StageName,
  type Stages,
  stagesOf,
} from '../results/types.js'
import {
  CORE_STAGES,
  EXTRA_STAGES,
  replacedBy,
  type RunStage,
  spec,
  STAGE_ORDER,
} from '../results/stages.js'
import { platformPassed, readinessMismatch } from '../results/verdict.js'
import type { BuilderInfo } from '../docker/builder.js'
import type { Emulation } from './emulation.js'
import {
  type EngineDeps,
  imageTag,
  type PlatformState,
  type Stage,
  type StageContext,
  type StageRun,
} from './stage.js'
import type { ImagePlan } from './source.js'
import { build } from './stages/build.js'
import { pull } from './stages/pull.js'
import { run } from './stages/run.js'
import { smoke } from './stages/smoke.js'
import { start } from './stages/start.js'
import type { LintResult } from './static.js'
import { engineReachable } from './watch.js'

/** How each stage that runs is run (results/stages.ts has the rest of its row). */
export const RUNNERS: Record<RunStage, Stage> = {
  build,
  pull,
  import: smoke,
  start,
  run,
}

/** Whether the check option that asks for a stage is set (or it is in every check). */
function asked(opts: CheckOptions, name: StageName): boolean {
  const by = spec(name).present
  return by === 'always' || (opts[by] ?? null) !== null
}

/**
 * A platform's stages, in order; the first that fails ends the platform, the rest are skipped.
 * The image is built, or with the image input pulled; start and run only when asked for.
 */
function pipeline(opts: CheckOptions): [StageName, Stage][] {
  const present = STAGE_ORDER.filter((s) => asked(opts, s))
  const replaced = replacedBy(present)
  return present.flatMap((s) =>
    replaced.has(s) || spec(s).decidedBy !== undefined ? [] : [[s, RUNNERS[s as RunStage]]],
  )
}

/** The stages a platform's results hold from the start: those in every check, and those asked for. */
function initialStages(opts: CheckOptions): Stages {
  // Those in every check first: the results' key order is what it was before stages were asked for.
  const stages = Object.fromEntries(
    [...CORE_STAGES, ...EXTRA_STAGES].filter((s) => asked(opts, s)).map((s) => [s, emptyStage()]),
  ) as Stages
  if (opts.image)
    stages.build = emptyStage(
      'skipped',
      `not built: the image ${opts.image.ref} was checked`,
      'replaced',
    )
  return stages
}

/** One platform's check as it goes: what it was given, and its state so far. */
interface Checking {
  opts: CheckOptions
  deps: EngineDeps
  platform: Platform
  emulation: Emulation
  lint: LintResult
  image: ImagePlan | null
  builder: BuilderInfo | null
  started: number
  state: PlatformState
}

/** What every platform of a check shares: the static phase, the image input, the builder. */
export interface Shared {
  lint: LintResult
  image: ImagePlan | null
  builder: BuilderInfo | null
}

const NOTHING_SHARED: Shared = {
  lint: { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null },
  image: null,
  builder: null,
}

/** Checks one platform: the static gates, then the pipeline; then its verdict and diagnoses. */
export async function checkPlatform(
  opts: CheckOptions,
  deps: EngineDeps,
  platform: Platform,
  emulation: Emulation,
  shared: Shared = NOTHING_SHARED,
): Promise<PlatformResult> {
  const { lint, image, builder } = shared
  const now = deps.now ?? Date.now
  const state: PlatformState = {
    stages: initialStages(opts),
    environment: emptyEnvironment(),
    training: null,
    image: null,
    invocation: null,
  }
  const c: Checking = {
    opts,
    deps,
    platform,
    emulation,
    lint,
    image,
    builder,
    started: now(),
    state,
  }
  const diagnoses = gated(c) ?? (await piped(c))
  // The verdict's own rule: the stages, and the proof that image and process are the platform.
  const passed = platformPassed({ platform: platform.id, ...state }, opts.train)
  deps.log.progress?.(platform.id, passed ? 'passed' : 'failed')
  return {
    platform: platform.id,
    emulated: emulation.emulated,
    required: opts.required.has(platform.id),
    passed,
    durationMs: now() - c.started,
    stages: state.stages,
    environment: state.environment,
    training: state.training,
    diagnoses,
    image: state.image,
    ...(image ? { source: sourceOf(image, platform.id) } : {}),
    ...(state.invocation ? { invocation: state.invocation } : {}),
    ...(state.gpu ? { gpu: state.gpu } : {}),
    ...(state.gpuReady ? { gpuReady: state.gpuReady } : {}),
  }
}

/**
 * The gates before anything runs: a certain finding saves a build that cannot succeed (an
 * existing image is run all the same), and a platform with no emulator cannot run at all. Their
 * diagnoses, or null to go on.
 */
function gated(c: Checking): Diagnosis[] | null {
  const { state, platform, image, lint } = c
  const notBuilt = (why: string): void => {
    // Every stage after the one that makes the image.
    for (const name of stagesOf(state.stages))
      if (spec(name).verdict !== 'image')
        state.stages[name] = emptyStage(
          'skipped',
          image ? 'the image was not run' : 'the build did not run',
          'not-reached',
        )
    c.deps.log.warning(`${platform.id}: ${why}`)
  }
  const certain = !image && lint.findings.find((f) => f.platform === platform.id && f.skipBuild)
  if (certain) {
    state.stages.build = emptyStage('skipped', `not built: ${certain.diagnosis.title}`, 'finding')
    notBuilt(`not built: ${certain.diagnosis.detail}`)
    return explain([], lint.findings, platform.id)
  }
  const why = c.emulation.unavailable
  if (!why) return null
  state.stages[imageStage(state.stages)] = { ...emptyStage('failed', why, 'no-emulator'), log: why }
  notBuilt(why)
  return [noEmulator(platform, why)]
}

/** The stages in order; the first that fails ends the platform, the rest are skipped. */
async function piped(c: Checking): Promise<Diagnosis[]> {
  const { opts, deps, platform, image, lint, state } = c
  const ctx: StageContext = {
    opts,
    deps,
    platform,
    tag: image
      ? (image.platforms.get(platform.id)?.run ?? image.ref.ref)
      : imageTag(deps.runId, platform),
    image,
    deadline: c.started + opts.timeoutMinutes * 60_000,
    grouped: oneAtATime(opts),
    emulated: c.emulation.emulated,
    script: lint.entrypoint ? { path: lint.entrypoint.path, facts: lint.entrypoint.facts } : null,
    gpuIntent: lint.gpuIntent ?? null,
    builder: c.builder,
  }
  const decided = new Set<StageName>()
  let smoked: StageRun | null = null
  for (const [name, stage] of pipeline(opts)) {
    deps.log.progress?.(platform.id, name)
    const run = await stage(ctx, state)
    if (name === 'import') smoked = run
    Object.assign(state.stages, run.results)
    for (const name of Object.keys(run.results)) decided.add(name as StageName)
    const failed = failingStage(state.stages)
    if (!failed) continue
    const why = run.skipReason ?? `the ${failed} did not pass`
    // A stage another took the place of (the build, for a pull) keeps what it says.
    const replaced = replacedBy(stagesOf(state.stages))
    for (const name of stagesOf(state.stages))
      if (!decided.has(name) && !replaced.has(name))
        state.stages[name] = emptyStage('skipped', why, 'not-reached')
    const evidence = await evidenceOf(ctx, state, failed, run, locator(lint.model))
    return explain(classify(evidence), lint.findings, platform.id)
  }
  const own = lint.findings.filter((f) => f.platform === platform.id)
  // No stage failed, and the platform does not pass: its GPU check could not be made here (under
  // QEMU), or gpu-ready: required and the image could not use a GPU. What was found says why.
  const undecided = decisiveStage(state.stages)
  if (smoked && (undecided || readinessMismatch(state))) {
    const evidence = await evidenceOf(
      ctx,
      state,
      undecided ?? 'import',
      smoked,
      locator(lint.model),
    )
    const found = classify({ ...evidence, lines: [] }).filter((d) => d.id !== 'unknown')
    return explain(found, own, platform.id)
  }
  return explain([], own, platform.id)
}

/** What the platform's results say of the image input. */
function sourceOf(image: ImagePlan, platform: string): ImageSource | null {
  const s = image.platforms.get(platform)
  return s ? { ref: image.ref.ref, pinned: s.run, from: s.from } : null
}

/** What the classifier is given about a failed stage. */
async function evidenceOf(
  ctx: StageContext,
  state: PlatformState,
  failed: StageName,
  run: StageRun,
  locate: Evidence['locate'],
): Promise<Evidence> {
  const stage = state.stages[failed]!
  return {
    platform: ctx.platform,
    emulated: ctx.emulated,
    stage: failed,
    status: stage.status,
    lines: run.lines,
    exitCode: stage.exitCode ?? null,
    signal: stage.signal ?? null,
    oomKilled: false,
    probe: null,
    image: state.image,
    timeoutMinutes: ctx.opts.timeoutMinutes,
    locate,
    ...run.evidence,
    engineReachable: run.evidence?.engineReachable ?? (await engineReachable(ctx.deps)),
  }
}
