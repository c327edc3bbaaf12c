import { createHash } from 'node:crypto'
import type { RunnerJob } from '../config/runners.js'

// The names the reusable workflow's jobs and artifacts go by.

/** The check job's name for a runner: how the watch finds it in the run's jobs. */
export const jobName = (job: RunnerJob): string => `check (${job.id})`

/**
 * A key for this call's artifacts, from all its inputs: two calls of the workflow in one run
 * (two configurations: other build-args, another Dockerfile) must not read each other's results.
 */
export function artifactKey(call: string): string {
  return createHash('sha256').update(call).digest('hex').slice(0, 12)
}
