import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Docker } from '../../src/docker/client.js'
import { engineIsLocal, type EngineInfo, parseEngineInfo } from '../../src/docker/info.js'
import type { RunResult } from '../../src/docker/exec.js'
import { runCheck } from '../../src/engine/check.js'
import { checkCacheSupport } from '../../src/engine/preflight.js'
import { runLint } from '../../src/engine/static.js'
import { parseOptions } from '../../src/config/check.js'
import { okOn, quiet, result } from '../support/engine.js'
import { containersOf, type FakeDocker, fakeDocker } from '../support/docker.js'
import { fixturePath } from '../support/fixtures.js'

// The engine's own decisions (retrying an emulator crash, skipping a build whose failure is
// certain, reading the smoke script's events) with a Docker whose answers are scripted from
// real outputs. The real engine runs in the end-to-end tests; these cover what a real machine
// cannot produce on demand.

function scripted(answers: {
  build: RunResult[]
  smoke: RunResult[]
  /** The platform each built image declares, by the platform asked for (default: that one). */
  declares?: Record<string, string>
  /** What `docker info` says (default: an amd64 runner). */
  engine?: EngineInfo
  /** How registering QEMU ends (default: it is not expected). */
  qemu?: RunResult
}): FakeDocker {
  const next = (queue: RunResult[], what: string): RunResult => {
    const r = queue.shift()
    if (!r) throw new Error(`unexpected ${what}`)
    return r
  }
  return fakeDocker({
    build: () => next(answers.build, 'build'),
    container: (c) => next(answers.smoke, `${c.kind} container`),
    ...(answers.qemu ? { registerQemu: () => answers.qemu! } : {}),
    declares: (platform) => answers.declares?.[platform] ?? platform,
    serverVersion: '20.10',
    ...(answers.engine ? { engine: answers.engine } : {}),
  })
}

function project(dockerfile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfmc-engine-'))
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  return dir
}

const ok = okOn('aarch64')

