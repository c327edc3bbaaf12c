import { smokeCommand } from '../../docker/args.js'
import { describeFailure } from '../../docker/exec.js'
import { parseSmokeLine, SMOKE_SCRIPT } from '../../smoke/script.js'
import { signalFromExitCode } from '../output.js'
import { seconds } from '../logger.js'
import { withRetry } from '../retry.js'
import { containerName, inGroup, type Stage, type StageContext, type StageRun } from '../stage.js'
import { emptyRecorded, record, type SmokeStages, stagesFromEvents } from './smoke-events.js'
import { verifyMachine } from './verify.js'

/** Imports TensorFlow and runs the training step, in one container start; proves where it ran. */
export const smoke: Stage = async (ctx, state) => {
  const run = await withRetry(ctx, 'import and train', () => runSmoke(ctx))
  state.environment = run.stages.environment
  state.training = run.stages.training
  const checked = verifyMachine(ctx, state, run)
  const imported = checked.results.import!
  const train = checked.results.train!
  ctx.deps.log.info(
    `${ctx.platform}: import ${imported.status} (${seconds(imported.durationMs)}), train ${train.status}` +
      (train.status === 'skipped' ? '' : ` (${seconds(train.durationMs)})`),
  )
  return checked
}

/** Runs the smoke script in the image; the stages come from what it printed (smoke-events.ts). */
async function runSmoke(ctx: StageContext): Promise<StageRun & { stages: SmokeStages }> {
  const { opts, deps, platform } = ctx
  const now = deps.now ?? Date.now
  const name = containerName(deps.runId, ctx.p)
  deps.onCreate?.('container', name)
  const recorded = emptyRecorded()
  const startedAt = now()
  const { smoke, state } = await inGroup(ctx, 'import and train', async () => {
    const smoke = await deps.docker.run(
      smokeCommand({
        tag: ctx.tag,
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
        timeoutMs: ctx.deadline - now(),
        signal: deps.signal,
        onLine: (line) => {
          const event = record(recorded, line, now())
          if (!event) deps.log.output(line, platform)
          else if (event.stage === 'import' && event.ok) {
            deps.log.info(
              `${platform}: TensorFlow ${event.tensorflow ?? '?'} imported in ${(event.seconds ?? 0).toFixed(1)} s`,
            )
            if (opts.train) deps.log.progress?.(platform, 'train')
          }
        },
      },
    )
    if (smoke.timedOut || smoke.aborted) await deps.docker.kill(name)
    const state = await deps.docker.containerState(name)
    await deps.docker.removeContainers([name])
    return { smoke, state }
  })
  const exitCode = state?.exitCode ?? smoke.exitCode
  const stages = stagesFromEvents(
    recorded,
    {
      startedAt,
      endedAt: now(),
      exitCode,
      signal: signalFromExitCode(exitCode),
      oomKilled: state?.oomKilled ?? false,
      timedOut: smoke.timedOut,
      aborted: smoke.aborted,
      ...(smoke.spawnError ? { spawnFailure: describeFailure(smoke) } : {}),
    },
    opts,
  )
  return {
    results: { import: stages.import, train: stages.train },
    lines: smoke.tail.filter((l) => parseSmokeLine(l) === null),
    evidence: { oomKilled: state?.oomKilled ?? false, probe: stages.probe },
    stages,
  }
}
