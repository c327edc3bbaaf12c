import * as core from '@actions/core'
import type { ReportOptions } from '../config/report.js'
import type { GitHub } from '../github/client.js'
import { upsertComment } from '../github/comment.js'
import { setStatus } from '../github/statuses.js'
import { findPullRequest, type ReportTarget } from '../github/target.js'
import { annotationsOf } from '../report/annotations.js'
import {
  commentMarker,
  fingerprint,
  fingerprintLine,
  statusContext,
  statusDescription,
  statusState,
} from '../report/identity.js'
import { renderReport } from '../report/markdown.js'
import type { Results } from '../results/types.js'
import { commentPlan, PostingErrors, suggestionsPlanned } from './policy.js'
import type { Lookup, Publication } from './context.js'
import { postSuggestions, type SuggestionOutcome } from './suggest.js'

// Puts the verdict where reviewers look: the job summary, annotations, a commit status per
// platform, the sticky comment. Every write goes through the same rule (policy.ts).

export interface PublishResult {
  comment?: string
  suggestions?: SuggestionOutcome
  statuses: number
  warnings: string[]
}

export async function publish(
  results: Results,
  opts: ReportOptions,
  target: ReportTarget,
  gh: GitHub | null,
): Promise<PublishResult> {
  const errors = new PostingErrors(target, (m) => core.warning(m))
  const out: PublishResult = { statuses: 0, warnings: errors.warnings }
  const render = { runUrl: target.runUrl ?? undefined, sha: target.sha, header: opts.commentHeader }
  await errors.attempt('the job summary', async () => {
    await core.summary.addRaw(renderReport(results, render)).write()
  })
  for (const a of annotationsOf(results)) {
    const props = { title: a.title, file: a.file, ...(a.line ? { startLine: a.line } : {}) }
    if (a.level === 'error') core.error(a.message, props)
    else core.warning(a.message, props)
  }

  if (!gh) {
    if (opts.comment !== 'off' || opts.statuses)
      core.info('no github-token: the comment and the commit statuses are skipped')
    return out
  }
  if (opts.statuses && target.sha) {
    for (const p of results.platforms) {
      const posted = await errors.attempt('commit statuses', () =>
        setStatus(gh, {
          owner: target.owner,
          repo: target.repo,
          sha: target.sha!,
          context: statusContext(opts.commentHeader, p.platform),
          state: statusState(p),
          description: statusDescription(p),
          targetUrl: target.runUrl,
        }),
      )
      if (posted.ok) out.statuses++
      else if (errors.forbidden) break
    }
  }
  let lookup: Promise<Lookup> | undefined
  const pull = (what: string): Promise<Lookup> =>
    (lookup ??= errors.attempt(what, () => findPullRequest(gh, target)))
  const pub: Publication = { results, opts, target, gh, errors, render, pull }
  const comment = await postComment(pub)
  if (comment) out.comment = comment
  const suggested = await suggest(pub)
  if (suggested) out.suggestions = suggested
  return out
}

/** The fixes as suggested changes on the pull request, when asked and possible. */
async function suggest(pub: Publication): Promise<SuggestionOutcome | undefined> {
  const { results, opts, target, errors } = pub
  // A fork's token was refused already: it is read-only, and that was said once.
  const readOnly = errors.forbidden && target.fork
  if (!suggestionsPlanned(opts.suggestions, target.event) || !target.sha || readOnly)
    return undefined
  const found = await pub.pull('suggested changes')
  if (!found.ok || found.value === null) return undefined
  const pr = { owner: target.owner, repo: target.repo, pull: found.value }
  const res = await postSuggestions(pub, pr, target.sha, results.fixes ?? [])
  if (!res) return undefined
  core.info(
    `suggested changes: ${res.posted} posted, ${res.kept} already there, ${res.removed} removed; ${res.outside} fix(es) outside the diff stay in the comment`,
  )
  return res
}

/** The sticky comment, as the plan says: written, updated only, or none. */
async function postComment(pub: Publication): Promise<string | undefined> {
  const { results, opts, target, gh, errors, render } = pub
  const plan = commentPlan(opts.comment, target.event, results.passed)
  if (plan === 'none') return undefined
  const found = await pub.pull('the pull request comment')
  if (!found.ok) return undefined
  const issueNumber = found.value
  if (issueNumber === null) {
    if (opts.comment !== 'auto')
      core.info(`no pull request for this ${target.event} event: no comment`)
    return undefined
  }
  const marker = commentMarker(opts.commentHeader)
  const fp = fingerprintLine(fingerprint(results, target.sha))
  const body = renderReport(results, { ...render, marker: `${marker}\n${fp}` })
  const posted = await errors.attempt('the pull request comment', () =>
    upsertComment(gh, {
      owner: target.owner,
      repo: target.repo,
      issueNumber,
      marker,
      fingerprint: fp,
      body,
      createIfMissing: plan === 'write',
    }),
  )
  if (!posted.ok || !posted.value) return undefined
  core.info(`pull request comment ${posted.value.outcome}: ${posted.value.url}`)
  return posted.value.outcome
}
