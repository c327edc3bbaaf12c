import { TOOL_NAME } from './version.js'
import { randomBytes } from 'node:crypto'

/**
 * An id unique to one run of the check: part of every image tag and container name it creates,
 * so two checks of the same repository on one machine never collide.
 */
export function makeRunId(env: NodeJS.ProcessEnv = process.env): string {
  const gh = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-` : ''
  return `${gh}${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9-]/g, '')
}

/** What every image tag of a run starts with; the platform follows. */
export function imagePrefix(runId: string): string {
  return `${TOOL_NAME}:${runId}-`
}

/** What every container name of a run starts with; the platform follows. */
export function containerPrefix(runId: string): string {
  return `${TOOL_NAME}-${runId}-`
}
