// What is kept of a process's output and how it ended: tails for the results, and the signal
// behind an exit code.

import { constants } from 'node:os'
import { describeFailure, type RunResult } from '../docker/exec.js'
import type { StageCause, StageResult, StageStatus } from '../results/types.js'

/** The last `lines` lines of a log, as one string. */
export function tailText(lines: readonly string[], count: number): string {
  return lines.slice(-count).join('\n')
}

/**
 * The signal a container's exit code stands for: Docker reports a process killed by signal N
 * as exit code 128 + N (137 SIGKILL, 139 SIGSEGV, 132 SIGILL).
 */
export function signalFromExitCode(code: number | null | undefined): string | null {
  if (code === null || code === undefined || code <= 128 || code > 128 + 64) return null
  const n = code - 128
  const entry = Object.entries(constants.signals).find(([, v]) => v === n)
  return entry ? entry[0] : null
}

/**
 * The tail of a failed build's log that a reviewer needs: buildx ends a failure with a summary
 * (the step's last lines again, a Dockerfile excerpt; longer since buildx 0.25) that can push the
 * decisive line (pip's `error: externally-managed-environment`) out of a short tail. So the tail
 * ends at the failed step's own `#N ERROR:` line, and the client's closing `ERROR:` line follows.
 */
export function failedBuildTail(lines: readonly string[], count: number): string {
  const stepError = lines.findLastIndex((l) => /^#\d+ ERROR: /.test(l))
  if (stepError < 0) return tailText(lines, count)
  const closing = lines.slice(stepError + 1).findLast((l) => /^ERROR: /.test(l))
  const head = lines.slice(0, stepError + 1).slice(-(closing ? count - 1 : count))
  return [...head, ...(closing ? [closing] : [])].join('\n')
}

/** How a stage's process ended, beyond its status: what its cause is decided from. */
export interface Ending {
  /** The check's own step in the container said it failed (TensorFlow did not import, training raised). */
  reported?: boolean
  oomKilled?: boolean
  /** The run was cancelled. */
  aborted?: boolean
  /** The signal that killed the process. */
  signal?: string | null
  /** The docker command itself could not be started. */
  spawnFailed?: boolean
}

/**
 * The cause of a stage that ran a process (a build, a pull, a container) and did not pass: the
 * one place it is decided. The order is that of the reasons the stages write beside it, so the
 * word and the sentence agree: a timeout first, then what the check reported, then the memory,
 * a cancel, a signal, docker itself, and last the exit code.
 */
export function causeOf(status: StageStatus, e: Ending): StageCause | undefined {
  if (status === 'passed' || status === 'skipped') return undefined
  if (status === 'timed-out') return 'timeout'
  if (e.reported) return 'error'
  if (e.oomKilled) return 'oom'
  if (e.aborted) return 'cancelled'
  if (e.signal) return 'signal'
  if (e.spawnFailed) return 'docker'
  return 'exit'
}

/**
 * A stage that is one docker command (a build, a pull): decided by its exit, with the reason
 * for anything but a pass; `failure` words a non-zero exit from the command's output.
 */
export function commandStage(
  res: RunResult,
  what: string,
  timeoutMinutes: number,
  log: string,
  failure: (tail: string[]) => string,
): StageResult {
  const status = res.timedOut ? 'timed-out' : res.exitCode === 0 ? 'passed' : 'failed'
  const cause = causeOf(status, { aborted: res.aborted, spawnFailed: res.spawnError !== undefined })
  return {
    status,
    durationMs: res.durationMs,
    log,
    exitCode: res.exitCode,
    ...(res.timedOut
      ? { reason: `the ${what} ran longer than timeout-minutes (${timeoutMinutes})` }
      : res.aborted
        ? { reason: 'cancelled' }
        : res.spawnError
          ? { reason: describeFailure(res) }
          : res.exitCode !== 0
            ? { reason: failure(res.tail) }
            : {}),
    ...(cause ? { cause } : {}),
  }
}
