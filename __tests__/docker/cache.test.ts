import { describe, expect, it } from 'vitest'
import { cacheSources, cacheTarget } from '../../src/docker/cache.js'

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
