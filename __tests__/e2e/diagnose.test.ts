import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeOnce, run } from './helpers.js'
import { CLI, fixture, platform, ROOT, runCli } from './runner.js'

// Each reproducible cause, built for real in the sandbox: the right id on the right platform
// and stage, with the file and line where the Dockerfile shows it. A cause read from a build's
// log or an import's traceback is the same on both image stores (classic engine only), and on
// linux/amd64 alone where the architecture does not matter (a TensorFlow install under QEMU
// costs minutes).

const BOTH = ['linux/amd64', 'linux/arm64']

describeOnce('diagnoses on real builds', () => {
  it('python-version-unsupported: python:3.13-slim with tensorflow==2.19.*, at build, on both platforms', async () => {
    const res = await runCli([fixture('py313-tf219'), '--no-train'])
    expect(res.code).toBe(1)
    for (const name of BOTH) {
      const p = platform(res.results, name)
      expect(p.stages.build.status).toBe('failed')
      expect(p.diagnoses[0]).toMatchObject({
        id: 'python-version-unsupported',
        file: '__fixtures__/projects/py313-tf219/Dockerfile',
        line: 3,
      })
      expect(p.diagnoses[0]!.fix).toMatch(/tensorflow==2\.2\d\.\d/)
    }
  })

  it('base-image-not-found: an architecture-suffixed tag, at build', async () => {
    const res = await runCli([fixture('arch-suffixed-tag'), '--no-train'])
    expect(res.code).toBe(1)
    expect(res.results!.diagnoses.map((d) => d.id)).toEqual(['base-image-not-found'])
    for (const name of BOTH) {
      expect(platform(res.results, name).diagnoses.map((d) => [d.id, d.line])).toEqual([
        ['base-image-not-found', 2],
      ])
    }
  })

  it('exec-form CMD with ". .venv/bin/activate": exec-form-shell for every platform, venv-not-on-path at import', async () => {
    const res = await runCli([fixture('exec-form-activate'), '--no-train'])
    expect(res.code).toBe(1)
    expect(res.results!.diagnoses.map((d) => [d.id, d.line])).toEqual([
      ['exec-form-shell', 8],
      ['venv-not-on-path', 6],
    ])
    for (const name of BOTH) {
      const p = platform(res.results, name)
      expect(p.stages.import.status).toBe('failed')
      expect(p.diagnoses[0]).toMatchObject({ id: 'venv-not-on-path', line: 6 })
      expect(p.diagnoses[0]!.detail).toContain('/app/.venv/lib/python3.11/site-packages/tensorflow')
      expect(p.image?.cmd).toEqual(['. .venv/bin/activate', 'python', 'train.py'])
    }
  })

  it('externally-managed-environment: pip into Debian 12’s system Python, at build', async () => {
    const res = await runCli([fixture('pep668-debian'), '--platforms', 'linux/amd64', '--no-train'])
    expect(res.code).toBe(1)
    const p = platform(res.results, 'linux/amd64')
    expect(p.stages.build.status).toBe('failed')
    expect(p.stages.build.log).toContain('externally-managed-environment')
    expect(p.diagnoses[0]).toMatchObject({ id: 'externally-managed-environment', line: 4 })
  })

  it('index-unreachable: a build that cannot reach the index is not "no wheel", at build', async () => {
    const res = await runCli([
      fixture('index-unreachable'),
      '--platforms',
      'linux/amd64',
      '--no-train',
    ])
    expect(res.code).toBe(1)
    const p = platform(res.results, 'linux/amd64')
    expect(p.stages.build.status).toBe('failed')
    expect(p.stages.build.log).toContain('(from versions: none)')
    expect(p.diagnoses.map((d) => d.id)).toEqual(['index-unreachable'])
    expect(p.diagnoses[0]!.detail).toMatch(/Failed to establish a new connection/)
  })

  it('numpy-abi-mismatch: tensorflow==2.14.0 with NumPy left unpinned, at import', async () => {
    const res = await runCli([fixture('numpy-abi'), '--platforms', 'linux/amd64', '--no-train'])
    expect(res.code).toBe(1)
    const p = platform(res.results, 'linux/amd64')
    expect(p.stages.build.status).toBe('passed')
    expect(p.stages.import.status).toBe('failed')
    expect(p.diagnoses[0]!.id).toBe('numpy-abi-mismatch')
    expect(p.diagnoses[0]!.fix).toContain('numpy<2')
  })

  it('timeout: a hanging import is stopped, its container removed, and diagnosed', async () => {
    const res = await runCli([
      fixture('hang-on-import'),
      '--platforms',
      'linux/amd64',
      '--timeout',
      '0.5',
    ])
    expect(res.code).toBe(1)
    const p = platform(res.results, 'linux/amd64')
    expect(p.stages.build.status).toBe('passed')
    expect(p.stages.import.status).toBe('timed-out')
    expect(p.diagnoses[0]!.id).toBe('timeout')
    expect(p.durationMs).toBeLessThan(90_000)
    const left = await run('docker', [
      'ps',
      '-a',
      '--filter',
      'name=tf-multiarch-check-',
      '--format',
      '{{.Names}}',
    ])
    expect(left.stdout.trim()).toBe('')
  })

  it('exec-format-error: the arm64 handler disabled and impossible to install; amd64 is still checked', async () => {
    const handler = '/proc/sys/fs/binfmt_misc/qemu-aarch64'
    expect(readFileSync(handler, 'utf8')).toMatch(/^enabled/)
    writeFileSync(handler, '0')
    let res
    try {
      res = await runCli([join(ROOT, 'examples/tf-app'), '--no-train'])
    } finally {
      writeFileSync(handler, '1')
    }
    expect(res.code).toBe(1)
    const arm64 = platform(res.results, 'linux/arm64')
    expect(arm64.stages.build.status).toBe('failed')
    expect(arm64.diagnoses[0]!.id).toBe('exec-format-error')
    expect(arm64.stages.build.reason).toMatch(/no QEMU emulator for aarch64 is registered/)
    expect(platform(res.results, 'linux/amd64').passed).toBe(true)
    expect(res.stderr).toMatch(/could not register QEMU with tonistiigi\/binfmt/)
  })
})

describeOnce('lint only', () => {
  it('answers without Docker, with findings and exit 1, or none and exit 0', async () => {
    const bad = await run(process.execPath, [CLI, fixture('tensorflow-cpu'), '--lint-only'], {
      env: { PATH: '/nonexistent' },
    })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('linux/arm64: no-wheel-for-platform')
    const good = await run(process.execPath, [CLI, join(ROOT, 'examples/tf-app'), '--lint-only'], {
      env: { PATH: '/nonexistent' },
    })
    expect(good.code).toBe(0)
    expect(good.stdout).toContain('no findings')
  })
})
