import { InputError } from '../errors.js'
import { overallPassed, type PlatformResult, type Results } from './types.js'
import { uncheckedPlatform } from './unchecked.js'

// Report mode: the validated results of several jobs (a native-runner matrix) as one.

/**
 * Merges results of several jobs by platform; a platform present twice keeps the newer result
 * (by createdAt, then by order), a native one over a fallback's. `required`, when given,
 * overrides each platform's own flag, and a required platform that no file holds is in the
 * merge as unchecked (results-missing).
 */
export function mergeResults(all: Results[], required?: Set<string>): Results {
  if (all.length === 0) throw new InputError('results', 'nothing to merge')
  const byPlatform = new Map<string, { p: PlatformResult; at: number }>()
  const order: string[] = []
  // A platform checked on its own runner beats the reusable workflow's QEMU fallback for it (a
  // runner that started late), whichever ended last: native is what the fallback stood in for.
  const stoodIn = (p: PlatformResult): boolean => Boolean(p.host?.runner?.insteadOf)
  all.forEach((r, i) => {
    const at = (r.createdAt ? Date.parse(r.createdAt) : 0) * 1000 + i
    for (const p of r.platforms) {
      const prev = byPlatform.get(p.platform)
      if (!prev) order.push(p.platform)
      const better = !prev || (stoodIn(prev.p) !== stoodIn(p) ? stoodIn(prev.p) : at >= prev.at)
      if (better) byPlatform.set(p.platform, { p, at })
    }
  })
  const platforms = order.map((k) => {
    const p = byPlatform.get(k)!.p
    return required ? { ...p, required: required.has(p.platform) } : p
  })
  // The order asked for first (the required list), then the others as the files had them.
  if (required) {
    const asked = [...required]
    const rank = (p: PlatformResult): number => {
      const i = asked.indexOf(p.platform)
      return i < 0 ? asked.length : i
    }
    platforms.sort((a, b) => rank(a) - rank(b))
  }
  // A required platform no file holds fails: absent is never passed.
  for (const name of required ?? [])
    if (!byPlatform.has(name))
      platforms.push(
        uncheckedPlatform(name, true, {
          why: 'no-results',
          reason: 'it is in required-platforms, and none of the results files holds it',
        }),
      )
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
