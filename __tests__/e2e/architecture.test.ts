import { describe, expect, it } from 'vitest'
import { fixture, platform, runCli } from './runner.js'

// No false pass: an image that is not the platform it was built for, or that carries binaries
// of another architecture, fails that platform, on the sandbox's real engine and QEMU.

describe('an image that is not the platform it claims', () => {
  it('FROM --platform=linux/amd64: linux/amd64 passes, linux/arm64 fails as wrong-architecture before any container runs', async () => {
    const res = await runCli([fixture('pinned-amd64'), '--platforms', 'linux/amd64,linux/arm64'])
    expect(res.code, res.stderr.slice(-4000)).toBe(1)
    const amd64 = platform(res.results, 'linux/amd64')
    const arm64 = platform(res.results, 'linux/arm64')
    expect(amd64.passed).toBe(true)
    expect(amd64.environment).toMatchObject({ machine: 'x86_64', interpreter: 'amd64' })

    expect(arm64.passed).toBe(false)
    expect(arm64.image).toMatchObject({ os: 'linux', architecture: 'amd64' })
    expect(arm64.stages.build).toMatchObject({
      status: 'failed',
      reason:
        'the image built for linux/arm64 is a linux/amd64 image (its configuration says os linux, architecture amd64)',
    })
    // No container ran: nothing about its machine was reported, and no slowdown was computed.
    expect(arm64.stages.import.status).toBe('skipped')
    expect(arm64.environment.machine).toBeNull()
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
    expect(res.stdout).toMatch(/linux\/arm64\s+qemu\s+failed/)
  })

  it('a venv built on $BUILDPLATFORM and copied into the arm64 image: foreign-binaries, proven by ELF headers, at the COPY', async () => {
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
      /holds amd64 extension modules: \/opt\/venv\/lib\/python3\.11\/site-packages\/(tensorflow|numpy)\/\S+\.so\S* is amd64/,
    )
    expect(d.detail).toContain('`COPY --from=build /opt/venv /opt/venv`')
    expect(d.detail).toContain('`FROM --platform=$BUILDPLATFORM python:3.11-slim AS build`')
    expect(d.fix).toContain('drop --platform from the FROM at')
  })
})
