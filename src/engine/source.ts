import type { CheckOptions } from '../config/check.js'
import type { ImageReference, RemoteManifest } from '../docker/reference.js'
import { pinned } from '../docker/reference.js'
import { InputError } from '../errors.js'
import { declaredPlatform } from '../platforms.js'
import type { Docker } from '../docker/client.js'
import type { Logger } from './logger.js'

// With the image input: where each platform's image is, found once before any platform starts.
// A reference that is neither in the engine's store nor readable in its registry is bad input
// (exit 2, nothing posted); a platform it lacks fails that platform alone.

/** Where one platform's image comes from. */
export interface PlatformImage {
  ref: ImageReference
  /** What its containers run: the local reference, or the reference pinned to the manifest. */
  run: string
  from: 'local' | 'pulled'
}

/** The image input, resolved for every platform checked. */
export interface ImagePlan {
  ref: ImageReference
  /** Per formatted platform; absent: the image has none. */
  platforms: Map<string, PlatformImage>
  /** Every platform the image has, here or in its registry. */
  has: string[]
  /** Why its registry could not be read, when it was asked and could not be. */
  registryError: string | null
}

export async function resolveImage(
  opts: CheckOptions,
  { docker, log }: { docker: Docker; log: Logger },
): Promise<ImagePlan | null> {
  const ref = opts.image
  if (!ref) return null
  const platforms = new Map<string, PlatformImage>()
  const has = new Set<string>()
  for (const { id } of opts.platforms) {
    if (await docker.imageConfig(ref.ref, id)) {
      platforms.set(id, { ref, run: ref.ref, from: 'local' })
      has.add(id)
    }
  }
  const plain = await docker.imageConfig(ref.ref)
  const local = plain ? declaredPlatform(plain.os, plain.architecture, plain.variant) : null
  if (local) has.add(local)
  let registryError: string | null = null
  let remote: RemoteManifest[] = []
  const missing = opts.platforms.map((p) => p.id).filter((p) => !platforms.has(p))
  // An image ID names a local image only; a name may also be in its registry.
  if (missing.length > 0 && ref.name !== null) {
    const answer = await docker.remoteImage(ref.ref)
    if ('error' in answer) registryError = answer.error.replace(/\s+/g, ' ').trim()
    else remote = answer.manifests
  }
  for (const m of remote) has.add(m.platform)
  for (const p of missing) {
    const m = remote.find((x) => x.platform === p)
    if (m) platforms.set(p, { ref, run: pinned(ref, m.digest), from: 'pulled' })
  }
  if (plain === null && platforms.size === 0 && remote.length === 0) {
    throw new InputError(
      'image',
      `'${ref.ref}' is not in the Docker engine's image store${ref.name !== null ? `, and its registry did not list it (${registryError ?? 'no image for any platform'})` : ''}; build it with load: true (or docker buildx build --load), or push it and log in to its registry (docker/login-action) before this step`,
    )
  }
  const where = [...platforms].map(
    ([p, i]) => `${p} ${i.from === 'local' ? 'in the image store' : `in its registry (${i.run})`}`,
  )
  log.info(`image ${ref.ref}: ${where.join('; ') || 'none of the platforms checked'}`)
  return { ref, platforms, has: [...has].sort(), registryError }
}
