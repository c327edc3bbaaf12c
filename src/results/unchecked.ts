import { diagnosis } from '../diagnosis.js'
import { CORE_STAGES } from './stages.js'
import { emptyEnvironment, emptyStage, type PlatformResult, type Stages } from './types.js'

// A platform that was asked for and never checked: its runner never took the job, or no results
// file holds it. It is a result all the same, so that it can never pass by being absent: it
// fails when required, and its commit status is an error (the check could not tell).

export type Unchecked =
  { why: 'no-runner'; runner: string; reason: string } | { why: 'no-results'; reason: string }

export function uncheckedPlatform(
  platform: string,
  required: boolean,
  u: Unchecked,
): PlatformResult {
  const stages = Object.fromEntries(
    CORE_STAGES.map((s) => [s, emptyStage('skipped', 'not checked', 'not-reached')]),
  ) as Stages
  const line = u.why === 'no-runner' ? `not checked: ${u.reason}` : u.reason
  stages.build = { ...emptyStage('skipped', line, u.why), log: line }
  const d =
    u.why === 'no-runner'
      ? diagnosis(
          'runner-unavailable',
          `The job for ${platform} on ${u.runner} never ran: ${u.reason}.`,
          `Give the platform a runner this repository has in the workflow's runners input (e.g. ${platform}=<your runner's label>), or leave emulate at auto to check it under QEMU on the linux/amd64 runner when its own does not start.`,
        )
      : diagnosis(
          'results-missing',
          `No results file holds ${platform}: ${u.reason}.`,
          "Read the log of the job that checks it: a job that fails before the check's step ends writes no results; re-run it.",
        )
  return {
    platform,
    emulated: false,
    required,
    passed: false,
    durationMs: 0,
    stages,
    environment: emptyEnvironment(),
    training: null,
    diagnoses: [d],
  }
}
