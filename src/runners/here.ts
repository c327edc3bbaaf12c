import type { Results, RunnerInfo } from '../results/types.js'

// The runner the action runs on, as the runner's environment says it: GitHub-hosted runners set
// ImageOS and ImageVersion; the reusable workflow names the job's runs-on labels in
// TFMC_RUNNER_LABEL (a runner does not know the label that picked it).

export function runnerHere(env: NodeJS.ProcessEnv): RunnerInfo | null {
  if (env.GITHUB_ACTIONS !== 'true') return null
  const text = (v: string | undefined): string | null => v?.trim().slice(0, 200) || null
  return {
    label: text(env.TFMC_RUNNER_LABEL),
    os: text(env.ImageOS),
    version: text(env.ImageVersion),
  }
}

/** Every platform's host says the runner (and, for a fallback, the one it stood in for). */
export function withRunner(results: Results, runner: RunnerInfo | null): Results {
  if (!runner) return results
  return {
    ...results,
    platforms: results.platforms.map((p) => (p.host ? { ...p, host: { ...p.host, runner } } : p)),
  }
}
