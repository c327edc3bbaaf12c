import type { PlatformResult } from '../results/types.js'

// Where a verdict was reached. "Green on my runner" depends on the engine, the image store,
// buildx and, for an emulated platform, the QEMU that ran it: the results carry them per platform
// (report mode merges platforms from different runners), and the reports show them in one line.

/**
 * One line per distinct host: "linux/arm64 (QEMU 7.2.19) on Docker Engine 28.5.2 (classic image
 * store), buildx 0.29.1, docker-container driver, BuildKit 0.25.2"; on a runner, its label and
 * image first ("on ubuntu-24.04 (ubuntu24 20261130.1) with Docker Engine ...").
 */
export function hostLines(platforms: PlatformResult[]): string[] {
  const groups = new Map<string, string[]>()
  for (const p of platforms) {
    const h = p.host
    if (!h) continue
    const base = [
      h.engine
        ? `Docker Engine ${h.engine}${h.imageStore ? ` (${h.imageStore} image store)` : ''}`
        : null,
      h.buildx ? `buildx ${h.buildx}` : null,
      h.driver ? `${h.driver} driver` : null,
      h.buildkit ? `BuildKit ${h.buildkit}` : null,
    ]
      .filter(Boolean)
      .join(', ')
    const r = h.runner
    const image = r ? [r.os, r.version].filter(Boolean).join(' ') : ''
    const runner = r ? `${r.label ?? 'a runner'}${image ? ` (${image})` : ''}` : null
    const engine = base || 'an unknown engine'
    const key = runner ? `${runner} with ${engine}` : engine
    const notes = [
      p.emulated && h.qemu ? `QEMU ${h.qemu}` : null,
      r?.insteadOf ? `in place of ${r.insteadOf.label}: ${r.insteadOf.reason}` : null,
    ].filter(Boolean)
    const list = groups.get(key) ?? []
    list.push(notes.length > 0 ? `${p.platform} (${notes.join('; ')})` : p.platform)
    groups.set(key, list)
  }
  return [...groups].map(([host, names]) => `${names.join(', ')} on ${host}`)
}