describe('engine', () => {
  it('runs a build again once when QEMU crashed, and reports both attempts', async () => {
    const crash = readFileSync(fixturePath('logs/emulator-crash.log'), 'utf8').split('\n')
    const docker = scripted({
      build: [result({ exitCode: 1, tail: crash }), result({ tail: ['#8 DONE 120.0s'] })],
      smoke: [result({ tail: ok })],
    })
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\nRUN pip install tensorflow==2.21.0\n'),
        platforms: 'linux/arm64',
        train: 'false',
      },
      '/',
    )
    const r = await runCheck(opts, {
      docker,
      log: quiet,
      runId: 'r1',
      hostArch: 'amd64',
      readBinfmt: async () => [
        { name: 'qemu-aarch64', enabled: true, interpreter: '/usr/bin/qemu-aarch64', flags: 'F' },
      ],
      qemuVersion: async (h, arch) =>
        h?.interpreter === '/usr/bin/qemu-aarch64' && arch === 'aarch64' ? '7.2.19' : null,
    })
    const p = r.platforms[0]!
    expect(p.passed).toBe(true)
    expect(p.stages.build.status).toBe('passed')
    expect(p.stages.build.attempts).toHaveLength(1)
    expect(p.stages.build.attempts![0]).toMatchObject({ status: 'failed', exitCode: 1 })
    expect(docker.calls.filter((c) => c.op === 'build')).toHaveLength(2)
    // Where the verdict was reached, QEMU included for the emulated platform.
    expect(p.host).toEqual({
      engine: '20.10',
      buildx: '0.29.1',
      driver: 'docker',
      buildkit: null,
      imageStore: 'containerd',
      qemu: '7.2.19',
    })
  })

  it('a build silent from stall-minutes until its timeout: said at once, then builder-stalled with its step', async () => {
    const steps = [
      '#5 [internal] load metadata for docker.io/library/python:3.11-slim',
      '#5 DONE 0.4s',
      '#7 [2/2] RUN cat /pipe',
    ]
    const docker = scripted({ build: [], smoke: [] })
    docker.build = async (_spec, opts) => {
      for (const l of steps) opts?.onLine?.(l, 'stderr')
      opts?.idle?.onIdle()
      await new Promise((r) => setTimeout(r, 20))
      return result({ exitCode: null, signal: 'SIGKILL', timedOut: true, tail: steps })
    }
    const warnings: string[] = []
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\nRUN cat /pipe\n'),
        platforms: 'linux/amd64',
        'stall-minutes': '0.5',
      },
      '/',
    )
    const r = await runCheck(opts, {
      docker,
      log: { ...quiet, warning: (m) => void warnings.push(m) },
      runId: 'r-stall',
      hostArch: 'amd64',
      readBinfmt: async () => [],
    })
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.build).toMatchObject({ status: 'timed-out', cause: 'timeout' })
    expect(p.stages.build.reason).toMatch(
      /^no output for \d+ s at \[2\/2\] RUN cat \/pipe, until timeout-minutes \(60\)$/,
    )
    expect(p.diagnoses.map((d) => d.id)).toEqual(['builder-stalled'])
    expect(p.diagnoses[0]!.detail).toContain('while at "[2/2] RUN cat /pipe"')
    expect(warnings.find((w) => w.includes('printed nothing'))).toMatch(
      /^linux\/amd64: the build has printed nothing for \d+ s at \[2\/2\] RUN cat \/pipe; the Docker engine still answers/,
    )
  })

  it('a timeout with output to the end is a plain timeout, and stall-minutes off never says stalled', async () => {
    for (const stall of ['10', 'off']) {
      const docker = scripted({
        build: [
          result({
            exitCode: null,
            timedOut: true,
            tail: ['#7 [2/2] RUN x', '#7 1.0 still going'],
          }),
        ],
        smoke: [],
      })
      const opts = parseOptions(
        {
          context: project('FROM python:3.11-slim\n'),
          platforms: 'linux/amd64',
          'stall-minutes': stall,
        },
        '/',
      )
      const r = await runCheck(opts, {
        docker,
        log: quiet,
        runId: `r-${stall}`,
        hostArch: 'amd64',
        readBinfmt: async () => [],
      })
      expect(r.platforms[0]!.diagnoses.map((d) => d.id)).toEqual(['timeout'])
    }
  })

  it('a builder that cannot run a trivial build is named before anything is built', async () => {
    const docker = scripted({ build: [], smoke: [] })
    docker.probeBuilder = async () => result({ exitCode: null, timedOut: true })
    const opts = parseOptions(
      { context: project('FROM python:3.11-slim\n'), platforms: 'linux/amd64' },
      '/',
    )
    await expect(
      runCheck(opts, {
        docker,
        log: quiet,
        runId: 'r-wedged',
        hostArch: 'amd64',
        readBinfmt: async () => [],
      }),
    ).rejects.toThrow(
      /builder 'default' did not run a trivial build \(FROM scratch\) in 60 s: it is wedged/,
    )
    expect(docker.calls).toEqual([])
  })

  it('does not retry an ordinary failure, and does not retry natively', async () => {
    const crash = readFileSync(fixturePath('logs/emulator-crash.log'), 'utf8').split('\n')
    const docker = scripted({ build: [result({ exitCode: 1, tail: crash })], smoke: [] })
    const opts = parseOptions(
      { context: project('FROM python:3.11-slim\n'), platforms: 'linux/amd64' },
      '/',
    )
    const r = await runCheck(opts, {
      docker,
      log: quiet,
      runId: 'r2',
      hostArch: 'amd64',
      readBinfmt: async () => [],
    })
    expect(r.platforms[0]!.stages.build.attempts).toBeUndefined()
    expect(r.platforms[0]!.diagnoses[0]!.id).toBe('emulator-crash')
  })

  it('skips the build of a platform TensorFlow has no wheels for, and says why', async () => {
    const docker = scripted({ build: [result({})], smoke: [result({ tail: okOn('x86_64') })] })
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\nRUN pip install tensorflow\n'),
        platforms: 'linux/amd64,linux/arm/v7',
        train: 'false',
      },
      '/',
    )
    const r = await runCheck(opts, {
      docker,
      log: quiet,
      runId: 'r3',
      hostArch: 'amd64',
      readBinfmt: async () => [
        { name: 'qemu-arm', enabled: true, interpreter: '/usr/bin/qemu-arm', flags: 'F' },
      ],
    })
    const armv7 = r.platforms[1]!
    expect(armv7).toMatchObject({ platform: 'linux/arm/v7', passed: false })
    expect(armv7.stages.build).toMatchObject({
      status: 'skipped',
      reason: 'not built: TensorFlow publishes no wheels for this platform',
      cause: 'finding',
    })
    expect(armv7.diagnoses.map((d) => d.id)).toEqual(['platform-unsupported-by-tensorflow'])
    expect(docker.calls.filter((c) => JSON.stringify(c).includes('linux/arm/v7'))).toEqual([])
    expect(r.passed).toBe(false)
  })

  it('gpus with training off: a run that listed no GPU fails the GPU stage, its log the container’s output', async () => {
    // The smoke script's real output in the sandbox's amd64 image, which has no GPU.
    const cpu = readFileSync(fixturePath('gpu/tensorflow-amd64.log'), 'utf8').split('\n')
    const docker = scripted({ build: [result({})], smoke: [result({ tail: cpu })] })
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\nRUN pip install tensorflow\n'),
        platforms: 'linux/amd64',
        train: 'false',
        gpus: 'all',
      },
      '/',
    )
    const r = await runCheck(opts, { docker, log: quiet, runId: 'r-gpu', hostArch: 'amd64' })
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.gpu).toMatchObject({ status: 'failed', reason: 'TensorFlow listed no GPU' })
    // TensorFlow's lines from before the import and from the GPU check after it.
    expect(p.stages.gpu!.log).toContain('Could not find cuda drivers on your machine')
    expect(p.stages.gpu!.log).toContain('failed call to cuInit')
    expect(containersOf(docker, 'smoke')[0]).toMatchObject({
      spec: { gpus: { kind: 'docker', value: 'all' } },
    })
  })

  it('fails an emulated platform clearly when no emulator can be had, and still checks the native one', async () => {
    const docker = scripted({
      build: [result({})],
      smoke: [result({ tail: okOn('x86_64') })],
      // The installer fails, as it does without a registry.
      qemu: result({ exitCode: 125, tail: ['Unable to find image'] }),
    })
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\n'),
        platforms: 'linux/arm64,linux/amd64',
        train: 'false',
      },
      '/',
    )
    const r = await runCheck(opts, {
      docker,
      log: quiet,
      runId: 'r4',
      hostArch: 'amd64',
      readBinfmt: async () => [],
    })
    expect(r.platforms[0]!.diagnoses[0]!.id).toBe('exec-format-error')
    expect(r.platforms[0]!.stages.build.cause).toBe('no-emulator')
    expect(r.platforms[0]!.stages.import.cause).toBe('not-reached')
    expect(r.platforms[0]!.stages.build.reason).toMatch(
      /no QEMU emulator for aarch64 is registered on this amd64 machine and registering it with tonistiigi\/binfmt:qemu-v[\d.-]+ did not work/,
    )
    expect(r.platforms[1]!.passed).toBe(true)
    expect(docker.calls[0]).toEqual({
      op: 'registerQemu',
      image: 'tonistiigi/binfmt:qemu-v10.2.3-68',
      arches: ['arm64'],
    })
  })
})

