import * as core from '@actions/core'
import { cwd } from 'node:process'
import { type CheckOptions, parseOptions, parseRequiredList, type RawOptions } from './check.js'
import { parseReportOptions, type RawReportOptions, type ReportOptions } from './report.js'
import { CHECK_OPTIONS, REPORT_OPTIONS } from './lists.js'

// The only module that reads the action's inputs, by their names in the option table.

export interface Inputs {
  report: ReportOptions
  /** The check's options; null in report mode, which builds nothing. */
  check: CheckOptions | null
  /** Report mode: overrides the required flag of the merged platforms. */
  required?: Set<string>
  token: string
  workspace: string
}

export function getInputs(): Inputs {
  // Masked first, so that no later log line can show it.
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const workspace = process.env.GITHUB_WORKSPACE || cwd()
  const rawReport: RawReportOptions = {}
  for (const name of REPORT_OPTIONS) rawReport[name] = core.getInput(name)
  const report = parseReportOptions(rawReport)
  if (report.mode === 'report') {
    // Report mode: required-platforms overrides the files' own flags when it names any.
    const required = parseRequiredList(core.getInput('required-platforms'))
    return { report, check: null, token, workspace, ...(required ? { required } : {}) }
  }
  const raw: RawOptions = {}
  for (const name of CHECK_OPTIONS) raw[name] = core.getInput(name)
  return { report, check: parseOptions(raw, workspace), token, workspace }
}
