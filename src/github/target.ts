import type { GitHub } from './client.js'

/** Where the verdict goes: which repository, pull request and commit. */
export interface ReportTarget {
  owner: string
  repo: string
  event: string
  /** The pull request to comment on, if any. */
  pr: number | null
  /** The commit that statuses go on: a pull request's head (never the merge commit), or the pushed commit. */
  sha: string | null
  /** The run that did the check, for links. */
  runUrl: string | null
  /** The pull request comes from a fork, where the workflow's token is read-only. */
  fork: boolean
  /** workflow_run events from forks carry no PR number: it is found by head branch and SHA. */
  lookup?: { head: string; sha: string }
}

interface Repo {
  full_name?: string
  owner?: { login?: string }
}
interface PullLike {
  number?: number
  head?: { sha?: string; repo?: Repo | null }
  base?: { repo?: Repo }
}
interface Payload {
  pull_request?: PullLike
  workflow_run?: {
    head_sha?: string
    head_branch?: string
    html_url?: string
    event?: string
    head_repository?: Repo
    repository?: Repo
    pull_requests?: PullLike[]
  }
}

/**
 * Reads the target from the event that started the workflow. For workflow_run (the fork-safe
 * report), the PR and SHA come from the triggering run, never from the results files.
 */
export function targetFromEvent(
  eventName: string,
  payload: unknown,
  env: NodeJS.ProcessEnv,
): ReportTarget {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const runUrl = env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
    : null
  const p = (payload ?? {}) as Payload
  const base = { owner, repo, event: eventName, runUrl, fork: false }
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && p.pull_request) {
    const pr = p.pull_request
    const headRepo = pr.head?.repo?.full_name
    return {
      ...base,
      pr: pr.number ?? null,
      sha: pr.head?.sha ?? null,
      fork: Boolean(headRepo && headRepo !== pr.base?.repo?.full_name),
    }
  }
  if (eventName === 'workflow_run' && p.workflow_run) {
    const run = p.workflow_run
    const sha = run.head_sha ?? null
    const headRepo = run.head_repository?.full_name
    const fork = Boolean(headRepo && headRepo !== (run.repository?.full_name ?? `${owner}/${repo}`))
    const linked = (run.pull_requests ?? []).find((x) => x.head?.sha === sha)
    const target: ReportTarget = {
      ...base,
      runUrl: run.html_url ?? runUrl,
      sha,
      pr: linked?.number ?? null,
      fork,
    }
    if (
      target.pr === null &&
      sha &&
      run.event?.startsWith('pull_request') &&
      run.head_branch &&
      run.head_repository?.owner?.login
    ) {
      target.lookup = { head: `${run.head_repository.owner.login}:${run.head_branch}`, sha }
    }
    return target
  }
  return { ...base, pr: null, sha: env.GITHUB_SHA ?? null }
}

/** Finds the open pull request whose head is this branch at exactly this commit. */
export async function findPullRequest(gh: GitHub, t: ReportTarget): Promise<number | null> {
  if (!t.lookup) return t.pr
  const pulls = await gh.paginate(gh.rest.pulls.list, {
    owner: t.owner,
    repo: t.repo,
    state: 'open',
    head: t.lookup.head,
    per_page: 100,
  })
  return pulls.find((pr) => pr.head.sha === t.lookup?.sha)?.number ?? null
}
