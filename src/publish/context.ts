import type { ReportOptions } from '../config/report.js'
import type { GitHub } from '../github/client.js'
import type { ReportTarget } from '../github/target.js'
import type { Results } from '../results/types.js'
import type { PostingErrors } from './policy.js'

/** The pull request's number (null: none for this event), or a failed lookup. */
export type Lookup = { ok: true; value: number | null } | { ok: false }

/**
 * What every write of one publication shares: the results, the options, where they go, the
 * client, the one error rule, and the pull request, looked up once for the comment and the
 * suggestions (a workflow_run from a fork asks the API for it).
 */
export interface Publication {
  results: Results
  opts: ReportOptions
  target: ReportTarget
  gh: GitHub
  errors: PostingErrors
  /** How the report renders: the run's link, the commit, the comment's header. */
  render: { runUrl: string | undefined; sha: string | null; header: string }
  pull: (what: string) => Promise<Lookup>
}
