import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDocker } from './docker/client.js'
import { type Logger, runCheck } from './engine/check.js'
import { errorMessage } from './errors.js'
import { getInputs } from './inputs.js'
import { failureSummary, markdownReport, verdictLine } from './report/summary.js'
import type { Results } from './results/types.js'
import { makeRunId } from './runid.js'
import { saveRunId } from './state.js'

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
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true })
  const json = join(dir, 'results.json')
  const markdown = join(dir, 'report.md')
  await writeFile(json, JSON.stringify(results, null, 2) + '\n')
  await writeFile(markdown, markdownReport(results))
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

/** The action's main step: inputs -> engine -> reports -> outputs. The one error boundary. */
export async function run(): Promise<void> {
  try {
    const opts = getInputs()
    const runId = makeRunId()
    saveRunId(runId)
    const results = await runCheck(opts, {
      docker: createDocker(),
      log: actionsLogger(opts.maxParallel === 1),
      runId,
    })
    results.sha = process.env.GITHUB_SHA ?? null
    const dir = join(process.env.RUNNER_TEMP || tmpdir(), `tf-multiarch-check-${runId}`)
    const paths = await writeReports(results, dir)
    setOutputs(results, paths)
    await core.summary.addRaw(markdownReport(results)).write()
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
