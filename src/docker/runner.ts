import type { RunOptions, RunResult } from './exec.js'

/** One docker command, with the check's environment: the only way the operations spawn it. */
export type Runner = (args: readonly string[], opts?: RunOptions) => Promise<RunResult>
