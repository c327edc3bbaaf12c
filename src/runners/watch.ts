import type { RunnerJob } from '../config/runners.js'
import { jobName } from './names.js'

// What the run's jobs say of each runner, from GitHub's own answer (GET .../jobs of the run,
// each job in its latest attempt), never from a timeout in the dark. Pure: the watch mode polls
// and asks this.

/** The fields of a workflow job that the watch reads (the REST API's names). */
export interface ApiJob {
  name: string
  status: string
  conclusion: string | null
  runner_name?: string | null
  created_at?: string | null
  started_at?: string | null
  completed_at?: string | null
  steps?: unknown[] | null
}

export type RunnerState =
  /** Not listed yet, or queued within the wait. */
  | { state: 'waiting' }
  /** A runner took it: its platforms are checked natively there. */
  | { state: 'started'; done: boolean }
  /** No runner took it: GitHub ended it, or it sat queued past the wait. */
  | { state: 'never-started'; reason: string }
  /** The run was cancelled or the job skipped: nothing to check or report for it. */
  | { state: 'cancelled'; done: true }

/**
 * The calling workflow's prefix of our job names (`tf / `): read from the watch's own job, so
 * that two calls of the workflow in one run do not see each other's jobs.
 */
export function callerPrefix(jobs: readonly ApiJob[], ownName: string, runnerName: string): string {
  const own = jobs.find(
    (j) =>
      j.status === 'in_progress' &&
      j.runner_name === runnerName &&
      (j.name === ownName || j.name.endsWith(` / ${ownName}`)),
  )
  return own ? own.name.slice(0, own.name.length - ownName.length) : ''
}

/** The API's job for a runner job of this call, if listed. */
export function findJob(jobs: readonly ApiJob[], job: RunnerJob, prefix: string): ApiJob | null {
  const name = prefix + jobName(job)
  const exact = jobs.filter((j) => j.name === name)
  if (exact.length > 0) return exact[exact.length - 1]!
  if (prefix !== '') return null
  // Our own job not found (a runner name the API does not show): only an unambiguous match.
  const tail = jobs.filter((j) => j.name.endsWith(` / ${name}`))
  return tail.length === 1 ? tail[0]! : null
}

const minutes = (ms: number): string => `${Math.round(ms / 60_000)} min`

/**
 * One runner job's state. A job a runner took has a runner name (GitHub-hosted and self-hosted
 * alike); a job that ended without one never ran a step.
 */
export function runnerState(
  api: ApiJob | null,
  labels: readonly string[],
  now: number,
  waitMs: number,
  watchedSince: number,
): RunnerState {
  if (!api) {
    return now - watchedSince >= waitMs
      ? {
          state: 'never-started',
          reason: `its job was not created within ${minutes(waitMs)}`,
        }
      : { state: 'waiting' }
  }
  const ran = Boolean(api.runner_name) || (api.steps?.length ?? 0) > 0
  if (api.status === 'completed') {
    if (ran) return { state: 'started', done: true }
    if (api.conclusion === 'cancelled' || api.conclusion === 'skipped')
      return { state: 'cancelled', done: true }
    return {
      state: 'never-started',
      reason: `GitHub ended its job (${api.conclusion ?? 'no conclusion'}) before any runner labelled ${labels.join(', ')} took it`,
    }
  }
  if (ran || api.status === 'in_progress') return { state: 'started', done: false }
  const since = Date.parse(api.created_at ?? '') || watchedSince
  if (now - since >= waitMs) {
    return {
      state: 'never-started',
      reason: `no runner labelled ${labels.join(', ')} took its job in ${minutes(now - since)}`,
    }
  }
  return { state: 'waiting' }
}
