import { InputError } from '../errors.js'
import { overallPassed, type PlatformResult, type Results } from './types.js'

// Report mode: the validated results of several jobs (a native-runner matrix) as one.

/**
 * Merges results of several jobs by platform; a platform present twice keeps the newer result
 * (by createdAt, then by order). `required`, when given, overrides each platform's own flag.
 */
export function mergeResults(all: Results[], required?: Set<string>): Results {
  if (all.length === 0) throw new InputError('results', 'nothing to merge')
  const byPlatform = new Map<string, { p: PlatformResult; at: number }>()
  const order: string[] = []
  all.forEach((r, i) => {
    const at = (r.createdAt ? Date.parse(r.createdAt) : 0) * 1000 + i
    for (const p of r.platforms) {
      const prev = byPlatform.get(p.platform)
      if (!prev) order.push(p.platform)
      if (!prev || at >= prev.at) byPlatform.set(p.platform, { p, at })
    }
  })
  const platforms = order.map((k) => {
    const p = byPlatform.get(k)!.p
    return required ? { ...p, required: required.has(p.platform) } : p
  })
  const newest = all.reduce((a, b) => ((b.createdAt ?? '') >= (a.createdAt ?? '') ? b : a))
  const seen = new Set<string>()
  const diagnoses = all
    .flatMap((r) => r.diagnoses)
    .filter((d) => {
      const key = JSON.stringify([d.id, d.file, d.line])
      return seen.has(key) ? false : (seen.add(key), true)
    })
  // Each job proposes the same edits for the same project: one of each.
  const edits = new Set<string>()
  const fixes = all
    .flatMap((r) => r.fixes ?? [])
    .filter((f) => {
      const key = JSON.stringify(f.hunks)
      return edits.has(key) ? false : (edits.add(key), true)
    })
  return {
    ...newest,
    passed: overallPassed(platforms),
    platforms,
    diagnoses,
    ...(fixes.length > 0 ? { fixes } : {}),
    createdAt: newest.createdAt ?? new Date().toISOString(),
  }
}
