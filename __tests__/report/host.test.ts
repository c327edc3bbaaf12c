import { describe, expect, it } from 'vitest'
import { imageStoreOf, parseBuildxVersion, parseQemuVersion } from '../../src/docker/versions.js'
import { hostLines } from '../../src/report/host.js'
import type { PlatformResult } from '../../src/results/types.js'
import { loadResultsFixture } from '../support/fixtures.js'

// What the sandbox's engines, buildx and QEMU really print (Docker Engine 28.5.2, buildx 0.29.1,
// Debian 12's QEMU), and what official builds print.

describe('host facts', () => {
  it('reads the buildx version of Debian and official builds', () => {
    expect(parseBuildxVersion('github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4')).toBe('0.29.1')
    expect(parseBuildxVersion('github.com/docker/buildx v0.36.0 1a2b3c4d')).toBe('0.36.0')
    expect(parseBuildxVersion('github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3')).toBe('0.13.1')
    expect(parseBuildxVersion('nonsense')).toBeNull()
  })
  it('reads the QEMU version; a wrapper that does not say is null', () => {
    expect(
      parseQemuVersion(
        'qemu-aarch64 version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright (c) 2003-2022 Fabrice Bellard',
      ),
    ).toBe('7.2.22')
    expect(
      parseQemuVersion(
        'qemu: /usr/libexec/qemu-binfmt/aarch64-binfmt-P has to be run using kernel binfmt-misc subsystem',
      ),
    ).toBeNull()
  })
  it('tells the image stores apart by docker info’s DriverStatus', () => {
    // The classic store (overlay2) and the containerd store, as Docker 28.5.2 reports them.
    expect(
      imageStoreOf([
        ['Backing Filesystem', 'extfs'],
        ['Supports d_type', 'true'],
        ['Using metacopy', 'false'],
        ['Native Overlay Diff', 'true'],
        ['userxattr', 'false'],
      ]),
    ).toBe('classic')
    expect(imageStoreOf([['driver-type', 'io.containerd.snapshotter.v1']])).toBe('containerd')
  })
  it('shows one line per distinct host, with QEMU for the emulated platforms', () => {
    const [amd64, arm64] = loadResultsFixture('tf-app').platforms as [
      PlatformResult,
      PlatformResult,
    ]
    const host = {
      engine: '28.5.2',
      buildx: '0.29.1',
      driver: 'docker',
      imageStore: 'classic' as const,
    }
    expect(
      hostLines([
        { ...amd64, host },
        { ...arm64, host: { ...host, qemu: '7.2.22' } },
      ]),
    ).toEqual([
      'linux/amd64, linux/arm64 (QEMU 7.2.22) on Docker Engine 28.5.2 (classic image store), buildx 0.29.1, docker driver',
    ])
    // A native arm64 runner in a matrix: another host, another line.
    expect(
      hostLines([
        { ...amd64, host },
        { ...arm64, emulated: false, host: { ...host, engine: '28.0.4', buildx: '0.36.0' } },
      ]),
    ).toEqual([
      'linux/amd64 on Docker Engine 28.5.2 (classic image store), buildx 0.29.1, docker driver',
      'linux/arm64 on Docker Engine 28.0.4 (classic image store), buildx 0.36.0, docker driver',
    ])
    // A docker-container builder (setup-buildx-action's): its BuildKit version beside the driver.
    const container = { ...host, driver: 'docker-container', buildkit: '0.25.2' }
    expect(hostLines([{ ...amd64, host: container }])).toEqual([
      'linux/amd64 on Docker Engine 28.5.2 (classic image store), buildx 0.29.1, docker-container driver, BuildKit 0.25.2',
    ])
    expect(hostLines([{ ...amd64, host: null }])).toEqual([])
  })
  it('names the runner of each platform: its label, its image, and whom a fallback stood in for', () => {
    const [amd64, arm64] = loadResultsFixture('tf-app').platforms as [
      PlatformResult,
      PlatformResult,
    ]
    const host = {
      engine: '28.0.4',
      buildx: '0.36.0',
      driver: 'docker',
      imageStore: 'classic' as const,
    }
    const x64 = { label: 'ubuntu-24.04', os: 'ubuntu24', version: '20261130.1' }
    const arm = { label: 'ubuntu-24.04-arm', os: 'ubuntu24', version: '20261201.2' }
    // Native on both: two runners, two lines, though the engines are alike.
    expect(
      hostLines([
        { ...amd64, host: { ...host, runner: x64 } },
        { ...arm64, emulated: false, host: { ...host, runner: arm } },
      ]),
    ).toEqual([
      'linux/amd64 on ubuntu-24.04 (ubuntu24 20261130.1) with Docker Engine 28.0.4 (classic image store), buildx 0.36.0, docker driver',
      'linux/arm64 on ubuntu-24.04-arm (ubuntu24 20261201.2) with Docker Engine 28.0.4 (classic image store), buildx 0.36.0, docker driver',
    ])
    // The fallback: arm64 under QEMU on the amd64 runner, because its own never started.
    const instead = {
      ...x64,
      insteadOf: { label: 'ubuntu-24.04-arm', reason: 'no runner took its job in 10 min' },
    }
    expect(
      hostLines([
        { ...amd64, host: { ...host, runner: x64 } },
        { ...arm64, host: { ...host, qemu: '10.1.0', runner: instead } },
      ]),
    ).toEqual([
      'linux/amd64, linux/arm64 (QEMU 10.1.0; in place of ubuntu-24.04-arm: no runner took its job in 10 min) on ubuntu-24.04 (ubuntu24 20261130.1) with Docker Engine 28.0.4 (classic image store), buildx 0.36.0, docker driver',
    ])
    // A self-hosted runner says no image, and a runner outside the workflow no label.
    expect(
      hostLines([
        { ...amd64, host: { ...host, runner: { label: null, os: null, version: null } } },
      ]),
    ).toEqual([
      'linux/amd64 on a runner with Docker Engine 28.0.4 (classic image store), buildx 0.36.0, docker driver',
    ])
  })
})
