import * as core from '@actions/core'
import { cleanupRun } from './cleanup.js'
import { createDocker } from './docker/client.js'
import { errorMessage } from './errors.js'
import { getRunId } from './state.js'

/** The post step: removes what this run created. It warns and never fails the job. */
export async function post(): Promise<void> {
  try {
    const runId = getRunId()
    if (!runId) return
    const removed = await cleanupRun(createDocker(), runId)
    core.info(
      `removed ${removed.containers.length} container(s) and ${removed.images.length} image(s) of run ${runId}`,
    )
  } catch (err) {
    core.warning(`cleanup: ${errorMessage(err)}`)
  }
}
