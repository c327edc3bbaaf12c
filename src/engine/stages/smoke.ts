import { seconds } from '../../format.js'
import { REPLACED, type Through } from '../../docker/args.js'
import type { ContainerState } from '../../docker/containers.js'
import { describeFailure, type RunResult } from '../../docker/exec.js'
import { describeInvocation } from '../../results/invocation.js'
import type { Invocation } from '../../results/types.js'
import { parseSmokeLine, SMOKE_SCRIPT } from '../../smoke/script.js'
import { planInvocation, type InvocationPlan } from '../invocation.js'
import { signalFromExitCode } from '../output.js'
import { withRetry } from '../retry.js'
import {
  containerName,
  inGroup,
  type PlatformState,
  type Stage,
  type StageContext,
  type StageRun,
} from '../stage.js'
import { EMULATED_START_FACTOR } from './start.js'
import {
  emptyRecorded,
  record,
  type Recorded,
  type SmokeStages,
  stagesFromEvents,
  wholeLog,
} from './smoke-events.js'
import { verifyMachine } from './verify.js'
import { gpuFacts, gpuStage, readinessOf } from './gpu.js'

/**
 * How long a kept ENTRYPOINT gets to hand over to the check (its first line, printed as Python
 * starts), natively; 10x under QEMU, like start. One that waits for a service, or runs its own
 * program instead, is then replaced, and the reason said.
 */
export const ENTRYPOINT_WINDOW_S = 20

/** Docker's or the kernel's refusal to start the ENTRYPOINT itself: what users would hit too. */
export const ENTRYPOINT_NOT_STARTED =
  /exec:? "?[^"\s:]+"?: (permission denied|no such file or directory)|failed to create task for container|OCI runtime (create|exec) failed/

/**
 * Imports TensorFlow and runs the training step, in one container start, started the way the
 * image's users start commands (engine/invocation.ts); proves where it ran.
 */
export const smoke: Stage = async (ctx, state) => {
  const { opts, deps } = ctx
  const platform = ctx.platform.id
  const plan = planInvocation(state.image, ctx.script, opts.python ?? undefined)
  const kept = through(plan)
  let run = await withRetry(ctx, 'import and train', () =>
    runSmoke(ctx, kept, opts.train, kept.keep),
  )
  let invocation: Invocation = {
    how: plan.how === 'try' ? 'entrypoint' : plan.how,
    entrypoint: plan.entrypoint,
    reason: plan.reason,
  }
  if (run.handedOver === false) {
    invocation = {
      how: 'replaced',
      entrypoint: plan.entrypoint,
      reason: `the ENTRYPOINT ${JSON.stringify(plan.entrypoint)} never ran the check's command (${run.why}); the check replaced it`,
    }
    deps.log.info(`${platform}: ${invocation.reason}`)
    run = await withRetry(ctx, 'import and train', () => runSmoke(ctx, REPLACED, opts.train, false))
  }
  if (invocation.how === 'entrypoint') {
    // The other way, import only: what `docker run --entrypoint python IMAGE`, a Kubernetes
    // `command:` or `docker exec` would see. It decides nothing; it is said.
    const other = await runSmoke(ctx, REPLACED, false, false, true)
    invocation.bypassed = {
      imported: other.results.import?.status === 'passed',
      line: other.results.import?.status === 'passed' ? null : failureLine(other.lines),
    }
  }
  deps.log.info(`${platform}: the check ran ${describeInvocation(invocation)}`)
  state.invocation = invocation
  state.through = invocation.how === 'entrypoint' ? through(plan) : REPLACED
  state.environment = run.stages.environment
  state.training = run.stages.training
  const checked = withGpus(ctx, state, verifyMachine(ctx, state, run), run)
  const imported = checked.results.import!
  const train = checked.results.train!
  deps.log.info(
    `${platform}: import ${imported.status} (${seconds(imported.durationMs)}), train ${train.status}` +
      (train.status === 'skipped' ? '' : ` (${seconds(train.durationMs)})`),
  )
  return checked
}

/**
 * The GPU stage (gpus) and the readiness (gpu-ready), from what the container found, into the
 * state and the run's results; the facts go with the evidence for a diagnosis.
 */
function withGpus(
  ctx: StageContext,
  state: PlatformState,
  checked: StageRun,
  run: SmokeRun,
): StageRun {
  const { opts } = ctx
  const facts = gpuFacts(run.recorded)
  if (facts.build) state.environment.tensorflowBuild = facts.build
  const intent = ctx.gpuIntent ?? (opts.gpus ? `gpus is ${opts.gpus.value}` : null)
  state.gpuReady = readinessOf(facts, opts.gpuReady, intent)
  const results = { ...checked.results }
  let problem: string | null = null
  if (opts.gpus) {
    const reached =
      results.import?.status === 'passed' && (!opts.train || results.train?.status === 'passed')
    const { stage, check } = gpuStage(facts, opts.gpus, {
      platform: ctx.platform.id,
      emulated: ctx.emulated,
      reached,
    })
    results.gpu = {
      ...stage,
      // The GPU check prints after the import, with or without the training step.
      log: stage.status === 'failed' ? wholeLog(run.recorded) : '',
    }
    state.gpu = check
    problem = stage.status === 'failed' ? (stage.reason ?? null) : null
  }
  const readiness = state.gpuReady
  problem ??= readiness && !readiness.ready ? readiness.reason : null
  // The GPU facts go to the diagnosis only where GPUs were asked of the check.
  const asked = opts.gpus !== null || (readiness?.required === true && !readiness.ready)
  if (!asked) return { ...checked, results }
  return {
    ...checked,
    results,
    evidence: {
      ...checked.evidence,
      gpu: { check: state.gpu ?? null, readiness, build: facts.build, problem },
    },
  }
}

