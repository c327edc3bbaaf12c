import { formatDuration } from '../format.js'
import type { RunOptions } from '../docker/exec.js'
import { StepTracker } from '../docker/steps.js'
import { type BuilderBaseline, builderDown } from './builder.js'
import type { EngineDeps, StageContext } from './stage.js'

// A build that goes silent: which BuildKit step it is on, whether the engine still answers,
// and, when it stays silent until the timeout, what the diagnosis needs to name it.

/** A build that printed nothing for stall-minutes or more. */
export interface Stall {
  /** The BuildKit step it was on (`[4/5] RUN pip install ...`), if any. */
  step: string | null
  /** How long it had printed nothing. */
  silentMs: number
  /** Why the builder could not be making progress (builder.ts), when it was asked and could not. */
  builderDown?: string
}

/** Whether the engine answers; undefined when the check is being cancelled. */
export async function engineReachable(deps: EngineDeps): Promise<boolean | undefined> {
  if (deps.signal?.aborted) return undefined
  try {
    await deps.docker.serverVersion()
    return true
  } catch {
    return false
  }
}

export interface BuildWatch {
  /** Each line of the build's output. */
  line(text: string): void
  /** For the build command: called when its output stops for stall-minutes. */
  idle: RunOptions['idle']
  /**
   * The silence the build was in at a moment (its deadline), if it had lasted stall-minutes by
   * then; what the client prints while it is being stopped does not end it.
   */
  stalledAt(at: number): Stall | null
  /** Aborted when the silent builder did not answer: the build is stopped, not waited out. */
  signal: AbortSignal
  /** The silence that stopped the build, when the watch stopped it. */
  stopped(): Stall | null
  /** The build has ended: nothing the watch still learns may stop or say anything. */
  done(): void
}

/**
 * Watches a build's output. A silence of stall-minutes is said at once in the log, with the
 * step and whether the engine answers; the build runs on until its timeout, unless the builder,
 * asked then, cannot be making progress (builder.ts): then it is stopped there.
 */
export function watchBuild(ctx: StageContext, builder: BuilderBaseline | null): BuildWatch {
  const now = ctx.deps.now ?? Date.now
  const steps = new StepTracker()
  let lastLine = now()
  /** The silence said in the log: since when, at which step, and when output came again. */
  let silence: { since: number; step: string | null; until: number | null } | null = null
  const ms = ctx.opts.stallMinutes === null ? null : ctx.opts.stallMinutes * 60_000
  const stop = new AbortController()
  let stoppedBy: Stall | null = null
  let ended = false
  /** Whether what was asked still matters: the silence goes on, the build and the check run. */
  const stillSilent = (s: NonNullable<typeof silence>): boolean =>
    !ended && s.until === null && !ctx.deps.signal?.aborted
  const onIdle = async (): Promise<void> => {
    const step = steps.current()
    const current = { since: lastLine, step, until: null as number | null }
    silence = current
    const answers = await engineReachable(ctx.deps)
    if (answers === undefined || !stillSilent(current)) return
    const down = answers && builder ? await builderDown(ctx.deps, builder) : null
    if (!stillSilent(current)) return
    if (down && builder) {
      stoppedBy = { step, silentMs: now() - current.since, builderDown: down }
      ctx.deps.log.warning(
        `${ctx.platform.id}: the build has printed nothing for ${formatDuration(stoppedBy.silentMs)}${step ? ` at ${step}` : ''}, and the builder '${builder.name}' ${down}: stopping the build now rather than wait out timeout-minutes (${ctx.opts.timeoutMinutes}).`,
      )
      stop.abort()
      return
    }
    ctx.deps.log.warning(
      `${ctx.platform.id}: the build has printed nothing for ${formatDuration(now() - lastLine)}${step ? ` at ${step}` : ''}; ` +
        (answers
          ? `the Docker engine still answers${builder ? ', and so does the builder' : ''}, so that step is making no progress. `
          : 'the Docker engine does not answer either. ') +
        `If it stays silent until timeout-minutes (${ctx.opts.timeoutMinutes}), the platform fails as builder-stalled; a wedged builder is cleared by restarting the engine or the builder.`,
    )
  }
  return {
    line(text) {
      steps.line(text)
      lastLine = now()
      if (silence && silence.until === null) {
        silence.until = lastLine
        if (lastLine < ctx.deadline)
          ctx.deps.log.info(`${ctx.platform.id}: the build is printing again`)
      }
    },
    idle:
      ms === null
        ? undefined
        : {
            ms,
            onIdle: () =>
              void onIdle().catch((e: unknown) =>
                ctx.deps.log.info(
                  `${ctx.platform.id}: the builder could not be asked (${String(e)})`,
                ),
              ),
          },
    stalledAt(at) {
      if (!silence || (silence.until !== null && silence.until < at)) return null
      return { step: silence.step, silentMs: at - silence.since }
    },
    signal: stop.signal,
    stopped: () => stoppedBy,
    done() {
      ended = true
    },
  }
}
