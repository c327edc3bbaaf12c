// Where the results say a platform ran, when the action ran it on a GitHub Actions runner.

/**
 * A GitHub Actions runner: its job's runs-on label(s) when the reusable workflow says them, its
 * image (ImageOS, ImageVersion) when GitHub hosts it, and for the workflow's fallback the runner
 * that never started, in whose place the platform was checked here.
 */
export interface RunnerInfo {
  label: string | null
  os: string | null
  version: string | null
  insteadOf?: { label: string; reason: string } | null
}
