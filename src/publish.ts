import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { type GitHub, httpStatus } from './github/client.js'
import { upsertComment } from './github/comment.js'
import { setStatus } from './github/statuses.js'
import { findPullRequest, type ReportTarget } from './github/target.js'
import {
  commentMarker,
  fingerprint,
  fingerprintLine,
  statusContext,
  statusDescription,
  statusState,
} from './report/identity.js'
import { renderReport } from './report/markdown.js'
import type { CommentMode, ReportOptions } from './config/report.js'
import type { Diagnosis, Results } from './results/types.js'

// Puts the verdict where reviewers look. Reporting never changes the verdict: an API error is a
// warning, and a read-only token (a fork's pull request) is expected, explained once.

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

export interface PublishResult {
  comment?: string
  statuses: number
  warnings: string[]
}

/** Where an annotation points, and its title. */
function annotation(d: Diagnosis & { file: string }): core.AnnotationProperties {
  return {
    title: `tf-multiarch-check: ${d.title} (${d.id})`,
    file: d.file,
    ...(d.line ? { startLine: d.line } : {}),
  }
}

const located = (d: Diagnosis): d is Diagnosis & { file: string } => Boolean(d.file)

/** Errors on the lines that fail a platform; warnings for the findings about every platform. */
export function annotate(results: Results): void {
  for (const p of results.platforms) {
    for (const d of p.diagnoses.filter(located)) {
      core.error(`${p.platform}: ${d.detail} Fix: ${d.fix}`, annotation(d))
    }
  }
  for (const d of results.diagnoses.filter(located)) {
    core.warning(`${d.detail} Fix: ${d.fix}`, annotation(d))
  }
}

export async function publish(
  results: Results,
  opts: ReportOptions,
  target: ReportTarget,
  gh: GitHub | null,
): Promise<PublishResult> {
  const out: PublishResult = { statuses: 0, warnings: [] }
  const render = { runUrl: target.runUrl ?? undefined, sha: target.sha, header: opts.commentHeader }
  await core.summary.addRaw(renderReport(results, render)).write()
  annotate(results)

  let forbidden = false
  const onError = (what: string, err: unknown): void => {
    const status = httpStatus(err)
    if (status === 403 || status === 401) {
      if (forbidden) return
      forbidden = true
      const why = target.fork
        ? 'this pull request comes from a fork, where the workflow token is read-only'
        : `the token may not write ${what} (HTTP ${status})`
      const msg =
        `tf-multiarch-check could not post ${what}: ${why}. The verdict stands and the job summary has the report. ` +
        (target.fork
          ? 'To report on fork pull requests, upload the results file (output results-file) as an artifact and post it from a workflow_run workflow with mode: report (see the README).'
          : 'Grant the job `permissions: pull-requests: write` and `statuses: write`.')
      out.warnings.push(msg)
      core.warning(msg)
      return
    }
    const msg = `tf-multiarch-check could not post ${what}: ${errorMessage(err)}`
    out.warnings.push(msg)
    core.warning(msg)
  }

  if (!gh) {
    if (opts.comment !== 'off' || opts.statuses)
      core.info('no github-token: the comment and the commit statuses are skipped')
    return out
  }

  if (opts.statuses && target.sha) {
    for (const p of results.platforms) {
      try {
        await setStatus(gh, {
          owner: target.owner,
          repo: target.repo,
          sha: target.sha,
          context: statusContext(opts.commentHeader, p.platform),
          state: statusState(p),
          description: statusDescription(p),
          targetUrl: target.runUrl,
        })
        out.statuses++
      } catch (err) {
        onError('commit statuses', err)
        if (forbidden) break
      }
    }
  }

  const plan = commentPlan(opts.comment, target.event, results.passed)
  if (plan === 'none') return out
  let pr: number | null
  try {
    pr = await findPullRequest(gh, target)
  } catch (err) {
    onError('the pull request comment', err)
    return out
  }
  if (pr === null) {
    if (opts.comment !== 'auto')
      core.info(`no pull request for this ${target.event} event: no comment`)
    return out
  }
  const marker = commentMarker(opts.commentHeader)
  const fp = fingerprintLine(fingerprint(results, target.sha))
  const body = renderReport(results, { ...render, marker: `${marker}\n${fp}` })
  try {
    const res = await upsertComment(gh, {
      owner: target.owner,
      repo: target.repo,
      issueNumber: pr,
      marker,
      fingerprint: fp,
      body,
      createIfMissing: plan === 'write',
    })
    if (res) {
      out.comment = res.outcome
      core.info(`pull request comment ${res.outcome}: ${res.url}`)
    }
  } catch (err) {
    onError('the pull request comment', err)
  }
  return out
}