/** How a plan's command meets the ENTRYPOINT: a `try` goes through it first. */
export function through(plan: InvocationPlan | null): Through {
  if (!plan || plan.how === 'replaced' || plan.how === 'direct') return REPLACED
  return { keep: true, form: plan.form }
}

/** The line that says why an import failed: the exception, else the last line printed. */
function failureLine(lines: string[]): string | null {
  const said = lines.map((l) => l.trim()).filter(Boolean)
  const line = said.findLast((l) => /Error|No module|not found|denied/.test(l)) ?? said.at(-1)
  return line ? line.slice(0, 300) : null
}

type SmokeRun = StageRun & {
  stages: SmokeStages
  recorded: Recorded
  /** Through a kept ENTRYPOINT: false when it never handed over to the check (and why). */
  handedOver?: boolean
  why?: string
}

/** How the check container ran: its result, its state at the end, and what it printed. */
interface Ran {
  smoke: RunResult
  state: ContainerState | null
  recorded: Recorded
  startedAt: number
  /** The check's first line came: a kept ENTRYPOINT handed over. */
  started: boolean
  /** Stopped for not handing over within its window (s). */
  waited: boolean
  window: number
}

/** One check container, watched: a kept ENTRYPOINT that never hands over is stopped. */
async function runChecked(
  ctx: StageContext,
  how: Through,
  train: boolean,
  watch: boolean,
  quiet: boolean,
): Promise<Ran> {
  const { opts, deps } = ctx
  const platform = ctx.platform.id
  const now = deps.now ?? Date.now
  const name = containerName(deps.runId, ctx.platform)
  deps.onCreate?.('container', name)
  const ran = { recorded: emptyRecorded(), startedAt: now(), started: false, waited: false }
  const window = ENTRYPOINT_WINDOW_S * (ctx.emulated ? EMULATED_START_FACTOR : 1)
  const onLine = (line: string): void => {
    const event = record(ran.recorded, line, now())
    if (event?.stage === 'start') ran.started = true
    if (quiet) return
    if (!event) deps.log.output(line, platform)
    else if (event.stage === 'import' && event.ok) {
      deps.log.info(
        `${platform}: TensorFlow ${event.tensorflow ?? '?'} imported in ${(event.seconds ?? 0).toFixed(1)} s`,
      )
      if (train) deps.log.progress?.(platform, 'train')
    }
  }
  const spec = {
    tag: ctx.tag,
    platform,
    name,
    runId: deps.runId,
    train,
    network: opts.network,
    ...(opts.python ? { python: opts.python } : {}),
    ...(opts.memory ? { memory: opts.memory } : {}),
    // GPUs and readiness in the check's own run, not in the comparison run without the ENTRYPOINT;
    // no GPU under QEMU (the GPU stage says why).
    ...(quiet ? {} : { ready: opts.gpuReady !== 'off' }),
    ...(!quiet && opts.gpus && !ctx.emulated ? { gpus: opts.gpus } : {}),
  }
  const title = quiet ? 'import, ENTRYPOINT bypassed' : 'import and train'
  const { smoke, state } = await inGroup(ctx, title, async () => {
    // An ENTRYPOINT that waits for a service or runs its own program never hands over.
    const timer = watch
      ? setTimeout(() => {
          if (ran.started) return
          ran.waited = true
          void deps.docker.kill(name)
        }, window * 1000)
      : null
    const smoke = await deps.docker.container(
      { kind: 'smoke', spec, through: how },
      { input: SMOKE_SCRIPT, timeoutMs: ctx.deadline - now(), signal: deps.signal, onLine },
    )
    if (timer) clearTimeout(timer)
    if (smoke.timedOut || smoke.aborted) await deps.docker.kill(name)
    const state = await deps.docker.containerState(name)
    await deps.docker.removeContainers([name])
    return { smoke, state }
  })
  return { ...ran, smoke, state, window }
}

/** Runs the smoke script in the image; the stages come from what it printed (smoke-events.ts). */
async function runSmoke(
  ctx: StageContext,
  how: Through,
  train: boolean,
  watch: boolean,
  quiet = false,
): Promise<SmokeRun> {
  const now = ctx.deps.now ?? Date.now
  const { smoke, state, recorded, startedAt, started, waited, window } = await runChecked(
    ctx,
    how,
    train,
    watch,
    quiet,
  )
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
    { ...ctx.opts, train },
  )
  const lines = [
    ...smoke.tail.filter((l) => parseSmokeLine(l) === null),
    ...(state?.error ? [state.error] : []),
  ]
  // Handed over: the check's first line came. Not handed over: the ENTRYPOINT started (Docker
  // did not refuse it) but never ran the command, within its window or before it exited.
  const refused = lines.some((l) => ENTRYPOINT_NOT_STARTED.test(l))
  const handedOver =
    !watch || started || refused || smoke.aborted || smoke.timedOut || smoke.spawnError
      ? undefined
      : false
  return {
    results: { import: stages.import, train: stages.train },
    lines,
    evidence: {
      oomKilled: state?.oomKilled ?? false,
      probe: stages.probe,
      variables: stages.variables,
    },
    stages,
    recorded,
    ...(handedOver === false
      ? {
          handedOver,
          why: waited
            ? `no line from the check within ${window} s${ctx.emulated ? ` (${ENTRYPOINT_WINDOW_S} s, ${EMULATED_START_FACTOR}x under QEMU)` : ''}: it waited, or ran its own program`
            : `it exited with ${exitCode ?? '?'} without running it`,
        }
      : {}),
  }
}
