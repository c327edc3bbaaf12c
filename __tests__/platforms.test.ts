import { describe, expect, it } from 'vitest'
import { archOfMachine, hostArch } from '../src/arches.js'
import { InputError } from '../src/errors.js'
import { tensorflowHasWheels } from '../src/knowledge/tensorflow.js'
import {
  isNative,
  parsePlatform,
  parsePlatformList,
  platformSlug,
  qemuName,
} from '../src/platforms.js'

describe('parsePlatform', () => {
  it.each([
    ['linux/amd64', 'linux/amd64'],
    ['linux/arm64', 'linux/arm64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['LINUX/ARM64', 'linux/arm64'],
    [' linux/amd64 ', 'linux/amd64'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/amd64/v3', 'linux/amd64/v3'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/386', 'linux/386'],
    ['linux/riscv64', 'linux/riscv64'],
  ])('%s -> %s', (raw, expected) => {
    expect(parsePlatform(raw).id).toBe(expected)
  })

  it.each([
    ['linux/arm65', /'linux\/arm65' is not a platform: unknown architecture 'arm65'/],
    ['windows', /'windows' is not a platform: it must have two or three parts/],
    ['windows/amd64', /only linux images/],
    ['linux/arm64/v9', /unknown variant 'v9' for arm64/],
    ['linux//amd64', /two or three parts/],
    ['linux/amd64/v2/x', /two or three parts/],
  ])('rejects %s with a message naming the input and the fix', (raw, message) => {
    expect(() => parsePlatform(raw)).toThrow(InputError)
    expect(() => parsePlatform(raw)).toThrow(message)
    expect(() => parsePlatform(raw)).toThrow(/^platforms: .*e\.g\. linux\/amd64, linux\/arm64$/)
  })
})

describe('parsePlatformList', () => {
  it('splits on commas and newlines, normalises and drops duplicates in order', () => {
    expect(
      parsePlatformList('linux/arm64,\nlinux/amd64\n linux/arm64/v8 ,').map((p) => p.id),
    ).toEqual(['linux/arm64', 'linux/amd64'])
  })
  it('rejects an empty list', () => {
    expect(() => parsePlatformList(' , \n')).toThrow(/platforms: the list is empty/)
  })
  it('names the input it parses', () => {
    expect(() => parsePlatformList('linux/arm65', 'required-platforms')).toThrow(
      /^required-platforms: 'linux\/arm65'/,
    )
  })
})

describe('host and emulation', () => {
  it('maps Node architectures to Docker ones', () => {
    expect(hostArch('x64')).toBe('amd64')
    expect(hostArch('arm64')).toBe('arm64')
    expect(hostArch('ia32')).toBe('386')
  })
  it('knows which platforms run natively', () => {
    expect(isNative(parsePlatform('linux/amd64'), 'amd64')).toBe(true)
    expect(isNative(parsePlatform('linux/arm64'), 'amd64')).toBe(false)
    expect(isNative(parsePlatform('linux/386'), 'amd64')).toBe(true)
    expect(isNative(parsePlatform('linux/arm64'), 'arm64')).toBe(true)
    expect(isNative(parsePlatform('linux/amd64'), 'arm64')).toBe(false)
  })
  it('names QEMU architectures', () => {
    expect(qemuName(parsePlatform('linux/arm64'))).toBe('aarch64')
    expect(qemuName(parsePlatform('linux/amd64'))).toBe('x86_64')
    expect(qemuName(parsePlatform('linux/arm/v7'))).toBe('arm')
  })
  it('knows TensorFlow has wheels only for amd64 and arm64', () => {
    expect(
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386', 'linux/s390x'].map((p) =>
        tensorflowHasWheels(parsePlatform(p)),
      ),
    ).toEqual([true, true, false, false, false])
  })
  it('slugs platforms for tags', () => {
    expect(platformSlug(parsePlatform('linux/arm/v7'))).toBe('linux-arm-v7')
  })
})

describe('archOfMachine', () => {
  it("reads an engine's uname machine as Docker's architecture", () => {
    expect(
      ['x86_64', 'aarch64', 'armv7l', 'i686', 'amd64', 'ppc64le', 'loongarch64', 'weird'].map(
        archOfMachine,
      ),
    ).toEqual(['amd64', 'arm64', 'arm', '386', 'amd64', 'ppc64le', 'loong64', null])
  })
})