describe('the architecture proof', () => {
  const arm64Check = (dockerfile: string) =>
    parseOptions({ context: project(dockerfile), platforms: 'linux/arm64', train: 'false' }, '/')
  const deps = (docker: Docker) => ({
    docker,
    log: quiet,
    runId: 'r5',
    hostArch: 'amd64',
    readBinfmt: async () => [
      { name: 'qemu-aarch64', enabled: true, interpreter: '/usr/bin/qemu-aarch64', flags: 'F' },
    ],
  })

  it('fails an image that declares another platform before any container runs', async () => {
    const docker = scripted({
      build: [result({})],
      smoke: [],
      declares: { 'linux/arm64': 'linux/amd64' },
    })
    const r = await runCheck(
      arm64Check('FROM --platform=linux/amd64 python:3.11-slim\nRUN pip install tensorflow\n'),
      deps(docker),
    )
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.build).toMatchObject({
      status: 'failed',
      reason:
        'the image built for linux/arm64 is a linux/amd64 image (its configuration says os linux, architecture amd64)',
      cause: 'not-the-platform',
    })
    expect(p.stages.import).toMatchObject({
      status: 'skipped',
      reason: 'the image is not linux/arm64',
      cause: 'not-reached',
    })
    expect(p.diagnoses[0]).toMatchObject({ id: 'wrong-architecture', line: 1 })
    expect(p.diagnoses[0]!.detail).toContain('`FROM --platform=linux/amd64 python:3.11-slim`')
    expect(containersOf(docker)).toEqual([])
    expect(r.passed).toBe(false)
  })

  it('fails closed, without claiming another platform, when the image cannot be inspected', async () => {
    const docker = scripted({ build: [result({})], smoke: [] })
    docker.imageConfig = async () => null
    const r = await runCheck(arm64Check('FROM python:3.11-slim\n'), deps(docker))
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.build.reason).toMatch(/does not say which platform it is/)
    expect(p.diagnoses.map((d) => d.id)).not.toContain('wrong-architecture')
    expect(containersOf(docker)).toEqual([])
  })

  it.each([
    ['uname and binary both x86_64', okOn('x86_64'), /ran as x86_64, not as linux\/arm64/],
    [
      'uname aarch64 but an x86_64 interpreter',
      okOn('aarch64', 'x86_64'),
      /is an amd64 binary, not arm64/,
    ],
    [
      'no ELF header reported',
      [ok[0]!.replace(/,"elf":\{[^}]*\}/, ''), ok[1]!],
      /could not be read/,
    ],
  ])('fails an import that passed but ran as another machine: %s', async (_what, lines, why) => {
    const docker = scripted({ build: [result({})], smoke: [result({ tail: lines })] })
    const r = await runCheck(arm64Check('FROM python:3.11-slim\n'), deps(docker))
    const p = r.platforms[0]!
    expect(p.passed).toBe(false)
    expect(p.stages.import.status).toBe('failed')
    expect(p.stages.import.reason).toMatch(why)
    expect(p.stages.import.cause).toBe('not-the-platform')
    expect(p.diagnoses[0]!.id).toBe('wrong-architecture')
  })
})

