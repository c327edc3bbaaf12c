import { formatDuration, seconds, truncate } from '../../format.js'
import { commandStage, failedBuildTail, tailText } from '../output.js'
import { withRetry } from '../retry.js'
import { inGroup, LOG_TAIL_LINES, type Stage, type StageContext, type StageRun } from '../stage.js'
import { verifyImage } from './verify.js'
import type { StageResult } from '../../results/types.js'
import { builderDown } from '../builder.js'
import { type Stall, watchBuild } from '../watch.js'

/** Builds the platform's image (an emulator crash is retried once), then proves it is the platform. */
export const build: Stage = async (ctx, state) => {
  ctx.deps.onCreate?.('image', ctx.tag)
  const run = await withRetry(ctx, 'build', () => runBuild(ctx))
  const result = run.results.build!
  ctx.deps.log.info(`${ctx.platform.id}: build ${result.status} in ${seconds(result.durationMs)}`)
  if (result.status !== 'passed') return { ...run, skipReason: 'the build did not pass' }
  return verifyImage(ctx, state, run)
}

async function runBuild(ctx: StageContext): Promise<StageRun> {
  const { opts, deps } = ctx
  const platform = ctx.platform.id
  const now = deps.now ?? Date.now
  const began = now()
  const watch = watchBuild(ctx)
  const signal = deps.signal ? AbortSignal.any([deps.signal, watch.signal]) : watch.signal
  const build = await inGroup(ctx, 'build', () =>
    deps.docker.build(
      {
        context: opts.contextPath,
        file: opts.dockerfilePath,
        platform,
        tag: ctx.tag,
        runId: deps.runId,
        buildArgs: opts.buildArgs,
        ...(opts.target ? { target: opts.target } : {}),
        ...(opts.builder ? { builder: opts.builder } : {}),
        cacheFrom: opts.cacheFrom,
        cacheTo: opts.cacheTo,
      },
      {
        timeoutMs: ctx.deadline - now(),
        signal,
        onLine: (l) => {
          watch.line(l)
          deps.log.output(l, platform)
        },
        ...(watch.idle ? { idle: watch.idle } : {}),
      },
    ),
  )
  const log =
    build.exitCode === 0 || build.timedOut
      ? tailText(build.tail, LOG_TAIL_LINES)
      : failedBuildTail(build.tail, LOG_TAIL_LINES)
  const stage = commandStage(build, 'build', opts.timeoutMinutes, log, buildFailureReason)
  const silent = (s: Stall): string =>
    `no output for ${formatDuration(s.silentMs)}${s.step ? ` at ${s.step}` : ''}`
  // Silent, and the builder did not answer: stopped there, not waited out.
  const stopped = deps.signal?.aborted || !ctx.builder ? null : watch.stopped()
  if (stopped?.builderDown) {
    const builder = { name: ctx.builder!.name, down: stopped.builderDown }
    const reason = `${silent(stopped)}, and the builder ${builder.down}`
    const down: StageResult = { ...stage, status: 'failed', reason, cause: 'builder' }
    const stalled = { step: stopped.step, silentMs: stopped.silentMs }
    return { results: { build: down }, lines: build.tail, evidence: { stalled, builder } }
  }
  // Silent until the timeout: the builder stopped making progress, and the reason says where.
  const stalled = build.timedOut ? watch.stalledAt(Math.min(ctx.deadline, now())) : null
  if (stalled) {
    stage.reason = `${silent(stalled)}, until timeout-minutes (${opts.timeoutMinutes})`
    return { results: { build: stage }, lines: build.tail, evidence: { stalled } }
  }
  // A build that failed at once: was it the builder (a BuildKit container killed under it)?
  const lost =
    stage.status === 'failed' && !build.aborted && ctx.builder
      ? await builderDown(deps, ctx.builder, began)
      : null
  if (!lost) return { results: { build: stage }, lines: build.tail }
  const failed: StageResult = { ...stage, reason: `the builder ${lost}`, cause: 'builder' }
  const builder = { name: ctx.builder!.name, down: lost }
  return { results: { build: failed }, lines: build.tail, evidence: { builder } }
}

/** The step that failed, as BuildKit reports it: "ERROR: process "/bin/sh -c pip install ..." did not complete successfully: exit code: 1". */
function buildFailureReason(tail: string[]): string {
  const err = [...tail].reverse().find((l) => /^ERROR:|^error:/.test(l.trim()))
  const text = (err ?? 'the build failed').trim().replace(/^ERROR:\s*/, '')
  return truncate(text, 200)
}
