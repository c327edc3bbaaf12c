import { describe, expect, it } from 'vitest'
import { failingStage } from '../../src/results/types.js'
import { itOnce } from './helpers.js'
import { fixture, platform, runCli } from './runner.js'

// No false pass: an image that is not the platform it was built for, or that carries binaries
// of another architecture, fails that platform, on the sandbox's real engine and QEMU. What an
// image's configuration declares is read from the store (both engines); what its files are is
// read in a container, the same on both (classic engine only).

describe('an image that is not the platform it claims', () => {
  it('FROM --platform=linux/amd64: linux/amd64 passes, linux/arm64 fails as wrong-architecture, reported before the build', async () => {
    const res = await runCli([fixture('pinned-amd64'), '--platforms', 'linux/amd64,linux/arm64'])
    expect(res.code, res.stderr.slice(-4000)).toBe(1)
    const amd64 = platform(res.results, 'linux/amd64')
    const arm64 = platform(res.results, 'linux/arm64')
    expect(amd64.passed).toBe(true)
    expect(amd64.environment).toMatchObject({ machine: 'x86_64', interpreter: 'amd64' })

    expect(arm64.passed).toBe(false)
    // Which proof catches it first depends on the engine: BuildKit may record the base image's
    // platform in the configuration (then the build fails, and no container runs), or the
    // target's (buildx 0.13 does: then the process inside proves it ran as x86-64).
    const stage = failingStage(arm64.stages)
    if (arm64.image?.architecture === 'amd64') {
      expect(stage).toBe('build')
      expect(arm64.stages.build.reason).toBe(
        'the image built for linux/arm64 is a linux/amd64 image (its configuration says os linux, architecture amd64)',
      )
      expect(arm64.stages.import.status).toBe('skipped')
      expect(arm64.environment.machine).toBeNull()
    } else {
      expect(arm64.image).toMatchObject({ os: 'linux', architecture: 'arm64' })
      expect(stage).toBe('import')
      expect(arm64.environment).toMatchObject({ machine: 'x86_64', interpreter: 'amd64' })
      expect(arm64.stages.import.reason).toBe(
        'the container ran as x86_64, not as linux/arm64 (aarch64)',
      )
      // Training ran, on the wrong machine: it is not counted.
      expect(arm64.stages.train).toMatchObject({ status: 'skipped' })
      expect(arm64.stages.train.reason).toMatch(/^not counted: /)
      expect(arm64.diagnoses[0]!.detail).toContain(
        "although the image's configuration declares linux/arm64",
      )
    }
    expect(arm64.emulationSlowdown ?? null).toBeNull()
    const d = arm64.diagnoses[0]!
    expect(d).toMatchObject({
      id: 'wrong-architecture',
      file: '__fixtures__/projects/pinned-amd64/Dockerfile',
      line: 2,
    })
    expect(d.detail).toContain('`FROM --platform=linux/amd64 python:3.11-slim` (')
    expect(d.detail).toContain('pinned-amd64/Dockerfile:2)')
    expect(d.fix).toContain('Drop the --platform')

    // The static phase said so before the first build started.
    const err = res.stderr
    const warned = err.indexOf(
      'linux/arm64: The image is not the platform it was built for (__fixtures__/projects/pinned-amd64/Dockerfile:2)',
    )
    const firstBuild = err.search(/linux\/(amd64|arm64): build (passed|failed)/)
    expect(warned, err.slice(0, 3000)).toBeGreaterThanOrEqual(0)
    expect(warned).toBeLessThan(firstBuild)
    // The build's time reads "52 s" or, past a minute (a loaded machine), "1 min 01 s".
    expect(res.stdout).toMatch(/linux\/arm64\s+qemu\s+(failed|passed (\d+ min )?\d+ s\s+failed)/)
  })

  itOnce(
    'a venv built on $BUILDPLATFORM and copied into the arm64 image: foreign-binaries, proven by ELF headers, at the COPY',
    async () => {
      const res = await runCli([
        fixture('buildplatform-venv'),
        '--platforms',
        'linux/amd64,linux/arm64',
        '--no-train',
      ])
      expect(res.code, res.stderr.slice(-4000)).toBe(1)
      expect(platform(res.results, 'linux/amd64').passed).toBe(true)
      const arm64 = platform(res.results, 'linux/arm64')
      expect(arm64.passed).toBe(false)
      // The image is arm64, and its interpreter is: what is foreign is what it copied.
      expect(arm64.image).toMatchObject({ os: 'linux', architecture: 'arm64' })
      expect(arm64.environment).toMatchObject({ machine: 'aarch64', interpreter: 'arm64' })
      expect(arm64.stages.import.status).toBe('failed')
      const d = arm64.diagnoses[0]!
      expect(d).toMatchObject({
        id: 'foreign-binaries',
        file: '__fixtures__/projects/buildplatform-venv/Dockerfile',
        line: 7,
      })
      expect(d.detail).toMatch(
        /holds amd64 extension modules: all \d+ extension modules read under tensorflow and numpy are amd64, e\.g\. \/opt\/venv\/lib\/python3\.11\/site-packages\/tensorflow\/\S+\.so[.\d]*, while the interpreter is arm64/,
      )
      // The log's own line is misleading (glibc says "No such file" for a foreign ELF); it is
      // quoted, but the ELF headers decided.
      expect(d.detail).toMatch(/cannot open shared object file/)
      expect(d.detail).toContain('`COPY --from=build /opt/venv /opt/venv`')
      expect(d.detail).toContain('`FROM --platform=$BUILDPLATFORM python:3.11-slim AS build`')
      expect(d.fix).toContain('drop --platform from the FROM at')
    },
  )
})