describe('the static phase', () => {
  it('reads $BUILDPLATFORM as the engine’s host, not the machine the tests run on', () => {
    const opts = parseOptions(
      {
        context: project('FROM --platform=$BUILDPLATFORM python:3.11-slim\n'),
        platforms: 'linux/amd64,linux/arm64',
      },
      '/',
    )
    const on = (arch: string): (string | null)[] =>
      runLint(opts, quiet, arch).findings.map((f) => f.platform)
    expect(on('arm64')).toEqual(['linux/amd64'])
    expect(on('amd64')).toEqual(['linux/arm64'])
  })
})

describe('cache support', () => {
  it('refuses, before any build, a cache export the docker driver cannot do on the classic store', () => {
    expect(() =>
      checkCacheSupport({ cacheTo: ['type=gha,mode=max'] }, 'docker', 'default', 'classic'),
    ).toThrow(
      /^cache-to: builder 'default' uses the docker driver on the classic image store, which cannot export gha cache .*add docker\/setup-buildx-action/,
    )
    expect(() =>
      checkCacheSupport({ cacheTo: ['type=inline'] }, 'docker', 'default', 'classic'),
    ).not.toThrow()
    // setup-buildx-action's builder, and the docker driver on the containerd store (Docker 29's
    // default), export them: the sandbox's containerd engine wrote a local and a registry cache.
    for (const [driver, store] of [
      ['docker-container', 'classic'],
      ['docker', 'containerd'],
    ] as const)
      for (const to of ['type=gha', 'type=local,dest=/c', 'type=registry,ref=r.test/c:1'])
        expect(() => checkCacheSupport({ cacheTo: [to] }, driver, 'b1', store)).not.toThrow()
  })
})

