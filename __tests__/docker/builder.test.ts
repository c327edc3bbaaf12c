import { describe, expect, it } from 'vitest'
import { parseBuilderInspect } from '../../src/docker/builder.js'

describe('parseBuilderInspect', () => {
  it('reads the docker driver as buildx 0.13 prints it', () => {
    const text =
      'Name:          default\nDriver:        docker\nLast Activity: 2026-11-21 08:08:41 +0000 UTC\n\nNodes:\nName:             default\nEndpoint:         default\nStatus:           running\nBuildKit version: v0.8+unknown\nPlatforms:        linux/amd64, linux/arm64, linux/386\n'
    expect(parseBuilderInspect(text)).toEqual({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/386'],
    })
  })
  it('merges the platforms of several nodes and drops the * of configured ones', () => {
    const text =
      'Name:   multi\nDriver: docker-container\n\nNodes:\nName: multi0\nPlatforms: linux/amd64*, linux/386\n\nName: multi1\nPlatforms: linux/arm64*, linux/386\n'
    expect(parseBuilderInspect(text)).toEqual({
      name: 'multi',
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/386', 'linux/arm64'],
    })
  })
})
