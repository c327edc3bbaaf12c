import { describe, expect, it } from 'vitest'
import { buildCommand, RUN_LABEL, scopedCache, smokeCommand } from '../src/docker/args.js'
import { FIND_PYTHON } from '../src/smoke/script.js'

describe('buildCommand', () => {
  const base = {
    context: '/repo',
    file: '/repo/Dockerfile',
    platform: 'linux/arm64',
    tag: 'tf-multiarch-check:r1-linux-arm64',
    runId: 'r1',
    buildArgs: [] as [string, string][],
  }

  it('builds one platform and loads it under the run tag', () => {
    expect(buildCommand(base)).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--file',
      '/repo/Dockerfile',
      '--tag',
      'tf-multiarch-check:r1-linux-arm64',
      '--load',
      '--progress',
      'plain',
      '--label',
      `${RUN_LABEL}=r1`,
      '/repo',
    ])
  })

  it('passes builder, target and build args in order', () => {
    const args = buildCommand({
      ...base,
      builder: 'b1',
      target: 'runtime',
      buildArgs: [
        ['A', '1'],
        ['B', 'x=y'],
      ],
    })
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'b1'])
    expect(args.slice(-7)).toEqual([
      '--target',
      'runtime',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B=x=y',
      '/repo',
    ])
  })
})

describe('smokeCommand', () => {
  const base = { tag: 't', platform: 'linux/arm64', name: 'c1', runId: 'r1', train: true }

  it('finds python on the image PATH, without a network, with privileges dropped', () => {
    const args = smokeCommand(base)
    expect(args).toEqual([
      'run',
      '-i',
      '--name',
      'c1',
      '--platform',
      'linux/arm64',
      '--pull',
      'never',
      '--label',
      `${RUN_LABEL}=r1`,
      '--network',
      'none',
      '--security-opt',
      'no-new-privileges',
      '--cap-drop',
      'ALL',
      '--pids-limit',
      '4096',
      '--entrypoint',
      'sh',
      't',
      '-c',
      FIND_PYTHON,
      'sh',
      'train',
    ])
  })

  it('runs the given interpreter and skips training when asked', () => {
    const args = smokeCommand({
      ...base,
      python: '/opt/venv/bin/python',
      train: false,
      network: true,
      memory: '4g',
    })
    expect(args).not.toContain('none')
    expect(args).toContain('--memory')
    expect(args.slice(-4)).toEqual(['--entrypoint', '/opt/venv/bin/python', 't', '-'])
  })
})

describe('build cache', () => {
  it('passes cache specs through, scoping unscoped gha caches per platform', () => {
    const args = buildCommand({
      context: '/repo',
      file: '/repo/Dockerfile',
      platform: 'linux/arm64',
      tag: 't',
      runId: 'r',
      buildArgs: [],
      cacheFrom: ['type=gha', 'type=registry,ref=ghcr.io/o/r:cache'],
      cacheTo: ['type=gha,mode=max'],
    })
    expect(args.slice(-7)).toEqual([
      '--cache-from',
      'type=gha,scope=tf-multiarch-check-linux-arm64',
      '--cache-from',
      'type=registry,ref=ghcr.io/o/r:cache',
      '--cache-to',
      'type=gha,mode=max,scope=tf-multiarch-check-linux-arm64',
      '/repo',
    ])
    expect(scopedCache('type=gha,scope=mine', 'linux/amd64')).toBe('type=gha,scope=mine')
  })
})
