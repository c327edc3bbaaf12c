import type { GitHub } from './client.js'

/** The commit states the check sets. */
export type StatusState = 'success' | 'failure' | 'error'

export interface StatusSpec {
  owner: string
  repo: string
  sha: string
  context: string
  state: StatusState
  description: string
  targetUrl: string | null
}

/** One commit status: what branch protection requires by name ("tf-multiarch-check / linux/arm64"). */
export async function setStatus(gh: GitHub, s: StatusSpec): Promise<void> {
  await gh.rest.repos.createCommitStatus({
    owner: s.owner,
    repo: s.repo,
    sha: s.sha,
    state: s.state,
    context: s.context,
    description: s.description,
    ...(s.targetUrl ? { target_url: s.targetUrl } : {}),
  })
}
