import { COMPARED_STAGES } from './stages.js'
import type { PlatformResult } from './types.js'
import { architectureMismatch } from './verdict.js'

/**
 * For each emulated platform, its import and training times as multiples of the first native
 * platform's, where both ran the stage to a pass. The emulator's cost, in the user's own image.
 * Only between platforms proven to have run what they claim, on different machines: an "arm64"
 * image that really ran as x86-64 has no emulation cost to report.
 */
export function withSlowdowns(platforms: PlatformResult[]): PlatformResult[] {
  // A missing machine is itself a mismatch: proven platforms all reported theirs.
  const proven = (p: PlatformResult): boolean => architectureMismatch(p) === null
  const native = platforms.find((p) => !p.emulated && proven(p))
  return platforms.map((p) => {
    if (!p.emulated || !native || !proven(p)) return p
    if (p.environment.machine === native.environment.machine) return p
    const ratios = COMPARED_STAGES.flatMap((stage) => {
      const a = p.stages[stage]
      const b = native.stages[stage]
      if (a.status !== 'passed' || b.status !== 'passed' || b.durationMs <= 0) return []
      return [[stage, Math.round((a.durationMs / b.durationMs) * 10) / 10] as const]
    })
    if (ratios.length === 0) return p
    return {
      ...p,
      emulationSlowdown: { native: native.platform, ...Object.fromEntries(ratios) },
    }
  })
}