describe('an arm64 engine: Apple Silicon with Docker Desktop', () => {
  // What `docker info` answers there (its engine runs in a VM, not on the laptop).
  const desktop = parseEngineInfo(
    JSON.stringify({
      Architecture: 'aarch64',
      Name: 'docker-desktop',
      KernelVersion: '6.10.14-linuxkit',
      OperatingSystem: 'Docker Desktop',
      DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    }),
  )!

  it('reads the engine from docker info, and knows it is not this machine', () => {
    expect(desktop).toEqual({
      imageStore: 'containerd',
      arch: 'arm64',
      name: 'docker-desktop',
      kernel: '6.10.14-linuxkit',
    })
    expect(engineIsLocal(desktop, { name: 'laptop.local', kernel: '24.6.0' })).toBe(false)
    expect(engineIsLocal(desktop, { name: 'docker-desktop', kernel: '6.10.14-linuxkit' })).toBe(
      true,
    )
    expect(parseEngineInfo('not json')).toBeNull()
  })

  it('runs linux/arm64 natively and linux/amd64 emulated; an amd64 Illegal instruction is the emulator, said so', async () => {
    const docker = scripted({
      build: [result({ tail: ['#8 DONE 40.0s'] }), result({ tail: ['#8 DONE 300.0s'] })],
      smoke: [
        result({ tail: okOn('aarch64') }),
        result({
          exitCode: 132,
          tail: [okOn('x86_64')[0]!, 'Illegal instruction (core dumped)'],
        }),
      ],
      engine: desktop,
    })
    const opts = parseOptions(
      {
        context: project('FROM python:3.11-slim\nRUN pip install tensorflow==2.21.0\n'),
        platforms: 'linux/arm64,linux/amd64',
        'max-parallel': '1',
        train: 'false',
      },
      '/',
    )
    const said: string[] = []
    const log = { ...quiet, info: (m: string) => void said.push(m) }
    // No hostArch, no readBinfmt: the engine's own answer decides, and this machine's
    // binfmt_misc (an x86-64 Linux running the tests) is never read for a VM's engine.
    const r = await runCheck(opts, { docker, log, runId: 'r-desktop' })
    expect(said).toContain('linux/arm64: native')
    expect(said).toContain(
      "linux/amd64: emulated (on the engine's arm64 machine, by its own emulator)",
    )
    expect(said.some((m) => m.includes('Docker Desktop'))).toBe(true)
    expect(said.some((m) => m.includes("TensorFlow's x86-64 build needs AVX"))).toBe(true)
    // Nothing registered QEMU on someone's laptop.
    expect(docker.calls.some((c) => c.op === 'registerQemu')).toBe(false)

    const [arm64, amd64] = r.platforms
    expect(arm64).toMatchObject({ platform: 'linux/arm64', emulated: false, passed: true })
    expect(amd64).toMatchObject({ platform: 'linux/amd64', emulated: true, passed: false })
    expect(amd64!.diagnoses[0]).toMatchObject({ id: 'illegal-instruction' })
    expect(amd64!.diagnoses[0]!.detail).toContain('ran emulated on an arm64 engine')
    expect(amd64!.diagnoses[0]!.fix).toContain('on an x86-64 machine or runner')
  })
})
