import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../src/config/check.js'
import type { Docker } from '../../src/docker/client.js'
import type { ContainerState } from '../../src/docker/containers.js'
import type { RunResult } from '../../src/docker/exec.js'
import { runCheck } from '../../src/engine/check.js'
import { statusDescription } from '../../src/report/identity.js'
import { renderReport } from '../../src/report/markdown.js'
import { textTable } from '../../src/report/summary.js'
import { validateResults } from '../../src/results/validate.js'
import { okOn, quiet, result } from '../support/engine.js'
import { containersOf, EXITED, type FakeDocker, fakeDocker } from '../support/docker.js'

// The engine with an existing image (the image input), with start and run: a scripted Docker
// produces what the real engine and registry (e2e/ships.test.ts) cannot on demand.

function registryDocker(o: {
  arm64Declares?: string
  platforms?: string[]
  start?: { run: Partial<RunResult>; state: Partial<ContainerState> }
  run?: Partial<RunResult>
}): FakeDocker {
  const digests: Record<string, string> = {
    'linux/amd64': `sha256:${'1'.repeat(64)}`,
    'linux/arm64': `sha256:${'2'.repeat(64)}`,
  }
  const exited = EXITED
  let lastStart: Partial<ContainerState> = {}
  return fakeDocker({
    container: (c) => {
      if (c.kind === 'start') {
        lastStart = o.start?.state ?? {}
        return result(o.start?.run)
      }
      if (c.kind === 'run') return result(o.run)
      return result({ tail: okOn(c.spec.platform === 'linux/arm64' ? 'aarch64' : 'x86_64') })
    },
    declares: (platform) =>
      platform === 'linux/arm64' ? `linux/${o.arm64Declares ?? 'arm64'}` : platform,
    config: { entrypoint: null, cmd: ['python', 'serve.py'], workingDir: '/app', path: null },
    engine: { imageStore: 'classic', arch: 'amd64', name: 'runner', kernel: '6.8.0' },
    remoteImage: async () => ({
      manifests: (o.platforms ?? ['linux/amd64', 'linux/arm64']).map((p) => ({
        platform: p,
        digest: digests[p]!,
      })),
    }),
    containerState: (name) =>
      name.endsWith('-start')
        ? { ...exited, ...lastStart }
        : { ...exited, exitCode: name.endsWith('-run') ? (o.run?.exitCode ?? 0) : 0 },
  })
}

const check = (docker: Docker, raw: Record<string, string>): ReturnType<typeof runCheck> =>
  runCheck(
    parseOptions({ context: 'src', image: 'r.test/app:1', train: 'false', ...raw }, process.cwd()),
    {
      docker,
      log: quiet,
      runId: 'r1',
      hostArch: 'amd64',
      readBinfmt: async () => [
        { name: 'qemu-aarch64', enabled: true, interpreter: '/usr/bin/qemu-aarch64', flags: 'F' },
      ],
      qemuVersion: async () => '10.2.3',
    },
  )

