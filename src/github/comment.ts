import type { GitHub } from './client.js'

export type CommentOutcome = 'created' | 'updated' | 'unchanged'

export interface CommentSpec {
  owner: string
  repo: string
  issueNumber: number
  /** The hidden first line that identifies the comment of this configuration. */
  marker: string
  /** A hidden line whose presence in the old body means nothing changed. */
  fingerprint: string
  body: string
  /** false: only update a comment that exists (comment: on-failure, once the check passes). */
  createIfMissing?: boolean
}

/** The login of the token's user: a person, or an app's bot (github-actions for GITHUB_TOKEN). */
export async function viewerLogin(gh: GitHub): Promise<string | null> {
  try {
    const res = await gh.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    return res.viewer.login
  } catch {
    return null
  }
}

/** Whether a comment author is the token's own user. REST names apps' bots "<app>[bot]". */
export function isOwnComment(author: string | undefined, viewer: string | null): boolean {
  if (!author) return false
  if (viewer === null) return author === 'github-actions[bot]'
  return author === viewer || author === `${viewer}[bot]`
}

/**
 * Creates the sticky comment, or updates ours in place: found by its marker among the comments
 * the token's own user wrote, on any page. A comment whose body carries the same fingerprint is
 * left alone.
 */
export async function upsertComment(
  gh: GitHub,
  spec: CommentSpec,
): Promise<{ outcome: CommentOutcome; url: string } | null> {
  const viewer = await viewerLogin(gh)
  const base = { owner: spec.owner, repo: spec.repo }
  let found: { id: number; body: string; html_url: string } | undefined
  for await (const page of gh.paginate.iterator(gh.rest.issues.listComments, {
    ...base,
    issue_number: spec.issueNumber,
    per_page: 100,
  })) {
    const hit = page.data.find(
      (c) => isOwnComment(c.user?.login, viewer) && (c.body ?? '').startsWith(spec.marker + '\n'),
    )
    if (hit) {
      found = { id: hit.id, body: hit.body ?? '', html_url: hit.html_url }
      break
    }
  }
  if (found && found.body.includes(spec.fingerprint))
    return { outcome: 'unchanged', url: found.html_url }
  if (found) {
    const res = await gh.rest.issues.updateComment({
      ...base,
      comment_id: found.id,
      body: spec.body,
    })
    return { outcome: 'updated', url: res.data.html_url }
  }
  if (spec.createIfMissing === false) return null
  const res = await gh.rest.issues.createComment({
    ...base,
    issue_number: spec.issueNumber,
    body: spec.body,
  })
  return { outcome: 'created', url: res.data.html_url }
}
