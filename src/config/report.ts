import { InputError } from '../errors.js'
import type { ReportOptionName } from './lists.js'
import { defaultOf } from './table.js'
import { parseBoolean } from './values.js'

export type Mode = 'check' | 'report' | 'plan' | 'watch'
export type CommentMode = 'auto' | 'always' | 'on-failure' | 'off'

export interface ReportOptions {
  mode: Mode
  /** Report mode: the glob(s) of results files. */
  results: string
  comment: CommentMode
  /** Names the configuration in the marker and the status contexts. */
  commentHeader: string
  statuses: boolean
  /** auto: the fixes as suggested changes on pull request events; off: none. */
  suggestions: 'auto' | 'off'
}

export type RawReportOptions = Partial<Record<ReportOptionName, string>>

export function parseMode(raw: string): Mode {
  const v = raw.trim().toLowerCase() || defaultOf('mode')
  if (v === 'check' || v === 'report' || v === 'plan' || v === 'watch') return v
  throw new InputError(
    'mode',
    `'${raw}' is not a mode; use check (build and test here) or report (post results files of other jobs); plan and watch are the reusable workflow's own`,
  )
}

export function parseCommentMode(raw: string): CommentMode {
  const v = raw.trim().toLowerCase() || defaultOf('comment')
  if (v === 'auto' || v === 'always' || v === 'on-failure' || v === 'off') return v
  throw new InputError('comment', `'${raw}' is not one of auto, always, on-failure, off`)
}

/**
 * The header names a configuration inside an HTML comment and in status contexts: plain words
 * only, so that it can neither close the marker nor inject markdown.
 */
export function parseCommentHeader(raw: string): string {
  const v = raw.trim()
  if (v === '') return ''
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}$/.test(v)) {
    throw new InputError(
      'comment-header',
      `'${v}' may hold only letters, digits, spaces and . _ / - (at most 64, starting with a letter or digit), e.g. gpu-image`,
    )
  }
  return v
}

export function parseSuggestions(raw: string): 'auto' | 'off' {
  const v = raw.trim().toLowerCase() || defaultOf('suggestions')
  if (v === 'auto' || v === 'off') return v
  throw new InputError(
    'suggestions',
    `'${raw}' is not auto or off; auto posts the fixes as suggested changes on pull requests (with pull-requests: write), off posts none`,
  )
}

export function parseReportOptions(raw: RawReportOptions): ReportOptions {
  const mode = parseMode(raw.mode ?? '')
  const results = (raw.results ?? '').trim()
  if (mode === 'report' && results === '') {
    throw new InputError(
      'results',
      'report mode needs the results files of the check jobs, e.g. results: results/**/results.json',
    )
  }
  return {
    mode,
    results,
    comment: parseCommentMode(raw.comment ?? ''),
    commentHeader: parseCommentHeader(raw['comment-header'] ?? ''),
    statuses: parseBoolean((raw.statuses ?? '').trim() || defaultOf('statuses'), 'statuses'),
    suggestions: parseSuggestions(raw.suggestions ?? ''),
  }
}
