import { describe, expect, it } from 'vitest'
import {
  builderBuildkit,
  buildkitContainer,
  parseBuilderInspect,
} from '../../src/docker/builder.js'

describe('parseBuilderInspect', () => {
  it('reads the docker driver as buildx 0.13 prints it', () => {
    const text =
      'Name:          default\nDriver:        docker\nLast Activity: 2026-11-21 08:08:41 +0000 UTC\n\nNodes:\nName:             default\nEndpoint:         default\nStatus:           running\nBuildKit version: v0.8+unknown\nPlatforms:        linux/amd64, linux/arm64, linux/386\n'
    const b = parseBuilderInspect(text)
    expect(b).toEqual({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/386'],
      nodes: [{ name: 'default', status: 'running', buildkit: null, error: null }],
    })
    expect(buildkitContainer(b)).toBeNull()
  })

  it('reads a docker-container builder as buildx 0.29 prints it, with its BuildKit container', () => {
    const text = [
      'Name:          ci',
      'Driver:        docker-container',
      'Last Activity: 2026-12-07 17:59:01 +0000 UTC',
      '',
      'Nodes:',
      'Name:                  ci0',
      'Endpoint:              unix:///var/run/docker.sock',
      'Driver Options:        network="host"',
      'Status:                running',
      'BuildKit daemon flags: --allow-insecure-entitlement=network.host',
      'BuildKit version:      v0.25.2',
      'Platforms:             linux/amd64, linux/amd64/v2, linux/arm64, linux/386',
      'Labels:',
      ' org.mobyproject.buildkit.worker.executor:         oci',
      '',
    ].join('\n')
    const b = parseBuilderInspect(text)
    expect(b.name).toBe('ci')
    expect(b.nodes).toEqual([{ name: 'ci0', status: 'running', buildkit: '0.25.2', error: null }])
    expect(builderBuildkit(b)).toBe('0.25.2')
    expect(buildkitContainer(b)).toBe('buildx_buildkit_ci0')
  })

  it('says no BuildKit version for a builder not booted yet, nor for a build without one', () => {
    const inactive =
      'Name:   fresh\nDriver: docker-container\n\nNodes:\nName:      fresh0\nEndpoint:  unix:///var/run/docker.sock\nStatus:    inactive\nPlatforms:\n'
    const b = parseBuilderInspect(inactive)
    expect(b.nodes).toEqual([{ name: 'fresh0', status: 'inactive', buildkit: null, error: null }])
    expect(builderBuildkit(b)).toBeNull()
    const unknown =
      'Name: default\nDriver: docker\n\nNodes:\nName: default\nStatus: running\nBuildKit version: v0.0.0+unknown\n'
    expect(builderBuildkit(parseBuilderInspect(unknown))).toBeNull()
    const old =
      'Name: b\nDriver: docker-container\n\nNodes:\nName: b0\nStatus: running\nBuildkit: v0.10.6\n'
    expect(builderBuildkit(parseBuilderInspect(old))).toBe('0.10.6')
  })

  it('reads the error buildx prints for a node it cannot ask (its container paused), with no status', () => {
    const text = [
      'Name:          ci',
      'Driver:        docker-container',
      'Last Activity: 2026-12-07 17:54:01 +0000 UTC',
      '',
      'Nodes:',
      'Name:           ci0',
      'Endpoint:       unix:///var/run/docker.sock',
      'Driver Options: network="host"',
      'Error:          Error response from daemon: Container buildx_buildkit_ci0 is paused, unpause the container before exec',
      '',
    ].join('\n')
    expect(parseBuilderInspect(text).nodes).toEqual([
      {
        name: 'ci0',
        status: '',
        buildkit: null,
        error:
          'Error response from daemon: Container buildx_buildkit_ci0 is paused, unpause the container before exec',
      },
    ])
  })

  it('merges the platforms of several nodes and drops the * of configured ones', () => {
    const text =
      'Name:   multi\nDriver: docker-container\n\nNodes:\nName: multi0\nPlatforms: linux/amd64*, linux/386\n\nName: multi1\nPlatforms: linux/arm64*, linux/386\n'
    const b = parseBuilderInspect(text)
    expect(b.platforms).toEqual(['linux/amd64', 'linux/386', 'linux/arm64'])
    expect(b.nodes.map((n) => n.name)).toEqual(['multi0', 'multi1'])
  })
})
