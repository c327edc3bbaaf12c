import { createHash } from 'node:crypto'
import type { RunnerJob } from '../config/runners.js'

// The names the reusable workflow's jobs and artifacts go by.

/** The check job's name for a runner: how the watch finds it in the run's jobs. */
export const jobName = (job: RunnerJob): string => `check (${job.id})`

/**
 * A key for this call's artifacts: two calls of the workflow in one run (two configurations)
 * must not overwrite each other's results.
 */
export function artifactKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12)
}
