import type { OptionName } from './table.js'

// Which options each mode reads, by name in the option table.

/** The options the check reads (mode check); the action reads them as inputs, the CLI as flags. */
export const CHECK_OPTIONS = [
  'context',
  'file',
  'image',
  'platforms',
  'build-args',
  'target',
  'builder',
  'python',
  'train',
  'start',
  'run',
  'gpus',
  'gpu-ready',
  'timeout-minutes',
  'stall-minutes',
  'required-platforms',
  'setup-qemu',
  'qemu-image',
  'max-parallel',
  'network',
  'memory',
  'cache-from',
  'cache-to',
] as const satisfies readonly OptionName[]

export type CheckOptionName = (typeof CHECK_OPTIONS)[number]

/** The options of reporting (the action only). */
export const REPORT_OPTIONS = [
  'mode',
  'results',
  'comment',
  'comment-header',
  'statuses',
  'suggestions',
] as const satisfies readonly OptionName[]

export type ReportOptionName = (typeof REPORT_OPTIONS)[number]

/** The reusable workflow's own (modes plan and watch): who checks which platform. */
export const RUNNER_OPTIONS = [
  'runners',
  'emulate',
  'runner-wait-minutes',
] as const satisfies readonly OptionName[]
