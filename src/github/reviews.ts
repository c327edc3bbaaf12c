import type { GitHub } from './client.js'
import { isOwnComment, viewerLogin } from './comment.js'

// The pull request review calls behind suggested changes: the PR's files with their patches,
// our earlier review comments, one new review, and deleting what no longer applies.

export interface PullRef {
  owner: string
  repo: string
  pull: number
}

export interface PullFile {
  filename: string
  status: string
  /** The unified diff of the file's change; absent for a binary or a very large change. */
  patch?: string
}

/** A review comment of ours, found by its marker; `line` is null once GitHub calls it outdated. */
export interface OwnReviewComment {
  id: number
  body: string
  path: string
  line: number | null
  startLine: number | null
}

export interface NewReviewComment {
  path: string
  /** The last line the suggestion replaces, on the new side of the diff. */
  line: number
  /** The first, when it replaces more than one. */
  startLine?: number
  body: string
}

/** Every file of the pull request, on all pages. */
export async function pullFiles(gh: GitHub, pr: PullRef): Promise<PullFile[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.pull,
    per_page: 100,
  })
  return files.map((f) => ({
    filename: f.filename,
    status: f.status,
    ...(f.patch ? { patch: f.patch } : {}),
  }))
}

/** The review comments the token's own user wrote whose body starts with the prefix, on all pages. */
export async function ownReviewComments(
  gh: GitHub,
  pr: PullRef,
  prefix: string,
): Promise<OwnReviewComment[]> {
  const viewer = await viewerLogin(gh)
  const all = await gh.paginate(gh.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.pull,
    per_page: 100,
  })
  return all
    .filter((c) => isOwnComment(c.user?.login, viewer) && c.body.startsWith(prefix))
    .map((c) => ({
      id: c.id,
      body: c.body,
      path: c.path,
      line: c.line ?? null,
      startLine: c.start_line ?? null,
    }))
}

/** One review (event COMMENT) on the commit that was checked, carrying the comments. */
export async function createReview(
  gh: GitHub,
  pr: PullRef,
  review: { commitId: string; body: string; comments: NewReviewComment[] },
): Promise<string> {
  const res = await gh.rest.pulls.createReview({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.pull,
    commit_id: review.commitId,
    event: 'COMMENT',
    body: review.body,
    comments: review.comments.map((c) => ({
      path: c.path,
      line: c.line,
      side: 'RIGHT',
      ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
      body: c.body,
    })),
  })
  return res.data.html_url
}

export async function deleteReviewComment(gh: GitHub, pr: PullRef, id: number): Promise<void> {
  await gh.rest.pulls.deleteReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: id })
}
