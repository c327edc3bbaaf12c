import * as core from '@actions/core'
import { cwd } from 'node:process'
import { InputError } from '../errors.js'
import { type CheckOptions, parseOptions, parseRequiredList, type RawOptions } from './check.js'
import { parseReportOptions, type RawReportOptions, type ReportOptions } from './report.js'
import { CHECK_OPTIONS, REPORT_OPTIONS } from './lists.js'

// The only module that reads the action's inputs, by their names in the option table.

interface Common {
  /** Where the verdict is posted, in either mode. */
  report: ReportOptions
  token: string
  workspace: string
}

/** The action's inputs, by mode: a check builds and tests here; report posts others' results. */
export type Inputs =
  | (Common & { mode: 'check'; check: CheckOptions })
  | (Common & {
      mode: 'report'
      /** The glob(s) of the results files to merge. */
      results: string
      /** Overrides the required flag of the merged platforms. */
      required?: Set<string>
    })

export function getInputs(): Inputs {
  // Masked first, so that no later log line can show it.
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const workspace = process.env.GITHUB_WORKSPACE || cwd()
  const rawReport: RawReportOptions = {}
  for (const name of REPORT_OPTIONS) rawReport[name] = core.getInput(name)
  const report = parseReportOptions(rawReport)
  if (report.mode === 'report') {
    refuseGpusInReport(core.getInput('gpus'))
    // Report mode: required-platforms overrides the files' own flags when it names any.
    const required = parseRequiredList(core.getInput('required-platforms'))
    const results = report.results
    return { mode: 'report', report, results, token, workspace, ...(required ? { required } : {}) }
  }
  const raw: RawOptions = {}
  for (const name of CHECK_OPTIONS) raw[name] = core.getInput(name)
  return { mode: 'check', report, check: parseOptions(raw, workspace), token, workspace }
}

/**
 * GPUs are given to the check's containers; report mode runs none. A gpus input there is a
 * workflow written for the check job, and would silently do nothing.
 */
function refuseGpusInReport(raw: string): void {
  const v = raw.trim().toLowerCase()
  if (v === '' || v === 'off') return
  throw new InputError(
    'gpus',
    `'${raw}' asks for GPUs, and report mode runs no container; set gpus on the check jobs (the ones on GPU runners) and drop it from the report step`,
  )
}
