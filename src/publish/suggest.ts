import { TOOL_NAME } from '../version.js'
import {
  createReview,
  deleteReviewComment,
  type NewReviewComment,
  ownReviewComments,
  pullFiles,
  type PullRef,
} from '../github/reviews.js'
import {
  hunkKey,
  keyOfBody,
  partitionFixes,
  suggestionBody,
  suggestionPrefix,
} from '../report/suggestions.js'
import type { FixEdit } from '../results/types.js'
import type { Publication } from './context.js'

// The fixes as suggested changes: one review (event COMMENT) whose comments carry `suggestion`
// blocks on the pull request's own lines. A re-run posts only what is new; a suggestion whose
// problem is gone, or whose lines moved, is deleted. Edits outside the diff stay in the sticky
// comment and the annotations.

export interface SuggestionOutcome {
  posted: number
  kept: number
  removed: number
  /** Fixes whose lines are not all on the diff. */
  outside: number
  review?: string
}

export async function postSuggestions(
  pub: Pick<Publication, 'gh' | 'errors' | 'opts'>,
  pr: PullRef,
  commitId: string,
  fixes: FixEdit[],
): Promise<SuggestionOutcome | null> {
  const { gh, errors } = pub
  const header = pub.opts.commentHeader
  // With no fix, only our earlier suggestions are looked for (to remove them): no file listing.
  const files =
    fixes.length === 0
      ? { ok: true as const, value: [] }
      : await errors.attempt('suggested changes', () => pullFiles(gh, pr))
  if (!files.ok) return null
  const { onDiff, outside } = partitionFixes(fixes, files.value)
  const wanted = new Map<string, NewReviewComment>()
  for (const fix of onDiff) {
    fix.hunks.forEach((h, i) => {
      wanted.set(hunkKey(h), {
        path: h.file,
        line: h.endLine,
        ...(h.endLine > h.startLine ? { startLine: h.startLine } : {}),
        body: suggestionBody(fix, i, header),
      })
    })
  }
  const existing = await errors.attempt('suggested changes', () =>
    ownReviewComments(gh, pr, suggestionPrefix(header)),
  )
  if (!existing.ok) return null

  // Ours that still stand where they should are kept; the rest go.
  const stale: number[] = []
  const kept = new Set<string>()
  for (const c of existing.value) {
    const key = keyOfBody(c.body, header)
    const want = key ? wanted.get(key) : undefined
    const same =
      want &&
      !kept.has(key!) &&
      c.path === want.path &&
      c.line === want.line &&
      (c.startLine ?? undefined) === (want.startLine ?? undefined)
    if (same) kept.add(key!)
    else stale.push(c.id)
  }
  const fresh = [...wanted].filter(([k]) => !kept.has(k)).map(([, c]) => c)
  const out: SuggestionOutcome = { posted: 0, kept: kept.size, removed: 0, outside: outside.length }
  if (fresh.length > 0) {
    const review = await errors.attempt('suggested changes', () =>
      createReview(gh, pr, {
        commitId,
        body: `**${TOOL_NAME}** has ${fresh.length === 1 ? 'a suggested change' : `${fresh.length} suggested changes`} for this pull request's Docker image ("Commit suggestion" applies one). The sticky comment has the full report.`,
        comments: fresh,
      }),
    )
    if (!review.ok) return null
    out.posted = fresh.length
    out.review = review.value
  }
  for (const id of stale) {
    const gone = await errors.attempt('suggested changes', () => deleteReviewComment(gh, pr, id))
    if (gone.ok) out.removed++
    else if (errors.forbidden) break
  }
  return out
}