describe('the engine with an existing image', () => {
  it('pulls each platform by its digest, builds nothing, and passes both', async () => {
    const docker = registryDocker({})
    const r = await check(docker, {})
    expect(r.image).toBe('r.test/app:1')
    expect(r.platforms.map((p) => [p.platform, p.passed, p.source?.pinned])).toEqual([
      ['linux/amd64', true, `r.test/app@sha256:${'1'.repeat(64)}`],
      ['linux/arm64', true, `r.test/app@sha256:${'2'.repeat(64)}`],
    ])
    expect(docker.calls.some((c) => c.op === 'build')).toBe(false)
    // Every container ran the pinned image, never the tag (args.test.ts pins --pull never).
    expect(containersOf(docker).length).toBeGreaterThan(0)
    for (const c of containersOf(docker)) expect(c.spec.tag).toMatch(/^r\.test\/app@sha256:/)
  })

  it('fails a platform whose manifest points at another architecture before any container runs', async () => {
    const docker = registryDocker({ arm64Declares: 'amd64' })
    const r = await check(docker, { platforms: 'linux/arm64' })
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.pull?.status).toBe('failed')
    expect(p.diagnoses[0]?.id).toBe('wrong-architecture')
    expect(containersOf(docker)).toEqual([])
  })

  it('fails a platform the image lacks without pulling or running anything', async () => {
    const docker = registryDocker({ platforms: ['linux/amd64'] })
    const r = await check(docker, { platforms: 'linux/arm64', start: '5', run: 'true' })
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.diagnoses[0]?.id).toBe('image-platform-missing')
    expect([p.stages.build.cause, p.stages.pull?.cause]).toEqual(['replaced', 'no-platform-image'])
    expect([p.stages.import.status, p.stages.start?.status, p.stages.run?.status]).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ])
    expect(docker.calls).toEqual([])
  })

  it('passes start for a server still running at the end of its window, and stops it', async () => {
    const docker = registryDocker({
      start: { run: { timedOut: true, exitCode: null }, state: { running: true } },
    })
    const r = await check(docker, { platforms: 'linux/amd64', start: '5' })
    expect(r.platforms[0]!.stages.start).toMatchObject({
      status: 'passed',
      reason: expect.stringMatching(/^still running after 5 s/),
    })
    expect(r.platforms[0]!.stages.start!.cause).toBeUndefined()
    expect(r.platforms[0]!.passed).toBe(true)
    expect(docker.calls).toContainEqual({
      op: 'kill',
      name: 'tf-multiarch-check-r1-linux-amd64-start',
    })
  })

  it('fails start when the image exits non-zero, and skips the run after it', async () => {
    const docker = registryDocker({ start: { run: { exitCode: 3 }, state: { exitCode: 3 } } })
    const r = await check(docker, { platforms: 'linux/amd64', start: '5', run: 'true' })
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.start).toMatchObject({ status: 'failed', exitCode: 3, cause: 'exit' })
    expect(p.stages.run).toMatchObject({
      status: 'skipped',
      reason: 'the start did not pass',
      cause: 'not-reached',
    })
    expect(p.diagnoses[0]?.id).toBe('start-failed')
  })

  it('fails the run stage on a non-zero exit, and passes on zero', async () => {
    const failing = await check(
      registryDocker({ run: { exitCode: 2, tail: ['FAILED tests/smoke'] } }),
      { run: 'pytest' },
    )
    expect(failing.platforms.map((p) => [p.passed, p.stages.run?.status])).toEqual([
      [false, 'failed'],
      [false, 'failed'],
    ])
    const passing = await check(registryDocker({}), { run: 'pytest' })
    expect(passing.platforms.every((p) => p.passed && p.stages.run?.status === 'passed')).toBe(true)
  })
})

describe('reports of what ships', () => {
  it('shows the stages asked for, keeps them through a results file, and never passes a forged one', async () => {
    const r = await check(registryDocker({ run: { exitCode: 2 } }), { start: '5', run: 'pytest' })
    const md = renderReport(r)
    expect(md).toContain(
      '| Platform | Runs | Image | Import | Train | Start | Run | TensorFlow | Python | Time |',
    )
    expect(md).toContain('The image r.test/app:1 fails on linux/amd64, linux/arm64')
    expect(textTable(r).split('\n')[0]).toMatch(
      /^PLATFORM\s+RUNS\s+IMAGE\s+IMPORT\s+TRAIN\s+START\s+RUN\s/,
    )
    const back = validateResults(JSON.parse(JSON.stringify(r)), 'results.json')
    expect(back.image).toBe('r.test/app:1')
    expect(back.platforms[0]!.stages.run?.status).toBe('failed')
    expect(back.platforms[0]!.source).toEqual(r.platforms[0]!.source)
    // A file that says passed, with its run stage failed, does not pass here.
    const forged = JSON.parse(JSON.stringify(r))
    forged.platforms[0].passed = true
    expect(validateResults(forged, 'forged.json').platforms[0]!.passed).toBe(false)
    const ok = await check(registryDocker({}), {
      platforms: 'linux/amd64',
      start: '5',
      run: 'pytest',
    })
    expect(statusDescription(ok.platforms[0]!)).toMatch(
      /^import ok, train skipped, start ok, run ok, /,
    )
  })
})
