import type { CheckOptions } from '../config/check.js'
import { errorMessage } from '../errors.js'
import { uncheckedPlatform } from '../results/unchecked.js'
import { overallPassed, type Results, type RunnerInfo, SCHEMA_VERSION } from '../results/types.js'
import { TOOL_NAME, VERSION } from '../version.js'
import type { Emulate, Plan, RunnerJob } from '../config/runners.js'
import { jobName } from './names.js'
import { type ApiJob, callerPrefix, findJob, type RunnerState, runnerState } from './watch.js'

// The watch mode's course, on the linux/amd64 runner after its own check: wait until each other
// runner's job has a runner or is known never to get one (the run's jobs, each in its latest
// attempt, as the API lists them); check those platforms here under QEMU (emulate: auto) or
// report them unchecked (never); then wait for the jobs that started, a late one included, to
// end, so that the report job after this one finds their results.

export interface WatchDeps {
  /** The run's jobs, each in its latest attempt, as the API lists them. */
  listJobs: () => Promise<ApiJob[]>
  /** The engine on these platforms (the fallback). */
  check: (opts: CheckOptions) => Promise<Results>
  info: (message: string) => void
  warn: (message: string) => void
  sleep: (ms: number) => Promise<void>
  now: () => number
  pollMs: number
  /** RUNNER_NAME: how the watch finds its own job among the run's. */
  runnerName: string
  /** This runner, as the results record it. */
  runner: RunnerInfo | null
}

export interface Watched {
  /** The results of the fallback checks and of the platforms left unchecked; null if none. */
  results: Results | null
  /** Platforms checked here in place of their runner. */
  fallback: string[]
  /** Platforms whose runner never started. */
  unstarted: string[]
}

export async function watchRunners(
  opts: { plan: Plan; emulate: Emulate; waitMs: number; check: CheckOptions },
  deps: WatchDeps,
): Promise<Watched> {
  const { plan } = opts
  const since = deps.now()
  let prefix = ''
  const states = new Map<RunnerJob, RunnerState>()
  const look = async (): Promise<void> => {
    const jobs = await deps.listJobs()
    prefix ||= callerPrefix(jobs, jobName(plan.host), deps.runnerName)
    for (const job of plan.native)
      states.set(
        job,
        runnerState(findJob(jobs, job, prefix), job.labels, deps.now(), opts.waitMs, since),
      )
  }
  const all = (pred: (s: RunnerState) => boolean): boolean => [...states.values()].every(pred)

  // Until each runner has taken its job or is known not to.
  for (await look(); !all((s) => s.state !== 'waiting'); await look()) await deps.sleep(deps.pollMs)
  const never = plan.native.filter((j) => states.get(j)?.state === 'never-started')
  for (const [job, s] of states)
    deps.info(`${jobName(job)} (${job.platforms.join(', ')}): ${describe(s)}`)

  const reasonOf: Reasons = new Map(
    never.flatMap((j) => {
      const s = states.get(j) as Extract<RunnerState, { state: 'never-started' }>
      return j.platforms.map((p) => [p, { job: j, reason: s.reason }] as const)
    }),
  )
  const unstarted = [...reasonOf.keys()]
  const fallback = opts.emulate === 'auto' ? unstarted : []
  const results =
    unstarted.length === 0 ? null : await resultsFor(reasonOf, fallback.length > 0, opts, deps)

  // The report comes after this job: wait for the runners' jobs that did start to end, one
  // that started during the fallback included (its native result then beats the fallback's in
  // the report's merge). What the watch found stands if the API stops answering meanwhile.
  const running = (): boolean => [...states.values()].some((s) => s.state === 'started' && !s.done)
  try {
    if (fallback.length > 0) await look()
    if (running()) deps.info('waiting for the jobs on the other runners to end')
    while (running()) {
      await deps.sleep(deps.pollMs)
      await look()
    }
  } catch (err) {
    deps.warn(
      `stopped waiting for the other runners' jobs: ${errorMessage(err)}; the report merges the results there are, and fails a required platform without any`,
    )
  }
  return { results, fallback, unstarted }
}

type Reasons = Map<string, { job: RunnerJob; reason: string }>

/**
 * The platforms whose runner never started: checked here under QEMU, each marked with the runner
 * it stands in for; or, without the fallback, unchecked.
 */
async function resultsFor(
  reasonOf: Reasons,
  fallback: boolean,
  opts: { plan: Plan; check: CheckOptions },
  deps: WatchDeps,
): Promise<Results> {
  if (fallback) {
    deps.info(
      `checking ${[...reasonOf.keys()].join(', ')} here under QEMU, in place of their runner`,
    )
    const checked = await deps.check({
      ...opts.check,
      platforms: opts.check.platforms.filter((p) => reasonOf.has(p.id)),
    })
    const platforms = checked.platforms.map((p) => {
      const r = reasonOf.get(p.platform)!
      const runner: RunnerInfo = {
        ...(deps.runner ?? { label: null, os: null, version: null }),
        label: deps.runner?.label ?? opts.plan.host.id,
        insteadOf: { label: r.job.id, reason: r.reason },
      }
      const host = p.host ?? { engine: null, buildx: null, driver: null, imageStore: null }
      return { ...p, host: { ...host, runner } }
    })
    return { ...checked, platforms }
  }
  const platforms = [...reasonOf].map(([p, r]) =>
    uncheckedPlatform(p, opts.plan.required.includes(p), {
      why: 'no-runner',
      runner: r.job.id,
      reason: r.reason,
    }),
  )
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    context: opts.check.context,
    dockerfile: opts.check.dockerfile,
    passed: overallPassed(platforms),
    platforms,
    diagnoses: [],
    createdAt: new Date(deps.now()).toISOString(),
  }
}

function describe(s: RunnerState): string {
  switch (s.state) {
    case 'started':
      return 'a runner took it'
    case 'never-started':
      return `never started: ${s.reason}`
    case 'cancelled':
      return 'cancelled'
    default:
      return 'waiting'
  }
}
