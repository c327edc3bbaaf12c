import { formatDuration, seconds, truncate } from '../../format.js'
import { commandStage, failedBuildTail, tailText } from '../output.js'
import { withRetry } from '../retry.js'
import { inGroup, LOG_TAIL_LINES, type Stage, type StageContext, type StageRun } from '../stage.js'
import { verifyImage } from './verify.js'
import type { StageResult } from '../../results/types.js'
import { type BuilderBaseline, builderBaseline, builderDown } from '../builder.js'
import { ENGINE_LOST } from '../../diagnose/evidence.js'
import { platformSources } from '../cache.js'
import { engineReachable, type Stall, watchBuild } from '../watch.js'

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
  const base = ctx.builder ? await builderBaseline(deps, ctx.builder) : null
  const watch = watchBuild(ctx, base)
  const cache = platformSources(opts.cacheFrom, platform)
  for (const source of cache.missing)
    deps.log.info(`${platform}: cache-from ${source}: no cache there for this tag yet; not read`)
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
        cacheFrom: cache.sources,
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
  ).finally(() => watch.done())
  const log =
    build.exitCode === 0 || build.timedOut
      ? tailText(build.tail, LOG_TAIL_LINES)
      : failedBuildTail(build.tail, LOG_TAIL_LINES)
  const stage = commandStage(build, 'build', opts.timeoutMinutes, log, buildFailureReason)
  const silent = (s: Stall): string =>
    `no output for ${formatDuration(s.silentMs)}${s.step ? ` at ${s.step}` : ''}`
  // Silent, and the builder could not be making progress: stopped there, not waited out.
  const stopped = build.aborted && !deps.signal?.aborted ? watch.stopped() : null
  if (stopped?.builderDown && base) {
    const builder = { name: base.name, driver: base.driver, down: stopped.builderDown }
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
  // A build that failed at once, the engine still there: was it the builder (its BuildKit
  // container killed under it)? A lost engine is the engine's (docker-engine-lost), and finding
  // the builder down can take long enough for the engine to go too: it is asked again then. Its
  // last answer is the evidence's.
  const answers =
    stage.status === 'failed' && !build.aborted && base ? await engineReachable(deps) : undefined
  const lost = answers && base ? await builderLost(deps, base, build.tail) : null
  const last = lost ? await engineReachable(deps) : answers
  if (!lost || !base || !last) {
    const evidence = last === undefined ? {} : { engineReachable: last }
    return { results: { build: stage }, lines: build.tail, evidence }
  }
  const failed: StageResult = { ...stage, reason: `the builder ${lost}`, cause: 'builder' }
  const builder = { name: base.name, driver: base.driver, down: lost }
  return {
    results: { build: failed },
    lines: build.tail,
    evidence: { builder, engineReachable: last },
  }
}

/**
 * Why the builder failed the build, if it did. The client can report BuildKit's connection lost
 * before the engine has seen its container exit (or start again): then it is asked once more.
 */
async function builderLost(
  deps: StageContext['deps'],
  base: BuilderBaseline,
  tail: string[],
): Promise<string | null> {
  const first = await builderDown(deps, base)
  if (first || !tail.some((l) => ENGINE_LOST.test(l))) return first
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  return builderDown(deps, base)
}

/** How long the engine gets to see a BuildKit container gone that the client already saw. */
const SETTLE_MS = 2_000

/** The step that failed, as BuildKit reports it: "ERROR: process "/bin/sh -c pip install ..." did not complete successfully: exit code: 1". */
function buildFailureReason(tail: string[]): string {
  const err = [...tail].reverse().find((l) => /^ERROR:|^error:/.test(l.trim()))
  const text = (err ?? 'the build failed').trim().replace(/^ERROR:\s*/, '')
  return truncate(text, 200)
}
