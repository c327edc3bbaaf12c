import { TOOL_NAME } from './version.js'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDocker } from './docker/client.js'
import { runCheck } from './engine/check.js'
import type { Logger } from './engine/logger.js'
import { errorMessage } from './errors.js'
import { createGitHub } from './github/client.js'
import { targetFromEvent } from './github/target.js'
import { getInputs } from './config/action.js'
import { oneAtATime } from './config/check.js'
import { publish } from './publish/publish.js'
import { loadResults } from './report/load.js'
import { renderReport } from './report/markdown.js'
import { failureSummary, verdictLine } from './report/summary.js'
import type { Results } from './results/types.js'
import { mergeResults } from './results/merge.js'
import { makeRunId } from './runid.js'
import { withLogProgress } from './progress/loggers.js'
import { saveRunId } from './state.js'
import type { CheckOptions } from './config/check.js'
import { runnerHere, withRunner } from './runners/here.js'
import { runPlan, runWatch } from './runners/modes.js'

const actionsLogger = (grouped: boolean): Logger => ({
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  startGroup: (n) => core.startGroup(n),
  endGroup: () => core.endGroup(),
  output: (line, platform) => core.info(grouped ? line : `[${platform}] ${line}`),
})

/** Writes the results JSON and the markdown report where later steps can read them. */
export async function writeReports(
  results: Results,
  dir: string,
  runUrl?: string,
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true })
  const json = join(dir, 'results.json')
  const markdown = join(dir, 'report.md')
  await writeFile(json, JSON.stringify(results, null, 2) + '\n')
  await writeFile(
    markdown,
    renderReport(results, { sha: results.sha ?? null, ...(runUrl ? { runUrl } : {}) }),
  )
  return { json, markdown }
}

export function setOutputs(results: Results, paths: { json: string; markdown: string }): void {
  core.setOutput('results', JSON.stringify(results))
  core.setOutput('results-file', paths.json)
  core.setOutput('passed', String(results.passed))
  core.setOutput(
    'failed-platforms',
    results.platforms
      .filter((p) => !p.passed)
      .map((p) => p.platform)
      .join(','),
  )
  core.setOutput('report', paths.markdown)
}

/** The action's main step: inputs -> engine (or results files) -> reports -> outputs. The one error boundary. */
export async function run(): Promise<void> {
  try {
    // Every input is checked before any Docker work starts or anything is posted.
    const inputs = getInputs()
    const target = targetFromEvent(github.context.eventName, github.context.payload, process.env)
    const runId = makeRunId()
    if (inputs.mode === 'plan') return runPlan(inputs.plan, inputs.call)
    const gh = inputs.token
      ? createGitHub(inputs.token, {
          baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
          warn: (m) => core.warning(m),
        })
      : null
    let results: Results
    if (inputs.mode === 'report') {
      results = mergeResults(await loadResults(inputs.results, inputs.workspace), inputs.required)
      core.info(`merged ${results.platforms.length} platform(s) from ${inputs.results}`)
    } else {
      saveRunId(runId)
      const log = withLogProgress(actionsLogger(oneAtATime(inputs.check)))
      const check = (opts: CheckOptions): Promise<Results> =>
        runCheck(opts, { docker: createDocker(), log, runId })
      try {
        const found =
          inputs.mode === 'check'
            ? withRunner(await check(inputs.check), runnerHere(process.env))
            : await runWatch(inputs, gh!, check)
        if (!found) return
        results = found
      } finally {
        log.close()
      }
    }
    results.sha = target.sha

    const dir = join(process.env.RUNNER_TEMP || tmpdir(), `${TOOL_NAME}-${runId}`)
    const paths = await writeReports(results, dir, target.runUrl ?? undefined)
    setOutputs(results, paths)
    // The watch's results are one part of the report job's; it posts them.
    if (inputs.mode === 'watch') return
    await publish(results, inputs.report, target, gh)

    core.info(verdictLine(results))
    if (!results.passed) {
      const failing = results.platforms.filter((p) => p.required && !p.passed)
      core.setFailed(
        `TensorFlow check failed on ${failing.map((p) => p.platform).join(', ')}:\n` +
          failing.map((p) => `- ${p.platform}: ${failureSummary(p)}`).join('\n'),
      )
    }
  } catch (err) {
    core.setFailed(errorMessage(err))
  }
}
