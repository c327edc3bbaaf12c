import type { Host, PlatformResult } from './types.js'

// Where a verdict was reached. "Green on my runner" depends on the engine, the image store,
// buildx and, for an emulated platform, the QEMU that ran it: the results carry them per platform
// (report mode merges platforms from different runners), and the reports show them in one line.

/** `docker buildx version` -> 0.29.1 (official builds print v0.29.1 and a commit; Debian's 0.29.1+ds1). */
export function parseBuildxVersion(text: string): string | null {
  return /\bv?(\d+\.\d+\.\d+)[^\s]*/.exec(text.replace(/^\S*buildx\S*\s*/, ''))?.[1] ?? null
}

/** `qemu-aarch64 --version` -> 7.2.19; null when it does not say. */
export function parseQemuVersion(text: string): string | null {
  return /qemu-\S+ version (\d+\.\d+(\.\d+)?)/.exec(text)?.[1] ?? null
}

/**
 * The image store from `docker info`'s DriverStatus: the containerd image store reports a
 * driver-type of io.containerd.snapshotter.v1; the classic store reports none.
 */
export function imageStoreOf(
  driverStatus: [string, string][] | null | undefined,
): Host['imageStore'] {
  return (driverStatus ?? []).some(
    ([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'),
  )
    ? 'containerd'
    : 'classic'
}

/** One line per distinct host: "Docker Engine 28.5.2 (classic image store), buildx 0.29.1, docker driver; QEMU 7.2.19 for linux/arm64". */
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
    ]
      .filter(Boolean)
      .join(', ')
    const key = base || 'an unknown engine'
    const list = groups.get(key) ?? []
    list.push(p.emulated && h.qemu ? `${p.platform} (QEMU ${h.qemu})` : p.platform)
    groups.set(key, list)
  }
  return [...groups].map(([host, names]) => `${names.join(', ')} on ${host}`)
}
