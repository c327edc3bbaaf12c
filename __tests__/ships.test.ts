import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../src/config/check.js'
import { classify } from '../src/diagnose/classify.js'
import type { Evidence } from '../src/diagnose/evidence.js'
import type { Docker } from '../src/docker/client.js'
import type { ContainerState } from '../src/docker/containers.js'
import type { RunResult } from '../src/docker/exec.js'
import { parseReference, parseRemoteImage, pinned } from '../src/docker/reference.js'
import { runCheck } from '../src/engine/check.js'
import { parsePlatform } from '../src/platforms.js'
import type { ImageConfig, StageResult, Stages } from '../src/results/types.js'
import { platformPassed, stagesPassed } from '../src/results/verdict.js'
import { statusDescription } from '../src/report/identity.js'
import { renderReport } from '../src/report/markdown.js'
import { textTable } from '../src/report/summary.js'
import { validateResults } from '../src/results/validate.js'
import { okOn, quiet, result } from './support/engine.js'
import { containersOf, type FakeDocker, fakeDocker } from './support/docker.js'
import { fixturePath } from './support/fixtures.js'

// Checking what ships: the image input (references, what a registry lists, where each platform's
// image comes from), the start and run stages, and the verdict over them. The real engine and
// registry run in e2e/ships.test.ts; here a scripted Docker produces what they cannot on demand.

describe('image references', () => {
  it.each([
    ['app', { name: 'app', tag: null }],
    ['app:local', { name: 'app', tag: 'local' }],
    ['ghcr.io/org/app:1.2', { name: 'ghcr.io/org/app', tag: '1.2' }],
    ['localhost:5000/a/b_c__d-e:v1', { name: 'localhost:5000/a/b_c__d-e', tag: 'v1' }],
    [`app@sha256:${'a'.repeat(64)}`, { name: 'app', digest: `sha256:${'a'.repeat(64)}` }],
    [`sha256:${'b'.repeat(64)}`, { name: null, tag: null, digest: null }],
  ])('accepts %s', (raw, parts) => {
    expect(parseReference(raw)).toMatchObject(parts)
  })

  it.each([
    'App:1',
    'app:',
    ':tag',
    'app:-x',
    'a//b',
    'app@sha256:short',
    'app tag',
    `a/${'x'.repeat(300)}`,
  ])('refuses %s', (raw) => expect(parseReference(raw)).toBeNull())

  it('pins a reference to a manifest, dropping its tag', () => {
    expect(pinned(parseReference('r.test/app:1')!, 'sha256:abc')).toBe('r.test/app@sha256:abc')
  })
})

