import type { CheckContainer, ContainerSpec } from '../../docker/args.js'
import { describeFailure } from '../../docker/exec.js'
import type { StageName, StageResult } from '../../results/types.js'
import { causeOf, signalFromExitCode, tailText } from '../output.js'
import {
  containerName,
  inGroup,
  LOG_TAIL_LINES,
  type StageContext,
  type StageRun,
} from '../stage.js'

// A container of the stages that check what ships (start, run): started, given its time, then
// read and removed. Their stages are decided by how it ended.

/** How a container of these stages ended. */
export interface Ended {
  result: StageResult
  /** Still running when its window closed (it was then stopped). */
  stillRunning: boolean
  lines: string[]
}

export function containerSpec(ctx: StageContext, stage: StageName): ContainerSpec {
  return {
    tag: ctx.tag,
    platform: ctx.platform.id,
    name: `${containerName(ctx.deps.runId, ctx.platform)}-${stage}`,
    runId: ctx.deps.runId,
    network: ctx.opts.network,
    ...(ctx.opts.memory ? { memory: ctx.opts.memory } : {}),
    // Your own test gets the GPUs the import-and-train container had (none under QEMU).
    ...(stage === 'run' && ctx.opts.gpus && !ctx.emulated ? { gpus: ctx.opts.gpus } : {}),
  }
}

/**
 * Runs the container for at most `windowMs` (the platform's deadline
 * first); answers how it ended. A window that closes is no failure by itself: `stillRunning`
 * says the container outlived it.
 */
export async function runContainer(
  ctx: StageContext,
  stage: StageName,
  container: CheckContainer,
  windowMs: number,
): Promise<Ended> {
  const { deps } = ctx
  const platform = ctx.platform.id
  const now = deps.now ?? Date.now
  const left = ctx.deadline - now()
  const name = container.spec.name
  deps.onCreate?.('container', name)
  const { res, state } = await inGroup(ctx, stage, async () => {
    const res = await deps.docker.container(container, {
      timeoutMs: Math.min(windowMs, left),
      signal: deps.signal,
      onLine: (l) => deps.log.output(l, platform),
    })
    const state = await deps.docker.containerState(name)
    if (state?.running) await deps.docker.kill(name)
    await deps.docker.removeContainers([name])
    return { res, state }
  })
  const stillRunning = res.timedOut && state?.running === true
  const exitCode = stillRunning ? null : (state?.exitCode ?? res.exitCode)
  const lines = state?.error ? [...res.tail, state.error] : res.tail
  const cutByDeadline = res.timedOut && left < windowMs
  const status = cutByDeadline
    ? 'timed-out'
    : stillRunning || (exitCode === 0 && !res.aborted)
      ? 'passed'
      : 'failed'
  const signal = signalFromExitCode(exitCode)
  const cause = causeOf(status, {
    oomKilled: state?.oomKilled ?? false,
    aborted: res.aborted,
    signal,
    spawnFailed: res.spawnError !== undefined,
  })
  const result: StageResult = {
    status,
    durationMs: res.durationMs,
    log: tailText(lines, LOG_TAIL_LINES),
    exitCode,
    signal,
    ...(cutByDeadline
      ? { reason: `timeout-minutes (${ctx.opts.timeoutMinutes}) ran out during the ${stage}` }
      : res.aborted
        ? { reason: 'cancelled' }
        : res.spawnError
          ? { reason: describeFailure(res) }
          : {}),
    ...(cause ? { cause } : {}),
  }
  return { result, stillRunning, lines }
}

/** The stage's answer to the pipeline, from how its container ended. */
export function answer(stage: StageName, ended: Ended, reason?: string): StageRun {
  const result = reason && !ended.result.reason ? { ...ended.result, reason } : ended.result
  return {
    results: { [stage]: result },
    lines: ended.lines,
    skipReason: `the ${stage} did not pass`,
  }
}
