import type { Host } from '../results/types.js'

// What the engine's tools say of themselves, read from their own output: the buildx and QEMU
// versions and the image store a verdict was reached with (the results carry them per platform).

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
