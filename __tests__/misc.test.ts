import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dockerEnv } from '../src/docker/client.js'
import { signalFromExitCode, tailText } from '../src/engine/output.js'
import { mapLimit } from '../src/engine/pool.js'
import { makeRunId } from '../src/runid.js'
import { VERSION } from '../src/version.js'

describe('evidence', () => {
  it('decodes 128+N exit codes into signals', () => {
    expect(signalFromExitCode(132)).toBe('SIGILL')
    expect(signalFromExitCode(137)).toBe('SIGKILL')
    expect(signalFromExitCode(139)).toBe('SIGSEGV')
    expect(signalFromExitCode(1)).toBeNull()
    expect(signalFromExitCode(null)).toBeNull()
  })
  it('keeps the last lines', () => {
    expect(tailText(['a', 'b', 'c'], 2)).toBe('b\nc')
  })
})

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimit([30, 10, 20, 5], 2, async (ms, i) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, ms))
      running--
      return i
    })
    expect(out).toEqual([0, 1, 2, 3])
    expect(peak).toBe(2)
  })
})

describe('identity', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
      name: string
    }
    expect(VERSION).toBe(pkg.version)
  })
  it('makes run ids safe for tags and unique', () => {
    const a = makeRunId({ GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' })
    expect(a).toMatch(/^123-2-[0-9a-f]{8}$/)
    expect(makeRunId({})).not.toBe(makeRunId({}))
  })
})

describe('dockerEnv', () => {
  it('hands docker the environment without the GitHub token', () => {
    const env = dockerEnv({
      PATH: '/usr/bin',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      GITHUB_TOKEN: 'ghs_y',
      GH_TOKEN: 'z',
      ACTIONS_RUNTIME_TOKEN: 'cache',
      DOCKER_HOST: 'unix:///x',
    })
    expect(env).toEqual({
      PATH: '/usr/bin',
      ACTIONS_RUNTIME_TOKEN: 'cache',
      DOCKER_HOST: 'unix:///x',
    })
  })
})
