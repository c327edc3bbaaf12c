import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReference, parseRemoteImage, pinned } from '../../src/docker/reference.js'
import { fixturePath } from '../support/fixtures.js'

// Image references and what a registry lists for them (the image input).

describe('image references', () => {
  it.each([
    ['app', { name: 'app', tag: null }],
    ['app:local', { name: 'app', tag: 'local' }],
    ['ghcr.io/org/app:1.2', { name: 'ghcr.io/org/app', tag: '1.2' }],
    ['localhost:5000/a/b_c__d-e:v1', { name: 'localhost:5000/a/b_c__d-e', tag: 'v1' }],
    [`app@sha256:${'a'.repeat(64)}`, { name: 'app', digest: `sha256:${'a'.repeat(64)}` }],
    [`sha256:${'b'.repeat(64)}`, { name: null, tag: null, digest: null }],
  ])('accepts %s', (raw, parts) => {
    expect(parseReference(raw)).toMatchObject(parts)
  })

  it.each([
    'App:1',
    'app:',
    ':tag',
    'app:-x',
    'a//b',
    'app@sha256:short',
    'app tag',
    `a/${'x'.repeat(300)}`,
  ])('refuses %s', (raw) => expect(parseReference(raw)).toBeNull())

  it('pins a reference to a manifest, dropping its tag', () => {
    expect(pinned(parseReference('r.test/app:1')!, 'sha256:abc')).toBe('r.test/app@sha256:abc')
  })
})

describe('what a registry lists (buildx imagetools inspect, recorded)', () => {
  it('reads an index: its platforms with their digests, attestations left out', () => {
    const out = parseRemoteImage(readFileSync(fixturePath('imagetools/index.json'), 'utf8'))
    expect(out).toEqual([
      { platform: 'linux/amd64', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      { platform: 'linux/arm64', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ])
  })

  it('reads a single manifest as the platform its configuration declares', () => {
    const out = parseRemoteImage(readFileSync(fixturePath('imagetools/manifest.json'), 'utf8'))
    expect(out).toEqual([{ platform: 'linux/arm64', digest: expect.stringMatching(/^sha256:/) }])
  })

  it('answers null for output it cannot read', () => {
    expect(parseRemoteImage('not json')).toBeNull()
    expect(parseRemoteImage('{}')).toBeNull()
  })
})
