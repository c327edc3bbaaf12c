import { formatDuration, seconds, truncate } from '../../format.js'
import { commandStage, failedBuildTail, tailText } from '../output.js'
import { withRetry } from '../retry.js'
import { inGroup, LOG_TAIL_LINES, type Stage, type StageContext, type StageRun } from '../stage.js'
import { verifyImage } from './verify.js'
import { watchBuild } from '../watch.js'

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
  const watch = watchBuild(ctx)
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
        signal: deps.signal,
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
  // Silent until the timeout: the builder stopped making progress, and the reason says where.
  const stalled = build.timedOut ? watch.stalledAt(Math.min(ctx.deadline, now())) : null
  if (!stalled) return { results: { build: stage }, lines: build.tail }
  stage.reason = `no output for ${formatDuration(stalled.silentMs)}${stalled.step ? ` at ${stalled.step}` : ''}, until timeout-minutes (${opts.timeoutMinutes})`
  return { results: { build: stage }, lines: build.tail, evidence: { stalled } }
}

/** The step that failed, as BuildKit reports it: "ERROR: process "/bin/sh -c pip install ..." did not complete successfully: exit code: 1". */
function buildFailureReason(tail: string[]): string {
  const err = [...tail].reverse().find((l) => /^ERROR:|^error:/.test(l.trim()))
  const text = (err ?? 'the build failed').trim().replace(/^ERROR:\s*/, '')
  return truncate(text, 200)
}
