import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeOnce } from './helpers.js'
import { fixture, platform, runCli } from './runner.js'

// The image checked the way its users run it (issue "No false failure"), on real builds. The
// fixtures' first layers are those of venv-not-on-path and the example, so their builds are
// cached; the way a command meets an ENTRYPOINT is docker run's, the same on both image stores,
// so this runs on the classic engine, and one platform where the architecture does not matter.

const DIR = fixture('entrypoint')
const BOTH = ['linux/amd64', 'linux/arm64']
const check = (file: string, ...args: string[]) => runCli([DIR, '-f', join(DIR, file), ...args])

describeOnce('the check through the ENTRYPOINT', () => {
  it('an ENTRYPOINT that activates a venv and drops root: both platforms pass through it; without it, venv-not-on-path', async () => {
    const res = await check('Dockerfile.venv')
    expect(res.code, res.stderr.slice(-3000)).toBe(0)
    expect(res.results!.diagnoses).toEqual([])
    for (const name of BOTH) {
      const p = platform(res.results, name)
      expect(p.stages.train.status).toBe('passed')
      expect(p.invocation).toMatchObject({
        how: 'entrypoint',
        entrypoint: ['/usr/local/bin/docker-entrypoint.sh'],
        bypassed: { imported: false },
      })
      expect(p.environment.executable).toMatch(/^\/app\/\.venv\/bin\/python/)
    }
    expect(res.stdout).toContain('TensorFlow imports only through the ENTRYPOINT')

    const bare = await check('Dockerfile.venv-no-entrypoint', '--no-train')
    expect(bare.code).toBe(1)
    expect(bare.results!.diagnoses.map((d) => [d.id, d.line])).toEqual([['venv-not-on-path', 6]])
    for (const name of BOTH) {
      const p = platform(bare.results, name)
      expect(p.invocation?.how).toBe('direct')
      expect(p.stages.import.status).toBe('failed')
      expect(p.diagnoses[0]).toMatchObject({ id: 'venv-not-on-path', line: 6 })
    }
  })

  it('an application ENTRYPOINT is replaced, and one that waits for a service is replaced after its window', async () => {
    for (const file of ['Dockerfile.app', 'Dockerfile.waits']) {
      const res = await check(file, '--platforms', 'linux/amd64')
      expect(res.code, res.stderr.slice(-3000)).toBe(0)
      const p = platform(res.results, 'linux/amd64')
      expect(p.stages.train.status).toBe('passed')
      expect(p.invocation?.how).toBe('replaced')
      if (file === 'Dockerfile.waits')
        expect(p.invocation?.reason).toMatch(
          /never ran the check's command \(no line from the check within 20 s/,
        )
      else expect(p.invocation?.reason).toMatch(/is the application itself/)
    }
  })

  it('an ENTRYPOINT that cannot start fails as it fails for users; KERAS_BACKEND=torch fails the training at its ENV line', async () => {
    const broken = await check(
      'Dockerfile.not-executable',
      '--platforms',
      'linux/amd64',
      '--no-train',
    )
    expect(broken.code).toBe(1)
    const b = platform(broken.results, 'linux/amd64')
    expect(b.diagnoses[0]).toMatchObject({ id: 'entrypoint-not-runnable', line: 6 })
    expect(b.invocation).toMatchObject({ how: 'entrypoint', bypassed: { imported: true } })

    const keras = await check('Dockerfile.keras-torch', '--platforms', 'linux/amd64')
    expect(keras.code).toBe(1)
    const k = platform(keras.results, 'linux/amd64')
    expect(k.stages.import.status).toBe('passed')
    expect(k.stages.train.status).toBe('failed')
    expect(k.diagnoses[0]).toMatchObject({ id: 'keras-backend-missing', line: 6 })
    expect(k.diagnoses[0]!.detail).toContain("No module named 'torch'")
  })
})

describeOnce('requirements and Pythons as the package index has them', () => {
  it('tensorflow-macos in pyproject.toml: macos-only-package at its line on both builds', async () => {
    const res = await runCli([fixture('pyproject-macos'), '--no-train'])
    expect(res.code).toBe(1)
    for (const name of BOTH) {
      const p = platform(res.results, name)
      expect(p.stages.build.status).toBe('failed')
      expect(p.diagnoses[0]).toMatchObject({
        id: 'macos-only-package',
        file: '__fixtures__/projects/pyproject-macos/pyproject.toml',
        line: 11,
      })
    }
    expect(res.results!.fixes?.[0]?.hunks[0]).toMatchObject({
      file: '__fixtures__/projects/pyproject-macos/pyproject.toml',
      startLine: 11,
      replacement: ['    "tensorflow==2.16.2",'],
    })
  })

  it('python:3.14-slim: unpinned, pip takes the release candidate (said, and it passes); a final-only range fails the build', async () => {
    const unpinned = await runCli([fixture('py314'), '--platforms', 'linux/amd64', '--no-train'])
    expect(unpinned.code, unpinned.stderr.slice(-3000)).toBe(0)
    const u = platform(unpinned.results, 'linux/amd64')
    expect(u.environment.python).toMatch(/^3\.14\./)
    expect(u.environment.tensorflow).toMatch(/rc/)
    expect(u.diagnoses.map((d) => d.id)).toEqual(['tensorflow-prerelease'])

    const DIR314 = fixture('py314')
    const range = await runCli([
      DIR314,
      '-f',
      join(DIR314, 'Dockerfile.range'),
      '--platforms',
      'linux/amd64',
      '--no-train',
    ])
    expect(range.code).toBe(1)
    const r = platform(range.results, 'linux/amd64')
    expect(r.stages.build.status).toBe('failed')
    expect(r.diagnoses[0]).toMatchObject({ id: 'python-version-unsupported', line: 3 })
    expect(r.diagnoses[0]!.fix).toContain('FROM python:3.13-slim')
  })
})
