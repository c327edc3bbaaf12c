import * as core from '@actions/core'
import * as github from '@actions/github'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CheckOptions } from '../config/check.js'
import { type GitHub, httpStatus, isLoopback } from '../github/client.js'
import type { Results } from '../results/types.js'
import { watchRunners } from './fallback.js'
import { runnerHere } from './here.js'
import type { Emulate, Plan } from '../config/runners.js'
import { artifactKey, jobName } from './names.js'
import type { ApiJob } from './watch.js'

// The reusable workflow's two steps of its own, as action modes: plan (the check jobs' matrix)
// and watch (runner availability, and the fallback under QEMU). The logic is in
// config/runners.ts, watch.ts and fallback.ts; this is their I/O.

/**
 * The plan as the workflow's outputs: the matrix of the other runners' jobs, and the host's.
 * Each job's required platforms are those of its own that the call requires (`none` when it has
 * none: an empty list would mean all of them); the report applies the call's whole list.
 */
export function planOutputs(plan: Plan, call: string): Record<string, string> {
  const row = (j: Plan['host']) => ({
    id: j.id,
    name: jobName(j),
    'runs-on': j.labels,
    platforms: j.platforms.join(','),
    required: j.platforms.filter((p) => plan.required.includes(p)).join(',') || 'none',
  })
  return {
    matrix: JSON.stringify({ include: plan.native.map(row) }),
    native: String(plan.native.length > 0),
    host: JSON.stringify(row(plan.host)),
    'required-platforms': plan.required.join(',') || 'none',
    key: artifactKey(call),
  }
}

/** `call`: the workflow's inputs as its plan step has them (TFMC_CALL), which name its artifacts. */
export function runPlan(plan: Plan, call: string): void {
  const outputs = planOutputs(plan, call)
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v)
  core.info(`${jobName(plan.host)}: ${plan.host.platforms.join(', ') || 'no platform of its own'}`)
  for (const j of plan.native) core.info(`${jobName(j)}: ${j.platforms.join(', ')}`)
}

/**
 * The run's jobs, each as its latest attempt ran it (a re-run of the failed jobs keeps the ones
 * that passed); a token without actions: read is told so, with the fix.
 */
async function listJobs(gh: GitHub): Promise<ApiJob[]> {
  const { owner, repo } = github.context.repo
  try {
    return await gh.paginate(gh.rest.actions.listJobsForWorkflowRun, {
      owner,
      repo,
      run_id: github.context.runId,
      filter: 'latest',
      per_page: 100,
    })
  } catch (err) {
    const status = httpStatus(err)
    if (status === 403 || status === 404)
      throw new Error(
        `listing this run's jobs was refused (${status}): the watch needs actions: read (the job that calls the workflow must grant it), and a token whose API rate limit is not spent`,
        { cause: err },
      )
    throw err
  }
}

export async function runWatch(
  inputs: { plan: Plan; emulate: Emulate; waitMs: number; check: CheckOptions },
  gh: GitHub,
  check: (opts: CheckOptions) => Promise<Results>,
): Promise<Results | null> {
  const loopback = isLoopback(process.env.GITHUB_API_URL || 'https://api.github.com')
  const watched = await watchRunners(inputs, {
    listJobs: () => listJobs(gh),
    check,
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    sleep: (ms) => sleep(ms),
    now: () => Date.now(),
    // Every 30 s: the workflow token's 1,000 requests an hour are shared by the repository's
    // runs; a watch of an hour spends 120 of them (the API on loopback is the tests').
    pollMs: loopback ? 100 : 30_000,
    runnerName: process.env.RUNNER_NAME ?? '',
    runner: runnerHere(process.env),
  })
  core.setOutput('fallback-platforms', watched.fallback.join(','))
  core.setOutput('unstarted-platforms', watched.unstarted.join(','))
  return watched.results
}