describe('what a registry lists (buildx imagetools inspect, recorded)', () => {
  it('reads an index: its platforms with their digests, attestations left out', () => {
    const out = parseRemoteImage(readFileSync(fixturePath('imagetools/index.json'), 'utf8'))
    expect(out).toEqual([
      { platform: 'linux/amd64', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      { platform: 'linux/arm64', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ])
  })

  it('reads a single manifest as the platform its configuration declares', () => {
    const out = parseRemoteImage(readFileSync(fixturePath('imagetools/manifest.json'), 'utf8'))
    expect(out).toEqual([{ platform: 'linux/arm64', digest: expect.stringMatching(/^sha256:/) }])
  })

  it('answers null for output it cannot read', () => {
    expect(parseRemoteImage('not json')).toBeNull()
    expect(parseRemoteImage('{}')).toBeNull()
  })
})

describe('the image, start and run inputs', () => {
  const parse = (raw: Record<string, string>): ReturnType<typeof parseOptions> =>
    parseOptions(raw, process.cwd())

  it('needs no Dockerfile with an image, and keeps start and run', () => {
    const o = parse({ context: 'src', image: 'app:1', start: '15', run: 'pytest -q\necho ok' })
    expect(o).toMatchObject({ dockerfile: '', start: 15, run: 'pytest -q\necho ok' })
    expect(o.image?.ref).toBe('app:1')
    expect(parse({ context: 'examples/tf-app' })).toMatchObject({ start: null, run: null })
  })

  it.each([
    [{ image: 'App:1' }, /^image: 'App:1' is not an image reference/],
    [{ image: 'app', 'build-args': 'A=1' }, /^image: .*build-args \(--build-arg\) does not apply/],
    [{ image: 'app', target: 'final' }, /^image: .*target \(--target\) does not apply/],
    [{ image: 'app', 'cache-from': 'type=gha' }, /^image: .*cache-from/],
    [{ start: '0' }, /^start: '0' is neither off nor a positive number of seconds/],
    [{ start: 'soon' }, /^start: 'soon'/],
    [{ image: 'app', file: 'missing/Dockerfile' }, /^file: no Dockerfile at/],
  ])('refuses %j', (raw, message) => {
    expect(() => parse({ context: 'examples/tf-app', ...raw })).toThrow(message)
  })
})

const st = (status: StageResult['status']): StageResult => ({ status, durationMs: 1, log: '' })

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

describe('diagnoses of what ships', () => {
  const evidence = (over: Partial<Evidence>): Evidence => ({
    platform: parsePlatform('linux/arm64'),
    emulated: true,
    stage: 'start',
    status: 'failed',
    lines: [],
    exitCode: 1,
    signal: null,
    oomKilled: false,
    probe: null,
    image: {
      entrypoint: null,
      cmd: ['. .venv/bin/activate', 'python', 'main.py'],
      user: '',
      workingDir: '/app',
      path: null,
    },
    timeoutMinutes: 60,
    locate: {
      requirement: () => null,
      from: null,
      command: (p) => (p === '. .venv/bin/activate' ? { file: 'Dockerfile', line: 7 } : null),
      env: () => null,
      entrypoint: null,
    },
    ...over,
  })

  it('proves exec-form-shell from the runtime’s own words, at the CMD’s line', () => {
    const line =
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: ". .venv/bin/activate": stat . .venv/bin/activate: no such file or directory'
    const [d] = classify(evidence({ lines: [line], exitCode: 127 }))
    expect(d).toMatchObject({ id: 'exec-form-shell', file: 'Dockerfile', line: 7 })
    expect(d!.detail).toContain('exec: ". .venv/bin/activate"')
  })

  it('names a program that is simply missing start-failed, not exec-form-shell', () => {
    const line = 'exec: "gunicorn": executable file not found in $PATH'
    expect(classify(evidence({ lines: [line], exitCode: 127 })).map((d) => d.id)).toEqual([
      'start-failed',
    ])
  })

  it('lists the platforms an image has when it lacks the one checked', () => {
    const [d] = classify(
      evidence({
        stage: 'pull',
        imagePlatforms: { ref: 'r.test/app:1', has: ['linux/amd64'], registryError: null },
      }),
    )
    expect(d).toMatchObject({
      id: 'image-platform-missing',
      detail: 'r.test/app:1 has no linux/arm64 image: it has linux/amd64.',
    })
    expect(d!.fix).toContain('--platform linux/amd64,linux/arm64')
  })

  it('says which command failed, and keeps TensorFlow causes first', () => {
    const failed = classify(
      evidence({ stage: 'run', command: 'pytest -q', lines: ['E   assert 1 == 2'] }),
    )
    expect(failed.map((d) => d.id)).toEqual(['run-failed'])
    expect(failed[0]!.detail).toMatch(/^Your command "pytest -q" exited with 1 on linux\/arm64/)
    const tf = classify(
      evidence({ stage: 'run', lines: ["ModuleNotFoundError: No module named 'tensorflow'"] }),
    )
    expect(tf.map((d) => d.id)).toEqual(['tensorflow-not-installed'])
  })
})

/**
 * A registry holding `r.test/app:1` for amd64 and arm64, whose arm64 manifest may lie (its
 * configuration says `arm64Declares`), and an engine whose containers answer as scripted.
 */
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
  const exited = { running: false, exitCode: 0, oomKilled: false, error: '' }
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
