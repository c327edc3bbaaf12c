import { classify } from '../diagnose/classify.js'
import type { Evidence } from '../diagnose/evidence.js'
import { explain } from '../diagnose/explain.js'
import { diagnosis, registerQemu } from '../diagnosis.js'
import { locator } from '../lint/index.js'
import { type CheckOptions, oneAtATime } from '../config/check.js'
import { formatPlatform, type Platform } from '../platforms.js'
import {
  type Diagnosis,
  emptyStage,
  failingStage,
  type PlatformResult,
  type StageName,
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
import { build } from './stages/build.js'
import { smoke } from './stages/smoke.js'
import { emptyEnvironment } from './stages/smoke-events.js'
import type { LintResult } from './static.js'

/** A platform's stages, in order; the first that fails ends the platform, the rest are skipped. */
const PIPELINE: readonly Stage[] = [build, smoke]

/** Checks one platform: the static gates, then the pipeline; then its verdict and diagnoses. */
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
  const state: PlatformState = {
    stages: { build: emptyStage(), import: emptyStage(), train: emptyStage() },
    environment: emptyEnvironment(),
    training: null,
    image: null,
  }
  const finish = (diagnoses: Diagnosis[]): PlatformResult => ({
    platform,
    emulated: emulation.emulated,
    required: opts.required.has(platform),
    // The verdict's own rule: the stages, and the proof that image and process are the platform.
    passed: platformPassed({ platform, ...state }, opts.train),
    durationMs: now() - started,
    stages: state.stages,
    environment: state.environment,
    training: state.training,
    diagnoses,
    image: state.image,
  })
  const notBuilt = (why: string): void => {
    state.stages.import = emptyStage('skipped', 'the build did not run')
    state.stages.train = emptyStage('skipped', 'the build did not run')
    deps.log.warning(`${platform}: ${why}`)
  }

  const certain = lint.findings.find((f) => f.platform === platform && f.skipBuild)
  if (certain) {
    state.stages.build = emptyStage('skipped', `not built: ${certain.diagnosis.title}`)
    notBuilt(`not built: ${certain.diagnosis.detail}`)
    return finish(explain([], lint.findings, platform))
  }
  if (emulation.unavailable) {
    const why = emulation.unavailable
    state.stages.build = { ...emptyStage('failed', why), log: why }
    notBuilt(why)
    return finish([
      diagnosis(
        'exec-format-error',
        `${why}. Without it, ${platform} binaries fail with "exec format error".`,
        `To run ${platform}: ${registerQemu(p.arch)}, keep setup-qemu at auto, or use a native runner.`,
      ),
    ])
  }

  const ctx: StageContext = {
    opts,
    deps,
    p,
    platform,
    tag: imageTag(deps.runId, p),
    deadline: started + opts.timeoutMinutes * 60_000,
    grouped: oneAtATime(opts),
    emulated: emulation.emulated,
  }
  const decided = new Set<StageName>()
  for (const stage of PIPELINE) {
    const run = await stage(ctx, state)
    Object.assign(state.stages, run.results)
    for (const name of Object.keys(run.results)) decided.add(name as StageName)
    const failed = failingStage(state.stages)
    if (!failed) continue
    const why = run.skipReason ?? `the ${failed} did not pass`
    for (const name of Object.keys(state.stages) as StageName[])
      if (!decided.has(name)) state.stages[name] = emptyStage('skipped', why)
    const evidence = await evidenceOf(ctx, state, failed, run, locator(lint.model))
    return finish(explain(classify(evidence), lint.findings, platform))
  }
  return finish(
    explain(
      [],
      lint.findings.filter((f) => f.platform === platform),
      platform,
    ),
  )
}

/** What the classifier is given about a failed stage. */
async function evidenceOf(
  ctx: StageContext,
  state: PlatformState,
  failed: StageName,
  run: StageRun,
  locate: Evidence['locate'],
): Promise<Evidence> {
  const stage = state.stages[failed]
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
