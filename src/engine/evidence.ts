import { constants } from 'node:os'

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
