import { classify } from '../diagnose/classify.js'
import type { Evidence } from '../diagnose/evidence.js'
import { explain } from '../diagnose/explain.js'
import { diagnosis, registerQemu } from '../diagnosis.js'
import { locator } from '../lint/index.js'
import { type CheckOptions, oneAtATime } from '../config/check.js'
import type { Platform } from '../platforms.js'
import {
  type Diagnosis,
  emptyStage,
  failingStage,
  type ImageSource,
  type PlatformResult,
  type StageName,
  type Stages,
  stagesOf,
} from '../results/types.js'
import { platformPassed } from '../results/verdict.js'
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
import { emptyEnvironment } from './stages/smoke-events.js'
import type { LintResult } from './static.js'
import { engineReachable } from './watch.js'

/**
 * A platform's stages, in order; the first that fails ends the platform, the rest are skipped.
 * The image is built, or with the image input pulled; start and run only when asked for.
 */
function pipeline(opts: CheckOptions): [string, Stage][] {
  return [
    opts.image ? ['pull', pull] : ['build', build],
    ['import', smoke],
    ...(opts.start !== null ? [['start', start] as [string, Stage]] : []),
    ...(opts.run !== null ? [['run', run] as [string, Stage]] : []),
  ]
}

/** The stages a platform's results hold from the start: the three always, and those asked for. */
function initialStages(opts: CheckOptions): Stages {
  const stages: Stages = { build: emptyStage(), import: emptyStage(), train: emptyStage() }
  if (opts.image) {
    stages.build = emptyStage('skipped', `not built: the image ${opts.image.ref} was checked`)
    stages.pull = emptyStage()
  }
  if (opts.start !== null) stages.start = emptyStage()
  if (opts.run !== null) stages.run = emptyStage()
  return stages
}

/** Checks one platform: the static gates, then the pipeline; then its verdict and diagnoses. */
export async function checkPlatform(
  opts: CheckOptions,
  deps: EngineDeps,
  platform: Platform,
  emulation: Emulation,
  lint: LintResult = { model: null, findings: [], fixes: [], entrypoint: null },
  image: ImagePlan | null = null,
): Promise<PlatformResult> {
  const now = deps.now ?? Date.now
  const started = now()
  const state: PlatformState = {
    stages: initialStages(opts),
    environment: emptyEnvironment(),
    training: null,
    image: null,
    invocation: null,
  }
  const finish = (diagnoses: Diagnosis[]): PlatformResult => {
    // The verdict's own rule: the stages, and the proof that image and process are the platform.
    const passed = platformPassed({ platform: platform.id, ...state }, opts.train)
    deps.log.progress?.(platform.id, passed ? 'passed' : 'failed')
    return result(diagnoses, passed)
  }
  const result = (diagnoses: Diagnosis[], passed: boolean): PlatformResult => ({
    platform: platform.id,
    emulated: emulation.emulated,
    required: opts.required.has(platform.id),
    passed,
    durationMs: now() - started,
    stages: state.stages,
    environment: state.environment,
    training: state.training,
    diagnoses,
    image: state.image,
    ...(image ? { source: sourceOf(image, platform.id) } : {}),
    ...(state.invocation ? { invocation: state.invocation } : {}),
  })
  const notBuilt = (why: string): void => {
    for (const name of stagesOf(state.stages))
      if (name !== 'build' && name !== 'pull')
        state.stages[name] = emptyStage(
          'skipped',
          image ? 'the image was not run' : 'the build did not run',
        )
    deps.log.warning(`${platform.id}: ${why}`)
  }

  // A certain finding saves a build that cannot succeed; an existing image is run all the same.
  const certain = !image && lint.findings.find((f) => f.platform === platform.id && f.skipBuild)
  if (certain) {
    state.stages.build = emptyStage('skipped', `not built: ${certain.diagnosis.title}`)
    notBuilt(`not built: ${certain.diagnosis.detail}`)
    return finish(explain([], lint.findings, platform.id))
  }
  if (emulation.unavailable) {
    const why = emulation.unavailable
    state.stages[image ? 'pull' : 'build'] = { ...emptyStage('failed', why), log: why }
    notBuilt(why)
    return finish([
      diagnosis(
        'exec-format-error',
        `${why}. Without it, ${platform.id} binaries fail with "exec format error".`,
        `To run ${platform.id}: ${registerQemu(platform.arch)}, keep setup-qemu at auto, or use a native runner.`,
      ),
    ])
  }

  const ctx: StageContext = {
    opts,
    deps,
    platform,
    tag: image
      ? (image.platforms.get(platform.id)?.run ?? image.ref.ref)
      : imageTag(deps.runId, platform),
    image,
    deadline: started + opts.timeoutMinutes * 60_000,
    grouped: oneAtATime(opts),
    emulated: emulation.emulated,
    script: lint.entrypoint ? { path: lint.entrypoint.path, facts: lint.entrypoint.facts } : null,
  }
  const decided = new Set<StageName>()
  for (const [name, stage] of pipeline(opts)) {
    deps.log.progress?.(platform.id, name)
    const run = await stage(ctx, state)
    Object.assign(state.stages, run.results)
    for (const name of Object.keys(run.results)) decided.add(name as StageName)
    const failed = failingStage(state.stages)
    if (!failed) continue
    const why = run.skipReason ?? `the ${failed} did not pass`
    for (const name of stagesOf(state.stages))
      if (!decided.has(name) && name !== 'build') state.stages[name] = emptyStage('skipped', why)
    const evidence = await evidenceOf(ctx, state, failed, run, locator(lint.model))
    return finish(explain(classify(evidence), lint.findings, platform.id))
  }
  return finish(
    explain(
      [],
      lint.findings.filter((f) => f.platform === platform.id),
      platform.id,
    ),
  )
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
    engineReachable: await engineReachable(ctx.deps),
  }
}
