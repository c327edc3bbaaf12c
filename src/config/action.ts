import * as core from '@actions/core'
import { cwd } from 'node:process'
import { InputError } from '../errors.js'
import { type CheckOptions, parseOptions, parseRequiredList, type RawOptions } from './check.js'
import { parseReportOptions, type RawReportOptions, type ReportOptions } from './report.js'
import { CHECK_OPTIONS, REPORT_OPTIONS } from './lists.js'
import { type Emulate, parseEmulate, type Plan, planFromInputs } from './runners.js'
import { defaultOf } from './table.js'
import { parseTimeoutMinutes } from './values.js'

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
  | (Common & {
      mode: 'plan'
      plan: Plan
      /** The reusable workflow's inputs, as JSON (TFMC_CALL): they name its artifacts. */
      call: string
    })
  | (Common & {
      mode: 'watch'
      plan: Plan
      emulate: Emulate
      waitMs: number
      /** The checks of the platforms whose runner never starts, here under QEMU. */
      check: CheckOptions
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
  // The plan job has no checkout: it reads only the platforms and their runners.
  const plan = (): Plan =>
    planFromInputs({
      platforms: core.getInput('platforms') || defaultOf('platforms'),
      runners: core.getInput('runners'),
      required: parseRequiredList(core.getInput('required-platforms')) ?? null,
    })
  if (report.mode === 'plan') {
    const call =
      process.env.TFMC_CALL ||
      JSON.stringify(['platforms', 'runners', 'required-platforms'].map((n) => core.getInput(n)))
    return { mode: 'plan', report, plan: plan(), call, token, workspace }
  }
  const raw: RawOptions = {}
  for (const name of CHECK_OPTIONS) raw[name] = core.getInput(name)
  const check = parseOptions(raw, workspace)
  if (report.mode === 'check') return { mode: 'check', report, check, token, workspace }
  if (!token) {
    throw new InputError(
      'github-token',
      "watch mode reads this run's jobs from the API: give it the workflow's token (the default) with actions: read",
    )
  }
  return {
    mode: 'watch',
    report,
    plan: plan(),
    emulate: parseEmulate(core.getInput('emulate')),
    waitMs:
      parseTimeoutMinutes(
        core.getInput('runner-wait-minutes') || defaultOf('runner-wait-minutes'),
        'runner-wait-minutes',
      ) * 60_000,
    check,
    token,
    workspace,
  }
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
