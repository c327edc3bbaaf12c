import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseOptions } from '../../src/config/check.js'
import {
  parseBoolean,
  parseBuildArgs,
  parseMemory,
  parseSetupQemu,
  parseTimeoutMinutes,
} from '../../src/config/values.js'

let repo: string
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tfmc-opts-'))
  mkdirSync(join(repo, 'app'))
  writeFileSync(join(repo, 'app', 'Dockerfile'), 'FROM python:3.11-slim\n')
  writeFileSync(join(repo, 'Custom.Dockerfile'), 'FROM python:3.11-slim\n')
  mkdirSync(join(repo, 'dir.Dockerfile'))
})

describe('parseOptions', () => {
  it('applies the defaults', () => {
    const o = parseOptions({ context: 'app' }, repo)
    expect(o.platforms.map((p) => `${p.os}/${p.arch}`)).toEqual(['linux/amd64', 'linux/arm64'])
    expect([...o.required]).toEqual(['linux/amd64', 'linux/arm64'])
    expect(o.dockerfile).toBe('app/Dockerfile')
    expect(o.dockerfilePath).toBe(join(repo, 'app', 'Dockerfile'))
    expect(o.train).toBe(true)
    expect(o.timeoutMinutes).toBe(60)
    expect(o.setupQemu).toBe('auto')
    expect(o.qemuImage).toMatch(/^tonistiigi\/binfmt:qemu-v/)
    expect(o.maxParallel).toBe(4)
    expect(o.network).toBe(false)
    expect(o.memory).toBe('4g')
  })

  it('takes file relative to the working directory, as docker/build-push-action does', () => {
    const o = parseOptions({ context: 'app', file: 'Custom.Dockerfile' }, repo)
    expect(o.dockerfile).toBe('Custom.Dockerfile')
  })

  it('keeps required platforms a subset of the checked ones', () => {
    const o = parseOptions({ context: 'app', 'required-platforms': 'linux/amd64' }, repo)
    expect([...o.required]).toEqual(['linux/amd64'])
    expect(() =>
      parseOptions(
        { context: 'app', platforms: 'linux/amd64', 'required-platforms': 'linux/arm64' },
        repo,
      ),
    ).toThrow(
      /required-platforms: 'linux\/arm64' is not among the platforms checked \(linux\/amd64\)/,
    )
  })

  it.each([
    [{ context: 'missing' }, /^context: 'missing' is not a directory/],
    [
      { context: 'https://github.com/o/r.git' },
      /^context: .* is a URL; check out the repository first/,
    ],
    [{ context: '.' }, /^file: no Dockerfile at 'Dockerfile'/],
    [
      { context: 'app', file: 'dir.Dockerfile' },
      /^file: 'dir.Dockerfile' is a directory, not a Dockerfile/,
    ],
    [{ context: 'app', platforms: 'linux/arm65' }, /^platforms: 'linux\/arm65' is not a platform/],
    [{ context: 'app', platforms: ',' }, /^platforms: the list is empty/],
    [{ context: 'app', 'timeout-minutes': '0' }, /^timeout-minutes: '0' is not a positive number/],
    [{ context: 'app', 'timeout-minutes': '-5' }, /^timeout-minutes: '-5'/],
    [{ context: 'app', 'timeout-minutes': 'ten' }, /^timeout-minutes: 'ten'/],
    [{ context: 'app', train: 'yes' }, /^train: 'yes' is not a boolean/],
    [{ context: 'app', 'build-args': 'NOEQUALS' }, /^build-args: 'NOEQUALS' is not KEY=value/],
    [
      { context: 'app', 'setup-qemu': 'maybe' },
      /^setup-qemu: 'maybe' is not one of auto, true, false/,
    ],
    [{ context: 'app', 'max-parallel': '0' }, /^max-parallel: '0' is not a whole number/],
    [{ context: 'app', memory: 'lots' }, /^memory: 'lots' is not a size/],
    [{ context: 'app', memory: '1m' }, /^memory: '1m' is below Docker's minimum of 6m/],
    [
      { context: 'app', 'cache-to': 'type=gha mode=max' },
      /^cache-to: 'type=gha mode=max' is not a buildx cache spec/,
    ],
  ])('rejects %o', (raw, message) => {
    expect(() => parseOptions(raw, repo)).toThrow(InputError)
    expect(() => parseOptions(raw, repo)).toThrow(message)
  })
})

describe('parsers', () => {
  it('parses build args, keeping = inside values and skipping blanks and comments', () => {
    expect(parseBuildArgs('A=1\n\n# note\nB=x=y\n')).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
    ])
    expect(parseBuildArgs('EMPTY=')).toEqual([['EMPTY', '']])
    expect(() => parseBuildArgs(' C = ')).toThrow(/'C =' is not KEY=value/)
  })
  it('refuses a bare KEY, which Docker would fill from the environment', () => {
    expect(() => parseBuildArgs('GITHUB_TOKEN')).toThrow(/'GITHUB_TOKEN' is not KEY=value/)
  })
  it('parses booleans like getBooleanInput', () => {
    expect(['true', 'True', 'TRUE'].map((v) => parseBoolean(v, 'x'))).toEqual([true, true, true])
    expect(['false', 'False', 'FALSE'].map((v) => parseBoolean(v, 'x'))).toEqual([
      false,
      false,
      false,
    ])
    expect(() => parseBoolean('1', 'train')).toThrow(/train: '1'/)
  })
  it('parses timeouts, fractions included', () => {
    expect(parseTimeoutMinutes('0.5')).toBe(0.5)
    expect(() => parseTimeoutMinutes('')).toThrow(/timeout-minutes/)
  })
  it('parses setup-qemu and memory', () => {
    expect(parseSetupQemu('AUTO')).toBe('auto')
    expect(parseMemory('4g')).toBe('4g')
    expect(parseMemory('1.5G')).toBe('1.5G')
    expect(parseMemory('none')).toBeUndefined()
    expect(parseMemory('None')).toBeUndefined()
    expect(() => parseMemory('')).toThrow(/memory: '' is not a size/)
    expect(parseOptions({ context: 'app', memory: 'none' }, repo).memory).toBeUndefined()
  })
})
