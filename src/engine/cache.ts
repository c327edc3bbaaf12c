import { readFileSync } from 'node:fs'
import { cacheSources, localImport } from '../docker/cache.js'

// Which cache-from entries a platform's build gets. Each is read under the platform's own name
// and as given (docker/cache.ts). buildx skips a local cache directory that is not there with a
// warning, but fails the whole build when the directory's index.json has no manifest under the
// tag asked for ("local cache importer requires either explicit digest, "latest" tag or custom
// tag on index.json"): a cache written for other platforms, or under other tags, would fail a
// build that works. Such a source is left out, and said.

/** The tags of a local cache directory's index.json; null when there is none to read. */
export function localCacheTags(dir: string): string[] | null {
  try {
    const index = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) as {
      manifests?: { annotations?: Record<string, string> }[]
    }
    return (index.manifests ?? []).flatMap((m) => {
      const name = m.annotations?.['org.opencontainers.image.ref.name']
      return name ? [name] : []
    })
  } catch {
    return null
  }
}

export interface PlatformSources {
  /** What the build reads, in order. */
  sources: string[]
  /** Local sources left out: their directory holds no cache under that tag. */
  missing: string[]
}

export function platformSources(
  specs: readonly string[],
  platform: string,
  tagsOf: (dir: string) => string[] | null = localCacheTags,
): PlatformSources {
  const out: PlatformSources = { sources: [], missing: [] }
  for (const source of specs.flatMap((s) => cacheSources(s, platform))) {
    const local = localImport(source)
    const tags = local ? tagsOf(local.src) : null
    if (local && tags && !tags.includes(local.tag)) out.missing.push(source)
    else out.sources.push(source)
  }
  return out
}
