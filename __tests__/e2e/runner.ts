import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlatformResult, Results } from '../../src/results/types.js'
import { run, type RunResult } from './helpers.js'

// The bundles, run as their users run them: the CLI as a program, the action the way the
// GitHub runner runs a node action (INPUT_* variables, GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files, then the post step with the saved state as STATE_* variables).
// They are bundled from the current sources by the tests' global setup (support/bundle.ts).

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function bundles(): string {
  const dir = process.env.TFMC_BUNDLES
  if (!dir)
    throw new Error(
      'TFMC_BUNDLES is unset: run the tests through vitest, whose global setup bundles src/',
    )
  return dir
}

export const CLI = join(bundles(), 'cli/index.js')
export const ACTION = join(bundles(), 'action/index.js')
export const fixture = (name: string): string => join(ROOT, '__fixtures__/projects', name)

/** One platform's results; a missing one fails the test with what there was. */
export function platform(results: Results | null, name: string): PlatformResult {
  const p = results?.platforms.find((x) => x.platform === name)
  if (!p) throw new Error(`no results for ${name} in ${JSON.stringify(results)?.slice(0, 2000)}`)
  return p
}

export interface CliRun extends RunResult {
  results: Results | null
}

export async function runCli(
  args: string[],
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  const json = join(mkdtempSync(join(tmpdir(), 'tfmc-cli-')), 'results.json')
  const res = await run(process.execPath, [CLI, ...args, '--json', json], opts)
  let results: Results | null
  try {
    results = JSON.parse(readFileSync(json, 'utf8')) as Results
  } catch {
    results = null // usage errors write no results
  }
  return { ...res, results }
}

/** Parses the `name<<delimiter ... delimiter` records that @actions/core writes to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const [, name, delimiter] = m as unknown as [string, string, string]
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
    out[name] = value.join('\n')
  }
  return out
}

export interface ActionRun extends RunResult {
  /** RUNNER_TEMP: the runner's command files, and whatever the action wrote there. */
  dir: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

export async function runAction(
  inputs: Record<string, string>,
  opts: {
    cwd: string
    state?: Record<string, string>
    env?: Record<string, string>
    /** Share one RUNNER_TEMP between runs, as jobs of one self-hosted runner can. */
    runnerTemp?: string
  },
): Promise<ActionRun> {
  const runnerTemp = opts.runnerTemp ?? mkdtempSync(join(tmpdir(), 'tfmc-runner-'))
  const dir = mkdtempSync(join(runnerTemp, 'files-'))
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STATE: 'state',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path',
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: opts.cwd,
    // The sandbox engine this run targets (a runner has its engine on the default socket).
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  }
  for (const [k, f] of Object.entries(files)) {
    env[k] = join(dir, f)
    writeFileSync(join(dir, f), '')
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v
  Object.assign(env, opts.env ?? {})
  const res = await run(process.execPath, [ACTION], { env, cwd: opts.cwd })
  return {
    ...res,
    dir: runnerTemp,
    outputs: parseCommandFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    state: parseCommandFile(readFileSync(env.GITHUB_STATE!, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
  }
}
