import * as core from '@actions/core'
import { cwd } from 'node:process'
import { type CheckOptions, parseOptions, type RawOptions } from './options.js'
import { formatPlatform, parsePlatformList } from './platforms.js'
import { parseReportOptions, type RawReportOptions, type ReportOptions } from './report/options.js'

// The only module that reads the action's inputs. Keys are the input names of action.yml, so
// one grep goes from action.yml to the code.
const CHECK_INPUTS = [
  'context',
  'file',
  'platforms',
  'build-args',
  'target',
  'builder',
  'python',
  'train',
  'timeout-minutes',
  'required-platforms',
  'setup-qemu',
  'qemu-image',
  'max-parallel',
  'network',
  'memory',
  'cache-from',
  'cache-to',
] as const satisfies readonly (keyof RawOptions)[]

const REPORT_INPUTS = [
  'mode',
  'results',
  'comment',
  'comment-header',
  'statuses',
] as const satisfies readonly (keyof RawReportOptions)[]

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
  for (const name of REPORT_INPUTS) rawReport[name] = core.getInput(name)
  const report = parseReportOptions(rawReport)
  if (report.mode === 'report') {
    const req = core.getInput('required-platforms')
    return {
      report,
      check: null,
      token,
      workspace,
      ...(req.trim()
        ? { required: new Set(parsePlatformList(req, 'required-platforms').map(formatPlatform)) }
        : {}),
    }
  }
  const raw: RawOptions = {}
  for (const name of CHECK_INPUTS) raw[name] = core.getInput(name)
  return { report, check: parseOptions(raw, workspace), token, workspace }
}
