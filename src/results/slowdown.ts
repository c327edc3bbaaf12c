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
    const ratio = (stage: 'import' | 'train'): number | undefined => {
      const a = p.stages[stage]
      const b = native.stages[stage]
      if (a.status !== 'passed' || b.status !== 'passed' || b.durationMs <= 0) return undefined
      return Math.round((a.durationMs / b.durationMs) * 10) / 10
    }
    const imp = ratio('import')
    const train = ratio('train')
    if (imp === undefined && train === undefined) return p
    return {
      ...p,
      emulationSlowdown: {
        native: native.platform,
        ...(imp !== undefined ? { import: imp } : {}),
        ...(train !== undefined ? { train } : {}),
      },
    }
  })
}
