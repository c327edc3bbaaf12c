import * as core from '@actions/core'
import * as github from '@actions/github'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CheckOptions } from '../config/check.js'
import { spacingFor, type GitHub } from '../github/client.js'
import type { Results } from '../results/types.js'
import { watchRunners } from './fallback.js'
import { runnerHere } from './here.js'
import type { Emulate, Plan } from '../config/runners.js'
import { artifactKey, jobName } from './names.js'
import type { ApiJob } from './watch.js'

// The reusable workflow's two steps of its own, as action modes: plan (the check jobs' matrix)
// and watch (runner availability, and the fallback under QEMU). The logic is in plan.ts,
// watch.ts and fallback.ts; this is their I/O.

/** The plan as the workflow's outputs: the matrix of the other runners' jobs, and the host's. */
export function planOutputs(plan: Plan, keyParts: readonly string[]): Record<string, string> {
  const row = (j: Plan['host']) => ({
    id: j.id,
    name: jobName(j),
    'runs-on': j.labels,
    platforms: j.platforms.join(','),
  })
  return {
    matrix: JSON.stringify({ include: plan.native.map(row) }),
    native: String(plan.native.length > 0),
    host: JSON.stringify(row(plan.host)),
    'required-platforms': plan.required.join(','),
    key: artifactKey(keyParts),
  }
}

export function runPlan(plan: Plan): void {
  const keyParts = ['comment-header', 'platforms', 'context', 'file', 'image'].map((n) =>
    core.getInput(n),
  )
  const outputs = planOutputs(plan, keyParts)
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v)
  core.info(`${jobName(plan.host)}: ${plan.host.platforms.join(', ') || 'no platform of its own'}`)
  for (const j of plan.native) core.info(`${jobName(j)}: ${j.platforms.join(', ')}`)
}

/** This run attempt's jobs; a token without actions: read is told so, with the fix. */
async function listJobs(gh: GitHub): Promise<ApiJob[]> {
  const { owner, repo } = github.context.repo
  try {
    return await gh.paginate(gh.rest.actions.listJobsForWorkflowRunAttempt, {
      owner,
      repo,
      run_id: github.context.runId,
      attempt_number: github.context.runAttempt || 1,
      per_page: 100,
    })
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 403 || status === 404)
      throw new Error(
        `listing this run's jobs was refused (${status}): the watch needs actions: read; add it to the permissions of the job that calls the workflow`,
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
  const loopback = spacingFor(process.env.GITHUB_API_URL || 'https://api.github.com').writeMs === 0
  const watched = await watchRunners(inputs, {
    listJobs: () => listJobs(gh),
    check,
    info: (m) => core.info(m),
    sleep: (ms) => sleep(ms),
    now: () => Date.now(),
    // GitHub's API is asked every 15 s (4 a minute, well inside the token's hourly budget).
    pollMs: loopback ? 100 : 15_000,
    runnerName: process.env.RUNNER_NAME ?? '',
    runner: runnerHere(process.env),
  })
  core.setOutput('fallback-platforms', watched.fallback.join(','))
  core.setOutput('unstarted-platforms', watched.unstarted.join(','))
  return watched.results
}
