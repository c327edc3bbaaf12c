import type { StageName, StageResult } from '../results/types.js'
import type { StageContext, StageRun } from './stage.js'

/** QEMU's own words when the emulator, not the program, crashed. */
const EMULATOR_CRASH = /qemu: uncaught target signal|qemu: unhandled CPU exception/

/**
 * Runs an emulated stage once more when QEMU itself crashed and the stage failed; both attempts
 * are reported (the first under `attempts`). Anything else is answered as it came.
 */
export async function withRetry<T extends StageRun>(
  ctx: StageContext,
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  const first = await run()
  if (!ctx.emulated || ctx.deps.signal?.aborted) return first
  if (!first.lines.some((l) => EMULATOR_CRASH.test(l))) return first
  const results = Object.values(first.results)
  if (!results.some((r) => r.status === 'failed' || r.status === 'timed-out')) return first
  ctx.deps.log.warning(`${ctx.platform.id}: QEMU crashed during ${what}; running it once more`)
  const second = await run()
  const strip = ({ attempts: _a, ...rest }: StageResult): StageResult => rest
  for (const [name, result] of Object.entries(second.results)) {
    const before = first.results[name as StageName]
    if (before) result.attempts = [strip(before)]
  }
  return second
}
