import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handlesArch, parseBinfmtEntry, readBinfmtHandlers } from '../../src/docker/binfmt.js'

// Entries as the kernel prints them, from Debian 12's qemu-user-static and tonistiigi/binfmt.
const DEBIAN =
  'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: PF\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n'
const TONISTIIGI =
  'enabled\ninterpreter /usr/bin/qemu-aarch64\nflags: POCF\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n'

describe('binfmt', () => {
  it('parses an entry', () => {
    expect(parseBinfmtEntry('qemu-aarch64', DEBIAN)).toEqual({
      name: 'qemu-aarch64',
      enabled: true,
      interpreter: '/usr/libexec/qemu-binfmt/aarch64-binfmt-P',
      flags: 'PF',
    })
  })
  it('finds handlers by name or interpreter, and ignores disabled ones', () => {
    expect(handlesArch([parseBinfmtEntry('qemu-aarch64', TONISTIIGI)], 'aarch64')).toBeDefined()
    expect(handlesArch([parseBinfmtEntry('arm64-handler', DEBIAN)], 'aarch64')).toBeDefined()
    expect(
      handlesArch(
        [parseBinfmtEntry('qemu-aarch64', DEBIAN.replace('enabled', 'disabled'))],
        'aarch64',
      ),
    ).toBeUndefined()
    expect(handlesArch([parseBinfmtEntry('qemu-aarch64', DEBIAN)], 'riscv64')).toBeUndefined()
  })
  it('reads a binfmt_misc directory, and says null when it is not mounted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'binfmt-'))
    expect(await readBinfmtHandlers(dir)).toBeNull()
    writeFileSync(join(dir, 'register'), '')
    writeFileSync(join(dir, 'status'), 'enabled\n')
    writeFileSync(join(dir, 'qemu-aarch64'), DEBIAN)
    const handlers = await readBinfmtHandlers(dir)
    expect(handlers?.map((h) => h.name)).toEqual(['qemu-aarch64'])
  })
})
