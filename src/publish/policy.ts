import { TOOL_NAME } from '../version.js'
import { errorMessage } from '../errors.js'
import type { CommentMode } from '../config/report.js'
import { httpStatus } from '../github/client.js'
import type { ReportTarget } from '../github/target.js'

// What to post when, and what a failed post means. Reporting never changes the verdict: a
// failed write is a warning, and a read-only token (a fork's pull request) is expected and
// explained once.

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'workflow_run'])

/** Whether to write a comment, and whether an existing one may only be updated. */
export function commentPlan(
  mode: CommentMode,
  event: string,
  passed: boolean,
): 'write' | 'update-only' | 'none' {
  if (mode === 'off') return 'none'
  if (mode === 'auto') return PR_EVENTS.has(event) ? 'write' : 'none'
  if (mode === 'on-failure') return passed ? 'update-only' : 'write'
  return 'write'
}

/** Suggested changes go on pull requests only (a fork's through the workflow_run report). */
export function suggestionsPlanned(mode: 'auto' | 'off', event: string): boolean {
  return mode === 'auto' && PR_EVENTS.has(event)
}

/** The warnings of one publish, by the one rule every write follows. */
export class PostingErrors {
  readonly warnings: string[] = []
  /** The token was refused once: said once, and a loop of writes of that kind stops. */
  forbidden = false

  constructor(
    private readonly target: Pick<ReportTarget, 'fork'>,
    private readonly warn: (message: string) => void,
  ) {}

  /** Runs one write; a failure becomes a warning (a 401 or 403 is explained once). */
  async attempt<T>(
    what: string,
    write: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await write() }
    } catch (err) {
      this.record(what, err)
      return { ok: false }
    }
  }

  private record(what: string, err: unknown): void {
    const status = httpStatus(err)
    if (status === 403 || status === 401) {
      if (this.forbidden) return
      this.forbidden = true
      const fork = this.target.fork
      const why = fork
        ? 'this pull request comes from a fork, where the workflow token is read-only'
        : `the token may not write ${what} (HTTP ${status})`
      this.add(
        `${TOOL_NAME} could not post ${what}: ${why}. The verdict stands and the job summary has the report. ` +
          (fork
            ? 'To report on fork pull requests, upload the results file (output results-file) as an artifact and post it from a workflow_run workflow with mode: report (see the README).'
            : 'Grant the job `permissions: pull-requests: write` and `statuses: write`.'),
      )
      return
    }
    this.add(`${TOOL_NAME} could not post ${what}: ${errorMessage(err)}`)
  }

  private add(message: string): void {
    this.warnings.push(message)
    this.warn(message)
  }
}
