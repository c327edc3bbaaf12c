import { describe, expect, it } from 'vitest'
import { acceptedPlatforms, machinesOf, parsePlatform, type Platform } from '../../src/platforms.js'
import type {
  PlatformResult,
  StageResult,
  StageStatus,
  ImageConfig,
  Stages,
} from '../../src/results/types.js'
import { architectureMismatch, platformPassed, stagesPassed } from '../../src/results/verdict.js'

// The invariant, for every platform the tool accepts: a platform passes only when its image
// declares that platform and the process inside ran as it. Every stage "passed" is never enough.

const st = (status: StageStatus): StageResult => ({ status, durationMs: 1, log: '' })
const green = { build: st('passed'), import: st('passed'), train: st('passed') }

/** A result whose stages all passed, for `p`, with the image and process facts given. */
function result(
  p: Platform,
  facts: { image?: Platform | null; machine?: string | null; interpreter?: string | null },
): Pick<PlatformResult, 'platform' | 'stages' | 'environment' | 'image'> {
  const image = facts.image === undefined ? p : facts.image
  return {
    platform: p.id,
    stages: green,
    environment: {
      machine: facts.machine === undefined ? machinesOf(p)[0]! : facts.machine,
      interpreter: facts.interpreter === undefined ? p.arch : facts.interpreter,
      python: '3.11.2',
      tensorflow: '2.21.0',
      numpy: '2.1.0',
      keras: '3.12.0',
    },
    image: image && {
      os: image.os,
      architecture: image.arch,
      variant: image.variant ?? null,
      entrypoint: null,
      cmd: ['python3'],
      user: '',
      workingDir: '/',
      path: null,
    },
  }
}

const ALL = acceptedPlatforms()

describe('the architecture invariant', () => {
  it('covers every platform the tool accepts', () => {
    expect(ALL.map((p) => p.id)).toEqual(
      expect.arrayContaining(['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386']),
    )
    expect(ALL.length).toBeGreaterThan(12)
  })

  it.each(ALL.map((p) => [p.id, p] as const))(
    '%s passes when image, machine and interpreter are that platform (every machine name it may report)',
    (_name, p) => {
      for (const machine of machinesOf(p)) {
        const r = result(p, { machine })
        expect(architectureMismatch(r)).toBeNull()
        expect(platformPassed(r, true)).toBe(true)
      }
    },
  )

  it.each(ALL.map((p) => [p.id, p] as const))(
    '%s never passes with an image, a machine or an interpreter of another platform, or one not proven',
    (name, p) => {
      const others = ALL.filter((q) => q.id !== name)
      const cases: Parameters<typeof result>[1][] = [
        { image: null },
        { machine: null },
        { interpreter: null },
        { machine: 'x86-64-but-spelt-oddly' },
        { interpreter: 'unknown (ELF machine 9999, 64-bit)' },
        ...others.map((q) => ({ image: q })),
        ...others
          .filter((q) => q.arch !== p.arch)
          .flatMap((q) => [
            ...machinesOf(q).map((machine) => ({ machine, interpreter: q.arch })),
            ...machinesOf(q)
              .filter((m) => !machinesOf(p).includes(m))
              .map((machine) => ({ machine })),
            { interpreter: q.arch },
          ]),
      ]
      for (const facts of cases) {
        const r = result(p, facts)
        expect(architectureMismatch(r), JSON.stringify(facts)).not.toBeNull()
        expect(platformPassed(r, true), JSON.stringify(facts)).toBe(false)
        expect(platformPassed(r, false), JSON.stringify(facts)).toBe(false)
      }
    },
  )

  it('says why, in words a reviewer can act on', () => {
    const arm64 = parsePlatform('linux/arm64')
    const amd64 = parsePlatform('linux/amd64')
    expect(architectureMismatch(result(arm64, { image: amd64 }))).toBe(
      'the image built for linux/arm64 is a linux/amd64 image (its configuration says os linux, architecture amd64)',
    )
    expect(architectureMismatch(result(arm64, { machine: 'x86_64', interpreter: 'amd64' }))).toBe(
      'the container ran as x86_64, not as linux/arm64 (aarch64)',
    )
    expect(architectureMismatch(result(arm64, { interpreter: 'amd64' }))).toMatch(
      /is an amd64 binary, not arm64/,
    )
  })

  it('accepts the variant spellings Docker normalises (arm64/v8, amd64 with no variant)', () => {
    const r = result(parsePlatform('linux/arm64'), {})
    r.image!.variant = 'v8'
    expect(architectureMismatch(r)).toBeNull()
    const v6 = result(parsePlatform('linux/arm/v7'), {})
    v6.image!.variant = 'v6'
    expect(architectureMismatch(v6)).toMatch(/is a linux\/arm\/v6 image/)
  })
})

describe('stagesPassed', () => {
  it('needs every stage, and allows a skipped training only when training is off', () => {
    expect(stagesPassed(green, true)).toBe(true)
    expect(stagesPassed({ ...green, train: st('skipped') }, true)).toBe(false)
    expect(stagesPassed({ ...green, train: st('skipped') }, false)).toBe(true)
    expect(stagesPassed({ ...green, import: st('timed-out'), train: st('skipped') }, false)).toBe(
      false,
    )
    expect(stagesPassed({ ...green, build: st('failed') }, false)).toBe(false)
  })
})

describe('the verdict over the stages asked for', () => {
  const green: Stages = { build: st('passed'), import: st('passed'), train: st('passed') }
  const pulled: Stages = { ...green, build: st('skipped'), pull: st('passed') }

  it('passes a pulled image in place of a build, and only when every asked stage passed', () => {
    expect(stagesPassed(pulled, true)).toBe(true)
    expect(stagesPassed({ ...pulled, start: st('passed'), run: st('passed') }, true)).toBe(true)
    for (const bad of ['failed', 'skipped', 'timed-out'] as const) {
      expect(stagesPassed({ ...pulled, start: st(bad) }, true)).toBe(false)
      expect(stagesPassed({ ...pulled, run: st(bad) }, true)).toBe(false)
      expect(stagesPassed({ ...pulled, pull: st(bad) }, true)).toBe(false)
    }
    // A stage that passed never makes up for one that did not.
    expect(stagesPassed({ ...pulled, import: st('failed'), start: st('passed') }, true)).toBe(false)
    expect(stagesPassed({ ...pulled, build: st('failed') }, true)).toBe(false)
  })

  it('fails every stage combination when the image or the process is another architecture', () => {
    const amd64: ImageConfig = {
      os: 'linux',
      architecture: 'amd64',
      entrypoint: null,
      cmd: null,
      user: '',
      workingDir: '/',
      path: null,
    }
    const env = {
      machine: 'aarch64',
      python: '3.11',
      tensorflow: '2.21.0',
      numpy: null,
      keras: null,
      interpreter: 'arm64',
    }
    const stages: Stages = { ...pulled, start: st('passed'), run: st('passed') }
    expect(
      platformPassed(
        {
          platform: 'linux/arm64',
          image: { ...amd64, architecture: 'arm64' },
          environment: env,
          stages,
        },
        true,
      ),
    ).toBe(true)
    expect(
      platformPassed({ platform: 'linux/arm64', image: amd64, environment: env, stages }, true),
    ).toBe(false)
    expect(
      platformPassed(
        {
          platform: 'linux/arm64',
          image: { ...amd64, architecture: 'arm64' },
          environment: { ...env, machine: 'x86_64' },
          stages,
        },
        true,
      ),
    ).toBe(false)
  })
})
