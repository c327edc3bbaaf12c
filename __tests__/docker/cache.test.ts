import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheSources, cacheTarget } from '../../src/docker/cache.js'
import { localCacheTags, platformSources } from '../../src/engine/cache.js'

// Two platforms' exports to one cache name overwrite each other: each target gets the platform
// in its name, and each source is read under that name and as given.
describe('cache specs per platform', () => {
  it.each([
    ['type=gha', 'type=gha,scope=tf-multiarch-check-linux-arm64'],
    ['type=gha,scope=mine,mode=max', 'type=gha,scope=mine-linux-arm64,mode=max'],
    ['type=local,dest=/c', 'type=local,dest=/c,tag=tf-multiarch-check-linux-arm64'],
    ['type=local,dest=/c,tag=v1', 'type=local,dest=/c,tag=v1-linux-arm64'],
    ['type=registry,ref=ghcr.io/o/r:cache', 'type=registry,ref=ghcr.io/o/r:cache-linux-arm64'],
    [
      'type=registry,ref=localhost:5000/o/r,mode=max',
      'type=registry,ref=localhost:5000/o/r:tf-multiarch-check-linux-arm64,mode=max',
    ],
    ['ghcr.io/o/r:cache', 'type=registry,ref=ghcr.io/o/r:cache-linux-arm64'],
    ['type=registry,ref=ghcr.io/o/r@sha256:' + 'a'.repeat(64), null],
    // An empty value is none given; keys are read as buildx reads them, in any case.
    ['type=gha,scope=', 'type=gha,scope=tf-multiarch-check-linux-arm64'],
    ['type=registry,Ref=ghcr.io/o/r:c', 'type=registry,ref=ghcr.io/o/r:c-linux-arm64'],
    ['type=inline', null],
    ['type=s3,region=eu-west-1,bucket=b', null],
  ])('%s -> %s', (spec, target) => {
    expect(cacheTarget(spec, 'linux/arm64')).toBe(target ?? spec)
    expect(cacheSources(spec, 'linux/arm64')).toEqual(target ? [target, spec] : [spec])
  })

  it('gives each platform its own name', () => {
    const spec = 'type=local,dest=/c'
    expect(cacheTarget(spec, 'linux/amd64')).not.toBe(cacheTarget(spec, 'linux/arm64'))
    expect(cacheTarget(spec, 'linux/arm/v7')).toBe(
      'type=local,dest=/c,tag=tf-multiarch-check-linux-arm-v7',
    )
  })
})

describe('the cache sources of a platform’s build', () => {
  const LOCAL = 'type=local,src=/c'
  const OWN = 'type=local,src=/c,tag=tf-multiarch-check-linux-arm64'

  it('reads the platform’s own cache and the one as given, in that order', () => {
    expect(
      platformSources(['type=gha', 'type=registry,ref=ghcr.io/o/r:cache'], 'linux/arm64').sources,
    ).toEqual([
      'type=gha,scope=tf-multiarch-check-linux-arm64',
      'type=gha',
      'type=registry,ref=ghcr.io/o/r:cache-linux-arm64',
      'type=registry,ref=ghcr.io/o/r:cache',
    ])
  })

  // buildx fails the whole build for a local index without the tag, and only warns for a
  // directory with no index (both seen with buildx 0.29 and BuildKit 0.25 in the sandbox).
  it('leaves out a local source whose index has no cache under its tag', () => {
    const tags = (dir: string): string[] | null =>
      dir === '/c' ? ['tf-multiarch-check-linux-amd64'] : null
    expect(platformSources([LOCAL], 'linux/arm64', tags)).toEqual({
      sources: [],
      missing: [OWN, LOCAL],
    })
    expect(
      platformSources([LOCAL], 'linux/arm64', () => ['tf-multiarch-check-linux-arm64']),
    ).toEqual({
      sources: [OWN],
      missing: [LOCAL],
    })
    expect(platformSources([LOCAL], 'linux/arm64', () => null).sources).toEqual([OWN, LOCAL])
    const pinned = `type=local,src=/c,digest=sha256:${'b'.repeat(64)}`
    expect(platformSources([pinned], 'linux/arm64', () => []).sources).toContain(pinned)
  })

  it('reads the tags of a local cache directory as BuildKit writes its index.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfmc-cache-'))
    expect(localCacheTags(dir)).toBeNull()
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: `sha256:${'5'.repeat(64)}`,
            size: 905,
            annotations: { 'org.opencontainers.image.ref.name': 'latest' },
          },
        ],
      }),
    )
    expect(localCacheTags(dir)).toEqual(['latest'])
  })
})
